"""Rules that change a workload's settings: image, env, resources, service account,
labels and annotations, patches."""

from __future__ import annotations

import json
import re

from kubechat_nlp.model import ParamValue
from kubechat_nlp.rules.common import (
    QUANTITY,
    Ctx,
    Result,
    clarify,
    draft_for,
    first_int,
    kv_tokens,
)


def _image_pairs(c: Ctx) -> list[str]:
    u = c.u
    pairs = [p for p in kv_tokens(c) if not p.startswith(("app=", "tier="))]
    if pairs:
        return pairs
    # "the www container ... to image:v2, and its busybox container ... to busybox": pair the
    # named containers with the images that follow them, in order.
    containers: list[int] = []
    images: list[int] = []
    for i in range(len(u)):
        if (
            u.norms[i] in ("container", "containers")
            and i > 0
            and u.is_name(i - 1)
            and (u.norms[i - 1] not in ("all", "every", "each"))
        ):
            containers.append(i - 1)
        if (
            i > 0
            and u.norms[i - 1] in ("to", "=")
            and (u.is_name(i) or ":" in u.norms[i])
            and (containers and (not images or images[-1] < containers[-1]))
        ):
            images.append(i)
    if containers and len(containers) == len(images):
        u.used.update(images)
        return [
            f"{u.text_of(ci)}={u.text_of(ii)}" for ci, ii in zip(containers, images, strict=True)
        ]
    m = u.search(r"\bto (\S+) (?:version )?(\d[\w.-]*)(?: version)?\b")
    image: str | None = None
    if m and not re.search(r"[:/]", m.group(1)):
        image = f"{u.group_text(m, 1)}:{m.group(2)}"
        u.mark_groups(m)
    else:
        m = u.search(r"\b(?:to|with|=) (\S*[:/]\S*)")
        if m:
            image = u.group_text(m)
            u.mark_groups(m)
    if image is None:
        return []
    container = (
        "*"
        if u.search(r"\b(all|every|each) (the )?containers?\b")
        else (image.split(":")[0].rsplit("/", 1)[-1])
    )
    return [f"{container}={image}"]


def build_set_image(c: Ctx) -> Result:
    pairs = _image_pairs(c)
    s = c.common()
    every = c.u.search(r"\ball (?:the )?(?:deployments|daemonsets|statefulsets|rc|deployments')")
    d = draft_for(c, "set.image", s, ("deployments",))
    if not pairs:
        return clarify("Which image should the containers run?")
    d.params["images"] = pairs
    if every and not d.names:
        d.params["all"] = True
        d.verb = "set.image"
    if not d.names and not d.params.get("all"):
        return clarify("Which workload should I update?")
    return [d]


def build_set_env(c: Ctx) -> Result:
    u = c.u
    params: dict[str, ParamValue] = {}
    m = u.search(r"\bfrom (?:the )?(secret|config ?map|configmap) (\S+)")
    if m:
        kind = "secret" if m.group(1) == "secret" else "configmap"
        params["from"] = f"{kind}/{u.group_text(m, 2)}"
        u.mark_groups(m)
    m = u.search(r"\bprefix (\S+)")
    if m:
        params["prefix"] = u.group_text(m)
        u.mark_groups(m)
    env: list[str] = []
    m = u.search(
        r"\b(?:remove|delete|unset|drop) (?:the )?(?:environment variable|env var|"
        r"variable|env) (\S+)"
    )
    if m:
        env.append(u.group_text(m) + "-")
        u.mark_groups(m)
    env += kv_tokens(c)
    m = u.search(
        r"\b(?:set|setting) (?:the )?(\S+) (?:environment variable|env var|variable) to (\S+)"
    )
    if m:
        env.append(f"{u.group_text(m, 1)}={u.group_text(m, 2)}")
        u.mark_groups(m)
    if u.search(r"\b(list|show|display|print|what)\b"):
        params["list"] = True
    s = c.common()
    d = draft_for(c, "set.env", s, ("deployments",))
    if env:
        params["env"] = env
    d.params.update(params)
    if not env and "from" not in params and "list" not in params:
        return clarify("Which environment variable, and what value?")
    if not d.names:
        return clarify("Which workload?")
    return [d]


