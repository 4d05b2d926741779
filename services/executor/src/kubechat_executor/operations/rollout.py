"""rollout status/history/restart/undo/pause/resume, and the rollout-complete test that
verification shares."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from kubechat.errors import FailedPrecondition, NotFound
from kubechat_executor.kube import JSON_PATCH, MERGE_PATCH, STRATEGIC_PATCH, Table
from kubechat_executor.operations.base import (
    CONTROLLER_REVISIONS,
    REPLICASETS,
    Chunk,
    Context,
    Handler,
    Mutation,
    Outcome,
    Unsupported,
)
from kubechat_executor.operations.util import seconds, to_yaml

REVISION = "deployment.kubernetes.io/revision"
RESTARTED_AT = "kubectl.kubernetes.io/restartedAt"


@dataclass(frozen=True)
class RolloutState:
    done: bool
    failed: bool
    message: str
    fraction: float


def rollout_state(obj: dict[str, Any]) -> RolloutState:
    """kubectl's rollout-status logic for Deployments, StatefulSets and DaemonSets."""
    kind = obj.get("kind", "")
    name = (obj.get("metadata") or {}).get("name", "")
    spec, status = obj.get("spec") or {}, obj.get("status") or {}
    generation = (obj.get("metadata") or {}).get("generation", 0)
    if status.get("observedGeneration", 0) < generation:
        return RolloutState(False, False, f"waiting for the {kind} spec update to be observed", 0.0)
    if kind == "DaemonSet":
        desired = int(status.get("desiredNumberScheduled") or 0)
        updated = int(status.get("updatedNumberScheduled") or 0)
        available = int(status.get("numberAvailable") or 0)
        fraction = available / desired if desired else 1.0
        if updated < desired or available < desired:
            return RolloutState(
                False,
                False,
                f"{available}/{desired} pods available, {updated}/{desired} updated",
                fraction,
            )
        return RolloutState(True, False, f"{available}/{desired} pods available", 1.0)
    wanted = int(spec.get("replicas", 1))
    updated = int(status.get("updatedReplicas") or 0)
    available = int(status.get("availableReplicas") or status.get("readyReplicas") or 0)
    total = int(status.get("replicas") or 0)
    fraction = min(available, updated) / wanted if wanted else 1.0
    for condition in status.get("conditions") or []:
        if condition.get("reason") == "ProgressDeadlineExceeded":
            return RolloutState(
                False, True, f"{kind.lower()} '{name}' exceeded its progress deadline", fraction
            )
    if updated < wanted:
        return RolloutState(
            False,
            False,
            f"{updated} of {wanted} new replicas updated, {available}/{wanted} available",
            fraction,
        )
    if total > updated:
        return RolloutState(
            False, False, f"{total - updated} old replicas pending termination", fraction
        )
    if available < updated:
        return RolloutState(
            False, False, f"{available} of {updated} updated replicas available", fraction
        )
    return RolloutState(True, False, f"{available}/{wanted} replicas available", 1.0)


def status(ctx: Context) -> Outcome:
    obj = ctx.get(ctx.path(name=ctx.one_name()))
    state = rollout_state(obj)
    name = f'{ctx.resource.kind.lower()} "{ctx.one_name()}"'
    text = f"{name} successfully rolled out" if state.done else f"{name}: {state.message}"
    return Outcome(text=text)


def watch_status(ctx: Context) -> Iterator[Chunk]:
    import time

    deadline = time.monotonic() + seconds(ctx.str_param("timeout"), 300.0)
    last = ""
    while True:
        outcome = status(ctx)
        if outcome.text != last:
            last = outcome.text
            yield Chunk(text=outcome.text + "\n")
        if "successfully rolled out" in outcome.text or time.monotonic() > deadline:
            return
        time.sleep(1.0)


def _owned(ctx: Context, workload: dict[str, Any], resource: Any) -> list[dict[str, Any]]:
    uid = (workload.get("metadata") or {}).get("uid")
    return [
        item
        for item in ctx.list_items(ctx.path(resource))
        if any(
            o.get("uid") == uid for o in (item.get("metadata") or {}).get("ownerReferences") or []
        )
    ]


