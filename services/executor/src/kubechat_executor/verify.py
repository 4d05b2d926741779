"""After a write: the success condition that follows from the request, polled until it
holds, fails for good, or times out; and the rollback of a failed rollout.

Each check is built from what was applied (the object before and after) and the
verification the catalogue declares for the operation, never from the verb's spelling: a
scale is verified by the workload's rollout, a delete by the object being gone, a label
by the label being there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kubechat.catalogue import Verification
from kubechat.errors import NotFound
from kubechat_executor.kube import JSON_PATCH, MERGE_PATCH
from kubechat_executor.operations.base import Applied, Context, Mutation
from kubechat_executor.operations.rollout import rollout_state

WORKLOADS = ("deployments", "statefulsets", "daemonsets")


@dataclass(frozen=True)
class Status:
    done: bool
    failed: bool = False
    message: str = ""
    fraction: float = 0.0


@dataclass
class Check:
    condition: str
    poll: Callable[[], Status]
    # The mutation that undoes the change, when the change is a rollout that can fail.
    rollback: Callable[[], Mutation | None] | None = None


def _spec(obj: dict[str, Any] | None) -> dict[str, Any]:
    return dict((obj or {}).get("spec") or {})


def _workload_path(ctx: Context, mutation: Mutation) -> str:
    return ctx.path(mutation.resource, name=mutation.name, namespace=mutation.namespace)


def _rollout_check(ctx: Context, applied: Applied) -> Check:
    mutation = applied.mutation
    path = _workload_path(ctx, mutation)
    kind = mutation.resource.kind.lower()
    wanted = _spec(applied.after).get("replicas")

    def poll() -> Status:
        state = rollout_state(ctx.get(path))
        return Status(state.done, state.failed, state.message, state.fraction)

    def rollback() -> Mutation | None:
        before = applied.before or {}
        if before.get("kind") == "Scale":
            return Mutation(
                "PATCH",
                path + "/scale",
                mutation.resource,
                mutation.namespace,
                mutation.name,
                "update",
                {"spec": {"replicas": _spec(before).get("replicas", 0)}},
                MERGE_PATCH,
                object_path=path + "/scale",
            )
        operations: list[dict[str, Any]] = []
        if _spec(before).get("template") != _spec(applied.after).get("template"):
            # The previous ReplicaSet's template is the one before the change: putting it
            # back is what `kubectl rollout undo` does.
            operations.append(
                {"op": "replace", "path": "/spec/template", "value": _spec(before)["template"]}
            )
        if "replicas" in _spec(before) and _spec(before)["replicas"] != wanted:
            operations.append(
                {"op": "replace", "path": "/spec/replicas", "value": _spec(before)["replicas"]}
            )
        if not operations:
            return None
        return Mutation(
            "PATCH",
            path,
            mutation.resource,
            mutation.namespace,
            mutation.name,
            "update",
            operations,
            JSON_PATCH,
        )

    suffix = f" ({wanted}/{wanted} available)" if wanted is not None else ""
    return Check(f"rollout of {kind}/{mutation.name} complete{suffix}", poll, rollback)


def _gone_check(ctx: Context, applied: Applied) -> Check:
    mutation = applied.mutation
    path = mutation.read_path
    kind = mutation.resource.kind.lower()
    uid = ((applied.before or {}).get("metadata") or {}).get("uid")

    def poll() -> Status:
        try:
            obj = ctx.get(path)
        except NotFound:
            return Status(True, message=f"{kind}/{mutation.name} deleted", fraction=1.0)
        if uid and (obj.get("metadata") or {}).get("uid") != uid:
            # A StatefulSet re-creates its pod under the same name: a new uid means the
            # deleted one is gone.
            return Status(
                True, message=f"{kind}/{mutation.name} deleted and re-created", fraction=1.0
            )
        phase = (
            "terminating"
            if (obj.get("metadata") or {}).get("deletionTimestamp")
            else ("still present")
        )
        return Status(False, message=f"{kind}/{mutation.name} {phase}")

    return Check(f"{kind}/{mutation.name} deleted", poll)


def _exists_check(ctx: Context, mutation: Mutation) -> Check:
    kind = mutation.resource.kind.lower()

    def poll() -> Status:
        try:
            ctx.get(mutation.read_path)
        except NotFound:
            return Status(False, message=f"{kind}/{mutation.name} not visible yet")
        return Status(True, message=f"{kind}/{mutation.name} exists", fraction=1.0)

    return Check(f"{kind}/{mutation.name} exists", poll)


def _metadata_check(ctx: Context, mutation: Mutation, field: str) -> Check:
    wanted: dict[str, Any] = ((mutation.body or {}).get("metadata") or {}).get(field) or {}
    kind = mutation.resource.kind.lower()
    shown = ", ".join(f"{k}={v}" if v is not None else f"{k} removed" for k, v in wanted.items())

    def poll() -> Status:
        current = (ctx.get(mutation.read_path).get("metadata") or {}).get(field) or {}
        missing = [k for k, v in wanted.items() if current.get(k) != v]
        if missing:
            return Status(False, message=f"{field} {', '.join(missing)} not yet as asked")
        return Status(True, message=f"{kind}/{mutation.name} has {shown}", fraction=1.0)

    return Check(f"{kind}/{mutation.name} {field}: {shown}", poll)


def _field_check(ctx: Context, mutation: Mutation, key: str) -> Check:
    value = _spec(mutation.body).get(key)
    kind = mutation.resource.kind.lower()

    def poll() -> Status:
        actual = _spec(ctx.get(mutation.read_path)).get(key, False)
        return Status(
            actual == value,
            message=f"{kind}/{mutation.name} spec.{key}={actual}",
            fraction=1.0 if actual == value else 0.0,
        )

    return Check(f"{kind}/{mutation.name} spec.{key}={value}", poll)


def _accepted(mutation: Mutation, applied: Applied) -> Check:
    kind = mutation.resource.kind.lower()
    version = ((applied.after or {}).get("metadata") or {}).get("resourceVersion", "")
    message = f"{kind}/{mutation.name} accepted by the API server" + (
        f" (resourceVersion {version})" if version else ""
    )
    return Check(message, lambda: Status(True, message=message, fraction=1.0))


def checks_for(ctx: Context, verification: Verification, applied: list[Applied]) -> list[Check]:
    checks: list[Check] = []
    for item in applied:
        mutation = item.mutation
        plural = mutation.resource.plural
        if mutation.change == "delete":
            checks.append(_gone_check(ctx, item))
        elif mutation.change == "create" and plural in WORKLOADS:
            # A new workload is verified like a rollout; there is nothing to roll back to.
            check = _rollout_check(ctx, item)
            check.rollback = None
            checks.append(check)
        elif mutation.change == "create":
            checks.append(
                _accepted(mutation, item)
                if mutation.path.endswith("/token")
                else _exists_check(ctx, mutation)
            )
        elif verification is Verification.METADATA:
            # The patch names the field it sets: labels or annotations.
            metadata = (mutation.body or {}).get("metadata") or {}
            field = "labels" if "labels" in metadata else "annotations"
            checks.append(_metadata_check(ctx, mutation, field))
        elif verification is Verification.PAUSED:
            checks.append(_field_check(ctx, mutation, "paused"))
        elif plural == "nodes" and verification in (
            Verification.SCHEDULABLE,
            Verification.DRAINED,
        ):
            checks.append(_field_check(ctx, mutation, "unschedulable"))
        elif plural in WORKLOADS and (
            _spec(item.before) != _spec(item.after)
            or verification in (Verification.ROLLOUT, Verification.REPLICAS)
        ):
            paused = _spec(item.after).get("paused")
            check = _accepted(mutation, item) if paused else _rollout_check(ctx, item)
            if _spec(item.before) == _spec(item.after):
                # "Scale to 3" when it already is 3 still promises 3/3 available; there is
                # simply nothing to roll back to.
                check.rollback = None
            checks.append(check)
        else:
            checks.append(_accepted(mutation, item))
    return checks
