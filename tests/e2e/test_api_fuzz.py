"""Schemathesis against the running gateway's own OpenAPI description: for every endpoint,
valid and invalid input (wrong types, missing and extra fields, out-of-range values, odd
strings) never gets a 5xx; a 4xx always carries the one error shape with a message."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from kubechat_devstack.stack import Ports, Stack

EXAMPLES = 30  # per operation and mode


@pytest.fixture(scope="module")
def fuzz_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    base = tmp_path_factory.mktemp("fuzz-mesh")
    home = base / "home"
    home.mkdir()
    stack = Stack(
        base_dir=base,
        ports=Ports.free(),
        # Rate limits off: the fuzzer is one user sending thousands of requests, and a 429
        # would hide what the endpoint does with the input.
        extra_env={"KUBECONFIG": "", "HOME": str(home), "KUBECHAT_RATE_LIMIT_ASKS": "0"},
    )
    try:
        stack.start_all()
        yield stack
    finally:
        stack.stop()


def check(case: schemathesis.Case) -> None:
    response = case.call(timeout=30)
    status = response.status_code
    where = f"{case.method} {case.formatted_path} -> {status}: {response.text[:300]}"
    assert status < 500, where
    if status >= 400:
        body = response.json()
        assert isinstance(body, dict) and "error" in body, where
        assert body["error"].get("message"), where
        assert body["error"].get("code"), where


def test_bad_input_gets_a_clear_4xx_never_a_5xx(fuzz_stack: Stack) -> None:
    # Driven through Hypothesis directly: schemathesis' pytest plugin does not load under
    # this pytest, and one test per operation would restart nothing anyway.
    schema = schemathesis.openapi.from_url(f"{fuzz_stack.gateway_url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    failures: list[str] = []
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            def fuzz(case: schemathesis.Case) -> None:
                check(case)

            try:
                fuzz()
            except Unsatisfiable:
                # No parameters and no body: there is no invalid input to send.
                assert mode == GenerationMode.NEGATIVE, operation.label
            except (AssertionError, ExceptionGroup) as exc:  # a group: several distinct bugs
                # Every operation is fuzzed; the report lists each one that failed.
                failures.append(f"{operation.label} [{mode.value}]: {str(exc).splitlines()[0]}")
    assert failures == [], "\n".join(failures)


def test_the_description_covers_every_api_route(fuzz_stack: Stack) -> None:
    spec = httpx.get(f"{fuzz_stack.gateway_url}/openapi.json").json()
    paths = spec["paths"]
    for path in (
        "/api/v1/ask",
        "/api/v1/conversations",
        "/api/v1/conversations/{conversation_id}/messages",
        "/api/v1/conversations/{conversation_id}/export",
        "/api/v1/conversations/{conversation_id}/confirm",
        "/api/v1/clusters",
        "/api/v1/templates",
        "/api/v1/config",
    ):
        assert path in paths, path
    for path, methods in paths.items():
        if not path.startswith("/api/v1"):
            continue
        for method, operation in methods.items():
            responses = operation["responses"]
            assert any(code.startswith("2") for code in responses), (method, path)
            if method != "get" or "{" in path:
                assert any(code.startswith("4") for code in responses), (method, path)
