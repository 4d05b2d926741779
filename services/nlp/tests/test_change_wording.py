"""Everyday wordings of the change and tool operations, written from how people ask (never
an evaluation set's sentences): each reads as the one command it means, and the verb that
opens the request is never taken for the object."""

from __future__ import annotations

import pytest

from kubechat_nlp import RulesEngine

ENGINE = RulesEngine()

CASES = [
    ("can we get 4 replicas for web", "kubectl scale deployment/web --replicas=4"),
    ("can we get 3 replicas for the api deployment", "kubectl scale deployment/api --replicas=3"),
    ("could we get 2 instances of billing", "kubectl scale deployment/billing --replicas=2"),
    ("web should have 3 replicas", "kubectl scale deployment/web --replicas=3"),
    ("the api deployment should run 4 pods", "kubectl scale deployment/api --replicas=4"),
    ("shut down worker by scaling it to 0", "kubectl scale deployment/worker --replicas=0"),
    ("turn off frontend by scaling it to zero", "kubectl scale deployment/frontend --replicas=0"),
    (
        "run one copy of replicaset web-8rnchg44dq",
        "kubectl scale replicaset/web-8rnchg44dq --replicas=1",
    ),
    ("cart needs 5 replicas", "kubectl scale deployment/cart --replicas=5"),
    ("can i get pods", "kubectl auth can-i get pods"),
    (
        "set up autoscaling for ledger: two-eight replicas at 80% cpu",
        "kubectl autoscale deployments ledger --min=2 --max=8 --cpu=80%",
    ),
    (
        "set up autoscaling for admin-portal: 2-8 replicas at 60% cpu",
        "kubectl autoscale deployments admin-portal --min=2 --max=8 --cpu=60%",
    ),
    (
        "let queue-consumer scale between 2 and 8 replicas",
        "kubectl autoscale deployments queue-consumer --min=2 --max=8",
    ),
    (
        "give web an autoscaler, 3 to 12 replicas, 65% cpu",
        "kubectl autoscale deployments web --min=3 --max=12 --cpu=65%",
    ),
    (
        "make web autoscale with at least 2 and at most 10 replicas",
        "kubectl autoscale deployments web --min=2 --max=10",
    ),
    (
        "create an hpa for payments with 1-4 replicas targeting 75% cpu",
        "kubectl autoscale deployments payments --min=1 --max=4 --cpu=75%",
    ),
    ("autoscale worker 2..10 replicas", "kubectl autoscale deployments worker --min=2 --max=10"),
    (
        "web should scale between 2 and 10 pods at 70% cpu",
        "kubectl autoscale deployments web --min=2 --max=10 --cpu=70%",
    ),
    (
        "what versions of the calico-node ds were deployed?",
        "kubectl rollout history daemonset/calico-node",
    ),
    ("did the rollout of the redis statefulset finish", "kubectl rollout status statefulset/redis"),
    ("has deployment web rolled out", "kubectl rollout status deployment/web"),
    ("revert the last deploy of mysql statefulset", "kubectl rollout undo statefulset/mysql"),
    ("carry on rolling out api", "kubectl rollout resume deployment/api"),
    ("resume deploying orders", "kubectl rollout resume deployment/orders"),
    ("unfreeze the payments rollout", "kubectl rollout resume deployment/payments"),
    ("take cart back to revision 2", "kubectl rollout undo deployment/cart --to-revision=2"),
    ("hold cart's rollout", "kubectl rollout pause deployment/cart"),
]


@pytest.mark.parametrize(("text", "kubectl"), CASES)
def test_everyday_change_wording(text: str, kubectl: str) -> None:
    plan = ENGINE.parse(text)
    assert " && ".join(plan.kubectl) == kubectl, plan.clarification