def _revisions(ctx: Context, workload: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    """(revision, template) for every revision the workload still remembers, oldest first."""
    found: list[tuple[int, dict[str, Any]]] = []
    if workload.get("kind") == "Deployment":
        for rs in _owned(ctx, workload, REPLICASETS):
            revision = int(((rs.get("metadata") or {}).get("annotations") or {}).get(REVISION, 0))
            template = dict((rs.get("spec") or {}).get("template") or {})
            labels = dict((template.get("metadata") or {}).get("labels") or {})
            labels.pop("pod-template-hash", None)
            template["metadata"] = {**(template.get("metadata") or {}), "labels": labels}
            found.append((revision, template))
    else:
        for revision_object in _owned(ctx, workload, CONTROLLER_REVISIONS):
            data = revision_object.get("data") or {}
            template = ((data.get("spec") or {}).get("template")) or {}
            found.append((int(revision_object.get("revision", 0)), template))
    return sorted(found, key=lambda r: r[0])


def history(ctx: Context) -> Outcome:
    workload = ctx.get(ctx.path(name=ctx.one_name()))
    revisions = _revisions(ctx, workload)
    wanted = ctx.int_param("revision")
    if wanted:
        for number, template in revisions:
            if number == wanted:
                return Outcome(text=f"revision {number}\n" + to_yaml(template))
        raise NotFound(f"revision {wanted} of {ctx.one_name()} not found")
    rows = []
    for number, template in revisions:
        annotations = (template.get("metadata") or {}).get("annotations") or {}
        images = ",".join(
            str(c.get("image")) for c in (template.get("spec") or {}).get("containers") or []
        )
        rows.append(
            {
                "cells": [
                    str(number),
                    annotations.get("kubernetes.io/change-cause", "<none>"),
                    images,
                ]
            }
        )
    columns = [{"name": n, "type": "string"} for n in ("Revision", "Change-Cause", "Images")]
    return Outcome(table=Table(columns, rows), kind="Revision")


def restart(ctx: Context) -> list[Mutation]:
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    patch = {"spec": {"template": {"metadata": {"annotations": {RESTARTED_AT: now}}}}}
    return [
        Mutation(
            "PATCH",
            ctx.path(name=n),
            ctx.resource,
            ctx.namespace,
            n,
            "update",
            patch,
            STRATEGIC_PATCH,
        )
        for n in ctx.names
    ]


def undo_to(ctx: Context, workload: dict[str, Any], to_revision: int | None) -> Mutation:
    """The patch that puts a previous revision's pod template back (kubectl rollout undo)."""
    meta = workload.get("metadata") or {}
    if workload.get("kind") != "Deployment":
        raise Unsupported(
            f"KubeChat rolls back Deployments; {workload.get('kind')} '{meta.get('name')}' "
            "can be restored with set image to the previous image"
        )
    current = int((meta.get("annotations") or {}).get(REVISION, 0))
    revisions = [(n, t) for n, t in _revisions(ctx, workload) if n != current]
    if to_revision:
        revisions = [(n, t) for n, t in revisions if n == to_revision]
    if not revisions:
        raise FailedPrecondition(
            f"deployment '{meta.get('name')}' has no previous revision to roll back to"
            + (f" (revision {to_revision} not found)" if to_revision else "")
        )
    number, template = revisions[-1]
    ref = ctx.resource if ctx.operation.resource.kind == "Deployment" else _deployments()
    return Mutation(
        "PATCH",
        ctx.path(ref, name=str(meta.get("name"))),
        ref,
        str(meta.get("namespace", "")),
        str(meta.get("name")),
        "update",
        [{"op": "replace", "path": "/spec/template", "value": template}],
        JSON_PATCH,
    )


def _deployments() -> Any:
    from kubechat_executor.operations.base import DEPLOYMENTS

    return DEPLOYMENTS


def undo(ctx: Context) -> list[Mutation]:
    return [
        undo_to(ctx, ctx.get(ctx.path(name=n)), ctx.int_param("to_revision")) for n in ctx.names
    ]


def _paused(value: bool) -> Any:
    def plan(ctx: Context) -> list[Mutation]:
        if ctx.resource.kind != "Deployment":
            raise Unsupported(f"only Deployments can be paused, not {ctx.resource.kind}")
        return [
            Mutation(
                "PATCH",
                ctx.path(name=n),
                ctx.resource,
                ctx.namespace,
                n,
                "update",
                {"spec": {"paused": value}},
                MERGE_PATCH,
            )
            for n in ctx.names
        ]

    return plan


HANDLERS = (
    Handler("rollout.status", read=status, stream=watch_status),
    Handler("rollout.history", read=history),
    Handler("rollout.restart", plan=restart),
    Handler("rollout.undo", plan=undo),
    Handler("rollout.pause", plan=_paused(True)),
    Handler("rollout.resume", plan=_paused(False)),
)
