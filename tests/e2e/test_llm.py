"""A real model behind the ask path: llama.cpp's OpenAI-compatible server with the Gemma 3
270M GGUF (scripts/install-llm.sh), the nlp service in hybrid mode, a real cluster.

The model is a tiny base model: these tests check the wiring (schema-constrained output
becomes a typed plan that is previewed/executed like a rules plan), the fallback when the
server stops, the metrics, and the automatic recovery; not the model's wisdom.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from kubechat.v1 import intent_pb2, intent_pb2_grpc
from kubechat_devstack.cluster import ClusterHandle
from kubechat_devstack.processes import ManagedProcess, cache_dir, free_port, http_ok
from kubechat_devstack.service_identity import channel_to
from kubechat_devstack.stack import Ports, Stack

MODEL_NAME = "gemma-3-270m"
# The rules engine only guesses this one (a resource figure with no cue of its own), so a
# configured model is asked first.
LONG_TAIL = "memory footprint of checkout in prod"
FALLBACK = "rules (llm unavailable)"


def _gguf() -> Path:
    default = cache_dir() / "models" / "gemma-3-270m-q4_k_m.gguf"
    return Path(os.environ.get("KUBECHAT_LLM_GGUF", default))


@pytest.fixture(scope="session")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ManagedProcess]:
    """Started once per session; a test may stop and start it again."""
    if importlib.util.find_spec("llama_cpp") is None or not _gguf().exists():
        pytest.skip("the local LLM is not installed; run: bash scripts/install-llm.sh")
    port = free_port()
    server = ManagedProcess(
        name="llama-server",
        argv=[
            sys.executable,
            "-m",
            "llama_cpp.server",
            "--model",
            str(_gguf()),
            "--model_alias",
            MODEL_NAME,
            "--chat_format",
            "gemma",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--n_ctx",
            "2048",
            # One thread, passive OpenMP waits: on a shared 2-core machine two spinning
            # threads were 3x slower than one.
            "--n_threads",
            "1",
        ],
        env={"OMP_WAIT_POLICY": "PASSIVE"},
        log_path=tmp_path_factory.mktemp("llama") / "llama-server.log",
        ready=http_ok(f"http://127.0.0.1:{port}/v1/models"),
    )
    server.start()
    try:
        server.wait_ready(timeout=120)
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def llm_mesh(
    kube_cluster: ClusterHandle,
    llama_server: ManagedProcess,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Stack]:
    port = llama_server.argv[llama_server.argv.index("--port") + 1]
    stack = Stack(
        base_dir=tmp_path_factory.mktemp("mesh-llm"),
        ports=Ports.free(),
        kubeconfig=kube_cluster.kubeconfig("admin"),
        extra_env={
            "KUBECHAT_ENGINE": "hybrid",
            "KUBECHAT_LLM_BASE_URL": f"http://127.0.0.1:{port}/v1",
            "KUBECHAT_LLM_MODEL": MODEL_NAME,
            # A small window keeps the prompt short: the CPU model reads it at ~100 tokens/s.
            "KUBECHAT_LLM_CONTEXT_TOKENS": "1024",
            "KUBECHAT_LLM_MAX_OUTPUT_TOKENS": "160",
            "KUBECHAT_LLM_TIMEOUT_SECONDS": "80",
            # The gateway waits for nlp as long as nlp waits for the model.
            "KUBECHAT_CALL_TIMEOUT": "90",
            "KUBECHAT_LLM_BREAKER_FAILURES": "2",
            "KUBECHAT_LLM_BREAKER_RESET_SECONDS": "2",
        },
    )
    try:
        stack.start_all()
        yield stack
    finally:
        stack.stop()


def ask(stack: Stack, text: str) -> dict[str, object]:
    response = httpx.post(f"{stack.gateway_url}/api/v1/ask", json={"text": text}, timeout=120)
    assert response.status_code == 200, response.text
    body: dict[str, object] = response.json()
    return body


def model_metrics(stack: Stack) -> dict[str, intent_pb2.ModelMetrics]:
    with channel_to(stack, "nlp") as channel:
        stub = intent_pb2_grpc.IntentServiceStub(channel)
        reply = stub.GetModelMetrics(intent_pb2.GetModelMetricsRequest(), timeout=10)
    return {m.model: m for m in reply.models}


def plan_of(body: dict[str, object]) -> dict[str, object]:
    plan = body["plan"]
    assert isinstance(plan, dict)
    return plan


def test_model_plan_flows_like_any_plan_then_falls_back_and_recovers(
    llm_mesh: Stack, llama_server: ManagedProcess
) -> None:
    # 1. The model places what the rules cannot; the plan is typed, rendered, and goes
    #    through the same path as a rules plan (reads run, changes wait for confirmation).
    body = ask(llm_mesh, LONG_TAIL)
    plan = plan_of(body)
    assert plan["engine"] == f"llm:{MODEL_NAME}", plan
    assert plan["operations"] and plan["clarification"] is None, plan
    kubectl = plan["kubectl"]
    assert isinstance(kubectl, list) and all(k.startswith("kubectl ") for k in kubectl)
    expected_status = "done" if plan["risk"] == "read" else "needs_confirmation"
    assert body["status"] == expected_status, body
    print(f"model plan: {kubectl} risk={plan['risk']} status={body['status']}")
    # A confident rules answer never costs a model call.
    rules_body = ask(llm_mesh, "list pods in dev")
    assert plan_of(rules_body)["engine"] == "rules" and rules_body["status"] == "done"
    before = model_metrics(llm_mesh)[MODEL_NAME]
    assert before.requests >= 1 and before.completion_tokens > 0 and before.fallbacks == 0

    # 2. The server stops: the next questions are answered by the rules at once, and say so.
    llama_server.stop()
    for _ in range(3):
        started = time.monotonic()
        body = ask(llm_mesh, LONG_TAIL)
        elapsed = time.monotonic() - started
        assert plan_of(body)["engine"] == FALLBACK, body
        assert elapsed < 1.0, f"fallback took {elapsed:.2f}s"
        print(f"fallback answer in {elapsed * 1000:.0f} ms: {plan_of(body)['kubectl']}")
    after = model_metrics(llm_mesh)[MODEL_NAME]
    assert after.fallbacks == 3
    assert after.errors >= 1 and after.error_rate > 0

    # 3. The server is back: the breaker's half-open probe resumes the LLM path by itself.
    llama_server.start()
    llama_server.wait_ready(timeout=120)
    deadline = time.monotonic() + 60
    engine = ""
    while time.monotonic() < deadline:
        engine = str(plan_of(ask(llm_mesh, LONG_TAIL))["engine"])
        if engine.startswith("llm:"):
            break
        time.sleep(0.5)
    assert engine == f"llm:{MODEL_NAME}"
    print(f"LLM path resumed {time.monotonic() - (deadline - 60):.1f}s after the restart")


def test_metrics_command_prints_the_models_figures(llm_mesh: Stack) -> None:
    # The command speaks to the service as nlp, with the certificate the stack gave it.
    out = subprocess.run(
        [sys.executable, "-m", "kubechat_nlp", "metrics", "--address", llm_mesh.address("nlp")],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
        env={**os.environ, **llm_mesh.service_env("nlp")},
    ).stdout
    assert MODEL_NAME in out and "latency_p95_ms" in out
