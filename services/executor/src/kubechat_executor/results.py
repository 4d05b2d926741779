"""Handler answers → protobuf results."""

from __future__ import annotations

from typing import Any

from kubechat.errors import KubeChatError
from kubechat.v1 import common_pb2, executor_pb2
from kubechat_executor.kube import Table


def table_to_proto(table: Table, kind: str) -> common_pb2.ResultTable:
    result = common_pb2.ResultTable(
        kind=kind, continue_token=table.continue_token, remaining=table.remaining
    )
    for column in table.columns:
        result.columns.add(
            name=str(column.get("name", "")),
            type=str(column.get("format") or column.get("type") or "string"),
            description=str(column.get("description", ""))[:200],
        )
    for row in table.rows:
        proto_row = result.rows.add(cells=[_cell(c) for c in row.get("cells", [])])
        obj = row.get("object")
        if isinstance(obj, dict):
            proto_row.object.update(_json_safe(obj))
    return result


def row_to_proto(row: dict[str, Any]) -> common_pb2.Row:
    proto_row = common_pb2.Row(cells=[_cell(c) for c in row.get("cells", [])])
    obj = row.get("object")
    if isinstance(obj, dict):
        proto_row.object.update(_json_safe(obj))
    return proto_row


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ",".join(_cell(v) for v in value)
    return str(value)


def _json_safe(obj: dict[str, Any]) -> dict[str, Any]:
    # Struct holds JSON; managedFields is noise for humans and doubles the payload.
    metadata = obj.get("metadata")
    if isinstance(metadata, dict) and "managedFields" in metadata:
        obj = {**obj, "metadata": {k: v for k, v in metadata.items() if k != "managedFields"}}
    return obj


def error_detail(exc: KubeChatError) -> common_pb2.ErrorDetail:
    return common_pb2.ErrorDetail(code=exc.code, message=exc.message, hint=exc.hint)


def merged(
    results: list[executor_pb2.OperationResult], index: int
) -> executor_pb2.OperationResult | None:
    """One table over several clusters, with the cluster as the first column: the
    cross-cluster comparison ("checkout's image in staging and prod")."""
    tables = [r for r in results if r.index == index and r.ok and r.table.columns]
    if len(tables) < 2:
        return None
    first = tables[0]
    table = common_pb2.ResultTable(kind=first.table.kind)
    table.columns.add(name="Cluster", type="string", description="the cluster that answered")
    table.columns.extend(first.table.columns)
    names = [c.name for c in first.table.columns]
    for result in tables:
        positions = {c.name: i for i, c in enumerate(result.table.columns)}
        for row in result.table.rows:
            cells = [
                row.cells[positions[n]] if n in positions and positions[n] < len(row.cells) else ""
                for n in names
            ]
            table.rows.add(cells=[result.cluster_id, *cells], object=row.object)
    return executor_pb2.OperationResult(
        index=index,
        kubectl=first.kubectl,
        ok=True,
        table=table,
        cluster_id="*",
        verification=executor_pb2.Verification(
            outcome=executor_pb2.VERIFICATION_OUTCOME_NOT_NEEDED
        ),
    )
