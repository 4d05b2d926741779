"""A selector delete is bound to the objects its preview showed.

The preview lists what the selector matches and the grant (sealed, confirm.py) keeps each
object's namespace, name, UID and resourceVersion. The confirm lists again and runs only
if the same objects match: one that began matching since (a new pod with the label), one
gone, or one replaced by a same-named object (another UID) refuses the whole delete, and
the user previews again to see what it would remove now. Each delete then carries a UID
precondition, so a replacement in the instant between that listing and the delete is
refused by the API server itself.

The resourceVersion is recorded, not required: a pod's status changes all the time, and
the user confirmed deleting that object, not one version of it.
"""

from __future__ import annotations

from collections.abc import Sequence

from kubechat.errors import FailedPrecondition
from kubechat_executor.confirm import Grant
from kubechat_executor.operations import Mutation

MAX_NAMED = 5


def pins_of(mutations: Sequence[Mutation]) -> list[list[str]]:
    return [[m.namespace, m.name, m.uid, m.resource_version] for m in mutations if m.uid]


def _names(keys: set[tuple[str, str]]) -> str:
    named = sorted(f"{ns}/{name}" if ns else name for ns, name in keys)
    more = f" and {len(named) - MAX_NAMED} more" if len(named) > MAX_NAMED else ""
    return ", ".join(named[:MAX_NAMED]) + more


def check_pinned(grant: Grant | None, index: int, mutations: Sequence[Mutation]) -> None:
    """Refuse unless the objects chosen now are exactly those the preview showed."""
    chosen = [m for m in mutations if m.uid]
    if not chosen:
        return  # named objects: the plan hash already binds them
    pinned = grant.pinned.get(str(index)) if grant is not None else None
    if pinned is None:
        raise FailedPrecondition(
            "this selector delete was confirmed without the objects its preview showed",
            hint="preview it again",
        )
    before = {(ns, name): uid for ns, name, uid, *_ in pinned}
    now = {(m.namespace, m.name): m.uid for m in chosen}
    if before == now:
        return
    changes = []
    if added := set(now) - set(before):
        changes.append(f"began matching since the preview: {_names(added)}")
    if gone := set(before) - set(now):
        changes.append(f"no longer there: {_names(gone)}")
    if replaced := {k for k in set(now) & set(before) if now[k] != before[k]}:
        changes.append(f"replaced by new objects of the same name: {_names(replaced)}")
    resource = chosen[0].resource.plural
    raise FailedPrecondition(
        f"the {resource} this delete matches changed after the preview ("
        + "; ".join(changes)
        + "); nothing was deleted",
        hint="preview again to see what the delete would remove now",
    )
