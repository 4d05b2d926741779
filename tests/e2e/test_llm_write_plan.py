"""A model's WRITE plan goes through preview and confirmation like any other plan.

The model is scripted at the HTTP boundary to make its proposal deterministic: a tiny
OpenAI-compatible server started by this test answers `POST /v1/chat/completions` with
a fixed `propose_plan` call (scale deployment checkout in staging to 4 replicas), in
whichever structured-output form the nlp client asks for (forced tool call, json_schema
or json_object content). Everything else is real: the nlp service in hybrid mode (the
rules cannot place the question, so the model is asked), the LLM engine's validation and
risk rules, the gateway's chat flow over the WebSocket (plan, server-side dry-run preview,
confirmation request), the REST confirm endpoint, the executor's run and verification, and
the test bed cluster, read back with the admin client.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
import websockets
from kubernetes import client

from kubechat_devstack.cluster import ClusterHandle
from kubechat_devstack.stack import Ports, Stack
from kubechat_nlp.config import NlpSettings
from kubechat_nlp.engine import RulesEngine

MODEL_NAME = "scripted-model"
TOOL_NAME = "propose_plan"
NAMESPACE, DEPLOYMENT, REPLICAS = "staging", "checkout", 4
# The words name the target (the model may only pick names and namespaces the request
# offers), but no rule places "run with N copies": the rules ask what to create.
QUESTION = "could you give checkout in staging some more headroom please"
PROPOSAL: dict[str, Any] = {
    "operations": [
        {
            "verb": "scale",
            "kind": "deployments",
            "names": [DEPLOYMENT],
            "namespace": NAMESPACE,
            "all_namespaces": False,
            "label_selector": "",
            "params": {"replicas": REPLICAS},
        }
    ]
}


class ScriptedModel:
    """Answers every completion with PROPOSAL; records what it was asked."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        model = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:  # noqa: N802
                if self.path.rstrip("/").endswith("/v1/models"):
                    self._send(200, {"object": "list", "data": [_model_entry()]})
                else:
                    self._send(404, {"error": {"message": "not found"}})

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                request = json.loads(self.rfile.read(length) or b"{}")
                if not self.path.rstrip("/").endswith("/v1/chat/completions"):
                    self._send(404, {"error": {"message": "not found"}})
                    return
                model.requests.append(request)
                self._send(200, _completion(request))

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        # shutdown() waits for serve_forever's next poll: 0.5 s by default.
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def asked_about(self, text: str) -> list[dict[str, Any]]:
        """The completion requests whose messages carry `text`."""
        return [
            r
            for r in self.requests
            if any(text in str(m.get("content") or "") for m in r.get("messages", []))
        ]


def _model_entry() -> dict[str, Any]:
    return {"id": MODEL_NAME, "object": "model", "created": 0, "owned_by": "test"}


def _completion(request: dict[str, Any]) -> dict[str, Any]:
    arguments = json.dumps(PROPOSAL)
    message: dict[str, Any] = {"role": "assistant", "content": None}
    finish = "stop"
    if request.get("tools"):
        # The forced tool call (OpenAI, vLLM, Anthropic style).
        message["tool_calls"] = [
            {
                "id": "call_1",
                "type": "function",
                "function": {"name": TOOL_NAME, "arguments": arguments},
            }
        ]
        finish = "tool_calls"
    else:
        # response_format json_schema / json_object: the JSON is the content.
        message["content"] = arguments
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex[:12]}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": MODEL_NAME,
        "choices": [{"index": 0, "message": message, "finish_reason": finish}],
        "usage": {"prompt_tokens": 100, "completion_tokens": 40, "total_tokens": 140},
    }


@pytest.fixture(scope="module")
def scripted_model() -> Iterator[ScriptedModel]:
    model = ScriptedModel()
    model.thread.start()
    try:
        yield model
    finally:
        model.server.shutdown()
        model.server.server_close()


@pytest.fixture(scope="module")
def write_mesh(
    kube_cluster: ClusterHandle,
    scripted_model: ScriptedModel,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Stack]:
    stack = Stack(
        base_dir=tmp_path_factory.mktemp("mesh-llm-write"),
        ports=Ports.free(),
        kubeconfig=kube_cluster.kubeconfig("admin"),
        extra_env={
            "KUBECHAT_AUTH_MODE": "dev",
            "KUBECHAT_ENGINE": "hybrid",
            "KUBECHAT_LLM_PROVIDER": "openai",
            "KUBECHAT_LLM_BASE_URL": scripted_model.base_url,
            "KUBECHAT_LLM_MODEL": MODEL_NAME,
            "KUBECHAT_CALL_TIMEOUT": "60",
            "KUBECHAT_VERIFY_TIMEOUT": "150",
        },
    )
    try:
        stack.start_all()
        yield stack
    finally:
        stack.stop()


