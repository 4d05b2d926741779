"""Splunk HTTP Event Collector: POST /services/collector/event, `Authorization: Splunk
<token>`, a batch is JSON event objects one after another."""

from __future__ import annotations

import json
import socket

import httpx

from kubechat.events import AuditEvent
from kubechat_audit.forward.http import HttpSink


class SplunkForwarder(HttpSink):
    name = "splunk"
    product = "Splunk HEC"

    def __init__(
        self,
        url: str,
        token: str,
        *,
        index: str = "",
        verify: bool = True,
        timeout: float = 10.0,
        client: httpx.AsyncClient | None = None,
    ) -> None:
        super().__init__(
            url.rstrip("/") + "/services/collector/event",
            {"Authorization": f"Splunk {token}", "Content-Type": "application/json"},
            verify=verify,
            timeout=timeout,
            client=client,
        )
        self._index = index
        self._host = socket.gethostname()

    def body(self, events: list[AuditEvent]) -> bytes:
        lines = []
        for event in events:
            envelope: dict[str, object] = {
                "time": round(event.time.timestamp(), 3),
                "host": self._host,
                "source": "kubechat",
                "sourcetype": "kubechat:audit",
                "event": event.model_dump(mode="json"),
                "fields": {"tenant": event.tenant, "kind": event.kind.value},
            }
            if self._index:
                envelope["index"] = self._index
            lines.append(json.dumps(envelope, separators=(",", ":")))
        return "\n".join(lines).encode()

    async def send(self, events: list[AuditEvent]) -> None:
        await self.post(self.body(events))
