"""Splunk HTTP Event Collector: POST /services/collector/event, `Authorization: Splunk
<token>`, a batch is JSON event objects one after another."""

from __future__ import annotations

import json
import socket

import httpx

from kubechat.events import AuditEvent
from kubechat_audit.forward.http import SinkUnavailable, check_response, http_client


class SplunkForwarder:
    name = "splunk"

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
        self._endpoint = url.rstrip("/") + "/services/collector/event"
        self._headers = {"Authorization": f"Splunk {token}", "Content-Type": "application/json"}
        self._index = index
        self._host = socket.gethostname()
        self._client = client or http_client(verify, timeout)
        self._reachable = False

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
        try:
            response = await self._client.post(
                self._endpoint, content=self.body(events), headers=self._headers
            )
        except httpx.HTTPError as exc:
            self._reachable = False
            raise SinkUnavailable(f"Splunk HEC at {self._endpoint}: {exc}") from exc
        self._reachable = True
        check_response(response, "Splunk HEC")

    async def healthy(self) -> bool:
        return self._reachable

    async def close(self) -> None:
        await self._client.aclose()
