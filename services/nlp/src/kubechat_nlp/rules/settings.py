"""Rules that change a workload's settings: image, env, resources, service account,
labels and annotations, patches."""

from __future__ import annotations

import re

from kubechat_nlp.lexicon import NOT_NAMES, STOPWORDS
from kubechat_nlp.model import ParamValue
from kubechat_nlp.rules.common import (
    QUANTITY,
    Ctx,
    Result,
    clarify,
    draft_for,
    kv_tokens,
)
from kubechat_nlp.rules.containers import everyday_name, word_after_kind
from kubechat_nlp.rules.heads import main_verb
from kubechat_nlp.rules.scaling import mark_opening_verb
from kubechat_nlp.slots import Slots
from kubechat_nlp.utterance import Utterance

_IMAGE_RE = re.compile(
    r"^[a-z0-9][\w.-]*(?::\d+)?(?:/[\w.-]+)*(?::[\w.-]+|@sha256:[0-9a-f]+)$"
    r"|^[a-z0-9][\w.-]*(?::\d+)?(?:/[\w.-]+)+$"
)
_DETERMINERS = frozenset("the its their his her our my your a an this that".split())
_IMAGE_ADJECTIVES = frozenset("container containers docker new old current latest base".split())
_NOT_CONTAINER = frozenset(
    "the a an all every each its their this that same first image images".split()
)


def _images(c: Ctx) -> list[int]:
    """Tokens that are images: `repo/name:tag`, `name:tag`, or a quoted word after 'image
    to' ("image to 'busybox'")."""
    u = c.u
    out: list[int] = []
    for i, tok in enumerate(u.tokens):
        if i in u.used or tok.literal or "=" in tok.text:
            continue
        text = tok.text.strip("'\"")
        if _IMAGE_RE.match(text.lower()) and not re.fullmatch(r"[\d.:]+", text):
            out.append(i)
        elif (
            tok.quoted
            and i > 0
            and u.norms[i - 1] in ("to", "=")
            and (i > 1 and u.norms[i - 2] in ("image", "images"))
        ):
            out.append(i)
    return out


def _containers(c: Ctx) -> list[int]:
    """'the www container', 'container proxy in web', 'its busybox container'."""
    u = c.u
    found: list[int] = []
    for i, word in enumerate(u.norms):
        if word not in ("container", "containers"):
            continue
        before, after = i - 1, i + 1
        det = u.norms[before - 1] if before >= 1 else ""
        # "deployment web-frontend container web": a name right after a kind is that
        # object's, so the container is the word after
        owned = (
            before >= 1
            and u.kind_at(before - 1) is not None
            and not u.tokens[before - 1].possessive  # "a deployment's nginx container"
        )
        if (
            before >= 0
            and not owned
            and _is_container(u, before)
            and (det in _DETERMINERS or det.endswith("'s") or u.is_name(before))
        ):
            found.append(before)
        elif (
            after < len(u)
            and _is_container(u, after)
            and (
                after + 1 >= len(u)
                or u.norms[after + 1] in ("in", "of", "to", "on", "for", "=", ",")
            )
        ):
            found.append(after)
    # "change the nginx image in the web deployment to …": the container named before
    # "image", the workload after the preposition
    for m in u.finditer(r"\b(\S+) image (?:in|of|on|for|inside|within|used by) (?:the )?(\S+)"):
        i, owner = u.group_index(m, 1), u.group_index(m, 2)
        if u.norms[i] in _IMAGE_ADJECTIVES:
            continue  # "swap the container image for web": no container is named
        if i not in found and _is_container(u, i) and (u.is_name(owner) or u.kind_at(owner)):
            found.append(i)
    # "change nginx on image-resizer to nginx:1.27", "app in deployment backend should run
    # …": a name, then the workload it is in, then the image
    for m in u.finditer(
        r"^(?:change|set|switch|update|move|put)? ?(\S+) (?:on|in) (?:the )?"
        r"(?:(?:deploy\w*|statefulset|daemonset|sts|ds) )?(\S+)\b.{0,60}"
        r"\b(?:to|should run|should use|run|use) \S+[:/@]\S+"
    ):
        i, owner = u.group_index(m, 1), u.group_index(m, 2)
        if i not in found and _is_container(u, i) and u.is_name(owner) and u.is_name(i):
            found.append(i)
    # "change the sidecar image envoy to …": the container named by its image
    for m in u.finditer(r"\b(?:sidecar|container)(?:'s)? image (\S+) to\b"):
        i = u.group_index(m)
        if i not in found and _is_container(u, i):
            found.append(i)
    return found


