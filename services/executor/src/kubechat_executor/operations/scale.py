"""scale and autoscale."""

from __future__ import annotations

from typing import Any

from kubechat.errors import FailedPrecondition, InvalidArgument
from kubechat.v1 import common_pb2
from kubechat_executor.kube import MERGE_PATCH
from kubechat_executor.operations.base import (
    PODS,
    Context,
    Handler,
    Mutation,
    ref,
    selector_string,
)

HPA = ref("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers")


def scale(ctx: Context) -> list[Mutation]:
    replicas = ctx.int_param("replicas")
    if replicas is None or replicas < 0:
        raise InvalidArgument("scale needs --replicas, a number of 0 or more")
    expected = ctx.int_param("current_replicas")
    mutations = []
    for name in ctx.names or []:
        path = ctx.path(name=name, subresource="scale")
        if expected is not None:
            current = (ctx.get(path).get("spec") or {}).get("replicas", 0)
            if current != expected:
                raise FailedPrecondition(
                    f"{ctx.resource.kind.lower()}/{name} has {current} replicas, not "
                    f"{expected}: the scale was not made"
                )
        mutations.append(
            Mutation(
                "PATCH",
                path,
                ctx.resource,
                ctx.namespace,
                name,
                "update",
                {"spec": {"replicas": replicas}},
                MERGE_PATCH,
                object_path=path,
            )
        )
    if not mutations:
        raise InvalidArgument("scale needs the name of the workload to scale")
    return mutations


def removed_pods(
    ctx: Context, mutations: list[Mutation]
) -> list[tuple[common_pb2.ResourceRef, str, str, str]]:
    """The pods a scale-down removes. The ReplicaSet controller deletes unscheduled, then
    not-ready, then the newest pods first; this ranking follows it closely enough to show
    the user which pods go."""
    affected = []
    replicas = ctx.int_param("replicas") or 0
    for mutation in mutations:
        workload = ctx.get(ctx.path(mutation.resource, name=mutation.name))
        selector = selector_string(
            ((workload.get("spec") or {}).get("selector") or {}).get("matchLabels")
        )
        pods = [
            p
            for p in ctx.list_items(ctx.path(PODS, namespace=mutation.namespace), selector)
            if not (p.get("metadata") or {}).get("deletionTimestamp")
        ]
        if len(pods) <= replicas:
            continue

        def rank(pod: dict[str, Any]) -> tuple[int, int, str]:
            status = pod.get("status") or {}
            scheduled = 1 if (pod.get("spec") or {}).get("nodeName") else 0
            ready = int(
                any(
                    c.get("type") == "Ready" and c.get("status") == "True"
                    for c in status.get("conditions") or []
                )
            )
            created = str((pod.get("metadata") or {}).get("creationTimestamp", ""))
            return (scheduled, ready, "".join(chr(0x10FFFF - ord(c)) for c in created))

        for pod in sorted(pods, key=rank)[: len(pods) - replicas]:
            affected.append((PODS, mutation.namespace, str(pod["metadata"]["name"]), "delete"))
    return affected


def autoscale(ctx: Context) -> list[Mutation]:
    name = ctx.one_name()
    maximum = ctx.int_param("max")
    if not maximum:
        raise InvalidArgument("autoscale needs --max")
    spec: dict[str, Any] = {
        "scaleTargetRef": {
            "apiVersion": f"{ctx.resource.group}/{ctx.resource.version}".lstrip("/"),
            "kind": ctx.resource.kind,
            "name": name,
        },
        "maxReplicas": maximum,
    }
    minimum = ctx.int_param("min")
    if minimum:
        spec["minReplicas"] = minimum
    metrics = []
    for resource_name in ("cpu", "memory"):
        target = ctx.str_param(resource_name)
        if not target:
            continue
        if target.endswith("%"):
            goal: dict[str, Any] = {"type": "Utilization", "averageUtilization": int(target[:-1])}
        else:
            goal = {"type": "AverageValue", "averageValue": target}
        metrics.append({"type": "Resource", "resource": {"name": resource_name, "target": goal}})
    if metrics:
        spec["metrics"] = metrics
    body = {
        "apiVersion": "autoscaling/v2",
        "kind": "HorizontalPodAutoscaler",
        "metadata": {"name": name, "namespace": ctx.namespace},
        "spec": spec,
    }
    return [Mutation("POST", ctx.path(HPA), HPA, ctx.namespace, name, "create", body)]


HANDLERS = (
    Handler("scale", plan=scale, affected=removed_pods),
    Handler("autoscale", plan=autoscale),
)
