"""Rules for changing workloads and objects."""

from __future__ import annotations

import re

from kubechat_nlp.lexicon import STOPWORDS
from kubechat_nlp.model import ParamValue
from kubechat_nlp.rules.common import (
    QUANTITY,
    Ctx,
    Draft,
    Result,
    clarify,
    draft_for,
    first_int,
)
from kubechat_nlp.rules.group_words import mark_group_words
from kubechat_nlp.rules.heads import LEAD_WORDS
from kubechat_nlp.rules.rollout import build_rollout
from kubechat_nlp.rules.scaling import (
    WORD_NUM,
    WORKLOADS,
    current_count,
    is_relative,
    object_after_verb,
    relative_change,
    skip_lead,
    word_number,
)
from kubechat_nlp.rules.scaling import build_scale as _build_scale
from kubechat_nlp.rules.settings import build_set_env
from kubechat_nlp.slots import KV
from kubechat_nlp.utterance import Utterance

__all__ = [
    "WORKLOADS",
    "build_rollout",
    "build_scale",
    "is_relative",
    "relative_change",
    "current_count",
]

# "set WORKERS to 8 on api": a variable spelled in capitals is set to a value, never a
# workload scaled (the shaped text has lost the case, so the typed word decides).
_CAPS_SET = (
    r"\b(?:set|change|update|make) (?:the )?(?:env var |variable )?(\S+)"
    r" (?:to|=) \S+(?: (?:on|in|for)\b|$)"
)


def build_scale(c: Ctx) -> Result:
    m = c.u.search(_CAPS_SET)
    if m is not None:
        typed = c.u.tokens[c.u.group_index(m)].text
        if len(typed) > 1 and typed.isupper() and re.fullmatch(r"[A-Z_][A-Z0-9_]*", typed):
            return build_set_env(c)
    return _build_scale(c)


_HPA_KINDS = ("deployments", "statefulsets", "replicasets", "replicationcontrollers")
_NUM = r"(\d+|one)"
_RANGE = (
    rf"\b{WORD_NUM}(?:-|\.\.|–| ?- ?| to | through | and ){WORD_NUM}"
    r" (?:replicas?|repl\w*|pods?|p\w{1,3}s|instances|copies)\b"
)
# An autoscaler's bounds said alone: "autoscale chat 2-10", "autoscaling on orders, 3 to 6"
_BARE_RANGE = (
    rf"(?<![\w.-]){WORD_NUM}(?:-|\.\.|–| ?- ?| to | through ){WORD_NUM}(?![\w.%-])"
    r"(?! ?(?:%|percent|gi|mi|m\b|cpu|memory))"
)
_BOUNDS = (
    (
        "min",
        rf"\b(?:min(?:imum)?|floor|lower bound|lower limit)(?: of| =|=| replicas| pods)?:? ?"
        rf"{_NUM}\b"
        rf"|\b(?:at least|never (?:below|under|less than|fewer than)|no (?:fewer|less) than"
        rf"|not (?:below|under)|shrink(?:ing)? (?:back )?(?:down )?to) {_NUM}\b",
    ),
    (
        "max",
        rf"\b(?:max(?:imum)?|ceiling|cap|upper bound|upper limit)(?: of| =|=| replicas| pods)?:? ?"
        rf"{_NUM}\b|\bup to {_NUM}\b"
        rf"|\b(?:at most|no more than|never (?:above|over|more than|beyond)|not (?:above|over)"
        rf"|capped at|grow(?:ing)? (?:up )?to) {_NUM}\b",
    ),
    # the number first, only when no bound follows its word: "4 min and 20 max"
    ("min", rf"\b{_NUM} (?:min(?:imum)?|as (?:the |a )?(?:min(?:imum)?|floor))\b"),
    ("max", rf"\b{_NUM} (?:max(?:imum)?|as (?:the |a )?(?:max(?:imum)?|ceiling|cap))\b"),
)


