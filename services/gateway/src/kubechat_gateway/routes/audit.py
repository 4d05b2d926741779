"""The audit trail over REST: search, streamed export, live tail (WebSocket), reports.

Every call carries the caller's principal to the audit service, which decides which
tenants the caller may read; the gateway only translates.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Annotated, Any, cast

from fastapi import APIRouter, Depends, Query, WebSocket, WebSocketDisconnect
from fastapi.responses import StreamingResponse
from google.protobuf import timestamp_pb2
from grpc import aio

from kubechat.errors import KubeChatError
from kubechat.v1 import audit_pb2, common_pb2
from kubechat_gateway import deps
from kubechat_gateway.calls import call
from kubechat_gateway.convert import RISK_NAMES
from kubechat_gateway.deps import MeshDep, PrincipalDep, SettingsDep
from kubechat_gateway.schemas import ErrorResponse, RiskName
from kubechat_gateway.schemas_audit import (
    AuditEventList,
    AuditEventPublic,
    ExportFormat,
    ReportGroup,
    ReportPublic,
    ReportRowPublic,
)

router = APIRouter(prefix="/api/v1/audit", tags=["audit"])

_RISK_VALUES = {
    "unspecified": common_pb2.RISK_UNSPECIFIED,
    "read": common_pb2.RISK_READ,
    "write": common_pb2.RISK_WRITE,
    "destructive": common_pb2.RISK_DESTRUCTIVE,
}
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorResponse} for code in (400, 403, 422, 503)
}
_MEDIA = {"jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8"}


def _timestamp(value: datetime | None) -> timestamp_pb2.Timestamp | None:
    if value is None:
        return None
    stamp = timestamp_pb2.Timestamp()
    stamp.FromDatetime(value if value.tzinfo else value.replace(tzinfo=UTC))
    return stamp


class AuditFilters:
    """The search filters, shared by search and export."""

    def __init__(
        self,
        since: Annotated[datetime | None, Query(description="Inclusive, ISO 8601")] = None,
        until: Annotated[datetime | None, Query(description="Exclusive, ISO 8601")] = None,
        user: Annotated[str, Query(max_length=256)] = "",
        tenant: Annotated[str, Query(max_length=256)] = "",
        cluster: Annotated[str, Query(max_length=253)] = "",
        verb: Annotated[str, Query(max_length=64)] = "",
        risk: Annotated[RiskName | None, Query()] = None,
        outcome: Annotated[str, Query(max_length=64)] = "",
        kind: Annotated[str, Query(max_length=64)] = "",
        q: Annotated[str, Query(max_length=1000, description="Free text")] = "",
        conversation_id: Annotated[str, Query(max_length=64)] = "",
        event_id: Annotated[str, Query(max_length=64)] = "",
    ) -> None:
        self.values = {
            "user": user,
            "tenant": tenant,
            "cluster_id": cluster,
            "verb": verb,
            "outcome": outcome,
            "kind": kind,
            "text": q,
            "conversation_id": conversation_id,
            "event_id": event_id,
        }
        self.since, self.until, self.risk = since, until, risk

    def request(
        self, caller: common_pb2.Principal, page_size: int = 0, page_token: str = ""
    ) -> audit_pb2.SearchRequest:
        return audit_pb2.SearchRequest(
            caller=caller,
            since=_timestamp(self.since),
            until=_timestamp(self.until),
            risk=_RISK_VALUES[self.risk] if self.risk else common_pb2.RISK_UNSPECIFIED,
            page_size=page_size,
            page_token=page_token,
            **self.values,
        )


FiltersDep = Annotated[AuditFilters, Depends()]


def event_public(event: audit_pb2.AuditEvent) -> AuditEventPublic:
    return AuditEventPublic(
        event_id=event.event_id,
        time=event.time.ToDatetime(tzinfo=UTC),
        kind=event.kind,
        tenant=event.tenant,
        user=event.user,
        roles=list(event.roles),
        source_ip=event.source_ip,
        user_agent=event.user_agent,
        cluster_id=event.cluster_id,
        conversation_id=event.conversation_id,
        text=event.text,
        verbs=list(event.verbs),
        kubectl=list(event.kubectl),
        risk=RISK_NAMES.get(event.risk, "unspecified"),
        outcome=event.outcome,
        error=event.error,
        duration_ms=event.duration_ms,
        confirmation_token_id=event.confirmation_token_id,
        approver=event.approver,
        verification=event.verification,
        schema_version=event.schema_version,
        event=json.loads(event.payload_json) if event.payload_json else {},
    )


@router.get(
    "/events",
    response_model=AuditEventList,
    responses=_ERRORS,
    summary="Search the audit trail, newest first",
)
async def search_events(
    filters: FiltersDep,
    mesh: MeshDep,
    settings: SettingsDep,
    principal: PrincipalDep,
    page_size: Annotated[int, Query(ge=1, le=1000)] = 100,
    page_token: Annotated[str, Query(max_length=64)] = "",
) -> AuditEventList:
    reply = await call(
        "audit",
        settings.audit_address,
        mesh.audit().Search(
            filters.request(principal, page_size, page_token), timeout=settings.call_timeout
        ),
    )
    return AuditEventList(
        events=[event_public(e) for e in reply.events],
        total=reply.total,
        next_page_token=reply.next_page_token,
    )


@router.get(
    "/export",
    responses={200: {"content": {m: {} for m in _MEDIA.values()}}, **_ERRORS},
    response_class=StreamingResponse,
    summary="Export matching events as JSON Lines or CSV, streamed (any size)",
)
async def export_events(
    filters: FiltersDep,
    mesh: MeshDep,
    settings: SettingsDep,
    principal: PrincipalDep,
    format: Annotated[ExportFormat, Query()] = "jsonl",  # noqa: A002 - the public name
) -> StreamingResponse:
    wire = audit_pb2.EXPORT_FORMAT_CSV if format == "csv" else audit_pb2.EXPORT_FORMAT_JSONL
    # No deadline: an export of a large trail takes as long as the client takes to read it.
    stream = mesh.audit().Export(
        audit_pb2.ExportRequest(query=filters.request(principal), format=wire)
    )
    # Read the first chunk before answering, so a refusal is a proper 4xx, not a cut stream.
    first = await call("audit", settings.audit_address, stream.read())

    async def body() -> AsyncIterator[bytes]:
        chunk = first
        try:
            while chunk is not aio.EOF:
                yield cast(audit_pb2.ExportChunk, chunk).data
                chunk = await stream.read()
        finally:
            stream.cancel()

    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return StreamingResponse(
        body(),
        media_type=_MEDIA[format],
        headers={"Content-Disposition": f'attachment; filename="audit-{stamp}.{format}"'},
    )


@router.get(
    "/report",
    response_model=ReportPublic,
    responses=_ERRORS,
    summary="Activity per user or per tenant and day: events, writes, denials",
)
async def report(
    mesh: MeshDep,
    settings: SettingsDep,
    principal: PrincipalDep,
    since: datetime | None = None,
    until: datetime | None = None,
    group_by: ReportGroup = "user",
    tenant: Annotated[str, Query(max_length=256)] = "",
) -> ReportPublic:
    reply = await call(
        "audit",
        settings.audit_address,
        mesh.audit().Report(
            audit_pb2.ReportRequest(
                caller=principal,
                since=_timestamp(since),
                until=_timestamp(until),
                group_by=group_by,
                tenant=tenant,
            ),
            timeout=settings.call_timeout,
        ),
    )
    return ReportPublic(
        group_by=group_by,
        rows=[
            ReportRowPublic(
                key=r.key, day=r.day, events=r.events, writes=r.writes, denials=r.denials
            )
            for r in reply.rows
        ],
    )


async def _socket_principal(websocket: WebSocket) -> common_pb2.Principal:
    # The shared dependency reads the same connection headers; a WebSocket is an
    # HTTPConnection like a Request, and whichever auth mode is configured applies to both.
    principal: Any = deps.get_principal(websocket)  # type: ignore[arg-type]
    if inspect.isawaitable(principal):
        principal = await principal
    result: common_pb2.Principal = principal
    return result


@router.websocket("/tail")
async def tail(
    websocket: WebSocket,
    tenant: str = "",
    user: str = "",
    kind: str = "",
) -> None:
    """Live events as JSON text frames, one event per frame (the AuditEventPublic shape).

    A refusal or failure closes the socket with code 1008 (policy) or 1011 (error) and a
    JSON reason {"code", "message"}."""
    await websocket.accept()
    mesh = deps.get_mesh(websocket)  # type: ignore[arg-type]
    try:
        principal = await _socket_principal(websocket)
        stream = mesh.audit().Tail(
            audit_pb2.TailRequest(caller=principal, tenant=tenant, user=user, kind=kind)
        )
        try:
            while True:
                event = await call("audit", mesh.settings.audit_address, stream.read())
                if event is aio.EOF:
                    break
                public = event_public(cast(audit_pb2.AuditEvent, event))
                await websocket.send_text(public.model_dump_json())
        finally:
            stream.cancel()
    except WebSocketDisconnect:
        return
    except KubeChatError as exc:
        policy = exc.code in ("permission_denied", "unauthenticated")
        reason = json.dumps({"code": exc.code, "message": exc.message})[:120]
        await websocket.close(code=1008 if policy else 1011, reason=reason)
        return
    await websocket.close()
