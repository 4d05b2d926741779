"""The README's demo, asked through the web UI in headless Chromium by the persona that may
ask it: alice (views `dev` only) lists dev's pods, asks for help and clicks an example,
and learns that there is no payments-worker she can see, without a word from `payments`;
bob scales checkout in staging through preview, confirmation and verification, and a bare
"scale checkout" is completed by clicking the choices offered; carol (with a one-time code)
asks why payments-worker is crashing and gets its pods in `payments`. Screenshots go to
test-artifacts/web/demo-*.png."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from kubernetes import client
from playwright.sync_api import Browser, Locator, Page, expect

from kubechat_devstack import rbac, seed
from kubechat_devstack.cluster import ClusterHandle
from kubechat_devstack.keycloak import Keycloak
from kubechat_devstack.stack import Stack
from tests.e2e.keycloak_fixtures import RealmAdmin
from tests.e2e.web_support import (
    ask,
    chromium,
    screenshot,
    signed_in,
    wait_done,
    web_mesh,
)

# What alice's screen may never show: names that only exist outside `dev`.
OUTSIDE_DEV = re.compile(
    r"payments-api|ledger-reporter|stripe-api-key|payments-worker-[a-z0-9]"
    r"|-n payments|namespace[: ]+payments|\bstaging\b|\bprod\b",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def web_stack(
    kube_cluster: ClusterHandle,
    keycloak: Keycloak,
    realm_admin: RealmAdmin,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Stack]:
    # As `make dev`: the executor's cluster views look into the seeded namespaces for users
    # who may not list namespaces (alice), so nlp resolves names as each user sees them.
    with web_mesh(
        kube_cluster,
        keycloak,
        realm_admin,
        tmp_path_factory.mktemp("web-demo"),
        extra_env=rbac.view_env(seed.NAMESPACES),
    ) as stack:
        yield stack


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


def messages(page: Page) -> Locator:
    return page.get_by_role("region", name="Messages")


def user_messages(page: Page) -> Locator:
    return messages(page).locator("li p").filter(has_text=re.compile(r"^You: "))


def answered(page: Page, asked: int) -> None:
    """Until the `asked`-th question shows as the user's message and its answer is done."""
    expect(user_messages(page)).to_have_count(asked, timeout=30_000)
    wait_done(page)


def last_clarification(page: Page) -> Locator:
    return page.get_by_role("region", name="Clarification").last


def new_conversation(page: Page) -> None:
    page.get_by_role("button", name="New conversation").click()
    expect(page.get_by_role("heading", name="New conversation")).to_be_visible()


@pytest.fixture
def checkout_in_staging_at_2(
    kube_client: Callable[[str], client.ApiClient],
) -> Iterator[None]:
    """checkout in staging at its seeded 2 replicas, before and after: other tests in the
    session may have scaled it, and later ones expect the seed."""
    apps = client.AppsV1Api(kube_client("admin"))

    def scale_to_2() -> None:
        apps.patch_namespaced_deployment_scale("checkout", "staging", {"spec": {"replicas": 2}})

    scale_to_2()
    yield
    scale_to_2()


def dev_pod_names(kube_client: Callable[[str], client.ApiClient]) -> set[str]:
    pods = client.CoreV1Api(kube_client("admin")).list_namespaced_pod("dev").items
    return {str(pod.metadata.name) for pod in pods if pod.metadata is not None}


# -- alice: views dev only -----------------------------------------------------------------


def test_alice_lists_the_pods_in_dev(
    web_stack: Stack,
    browser: Browser,
    kube_client: Callable[[str], client.ApiClient],
) -> None:
    page = signed_in(browser, web_stack, "alice")
    ask(page, "list pods in dev")
    table = page.get_by_role("table")
    expect(table).to_be_visible(timeout=60_000)
    wait_done(page)
    expect(table.get_by_role("columnheader", name="Status")).to_be_visible()
    shown = set(table.locator("tbody tr td:first-child").all_inner_texts())
    assert shown == dev_pod_names(kube_client), shown
    assert any(name.startswith("frontend-") for name in shown), shown
    screenshot(page, "demo-01-alice-pods-in-dev")


def test_alice_gets_help_with_examples_she_can_click(web_stack: Stack, browser: Browser) -> None:
    page = signed_in(browser, web_stack, "alice")
    ask(page, "what can you do?")
    answered(page, 1)
    help_ = last_clarification(page)
    expect(help_).to_be_visible()
    # Help, not a plan: nothing ran and nothing waits for confirmation.
    expect(page.get_by_role("region", name="Result")).to_have_count(0)
    expect(page.get_by_role("region", name="Confirmation required")).to_have_count(0)
    examples = help_.get_by_role("button")
    assert examples.count() >= 2, help_.inner_text()
    # The examples fit her rights: her namespace, never one she cannot see.
    assert "dev" in help_.inner_text(), help_.inner_text()
    assert not OUTSIDE_DEV.search(help_.inner_text()), help_.inner_text()
    screenshot(page, "demo-02-alice-help")
    example = help_.get_by_role("button", name=re.compile(r"^list pods"))
    expect(example).to_have_count(1)
    label = example.text_content() or ""
    example.click()
    # The example is asked as if typed: it shows as her message and runs.
    answered(page, 2)
    expect(user_messages(page).last).to_contain_text(label)
    table = page.get_by_role("table")
    expect(table).to_be_visible()
    expect(table.get_by_role("row").filter(has_text="frontend-")).to_have_count(1)
    screenshot(page, "demo-03-alice-help-example-ran")


