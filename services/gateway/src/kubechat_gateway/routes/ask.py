"""POST /api/v1/ask: plain language in, plan and results out, one audit event published."""

from __future__ import annotations

import time
import uuid

from fastapi import APIRouter, Request

from kubechat.errors import InvalidArgument, KubeChatError
from kubechat.events import AuditEvent, EventKind, ExecutionSummary, PlanSummary
from kubechat.redact_params import conceal_value, secrets_of
from kubechat.v1 import common_pb2, executor_pb2, intent_pb2
from kubechat_gateway.auth import authorize_plan
from kubechat_gateway.calls import call
from kubechat_gateway.convert import RISK_NAMES, plan_public, result_public
from kubechat_gateway.deps import MeshDep, PrincipalDep, SettingsDep
from kubechat_gateway.deps_chat import StoreDep
from kubechat_gateway.ratelimit import check_ask
from kubechat_gateway.schemas import (
    AskRequest,
    AskResponse,
    AskStatus,
    ErrorResponse,
    ResultPublic,
)

router = APIRouter(prefix="/api/v1", tags=["ask"])


@router.post(
    "/ask",
    response_model=AskResponse,
    responses={
        400: {"model": ErrorResponse},
        404: {"model": ErrorResponse},
        413: {"model": ErrorResponse},
        422: {"model": ErrorResponse},
        429: {"model": ErrorResponse},
        503: {"model": ErrorResponse},
    },
    summary="Ask in plain language; read-only plans run at once",
)
async def ask(
    body: AskRequest,
    request: Request,
    mesh: MeshDep,
    settings: SettingsDep,
    principal: PrincipalDep,
    store: StoreDep,
) -> AskResponse:
    if len(body.text) > settings.max_text_chars:
        raise InvalidArgument(
            f"text is {len(body.text)} characters long; the limit is {settings.max_text_chars}"
        )
    if body.conversation_id:
        # The conversation id keys nlp's context ("scale it to 0" means what it last
        # meant there): only its owner may ask in it. A new id becomes the caller's, so no
        # one else can take it later; another user's is "not found", as on every route.
        await store.ensure(principal.tenant, principal.user, body.conversation_id)
    # The same budget as the socket and gRPC: one counter per user, whichever door.
    await check_ask(mesh, settings, principal)
    started = time.perf_counter()
    conversation_id = body.conversation_id or uuid.uuid4().hex
    event = AuditEvent(
        kind=EventKind.ASK,
        tenant=principal.tenant,
        user=principal.user,
        roles=list(principal.roles),
        source_ip=request.client.host if request.client else "",
        user_agent=request.headers.get("user-agent", "")[:256],
        conversation_id=conversation_id,
        cluster_id=body.cluster or "default",
        text=body.text,
    )
    timeout = settings.call_timeout
    try:
        parsed = await call(
            "nlp",
            settings.nlp_address,
            mesh.intent().Parse(
                intent_pb2.ParseRequest(
                    text=body.text,
                    conversation_id=conversation_id,
                    cluster_id=body.cluster,
                    principal=principal,
                ),
                timeout=timeout,
            ),
        )
        plan = parsed.plan
        # The audit event is redacted on publish (mesh); the answer is concealed below.
        secrets = secrets_of(plan_public(plan).operations)
        event.plan = PlanSummary(
            kubectl=list(plan.kubectl),
            risk=RISK_NAMES.get(plan.risk, "unspecified"),
            confidence=plan.confidence,
            engine=plan.engine,
            operations=plan_public(plan).operations,
        )
        # Role policy before any preview or execution; a refusal is audited like any failure.
        authorize_plan(principal, plan)
        results: list[ResultPublic] = []
        status: AskStatus
        if plan.HasField("clarification") or not plan.operations:
            status = "needs_clarification"
            event.outcome = "clarification"
        elif plan.risk != common_pb2.RISK_READ:
            status = "needs_confirmation"
            event.outcome = "awaiting_confirmation"
        else:
            executed = await call(
                "executor",
                settings.executor_address,
                mesh.executor().Execute(
                    executor_pb2.ExecuteRequest(
                        plan=plan, principal=principal, cluster_id=body.cluster
                    ),
                    timeout=timeout,
                ),
            )
            results = [result_public(r) for r in executed.results]
            status = "done"
            event.outcome = "ok" if all(r.ok for r in results) else "error"
            event.execution = ExecutionSummary(
                ok=event.outcome == "ok",
                rows=sum(len(r.table.rows) for r in results if r.table),
                verification="not_needed",
            )
    except KubeChatError as exc:
        event.outcome, event.error = exc.code, exc.message
        event.duration_ms = (time.perf_counter() - started) * 1000
        # The failure is part of the trail too; if NATS is also down, that is what we report.
        await mesh.publish(event)
        raise
    event.duration_ms = (time.perf_counter() - started) * 1000
    await mesh.publish(event)
    answer = AskResponse(
        conversation_id=conversation_id,
        cluster=body.cluster or "default",
        plan=plan_public(plan),
        status=status,
        results=results,
        event_id=event.event_id,
        duration_ms=round(event.duration_ms, 2),
    )
    # Responses get logged by proxies and clients too: the plan's secrets never leave.
    return AskResponse.model_validate(conceal_value(answer.model_dump(), secrets))
