"""Patches and edits: the JSON/merge patch a request describes, and `kubectl edit`."""

from __future__ import annotations

import json

from kubechat_nlp.rules.common import Ctx, Result, clarify, draft_for, first_int
from kubechat_nlp.rules.settings import asked_not_told

_PROBE_RE = r"\b(liveness|readiness|startup) ?probe\b"


def build_patch(c: Ctx) -> Result:
    if (question := asked_not_told(c)) is not None:
        return question
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
    if (question := asked_not_told(c)) is not None:
        return question
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