def build_set_resources(c: Ctx) -> Result:
    u = c.u
    limits: dict[str, str] = {}
    requests: dict[str, str] = {}
    mode: dict[str, str] | None = None
    pending: str | None = None
    for i, word in enumerate(u.norms):
        if word.startswith("limit"):
            mode = limits
        elif word.startswith("request"):
            mode = requests
        elif word in ("cpu", "memory"):
            pending = word
        elif pending and re.fullmatch(QUANTITY, word):
            target = mode
            if target is None:
                ahead = " ".join(u.norms[i - 3 : i])
                target = requests if "request" in ahead else limits
            target[pending] = u.text_of(i)
            pending = None
            u.used.add(i)
    container = None
    m = u.search(r"\b(\S+) container\b|\bcontainer (\S+)")
    if m:
        idx = u.index_at(m.start(1) if m.group(1) else m.start(2))
        if u.is_name(idx):
            container = u.text_of(idx)
            u.used.add(idx)
    s = c.common()
    d = draft_for(c, "set.resources", s, ("deployments",))
    if container and not u.search(r"\ball containers\b"):
        d.params["container"] = container
    if limits:
        d.params["limits"] = ",".join(f"{k}={v}" for k, v in sorted(limits.items()))
    if requests:
        d.params["requests"] = ",".join(f"{k}={v}" for k, v in sorted(requests.items()))
    if not limits and not requests:
        return clarify("Which requests or limits (e.g. cpu=200m,memory=512Mi)?")
    if not d.names:
        if container:
            d.names = [container]
        else:
            return clarify("Which workload?")
    return [d]


def build_set_serviceaccount(c: Ctx) -> Result:
    m = c.u.search(r"\bservice ?account to (\S+)")
    if not m:
        return clarify("Which service account?")
    sa = c.u.group_text(m)
    c.u.mark_groups(m)
    s = c.common()
    d = draft_for(c, "set.serviceaccount", s, ("deployments",))
    d.kinds = [k for k in d.kinds if k.ref.plural != "serviceaccounts"] or [c.kind("deployments")]
    d.params["serviceaccount"] = sa
    return [d]


def build_label(c: Ctx) -> Result:
    u = c.u
    annotate = bool(u.search(r"\bannotat"))
    verb = "annotate" if annotate else "label"
    noun = r"(?:annotations?|labels?)"
    pairs: list[str] = []
    m = u.search(
        rf"\b(?:remove|delete|removing|deleting|drop|clear)\w* (?:the |an? )?{noun}"
        rf"(?: named| called| key)? (\S+)"
    )
    if m:
        pairs.append(u.group_text(m) + "-")
        u.mark_groups(m)
    m = u.search(rf"\b{noun} (\S+) and (?:the )?value (\S+)")
    if m:
        pairs.append(f"{u.group_text(m, 1)}={u.group_text(m, 2)}")
        u.mark_groups(m)
    m = u.search(rf"\b{noun} (?:of )?(\S+) (?:on \S+ \S+ )?with (?:the )?(?:new )?(?:value )?(\S+)")
    if m and not pairs and "=" not in m.group(1) + m.group(2):
        pairs.append(f"{u.group_text(m, 1)}={u.group_text(m, 2)}")
        u.mark_groups(m)
    selector = None
    m = u.search(r"\b(?:with|having|matching) (?:the )?labels? (\S+=\S*)")
    if m and u.search(r"\bwith (?:the )?labels? \S+=\S* (?:with|to|as) \S+=") or (m and annotate):
        selector = u.group_text(m)
        u.mark_groups(m)
    if not pairs:
        pairs = kv_tokens(c)
    if not pairs:
        m = u.search(r"\bwith (\S+) ('?)(__quoted__)")
        if m:
            idx = u.index_at(m.start(3))
            pairs.append(f"{u.group_text(m, 1)}={u.tokens[idx].text}")
            u.mark_groups(m)
    s = c.common()
    if selector:
        s.selector = selector
    d = draft_for(c, verb, s, ("pods",), allow_bare=True)
    d.kinds = d.kinds[:1]
    if u.search(rf"\b(list|show|display|what)\b.*\b{noun}\b"):
        d.params["list"] = True
        return [d] if d.names else clarify("Of which object?")
    if u.search(r"\b(overwrite|overwriting|replace|replacing|overwritten)\b"):
        d.params["overwrite"] = True
    if not pairs:
        return clarify(f"Which {verb} (key=value)?")
    d.params["annotations" if annotate else "labels"] = pairs
    if not d.names and not s.selector:
        if u.search(r"\b(all|every|each)\b"):
            d.params["all"] = True
        else:
            return clarify("On which object?")
    return [d]


