"""The web UI in headless Chromium against the whole mesh: Keycloak sign-in (PKCE), the
seeded test bed cluster through the impersonating executor, the chat over the WebSocket,
previews and confirmation, refusals, cluster switching, export, themes, a phone, and
axe-core on every main screen. Screenshots go to test-artifacts/web/."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from kubechat.v1 import executor_pb2, executor_pb2_grpc
from kubechat_devstack.cluster import ClusterHandle
from kubechat_devstack.keycloak import Keycloak
from kubechat_devstack.service_identity import channel_to
from kubechat_devstack.stack import Stack
from tests.e2e.executor_support import CLUSTER_ADMIN
from tests.e2e.keycloak_fixtures import RealmAdmin
from tests.e2e.web_support import (
    ask,
    assert_accessible,
    chromium,
    inline_ca,
    new_page,
    screenshot,
    signed_in,
    wait_done,
    web_mesh,
)

SECOND_CLUSTER = "prod-east"


@pytest.fixture(scope="module")
def web_stack(
    kube_cluster: ClusterHandle,
    keycloak: Keycloak,
    realm_admin: RealmAdmin,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Stack]:
    with web_mesh(
        kube_cluster, keycloak, realm_admin, tmp_path_factory.mktemp("web-mesh")
    ) as stack:
        # A second cluster (the same test bed, labelled production) to switch to.
        with channel_to(stack, "executor", CLUSTER_ADMIN) as channel:
            executor_pb2_grpc.ExecutorServiceStub(channel).RegisterCluster(
                executor_pb2.RegisterClusterRequest(
                    name=SECOND_CLUSTER,
                    labels={"environment": "production"},
                    kubeconfig=inline_ca(kube_cluster.kubeconfig("executor")),
                ),
                timeout=30,
            )
        yield stack


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


def test_sign_in_screen_is_accessible(web_stack: Stack, browser: Browser) -> None:
    page = new_page(browser)
    page.goto(web_stack.gateway_url)
    expect(page.get_by_role("button", name="Sign in with Keycloak")).to_be_visible()
    screenshot(page, "01-sign-in")
    assert_accessible(page, "sign-in")


def test_alice_lists_pods_in_dev_as_a_table(web_stack: Stack, browser: Browser) -> None:
    page = signed_in(browser, web_stack, "alice")
    expect(page.get_by_test_id("user")).to_have_text("alice")
    ask(page, "list pods in dev")
    table = page.get_by_role("table")
    expect(table).to_be_visible(timeout=60_000)
    expect(table.get_by_role("columnheader", name="Status")).to_be_visible()
    expect(table.get_by_role("row").filter(has_text="frontend")).to_have_count(1)
    expect(table.get_by_text("Running").first).to_be_visible()
    # Filtering narrows the rows; sorting by name descending puts search before frontend.
    page.get_by_label("Filter Pod").fill("search")
    expect(table.get_by_role("row").filter(has_text="frontend")).to_have_count(0)
    page.get_by_label("Filter Pod").fill("")
    table.get_by_role("button", name="Name").click()
    names = table.locator("tbody tr td:first-child").all_inner_texts()
    assert names == sorted(names, reverse=True) and len(names) >= 2, names
    wait_done(page)
    screenshot(page, "02-chat-pods-table")
    assert_accessible(page, "chat with a pod table")


def test_alice_is_refused_a_delete_with_a_clear_message(web_stack: Stack, browser: Browser) -> None:
    page = signed_in(browser, web_stack, "alice")
    ask(page, "delete deployment frontend in dev")
    alert = page.get_by_role("alert").filter(has_text="may not")
    expect(alert).to_be_visible(timeout=60_000)
    expect(alert).to_contain_text("alice")
    expect(page.get_by_role("button", name="Confirm and run")).to_have_count(0)
    screenshot(page, "03-refused-delete")
    assert_accessible(page, "refusal")


def test_bob_scales_through_preview_and_confirmation(web_stack: Stack, browser: Browser) -> None:
    page = signed_in(browser, web_stack, "bob")
    ask(page, "scale deployment checkout in staging to 3")
    preview = page.get_by_role("region", name="Preview of the change")
    expect(preview).to_be_visible(timeout=60_000)
    expect(preview).to_contain_text("checkout")
    confirm = page.get_by_role("region", name="Confirmation required")
    expect(confirm).to_contain_text("kubectl scale")
    wait_done(page)
    screenshot(page, "04-confirmation")
    assert_accessible(page, "preview and confirmation")
    confirm.get_by_role("button", name="Confirm and run").click()
    verified = page.get_by_text(re.compile(r"Verified: .*3/3"))
    expect(verified).to_be_visible(timeout=90_000)
    screenshot(page, "05-verified-result")


def test_destructive_change_needs_the_name_typed(web_stack: Stack, browser: Browser) -> None:
    page = signed_in(browser, web_stack, "bob")
    ask(page, "delete deployment frontend in staging")
    confirm = page.get_by_role("region", name="Confirmation required")
    expect(confirm).to_be_visible(timeout=60_000)
    run = confirm.get_by_role("button", name="Confirm and run")
    expect(run).to_be_disabled()
    name_field = confirm.get_by_test_id("confirm-name")
    name_field.fill("frontend-typo")
    expect(run).to_be_disabled()
    name_field.fill("frontend")
    expect(run).to_be_enabled()
    confirm.get_by_role("button", name="Cancel").click()
    expect(page.get_by_text("Cancelled. Nothing was changed.")).to_be_visible(timeout=30_000)


def test_switch_cluster_warns_and_colours_by_environment(
    web_stack: Stack, browser: Browser
) -> None:
    # bob, not carol: carol is an admin and the realm makes admins use a one-time code.
    page = signed_in(browser, web_stack, "bob")
    switcher = page.get_by_test_id("cluster-switcher")
    expect(switcher).to_have_attribute("data-environment", "dev", timeout=30_000)
    ask(page, "list deployments in prod")
    expect(page.get_by_role("table")).to_be_visible(timeout=60_000)
    wait_done(page)
    switcher.click()
    page.get_by_role("option", name=re.compile(SECOND_CLUSTER)).click()
    expect(switcher).to_have_attribute("data-environment", "production")
    warning = page.get_by_test_id("cluster-change-warning")
    expect(warning).to_contain_text(SECOND_CLUSTER)
    screenshot(page, "06-cluster-switch-warning")
    assert_accessible(page, "cluster switch")


def test_export_conversation_and_result(web_stack: Stack, browser: Browser) -> None:
    page = signed_in(browser, web_stack, "alice")
    ask(page, "list pods in dev")
    expect(page.get_by_role("table")).to_be_visible(timeout=60_000)
    wait_done(page)
    page.get_by_role("button", name="Export conversation").click()
    with page.expect_download() as conversation:
        page.get_by_role("menuitem", name="Markdown").click()
    text = open(conversation.value.path(), encoding="utf-8").read()
    assert "list pods in dev" in text and "| Name |" in text, text[:500]
    page.get_by_role("button", name="Export result").click()
    with page.expect_download() as result:
        page.get_by_role("menuitem", name="CSV").click()
    rows = open(result.value.path(), encoding="utf-8").read().splitlines()
    assert rows[0].startswith("Name,Ready,Status"), rows[:2]
    assert any(r.startswith("frontend-") for r in rows[1:]), rows


def test_history_is_searchable(web_stack: Stack, browser: Browser) -> None:
    page = signed_in(browser, web_stack, "alice")
    ask(page, "list services in dev")
    wait_done(page)
    page.get_by_label("Search history").fill("services")
    nav = page.get_by_role("navigation", name="Conversations")
    expect(nav.get_by_text("list services in dev")).to_be_visible(timeout=15_000)
    page.get_by_label("Search history").fill("no-such-words-anywhere")
    expect(nav.get_by_text("0 conversations")).to_be_visible(timeout=15_000)


def test_dark_theme_is_accessible(web_stack: Stack, browser: Browser) -> None:
    page = signed_in(browser, web_stack, "alice")
    light = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.get_by_role("button", name="Switch to dark theme").click()
    expect(page.get_by_role("button", name="Switch to light theme")).to_be_visible()
    dark = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert light != dark, (light, dark)
    ask(page, "list pods in dev")
    expect(page.get_by_role("table")).to_be_visible(timeout=60_000)
    wait_done(page)
    screenshot(page, "07-dark-theme")
    assert_accessible(page, "dark theme")


def test_phone_viewport_shows_cards_and_a_menu(web_stack: Stack, browser: Browser) -> None:
    page = signed_in(
        browser, web_stack, "alice", viewport={"width": 390, "height": 844}, is_mobile=True
    )
    ask(page, "list pods in dev")
    cards = page.get_by_role("list", name="Pod cards")
    expect(cards).to_be_visible(timeout=60_000)
    expect(page.get_by_test_id("cluster-switcher")).to_be_visible()
    wait_done(page)
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    assert not overflow, "the page scrolls sideways on a phone"
    screenshot(page, "08-phone")
    assert_accessible(page, "phone")
    page.get_by_role("button", name="Open conversations").click()
    expect(page.get_by_role("navigation", name="Conversations")).to_be_visible()


def test_keyboard_only_ask(web_stack: Stack, browser: Browser) -> None:
    page = signed_in(browser, web_stack, "alice")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to chat")).to_be_focused()
    page.keyboard.press("Enter")
    # From the main region, Tab reaches the composer without the mouse.
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement?.dataset?.testid") == "composer":
            break
    expect(page.get_by_test_id("composer")).to_be_focused()
    page.keyboard.type("list pods in dev")
    page.keyboard.press("Enter")
    expect(page.get_by_role("table")).to_be_visible(timeout=60_000)


def test_sign_out_returns_to_sign_in(web_stack: Stack, browser: Browser) -> None:
    page = signed_in(browser, web_stack, "alice")
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("button", name="Sign in with Keycloak")).to_be_visible(timeout=30_000)
    # The Keycloak session ended too: signing in asks for the password again.
    page.get_by_role("button", name="Sign in with Keycloak").click()
    expect(page.locator("#password")).to_be_visible(timeout=30_000)
