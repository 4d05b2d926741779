"""Elasticsearch / OpenSearch `_bulk`: NDJSON, one `create` action per event keyed on the
event id, so a redelivered batch is a 409 per item, not a duplicate document."""

from __future__ import annotations

import base64
import json

import httpx

from kubechat.events import AuditEvent
from kubechat_audit.forward.base import SinkRejected
from kubechat_audit.forward.http import HttpSink, SinkUnavailable

_ALREADY_THERE = 409


class ElasticForwarder(HttpSink):
    name = "elastic"
    product = "Elasticsearch"

    def __init__(
        self,
        url: str,
        index: str,
        *,
        api_key: str = "",
        username: str = "",
        password: str = "",
        verify: bool = True,
        timeout: float = 10.0,
        client: httpx.AsyncClient | None = None,
    ) -> None:
        headers = {"Content-Type": "application/x-ndjson"}
        if api_key:
            headers["Authorization"] = f"ApiKey {api_key}"
        elif username:
            basic = base64.b64encode(f"{username}:{password}".encode()).decode()
            headers["Authorization"] = f"Basic {basic}"
        super().__init__(
            url.rstrip("/") + "/_bulk", headers, verify=verify, timeout=timeout, client=client
        )
        self._index = index

    def body(self, events: list[AuditEvent]) -> bytes:
        lines = []
        for event in events:
            action = {"create": {"_index": self._index, "_id": event.event_id}}
            document = event.model_dump(mode="json")
            document["@timestamp"] = document.pop("time")
            lines.append(json.dumps(action, separators=(",", ":")))
            lines.append(json.dumps(document, separators=(",", ":")))
        return ("\n".join(lines) + "\n").encode()  # _bulk requires the final newline

    async def send(self, events: list[AuditEvent]) -> None:
        response = await self.post(self.body(events))
        result = response.json()
        if not result.get("errors"):
            return
        failed = [
            item
            for entry in result.get("items", [])
            for item in entry.values()
            if int(item.get("status", 500)) >= 300 and int(item["status"]) != _ALREADY_THERE
        ]
        if not failed:
            return
        if any(int(item["status"]) in (429,) or int(item["status"]) >= 500 for item in failed):
            # Retry the whole batch: the items already stored come back as 409.
            raise SinkUnavailable(f"Elasticsearch could not store {len(failed)} items yet")
        raise SinkRejected(f"Elasticsearch rejected {len(failed)} items: {failed[0]}")
