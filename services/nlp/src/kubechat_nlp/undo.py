"""'Undo that': the last change that RAN in this conversation, undone the way the executor
said it can be, never a plan that was only shown, cancelled or failed.

The gateway reports every confirmed plan that ran (`IntentService.RecordChange`) with the
executor's inverse, worked out from the objects before the change; the conversation
context keeps it (`ConversationContext.last_change/undo/undo_note`). A request to undo
"that", "the last change" or "what you just did" is answered from there: the recorded
undo operations as an ordinary plan (previewed and confirmed like any other), the reason
it cannot be undone, or that nothing has been changed yet. A request that names its
target ("roll back deployment web") is not one of these: it stays a `rollout undo`.

Offline (`translate`, the evaluation) nothing executes, so every write plan is taken as
confirmed and ran (`assume_ran`), with the inverse that needs no cluster state.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from kubechat_nlp.catalogue import Catalogue
from kubechat_nlp.context import ConversationContext
from kubechat_nlp.model import Clarification, Operation, Plan, Risk
from kubechat_nlp.render import render
from kubechat_nlp.risk import plan_risk

if TYPE_CHECKING:  # (the engine itself reads the last change from here)
    from kubechat_nlp.engine import Engine

NOTHING_TO_UNDO = "Nothing has been changed in this conversation yet, so there is nothing to undo."

_LEAD = (
    r"(?:(?:please|pls|can you|could you|would you|can we|could we|let's|lets|just|now|"
    r"quickly|go ahead and|actually|oops|oh no|hmm|ok|okay|no|wait|i want to|i'd like to|"
    r"i need to|we need to|need to|want to|kindly)[\s,]+)*"
)
# What the change is called. "it"/"them" may also mean an object being talked about
# ("show deployment web" … "roll it back"): see `_about_the_change`.
_CHANGE = (
    r"(?P<what>that|this|it|them|those|these|(?:that|this|the|those|these|my|your) changes?|"
    r"the last (?:change|thing|action|step|one|operation|command)|"
    r"(?:my|your|our) last (?:change|action|command|step|operation)|"
    r"(?:what|everything|the thing) (?:you|i|we) (?:just )?(?:did|done|changed|ran)|"
    r"the last thing (?:you|i|we) did)"
)
_TAIL = r"(?:[\s,]+(?:again|please|pls|now|for me|right now|real quick))*"
_ASKS = [
    re.compile(p)
    for p in (
        rf"^{_LEAD}(?:undo|revert|reverse|roll ?back|back out)(?: {_CHANGE})?{_TAIL}$",
        rf"^{_LEAD}(?:roll|take|put|change|set|turn) {_CHANGE} back"
        rf"(?: (?:to )?(?:how|the way|what) (?:it|they) (?:was|were)(?: before)?)?{_TAIL}$",
        rf"^{_LEAD}go back to (?:how|the way|what) (?:it|things|they) (?:was|were)"
        rf"(?: before)?{_TAIL}$",
        # "cancel that change" after it ran: undo it ("cancel" alone may mean the pending plan)
        rf"^{_LEAD}cancel (?:that|this|the|my|the last|my last) changes?{_TAIL}$",
    )
]
_PRONOUNS = frozenset({"it", "them"})


def _asks(text: str) -> str | None:
    """`change` for an undo of the last change, `pronoun` when it said "it"/"them"."""
    words = re.sub(r"[^a-z0-9' ]+", " ", text.lower())
    words = " ".join(words.replace("\u2019", "'").split())
    for pattern in _ASKS:
        match = pattern.match(words)
        if match:
            return "pronoun" if match.groupdict().get("what") in _PRONOUNS else "change"
    return None


def _target(op: Operation) -> tuple[str, str | None, tuple[str, ...]]:
    return (op.resource.plural if op.resource else "", op.namespace, op.targets)


def _about_the_change(context: ConversationContext) -> bool:
    """ "It" is the change when nothing else was talked about since it ran."""
    last = context.last_target
    if last is None:
        return True
    return any(_target(op) == _target(last) for op in context.last_change)


def undo_last_change(
    text: str, context: ConversationContext | None, catalogue: Catalogue
) -> Plan | None:
    """The answer to a request to undo the last change, or None when `text` is not one."""
    asked = _asks(text)
    if asked is None:
        return None
    ctx = context or ConversationContext()
    recorded = bool(ctx.last_change or ctx.undo or ctx.undo_note)
    if asked == "pronoun" and not (recorded and _about_the_change(ctx)):
        return None  # "roll it back" about an object, not a change: the rules read it
    if ctx.undo:
        ops = ctx.undo
        if all(op.verb in catalogue and catalogue[op.verb].runnable for op in ops):
            ran = "; ".join(render(op, catalogue) for op in ctx.last_change)
            return Plan(
                ops,
                tuple(render(op, catalogue) for op in ops),
                plan_risk(ops, catalogue),
                0.95,
                explanation=f"Undoes the last change that ran: {ran}" if ran else "",
            )
    note = ctx.undo_note or (NOTHING_TO_UNDO if not recorded else "")
    return Plan(
        clarification=Clarification(note or "I cannot undo that change automatically."),
        confidence=0.95,
    )


# -- offline: every write plan is taken as run -----------------------------------------

_ROLLS_BACK = frozenset(
    {"set.image", "set.env", "set.resources", "set.serviceaccount", "rollout.restart",
     "rollout.undo", "patch"}
)  # fmt: skip
_OPPOSITE = {
    "cordon": "uncordon",
    "uncordon": "cordon",
    "rollout.pause": "rollout.resume",
    "rollout.resume": "rollout.pause",
}


def _without_values(items: object) -> list[str] | None:
    """`k=v` → `k-` (what was added goes); None when the change removed something."""
    values = items if isinstance(items, list) else [str(items)]
    if any(v.endswith("-") for v in values):
        return None
    return [f"{v.partition('=')[0].partition(':')[0]}-" for v in values]


def _stateless_inverse(op: Operation) -> tuple[Operation, ...] | str:
    plain = Operation(op.verb, op.resource, op.namespace, op.name, op.names)
    if op.verb in _OPPOSITE:
        return (replace(plain, verb=_OPPOSITE[op.verb]),)
    if op.verb in _ROLLS_BACK and op.resource is not None and op.resource.plural == "deployments":
        return (replace(plain, verb="rollout.undo"),)
    if op.verb in ("label", "annotate") and not op.params.get("overwrite"):
        key = "labels" if op.verb == "label" else "annotations"
        removed = _without_values(op.params.get(key, []))
        if removed is not None and op.targets:
            return (replace(plain, params={key: removed}),)
    if op.verb == "taint":
        taints = op.params.get("taints", [])
        values = taints if isinstance(taints, list) else [str(taints)]
        if values and not any(v.endswith("-") for v in values):
            removed = [f"{v.partition('=')[0].partition(':')[0]}:{v.rpartition(':')[2]}-"
                       for v in values]  # fmt: skip
            return (replace(plain, params={"taints": removed}),)
    if op.verb.startswith("create.") and op.resource is not None and op.targets:
        return (replace(plain, verb="delete"),)
    if op.verb == "scale":
        return "the replica count before the scale is not known here"
    if op.verb in ("delete", "drain"):
        return "a deleted or evicted object cannot be brought back"
    return f"I cannot tell how to undo {op.verb} without the cluster"


def assume_ran(context: ConversationContext, plan: Plan) -> ConversationContext:
    """Offline: the context after `plan` was confirmed and ran (reads change nothing)."""
    if not plan.operations or plan.clarification is not None or plan.risk is Risk.READ:
        return context
    undo: list[Operation] = []
    for op in reversed(plan.operations):
        inverse = _stateless_inverse(op)
        if isinstance(inverse, str):
            return context.with_change(plan.operations, (), f"That cannot be undone: {inverse}.")
        undo.extend(inverse)
    return context.with_change(plan.operations, tuple(undo))


def offline_conversation(engine: Engine, texts: Iterable[str]) -> Iterator[Plan]:
    """Each turn's plan, parsed with the context the earlier turns left; offline, every
    change is taken as confirmed and run."""
    context = ConversationContext()
    for text in texts:
        plan = engine.parse(text, context=context)
        yield plan
        context = assume_ran(context.after(plan), plan)
