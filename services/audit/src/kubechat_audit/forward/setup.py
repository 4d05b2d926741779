"""Build the forwarders the settings ask for and run each on its own durable consumer."""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Awaitable, Callable

from nats.js import JetStreamContext

from kubechat import nats as kc_nats
from kubechat.events import AUDIT_STREAM, AUDIT_SUBJECT_ROOT, DEAD_LETTER_ROOT, AuditEvent
from kubechat.redact import redact_event
from kubechat_audit.config import AuditSettings
from kubechat_audit.forward.base import Forwarder, SinkRejected
from kubechat_audit.forward.elastic import ElasticForwarder
from kubechat_audit.forward.splunk import SplunkForwarder
from kubechat_audit.forward.syslog import SyslogForwarder


def _syslog_tls(settings: AuditSettings) -> ssl.SSLContext | None:
    if not settings.syslog_tls:
        return None
    context = ssl.create_default_context(cafile=settings.syslog_ca_cert or None)
    if not settings.forward_verify_tls:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def forwarders_from_settings(settings: AuditSettings) -> list[Forwarder]:
    found: list[Forwarder] = []
    timeout, verify = settings.forward_timeout, settings.forward_verify_tls
    if settings.splunk_hec_url:
        found.append(
            SplunkForwarder(
                settings.splunk_hec_url,
                settings.splunk_hec_token,
                index=settings.splunk_index,
                verify=verify,
                timeout=timeout,
            )
        )
    if settings.elastic_url:
        found.append(
            ElasticForwarder(
                settings.elastic_url,
                settings.elastic_index,
                api_key=settings.elastic_api_key,
                username=settings.elastic_username,
                password=settings.elastic_password,
                verify=verify,
                timeout=timeout,
            )
        )
    if settings.syslog_address:
        host, _, port = settings.syslog_address.rpartition(":")
        found.append(
            SyslogForwarder(
                host or "127.0.0.1",
                int(port),
                tls=_syslog_tls(settings),
                app_name=settings.syslog_app_name,
                timeout=timeout,
            )
        )
    return found


async def run_forwarder(
    js: JetStreamContext,
    forwarder: Forwarder,
    stop: asyncio.Event,
    batch: int = 500,
    flush: Callable[[], Awaitable[None]] | None = None,
) -> None:
    """Forward every audit event to `forwarder` until `stop`; ack only what it accepted."""

    async def handle(events: list[AuditEvent]) -> None:
        try:
            await forwarder.send([redact_event(e) for e in events])
        except SinkRejected as exc:
            raise kc_nats.PoisonMessage(str(exc)) from exc

    consumer = kc_nats.Consumer(
        js=js,
        stream=AUDIT_STREAM,
        subject=f"{AUDIT_SUBJECT_ROOT}.>",
        durable=f"audit-forward-{forwarder.name}",
        decode=AuditEvent.from_bytes,
        handle=handle,
        dead_letter_subject=f"{DEAD_LETTER_ROOT}.audit-forward-{forwarder.name}",
        batch=batch,
        ack_wait=60.0,
        healthy=forwarder.healthy,
        flush=flush,
    )
    try:
        await consumer.run(stop)
    finally:
        await forwarder.close()
