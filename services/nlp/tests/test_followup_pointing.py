"""Follow-ups that point back at the object just named ("that one", "the one you just
showed", "this pod", "the api one") or ask how a change went."""

from __future__ import annotations

import pytest

from kubechat_nlp.engine import RulesEngine
from kubechat_nlp.undo import offline_conversation

ENGINE = RulesEngine()


def _answers(*turns: str) -> list[str]:
    return [" && ".join(plan.kubectl) for plan in offline_conversation(ENGINE, turns)]


@pytest.mark.parametrize(
    ("first", "then", "kubectl"),
    [
        (
            "describe deployment web in shop",
            "restart that one",
            "kubectl rollout restart deployment/web -n shop",
        ),
        ("describe pod web-1 in shop", "logs on that one", "kubectl logs web-1 -n shop"),
        (
            "describe deployment web in shop",
            "logs of the one you just showed",
            "kubectl logs deployment/web -n shop",
        ),
        (
            "describe pod web-1 in shop",
            "events for this pod",
            "kubectl events -n shop --for=pod/web-1",
        ),
        (
            "scale web in shop to 3",
            "and the api one too",
            "kubectl scale deployment/api -n shop --replicas=3",
        ),
        (
            "describe deployment web in shop",
            "same for the worker one",
            "kubectl describe deployments worker -n shop",
        ),
        (
            "restart api in prod",
            "check how that went",
            "kubectl rollout status deployment/api -n prod",
        ),
        ("restart api in prod", "how did it go?", "kubectl rollout status deployment/api -n prod"),
        (
            "restart web in shop",
            "repeat that in events",
            "kubectl rollout restart deployment/web -n events",
        ),
    ],
)
def test_pointing_back(first: str, then: str, kubectl: str) -> None:
    assert _answers(first, then)[1] == kubectl


@pytest.mark.parametrize(
    ("then", "kubectl"),
    [
        ("drop one", "kubectl scale deployment/web -n shop --replicas=2"),
        ("take one away", "kubectl scale deployment/web -n shop --replicas=2"),
        ("take 2 away", "kubectl scale deployment/web -n shop --replicas=1"),
        ("knock one off", "kubectl scale deployment/web -n shop --replicas=2"),
        ("cancel that", ""),
        ("scratch that", ""),
    ],
)
def test_counts_taken_away_and_requests_taken_back(then: str, kubectl: str) -> None:
    assert _answers("scale web in shop to 3", then)[1] == kubectl


def test_run_in_it_is_an_exec_and_run_it_again_repeats() -> None:
    assert _answers("describe pod web-1 in shop", "run ls in it")[1] == (
        "kubectl exec web-1 -n shop -- ls"
    )
    assert _answers("restart web in shop", "run it again in dev")[1] == (
        "kubectl rollout restart deployment/web -n dev"
    )


@pytest.mark.parametrize(
    ("turns", "kubectl"),
    [
        (
            ("describe pod zk-1 in legacy", "what's it saying in the logs"),
            "kubectl logs zk-1 -n legacy",
        ),
        (
            ("scale exec-reports in dev-local to 5", "hang on, six"),
            "kubectl scale deployment/exec-reports -n dev-local --replicas=6",
        ),
        (
            ("scale thumbs in deploys to 5", "Ah bugger, should've been 8"),
            "kubectl scale deployment/thumbs -n deploys --replicas=8",
        ),
        (
            ("scale notify in on-prem to 2", "let's have 5"),
            "kubectl scale deployment/notify -n on-prem --replicas=5",
        ),
        (
            ("scale thumbs in shared to 2", "run 5 of it"),
            "kubectl scale deployment/thumbs -n shared --replicas=5",
        ),
        (
            ("get pod maria-1 in jobs", "more detail on it please"),
            "kubectl describe pods maria-1 -n jobs",
        ),
        (("list pods", "with more details"), "kubectl get pods -o wide"),
    ],
)
def test_corrections_and_looks_after_a_turn(turns: tuple[str, str], kubectl: str) -> None:
    assert _answers(*turns)[1] == kubectl


@pytest.mark.parametrize(
    ("turns", "kubectl"),
    [
        (
            ("restart in-flight in shop", "please apply that to intranet as well"),
            "kubectl rollout restart deployment/in-flight -n intranet",
        ),
        (
            ("restart rotator in shop", "The same is needed in public"),
            "kubectl rollout restart deployment/rotator -n public",
        ),
        (
            ("scale report-builder to 3", "Please amend that to 5"),
            "kubectl scale deployment/report-builder --replicas=5",
        ),
        (
            ("scale auth in services to 6", "3 replicas would be ideal"),
            "kubectl scale deployment/auth -n services --replicas=3",
        ),
        (("delete pod web-1 in shop", "web-2 too"), "kubectl delete pods web-2 -n shop"),
    ],
)
def test_the_same_elsewhere_and_amended(turns: tuple[str, str], kubectl: str) -> None:
    assert _answers(*turns)[1] == kubectl


def test_an_unrelated_sentence_after_a_delete_deletes_nothing() -> None:
    answer = _answers("delete pod web-1 in shop", "can you talk to heroku?")[1]
    assert "delete" not in answer
