"""`kubechat-nlp translate` takes single requests and whole conversations on the same
stream, carries the context from turn to turn, and flags bad lines without stopping."""

from __future__ import annotations

import io
import json

from kubechat_nlp import run_translate
from kubechat_nlp.context import ConversationContext
from kubechat_nlp.model import Clarification, Plan, Risk


class RecordingEngine:
    """Answers with one command per text and records the context each turn saw."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, ConversationContext | None]] = []

    def parse(self, text: str, *, context: object = None, cluster: object = None) -> Plan:
        self.seen.append((text, context if isinstance(context, ConversationContext) else None))
        if text == "hi":
            return Plan(clarification=Clarification("Hello! What should I do?", ("list pods",)))
        if text == "two things":
            return Plan(kubectl=("kubectl get pods", "kubectl get svc"), risk=Risk.READ)
        return Plan(kubectl=(f"kubectl get {text}",), risk=Risk.READ, confidence=0.9)


def _run(lines: list[str], engine: RecordingEngine) -> tuple[int, list[dict[str, object]]]:
    stdout = io.StringIO()
    status = run_translate(io.StringIO("\n".join(lines) + "\n"), stdout, engine)
    return status, [json.loads(line) for line in stdout.getvalue().splitlines()]


def test_a_conversation_line_answers_every_turn_in_order() -> None:
    engine = RecordingEngine()
    conversation = {
        "id": "c1",
        "turns": [{"query": "pods"}, {"query": "hi"}, {"query": "two things"}],
    }
    status, rows = _run([json.dumps(conversation)], engine)
    assert status == 0
    assert rows == [
        {
            "id": "c1",
            "turns": [
                {"kubectl": "kubectl get pods", "risk": "READ"},
                {
                    "kubectl": None,
                    "risk": "READ",
                    "clarification": {
                        "question": "Hello! What should I do?",
                        "choices": ["list pods"],
                    },
                },
                {
                    "kubectl": "kubectl get pods",
                    "risk": "READ",
                    "operations": ["kubectl get pods", "kubectl get svc"],
                },
            ],
        }
    ]
    # Every turn is parsed with a context, starting from an empty one.
    assert [text for text, _ in engine.seen] == ["pods", "hi", "two things"]
    assert all(context is not None for _, context in engine.seen)
    assert engine.seen[0][1] == ConversationContext()


def test_context_is_carried_between_turns_with_the_real_engine() -> None:
    conversation = {
        "id": "c2",
        "turns": [{"query": "show pods in prod"}, {"query": "describe pod web-1"}],
    }
    stdout = io.StringIO()
    assert run_translate(io.StringIO(json.dumps(conversation) + "\n"), stdout) == 0
    (row,) = [json.loads(line) for line in stdout.getvalue().splitlines()]
    first, second = row["turns"]
    assert "-n prod" in first["kubectl"]
    # Only the earlier turn named the namespace: it reached the second through the context.
    assert "prod" in second["kubectl"]


def test_single_requests_and_conversations_mix_and_bad_lines_are_reported() -> None:
    engine = RecordingEngine()
    status, rows = _run(
        [
            json.dumps({"id": "s1", "query": "nodes"}),
            json.dumps({"id": "c3", "turns": [{"query": "jobs"}]}),
            json.dumps({"id": "bad-turns", "turns": [{"text": "no query"}]}),
            json.dumps({"id": "bad-shape", "turns": "pods"}),
            json.dumps({"id": "no-query"}),
            "{not json",
        ],
        engine,
    )
    assert status == 1
    assert rows[0] == {
        "id": "s1",
        "kubectl": "kubectl get nodes",
        "risk": "READ",
        "confidence": 0.9,
    }
    assert rows[1] == {"id": "c3", "turns": [{"kubectl": "kubectl get jobs", "risk": "READ"}]}
    assert [set(r) for r in rows[2:]] == [{"id", "error"}] * 4
    assert [r["id"] for r in rows[2:]] == ["bad-turns", "bad-shape", "no-query", None]
    # A malformed conversation parses none of its turns.
    assert [text for text, _ in engine.seen] == ["nodes", "jobs"]
