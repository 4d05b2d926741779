"""Publishing: audit events on JetStream (deduplicated by event id) and cluster health on
`kubechat.clusters.v1.health.<cluster id>` for live subscribers.

NATS being down must not make a cluster change fail after the fact, so a publish that fails
is logged loudly and dropped; the connection keeps retrying in the background.
"""

from __future__ import annotations

import asyncio
import json
import logging
import ssl
from typing import Any

from nats.aio.client import Client
from nats.js import JetStreamContext

from kubechat import nats as kc_nats
from kubechat.events import AUDIT_STREAM, AUDIT_SUBJECT_ROOT, AuditEvent, subject_token

log = logging.getLogger(__name__)
HEALTH_SUBJECT_ROOT = "kubechat.clusters.v1.health"
AUDIT_ATTEMPTS = 5


def health_subject(cluster_id: str) -> str:
    return f"{HEALTH_SUBJECT_ROOT}.{subject_token(cluster_id)}"


class Publisher:
    def __init__(
        self, nats_url: str, user: str = "", password: str = "", tls: ssl.SSLContext | None = None
    ) -> None:
        self._url = nats_url
        self._user, self._password = user, password
        self._tls = tls
        self._client: Client | None = None
        self._js: JetStreamContext | None = None
        self._ready = asyncio.Event()
        self._pending: set[asyncio.Task[None]] = set()

    async def start(self, timeout: float = 30.0) -> None:
        try:
            self._client = await kc_nats.connect(
                self._url,
                name="kubechat-executor",
                timeout=timeout,
                user=self._user,
                password=self._password,
                tls=self._tls,
            )
            self._js = self._client.jetstream()
            await kc_nats.ensure_stream(self._js, AUDIT_STREAM, [f"{AUDIT_SUBJECT_ROOT}.>"])
            self._ready.set()
        except Exception:  # noqa: BLE001 - the executor serves without events; logged
            log.exception("NATS unavailable: audit and health events will be dropped")

    async def audit(self, event: AuditEvent) -> None:
        """Queue the event; the caller's request does not wait for JetStream's ack."""
        task = asyncio.create_task(self._publish_audit(event))
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def flush(self) -> None:
        """Wait for every queued event (tests and shutdown)."""
        while self._pending:
            await asyncio.gather(*list(self._pending), return_exceptions=True)

    async def _publish_audit(self, event: AuditEvent) -> None:
        if self._js is None:
            log.warning("audit event dropped (no NATS)", extra={"kind": event.kind.value})
            return
        # A busy process or a NATS blip delays the ack; retrying is safe because the event
        # id is the Nats-Msg-Id, so JetStream keeps one copy whatever the number of tries.
        for attempt in range(1, AUDIT_ATTEMPTS + 1):
            try:
                await kc_nats.publish(
                    self._js,
                    event.subject(),
                    event.to_bytes(),
                    msg_id=event.event_id,
                    timeout=10.0,
                )
                return
            except Exception:  # noqa: BLE001 - see module docstring
                if attempt == AUDIT_ATTEMPTS:
                    log.exception("audit event not published", extra={"kind": event.kind.value})
                    return
                await asyncio.sleep(0.5 * 2**attempt)

    async def health(self, cluster_id: str, status: dict[str, Any]) -> None:
        if self._client is None:
            return
        try:
            await self._client.publish(health_subject(cluster_id), json.dumps(status).encode())
            await self._client.flush(timeout=2)
        except Exception:  # noqa: BLE001
            log.exception("health event not published", extra={"cluster": cluster_id})

    async def close(self) -> None:
        await self.flush()
        if self._client is not None:
            await self._client.drain()
