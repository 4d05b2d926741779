"""IntentService: text → Plan, through whichever engine the service was built with."""

from __future__ import annotations

import time
from typing import Any, Protocol

from grpc import aio

from kubechat.errors import InvalidArgument
from kubechat.v1 import intent_pb2, intent_pb2_grpc
from kubechat_nlp.convert import plan_to_proto
from kubechat_nlp.model import Plan

MAX_TEXT_CHARS = 100_000


class PlanFor(Protocol):
    """Parses one request of one conversation (context load/save included)."""

    async def __call__(self, text: str, conversation_id: str, cluster_id: str) -> Plan: ...


class IntentServicer(intent_pb2_grpc.IntentServiceServicer):
    def __init__(self, plan_for: PlanFor, engine_name: str = "rules") -> None:
        self._plan_for = plan_for
        self._engine_name = engine_name

    async def Parse(  # noqa: N802 - gRPC method name
        self, request: intent_pb2.ParseRequest, context: aio.ServicerContext[Any, Any]
    ) -> intent_pb2.ParseResponse:
        if len(request.text) > MAX_TEXT_CHARS:
            raise InvalidArgument(
                f"text is {len(request.text)} characters long; the limit is {MAX_TEXT_CHARS}"
            )
        started = time.perf_counter()
        plan = await self._plan_for(request.text, request.conversation_id, request.cluster_id)
        return intent_pb2.ParseResponse(
            plan=plan_to_proto(plan, engine=self._engine_name, cluster_id=request.cluster_id),
            parse_ms=(time.perf_counter() - started) * 1000,
        )