def build_autoscale(c: Ctx) -> Result:
    u = c.u
    skip_lead(u)
    params: dict[str, ParamValue] = {}
    m = u.search(rf"\bbetween {_NUM} and {_NUM}\b|\bfrom {_NUM} (?:up )?to {_NUM}\b")
    # "3 min 6 max", "two min ten max": each number before its bound
    paired = u.search(rf"\b{WORD_NUM} min(?:imum)?,? (?:and )?{WORD_NUM} max(?:imum)?\b")
    if paired:
        params["min"], params["max"] = word_number(paired.group(1)), word_number(paired.group(2))
        u.mark(paired)
    elif m:
        lo, hi = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        params["min"], params["max"] = word_number(lo), word_number(hi)
        u.mark(m)
    elif (m := u.search(_RANGE)) or (m := u.search(_BARE_RANGE)):
        # "autoscaling for web: 2-8 replicas", "3 to 12 pods", "autoscale chat 2-10"
        params["min"], params["max"] = word_number(m.group(1)), word_number(m.group(2))
        u.mark(m)
    for key, pattern in _BOUNDS:
        if key not in params:
            m = u.search(pattern)
            if m is not None:
                params[key] = word_number(next(g for g in m.groups() if g))
                u.mark(m)
    # "cpu 70%" before "70% cpu": in "max 10 cpu 70%" the 10 is the maximum
    m = u.search(
        rf"\bcpu(?: utilization| utilisation| usage| load| target)?(?: is| goes| gets| stays)?"
        rf"(?: above| over| at| of| to| exceeds| hits| reaches| past| beyond| around)? ({QUANTITY})"
        rf"(?: ?(?:%|percent))?|\baverage cpu (?:of )?({QUANTITY})"
        # "scale web on cpu: keep it at 60%"
        rf"|\bcpu\b.{{0,20}}\b(?:keep|hold) (?:it|them) (?:at|around|under|below) (\d+)"
        rf" ?(?:%|percent)"
    ) or u.search(rf"({QUANTITY}) ?(?:%|percent)? cpu\b")
    if m:
        raw = next(g for g in m.groups() if g)
        params["cpu"] = raw if raw.endswith(("%", "m")) else raw + "%"
        u.mark(m)
    m = u.search(rf"\bmemory(?: utilization| usage)?(?: at| of| to)? ({QUANTITY})")
    if m:
        params["memory"] = u.group_text(m, 1)
        u.mark(m)
    # "4 pods", "2 replicas": counts, not the target; "automatically" says how, not what
    # (whole words: "pod-janitor" is a name)
    for m in u.finditer(
        r"(?<![\w-])(\d+ )?(pods?|replicas?|instances|copies)(?![\w-])|\bautomatically\b"
    ):
        u.mark(m)
    s = c.common()
    obj = object_after_verb(u)  # "autoscale web …", "add an hpa to web …"
    d = draft_for(c, "autoscale", s, ("deployments",))
    d.kinds = [k for k in d.kinds if k.ref.plural in _HPA_KINDS][:1] or [c.kind("deployments")]
    if obj:
        d.names = [obj]
    if "max" not in params:
        return clarify("Up to how many replicas?")
    d.params.update(params)
    if not d.names:
        return clarify("Which workload should I autoscale?")
    return [d]


# Verbs that end a running thing: without a kind, their object is a pod.
_KILL = r"\b(kill|terminate|evict|stop)\b"
# Names that only pods have: a ReplicaSet hash and a pod suffix, or a StatefulSet ordinal.
_POD_NAME = re.compile(r"^[a-z0-9-]+-[a-z0-9]{6,10}-[a-z0-9]{5}$")
_SELECTOR_AFTER = (
    rf"\b(?:with|having|where|that have|carrying|tagged|labell?ed)(?: the)?(?: labels?)? ({KV})"
)


