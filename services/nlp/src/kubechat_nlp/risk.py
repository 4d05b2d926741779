"""Risk of nlp's `Operation`s through the library's one risk function.

Every engine (rules, LLM) classifies through it, and so does the executor, so a model can
never talk an operation into a lower class than its effect."""

from __future__ import annotations

from kubechat import catalogue as shared
from kubechat_nlp.catalogue import Catalogue
from kubechat_nlp.model import Operation, Risk


def operation_risk(op: Operation, catalogue: Catalogue) -> Risk:
    return shared.operation_risk(
        op.verb,
        op.params,
        label_selector=op.label_selector or "",
        all_namespaces=op.all_namespaces,
        targets=op.targets,
        catalogue=catalogue,
    )


def plan_risk(ops: tuple[Operation, ...], catalogue: Catalogue) -> Risk:
    return shared.plan_risk(operation_risk(op, catalogue) for op in ops)
