"""Audit v1 end to end: events published on JetStream are stored by the audit service in
its embedded ClickHouse (chdb) and read back through the gateway's REST and WebSocket API:
search, streamed export of 10^5 events, live tail, dead-lettering of a malformed event."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import ssl
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import grpc
import httpx
import nats
import pytest
import websockets

from kubechat import nats as kc_nats
from kubechat.events import DEAD_LETTER_STREAM, AuditEvent, PlanSummary
from kubechat.v1 import audit_pb2, audit_pb2_grpc, common_pb2
from kubechat_devstack.service_identity import channel_to
from kubechat_devstack.stack import Ports, Stack


@pytest.fixture(scope="module")
def audit_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """NATS, Redis, the audit service and the gateway: all the audit API needs."""
    stack = Stack(base_dir=tmp_path_factory.mktemp("audit-mesh"), ports=Ports.free())
    try:
        stack.start_nats()
        stack.start_redis()
        stack.start_services(["audit", "gateway"], timeout=60)
        yield stack
    finally:
        stack.stop()


async def publish_async(
    url: str, events: list[AuditEvent], tls: ssl.SSLContext, concurrency: int = 500
) -> None:
    # As a producer service (the URL names it), with that user's own reply inboxes.
    client = await kc_nats.connect(url, name="test-publisher", timeout=10, tls=tls)
    js = client.jetstream()
    try:
        for start in range(0, len(events), concurrency):
            await asyncio.gather(
                *(
                    js.publish(e.subject(), e.to_bytes(), headers={"Nats-Msg-Id": e.event_id})
                    for e in events[start : start + concurrency]
                )
            )
    finally:
        await client.drain()


def publish(stack: Stack, events: list[AuditEvent]) -> None:
    asyncio.run(publish_async(stack.nats_url_as("executor"), events, stack.nats_tls()))


def search(stack: Stack, **params: Any) -> dict[str, Any]:
    response = httpx.get(f"{stack.gateway_url}/api/v1/audit/events", params=params, timeout=30)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def wait_total(stack: Stack, expected: int, timeout: float = 60, **params: Any) -> int:
    deadline = time.monotonic() + timeout
    while True:
        total = int(search(stack, page_size=1, **params)["total"])
        if total >= expected or time.monotonic() > deadline:
            return total
        time.sleep(0.2)


def event(tenant: str, **fields: Any) -> AuditEvent:
    return AuditEvent.model_validate({"kind": "ask", "tenant": tenant, **fields})


def test_search_filters_pages_and_reports_through_the_gateway(audit_stack: Stack) -> None:
    tenant = f"acme{uuid.uuid4().hex[:6]}"
    now = datetime.now(UTC)
    scale = PlanSummary(
        operations=[{"verb": "scale"}],
        kubectl=["kubectl scale deploy/web --replicas=5"],
        risk="write",
    )
    events = [
        event(
            tenant,
            user="alice",
            text="scale web to 5",
            plan=scale,
            cluster_id="prod",
            outcome="ok",
            execution={"ok": True, "verification": "verified"},
        ),
        event(
            tenant,
            user="bob",
            kind="denied",
            text="delete namespace prod",
            outcome="denied",
            cluster_id="prod",
        ),
        event(
            tenant,
            user="alice",
            text="list pods",
            cluster_id="staging",
            outcome="ok",
            time=now - timedelta(days=2),
            plan=PlanSummary(operations=[{"verb": "get"}], kubectl=["kubectl get pods"]),
        ),
    ] + [event(tenant, user="carol", text=f"get logs {i}", outcome="ok") for i in range(25)]
    publish(audit_stack, events)
    assert wait_total(audit_stack, len(events), tenant=tenant) == len(events)

    def ids(**params: Any) -> set[str]:
        return {e["event_id"] for e in search(audit_stack, tenant=tenant, **params)["events"]}

    assert ids(user="alice") == {events[0].event_id, events[2].event_id}
    assert ids(verb="scale", risk="write") == {events[0].event_id}
    assert ids(outcome="denied") == {events[1].event_id}
    assert ids(q="NAMESPACE PROD") == {events[1].event_id}
    assert ids(q="replicas=5") == {events[0].event_id}  # free text covers the kubectl too
    assert ids(cluster="staging") == {events[2].event_id}
    since = (now - timedelta(days=3)).isoformat()
    until = (now - timedelta(days=1)).isoformat()
    assert ids(since=since, until=until) == {events[2].event_id}

    first = search(audit_stack, tenant=tenant, user="carol", page_size=10)
    assert first["total"] == 25 and len(first["events"]) == 10
    seen = {e["event_id"] for e in first["events"]}
    token = first["next_page_token"]
    while token:
        page = search(audit_stack, tenant=tenant, user="carol", page_size=10, page_token=token)
        seen |= {e["event_id"] for e in page["events"]}
        token = page["next_page_token"]
    assert len(seen) == 25

    stored = search(audit_stack, tenant=tenant, verb="scale")["events"][0]
    assert stored["risk"] == "write" and stored["verification"] == "verified"
    assert stored["event"]["plan"]["kubectl"] == ["kubectl scale deploy/web --replicas=5"]

    report = httpx.get(
        f"{audit_stack.gateway_url}/api/v1/audit/report",
        params={"tenant": tenant, "group_by": "user"},
        timeout=30,
    ).json()
    today = now.date().isoformat()
    rows = {(r["key"], r["day"]): r for r in report["rows"]}
    assert rows[(f"{tenant}/alice", today)]["writes"] == 1
    assert rows[(f"{tenant}/bob", today)]["denials"] == 1
    assert rows[(f"{tenant}/carol", today)]["events"] == 25


def test_secrets_are_redacted_before_they_are_stored(audit_stack: Stack) -> None:
    tenant = f"sec{uuid.uuid4().hex[:6]}"
    leaky = event(
        tenant,
        user="alice",
        text="use Authorization: Bearer 9f8e7d6c5b4a39281706 to log in, password=hunter2",
        plan=PlanSummary(
            operations=[
                {
                    "verb": "create",
                    "resource": {"kind": "Secret"},
                    "params": {"stringData": {"password": "hunter2"}},
                }
            ],
            kubectl=["kubectl create secret generic db --from-literal=password=hunter2"],
            risk="write",
        ),
    )
    publish(audit_stack, [leaky])
    assert wait_total(audit_stack, 1, tenant=tenant) == 1
    stored = search(audit_stack, tenant=tenant)["events"][0]
    assert "hunter2" not in json.dumps(stored)
    assert "9f8e7d6c5b4a39281706" not in json.dumps(stored)
    assert stored["user"] == "alice" and "[REDACTED]" in stored["text"]


def test_export_streams_100k_events_as_jsonl_and_csv(audit_stack: Stack) -> None:
    tenant = f"bulk{uuid.uuid4().hex[:6]}"
    count = 100_000
    base = datetime.now(UTC) - timedelta(hours=1)
    events = [
        event(
            tenant,
            user=f"user{i % 50}",
            text=f'get pods, "quoted", {i}',
            time=base + timedelta(milliseconds=i),
        )
        for i in range(count)
    ]
    publish(audit_stack, events)
    assert wait_total(audit_stack, count, timeout=240, tenant=tenant) == count

    url = f"{audit_stack.gateway_url}/api/v1/audit/export"
    ids: set[str] = set()
    previous = ""
    with httpx.stream("GET", url, params={"tenant": tenant, "format": "jsonl"}, timeout=120) as r:
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("application/x-ndjson")
        assert "attachment" in r.headers["content-disposition"]
        for line in r.iter_lines():
            record = json.loads(line)
            assert record["time"] >= previous  # oldest first, as an archive reads
            previous = record["time"]
            ids.add(record["event_id"])
    assert ids == {e.event_id for e in events}

    with httpx.stream("GET", url, params={"tenant": tenant, "format": "csv"}, timeout=120) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(r.read().decode())))
    assert rows[0][:5] == ["event_id", "time", "kind", "tenant", "user"]
    assert len(rows) == count + 1
    assert rows[1][9] == 'get pods, "quoted", 0'


def test_export_refusal_is_a_4xx_not_a_cut_stream(audit_stack: Stack) -> None:
    response = httpx.get(
        f"{audit_stack.gateway_url}/api/v1/audit/export",
        params={"since": "2026-01-02T00:00:00Z", "until": "2026-01-01T00:00:00Z"},
        timeout=30,
    )
    assert response.status_code == 400
    assert "since must be before until" in response.json()["error"]["message"]


def test_live_tail_over_websocket(audit_stack: Stack) -> None:
    tenant = f"tail{uuid.uuid4().hex[:6]}"
    ws_url = audit_stack.gateway_url.replace("http", "ws") + f"/api/v1/audit/tail?tenant={tenant}"
    other = event(f"{tenant}x", user="eve", text="not for this tail")
    mine = event(tenant, user="alice", text="scale web token 1a2b3c4d5e6f7a8b9c")

    async def run() -> dict[str, Any]:
        async with websockets.connect(ws_url) as socket:
            await asyncio.sleep(0.5)  # the tail is live: subscribe before publishing
            await publish_async(
                audit_stack.nats_url_as("gateway"), [other, mine], audit_stack.nats_tls()
            )
            frame = await asyncio.wait_for(socket.recv(), 10)
            body: dict[str, Any] = json.loads(frame)
            return body

    received = asyncio.run(run())
    assert received["event_id"] == mine.event_id
    assert received["tenant"] == tenant
    assert "1a2b3c4d5e6f7a8b9c" not in received["text"]


def test_auditor_sees_only_their_tenant(audit_stack: Stack) -> None:
    tenant = f"aud{uuid.uuid4().hex[:6]}"
    publish(audit_stack, [event(tenant, user="a"), event(f"{tenant}-other", user="b")])
    assert wait_total(audit_stack, 1, tenant=f"{tenant}-other") == 1
    assert wait_total(audit_stack, 1, tenant=tenant) == 1
    auditor = common_pb2.Principal(user="ann", tenant=tenant, roles=["auditor"])
    with channel_to(audit_stack, "audit") as channel:
        stub = audit_pb2_grpc.AuditServiceStub(channel)
        own = stub.Search(audit_pb2.SearchRequest(caller=auditor), timeout=10)
        assert own.total == 1 and {e.tenant for e in own.events} == {tenant}
        with pytest.raises(grpc.RpcError) as refused:
            stub.Search(
                audit_pb2.SearchRequest(caller=auditor, tenant=f"{tenant}-other"), timeout=10
            )
        assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED
        plain = common_pb2.Principal(user="joe", tenant=tenant, roles=["user"])
        with pytest.raises(grpc.RpcError) as denied:
            stub.Search(audit_pb2.SearchRequest(caller=plain), timeout=10)
        assert denied.value.code() == grpc.StatusCode.PERMISSION_DENIED


def test_malformed_event_is_dead_lettered_and_ingest_goes_on(audit_stack: Stack) -> None:
    tenant = f"dlq{uuid.uuid4().hex[:6]}"
    bad_id = uuid.uuid4().hex
    good = event(tenant, user="alice", text="after the poison")

    async def run() -> tuple[bytes, dict[str, str]]:
        client = await nats.connect(audit_stack.nats_url_as("operator"), tls=audit_stack.nats_tls())
        js = client.jetstream()
        try:
            await js.publish(
                f"kubechat.audit.v1.{tenant}.ask",
                b'{"kind": "no-such-kind", "tenant": "x"}',
                headers={"Nats-Msg-Id": bad_id},
            )
            await js.publish(
                good.subject(), good.to_bytes(), headers={"Nats-Msg-Id": good.event_id}
            )
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                try:
                    message = await js.get_last_msg(DEAD_LETTER_STREAM, "kubechat.deadletter.audit")
                except Exception:  # noqa: BLE001 - nothing dead-lettered yet
                    await asyncio.sleep(0.2)
                    continue
                if (message.headers or {}).get("Nats-Msg-Id") == f"dlq-{bad_id}":
                    return message.data or b"", dict(message.headers or {})
                await asyncio.sleep(0.2)
            raise AssertionError("the malformed event never reached the dead-letter stream")
        finally:
            await client.drain()

    data, headers = asyncio.run(run())
    assert b"no-such-kind" in data
    assert "undecodable" in headers["KubeChat-Dead-Letter-Reason"]
    assert "kind" in headers["KubeChat-Dead-Letter-Reason"]
    assert headers["KubeChat-Subject"] == f"kubechat.audit.v1.{tenant}.ask"
    assert wait_total(audit_stack, 1, tenant=tenant) == 1
