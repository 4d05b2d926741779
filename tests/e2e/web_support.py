"""Helpers for the web UI tests: the built UI, headless Debian Chromium through Playwright
(no browser download), Keycloak sign-in, axe-core and screenshots."""

from __future__ import annotations

import base64
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

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
    expect(page.get_by_role("button", name="Sign out")).to_be_visible(timeout=30_000)


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
    page.add_script_tag(path=str(AXE))
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
