"""Helpers for the web UI tests: the built UI and the mesh serving it, headless Debian
Chromium through Playwright (no browser download), Keycloak sign-in (with a one-time code
for carol), axe-core and screenshots."""

from __future__ import annotations

import base64
import shutil
import subprocess
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyotp
import pytest
import yaml
from playwright.sync_api import Browser, Page, expect, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from kubechat_devstack.cluster import ClusterHandle
from kubechat_devstack.keycloak import Keycloak
from kubechat_devstack.stack import Ports, Stack
from tests.e2e.keycloak_fixtures import REALM, RealmAdmin, password

REPO = Path(__file__).resolve().parents[2]
WEB_DIST = REPO / "web" / "dist"
AXE = REPO / "web" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = REPO / "test-artifacts" / "web"
CHROMIUM = "/usr/bin/chromium"
# Without the networking flags Chromium keeps calling Google's hosts, which this closed
# network refuses (and times out on).
CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--no-sandbox",
]
# carol's pre-provisioned OTP credential in deploy/keycloak/kubechat-realm.json. Keycloak
# keys HMAC with the secret's raw bytes; authenticator apps get them base32-encoded.
TOTP = {"carol": pyotp.TOTP(base64.b32encode(b"kubechat-carol-totp-secret").decode())}
# Keycloak refuses a code used once already; remember the last one per user.
_USED_CODES: dict[str, str] = {}


def build_web() -> Path:
    if shutil.which("npm") is None:
        pytest.skip("npm not found: the web UI cannot be built (Node.js 20+)")
    done = subprocess.run(
        ["bash", str(REPO / "scripts" / "build-web.sh")], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return WEB_DIST


def inline_ca(kubeconfig: Path) -> str:
    """The kubeconfig text with its CA embedded: the executor refuses paths to files."""
    config = yaml.safe_load(kubeconfig.read_text())
    for entry in config["clusters"]:
        ca_path = Path(entry["cluster"].pop("certificate-authority"))
        entry["cluster"]["certificate-authority-data"] = base64.b64encode(
            ca_path.read_bytes()
        ).decode()
    return str(yaml.safe_dump(config))


def chromium_path() -> str:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed: apt-get install -y chromium")
    return CHROMIUM


def sign_in(page: Page, base_url: str, username: str, password: str) -> None:
    page.goto(base_url)
    page.get_by_role("button", name="Sign in with Keycloak").click()
    page.locator("#username").fill(username)
    page.locator("#password").fill(password)
    page.locator("#kc-login").click()
    if username in TOTP:
        _enter_one_time_code(page, username)
    expect(page.get_by_role("button", name="Sign out")).to_be_visible(timeout=30_000)


def _enter_one_time_code(page: Page, username: str) -> None:
    """The realm's browser flow asks users with an OTP credential for a code. Keycloak
    refuses a code already used (another test may have signed in within the same 30 s
    step): then it asks again, and the next step's code goes in."""
    totp = TOTP[username]
    for _ in range(3):
        page.locator("#otp").wait_for(timeout=30_000)
        code = totp.now()
        if _USED_CODES.get(username) == code:
            time.sleep(totp.interval - time.time() % totp.interval + 1)
            code = totp.now()
        _USED_CODES[username] = code
        page.locator("#otp").fill(code)
        page.locator("#kc-login").click()
        try:
            page.get_by_role("button", name="Sign out").wait_for(timeout=15_000)
            return
        except PlaywrightTimeoutError:
            if not page.locator("#otp").is_visible():
                raise


def signed_in(browser: Browser, stack: Stack, user: str, **context: Any) -> Page:
    """A new browser context signed in as a realm user."""
    page = new_page(browser, **context)
    sign_in(page, stack.gateway_url, user, password(user))
    return page


def wait_done(page: Page) -> None:
    """Until KubeChat stops working on the last question."""
    expect(page.get_by_test_id("typing")).to_have_count(0, timeout=60_000)


def ask(page: Page, text: str) -> None:
    composer = page.get_by_test_id("composer")
    composer.fill(text)
    composer.press("Enter")


def screenshot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Serious and critical WCAG 2.1 A/AA violations on the page as it is now."""
    if not AXE.exists():
        build_web()
    # Evaluated through DevTools, not added as a <script>: the gateway's Content-Security-
    # Policy (rightly) refuses inline scripts, and the test must not weaken it.
    page.evaluate(AXE.read_text() + "\n;undefined")
    result: dict[str, Any] = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
        })"""
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"][:3]],
        }
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def assert_accessible(page: Page, screen: str) -> None:
    violations = axe_violations(page)
    assert violations == [], f"axe on {screen}: {violations}"


def new_page(browser: Browser, **context: Any) -> Page:
    ctx = browser.new_context(accept_downloads=True, **context)
    return ctx.new_page()


@contextmanager
def web_mesh(
    kube_cluster: ClusterHandle,
    keycloak: Keycloak,
    realm_admin: RealmAdmin,
    base_dir: Path,
    extra_env: Mapping[str, str] | None = None,
) -> Iterator[Stack]:
    """The whole mesh serving the built UI, signing in through the session's Keycloak and
    acting on the test bed through the impersonating executor."""
    web_dir = build_web()
    stack = Stack(
        base_dir=base_dir,
        ports=Ports.free(),
        kubeconfig=kube_cluster.kubeconfig("executor"),
        extra_env={
            "KUBECHAT_ENVIRONMENT": "test",
            "KUBECHAT_AUTH_MODE": "oidc",
            "KUBECHAT_OIDC_ISSUER": keycloak.issuer(REALM),
            "KUBECHAT_WEB_DIR": str(web_dir),
            "KUBECHAT_DEFAULT_CLUSTER_LABELS": '{"environment": "dev"}',
            "KUBECHAT_HEALTH_USER": "carol",
            "KUBECHAT_VERIFY_TIMEOUT": "60",
            # The test bed's API server listens on loopback and is registered a second time.
            "KUBECHAT_CLUSTER_ALLOWED_NETWORKS": '["127.0.0.1/32"]',
            **(extra_env or {}),
        },
    )
    # The realm lists the default dev origin; the test's gateway runs on a free port.
    client = realm_admin.get("/clients", clientId="kubechat-web")[0]
    client["redirectUris"] = [*client.get("redirectUris", []), f"{stack.gateway_url}/*"]
    client.setdefault("attributes", {})["post.logout.redirect.uris"] = f"{stack.gateway_url}/*"
    realm_admin.call("PUT", f"/clients/{client['id']}", json=client)
    try:
        stack.start_all()
        yield stack
    finally:
        stack.stop()


@contextmanager
def chromium() -> Iterator[Browser]:
    """Headless Debian Chromium."""
    executable = chromium_path()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield launched
        finally:
            launched.close()
