"""Reads: get, describe, events, explain and the questions about the cluster itself."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from kubechat.errors import InvalidArgument, NotFound
from kubechat.v1 import common_pb2
from kubechat_executor.kube import TABLE_ACCEPT, Table
from kubechat_executor.operations.base import (
    EVENTS,
    Chunk,
    Context,
    Handler,
    Outcome,
    Unsupported,
    strip_object,
)
from kubechat_executor.operations.util import jsonpath_get, kind_name, seconds, to_yaml


def _visible(table: Table, wide: bool) -> Table:
    """kubectl hides priority>0 columns unless -o wide."""
    if wide:
        return table
    keep = [i for i, c in enumerate(table.columns) if not c.get("priority")]
    return Table(
        columns=[table.columns[i] for i in keep],
        rows=[
            {**row, "cells": [c for i, c in enumerate(row.get("cells", [])) if i in keep]}
            for row in table.rows
        ],
        continue_token=table.continue_token,
        remaining=table.remaining,
    )


def _with_labels(table: Table) -> Table:
    columns = [*table.columns, {"name": "Labels", "type": "string"}]
    rows = []
    for row in table.rows:
        labels = ((row.get("object") or {}).get("metadata") or {}).get("labels") or {}
        text = ",".join(f"{k}={v}" for k, v in sorted(labels.items())) or "<none>"
        rows.append({**row, "cells": [*row.get("cells", []), text]})
    return Table(columns, rows, table.continue_token, table.remaining)


def _with_namespace(table: Table) -> Table:
    """Across namespaces the server's Table has no namespace column; kubectl adds one
    client-side, first, and so do we."""
    columns = [{"name": "Namespace", "type": "string"}, *table.columns]
    rows = []
    for row in table.rows:
        namespace = ((row.get("object") or {}).get("metadata") or {}).get("namespace") or ""
        rows.append({**row, "cells": [namespace, *row.get("cells", [])]})
    return Table(columns, rows, table.continue_token, table.remaining)


def _table_for(ctx: Context) -> Table:
    op = ctx.operation
    if ctx.names:
        rows: list[dict[str, Any]] = []
        columns: list[dict[str, Any]] = []
        for name in ctx.names:
            body = ctx.cluster.request(
                "GET",
                ctx.path(name=name),
                query=[("includeObject", "Object")],
                accept=TABLE_ACCEPT,
                identity=ctx.identity,
            )
            columns = body.get("columnDefinitions") or columns
            rows += body.get("rows") or []
        return Table(columns, rows)
    return ctx.table(
        ctx.path(),
        op.label_selector,
        op.field_selector,
        limit=ctx.int_param("limit", 0) or 0,
        continue_token=ctx.str_param("continue"),
    )


def get(ctx: Context) -> Outcome:
    if ctx.has("filename"):
        raise Unsupported(
            "the executor cannot read files from your machine; name the objects instead"
        )
    output = ctx.str_param("output")
    table = _table_for(ctx)
    objects = [row.get("object") or {} for row in table.rows]
    if output in ("yaml", "json"):
        stripped = [strip_object(o) for o in objects]
        doc: Any = stripped[0] if len(stripped) == 1 else {"kind": "List", "items": stripped}
        text = to_yaml(doc) if output == "yaml" else json.dumps(doc, indent=2)
        return Outcome(table=_visible(table, False), kind=ctx.resource.kind, text=text)
    if output == "name":
        kind = ctx.resource.kind.lower()
        text = "\n".join(f"{kind}/{(o.get('metadata') or {}).get('name')}" for o in objects)
        return Outcome(table=_visible(table, False), kind=ctx.resource.kind, text=text)
    if output.startswith("jsonpath="):
        path = output.removeprefix("jsonpath=")
        values = [jsonpath_get(o, path) for o in objects]
        text = " ".join(json.dumps(v) if not isinstance(v, str) else v for v in values)
        return Outcome(table=_visible(table, True), kind=ctx.resource.kind, text=text)
    if output and output != "wide":
        raise Unsupported(
            f"output format '{output}' is not rendered by KubeChat; the result carries every "
            "object in full for detail views (use -o wide, yaml, json, name or jsonpath=)"
        )
    if ctx.str_param("template"):
        raise Unsupported("Go templates are not rendered by KubeChat; use -o jsonpath=")
    table = _visible(table, output == "wide")
    sort_by = ctx.str_param("sort_by")
    if sort_by:
        rows = sorted(table.rows, key=lambda r: str(jsonpath_get(r.get("object") or {}, sort_by)))
        table = Table(table.columns, rows, table.continue_token, table.remaining)
    if ctx.bool_param("show_labels"):
        table = _with_labels(table)
    if ctx.operation.all_namespaces and ctx.resource.namespaced:
        table = _with_namespace(table)
    return Outcome(table=table, kind=ctx.resource.kind)


def watch(ctx: Context) -> Iterator[Chunk]:
    """`get -w`: the current rows, then one chunk per change until the timeout."""
    op = ctx.operation
    timeout = seconds(ctx.str_param("timeout"), 60.0)
    query = [("watch", "1"), ("includeObject", "Object"), ("timeoutSeconds", str(int(timeout)))]
    if op.label_selector:
        query.append(("labelSelector", op.label_selector))
    if op.field_selector:
        query.append(("fieldSelector", op.field_selector))
    if ctx.names:
        query.append(("fieldSelector", f"metadata.name={ctx.names[0]}"))
    columns: list[dict[str, Any]] = []
    for line in ctx.cluster.stream_lines(
        ctx.path(), query=query, identity=ctx.identity, timeout=timeout + 5, accept=TABLE_ACCEPT
    ):
        if not line.strip():
            continue
        event = json.loads(line)
        body = event.get("object") or {}
        columns = body.get("columnDefinitions") or columns
        for row in body.get("rows") or []:
            yield Chunk(event_type=str(event.get("type", "")), row=row, columns=columns)


def describe(ctx: Context) -> Outcome:
    if ctx.names:
        objects = [ctx.get(ctx.path(name=n)) for n in ctx.names]
    else:
        objects = ctx.list_items(
            ctx.path(), ctx.operation.label_selector, ctx.operation.field_selector
        )
    if not objects:
        raise NotFound(f"no {ctx.resource.plural} found in {ctx.namespace or 'the cluster'}")
    parts = []
    for obj in objects:
        meta = obj.get("metadata") or {}
        text = to_yaml(strip_object(obj))
        selector = f"involvedObject.name={meta.get('name')},involvedObject.kind={obj.get('kind')}"
        events = []
        try:
            events = ctx.list_items(
                ctx.path(EVENTS, namespace=meta.get("namespace", "")), "", selector
            )
        except (NotFound, InvalidArgument):
            events = []
        lines = [
            f"  {e.get('type', '')}\t{e.get('reason', '')}\t{e.get('message', '')}"
            for e in events[-20:]
        ]
        parts.append(text + "Events:\n" + ("\n".join(lines) if lines else "  <none>"))
    return Outcome(text="\n---\n".join(parts), kind=ctx.resource.kind)


def _events_selector(ctx: Context) -> str:
    selectors = [s for s in [ctx.operation.field_selector] if s]
    target = ctx.str_param("for")
    if target:
        kind, name = kind_name(target)
        resolved = ctx.discovery.complete(ctx.cluster, common_pb2.ResourceRef(kind=kind))
        selectors += [f"involvedObject.kind={resolved.kind}", f"involvedObject.name={name}"]
    types = ctx.str_param("types")
    if types:
        selectors.append(f"type={types}")
    return ",".join(selectors)


def events(ctx: Context) -> Outcome:
    table = ctx.table(ctx.path(EVENTS), ctx.operation.label_selector, _events_selector(ctx))
    return Outcome(table=_visible(table, False), kind="Event")


def watch_events(ctx: Context) -> Iterator[Chunk]:
    ctx.operation.field_selector = _events_selector(ctx)
    ctx.operation.resource.CopyFrom(EVENTS)
    yield from watch(ctx)


def api_resources(ctx: Context) -> Outcome:
    namespaced = ctx.str_param("namespaced").lower()
    rows = []
    for r in sorted(ctx.discovery.resources(ctx.cluster), key=lambda r: (r.group, r.plural)):
        if not r.preferred or "/" in r.plural:
            continue
        if namespaced in ("true", "false") and r.namespaced != (namespaced == "true"):
            continue
        api_version = f"{r.group}/{r.version}" if r.group else r.version
        rows.append(
            {
                "cells": [
                    r.plural,
                    ",".join(r.short_names),
                    api_version,
                    str(r.namespaced).lower(),
                    r.kind,
                ]
            }
        )
    columns = [
        {"name": n, "type": "string"}
        for n in ("Name", "Shortnames", "APIVersion", "Namespaced", "Kind")
    ]
    return Outcome(table=Table(columns, rows), kind="APIResource")


def api_versions(ctx: Context) -> Outcome:
    versions = sorted(
        {
            f"{r.group}/{r.version}" if r.group else r.version
            for r in ctx.discovery.resources(ctx.cluster)
        }
    )
    return Outcome(text="\n".join(versions))


def version(ctx: Context) -> Outcome:
    info = ctx.get("/version")
    return Outcome(
        text=f"Server Version: {info.get('gitVersion', '?')}\n"
        f"Platform: {info.get('platform', '?')}\nGo: {info.get('goVersion', '?')}"
    )


def cluster_info(ctx: Context) -> Outcome:
    lines = [f"Kubernetes control plane is running at {ctx.cluster.server}"]
    try:
        services = ctx.list_items(
            "/api/v1/namespaces/kube-system/services", "kubernetes.io/cluster-service=true"
        )
    except NotFound:
        services = []
    for svc in services:
        name = (svc.get("metadata") or {}).get("name")
        lines.append(
            f"{name} is running at {ctx.cluster.server}/api/v1/namespaces/kube-system/"
            f"services/{name}/proxy"
        )
    return Outcome(text="\n".join(lines))


def cluster_info_dump(ctx: Context) -> Outcome:
    """A bounded dump (nodes, and per namespace: events, pods, workloads) as JSON text."""
    namespace = ctx.operation.namespace
    scope = f"/namespaces/{namespace}" if namespace else ""
    dump: dict[str, Any] = {}
    for key, path in (
        ("nodes", "/api/v1/nodes"),
        ("events", f"/api/v1{scope}/events"),
        ("pods", f"/api/v1{scope}/pods"),
        ("deployments", f"/apis/apps/v1{scope}/deployments"),
        ("replicasets", f"/apis/apps/v1{scope}/replicasets"),
        ("statefulsets", f"/apis/apps/v1{scope}/statefulsets"),
        ("daemonsets", f"/apis/apps/v1{scope}/daemonsets"),
    ):
        try:
            dump[key] = [strip_object(o) for o in ctx.list_items(path)]
        except Exception as exc:  # noqa: BLE001 - a dump shows what it could read
            dump[key] = {"error": str(exc)}
    return Outcome(text=json.dumps(dump, indent=1, default=str))


def explain(ctx: Context) -> Outcome:
    resource = ctx.resource
    group_path = (
        f"apis/{resource.group}/{resource.version}"
        if resource.group
        else (f"api/{resource.version}")
    )
    document = ctx.get(f"/openapi/v3/{group_path}")
    schemas = (document.get("components") or {}).get("schemas") or {}
    schema: dict[str, Any] | None = None
    for candidate in schemas.values():
        for gvk in candidate.get("x-kubernetes-group-version-kind") or []:
            if (gvk.get("group"), gvk.get("version"), gvk.get("kind")) == (
                resource.group,
                resource.version,
                resource.kind,
            ):
                schema = candidate
    if schema is None:
        raise NotFound(f"no schema for {resource.kind} in the cluster's OpenAPI document")
    field_path = ctx.operation.name.split(".")[1:] if "." in ctx.operation.name else []
    title = resource.kind
    for part in field_path:
        schema = _follow(schemas, (schema.get("properties") or {}).get(part) or {})
        title += f".{part}"
    lines = [
        f"KIND: {resource.kind}",
        f"VERSION: {resource.group + '/' if resource.group else ''}{resource.version}",
        "",
        f"FIELD: {title}",
        "",
        "DESCRIPTION:",
        f"  {schema.get('description', '<empty>')}",
        "",
        "FIELDS:",
    ]
    for name, prop in sorted((schema.get("properties") or {}).items()):
        prop = _follow(schemas, prop)
        summary = str(prop.get("description", "")).split("\n")[0][:120]
        lines.append(f"  {name}\t<{prop.get('type', 'Object')}>\n    {summary}")
    return Outcome(text="\n".join(lines))


def _follow(schemas: dict[str, Any], prop: dict[str, Any]) -> dict[str, Any]:
    ref = prop.get("$ref") or next(
        (x.get("$ref") for x in prop.get("allOf") or [] if "$ref" in x), None
    )
    if ref:
        return dict(schemas.get(str(ref).split("/")[-1]) or {})
    return prop


def view_last_applied(ctx: Context) -> Outcome:
    obj = ctx.get(ctx.path(name=ctx.one_name()))
    annotations = (obj.get("metadata") or {}).get("annotations") or {}
    last = annotations.get("kubectl.kubernetes.io/last-applied-configuration")
    if not last:
        raise NotFound(
            f"{ctx.resource.kind.lower()}/{ctx.one_name()} has no last-applied configuration "
            "(it was not created with client-side apply)"
        )
    doc = json.loads(last)
    return Outcome(
        text=json.dumps(doc, indent=2) if ctx.str_param("output") == "json" else to_yaml(doc)
    )


HANDLERS = (
    Handler("get", read=get, stream=watch),
    Handler("describe", read=describe),
    Handler("events", read=events, stream=watch_events),
    Handler("explain", read=explain),
    Handler("api-resources", read=api_resources),
    Handler("api-versions", read=api_versions),
    Handler("version", read=version),
    Handler("cluster-info", read=cluster_info),
    Handler("cluster-info.dump", read=cluster_info_dump),
    Handler("apply.view-last-applied", read=view_last_applied),
)
