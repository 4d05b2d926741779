"""Behaviour of the rules engine on requests a user would type."""

from __future__ import annotations

import pytest

from kubechat_nlp import Risk, RulesEngine
from kubechat_nlp.evaluation import equivalent


@pytest.fixture(scope="module")
def engine() -> RulesEngine:
    return RulesEngine()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("show me the pods in prod", "kubectl get pods -n prod"),
        ("list deploymnets in staging", "kubectl get deployments -n staging"),
        ("get svc -n prod", "kubectl get svc -n prod"),
        (
            "show pending pods in all namespaces",
            "kubectl get pods -A --field-selector=status.phase=Pending",
        ),
        ("get pods with label app=web in prod", "kubectl get pods -l app=web -n prod"),
        ("describe deploy/api", "kubectl describe deployment api"),
        ("tail the last 50 lines of logs from pod api-0", "kubectl logs api-0 --tail=50"),
        (
            "logs of deployment api in prod for the last 2 hours",
            "kubectl logs deployment/api -n prod --since=2h",
        ),
        ("scale deploy web --replicas 4", "kubectl scale deployment/web --replicas=4"),
        ("restart the api deployment in prod", "kubectl rollout restart deployment/api -n prod"),
        (
            "roll back checkout to revision 3",
            "kubectl rollout undo deployment/checkout --to-revision=3",
        ),
        ("open a shell in pod web-1", "kubectl exec -it web-1 -- /bin/sh"),
        ("label pod web-1 env=prod", "kubectl label pod web-1 env=prod"),
        ("remove the label env from pod web-1", "kubectl label pod web-1 env-"),
        ("drain worker-3 ignoring daemonsets", "kubectl drain worker-3 --ignore-daemonsets"),
        ("can I delete pods in prod?", "kubectl auth can-i delete pods -n prod"),
        ("show warning events", "kubectl events --types=Warning"),
        ("top pods in prod sorted by memory", "kubectl top pod -n prod --sort-by=memory"),
        ("update web to nginx:1.27", "kubectl set image deployment/web '*=nginx:1.27'"),
        ("switch namespace to prod", "kubectl config set-context --current --namespace=prod"),
        (
            "create a configmap app-config with key1=val1",
            "kubectl create configmap app-config --from-literal=key1=val1",
        ),
        ("create namespace monitoring", "kubectl create namespace monitoring"),
        ("which context am i using", "kubectl config current-context"),
    ],
)
def test_translates_common_requests(engine: RulesEngine, query: str, expected: str) -> None:
    plan = engine.parse(query)
    assert plan.kubectl, plan.clarification
    assert equivalent(plan.kubectl[0], expected), plan.kubectl
    # What KubeChat cannot run is answered with the command, never planned
    assert bool(plan.operations) == (plan.clarification is None)


def test_several_kinds_become_one_operation(engine: RulesEngine) -> None:
    plan = engine.parse("show deployments and services in blog")
    assert len(plan.operations) == 1
    op = plan.operations[0]
    assert op.resource is not None and op.resource.plural == "deployments"
    assert [r.plural for r in op.extra_resources] == ["services"]
    assert op.namespace == "blog"


def test_several_names_in_one_scale(engine: RulesEngine) -> None:
    plan = engine.parse("scale frontend and backend to 3")
    (op,) = plan.operations
    assert op.targets == ("frontend", "backend")
    assert op.params["replicas"] == 3
    assert equivalent(plan.kubectl[0], "kubectl scale deployment frontend backend --replicas=3")


def test_two_clauses_give_two_operations(engine: RulesEngine) -> None:
    plan = engine.parse("restart deployment api in prod and then show its rollout status")
    assert [op.verb for op in plan.operations] == ["rollout.restart", "rollout.status"]
    assert len(plan.kubectl) == 2


def test_risk_follows_the_effect(engine: RulesEngine) -> None:
    assert engine.parse("show pods").risk is Risk.READ
    assert engine.parse("scale deployment web to 3").risk is Risk.WRITE
    assert engine.parse("scale deployment web to 0").risk is Risk.DESTRUCTIVE
    assert engine.parse("delete pod web-1").risk is Risk.DESTRUCTIVE
    assert engine.parse("drain node worker-1").risk is Risk.DESTRUCTIVE
    assert engine.parse("exec into pod web-1 and run rm -rf /data").risk is not Risk.READ
    assert engine.parse("run command rm -rf /data in pod web-1").risk is Risk.DESTRUCTIVE


def test_plan_risk_is_the_max_over_operations(engine: RulesEngine) -> None:
    plan = engine.parse("show pods in dev, then delete pod web-1 in dev")
    assert plan.risk is Risk.DESTRUCTIVE


def test_confidence_drops_when_the_kind_is_guessed(engine: RulesEngine) -> None:
    explicit = engine.parse("scale deployment checkout to 3")
    guessed = engine.parse("scale checkout to 3")
    assert 0 < guessed.confidence < explicit.confidence <= 1