def _is_container(u: Utterance, i: int) -> bool:
    tok = u.tokens[i]
    return (
        i not in u.used
        and not tok.literal
        # "the cron container of web": right before "container", a kind word names it
        and (u.kind_at(i) is None or (i + 1 < len(u) and u.norms[i + 1] == "container"))
        and tok.norm not in _NOT_CONTAINER
        and (tok.norm not in STOPWORDS or tok.norm == "main")
        and bool(re.fullmatch(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?", tok.norm.strip("'")))
    )


def _image_pairs(c: Ctx) -> tuple[list[str], list[str]]:
    """`container=image` pairs, and the containers named (a deployment named like its
    container is found through them)."""
    u = c.u
    pairs = [p for p in kv_tokens(c) if not p.startswith(("app=", "tier="))]
    if pairs:
        return pairs, []
    images = _images(c)
    containers = _containers(c)
    for i in images + containers:
        u.used.add(i)
    names = [u.text_of(i).strip("'\"") for i in containers]
    every = u.search(r"\b(all|every|each) (the |of the |its )?containers?\b")
    if images and len(containers) == len(images) and not every:
        return [
            f"{u.text_of(ci).strip(chr(39))}={u.text_of(ii).strip(chr(39) + chr(34))}"
            for ci, ii in zip(containers, images, strict=True)
        ], names
    if len(images) == 1:
        return [f"*={u.text_of(images[0]).strip(chr(39) + chr(34))}"], names
    # "to nginx 1.22 version": an image said in words; its container is named like it.
    m = u.search(r"\bto (\S+) (?:version )?(\d[\w.-]*)(?: version)?\b")
    if m and not re.search(r"[:/]", m.group(1)) and u.is_name(u.group_index(m, 1)):
        u.mark_groups(m)
        return [f"{u.group_text(m, 1)}={u.group_text(m, 1)}:{m.group(2)}"], names
    return [], names


# A question about what happened or how things are ("did someone change the image?", "is
# the limit 1Gi?") asks to look, never to change.
_QUESTION = r"^(?:did|was|were|has|have|had|is|are|does|do|who|when|why|whether)\b"


def asked_not_told(c: Ctx) -> Result | None:
    if c.u.search(_QUESTION):
        return clarify(
            "That reads like a question, so I changed nothing. To make the change, ask for "
            "it directly (e.g. 'set the image of deployment web to nginx:1.27')."
        )
    return None


def _verb_not_kind(u: Utterance) -> None:
    """ "deploy nginx:1.27 to the cache statefulset": the opening "deploy" is the verb, not
    a Deployment, when another kind follows."""
    offset, _, _ = main_verb(u.text)
    head = u.kind_at(u.index_at(offset)) if u.text else None
    if head is not None and head.name is None and any(m.start > head.start for m in u.mentions):
        u.used.update(range(head.start, head.end))


def build_set_image(c: Ctx) -> Result:
    if (question := asked_not_told(c)) is not None:
        return question
    _verb_not_kind(c.u)
    mark_opening_verb(c.u)  # "retag web to nginx:1.28": never a workload called retag
    pairs, containers = _image_pairs(c)
    every = c.u.search(r"\ball (?:the )?(?:deployments|daemonsets|statefulsets|rc|deployments')")
    d = draft_for(c, "set.image", Slots(), ("deployments",))
    d.slots = c.common()
    if not d.names:
        d.names = word_after_kind(c.u)
    if not pairs:
        return clarify("Which image should the containers run?")
    d.params["images"] = pairs
    if every and not d.names:
        d.params["all"] = True
    if not d.names and d.explicit_kind and containers and not d.params.get("all"):
        d.names = containers[:1]  # "a deployment's nginx container": the deployment is nginx
    if not d.names and not d.params.get("all"):
        return clarify("Which workload should I update?")
    return [d]


def _env_pairs(c: Ctx) -> list[str]:
    u = c.u
    env: list[str] = []
    for m in u.finditer(
        r"\b(?:unset|remove|delete|drop|clear|strip|get rid of)\w* (?:the )?"
        r"(?:environment variables? |env variables? |env vars? |variables? |env )?(\S+)"
        # "strip TZ out of the env of web", "LOG_LEVEL shouldn't be set on falco anymore"
        r"|\b(\S+) (?:out of|from) (?:the )?(?:env|environment)\b"
        r"|\b(\S+) (?:shouldn'?t|should not|doesn'?t need to|does not need to|no longer needs to)"
        r" be set\b"
        # "take DEBUG out of the environment of web", "web shouldn't have TZ set anymore"
        r"|\btake (?:the )?(?:env var |variable )?(\S+) (?:variable |env var )?(?:out of|off)\b"
        r"|\b(?:shouldn't|should not|no longer|doesn't need to|does not need to) have (\S+) set\b"
        # "web doesnt need LOG_LEVEL anymore", "stop setting RETRY_COUNT on web"
        r"|\b(?:doesnt|doesn't|does not|no longer) needs? (\S+)|\bstop setting (\S+)"
    ):
        idx = u.group_index(m)
        if idx not in u.used and _env_key(u, idx):
            env.append(u.text_of(idx) + "-")
            u.used.add(idx)
    env += kv_tokens(c)
    for m in u.finditer(
        r"\b(?:set|setting|change|update|make) (?:the )?(?:environment variable |env var |env "
        r"|variable )?(\S+) (?:environment variable |env var |variable )?"
        r"(?:(?:on|of|for|in) (?:the )?\S+ )?(?:to|=|as) (\S+)"
        r"|\b(\S+) set (?:to|=|as) (\S+)"  # "web needs CACHE_TTL set to 300"
        # "env FEATURE_X = off on rabbit", "environment variable TZ as Asia/Kolkata"
        r"|\b(?:env|environment variable|env var|env variable|variable) (\S+) (?:=|to|as|is) (\S+)"
    ):
        first = next(g for g in (1, 3, 5) if m.group(g))
        k, v = u.group_index(m, first), u.group_index(m, first + 1)
        if k not in u.used and v not in u.used and _env_key(u, k):
            env.append(f"{u.text_of(k)}={u.text_of(v).strip(chr(39) + chr(34))}")
            u.used.update((k, v))
    return env


def _env_key(u: Utterance, i: int) -> bool:
    """An environment variable's name: as typed, `LOG_LEVEL`, `TZ`, `feature_x`."""
    text = u.tokens[i].text
    if u.tokens[i].literal or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*", text):
        return False
    return text.isupper() or "_" in text or u.norms[i] not in NOT_NAMES


def build_set_env(c: Ctx) -> Result:
    if (question := asked_not_told(c)) is not None:
        return question
    u = c.u
    params: dict[str, ParamValue] = {}
    mark_opening_verb(u)
    offset, head, after = main_verb(u.text)
    if head.isalpha() and after in ("env", "environment", "variables", "vars", "envs"):
        u.used.add(u.index_at(offset))  # "load env from secret x into api": never a name
    # "… from configmap app", "import the configmap app as env vars into web"
    m = u.search(r"\b(?:from|import|load|inject) (?:the )?(secret|config ?map|configmap) (\S+)")
    if m:
        kind = "secret" if m.group(1) == "secret" else "configmap"
        params["from"] = f"{kind}/{u.group_text(m, 2)}"
        u.mark_groups(m)
    m = u.search(r"\bprefix (\S+)")
    if m:
        params["prefix"] = u.group_text(m)
        u.mark_groups(m)
    env = _env_pairs(c)
    for m in u.finditer(r"\bin (?:the )?(?:its|their) (?:namespace|environment|env)\b"):
        u.mark(m)  # "needs A=1 in its environment" (the speller's namespace): no kind named
    if not env and u.search(r"\b(list|show|display|print|what|which)\b"):
        params["list"] = True
    d = draft_for(c, "set.env", Slots(), ("deployments",))
    d.slots = c.common()
    if not d.names:
        d.names = word_after_kind(c.u)
    if env:
        params["env"] = env
    d.params.update(params)
    if not env and "from" not in params and "list" not in params:
        return clarify("Which environment variable, and what value?")
    if not d.names:
        return clarify("Which workload?")
    return [d]


_RESOURCE_WORDS = {
    "cpu": "cpu",
    "cpus": "cpu",
    "memory": "memory",
    "mem": "memory",
    "ram": "memory",
}


_FLOOR = r"\b(at least|minimum( of)?|guarantee[ds]?|reserve[ds]?|no less than)\b"


def _resource_amounts(c: Ctx) -> tuple[dict[str, str], dict[str, str]]:
    """(limits, requests) from 'cpu 500m', '500m cpu', 'cpu request of 250m', 'memory at
    1Gi', 'cpu=200m': each amount goes to the resource word next to it, and to requests
    or limits by the nearest such word (limits when none is said)."""
    u = c.u
    limits: dict[str, str] = {}
    requests: dict[str, str] = {}
    for i, tok in enumerate(u.tokens):
        m = re.fullmatch(r"(cpu|memory)=(\S+)", tok.norm)
        if m and i not in u.used:
            ahead = " ".join(u.norms[max(0, i - 4) : i])
            target = requests if "request" in ahead else limits
            target[m.group(1)] = tok.text.split("=", 1)[1].rstrip(",")
            u.used.add(i)
    amounts = [
        i
        for i, w in enumerate(u.norms)
        if i not in u.used and re.fullmatch(QUANTITY, w.strip("'\"")) and not u.tokens[i].literal
    ]
    words = [i for i, w in enumerate(u.norms) if w in _RESOURCE_WORDS]
    taken: set[int] = set()
    for a in amounts:
        # "500m cpu" (the word right after, or after "of") first, else the nearest before
        after = [
            w
            for w in words
            if (w == a + 1 or (w == a + 2 and u.norms[a + 1] == "of")) and w not in taken
        ]
        # "the cpu limit of the mongo stateful set to 500m": the word may be far back, as
        # long as no other amount stands between
        before = [
            w
            for w in words
            if w < a and w not in taken and a - w <= 12 and not any(w < o < a for o in amounts)
        ]
        word = after[0] if after else (before[-1] if before else None)
        if word is None:
            continue
        taken.add(word)
        lo, hi = min(word, a), max(word, a)
        inside = re.findall(r"\b(request|limit)", " ".join(u.norms[lo : hi + 1]))
        prior = re.findall(r"\b(request|limit)", " ".join(u.norms[:lo]))
        later = re.findall(r"\b(request|limit)", " ".join(u.norms[hi:]))[:1]
        # "web needs at least 250m cpu", "guarantee 1Gi": a floor is a request
        floor = ["request"] if re.search(_FLOOR, " ".join(u.norms[:lo])) else []
        mode = (inside or prior or later or floor or ["limit"])[-1]
        target = requests if mode == "request" else limits
        target[_RESOURCE_WORDS[u.norms[word]]] = u.text_of(a).strip("'\"")
        u.used.update((a, word))
    return limits, requests


def build_set_resources(c: Ctx) -> Result:
    if (question := asked_not_told(c)) is not None:
        return question
    u = c.u
    limits, requests = _resource_amounts(c)
    container = None
    m = u.search(r"\b(\S+) container\b|\bcontainer (\S+)")
    if m:
        idx = u.index_at(m.start(1) if m.group(1) else m.start(2))
        if u.is_name(idx):
            container = u.text_of(idx)
            u.used.add(idx)
    d = draft_for(c, "set.resources", Slots(), ("deployments",))
    d.slots = c.common()
    if not d.names:
        d.names = word_after_kind(c.u)
    if container and not u.search(r"\ball containers\b"):
        d.params["container"] = container
    if limits:
        d.params["limits"] = ",".join(f"{k}={v}" for k, v in sorted(limits.items()))
    if requests:
        d.params["requests"] = ",".join(f"{k}={v}" for k, v in sorted(requests.items()))
    if not limits and not requests:
        return clarify("Which requests or limits (e.g. cpu=200m,memory=512Mi)?")
    m = u.search(r"^(?:cap|limit|restrict|throttle|give) (\S+)")
    if not d.names and m and everyday_name(u, u.group_index(m)):
        d.names = [u.group_text(m).removesuffix("'s")]
    if not d.names:
        if container:
            d.names = [container]
        else:
            return clarify("Which workload?")
    return [d]


_SA = r"(?:service ?account|serviceaccount|sa)"


def build_set_serviceaccount(c: Ctx) -> Result:
    """'set the service account of x to sa', 'use service account sa for x', 'run x as
    service account sa', 'change x to the sa service account'."""
    if (question := asked_not_told(c)) is not None:
        return question
    u = c.u
    sa_at: int | None = None
    for pattern in (
        rf"\b{_SA} (?:of (?:the )?(?:\S+ ){{1,2}})?(?:to|=) (?:the )?(\S+)",
        rf"\b(?:to|=|use|as) (?:the )?(\S+) {_SA}\b",
        rf"\b{_SA} (?:named |called )?(\S+)",
    ):
        for m in u.finditer(pattern):
            idx = u.group_index(m)
            if everyday_name(u, idx) or u.is_name(idx):
                sa_at = idx
                break
        if sa_at is not None:
            break
    if sa_at is None:
        return clarify("Which service account?")
    sa = u.text_of(sa_at)
    u.used.add(sa_at)
    d = draft_for(c, "set.serviceaccount", Slots(), ("deployments",))
    d.slots = c.common()
    d.kinds = [k for k in d.kinds if k.ref.plural != "serviceaccounts"] or [c.kind("deployments")]
    if not d.names:
        d.names = word_after_kind(u)
    d.params["serviceaccount"] = sa
    if not d.names:
        return clarify("Which workload?")
    return [d]
