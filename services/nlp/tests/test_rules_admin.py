"""Nodes, permissions and kubeconfig requests in everyday words."""

from __future__ import annotations

import pytest

from kubechat_nlp import RulesEngine
from kubechat_nlp.model import Risk

ENGINE = RulesEngine()


def _kubectl(text: str) -> str | None:
    plan = ENGINE.parse(text)
    return " && ".join(plan.kubectl) if plan.operations else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the node is the name shaped like one, never a greeting or filler word
        ("hey there, cordon pool-b-7 please", "kubectl cordon pool-b-7"),
        ("could u drain edge-12 for me", "kubectl drain edge-12"),
        ("ok uncordon gpu-node-3", "kubectl uncordon gpu-node-3"),
        # a slip in the word 'node' does not become the node
        ("cordon nod edge-5", "kubectl cordon edge-5"),
        # cordon / uncordon / drain said without the kubectl verb
        ("take edge-5 out of scheduling", "kubectl cordon edge-5"),
        ("never schedule pods on node edge-5", "kubectl cordon edge-5"),
        ("let workloads run on edge-5 again", "kubectl uncordon edge-5"),
        ("allow pods on edge-5 again", "kubectl uncordon edge-5"),
        ("shift all the pods off node edge-5", "kubectl drain edge-5"),
    ],
)
def test_node_state_in_plain_words(text: str, expected: str) -> None:
    assert _kubectl(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("untaint edge-5: spot", "kubectl taint nodes edge-5 spot-"),
        ("please remove the spot taint from node edge-5", "kubectl taint nodes edge-5 spot-"),
        ("drop the maintenance taint on node edge-5", "kubectl taint nodes edge-5 maintenance-"),
        ("remove taint spot:NoExecute from edge-5", "kubectl taint nodes edge-5 spot:NoExecute-"),
        (
            "could u add taint spot=yes:NoSchedule to edge-5",
            "kubectl taint nodes edge-5 spot=yes:NoSchedule",
        ),
    ],
)
def test_taints_added_and_removed(text: str, expected: str) -> None:
    assert _kubectl(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a question about rights is a read, whatever action it names
        ("can i drain edge-5?", "kubectl auth can-i patch nodes"),
        ("may i delete the api deployment", "kubectl auth can-i delete deployments/api"),
        (
            "do we have permission to remove secrets in qa",
            "kubectl auth can-i delete secrets -n qa",
        ),
        ("do i have rights to update ingresses", "kubectl auth can-i update ingresses"),
        ("could you check whether i can kill pods", "kubectl auth can-i delete pods"),
        ("am i permitted to scale statefulsets", "kubectl auth can-i patch statefulsets"),
        # subresources
        ("can i exec into pods in qa", "kubectl auth can-i create pods/exec -n qa"),
        ("can i port-forward to pods", "kubectl auth can-i create pods/portforward"),
        # someone else's rights
        (
            "can carol patch configmaps in qa",
            "kubectl auth can-i patch configmaps -n qa --as=carol",
        ),
        ("is ci-bot allowed to list secrets", "kubectl auth can-i list secrets --as=ci-bot"),
    ],
)
def test_permission_questions_are_reads(text: str, expected: str) -> None:
    plan = ENGINE.parse(text)
    assert plan.risk == Risk.READ
    assert _kubectl(text) == expected


def test_a_polite_request_is_not_a_permission_question() -> None:
    assert _kubectl("can u create a secret tok with key=abc") == (
        "kubectl create secret generic tok --from-literal=key=abc"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "set our default namespace to sandbox",
            "kubectl config set-context --current --namespace=sandbox",
        ),
        (
            "use namespace sandbox by default from now on",
            "kubectl config set-context --current --namespace=sandbox",
        ),
        ("what cluster are we connected to", "kubectl config current-context"),
        ("could we switch over to edge-cluster", "kubectl config use-context edge-cluster"),
    ],
)
def test_kubeconfig_in_plain_words(text: str, expected: str) -> None:
    plan = ENGINE.parse(text)
    assert " && ".join(plan.kubectl) == expected
