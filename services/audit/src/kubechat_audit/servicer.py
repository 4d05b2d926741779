"""AuditService over the event store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC as _UTC
from typing import Any

from google.protobuf import timestamp_pb2
from grpc import aio

from kubechat.errors import InvalidArgument, Unimplemented
from kubechat.events import AuditEvent
from kubechat.grpc import refuse_stream
from kubechat.v1 import audit_pb2, audit_pb2_grpc, common_pb2
from kubechat_audit.store import EventStore, Query

_RISKS = {
    "read": common_pb2.RISK_READ,
    "write": common_pb2.RISK_WRITE,
    "destructive": common_pb2.RISK_DESTRUCTIVE,
}
MAX_PAGE = 1000


def event_to_proto(event: AuditEvent) -> audit_pb2.AuditEvent:
    time = timestamp_pb2.Timestamp()
    time.FromDatetime(event.time)
    return audit_pb2.AuditEvent(
        event_id=event.event_id,
        time=time,
        kind=event.kind.value,
        tenant=event.tenant,
        user=event.user,
        cluster_id=event.cluster_id,
        conversation_id=event.conversation_id,
        text=event.text,
        kubectl=event.plan.kubectl if event.plan else [],
        risk=_RISKS.get(event.plan.risk, common_pb2.RISK_UNSPECIFIED)
        if event.plan
        else common_pb2.RISK_UNSPECIFIED,
        outcome=event.outcome,
        error=event.error,
        duration_ms=event.duration_ms,
        payload_json=event.model_dump_json(),
        schema_version=event.schema_version,
    )


def query_from_proto(request: audit_pb2.SearchRequest) -> Query:
    if request.page_size < 0 or request.page_size > MAX_PAGE:
        raise InvalidArgument(f"page_size must be between 1 and {MAX_PAGE}")
    try:
        offset = int(request.page_token or "0")
    except ValueError:
        raise InvalidArgument("page_token is not one this service issued") from None
    return Query(
        since=request.since.ToDatetime(tzinfo=_UTC) if request.HasField("since") else None,
        until=request.until.ToDatetime(tzinfo=_UTC) if request.HasField("until") else None,
        user=request.user,
        tenant=request.tenant,
        cluster_id=request.cluster_id,
        kind=request.kind,
        text=request.text,
        event_id=request.event_id,
        offset=offset,
        limit=request.page_size or 100,
    )


class AuditServicer(audit_pb2_grpc.AuditServiceServicer):
    def __init__(self, store: EventStore) -> None:
        self._store = store

    async def Search(  # noqa: N802 - gRPC method name
        self, request: audit_pb2.SearchRequest, context: aio.ServicerContext[Any, Any]
    ) -> audit_pb2.SearchResponse:
        query = query_from_proto(request)
        events, total = self._store.search(query)
        response = audit_pb2.SearchResponse(total=total)
        response.events.extend(event_to_proto(e) for e in events)
        if query.offset + len(events) < total:
            response.next_page_token = str(query.offset + len(events))
        return response

    def Export(  # noqa: N802
        self, request: audit_pb2.ExportRequest, context: aio.ServicerContext[Any, Any]
    ) -> AsyncIterator[audit_pb2.ExportChunk]:
        return refuse_stream(Unimplemented("export is not served by this audit release"))

    def Tail(  # noqa: N802
        self, request: audit_pb2.TailRequest, context: aio.ServicerContext[Any, Any]
    ) -> AsyncIterator[audit_pb2.AuditEvent]:
        return refuse_stream(Unimplemented("live tail is not served by this audit release"))

    async def Report(  # noqa: N802
        self, request: audit_pb2.ReportRequest, context: aio.ServicerContext[Any, Any]
    ) -> audit_pb2.ReportResponse:
        raise Unimplemented("activity reports are not served by this audit release")
