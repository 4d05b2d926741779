"""top and wait. (The interactive verbs have no handler: the catalogue says why.)"""

from __future__ import annotations

import time
from typing import Any

from kubechat.errors import DeadlineExceeded, InvalidArgument, NotFound
from kubechat_executor.kube import Table
from kubechat_executor.operations.base import (
    Context,
    Handler,
    Outcome,
    Unsupported,
)
from kubechat_executor.operations.util import jsonpath_get, seconds

METRICS = "metrics.k8s.io"


def _metrics(ctx: Context, plural: str) -> list[dict[str, Any]]:
    if METRICS not in ctx.discovery.groups(ctx.cluster):
        raise Unsupported(
            f"cluster '{ctx.cluster.name}' serves no metrics API ({METRICS}): metrics-server "
            "is not installed, so CPU and memory use are unknown",
            hint="install metrics-server, or read requests and limits with describe",
        )
    scope = f"/namespaces/{ctx.namespace}" if plural == "pods" and ctx.namespace else ""
    path = f"/apis/{METRICS}/v1beta1{scope}/{plural}"
    if ctx.names:
        return [ctx.get(f"{path}/{n}") for n in ctx.names]
    return ctx.list_items(path, ctx.operation.label_selector)


def top_pod(ctx: Context) -> Outcome:
    rows = []
    for item in _metrics(ctx, "pods"):
        containers = item.get("containers") or []
        if ctx.bool_param("containers"):
            rows += [
                {
                    "cells": [
                        item["metadata"]["name"],
                        c.get("name"),
                        c["usage"].get("cpu"),
                        c["usage"].get("memory"),
                    ]
                }
                for c in containers
            ]
        else:
            cpu = ",".join(str(c["usage"].get("cpu")) for c in containers)
            memory = ",".join(str(c["usage"].get("memory")) for c in containers)
            rows.append({"cells": [item["metadata"]["name"], "", cpu, memory]})
    columns = [{"name": n, "type": "string"} for n in ("Name", "Container", "CPU", "Memory")]
    return Outcome(table=Table(columns, rows), kind="PodMetrics")


def top_node(ctx: Context) -> Outcome:
    rows = [
        {"cells": [i["metadata"]["name"], i["usage"].get("cpu"), i["usage"].get("memory")]}
        for i in _metrics(ctx, "nodes")
    ]
    columns = [{"name": n, "type": "string"} for n in ("Name", "CPU", "Memory")]
    return Outcome(table=Table(columns, rows), kind="NodeMetrics")


def _met(obj: dict[str, Any] | None, condition: str) -> bool:
    if condition == "delete":
        return obj is None
    if obj is None:
        return False
    if condition.startswith("condition="):
        wanted, _, value = condition.removeprefix("condition=").partition("=")
        for c in (obj.get("status") or {}).get("conditions") or []:
            if str(c.get("type")).lower() == wanted.lower():
                return str(c.get("status")).lower() == (value or "true").lower()
        return False
    if condition.startswith("jsonpath="):
        path, _, value = condition.removeprefix("jsonpath=").partition("=")
        return str(jsonpath_get(obj, path)) == value
    raise InvalidArgument(
        f"wait --for takes condition=X, jsonpath={{...}}=V or delete, not '{condition}'"
    )


def wait(ctx: Context) -> Outcome:
    condition = ctx.str_param("for")
    if not condition:
        raise InvalidArgument("wait needs --for (condition=Ready, delete...)")
    deadline = time.monotonic() + seconds(ctx.str_param("timeout"), 30.0)
    names = ctx.names or [
        str(i["metadata"]["name"]) for i in ctx.list_items(ctx.path(), ctx.operation.label_selector)
    ]
    if not names:
        raise NotFound(f"no {ctx.resource.plural} to wait for")
    pending = list(names)
    while True:
        pending = [n for n in pending if not _met(ctx.get_or_none(ctx.path(name=n)), condition)]
        if not pending:
            kind = ctx.resource.kind.lower()
            verb = "deleted" if condition == "delete" else "condition met"
            return Outcome(text="\n".join(f"{kind}/{n} {verb}" for n in names))
        if time.monotonic() > deadline:
            raise DeadlineExceeded(f"timed out waiting for {condition} on {', '.join(pending)}")
        time.sleep(0.5)


HANDLERS = (
    Handler("top.pod", read=top_pod),
    Handler("top.node", read=top_node),
    Handler("wait", read=wait),
)
