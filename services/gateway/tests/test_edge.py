"""The public edge: security headers on every response, docs off by default, dev auth
refused in production, formula-safe CSV cells."""

from __future__ import annotations

import httpx
import pytest
from pydantic import ValidationError

from kubechat_gateway.app import create_app
from kubechat_gateway.config import GatewaySettings
from kubechat_gateway.edge import content_security_policy, csv_safe

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
        GatewaySettings(environment="production", auth_mode="dev")
    GatewaySettings(environment="production", auth_mode="oidc")
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
