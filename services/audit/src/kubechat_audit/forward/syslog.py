"""Syslog, RFC 5424 messages over TCP or TLS with octet-counting framing (RFC 6587 §3.4.1,
RFC 5425 for TLS).

Plain syslog has no application-level acknowledgement. To not lose a batch written into a
connection the receiver had already dropped (a restarted rsyslog), each batch is followed
by a short read: a receiver never sends on this connection, so anything but a timeout
means it went away and the batch is retried on a new connection. A receiver that dies
while our bytes sit unread in its own socket buffer can still lose them: that gap is the
protocol's; use Splunk HEC or Elasticsearch where that matters.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import ssl

from kubechat.events import AuditEvent
from kubechat_audit.forward.http import SinkUnavailable

FACILITY_LOG_AUDIT = 13
SEVERITY_WARNING = 4
SEVERITY_NOTICE = 5
SEVERITY_INFO = 6
# Private enterprise number used in structured data ("kubechat@32473": 32473 is the
# example PEN reserved by RFC 5612 for documentation; deployments may set their own).
SD_ID = "kubechat@32473"
_BOM = "\ufeff"


def _sd_value(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("]", "\\]")


def _header_token(value: str, limit: int) -> str:
    cleaned = "".join(c for c in value if 33 <= ord(c) <= 126)
    return cleaned[:limit] or "-"


def severity(event: AuditEvent) -> int:
    if event.kind.value == "denied" or event.outcome in ("denied", "permission_denied"):
        return SEVERITY_WARNING
    if event.error:
        return SEVERITY_NOTICE
    return SEVERITY_INFO


def format_message(event: AuditEvent, hostname: str, app_name: str) -> bytes:
    """One RFC 5424 message: header, structured data, then the event as JSON."""
    priority = FACILITY_LOG_AUDIT * 8 + severity(event)
    stamp = event.time.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    fields = {
        "event_id": event.event_id,
        "tenant": event.tenant,
        "user": event.user,
        "cluster": event.cluster_id,
        "outcome": event.outcome,
    }
    structured = "[" + SD_ID + "".join(f' {k}="{_sd_value(v)}"' for k, v in fields.items()) + "]"
    header = (
        f"<{priority}>1 {stamp} {_header_token(hostname, 255)} {_header_token(app_name, 48)} "
        f"- {_header_token(event.kind.value, 32)} {structured} "
    )
    body = json.dumps(event.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":"))
    return (header + _BOM + body).encode()


def frame(message: bytes) -> bytes:
    """Octet counting: the length in ASCII digits, a space, the message."""
    return str(len(message)).encode() + b" " + message


class SyslogForwarder:
    name = "syslog"

    def __init__(
        self,
        host: str,
        port: int,
        *,
        tls: ssl.SSLContext | None = None,
        app_name: str = "kubechat-audit",
        timeout: float = 10.0,
        settle: float = 0.05,
    ) -> None:
        self._host, self._port, self._tls = host, port, tls
        self._app_name = app_name
        self._hostname = socket.gethostname()
        self._timeout = timeout
        self._settle = settle
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._reachable = False

    async def _connect(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        if self._writer is None or self._reader is None or self._writer.is_closing():
            reader, writer = await asyncio.wait_for(
                asyncio.open_connection(
                    self._host,
                    self._port,
                    ssl=self._tls,
                    server_hostname=self._host if self._tls else None,
                ),
                self._timeout,
            )
            self._reader, self._writer = reader, writer
            return reader, writer
        return self._reader, self._writer

    async def send(self, events: list[AuditEvent]) -> None:
        payload = b"".join(frame(format_message(e, self._hostname, self._app_name)) for e in events)
        try:
            reader, writer = await self._connect()
            self._reachable = True
            writer.write(payload)
            await asyncio.wait_for(writer.drain(), self._timeout)
            await self._still_connected(reader)
        except (OSError, TimeoutError, ssl.SSLError, SinkUnavailable) as exc:
            self._reachable = False
            await self._drop_connection()
            raise SinkUnavailable(f"syslog at {self._host}:{self._port}: {exc}") from exc

    async def _still_connected(self, reader: asyncio.StreamReader) -> None:
        try:
            data = await asyncio.wait_for(reader.read(1), self._settle)
        except TimeoutError:
            return  # silence: the receiver is there and reading
        raise SinkUnavailable(
            "the receiver closed the connection" if not data else "the receiver sent data"
        )

    async def _drop_connection(self) -> None:
        writer, self._writer, self._reader = self._writer, None, None
        if writer is not None:
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()

    async def healthy(self) -> bool:
        return self._reachable

    async def close(self) -> None:
        await self._drop_connection()
