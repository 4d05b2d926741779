"""Issue 13, attacks 3 and 5, run against the real stack: the bus and the store.

NATS and Redis refuse anonymous clients and hold every service to its own subjects and
keys; the audit trail is insert-once (a forged or re-published event neither lands nor
replaces a row); and a pending change rewritten in Redis is refused at confirm, because
the executor's grant is MAC'd with a key only it holds.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import time
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import nats
import pytest
import redis
import websockets
from kubernetes import client as k8s
from nats.aio.client import Client
from nats.errors import Error as NatsError
from nats.errors import NoRespondersError
from nats.errors import TimeoutError as NatsTimeoutError
from redis.backoff import NoBackoff
from redis.retry import Retry
from websockets.typing import Subprotocol

from kubechat import nats as kc_nats
from kubechat.events import AUDIT_STREAM, AuditEvent
from kubechat_devstack.cluster import ClusterHandle
from kubechat_devstack.service_identity import ensure_pki
from kubechat_devstack.stack import Ports, Stack

REFUSED = (NatsError, NatsTimeoutError, NoRespondersError, TimeoutError)


@pytest.fixture(scope="module")
def bus_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """NATS, Redis, the audit service and the gateway, as `make dev` configures them."""
    stack = Stack(base_dir=tmp_path_factory.mktemp("bus"), ports=Ports.free())
    try:
        stack.start_nats()
        stack.start_redis()
        stack.start_services(["audit", "gateway"], timeout=60)
        yield stack
    finally:
        stack.stop()


def run(coroutine: Any) -> Any:
    return asyncio.run(coroutine)


async def connect_as(stack: Stack, user: str, errors: list[str] | None = None) -> Client:
    async def record(exc: Exception) -> None:
        if errors is not None:
            errors.append(str(exc).lower())  # nats-py lowercases the subject anyway

    return await nats.connect(
        stack.nats_url_as(user),
        tls=stack.nats_tls(),
        inbox_prefix=kc_nats.inbox_prefix(user),
        error_cb=record,
        allow_reconnect=False,
    )


def stored(stack: Stack, event_id: str) -> list[dict[str, Any]]:
    response = httpx.get(
        f"{stack.gateway_url}/api/v1/audit/events", params={"event_id": event_id}, timeout=30
    )
    assert response.status_code == 200, response.text
    events: list[dict[str, Any]] = response.json()["events"]
    return events


def wait_stored(stack: Stack, event_id: str, timeout: float = 30) -> list[dict[str, Any]]:
    deadline = time.monotonic() + timeout
    while not (found := stored(stack, event_id)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return found


async def drained(stack: Stack) -> None:
    """Until the audit writer has handled everything on the stream."""
    operator = await connect_as(stack, "operator")
    try:
        js = operator.jetstream()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            info = await js.consumer_info(AUDIT_STREAM, "audit-writer")
            if info.num_pending == 0 and info.num_ack_pending == 0:
                return
            await asyncio.sleep(0.2)
        raise AssertionError("the audit writer did not drain the stream")
    finally:
        await operator.close()


def audit_event(**fields: Any) -> AuditEvent:
    return AuditEvent.model_validate({"kind": "execute", "tenant": "acme", **fields})


async def publish_as(stack: Stack, user: str, event: AuditEvent, msg_id: str = "") -> None:
    connection = await connect_as(stack, user)
    try:
        await connection.jetstream().publish(
            event.subject(),
            event.to_bytes(),
            headers={"Nats-Msg-Id": msg_id or event.event_id},
            timeout=3,
        )
    finally:
        await connection.close()


# -- NATS -----------------------------------------------------------------------------


def test_anonymous_and_wrong_password_nats_clients_are_refused(bus_stack: Stack) -> None:
    # Over TLS, so what refuses them is the missing or wrong password (plaintext clients:
    # tests/e2e/test_security_transport.py).
    async def attempt(url: str) -> None:
        await nats.connect(url, tls=bus_stack.nats_tls(), allow_reconnect=False, connect_timeout=2)

    with pytest.raises(NatsError, match="Authorization Violation"):
        run(attempt(f"tls://127.0.0.1:{bus_stack.ports.nats}"))
    wrong = bus_stack.nats_url_as("gateway").replace(bus_stack.credentials.nats["gateway"], "x")
    with pytest.raises(NatsError, match="Authorization Violation"):
        run(attempt(wrong))


def test_a_service_user_is_refused_outside_its_subjects(bus_stack: Stack) -> None:
    async def scenario() -> tuple[list[str], list[str], list[bytes]]:
        gateway_errors: list[str] = []
        executor_errors: list[str] = []
        heard: list[bytes] = []
        operator = await connect_as(bus_stack, "operator")
        gateway = await connect_as(bus_stack, "gateway", gateway_errors)
        executor = await connect_as(bus_stack, "executor", executor_errors)
        try:

            async def listen(msg: Any) -> None:
                heard.append(msg.data)

            await operator.subscribe("kubechat.session.v1.>", cb=listen)
            await operator.flush()
            # Listening to the audit trail or to other replies is the audit service's alone.
            await gateway.subscribe("kubechat.audit.v1.>")
            await gateway.subscribe("_INBOX.audit.>")
            # Injecting a fake result into someone's chat is the gateway's alone.
            await executor.publish("kubechat.session.v1.bobs-chat", b'{"type": "result"}')
            await gateway.flush()
            await executor.flush()
            await asyncio.sleep(0.5)
        finally:
            for connection in (operator, gateway, executor):
                await connection.close()
        return gateway_errors, executor_errors, heard

    gateway_errors, executor_errors, heard = run(scenario())
    assert any("kubechat.audit.v1.>" in e for e in gateway_errors), gateway_errors
    assert any("_inbox.audit.>" in e for e in gateway_errors), gateway_errors
    assert any("kubechat.session.v1.bobs-chat" in e for e in executor_errors), executor_errors
    assert heard == []


def test_a_forged_audit_event_from_a_non_producer_is_refused_and_not_stored(
    bus_stack: Stack,
) -> None:
    forged = audit_event(user="carol", text="delete namespace prod", outcome="ok")
    # The audit service reads the trail; it never writes events into it.
    with pytest.raises(REFUSED):
        run(publish_as(bus_stack, "audit", forged))
    sentinel = audit_event(user="sentinel", text="published after the forgery")
    run(publish_as(bus_stack, "executor", sentinel))
    assert wait_stored(bus_stack, sentinel.event_id)
    run(drained(bus_stack))
    assert stored(bus_stack, forged.event_id) == []


def test_a_republished_event_id_never_replaces_the_stored_row(bus_stack: Stack) -> None:
    genuine = audit_event(user="carol", text="delete namespace prod", outcome="ok")
    run(publish_as(bus_stack, "executor", genuine))
    assert [e["text"] for e in wait_stored(bus_stack, genuine.event_id)] == [genuine.text]
    # A producer's credentials, the same event id, another message id (so JetStream's
    # duplicate window does not stop it): the store itself must refuse to rewrite.
    forged = genuine.model_copy(update={"user": "mallory", "text": "nothing happened"})
    run(publish_as(bus_stack, "gateway", forged, msg_id=uuid.uuid4().hex))
    run(drained(bus_stack))
    rows = stored(bus_stack, genuine.event_id)
    assert [(e["user"], e["text"]) for e in rows] == [("carol", "delete namespace prod")]


def test_bus_secrets_stay_out_of_argv_readyz_and_logs(bus_stack: Stack) -> None:
    passwords = [*bus_stack.credentials.nats.values(), *bus_stack.credentials.redis.values()]
    for name in ("nats.conf", "redis.conf"):
        assert (bus_stack.secrets_dir / name).stat().st_mode & 0o777 == 0o600
    for process in bus_stack.processes.values():
        assert process.pid is not None
        with open(f"/proc/{process.pid}/cmdline", "rb") as cmdline:
            argv = cmdline.read().decode(errors="replace")
        assert not [p for p in passwords if p in argv], process.name
    readyz = httpx.get(f"{bus_stack.gateway_url}/readyz", timeout=10).text
    assert not [p for p in passwords if p in readyz]
    for log in bus_stack.logs.glob("*.log"):
        assert not [p for p in passwords if p in log.read_text(errors="replace")], log.name


# -- Redis ----------------------------------------------------------------------------


def test_anonymous_and_wrong_password_redis_clients_are_refused(bus_stack: Stack) -> None:
    # Over TLS, so what refuses them is the missing or wrong password.
    # No retries: redis-py counts a refused login as a connection error and retries it
    # three times with backoff (4-5 s per client here) before raising the same refusal.
    tls: dict[str, Any] = {
        "ssl": True,
        "ssl_ca_certs": str(ensure_pki(bus_stack.base_dir).ca),
        "retry": Retry(NoBackoff(), 0),
    }
    anonymous = redis.Redis(port=bus_stack.ports.redis, **tls)
    with pytest.raises((redis.AuthenticationError, redis.ResponseError)):
        anonymous.get("kubechat:pending:x")
    wrong = redis.Redis(port=bus_stack.ports.redis, username="gateway", password="guess", **tls)
    with pytest.raises((redis.AuthenticationError, redis.ResponseError)):
        wrong.ping()


def test_each_service_reaches_only_its_own_keys(bus_stack: Stack) -> None:
    gateway = redis.Redis.from_url(bus_stack.redis_url_as("gateway"))
    nlp = redis.Redis.from_url(bus_stack.redis_url_as("nlp"))
    assert gateway.set("kubechat:pending:test", "x", ex=10)
    for key in ("kubechat:confirm:v1:anything", "kubechat:nlp:ctx:anyone"):
        with pytest.raises(redis.exceptions.NoPermissionError):
            gateway.get(key)
    with pytest.raises(redis.exceptions.NoPermissionError):
        nlp.get("kubechat:pending:test")
    with pytest.raises(redis.exceptions.NoPermissionError):
        gateway.keys("*")
    with pytest.raises(redis.exceptions.NoPermissionError):
        gateway.flushall()


# -- a pending change rewritten in Redis ------------------------------------------------


@pytest.fixture(scope="module")
def cluster_stack(
    kube_cluster: ClusterHandle, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stack]:
    stack = Stack(
        base_dir=tmp_path_factory.mktemp("bus-cluster"),
        ports=Ports.free(),
        kubeconfig=kube_cluster.kubeconfig("admin"),
    )
    try:
        stack.start_all()
        yield stack
    finally:
        stack.stop()


def ask(stack: Stack, conversation_id: str, text: str) -> list[dict[str, Any]]:
    base = stack.gateway_url.replace("http", "ws", 1)
    url = f"{base}/api/v1/conversations/{conversation_id}/ws"

    async def talk() -> list[dict[str, Any]]:
        events: list[dict[str, Any]] = []
        async with websockets.connect(url, subprotocols=[Subprotocol("kubechat.v1")]) as socket:
            ready = json.loads(await asyncio.wait_for(socket.recv(), 30))
            assert ready["type"] == "ready", ready
            await socket.send(json.dumps({"type": "ask", "text": text, "cluster": ""}))
            while True:
                event = json.loads(await asyncio.wait_for(socket.recv(), 120))
                if event.get("request_id") and event["type"] != "ready":
                    events.append(event)
                if event["type"] == "done":
                    return events

    result: list[dict[str, Any]] = run(talk())
    return result


def confirm(stack: Stack, conversation_id: str, confirmation_id: str) -> list[dict[str, Any]]:
    response = httpx.post(
        f"{stack.gateway_url}/api/v1/conversations/{conversation_id}/confirm",
        json={"confirmation_id": confirmation_id},
        timeout=120,
    )
    assert response.status_code == 200, response.text
    events: list[dict[str, Any]] = response.json()["events"]
    return events


def replicas(kube_cluster: ClusterHandle, name: str) -> int:
    api = kube_cluster.api_client("admin")
    try:
        count = k8s.AppsV1Api(api).read_namespaced_deployment(name, "staging").spec.replicas
    finally:
        api.close()  # type: ignore[no-untyped-call]
    assert count is not None
    return int(count)


def previewed(stack: Stack, text: str) -> tuple[str, str, dict[str, Any]]:
    conversation_id = f"tamper-{uuid.uuid4().hex[:8]}"
    events = ask(stack, conversation_id, text)
    requests = [e for e in events if e["type"] == "confirmation_request"]
    assert len(requests) == 1, events
    store = redis.Redis.from_url(stack.redis_url_as("operator"))
    pending: dict[str, Any] = json.loads(store.get(f"kubechat:pending:{conversation_id}") or "{}")
    assert pending, "the previewed change waits in Redis"
    return conversation_id, requests[0]["confirmation_id"], pending


def refusal(events: list[dict[str, Any]]) -> str:
    errors = [e for e in events if e["type"] == "error"]
    assert errors and not [e for e in events if e["type"] == "result"], events
    return str(errors[0]["message"])


def grant_keys(stack: Stack) -> list[str]:
    store = redis.Redis.from_url(stack.redis_url_as("operator"))
    return [key.decode() for key in store.scan_iter("kubechat:confirm:v1:*")]


def test_redis_holds_no_confirmation_token_and_a_rewritten_pending_change_is_refused(
    cluster_stack: Stack, kube_cluster: ClusterHandle
) -> None:
    before = replicas(kube_cluster, "checkout")
    conversation_id, confirmation_id, pending = previewed(
        cluster_stack, "scale checkout in staging to 2"
    )
    # An opaque id and a ciphertext: nothing read from Redis is the token a grant is
    # keyed by (the executor keys each grant by the token's SHA-256).
    assert set(pending) == {"confirmation_id", "sealed"}
    assert pending["confirmation_id"] == confirmation_id
    candidates = [confirmation_id, pending["sealed"], base64.b64decode(pending["sealed"])]
    hashed = {
        "kubechat:confirm:v1:"
        + hashlib.sha256(c if isinstance(c, bytes) else c.encode()).hexdigest()
        for c in candidates
    }
    assert grant_keys(cluster_stack) and not hashed & set(grant_keys(cluster_stack))
    # The attacker's edit: any change to the sealed record.
    blob = bytearray(base64.b64decode(pending["sealed"]))
    blob[len(blob) // 2] ^= 1
    pending["sealed"] = base64.b64encode(bytes(blob)).decode()
    store = redis.Redis.from_url(cluster_stack.redis_url_as("operator"))
    store.set(f"kubechat:pending:{conversation_id}", json.dumps(pending), keepttl=True)
    message = refusal(confirm(cluster_stack, conversation_id, confirmation_id))
    assert "altered after the preview" in message
    assert replicas(kube_cluster, "checkout") == before


def test_a_grant_rewritten_in_redis_is_refused_at_confirm(
    cluster_stack: Stack, kube_cluster: ClusterHandle
) -> None:
    before = replicas(kube_cluster, "checkout")
    conversation_id, confirmation_id, _ = previewed(cluster_stack, "scale checkout in staging to 2")
    # Without the token the attacker cannot tell which grant is this one: rewrite them all.
    store = redis.Redis.from_url(cluster_stack.redis_url_as("operator"))
    for key in grant_keys(cluster_stack):
        stored_grant = json.loads(store.get(key) or "{}")
        stored_grant["grant"]["plan_hash"] = "0" * 64
        store.set(key, json.dumps(stored_grant), keepttl=True)
    message = refusal(confirm(cluster_stack, conversation_id, confirmation_id))
    assert "altered after the preview" in message
    assert replicas(kube_cluster, "checkout") == before