_PROBE_RE = r"\b(liveness|readiness|startup) ?probe\b"


def build_patch(c: Ctx) -> Result:
    u = c.u
    patch: object | None = None
    ptype: str | None = None
    sub: str | None = None
    json_mode = bool(u.search(r"\bjson patch\b"))
    lit = next((t.text for t in u.tokens if t.text.strip()[:1] in "{["), None)
    if lit:
        try:
            patch = json.loads(lit)
        except ValueError:
            patch = None
    if patch is None:
        if u.search(r"\bunschedulable\b"):
            patch = {"spec": {"unschedulable": True}}
        elif u.search(r"\bschedulable\b"):
            patch = {"spec": {"unschedulable": False}}
        elif u.search(r"\bfinalizers?\b"):
            patch = {"metadata": {"finalizers": []}}
            ptype = "merge"
        elif u.search(r"\breplica"):
            n = first_int(c, r"\bto (\d+)\b|(\d+) replicas")
            patch = {"spec": {"replicas": n}}
            if u.search(r"\bscale subresource\b"):
                sub, ptype = "scale", "merge"
        elif m := u.search(_PROBE_RE):
            probe = m.group(1) + "Probe"
            ptype = "json"
            pod = u.search(r"\bpods?\b")
            base = "/spec/containers/0" if pod else "/spec/template/spec/containers/0"
            patch = [{"op": "remove", "path": f"{base}/{probe}"}]
        elif m := u.search(r"\bimage\b.*\bwith (\S+:\S+)|\bimage\b.*\bto (\S+:\S+)"):
            image = m.group(1) or m.group(2)
            idx = u.index_at(m.start(1) if m.group(1) else m.start(2))
            image = u.text_of(idx)
            u.used.add(idx)
            pod = u.search(r"\bpods?\b")
            base = "/spec/containers/0" if pod else "/spec/template/spec/containers/0"
            if json_mode or u.search(r"\bpositional\b"):
                ptype = "json"
                patch = [{"op": "replace", "path": f"{base}/image", "value": image}]
            else:
                return clarify("Use `set image` for image changes?")
    if patch is None:
        return clarify("What should the patch change?")
    if json_mode and ptype is None:
        ptype = "json"
    elif ptype is None and u.search(r"\bmerge patch\b"):
        ptype = "merge"
    s = c.common()
    d = draft_for(c, "patch", s, ("deployments",))
    d.kinds = d.kinds[:1]
    if ptype:
        d.params["type"] = ptype
    if sub:
        d.params["subresource"] = sub
    d.params["patch"] = json.dumps(patch, separators=(",", ":"))
    if not d.names:
        return clarify("Which object should I patch?")
    return [d]


def build_edit(c: Ctx) -> Result:
    s = c.common()
    d = draft_for(c, "edit", s, ("deployments",))
    d.kinds = d.kinds[:1]
    if s.output:
        d.params["output"] = s.output
    if c.u.search(r"\bsave\b.*\b(config|annotation)\b"):
        d.params["save_config"] = True
    if not d.names:
        return clarify("Which object should I edit?")
    return [d]
