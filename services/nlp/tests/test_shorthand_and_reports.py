"""Shorthand people type ("del", "desc", "svc accts", "objs"), rights asked with an
adverb or in a few words, commands someone else ran (history, never a request), and what
a workload did told before the request."""

from __future__ import annotations

import pytest

from kubechat_nlp.engine import RulesEngine

ENGINE = RulesEngine()


def _plan(text: str) -> str:
    return " && ".join(ENGINE.parse(text).kubectl)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("del pod web-1", "kubectl delete pods web-1"),
        ("del deployment api -n shop", "kubectl delete deployments api -n shop"),
        ("desc deployment scaler", "kubectl describe deployments scaler"),
        ("get svc accts", "kubectl get serviceaccounts"),
        ("list svc objs", "kubectl get services"),
        ("desc svc obj top-movers", "kubectl describe services top-movers"),
        ("am I even permitted to delete nodes?", "kubectl auth can-i delete nodes"),
        ("got rights to delete namespaces", "kubectl auth can-i delete namespaces"),
        ("get daemonsets (prod is on fire)", "kubectl get daemonsets"),
        ("get pods (namespace is shop)", "kubectl get pods -n shop"),
        ("keep an eye on the services (watch)", "kubectl get services --watch"),
        ("lost track of the jobs; list em", "kubectl get jobs"),
        ("the api-gw deployment hangs again: restart", "kubectl rollout restart deployment/api-gw"),
        (
            "the exec-gateway deploy leaked memory overnight. rolling restart pls.",
            "kubectl rollout restart deployment/exec-gateway",
        ),
        # a role defined by what it allows is created, never deleted
        (
            "role secret-peeker that can delete pods",
            "kubectl create role secret-peeker --verb=delete --resource=pods",
        ),
        # a label key that spells a rollout word is a label key
        ("unlabel rollout from pod lockd-1", "kubectl label pods lockd-1 rollout-"),
        ("drop label rollout off service restarter", "kubectl label services restarter rollout-"),
        ("create job x from cron y", "kubectl create job x --from=cronjob/y"),
        ("20 replicas on kafka sts rn", "kubectl scale statefulset/kafka --replicas=20"),
        ("set depl auth to 8 replicas", "kubectl scale deployment/auth --replicas=8"),
        ("top pods --sort-by=memory", "kubectl top pod --sort-by=memory"),
        (
            "get pods --sort-by=.metadata.creationTimestamp",
            "kubectl get pods --sort-by=.metadata.creationTimestamp",
        ),
        # a target and a range of replicas are an autoscaler, "anywhere" no scope
        (
            "keep api-gw deployment around 60% cpu, anywhere from 4 to 20 replicas",
            "kubectl autoscale deployments api-gw --min=4 --max=20 --cpu=60%",
        ),
        (
            "drop me into pod-sweeper-7 (sh)",
            "kubectl exec pod-sweeper-7 -i -t -- sh",
        ),
        ("which pods ended up failed", "kubectl get pods --field-selector=status.phase=Failed"),
        ("which fields does ingress support?", "kubectl explain ingresses"),
        # a namespace "is" something: a report about it, never a statement of where
        ("pod nats-js-0 in our dev namespace is hung, get rid of it", "-n dev"),
        ("the fix-orders job qa-7 ns is acting up, what's going on", "-n qa-7"),
    ],
)
def test_shorthand(text: str, expected: str) -> None:
    plan = _plan(text)
    assert plan == expected or (expected.startswith("-n") and expected in plan), plan


@pytest.mark.parametrize(
    "text",
    [
        "someone ran kubectl rollout undo deployment/worker last night; what did that change?",
        "bob ran kubectl delete pod web-1 yesterday",
        "my colleague executed `kubectl drain node-2` this morning",
    ],
)
def test_a_command_someone_ran_is_history(text: str) -> None:
    assert ENGINE.parse(text).kubectl == ()