def ask_over_websocket(stack: Stack, conversation_id: str, text: str) -> list[dict[str, Any]]:
    """Asks as the web UI does; returns the turn's events up to `done`."""
    url = stack.gateway_url.replace("http", "ws", 1) + f"/api/v1/conversations/{conversation_id}/ws"

    async def run() -> list[dict[str, Any]]:
        events: list[dict[str, Any]] = []
        async with websockets.connect(url) as socket:
            ready = json.loads(await asyncio.wait_for(socket.recv(), 30))
            assert ready["type"] == "ready", ready
            await socket.send(json.dumps({"type": "ask", "text": text, "cluster": ""}))
            while True:
                event = json.loads(await asyncio.wait_for(socket.recv(), 180))
                events.append(event)
                if event["type"] == "done":
                    return events

    return asyncio.run(run())


def one(events: list[dict[str, Any]], kind: str) -> dict[str, Any]:
    found = [e for e in events if e["type"] == kind]
    assert len(found) == 1, (kind, events)
    return found[0]


def replicas(apps: client.AppsV1Api) -> int:
    spec_replicas: int = apps.read_namespaced_deployment(DEPLOYMENT, NAMESPACE).spec.replicas
    return spec_replicas


def test_rules_cannot_place_the_question() -> None:
    """The premise: hybrid mode sends this question to the model, not to the rules: they
    ask, or guess below the hybrid threshold (a reading only the statistical model gives)."""
    plan = RulesEngine().parse(QUESTION)
    threshold = NlpSettings.model_fields["llm_confidence_threshold"].default
    assert plan.clarification is not None or plan.confidence < threshold, plan


def test_model_write_plan_is_previewed_then_runs_on_confirm(
    write_mesh: Stack, scripted_model: ScriptedModel, kube_cluster: ClusterHandle
) -> None:
    admin = kube_cluster.api_client("admin")
    apps = client.AppsV1Api(admin)
    before = replicas(apps)
    assert before != REPLICAS, f"the test bed already runs {REPLICAS} replicas of checkout"
    conversation_id = f"llm-write-{uuid.uuid4().hex[:8]}"
    try:
        # 1. Ask: the model proposes, nothing runs, a dry-run preview and a confirmation.
        events = ask_over_websocket(write_mesh, conversation_id, QUESTION)
        asked = scripted_model.asked_about(QUESTION)
        assert asked, f"the scripted model was not asked: {scripted_model.requests}"
        assert asked[0]["model"] == MODEL_NAME
        plan = one(events, "plan")["plan"]
        assert plan["engine"] == f"llm:{MODEL_NAME}", plan
        assert plan["risk"] == "write", plan
        assert plan["clarification"] is None, plan
        assert plan["kubectl"] == [
            f"kubectl scale deployment/{DEPLOYMENT} -n {NAMESPACE} --replicas={REPLICAS}"
        ], plan
        assert one(events, "done")["status"] == "needs_confirmation", events
        preview = one(events, "preview")
        affected = {(a["kind"], a["namespace"], a["name"]) for a in preview["affected"]}
        assert ("Deployment", NAMESPACE, DEPLOYMENT) in affected, preview
        assert "replicas" in preview["diff"], preview["diff"]
        request = one(events, "confirmation_request")
        assert request["risk"] == "write" and request["kubectl"] == plan["kubectl"], request
        assert not [e for e in events if e["type"] in ("result", "error")], events
        assert replicas(apps) == before, "the change ran before it was confirmed"
        print(f"model plan {plan['kubectl']} previewed:\n{preview['diff']}")

        # 2. Confirm through the gateway's confirm endpoint: the change runs and is verified.
        response = httpx.post(
            f"{write_mesh.gateway_url}/api/v1/conversations/{conversation_id}/confirm",
            json={"confirmation_id": request["confirmation_id"], "typed_name": ""},
            timeout=300,
        )
        assert response.status_code == 200, response.text
        confirmed = response.json()["events"]
        assert one(confirmed, "done")["status"] == "done", confirmed
        result = one(confirmed, "result")
        assert result["result"]["ok"], result
        assert result["verification"]["outcome"] == "verified", result
        assert replicas(apps) == REPLICAS
        deployment = apps.read_namespaced_deployment(DEPLOYMENT, NAMESPACE)
        assert deployment.status.ready_replicas == REPLICAS, deployment.status
        print(f"verified: {result['verification']['condition']} {result['verification']['detail']}")
    finally:
        # Leave the shared test bed as it was for the other modules.
        apps.patch_namespaced_deployment_scale(
            DEPLOYMENT, NAMESPACE, {"spec": {"replicas": before}}
        )
        admin.close()
