"""Risk of one operation: the catalogue's class, raised by what the arguments do.

Every engine (rules, LLM) classifies through this one function, so a model can never
talk an operation into a lower class than its effect."""

from __future__ import annotations

import re

from kubechat_nlp.catalogue import Catalogue
from kubechat_nlp.model import Operation, Risk

_DANGEROUS_ARGV = re.compile(
    r"^(rm|kill|pkill|killall|shutdown|reboot|halt|mkfs\S*|dd|truncate|"
    r"drop|psql|mysql|redis-cli|chmod|chown|mv)$"
)


def operation_risk(op: Operation, catalogue: Catalogue) -> Risk:
    risk = catalogue[op.verb].risk
    p = op.params
    if op.verb == "scale" and p.get("replicas") == 0:
        risk = Risk.DESTRUCTIVE
    if op.verb == "exec":
        argv = p.get("argv")
        if isinstance(argv, list) and any(_DANGEROUS_ARGV.match(a) for a in argv):
            risk = Risk.DESTRUCTIVE
    if op.verb == "taint":
        taints = p.get("taints")
        if isinstance(taints, list) and any("NoExecute" in t for t in taints):
            risk = Risk.DESTRUCTIVE
    if op.verb == "apply" and p.get("prune"):
        risk = Risk.DESTRUCTIVE
    if op.verb in ("run", "drain") and p.get("dry_run"):
        risk = Risk.READ
    return risk


def plan_risk(ops: tuple[Operation, ...], catalogue: Catalogue) -> Risk:
    return max((operation_risk(op, catalogue) for op in ops), default=Risk.READ)