def build_vague(c: Ctx) -> Result:
    """'nuke everything', 'wipe the cluster': a question. 'nuke cronjob nightly-backup' names
    its kind and objects, so it is an ordinary delete."""
    u = c.u
    # Only words that mean "delete" may become a delete of what they name; "clean up",
    # "reset" or "start over" in front of a kind never do ("reset in services").
    skip_lead(u)
    deleting = u.search(
        r"(?<![\w-])(nuke|nukes|wipe|destroy|trash|zap|tear down|axe|clean ?up|clean out|tidy up)"
        r"(?![\w-])"
    )
    # "clean up service geo-ip" names what goes; "clean up pods in prod" does not
    cleaning = deleting is not None and deleting.group(1).startswith(("clean", "tidy"))
    opening = range(u.index_at(deleting.start())) if deleting else range(0)
    if any(i not in u.used and u.norms[i] not in LEAD_WORDS for i in opening):
        deleting = None  # only the verb that opens the request ("quick one: … nuke secret x")
    # "wipe out the reviewed annotation from deployment feed" is about the annotation:
    # never a delete of the object it is on
    about_a_setting = u.search(r"\b(labels?|annotations?|env|variables?|taints?|images?)\b")
    if deleting is None or about_a_setting:
        return clarify(
            "That could delete a lot. What exactly should go? Name the kind and "
            "the objects (e.g. 'delete completed jobs in prod').",
            "list what is there first",
            "cancel",
        )
    u.mark(deleting)
    named = [m for m in u.mentions if m.info.ref.plural not in ("all",)]
    everything = u.search(r"\b(everything|it all|all of it|all the things|whole|entire|cluster)\b")
    if named and not everything:
        result = build_delete(Ctx(Utterance(u.tokens, u.kinds), c.kinds))
        # ("clean up the sandbox namespace" empties it: what goes is still unsaid)
        if isinstance(result, list) and all(
            (d.names or (d.slots.selector and not cleaning))
            and not (cleaning and any(k.ref.plural == "namespaces" for k in d.kinds))
            for d in result
        ):
            return result
    return clarify(
        "That could delete a lot. What exactly should go? Name the kind and "
        "the objects (e.g. 'delete completed jobs in prod').",
        "list what is there first",
        "cancel",
    )


# A variable's name: object names are lower case, so "remove DEBUG from the api
# deployment" removes a variable, never the deployment.
_VARIABLE = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{3,}[0-9]*")


_WHAT_TO_DELETE = (
    "What exactly should I delete? Name the kind and the objects, e.g. 'delete pod web-1 in prod'."
)


def build_delete(c: Ctx) -> Result:
    u = c.u
    variable = any(_VARIABLE.fullmatch(t.text) and c.kinds.lookup(t.norm) is None for t in u.tokens)
    if variable and u.search(r"\bfrom\b"):
        return build_set_env(c)
    skip_lead(u)
    mark_group_words(u)  # "remove every batch job labelled …": batch is no job's name
    s = c.common()
    from kubechat_nlp.fields import field_selector

    s.field_selector = field_selector(u)
    if s.selector is None:  # "secrets with role=db", "the jobs labelled tier=batch"
        m = u.search(_SELECTOR_AFTER)
        if m is not None and u.group_index(m, 1) not in u.used:
            s.selector = u.group_text(m, 1)
            u.mark(m)
    params: dict[str, ParamValue] = {}
    if s.files:
        params["filename"] = s.files
    if s.kustomize:
        params["kustomize"] = s.kustomize
    if u.search(r"\bforce\w*\b|\bforcefully\b"):
        params["force"] = True
    grace = first_int(c, r"\bgrace period (?:of )?(\d+)")
    if grace is None and u.search(
        r"\b(zero|0) (second )?grace period\b|\bgrace period (of )?zero\b"
    ):
        grace = 0
    if grace is not None:
        params["grace_period"] = grace
    elif u.search(r"\b(no grace period|immediately|right now|without waiting)\b"):
        params["now"] = True
    if u.search(r"\b(confirm|confirms|interactive|interactively|ask me)\b"):
        params["interactive"] = True
    if params.get("filename") or params.get("kustomize"):
        return [Draft("delete", slots=s, params=params)]
    namespace = _namespace_object(u)
    if namespace is not None:
        return [Draft("delete", [c.kind("namespaces")], [namespace], True, s, params)]
    t = c.target(allow_bare=True)
    if not t.kinds and t.names and u.search(_QUALIFIED) and all(n.isalpha() for n in t.names):
        # "kill off the stale apps", "bin the old builds": a description, never a name
        return clarify(_WHAT_TO_DELETE)
    described = u.search(r"\b([a-z]+) ones\b")
    if not t.kinds and described and u.group_text(described) in t.names:
        return clarify(_WHAT_TO_DELETE)  # "kill the noisy ones": which ones, never a name
    kinds = [k for k in t.kinds if k.ref.plural != "all"]
    if not kinds and (s.selector or s.field_selector):
        # the selector phrase took its kind word with it: "deployments with app=web"
        kinds = [m.info for m in u.mentions if m.info.ref.plural not in ("all", "namespaces")][:1]
    if not kinds and t.names:
        # "kill web-7", "delete api-5d9f8c7b6d-x2x9q": only pods are killed or named so
        if u.search(_KILL) or all(_POD_NAME.match(n.lower()) for n in t.names):
            kinds = [c.kind("pods")]
    if not kinds:
        if t.names:
            return clarify(
                f"What kind of object is {t.names[0]}?",
                *(f"{k} {t.names[0]}" for k in ("pod", "deployment", "service")),
            )
        return clarify(_WHAT_TO_DELETE)
    also = u.search(r"\bas well as (\S+)")
    if len(t.names) == 1 and also and u.is_name(u.group_index(also)):
        t.names.append(u.group_text(also))  # "delete jobs a as well as b": a list
        u.mark(also)
    d = Draft("delete", kinds, t.names, True, s, params)
    if not d.names and not s.selector and not s.field_selector:
        # "all unused configmaps" names a subset no flag can select: ask, never --all
        if u.search(r"\b(all|every|each)\b") and not u.search(_QUALIFIED):
            d.params["all"] = True
        else:
            return clarify(f"Which {kinds[0].ref.plural}?", f"all {kinds[0].ref.plural}")
    return [d]


