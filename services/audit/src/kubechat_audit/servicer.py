"""AuditService over the event store: search, export, live tail, reports."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from datetime import UTC as _UTC
from datetime import datetime
from typing import Any

from google.protobuf import timestamp_pb2
from grpc import aio

from kubechat.errors import InvalidArgument
from kubechat.events import AuditEvent
from kubechat.v1 import audit_pb2, audit_pb2_grpc, common_pb2
from kubechat_audit.access import readable_tenant
from kubechat_audit.export_pump import pump
from kubechat_audit.formats import csv_chunks, jsonl_chunks
from kubechat_audit.live import LiveFeed, TailFilter
from kubechat_audit.store import CSV_COLUMNS, EventStore, Query

_RISKS = {
    "read": common_pb2.RISK_READ,
    "write": common_pb2.RISK_WRITE,
    "destructive": common_pb2.RISK_DESTRUCTIVE,
}
_RISK_NAMES = {value: name for name, value in _RISKS.items()}
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
        roles=event.roles,
        source_ip=event.source_ip,
        user_agent=event.user_agent,
        verbs=event.verbs(),
        confirmation_token_id=event.confirmation.token_id if event.confirmation else "",
        approver=event.confirmation.approver if event.confirmation else "",
        verification=event.execution.verification if event.execution else "",
    )


# ClickHouse's DateTime64 covers 1900-01-01 to 2299-12-31; outside that a bound is a
# mistake by the caller, and the store would otherwise fail with an opaque parse error.
_EARLIEST = datetime(1900, 1, 1, tzinfo=_UTC)
_LATEST = datetime(2299, 12, 31, tzinfo=_UTC)


def time_range(
    request: audit_pb2.SearchRequest | audit_pb2.ReportRequest,
) -> tuple[datetime | None, datetime | None]:
    """The request's since/until, checked: each within what the store can hold, in order."""
    bounds: list[datetime | None] = []
    for name in ("since", "until"):
        value = getattr(request, name).ToDatetime(tzinfo=_UTC) if request.HasField(name) else None
        if value is not None and not _EARLIEST <= value <= _LATEST:
            raise InvalidArgument(f"{name} must be between 1900-01-01 and 2299-12-31")
        bounds.append(value)
    since, until = bounds
    if since and until and since >= until:
        raise InvalidArgument("since must be before until")
    return since, until


def query_from_proto(request: audit_pb2.SearchRequest, tenant: str | None = None) -> Query:
    if request.page_size < 0 or request.page_size > MAX_PAGE:
        raise InvalidArgument(f"page_size must be between 1 and {MAX_PAGE}")
    try:
        offset = int(request.page_token or "0")
    except ValueError:
        raise InvalidArgument("page_token is not one this service issued") from None
    if offset < 0:
        raise InvalidArgument("page_token is not one this service issued")
    since, until = time_range(request)
    return Query(
        since=since,
        until=until,
        user=request.user,
        tenant=request.tenant if tenant is None else tenant,
        cluster_id=request.cluster_id,
        kind=request.kind,
        verb=request.verb,
        risk=_RISK_NAMES.get(request.risk, ""),
        outcome=request.outcome,
        text=request.text,
        event_id=request.event_id,
        conversation_id=request.conversation_id,
        offset=offset,
        limit=request.page_size or 100,
    )


class AuditServicer(audit_pb2_grpc.AuditServiceServicer):
    def __init__(self, store: EventStore, live: LiveFeed, *, allow_internal: bool) -> None:
        self._store = store
        self._live = live
        self._allow_internal = allow_internal

    def _tenant(self, caller: common_pb2.Principal | None, requested: str) -> str:
        return readable_tenant(caller, requested, allow_internal=self._allow_internal)

    def _query(self, request: audit_pb2.SearchRequest) -> Query:
        caller = request.caller if request.HasField("caller") else None
        return query_from_proto(request, self._tenant(caller, request.tenant))

    async def Search(  # noqa: N802 - gRPC method name
        self, request: audit_pb2.SearchRequest, context: aio.ServicerContext[Any, Any]
    ) -> audit_pb2.SearchResponse:
        query = self._query(request)
        events, total = await asyncio.to_thread(self._store.search, query)
        response = audit_pb2.SearchResponse(total=total)
        response.events.extend(event_to_proto(e) for e in events)
        if query.offset + len(events) < total:
            response.next_page_token = str(query.offset + len(events))
        return response

    async def Export(  # noqa: N802
        self, request: audit_pb2.ExportRequest, context: aio.ServicerContext[Any, Any]
    ) -> AsyncIterator[audit_pb2.ExportChunk]:
        query = self._query(request.query)
        if request.format == audit_pb2.EXPORT_FORMAT_CSV:

            def chunks() -> Iterator[bytes]:
                return csv_chunks(self._store.export_rows(query, CSV_COLUMNS))

        else:

            def chunks() -> Iterator[bytes]:
                return jsonl_chunks(self._store.export_rows(query, ("payload",)))

        async for data in pump(chunks):
            yield audit_pb2.ExportChunk(data=data)

    async def Tail(  # noqa: N802
        self, request: audit_pb2.TailRequest, context: aio.ServicerContext[Any, Any]
    ) -> AsyncIterator[audit_pb2.AuditEvent]:
        caller = request.caller if request.HasField("caller") else None
        where = TailFilter(self._tenant(caller, request.tenant), request.user, request.kind)
        async for event in self._live.events(where):
            yield event_to_proto(event)

    async def Report(  # noqa: N802
        self, request: audit_pb2.ReportRequest, context: aio.ServicerContext[Any, Any]
    ) -> audit_pb2.ReportResponse:
        caller = request.caller if request.HasField("caller") else None
        tenant = self._tenant(caller, request.tenant)
        group_by = request.group_by or "user"
        if group_by not in ("user", "tenant"):
            raise InvalidArgument(f"group_by must be 'user' or 'tenant', not {group_by!r}")
        since, until = time_range(request)
        rows = await asyncio.to_thread(self._store.report, since, until, group_by, tenant)
        return audit_pb2.ReportResponse(
            rows=[
                audit_pb2.ReportRow(
                    key=r.key, day=r.day, events=r.events, writes=r.writes, denials=r.denials
                )
                for r in rows
            ]
        )
