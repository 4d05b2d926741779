"""Splunk HEC and Elasticsearch/OpenSearch `_bulk` forwarders against a local receiver
that checks each product's wire format."""

from __future__ import annotations

import json
from typing import Any

import pytest

from kubechat.events import AuditEvent, PlanSummary
from kubechat_audit.forward import ElasticForwarder, SinkRejected, SplunkForwarder
from kubechat_audit.forward.http import SinkUnavailable

from .receivers import HttpReceiver, Request


def events(count: int = 3) -> list[AuditEvent]:
    return [
        AuditEvent.model_validate(
            {
                "kind": "execute",
                "tenant": "acme",
                "user": f"u{i}",
                "text": f"scale web to {i}",
                "plan": PlanSummary(kubectl=[f"kubectl scale deploy/web --replicas={i}"]),
            }
        )
        for i in range(count)
    ]


def splunk_objects(body: bytes) -> list[dict[str, Any]]:
    """HEC batches are JSON objects one after another; decode them the way HEC does."""
    decoder, text, found, index = json.JSONDecoder(), body.decode(), [], 0
    while index < len(text):
        while index < len(text) and text[index].isspace():
            index += 1
        if index < len(text):
            value, index = decoder.raw_decode(text, index)
            found.append(value)
    return found


async def test_splunk_hec_wire_format() -> None:
    def hec(request: Request) -> tuple[int, Any]:
        if request.headers.get("authorization") != "Splunk hec-token-1":
            return 401, {"text": "Invalid authorization", "code": 3}
        return 200, {"text": "Success", "code": 0}

    sent = events()
    async with HttpReceiver(hec) as receiver:
        forwarder = SplunkForwarder(receiver.url, "hec-token-1", index="audit")
        await forwarder.send(sent)
        await forwarder.close()
    (request,) = receiver.requests
    assert (request.method, request.path) == ("POST", "/services/collector/event")
    assert request.headers["content-type"] == "application/json"
    objects = splunk_objects(request.body)
    assert [o["event"]["event_id"] for o in objects] == [e.event_id for e in sent]
    for envelope, event in zip(objects, sent, strict=True):
        assert envelope["time"] == pytest.approx(event.time.timestamp(), abs=0.001)
        assert envelope["sourcetype"] == "kubechat:audit" and envelope["index"] == "audit"
        assert envelope["fields"] == {"tenant": "acme", "kind": "execute"}


@pytest.mark.parametrize(
    ("status", "error"),
    [(503, SinkUnavailable), (429, SinkUnavailable), (403, SinkUnavailable), (400, SinkRejected)],
)
async def test_splunk_failures_are_retryable_or_rejections(
    status: int, error: type[Exception]
) -> None:
    async with HttpReceiver(lambda r: (status, {"text": "no", "code": 6})) as receiver:
        forwarder = SplunkForwarder(receiver.url, "t")
        with pytest.raises(error):
            await forwarder.send(events(1))
        await forwarder.close()


async def test_splunk_unreachable_is_retryable() -> None:
    forwarder = SplunkForwarder("http://127.0.0.1:9", "t", timeout=2)
    with pytest.raises(SinkUnavailable):
        await forwarder.send(events(1))
    assert not await forwarder.healthy()
    await forwarder.close()


def bulk_reply(request: Request, statuses: list[int]) -> tuple[int, Any]:
    assert request.body.endswith(b"\n"), "_bulk needs a final newline"
    items = [{"create": {"status": s, "_id": str(i)}} for i, s in enumerate(statuses)]
    return 200, {"took": 1, "errors": any(s >= 300 for s in statuses), "items": items}


async def test_elastic_bulk_wire_format() -> None:
    sent = events()

    async with HttpReceiver(lambda r: bulk_reply(r, [201, 201, 201])) as receiver:
        forwarder = ElasticForwarder(receiver.url, "kc-audit", api_key="k1")
        await forwarder.send(sent)
        await forwarder.close()
    (request,) = receiver.requests
    assert (request.method, request.path) == ("POST", "/_bulk")
    assert request.headers["content-type"] == "application/x-ndjson"
    assert request.headers["authorization"] == "ApiKey k1"
    lines = [json.loads(line) for line in request.body.decode().splitlines()]
    assert len(lines) == 2 * len(sent)
    for action, document, event in zip(lines[::2], lines[1::2], sent, strict=True):
        assert action == {"create": {"_index": "kc-audit", "_id": event.event_id}}
        assert document["event_id"] == event.event_id and "@timestamp" in document


async def test_elastic_redelivered_batch_counts_conflicts_as_stored() -> None:
    async with HttpReceiver(lambda r: bulk_reply(r, [201, 409, 409])) as receiver:
        forwarder = ElasticForwarder(receiver.url, "i", username="u", password="p")
        await forwarder.send(events())  # 409: already indexed under the same id
        await forwarder.close()
    assert receiver.requests[0].headers["authorization"].startswith("Basic ")


@pytest.mark.parametrize(("status", "error"), [(429, SinkUnavailable), (400, SinkRejected)])
async def test_elastic_item_failures(status: int, error: type[Exception]) -> None:
    async with HttpReceiver(lambda r: bulk_reply(r, [201, status, 201])) as receiver:
        forwarder = ElasticForwarder(receiver.url, "i")
        with pytest.raises(error):
            await forwarder.send(events())
        await forwarder.close()
