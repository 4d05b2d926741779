"""The walking skeleton: one ask crosses gateway → nlp → executor, and its audit event
crosses NATS JetStream to the audit service, which keeps it exactly once even when it was
down while the event was published."""

from __future__ import annotations

import time

import httpx
import pytest

from kubechat.v1 import audit_pb2, audit_pb2_grpc, common_pb2
from kubechat_devstack.service_identity import channel_to
from kubechat_devstack.stack import Stack

# Reads the whole trail, as the gateway would for an admin.
AUDIT_ADMIN = common_pb2.Principal(user="e2e-admin", tenant="default", roles=["admin"])


def audit_events(stack: Stack, **query: str) -> audit_pb2.SearchResponse:
    with channel_to(stack, "audit", AUDIT_ADMIN) as channel:
        stub = audit_pb2_grpc.AuditServiceStub(channel)
        return stub.Search(audit_pb2.SearchRequest(page_size=100, **query), timeout=5)


def wait_for_events(stack: Stack, timeout: float = 20.0, **query: str) -> audit_pb2.SearchResponse:
    deadline = time.monotonic() + timeout
    while True:
        response = audit_events(stack, **query)
        if response.total or time.monotonic() > deadline:
            return response
        time.sleep(0.1)


def ask(stack: Stack, text: str, **fields: str) -> httpx.Response:
    return httpx.post(f"{stack.gateway_url}/api/v1/ask", json={"text": text, **fields}, timeout=30)


def test_readyz_reports_every_dependency(mesh_without_cluster: Stack) -> None:
    response = httpx.get(f"{mesh_without_cluster.gateway_url}/readyz", timeout=10)
    body = response.json()
    assert set(body["dependencies"]) == {"nlp", "executor", "audit", "identity", "redis", "nats"}
    deadline = time.monotonic() + 20
    while not body["ready"] and time.monotonic() < deadline:  # NATS connects in the background
        time.sleep(0.2)
        response = httpx.get(f"{mesh_without_cluster.gateway_url}/readyz", timeout=10)
        body = response.json()
    assert response.status_code == 200, body
    assert all(d["ok"] for d in body["dependencies"].values())


def test_ask_without_cluster_names_the_missing_cluster_and_is_audited(
    mesh_without_cluster: Stack,
) -> None:
    response = ask(mesh_without_cluster, "list pods", conversation_id="skeleton-1")
    assert response.status_code == 503, response.text
    error = response.json()["error"]
    assert "no cluster 'default'" in error["message"]
    assert "KUBECONFIG" in error["message"]

    # Waits for this conversation's event: other tests ask "list pods" on this session's
    # mesh too, and their events alone would end a wait on the text.
    events = wait_for_events(mesh_without_cluster, text="list pods", conversation_id="skeleton-1")
    matching = [e for e in events.events if e.conversation_id == "skeleton-1"]
    assert len(matching) == 1
    assert matching[0].kind == "ask"
    assert matching[0].outcome == "unavailable"
    assert list(matching[0].kubectl) == ["kubectl get pods"]


def test_event_published_while_audit_is_down_is_stored_exactly_once(
    mesh_without_cluster: Stack,
) -> None:
    stack = mesh_without_cluster
    stack.kill("audit")
    try:
        response = ask(stack, "list pods", conversation_id="while-audit-down")
        # The gateway answered; the event waits in JetStream for the audit service.
        assert response.status_code == 503
        assert "no cluster" in response.json()["error"]["message"]
    finally:
        stack.start_service("audit")
    events = wait_for_events(stack, conversation_id="while-audit-down")
    time.sleep(1.0)  # give any redelivery the chance to show up as a duplicate
    events = audit_events(stack, conversation_id="while-audit-down")
    assert events.total == 1


@pytest.mark.parametrize(
    ("body", "content_type", "status", "message"),
    [
        (b"{}", "application/json", 422, "field 'text' is required"),
        (b'{"text": 5}', "application/json", 422, "field 'text'"),
        (b'{"text": "x", "cluster": []}', "application/json", 422, "field 'cluster'"),
        (b'{"text": "x", "bogus": 1}', "application/json", 422, "'bogus' is not accepted"),
        (b"[1, 2]", "application/json", 422, "JSON object"),
        (b'{"text": "\xff\xfe"}', "application/json", 400, "not valid UTF-8 JSON"),
        (b"not json", "application/json", 422, "not valid JSON"),
        (b'{"text": "' + b"a" * 1024 * 1024 + b'"}', "application/json", 413, "exceeds"),
        (b'{"text": "   "}', "application/json", 422, "field 'text'"),
    ],
)
def test_bad_input_gets_a_specific_4xx(
    mesh_without_cluster: Stack, body: bytes, content_type: str, status: int, message: str
) -> None:
    response = httpx.post(
        f"{mesh_without_cluster.gateway_url}/api/v1/ask",
        content=body,
        headers={"content-type": content_type},
        timeout=30,
    )
    assert response.status_code == status, response.text
    assert message in response.json()["error"]["message"]


def test_dependency_down_is_a_503_naming_it(mesh_without_cluster: Stack) -> None:
    stack = mesh_without_cluster
    stack.kill("nlp")
    try:
        response = ask(stack, "list pods")
        assert response.status_code == 503
        assert "nlp service" in response.json()["error"]["message"]
        readiness = httpx.get(f"{stack.gateway_url}/readyz", timeout=10)
        assert readiness.status_code == 503
        assert readiness.json()["dependencies"]["nlp"]["ok"] is False
    finally:
        stack.start_service("nlp")
