"""IntentService: text → Plan, through whichever engine the service was built with."""

from __future__ import annotations

import asyncio
import time
from typing import Any, Protocol

from grpc import aio

from kubechat.callers import current_caller
from kubechat.errors import FailedPrecondition, InvalidArgument
from kubechat.v1 import common_pb2, intent_pb2, intent_pb2_grpc
from kubechat_nlp.context import context_key
from kubechat_nlp.convert import operation_from_proto, plan_to_proto
from kubechat_nlp.llm.diagnose import Diagnosis
from kubechat_nlp.llm.metrics import Metrics
from kubechat_nlp.model import Operation, Plan

MAX_TEXT_CHARS = 100_000
MAX_EVIDENCE_ITEMS = 20


class PlanFor(Protocol):
    """Parses one request of one conversation (context load/save included)."""

    async def __call__(
        self,
        text: str,
        conversation_id: str,
        cluster_id: str,
        tenant: str = "",
        principal: common_pb2.Principal | None = None,
    ) -> Plan: ...


class ChangeRecorder(Protocol):
    """Stores in a conversation's context the change that ran and how to undo it."""

    async def __call__(
        self,
        conversation_id: str,
        ran: tuple[Operation, ...],
        undo: tuple[Operation, ...],
        undo_note: str,
    ) -> None: ...


class Diagnoser(Protocol):
    def diagnose(
        self,
        question: str,
        evidence: list[tuple[str, str]],
        *,
        tenant: str = "",
        conversation_id: str = "",
    ) -> Diagnosis: ...


def _owned(conversation_id: str) -> str:
    """The conversation's context key for the user the gateway's assertion names (never a
    request field: RecordChange's `tenant` is the caller's to write)."""
    if not conversation_id:
        return ""
    caller = current_caller()
    return context_key(conversation_id, caller.principal if caller is not None else None)


class IntentServicer(intent_pb2_grpc.IntentServiceServicer):
    def __init__(
        self,
        plan_for: PlanFor,
        engine_name: str = "rules",
        *,
        diagnoser: Diagnoser | None = None,
        metrics: Metrics | None = None,
        record_change: ChangeRecorder | None = None,
    ) -> None:
        self._plan_for = plan_for
        self._record_change = record_change
        self._engine_name = engine_name
        self._diagnoser = diagnoser
        self._metrics = metrics

    async def Parse(  # noqa: N802 - gRPC method name
        self, request: intent_pb2.ParseRequest, context: aio.ServicerContext[Any, Any]
    ) -> intent_pb2.ParseResponse:
        if len(request.text) > MAX_TEXT_CHARS:
            raise InvalidArgument(
                f"text is {len(request.text)} characters long; the limit is {MAX_TEXT_CHARS}"
            )
        started = time.perf_counter()
        plan = await self._plan_for(
            request.text,
            _owned(request.conversation_id),
            request.cluster_id,
            request.principal.tenant,
            principal=request.principal if request.HasField("principal") else None,
        )
        message = plan_to_proto(plan, engine=self._engine_name, cluster_id=request.cluster_id)
        message.fallback = plan.fallback
        return intent_pb2.ParseResponse(
            plan=message, parse_ms=(time.perf_counter() - started) * 1000
        )

    async def RecordChange(  # noqa: N802 - gRPC method name
        self, request: intent_pb2.RecordChangeRequest, context: aio.ServicerContext[Any, Any]
    ) -> intent_pb2.RecordChangeResponse:
        if not request.conversation_id:
            raise InvalidArgument("a change is recorded in a conversation: name it")
        if self._record_change is None:
            raise FailedPrecondition("this service keeps no conversation context")
        await self._record_change(
            _owned(request.conversation_id),
            tuple(operation_from_proto(op) for op in request.operations_ran),
            tuple(operation_from_proto(op) for op in request.undo),
            request.undo_note[:1000],
        )
        return intent_pb2.RecordChangeResponse()

    async def Diagnose(  # noqa: N802 - gRPC method name
        self, request: intent_pb2.DiagnoseRequest, context: aio.ServicerContext[Any, Any]
    ) -> intent_pb2.DiagnoseResponse:
        if len(request.evidence) > MAX_EVIDENCE_ITEMS:
            raise InvalidArgument(f"at most {MAX_EVIDENCE_ITEMS} evidence items")
        if self._diagnoser is None:
            return intent_pb2.DiagnoseResponse(
                summary="No model is configured for diagnoses.", engine="rules"
            )
        result = await asyncio.to_thread(
            self._diagnoser.diagnose,
            request.question,
            [(e.kubectl, e.output) for e in request.evidence],
            tenant=request.principal.tenant,
            conversation_id=request.conversation_id,
        )
        return intent_pb2.DiagnoseResponse(
            summary=result.summary, cited=list(result.cited), engine=result.engine
        )

    async def GetModelMetrics(  # noqa: N802 - gRPC method name
        self, request: intent_pb2.GetModelMetricsRequest, context: aio.ServicerContext[Any, Any]
    ) -> intent_pb2.GetModelMetricsResponse:
        snapshot = self._metrics.snapshot() if self._metrics else {}
        fields = set(intent_pb2.ModelMetrics.DESCRIPTOR.fields_by_name)
        response = intent_pb2.GetModelMetricsResponse()
        for name, row in snapshot.items():
            message = response.models.add(model=name)
            for key, value in row.items():
                if key in fields:
                    setattr(message, key, value)
        return response
