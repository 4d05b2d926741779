"""The inverse of a change that ran, worked out from the objects as they were BEFORE it.

After a write runs (and stays: a change rolled back by verification needs no undo), the
engine puts on its result the operations that put the old state back, or a short reason
why there are none. nlp keeps them in the conversation, so "undo that" plans exactly this
and never guesses: a scale goes back to the old replica count (with `--current-replicas`
as a guard, so a count someone changed since is not clobbered), a label to its old value,
a created object is deleted, a Deployment's template change is rolled back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kubechat.v1 import common_pb2, executor_pb2
from kubechat_executor.operations.base import NODES, Applied
from kubechat_executor.operations.set import pod_spec_path

log = logging.getLogger(__name__)

Param = str | int | bool | list[str]


@dataclass
class Undo:
    operations: list[common_pb2.Operation] = field(default_factory=list)
    note: str = ""


def operation(
    verb: str, resource: common_pb2.ResourceRef, namespace: str, name: str, **params: Param
) -> common_pb2.Operation:
    """An `Operation` with typed parameters (bool before int: bool is an int in Python)."""
    op = common_pb2.Operation(verb=verb, namespace=namespace, name=name)
    op.resource.CopyFrom(resource)
    for key, value in params.items():
        target = op.params[key]
        if isinstance(value, bool):
            target.bool_value = value
        elif isinstance(value, int):
            target.int_value = value
        elif isinstance(value, list):
            target.list_value.values.extend(value)
        else:
            target.string_value = value
    return op


def _what(item: Applied) -> str:
    m = item.mutation
    return f"{m.resource.kind.lower()}/{m.name}"


def _dig(obj: dict[str, Any] | None, *path: str) -> Any:
    value: Any = obj or {}
    for key in path:
        value = (value or {}).get(key) if isinstance(value, dict) else None
    return value


def _containers(obj: dict[str, Any] | None) -> dict[str, dict[str, Any]]:
    if obj is None:
        return {}
    spec = _dig(obj, *pod_spec_path(str(obj.get("kind")))) or {}
    return {str(c.get("name")): c for c in spec.get("containers") or []}


def _rollback(item: Applied, what: str) -> Undo:
    """A Deployment's template change is undone by going back one revision."""
    m = item.mutation
    if m.resource.plural != "deployments":
        return Undo(
            note=f"{what} on {_what(item)} cannot be undone automatically: only a "
            "Deployment can be rolled back to its previous revision"
        )
    if _dig(item.before, "spec", "template") == _dig(item.after, "spec", "template"):
        return Undo()
    return Undo([operation("rollout.undo", m.resource, m.namespace, m.name)])


# -- one function per catalogue entry (or family) ---------------------------------------


def _scale(item: Applied) -> Undo:
    m = item.mutation
    before = _dig(item.before, "spec", "replicas")
    after = _dig(item.after, "spec", "replicas")
    if not isinstance(before, int):
        return Undo(note=f"the replica count of {_what(item)} before the scale is unknown")
    if before == after:
        return Undo()
    params: dict[str, Param] = {"replicas": before}
    if isinstance(after, int):
        params["current_replicas"] = after
    return Undo([operation("scale", m.resource, m.namespace, m.name, **params)])


def _set_image(item: Applied) -> Undo:
    m = item.mutation
    before, after = _containers(item.before), _containers(item.after)
    images = [
        f"{name}={c.get('image')}"
        for name, c in before.items()
        if name in after and after[name].get("image") != c.get("image")
    ]
    if not images:
        return Undo()
    return Undo([operation("set.image", m.resource, m.namespace, m.name, images=images)])


def _set_env(item: Applied) -> Undo:
    m = item.mutation
    before, after = _containers(item.before), _containers(item.after)
    ops = []
    for name, old in before.items():
        new = after.get(name) or {}
        if old.get("envFrom") != new.get("envFrom"):
            return _rollback(item, "set env --from")
        old_env = {str(e.get("name")): e for e in old.get("env") or []}
        new_env = {str(e.get("name")): e for e in new.get("env") or []}
        changes = []
        for key in sorted(old_env.keys() | new_env.keys()):
            was, now = old_env.get(key), new_env.get(key)
            if was == now:
                continue
            if was is None:
                changes.append(f"{key}-")
            elif "valueFrom" in was:
                return _rollback(item, f"set env of {key} (it came from a reference)")
            else:
                changes.append(f"{key}={was.get('value', '')}")
        if changes:
            ops.append(
                operation("set.env", m.resource, m.namespace, m.name, env=changes, container=name)
            )
    return Undo(ops)


def _set_serviceaccount(item: Applied) -> Undo:
    m = item.mutation
    spec = pod_spec_path(str((item.before or {}).get("kind")))
    before = _dig(item.before, *spec, "serviceAccountName") or "default"
    if before == _dig(item.after, *spec, "serviceAccountName"):
        return Undo()
    return Undo(
        [operation("set.serviceaccount", m.resource, m.namespace, m.name, serviceaccount=before)]
    )


def _patch(item: Applied) -> Undo:
    before = _dig(item.before, "spec", "replicas")
    after = _dig(item.after, "spec", "replicas")
    template_same = _dig(item.before, "spec", "template") == _dig(item.after, "spec", "template")
    if template_same and isinstance(before, int) and before != after:
        return _scale(item)
    if not template_same:
        return _rollback(item, "a patch")
    return Undo(note=f"a patch of {_what(item)} cannot be undone automatically")


