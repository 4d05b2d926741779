"""Questions about the cluster itself, in any words: which kinds it serves, where its API
answers; and a taint taken away however it is said."""

from __future__ import annotations

import pytest

from kubechat_nlp.engine import RulesEngine

ENGINE = RulesEngine()

CASES = [
    ("what resources does this cluster support", "kubectl api-resources"),
    ("show every resource kind the cluster knows about", "kubectl api-resources"),
    ("list every object type", "kubectl api-resources"),
    ("api server url", "kubectl cluster-info"),
    ("where does the api live", "kubectl cluster-info"),
    ("could you show the cluster information", "kubectl cluster-info"),
    # a workload called api, a kind named: no question about the cluster
    ("list all resources in namespace dev", "kubectl get all -n dev"),
    ("what is the url of the web service", "kubectl get services web"),
    # a taint taken away
    ("get rid of the gpu taint from node-1", "kubectl taint nodes node-1 gpu-"),
    ("un-taint node-9, the team one", "kubectl taint nodes node-9 team-"),
    ("add the dedicated taint to node-3", "kubectl taint nodes node-3 dedicated:NoSchedule"),
    ("re-start deployment web", "kubectl rollout restart deployment/web"),
    ("scale re-deploy-bot to 3", "kubectl scale deployment/re-deploy-bot --replicas=3"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_cluster_question(text: str, expected: str) -> None:
    assert " && ".join(ENGINE.parse(text).kubectl) == expected
