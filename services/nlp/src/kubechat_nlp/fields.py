"""Field selectors said in words, read by every rule that lists objects: a phase ("failed
po", "pods that are pending") and the node pods run on ("po on cp-01.k8s.lan",
"where nodeName=node-2")."""

from __future__ import annotations

from kubechat_nlp.slots import PHASES
from kubechat_nlp.utterance import Utterance


def field_selector(u: Utterance) -> str | None:
    parts: list[str] = []
    m = u.search(
        r"\b(not running|non-running|(?:are not|aren't|arent|isn't|isnt|is not) running"
        r"|not in (?:the )?running (?:state|phase))\b"
    )
    if m:
        parts.append("status.phase!=Running")
        u.mark(m)
    else:
        m = u.search(
            r"\b(running|pending|failed|failing|succeeded|completed|successful|crashed)"
            r" (?:pods?|po|jobs?|ones)\b|\b(?:pods?|po) (?:that are|which are|in|with|in the|with "
            r"the) (?:status |phase |state )?(running|pending|failed|succeeded|completed)"
            r"\b(?! on\b)"  # ("pods that are running on node-3": where, not a phase)
        )
        if m:
            phase = m.group(1) or m.group(2)
            parts.append(f"status.phase={PHASES[phase]}")
            u.mark_groups(m)
    said = u.search(r"(?<![\w.])(?:spec\.)?nodename ?==? ?([a-z0-9][\w.-]*[a-z0-9])")
    if said:  # "where nodeName=node-2": the field itself, whatever the token
        parts.append(f"spec.nodeName={said.group(1)}")
        u.mark(said)
        return ",".join(parts)
    # "on", "run on", "hosted by", "which pods reside on": where a pod is placed
    verbs = (
        r"(?:run|runs|running|scheduled|reside|resides|residing|live|lives|living|sit|sits"
        r"|sitting|placed|located|hosted|landed)"
    )
    placed = rf"\b(?:(?:{verbs} )?(?:on|onto)|{verbs} (?:to|by))"
    m = (
        u.search(placed + r" (?:the )?node (\S+)")
        or u.search(
            # "pods on node-3", "which pods run on ip-10-0-1-5.ec2.internal": named like a node
            placed + r" ((?:node|worker|ip)-[\w.-]+|[a-z0-9-]+\.[a-z0-9.-]*[a-z0-9]"
            # (a namespace has no dot; cloud and local clusters name their machines so)
            r"|(?:gke|aks|eks|k3d|k3s|kind|talos|minikube)-[\w.-]+)"
        )
        # "the pods node x is hosting"
        or u.search(r"\bnode (\S+) (?:is )?(?:hosting|hosts|running|runs|carrying|carries)\b")
    )
    if m and u.is_name(u.group_index(m)):
        parts.append(f"spec.nodeName={u.group_text(m)}")
        u.mark(m)
    return ",".join(parts) or None
