"""The public edge: security headers on every response, docs off by default, dev auth
refused in production, formula-safe CSV cells."""

from __future__ import annotations

import json
import logging

import httpx
import pytest
from pydantic import SecretStr, ValidationError

from kubechat.errors import Unauthenticated
from kubechat_gateway.app import create_app
from kubechat_gateway.config import GatewaySettings
from kubechat_gateway.deps import socket_authorization
from kubechat_gateway.edge import content_security_policy, csv_safe
from kubechat_gateway.routes.ws import _reason

ISSUER = "http://127.0.0.1:8180/realms/kubechat"


async def get(settings: GatewaySettings, path: str) -> httpx.Response:
    # No lifespan: these routes need no mesh.
    transport = httpx.ASGITransport(app=create_app(settings))
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        return await client.get(path)


@pytest.mark.parametrize("path", ["/healthz", "/openapi.json", "/api/v1/config", "/nowhere"])
async def test_every_response_carries_the_security_headers(path: str) -> None:
    response = await get(GatewaySettings(oidc_issuer=ISSUER, auth_mode="oidc"), path)
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy
    assert "script-src 'self';" in policy
    assert "connect-src 'self' http://127.0.0.1:8180;" in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"


async def test_docs_are_off_unless_enabled_and_openapi_stays() -> None:
    assert (await get(GatewaySettings(), "/docs")).status_code == 404
    assert (await get(GatewaySettings(), "/redoc")).status_code == 404
    assert (await get(GatewaySettings(), "/openapi.json")).status_code == 200
    docs = await get(GatewaySettings(api_docs=True), "/docs")
    assert docs.status_code == 200
    # The docs page alone may load the CDN bundle; the UI's policy never does.
    assert "cdn.jsdelivr.net" in docs.headers["content-security-policy"]
    assert "cdn.jsdelivr.net" not in content_security_policy(ISSUER)


def test_dev_auth_is_refused_in_production() -> None:
    with pytest.raises(ValidationError, match="KUBECHAT_AUTH_MODE=dev is refused"):
        GatewaySettings(
            environment="production", auth_mode="dev", confirmation_seal_key=SecretStr("k" * 32)
        )
    GatewaySettings(
        environment="production", auth_mode="oidc", confirmation_seal_key=SecretStr("k" * 32)
    )
    GatewaySettings(environment="dev", auth_mode="dev")


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("list pods", "list pods"),
        ("", ""),
    ],
)
def test_csv_cells_never_start_a_formula(cell: str, safe: str) -> None:
    assert csv_safe(cell) == safe


def test_a_token_in_a_handshake_line_never_reaches_the_log(
    caplog: pytest.LogCaptureFixture,
) -> None:
    create_app(GatewaySettings())
    token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2lnbmF0dXJl"
    with caplog.at_level(logging.INFO, logger="uvicorn.error"):
        logging.getLogger("uvicorn.error").info(
            '%s - "WebSocket %s" [accepted]', "127.0.0.1:5", f"/api/v1/x/ws?access_token={token}"
        )
    assert token not in caplog.text
    assert "access_token=[REDACTED]" in caplog.text


def test_the_socket_token_comes_from_the_bearer_subprotocol_only() -> None:
    assert socket_authorization(["kubechat.v1", "kubechat.bearer.abc.def"]) == "Bearer abc.def"
    assert socket_authorization(["kubechat.v1"]) is None
    assert socket_authorization(["kubechat.bearer."]) is None


def test_close_reasons_fit_a_close_frame() -> None:
    reason = _reason(Unauthenticated("expired: " + "x" * 300))
    assert len(reason.encode()) <= 123
    assert json.loads(reason)["code"] == "unauthenticated"