_QUALIFIED = (
    r"\b(unused|stale|old|older|dead|orphan(ed|s)?|leftover|obsolete|unneeded|useless|idle|"
    r"abandoned|zombie|dangling|outdated|expired|broken|bad|evicted|temporary|temp|extra|"
    r"redundant|spare|unhealthy|crashing|failing|stuck|hanging|unnecessary|junk)\b"
)


def _namespace_object(u: Utterance) -> str | None:
    """'delete namespace default', 'delete the jobs namespace': the namespace is the object
    (a namespace that scopes the request was taken out before the rule ran), whatever its
    name looks like."""
    if not any(m.info.ref.plural == "namespaces" for m in u.mentions):
        return None
    m = u.search(
        r"\b(?:namespace|ns) (?:named |called )?([a-z0-9][a-z0-9-]*)\b(?! (?:namespace|ns)\b)"
    )
    if m is None or m.group(1) in ("and", "with", "in", "please", "pls", "thx", "thanks"):
        m = u.search(r"\b(?:the )?([a-z0-9][a-z0-9-]*) (?:namespace|ns)\b")
    if m is None or m.group(1) in STOPWORDS - {"default"} or u.search(r"\bnamespaces\b"):
        return None
    return u.group_text(m, 1)


def build_apply(c: Ctx) -> Result:
    u = c.u
    s = c.common()
    if u.search(r"\blast[- ]applied\b"):
        d = draft_for(c, "apply.view-last-applied", s, ("deployments",))
        if s.output:
            d.params["output"] = s.output
        return [d]
    if s.kustomize:
        return [Draft("apply", slots=s, params={"kustomize": s.kustomize})]
    if not s.files:
        return clarify("Which manifest file, directory or URL?")
    d = Draft("apply", slots=s, params={"filename": s.files})
    if u.search(r"\b(prune|delete all other|remove all other|not in the file)\b"):
        d.params["prune"] = True
    return [d]


def build_file_verb(c: Ctx, verb: str) -> Result:
    s = c.common()
    if not s.files:
        return clarify("Which manifest file?")
    d = Draft(verb, slots=s, params={"filename": s.files})
    if verb == "replace" and c.u.search(r"\bforce"):
        d.params["force"] = True
    return [d]
