"""`kubechat-audit`: consumes audit events from NATS JetStream into ClickHouse, forwards
them to Splunk / Elasticsearch / syslog, and serves AuditService."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable, Coroutine
from typing import Any

from grpc import aio
from nats.aio.client import Client

from kubechat import nats as kc_nats
from kubechat.events import (
    AUDIT_STREAM,
    AUDIT_SUBJECT_ROOT,
    DEAD_LETTER_ROOT,
    DEAD_LETTER_STREAM,
    AuditEvent,
)
from kubechat.grpc import run_server
from kubechat.mtls import load_security
from kubechat.service import build_parser, load_settings, run_service
from kubechat.v1 import audit_pb2_grpc
from kubechat_audit.clickhouse import ClientPool, client_factory
from kubechat_audit.config import AuditSettings
from kubechat_audit.forward import Forwarder, forwarders_from_settings, run_forwarder
from kubechat_audit.live import LiveFeed
from kubechat_audit.retention import reconcile_retention
from kubechat_audit.servicer import AuditServicer
from kubechat_audit.store import ClickHouseStore

log = logging.getLogger(__name__)


async def ingest(
    settings: AuditSettings, client: Client, store: ClickHouseStore, stop: asyncio.Event
) -> None:
    js = client.jetstream()

    async def handle(events: list[AuditEvent]) -> None:
        await asyncio.to_thread(store.insert, events)

    async def healthy() -> bool:
        return await asyncio.to_thread(store.healthy)

    consumer = kc_nats.Consumer(
        js=js,
        stream=AUDIT_STREAM,
        subject=f"{AUDIT_SUBJECT_ROOT}.>",
        durable=settings.consumer_name,
        decode=AuditEvent.from_bytes,
        handle=handle,
        dead_letter_subject=f"{DEAD_LETTER_ROOT}.audit",
        batch=settings.batch_size,
        fetch_timeout=settings.fetch_timeout,
        healthy=healthy,
        workers=settings.ingest_workers,
        flush=client.flush,
    )
    await consumer.run(stop)


async def serve(settings: AuditSettings) -> None:
    security = load_security("audit", settings)
    pool = ClientPool(client_factory(settings))
    store = ClickHouseStore(pool, settings.clickhouse_database, settings.retention_for)
    applied = await asyncio.to_thread(store.migrate)
    log.info("schema ready", extra={"applied": applied})
    await asyncio.to_thread(reconcile_retention, store, settings)

    client = await kc_nats.connect(
        settings.nats_url,
        name="kubechat-audit",
        user=settings.nats_user,
        password=settings.nats_password.get_secret_value(),
        tls=settings.nats_tls(),
    )
    js = client.jetstream()
    await kc_nats.ensure_stream(js, AUDIT_STREAM, [f"{AUDIT_SUBJECT_ROOT}.>"])
    await kc_nats.ensure_stream(js, DEAD_LETTER_STREAM, [f"{DEAD_LETTER_ROOT}.>"])
    live = LiveFeed(queue_size=settings.tail_queue)
    await live.start(client)

    servicer = AuditServicer(store, live, allow_internal=settings.environment != "production")
    stop = asyncio.Event()

    def register(server: aio.Server) -> None:
        audit_pb2_grpc.add_AuditServiceServicer_to_server(servicer, server)

    async def run_ingest() -> None:
        await ingest(settings, client, store, stop)

    def forwarding(forwarder: Forwarder) -> Callable[[], Coroutine[Any, Any, None]]:
        async def job() -> None:
            await run_forwarder(js, forwarder, stop, settings.forward_batch, client.flush)

        return job

    jobs = [run_ingest, *(forwarding(f) for f in forwarders_from_settings(settings))]
    try:
        await run_server(
            settings.grpc_address,
            [register],
            ["kubechat.v1.AuditService"],
            security=security,
            background=jobs,
        )
    finally:
        stop.set()
        await live.stop()
        await client.drain()
        pool.close()


def main(argv: list[str] | None = None) -> int:
    parser = build_parser("audit", __doc__ or "", AuditSettings)
    parser.parse_args(sys.argv[1:] if argv is None else argv)
    return run_service("audit", load_settings(AuditSettings), serve)


if __name__ == "__main__":
    sys.exit(main())