def test_alice_cannot_see_payments_worker(web_stack: Stack, browser: Browser) -> None:
    page = signed_in(browser, web_stack, "alice")
    ask(page, "why is payments-worker crashing?")
    answer = last_clarification(page)
    expect(answer).to_be_visible(timeout=60_000)
    wait_done(page)
    text = answer.inner_text()
    assert re.search(r"no .*payments-worker", text, re.IGNORECASE), text
    assert "can see" in text, text
    # Nothing ran, and nothing from `payments` (or any namespace but dev) is on the screen.
    expect(page.get_by_role("region", name="Result")).to_have_count(0)
    shown = messages(page).inner_text()
    assert not OUTSIDE_DEV.search(shown), shown
    screenshot(page, "demo-04-alice-no-payments-worker")


# -- bob: edits staging and prod -------------------------------------------------------------


@pytest.mark.usefixtures("checkout_in_staging_at_2")
def test_bob_scales_checkout_in_staging_and_completes_a_bare_scale_by_choices(
    web_stack: Stack, browser: Browser
) -> None:
    page = signed_in(browser, web_stack, "bob")
    ask(page, "scale checkout in staging to 3")
    preview = page.get_by_role("region", name="Preview of the change")
    expect(preview).to_be_visible(timeout=60_000)
    expect(preview).to_contain_text("checkout")
    confirm = page.get_by_role("region", name="Confirmation required")
    expect(confirm).to_contain_text("kubectl scale")
    expect(confirm).to_contain_text("staging")
    wait_done(page)
    screenshot(page, "demo-05-bob-scale-preview")
    confirm.get_by_role("button", name="Confirm and run").click()
    expect(page.get_by_text(re.compile(r"Verified: .*3/3"))).to_be_visible(timeout=90_000)
    wait_done(page)
    screenshot(page, "demo-06-bob-scale-verified")

    # No count and no namespace: KubeChat asks, and the choices clicked complete it.
    new_conversation(page)
    ask(page, "scale checkout")
    answered(page, 1)
    confirm = page.get_by_role("region", name="Confirmation required")
    questions: list[str] = []
    offered: list[str] = []
    while not confirm.count() and len(questions) < 3:
        asked = last_clarification(page)
        expect(asked).to_be_visible()
        questions.append(asked.inner_text())
        labels = asked.get_by_role("button").all_text_contents()
        assert labels, f"a question without choices: {questions!r}"
        offered += labels
        if len(questions) == 1:
            screenshot(page, "demo-07-bob-scale-question")
        # Which checkout: the one in staging; how many: 2 (a change from 3).
        pick = next((c for c in labels if "staging" in c), None) or next(
            (c for c in labels if c.strip() == "2"), labels[0]
        )
        asked.get_by_role("button", name=pick, exact=True).click()
        answered(page, len(questions) + 1)
        expect(user_messages(page).last).to_contain_text(pick)
    assert questions, "a bare 'scale checkout' ran without asking anything"
    # bob may edit both checkouts: KubeChat must not pick one of them for him.
    assert any("staging" in c for c in offered) and any("prod" in c for c in offered), offered
    assert confirm.count() == 1, f"no preview after answering {questions!r}"
    expect(confirm).to_contain_text(re.compile(r"kubectl scale .*checkout"))
    expect(page.get_by_role("region", name="Preview of the change").last).to_contain_text(
        "checkout"
    )
    screenshot(page, "demo-08-bob-scale-completed-by-choices")
    confirm.get_by_role("button", name="Cancel").click()
    expect(page.get_by_text("Cancelled. Nothing was changed.")).to_be_visible(timeout=30_000)


# -- carol: cluster admin, signs in with a one-time code ---------------------------------------


def test_carol_learns_why_payments_worker_is_crashing(web_stack: Stack, browser: Browser) -> None:
    page = signed_in(browser, web_stack, "carol")
    ask(page, "why is payments-worker crashing?")
    result = page.get_by_role("region", name="Result").last
    expect(result).to_be_visible(timeout=60_000)
    wait_done(page)
    text = result.inner_text()
    assert "not found" not in text.lower(), text
    assert re.search(r"payments-worker-[a-z0-9]+", text), text
    assert re.search(r"-n payments|namespace[: ]+payments", text, re.IGNORECASE), text
    expect(page.get_by_role("region", name="Clarification")).to_have_count(0)
    screenshot(page, "demo-09-carol-payments-worker")
