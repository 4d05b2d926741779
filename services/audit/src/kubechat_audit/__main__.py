"""`kubechat-audit`: consumes audit events from NATS JetStream and serves AuditService."""

from __future__ import annotations

import asyncio
import sys

from grpc import aio

from kubechat import nats as kc_nats
from kubechat.events import (
    AUDIT_STREAM,
    AUDIT_SUBJECT_ROOT,
    DEAD_LETTER_ROOT,
    DEAD_LETTER_STREAM,
    AuditEvent,
)
from kubechat.grpc import run_server
from kubechat.service import build_parser, load_settings, run_service
from kubechat.v1 import audit_pb2_grpc
from kubechat_audit.config import AuditSettings
from kubechat_audit.servicer import AuditServicer
from kubechat_audit.store import EventStore, MemoryStore


async def ingest(settings: AuditSettings, store: EventStore, stop: asyncio.Event) -> None:
    client = await kc_nats.connect(settings.nats_url, name="kubechat-audit")
    js = client.jetstream()
    await kc_nats.ensure_stream(js, AUDIT_STREAM, [f"{AUDIT_SUBJECT_ROOT}.>"])
    await kc_nats.ensure_stream(js, DEAD_LETTER_STREAM, [f"{DEAD_LETTER_ROOT}.>"])

    async def handle(events: list[AuditEvent]) -> None:
        await asyncio.to_thread(store.insert, events)

    consumer = kc_nats.Consumer(
        js=js,
        stream=AUDIT_STREAM,
        subject=f"{AUDIT_SUBJECT_ROOT}.>",
        durable=settings.consumer_name,
        decode=AuditEvent.from_bytes,
        handle=handle,
        dead_letter_subject=f"{DEAD_LETTER_ROOT}.audit",
        batch=settings.batch_size,
    )
    try:
        await consumer.run(stop)
    finally:
        await client.drain()


async def serve(settings: AuditSettings) -> None:
    store = MemoryStore()
    servicer = AuditServicer(store)
    stop = asyncio.Event()

    def register(server: aio.Server) -> None:
        audit_pb2_grpc.add_AuditServiceServicer_to_server(servicer, server)

    async def run_ingest() -> None:
        await ingest(settings, store, stop)

    try:
        await run_server(
            settings.grpc_address, [register], ["kubechat.v1.AuditService"], background=[run_ingest]
        )
    finally:
        stop.set()


def main(argv: list[str] | None = None) -> int:
    parser = build_parser("audit", __doc__ or "", AuditSettings)
    parser.parse_args(sys.argv[1:] if argv is None else argv)
    return run_service("audit", load_settings(AuditSettings), serve)


if __name__ == "__main__":
    sys.exit(main())
