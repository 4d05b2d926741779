"""label, annotate and patch."""

from __future__ import annotations

from typing import Any

from kubechat.errors import FailedPrecondition, InvalidArgument
from kubechat_executor.kube import JSON_PATCH, MERGE_PATCH, STRATEGIC_PATCH, Table
from kubechat_executor.operations.base import Context, Handler, Mutation, Outcome
from kubechat_executor.operations.util import key_values, parse_document

PATCH_TYPES = {"strategic": STRATEGIC_PATCH, "merge": MERGE_PATCH, "json": JSON_PATCH}


def _targets(ctx: Context) -> list[dict[str, Any]]:
    op = ctx.operation
    if ctx.names:
        return [ctx.get(ctx.path(name=n)) for n in ctx.names]
    if op.label_selector or op.field_selector or ctx.bool_param("all"):
        return ctx.list_items(ctx.path(), op.label_selector, op.field_selector)
    raise InvalidArgument(f"'{op.verb}' needs names, a selector or --all")


def _metadata_plan(field: str, param: str) -> Any:
    def plan(ctx: Context) -> list[Mutation]:
        to_set, to_remove = key_values(ctx.list_param(param), field.rstrip("s"))
        if not to_set and not to_remove:
            raise InvalidArgument(f"no {field} to change (key=value or key-)")
        mutations = []
        for obj in _targets(ctx):
            meta = obj.get("metadata") or {}
            current = meta.get(field) or {}
            clashes = [k for k, v in to_set.items() if k in current and current[k] != v]
            if clashes and not ctx.bool_param("overwrite"):
                raise FailedPrecondition(
                    f"'{meta.get('name')}' already has {field} {', '.join(clashes)} with other "
                    "values; ask again with overwrite to replace them"
                )
            values: dict[str, Any] = {**to_set, **dict.fromkeys(to_remove)}
            namespace = str(meta.get("namespace", ""))
            mutations.append(
                Mutation(
                    "PATCH",
                    ctx.path(name=str(meta["name"]), namespace=namespace),
                    ctx.resource,
                    namespace,
                    str(meta["name"]),
                    "update",
                    {"metadata": {field: values}},
                    MERGE_PATCH,
                )
            )
        return mutations

    return plan


def _metadata_list(field: str) -> Any:
    def read(ctx: Context) -> Outcome:
        rows = []
        for obj in _targets(ctx):
            meta = obj.get("metadata") or {}
            for key, value in sorted((meta.get(field) or {}).items()):
                rows.append({"cells": [str(meta.get("name")), key, str(value)[:200]]})
        columns = [{"name": n, "type": "string"} for n in ("Name", "Key", "Value")]
        return Outcome(table=Table(columns, rows), kind=ctx.resource.kind)

    return read


def patch(ctx: Context) -> list[Mutation]:
    kind = ctx.str_param("type", "strategic") or "strategic"
    if kind not in PATCH_TYPES:
        raise InvalidArgument(f"patch type '{kind}' is not strategic, merge or json")
    text = ctx.str_param("patch")
    if not text:
        raise InvalidArgument("patch needs the patch document (-p)")
    document = parse_document(text, "the patch")
    if kind == "json" and not isinstance(document, list):
        raise InvalidArgument("a json patch is a list of operations")
    if kind != "json" and not isinstance(document, dict):
        raise InvalidArgument("a strategic or merge patch is an object")
    subresource = ctx.str_param("subresource") or ctx.operation.subresource
    return [
        Mutation(
            "PATCH",
            ctx.path(name=n, subresource=subresource),
            ctx.resource,
            ctx.namespace,
            n,
            "update",
            document,
            PATCH_TYPES[kind],
            object_path=ctx.path(name=n, subresource=subresource),
        )
        for n in (ctx.names or [])
    ] or _no_names(ctx)


def _no_names(ctx: Context) -> list[Mutation]:
    raise InvalidArgument(f"'{ctx.operation.verb}' needs the name of the object")


HANDLERS = (
    Handler("label", plan=_metadata_plan("labels", "labels"), read=_metadata_list("labels")),
    Handler(
        "annotate",
        plan=_metadata_plan("annotations", "annotations"),
        read=_metadata_list("annotations"),
    ),
    Handler("patch", plan=patch),
)
