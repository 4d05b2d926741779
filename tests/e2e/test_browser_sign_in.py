"""A person signs in through Keycloak's real login page in headless Chromium, with TOTP,
and the token from the authorization-code + PKCE flow opens the gateway's API."""

from __future__ import annotations

import base64
import hashlib
import secrets
import shutil
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import httpx
import pyotp
import pytest

from kubechat_devstack.keycloak import Keycloak
from kubechat_devstack.stack import Stack
from tests.e2e.keycloak_fixtures import REALM, password

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# carol's pre-provisioned OTP credential in deploy/keycloak/kubechat-realm.json. Keycloak
# keys HMAC with the secret's raw bytes; authenticator apps get them base32-encoded.
CAROL_TOTP = pyotp.TOTP(base64.b32encode(b"kubechat-carol-totp-secret").decode())


class _Callback(BaseHTTPRequestHandler):
    """The redirect target: records the query Keycloak sends back."""

    received: list[dict[str, list[str]]] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        url = urllib.parse.urlparse(self.path)
        if url.path == "/callback":  # not the browser's /favicon.ico
            type(self).received.append(urllib.parse.parse_qs(url.query))
        body = b"<html><body><p id='done'>signed in</p></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_: object) -> None:
        pass


@pytest.fixture
def redirect_server() -> Iterator[tuple[str, list[dict[str, list[str]]]]]:
    received: list[dict[str, list[str]]] = []
    handler = type("Callback", (_Callback,), {"received": received})
    server = HTTPServer(("127.0.0.1", 0), handler)
    # shutdown() waits for serve_forever's next poll: 0.5 s by default.
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/callback", received
    finally:
        server.shutdown()
        server.server_close()


def test_a_user_with_totp_signs_in_in_a_real_browser(
    keycloak: Keycloak,
    identity_stack: Stack,
    redirect_server: tuple[str, list[dict[str, list[str]]]],
) -> None:
    if not shutil.which(CHROMIUM):
        pytest.skip("chromium missing: bash scripts/install-identity-deps.sh")
    from playwright.sync_api import sync_playwright

    redirect_uri, received = redirect_server
    verifier = secrets.token_urlsafe(48)
    challenge = (
        base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    )
    state = secrets.token_urlsafe(16)
    oidc = f"{keycloak.issuer(REALM)}/protocol/openid-connect"
    authorize = f"{oidc}/auth?" + urllib.parse.urlencode(
        {
            "client_id": "kubechat-web",
            "response_type": "code",
            "scope": "openid",
            "redirect_uri": redirect_uri,
            "state": state,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
        }
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_page()
            page.goto(authorize)
            page.fill("#username", "carol")
            page.fill("#password", password("carol"))
            page.click("#kc-login")
            # carol has an OTP credential, so the realm's browser flow asks for a code.
            page.wait_for_selector("#otp", timeout=30_000)
            page.fill("#otp", CAROL_TOTP.now())
            page.click("#kc-login")
            page.wait_for_selector("#done", timeout=30_000)
        finally:
            browser.close()

    (query,) = received
    assert query["state"] == [state]
    exchanged = httpx.post(
        f"{oidc}/token",
        data={
            "grant_type": "authorization_code",
            "client_id": "kubechat-web",
            "code": query["code"][0],
            "redirect_uri": redirect_uri,
            "code_verifier": verifier,
        },
    )
    assert exchanged.status_code == 200, exchanged.text
    token = exchanged.json()["access_token"]

    me = httpx.get(
        f"{identity_stack.gateway_url}/api/v1/me", headers={"Authorization": f"Bearer {token}"}
    )
    assert me.status_code == 200, me.text
    assert me.json()["user"] == "carol"
    assert me.json()["tenant"] == "acme"
    assert "admin" in me.json()["roles"]
    assert me.json()["k8s_user"] == "carol"
    assert "kubechat:admins" in me.json()["k8s_groups"]  # cluster-admin in the test bed


def test_the_web_client_refuses_a_flow_without_pkce(keycloak: Keycloak) -> None:
    reply = httpx.get(
        f"{keycloak.issuer(REALM)}/protocol/openid-connect/auth",
        params={
            "client_id": "kubechat-web",
            "response_type": "code",
            "scope": "openid",
            "redirect_uri": "http://127.0.0.1:9/callback",
        },
    )
    # Keycloak redirects back with the error instead of showing a login page.
    assert reply.status_code == 302
    assert "code_challenge_method" in urllib.parse.unquote(reply.headers["location"])
