"""cordon, uncordon, taint."""

from __future__ import annotations

from typing import Any

from kubechat.errors import InvalidArgument
from kubechat_executor.kube import MERGE_PATCH
from kubechat_executor.operations.base import NODES, Context, Handler, Mutation


def _schedulable(unschedulable: bool) -> Any:
    def plan(ctx: Context) -> list[Mutation]:
        if not ctx.names:
            raise InvalidArgument("name the nodes")
        return [
            Mutation(
                "PATCH",
                ctx.path(NODES, name=n),
                NODES,
                "",
                n,
                "update",
                {"spec": {"unschedulable": unschedulable}},
                MERGE_PATCH,
            )
            for n in ctx.names
        ]

    return plan


def parse_taint(text: str) -> tuple[dict[str, str], bool]:
    """`key=value:Effect` (add) or `key:Effect-` / `key-` (remove)."""
    remove = text.endswith("-")
    text = text.rstrip("-")
    key_value, _, effect = text.partition(":")
    key, _, value = key_value.partition("=")
    if not key or (not remove and effect not in ("NoSchedule", "PreferNoSchedule", "NoExecute")):
        raise InvalidArgument(f"'{text}' is not a taint (key=value:NoSchedule, key:Effect-)")
    taint = {"key": key, "effect": effect}
    if value:
        taint["value"] = value
    return taint, remove


def taint(ctx: Context) -> list[Mutation]:
    changes = [parse_taint(t) for t in ctx.list_param("taints")]
    if not changes or not ctx.names:
        raise InvalidArgument("taint needs nodes and taints (key=value:Effect or key:Effect-)")
    mutations = []
    for name in ctx.names:
        node = ctx.get(ctx.path(NODES, name=name))
        taints = list((node.get("spec") or {}).get("taints") or [])
        for change, remove in changes:
            same = [
                t
                for t in taints
                if t.get("key") == change["key"]
                and (not change["effect"] or t.get("effect") == change["effect"])
            ]
            taints = [t for t in taints if t not in same]
            if not remove:
                taints.append(change)
        # The full list in a JSON merge patch replaces the old one: no strategic keys needed.
        mutations.append(
            Mutation(
                "PATCH",
                ctx.path(NODES, name=name),
                NODES,
                "",
                name,
                "update",
                {"spec": {"taints": taints or None}},
                MERGE_PATCH,
            )
        )
    return mutations


HANDLERS = (
    Handler("cordon", plan=_schedulable(True)),
    Handler("uncordon", plan=_schedulable(False)),
    Handler("taint", plan=taint),
)
