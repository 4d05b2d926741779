"""logs: a pod's container output, or a workload's pods'; `follow` streams."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kubechat.errors import NotFound
from kubechat_executor.operations.base import (
    PODS,
    Chunk,
    Context,
    Handler,
    Outcome,
    selector_string,
)
from kubechat_executor.operations.util import seconds


def _pods(ctx: Context) -> list[dict[str, Any]]:
    """The pods addressed: a pod by name, a workload's pods, or pods by selector."""
    resource = ctx.operation.resource
    if ctx.names and (not resource.plural or resource.plural == "pods"):
        return [ctx.get(ctx.path(PODS, name=n)) for n in ctx.names]
    if ctx.names:
        workload = ctx.get(ctx.path(name=ctx.one_name()))
        selector = selector_string(
            ((workload.get("spec") or {}).get("selector") or {}).get("matchLabels")
        )
    else:
        selector = ctx.operation.label_selector
    pods = ctx.list_items(ctx.path(PODS), selector)
    if not pods:
        raise NotFound(f"no pods found for the logs request in {ctx.namespace}")
    pods.sort(key=lambda p: str((p.get("metadata") or {}).get("name")))
    return pods if ctx.bool_param("all_pods") or not ctx.names else pods[:1]


def _containers(ctx: Context, pod: dict[str, Any]) -> list[str]:
    names = [str(c.get("name")) for c in (pod.get("spec") or {}).get("containers") or []]
    if ctx.bool_param("all_containers"):
        return names
    wanted = ctx.str_param("container")
    return [wanted] if wanted else names[:1]


def _query(ctx: Context, container: str, follow: bool) -> list[tuple[str, str]]:
    query = [("container", container)]
    if follow:
        query.append(("follow", "true"))
    if ctx.bool_param("previous"):
        query.append(("previous", "true"))
    if ctx.bool_param("timestamps"):
        query.append(("timestamps", "true"))
    tail = ctx.int_param("tail")
    if tail is not None and tail >= 0:
        query.append(("tailLines", str(tail)))
    if ctx.str_param("since"):
        query.append(("sinceSeconds", str(int(seconds(ctx.str_param("since"), 0)))))
    if ctx.str_param("since_time"):
        query.append(("sinceTime", ctx.str_param("since_time")))
    return query


def _targets(ctx: Context) -> list[tuple[str, str, str]]:
    return [
        (
            str((pod.get("metadata") or {}).get("name")),
            str((pod.get("metadata") or {}).get("namespace")),
            container,
        )
        for pod in _pods(ctx)
        for container in _containers(ctx, pod)
    ]


def logs(ctx: Context) -> Outcome:
    targets = _targets(ctx)
    parts = []
    for pod, namespace, container in targets:
        data = ctx.cluster.request_bytes(
            "GET",
            ctx.path(PODS, name=pod, subresource="log", namespace=namespace),
            query=_query(ctx, container, False),
            accept="application/json, */*",
            identity=ctx.identity,
        ).decode(errors="replace")
        prefix = f"[pod/{pod}/{container}] " if len(targets) > 1 else ""
        parts.append("".join(prefix + line + "\n" for line in data.splitlines()))
    return Outcome(text="".join(parts), kind="Pod")


def follow(ctx: Context) -> Iterator[Chunk]:
    timeout = seconds(ctx.str_param("timeout"), 300.0)
    targets = _targets(ctx)
    for pod, namespace, container in targets:
        prefix = f"[pod/{pod}/{container}] " if len(targets) > 1 else ""
        for line in ctx.stream(
            ctx.path(PODS, name=pod, subresource="log", namespace=namespace),
            _query(ctx, container, True),
            timeout,
        ):
            yield Chunk(text=prefix + line.decode(errors="replace") + "\n")


HANDLERS = (Handler("logs", read=logs, stream=follow),)
