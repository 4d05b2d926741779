"""Follow-ups that point back at the object just named ("that one", "the one you just
showed", "this pod", "the api one") or ask how a change went."""

from __future__ import annotations

import pytest

from kubechat_nlp.context import ConversationContext
from kubechat_nlp.engine import RulesEngine
from kubechat_nlp.evaluation.scoring import assume_ran

ENGINE = RulesEngine()


def _answers(*turns: str) -> list[str]:
    context = ConversationContext()
    answers: list[str] = []
    for text in turns:
        plan = ENGINE.parse(text, context=context)
        answers.append(" && ".join(plan.kubectl))
        context = assume_ran(context.after(plan), plan)
    return answers


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
