"""Circuit breaker states, evidence gathering for "why" questions, bounded prompts."""

from __future__ import annotations

from kubechat_nlp import InMemoryClusterView, Risk, default_catalogue
from kubechat_nlp.llm import BreakerState, CircuitBreaker, evidence_plan, is_why_question
from kubechat_nlp.llm.prompt import CHARS_PER_TOKEN, budget_chars, diagnosis_messages, truncate


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_breaker_opens_after_consecutive_failures_and_probes_once_when_half_open() -> None:
    clock = Clock()
    breaker = CircuitBreaker(failure_threshold=2, reset_seconds=10, clock=clock)
    assert breaker.allow() and breaker.state is BreakerState.CLOSED
    breaker.failure()
    assert breaker.state is BreakerState.CLOSED, "one failure is not an outage"
    breaker.failure()
    assert breaker.state is BreakerState.OPEN and not breaker.allow()
    clock.now = 10.0
    assert breaker.state is BreakerState.HALF_OPEN
    assert breaker.allow(), "one probe"
    assert not breaker.allow(), "only one probe at a time"
    breaker.failure()
    assert breaker.state is BreakerState.OPEN, "a failed probe re-opens at once"
    clock.now = 20.0
    assert breaker.allow()
    breaker.success()
    assert breaker.state is BreakerState.CLOSED and breaker.allow()


def test_a_success_resets_the_failure_count() -> None:
    breaker = CircuitBreaker(failure_threshold=2, reset_seconds=10, clock=Clock())
    breaker.failure()
    breaker.success()
    breaker.failure()
    assert breaker.state is BreakerState.CLOSED


def test_why_questions_gather_read_only_evidence_about_the_named_workload() -> None:
    assert is_why_question("why is checkout crashing in prod?")
    assert not is_why_question("list pods in prod")
    cluster = InMemoryClusterView({("deployments", "prod"): ["checkout-api", "frontend"]})
    plan = evidence_plan("why is checkout crashing in prod?", default_catalogue(), cluster=cluster)
    assert plan.risk is Risk.READ
    assert plan.kubectl == (
        "kubectl describe deployments checkout-api -n prod",
        "kubectl events -n prod --for=deployment/checkout-api",
        "kubectl logs deployment/checkout-api -n prod --tail=100",
        "kubectl rollout status deployment/checkout-api -n prod",
    )


def test_why_about_something_the_cluster_lacks_is_a_question_back() -> None:
    cluster = InMemoryClusterView({("deployments", "prod"): ["frontend"]})
    plan = evidence_plan("why is checkout crashing in prod?", default_catalogue(), cluster=cluster)
    assert plan.operations == () and plan.clarification is not None


def test_evidence_is_cut_to_fit_the_window_and_redacted() -> None:
    budget = budget_chars(2048, 384)
    huge_log = "line\n" * 50_000 + "FATAL: password=s3cretvalue connection refused"
    messages = diagnosis_messages(
        "why is checkout crashing?",
        [("kubectl logs deployment/checkout", huge_log), ("kubectl describe pod x", "ok")],
        budget=budget,
    )
    total = sum(len(m["content"]) for m in messages)
    assert total <= budget
    assert total // CHARS_PER_TOKEN + 384 <= 2048
    assert "s3cretvalue" not in messages[1]["content"]
    assert "connection refused" in messages[1]["content"], "the tail of a log is kept"


def test_truncate_keeps_head_and_tail() -> None:
    text = "HEAD" + "x" * 1000 + "TAIL"
    cut = truncate(text, 200)
    assert cut.startswith("HEAD") and cut.endswith("TAIL") and len(cut) <= 200