def _metadata(field_name: str, verb: str) -> Callable[[Applied], Undo]:
    def undo(item: Applied) -> Undo:
        m = item.mutation
        before = _dig(item.before, "metadata", field_name) or {}
        after = _dig(item.after, "metadata", field_name) or {}
        changes = [
            f"{key}-" if key not in before else f"{key}={before[key]}"
            for key in sorted(before.keys() | after.keys())
            if before.get(key) != after.get(key)
        ]
        if not changes:
            return Undo()
        namespace = m.namespace if m.resource.namespaced else ""
        params: dict[str, Param] = {field_name: changes, "overwrite": True}
        return Undo([operation(verb, m.resource, namespace, m.name, **params)])

    return undo


def _schedulable(item: Applied) -> Undo:
    m = item.mutation
    before = bool(_dig(item.before, "spec", "unschedulable"))
    if before == bool(_dig(item.after, "spec", "unschedulable")):
        return Undo()
    return Undo([operation("cordon" if before else "uncordon", NODES, "", m.name)])


def _taint_text(taint: dict[str, Any], remove: bool) -> str:
    value = f"={taint['value']}" if taint.get("value") else ""
    if remove:
        return f"{taint.get('key')}:{taint.get('effect', '')}-"
    return f"{taint.get('key')}{value}:{taint.get('effect', '')}"


def _taint(item: Applied) -> Undo:
    before = list(_dig(item.before, "spec", "taints") or [])
    after = list(_dig(item.after, "spec", "taints") or [])
    strip = ("key", "value", "effect")
    before = [{k: t[k] for k in strip if t.get(k)} for t in before]
    after = [{k: t[k] for k in strip if t.get(k)} for t in after]
    changes = [_taint_text(t, True) for t in after if t not in before]
    changes += [_taint_text(t, False) for t in before if t not in after]
    if not changes:
        return Undo()
    return Undo([operation("taint", NODES, "", item.mutation.name, taints=changes)])


def _paused(item: Applied) -> Undo:
    m = item.mutation
    before = bool(_dig(item.before, "spec", "paused"))
    if before == bool(_dig(item.after, "spec", "paused")):
        return Undo()
    verb = "rollout.pause" if before else "rollout.resume"
    return Undo([operation(verb, m.resource, m.namespace, m.name)])


def _created(item: Applied) -> Undo:
    m = item.mutation
    if m.change != "create":
        return Undo(
            note=f"{_what(item)} existed before and was changed; that cannot be "
            "undone automatically"
        )
    if m.resource.kind == "TokenRequest" or (item.after or {}).get("kind") == "TokenRequest":
        return Undo(note="a token that was handed out cannot be taken back; it expires on its own")
    name = str(_dig(item.after, "metadata", "name") or m.name)
    namespace = m.namespace if m.resource.namespaced else ""
    return Undo([operation("delete", m.resource, namespace, name)])


_NEVER = {
    "delete": "a deleted object cannot be brought back",
    "drain": "a drain cannot be undone: its pods were evicted (uncordon the node to let "
    "pods be scheduled on it again)",
    "replace": "a replaced object's previous version was not kept",
}
_BY_VERB: dict[str, Callable[[Applied], Undo]] = {
    "scale": _scale,
    "set.image": _set_image,
    "set.env": _set_env,
    "set.serviceaccount": _set_serviceaccount,
    "set.resources": lambda item: _rollback(item, "set resources"),
    "rollout.restart": lambda item: _rollback(item, "a restart"),
    "rollout.undo": lambda item: _rollback(item, "a rollback"),
    "rollout.pause": _paused,
    "rollout.resume": _paused,
    "patch": _patch,
    "label": _metadata("labels", "label"),
    "annotate": _metadata("annotations", "annotate"),
    "cordon": _schedulable,
    "uncordon": _schedulable,
    "taint": _taint,
}


def undo_of(verb: str, applied: list[Applied]) -> Undo:
    """The operations that undo `applied` (the mutations one operation made), last change
    first; or, when any part cannot be undone, none and the reason."""
    if verb in _NEVER:
        return Undo(note=f"That cannot be undone: {_NEVER[verb]}.")
    one = _BY_VERB.get(verb, _created)
    total = Undo()
    for item in reversed(applied):
        part = one(item)
        if part.note:
            return Undo(note=f"That cannot be undone: {part.note}.")
        total.operations.extend(part.operations)
    if not total.operations:
        total.note = "That changed nothing, so there is nothing to undo."
    return total


def record_undo(
    result: executor_pb2.OperationResult, ran: common_pb2.Operation, applied: list[Applied]
) -> None:
    """Put the undo of a change that ran on its result. Never fails the change itself."""
    if result.verification.outcome == executor_pb2.VERIFICATION_OUTCOME_ROLLED_BACK:
        result.undo_note = "That change was already rolled back automatically."
        return
    try:
        undo = undo_of(ran.verb, applied)
    except Exception:  # noqa: BLE001 - the change ran; a missing undo must not hide that
        log.exception("working out the undo failed", extra={"verb": ran.verb})
        undo = Undo(note="I could not work out how to undo that change.")
    result.undo.extend(undo.operations)
    result.undo_note = undo.note
