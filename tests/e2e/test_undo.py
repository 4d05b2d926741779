""" "Undo that" undoes the last change that RAN in the conversation, end to end: bob (signed
in through Keycloak, acting through the impersonating executor) scales checkout in
staging, confirms, says "undo that", is shown a scale back to the count before, confirms,
and the deployment is back. A plan that was cancelled leaves nothing to undo.

Everything is real: the gateway's chat over the WebSocket and its REST confirm/cancel,
nlp's conversation context in Redis, the executor's run, verification and inverse (read
from the object before the change), and the test bed cluster, read back as admin.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import websockets
from kubernetes import client
from websockets.typing import Subprotocol

from kubechat_devstack import rbac, seed
from kubechat_devstack.cluster import ClusterHandle
from kubechat_devstack.keycloak import Keycloak
from kubechat_devstack.stack import Ports, Stack
from tests.e2e.keycloak_fixtures import REALM, Tokens

NAMESPACE, DEPLOYMENT = "staging", "checkout"
NOTHING_TO_UNDO = "Nothing has been changed in this conversation yet, so there is nothing to undo."


@pytest.fixture(scope="module")
def undo_mesh(
    kube_cluster: ClusterHandle, keycloak: Keycloak, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stack]:
    stack = Stack(
        base_dir=tmp_path_factory.mktemp("mesh-undo"),
        ports=Ports.free(),
        kubeconfig=kube_cluster.kubeconfig("executor"),
        extra_env={
            "KUBECHAT_ENVIRONMENT": "test",
            "KUBECHAT_AUTH_MODE": "oidc",
            "KUBECHAT_OIDC_ISSUER": keycloak.issuer(REALM),
            "KUBECHAT_VERIFY_TIMEOUT": "90",
            "KUBECHAT_CALL_TIMEOUT": "60",
            # As `make dev`: bob may not list namespaces, so the view looks into the test
            # bed's own.
            **rbac.view_env(seed.NAMESPACES),
        },
    )
    try:
        stack.start_all()
        yield stack
    finally:
        stack.stop()


@pytest.fixture
def apps(kube_cluster: ClusterHandle) -> Iterator[client.AppsV1Api]:
    admin = kube_cluster.api_client("admin")
    api = client.AppsV1Api(admin)
    before = replicas(api)
    try:
        yield api
    finally:
        api.patch_namespaced_deployment_scale(DEPLOYMENT, NAMESPACE, {"spec": {"replicas": before}})
        admin.close()  # type: ignore[no-untyped-call]


def replicas(apps: client.AppsV1Api) -> int:
    count = apps.read_namespaced_deployment(DEPLOYMENT, NAMESPACE).spec.replicas
    assert count is not None
    return count


class Bob:
    """Bob's side of one conversation: asks over the WebSocket, confirms and cancels over
    REST, each with a fresh token."""

    def __init__(self, stack: Stack, tokens: Tokens) -> None:
        self.stack = stack
        self.tokens = tokens
        self.conversation_id = f"undo-{uuid.uuid4().hex[:8]}"

    def ask(self, text: str) -> list[dict[str, Any]]:
        base = self.stack.gateway_url.replace("http", "ws", 1)
        url = f"{base}/api/v1/conversations/{self.conversation_id}/ws"
        # The token as the browser sends it: a subprotocol, never in the URL.
        protocols = [
            Subprotocol("kubechat.v1"),
            Subprotocol(f"kubechat.bearer.{self.tokens.password_grant('bob')}"),
        ]

        async def run() -> list[dict[str, Any]]:
            events: list[dict[str, Any]] = []
            async with websockets.connect(url, subprotocols=protocols) as socket:
                ready = json.loads(await asyncio.wait_for(socket.recv(), 30))
                assert ready["type"] == "ready", ready
                await socket.send(json.dumps({"type": "ask", "text": text, "cluster": ""}))
                while True:
                    event = json.loads(await asyncio.wait_for(socket.recv(), 180))
                    if event.get("request_id") and event["type"] != "ready":
                        events.append(event)
                    if event["type"] == "done":
                        return events

        return asyncio.run(run())

    def _post(self, action: str, body: dict[str, str]) -> list[dict[str, Any]]:
        response = httpx.post(
            f"{self.stack.gateway_url}/api/v1/conversations/{self.conversation_id}/{action}",
            json=body,
            headers={"Authorization": f"Bearer {self.tokens.password_grant('bob')}"},
            timeout=300,
        )
        assert response.status_code == 200, response.text
        events: list[dict[str, Any]] = response.json()["events"]
        return events

    def confirm(self, request: dict[str, Any]) -> list[dict[str, Any]]:
        return self._post("confirm", {"confirmation_id": request["confirmation_id"]})

    def cancel(self, request: dict[str, Any]) -> list[dict[str, Any]]:
        return self._post("cancel", {"confirmation_id": request["confirmation_id"]})


def one(events: list[dict[str, Any]], kind: str) -> dict[str, Any]:
    found = [e for e in events if e["type"] == kind]
    assert len(found) == 1, (kind, events)
    return found[0]


def planned(events: list[dict[str, Any]]) -> list[str]:
    kubectl: list[str] = one(events, "plan")["plan"]["kubectl"]
    return kubectl


def test_undo_that_scales_back_to_the_count_before(
    undo_mesh: Stack, tokens: Tokens, apps: client.AppsV1Api
) -> None:
    bob = Bob(undo_mesh, tokens)
    before = replicas(apps)
    after = before + 1
    asked = bob.ask(f"scale {DEPLOYMENT} in {NAMESPACE} to {after}")
    assert planned(asked) == [
        f"kubectl scale deployment/{DEPLOYMENT} -n {NAMESPACE} --replicas={after}"
    ], asked
    assert one(asked, "done")["status"] == "needs_confirmation", asked
    confirmed = bob.confirm(one(asked, "confirmation_request"))
    assert one(confirmed, "done")["status"] == "done", confirmed
    assert one(confirmed, "result")["verification"]["outcome"] == "verified", confirmed
    assert replicas(apps) == after

    undo = bob.ask("undo that")
    # The count before the change, read by the executor before it ran; guarded so a count
    # someone changed since is not clobbered.
    assert planned(undo) == [
        f"kubectl scale deployment/{DEPLOYMENT} -n {NAMESPACE} --replicas={before} "
        f"--current-replicas={after}"
    ], undo
    assert one(undo, "plan")["plan"]["risk"] == "write"
    assert one(undo, "done")["status"] == "needs_confirmation", undo
    assert replicas(apps) == after, "the undo ran before it was confirmed"
    undone = bob.confirm(one(undo, "confirmation_request"))
    assert one(undone, "done")["status"] == "done", undone
    assert one(undone, "result")["verification"]["outcome"] == "verified", undone
    assert replicas(apps) == before


def test_a_cancelled_plan_leaves_nothing_to_undo(
    undo_mesh: Stack, tokens: Tokens, apps: client.AppsV1Api
) -> None:
    bob = Bob(undo_mesh, tokens)
    before = replicas(apps)
    asked = bob.ask(f"scale {DEPLOYMENT} in {NAMESPACE} to {before + 2}")
    assert one(asked, "done")["status"] == "needs_confirmation", asked
    cancelled = bob.cancel(one(asked, "confirmation_request"))
    assert one(cancelled, "done")["status"] == "cancelled", cancelled

    undo = bob.ask("undo that")
    assert one(undo, "clarification")["clarification"]["question"] == NOTHING_TO_UNDO, undo
    assert one(undo, "done")["status"] == "needs_clarification", undo
    assert not [e for e in undo if e["type"] in ("confirmation_request", "result")], undo
    assert replicas(apps) == before
