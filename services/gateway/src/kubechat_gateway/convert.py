"""Protos from the mesh into the REST schemas."""

from __future__ import annotations

from google.protobuf.json_format import MessageToDict

from kubechat.v1 import common_pb2, executor_pb2
from kubechat_gateway.schemas import (
    Choice,
    ClarificationPublic,
    ErrorPublic,
    PlanPublic,
    ResultPublic,
    RiskName,
    TablePublic,
)

RISK_NAMES: dict[int, RiskName] = {
    common_pb2.RISK_UNSPECIFIED: "unspecified",
    common_pb2.RISK_READ: "read",
    common_pb2.RISK_WRITE: "write",
    common_pb2.RISK_DESTRUCTIVE: "destructive",
}


def plan_public(plan: common_pb2.Plan) -> PlanPublic:
    clarification = None
    if plan.HasField("clarification"):
        clarification = ClarificationPublic(
            question=plan.clarification.question,
            choices=[Choice(label=c.label, text=c.text) for c in plan.clarification.choices],
        )
    return PlanPublic(
        kubectl=list(plan.kubectl),
        risk=RISK_NAMES.get(plan.risk, "unspecified"),
        confidence=round(plan.confidence, 3),
        operations=[MessageToDict(op) for op in plan.operations],
        clarification=clarification,
        engine=plan.engine,
    )


def result_public(result: executor_pb2.OperationResult) -> ResultPublic:
    table = None
    if result.HasField("table"):
        table = TablePublic(
            kind=result.table.kind,
            columns=[c.name for c in result.table.columns],
            rows=[list(r.cells) for r in result.table.rows],
            continue_token=result.table.continue_token,
        )
    error = None
    if result.HasField("error"):
        error = ErrorPublic(
            code=result.error.code, message=result.error.message, hint=result.error.hint
        )
    return ResultPublic(
        kubectl=result.kubectl, ok=result.ok, table=table, text=result.text, error=error
    )
