"""Scaling and rollout grammar: relative amounts against a stated count, count phrasings,
greetings that are never the object, and everyday words used as names."""

from __future__ import annotations

import pytest

from kubechat_nlp import RulesEngine
from kubechat_nlp.rules.scaling import current_count, is_relative, relative_change


@pytest.fixture(scope="module")
def engine() -> RulesEngine:
    return RulesEngine()


def kubectl(engine: RulesEngine, text: str) -> str:
    plan = engine.parse(text)
    assert plan.clarification is None, plan.clarification
    return " ".join(plan.kubectl)


@pytest.mark.parametrize(
    ("text", "current", "expected"),
    [
        ("double it", 3, 6),
        ("twice as many", 5, 10),
        ("halve it", 8, 4),
        ("cut it in half", 6, 3),
        ("scale it up by 50%", 4, 6),
        ("scale down by 25 percent", 8, 6),
        ("add 2 more", 3, 5),
        ("one more please", 3, 4),
        ("scale it down by 2", 7, 5),
        ("remove one", 3, 2),
        ("3 fewer", 2, 0),
    ],
)
def test_relative_change(text: str, current: int, expected: int) -> None:
    assert is_relative(text)
    assert relative_change(text, current) == expected


def test_current_count_is_read_from_the_statement() -> None:
    assert current_count("cache currently has 5 replicas, add one") == 5
    assert current_count("the queue deployment is at 2 pods") == 2
    assert current_count("scale cache to 4") is None


def test_relative_scaling_with_a_stated_count(engine: RulesEngine) -> None:
    assert kubectl(engine, "the cache deployment runs 3 pods, double it") == (
        "kubectl scale deployment/cache --replicas=6"
    )
    assert kubectl(engine, "queue has 4 replicas in ns jobs2, add 3 more") == (
        "kubectl scale deployment/queue -n jobs2 --replicas=7"
    )


def test_relative_scaling_without_a_count_asks(engine: RulesEngine) -> None:
    plan = engine.parse("scale cache up by 50%")
    assert plan.clarification is not None
    assert "current" in plan.clarification.question


def test_count_phrasings(engine: RulesEngine) -> None:
    assert (
        kubectl(engine, "run 7 copies of indexer")
        == "kubectl scale deployment/indexer --replicas=7"
    )
    assert kubectl(engine, "scale cache deployment --replicas=2") == (
        "kubectl scale deployment/cache --replicas=2"
    )
    assert kubectl(engine, "change the replica count of cache to 9") == (
        "kubectl scale deployment/cache --replicas=9"
    )


def test_everyday_word_as_the_object(engine: RulesEngine) -> None:
    assert (
        kubectl(engine, "let's scale worker to 2") == "kubectl scale deployment/worker --replicas=2"
    )


def test_greeting_is_never_the_object(engine: RulesEngine) -> None:
    assert (
        kubectl(engine, "hello, scale cache to 3") == "kubectl scale deployment/cache --replicas=3"
    )
    assert kubectl(engine, "hey, bounce cache") == "kubectl rollout restart deployment/cache"


def test_conditional_scale_keeps_the_precondition(engine: RulesEngine) -> None:
    assert kubectl(engine, "scale cache to 5 only if it currently has 2 replicas") == (
        "kubectl scale deployment/cache --replicas=5 --current-replicas=2"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("is the cache deployment done rolling out", "kubectl rollout status deployment/cache"),
        ("how is the rollout of queue going", "kubectl rollout status deployment/queue"),
        ("restore cache to revision 4", "kubectl rollout undo deployment/cache --to-revision=4"),
        ("kick the queue deployment", "kubectl rollout restart deployment/queue"),
        ("cycle the pods of cache", "kubectl rollout restart deployment/cache"),
        ("resume the rollout of worker", "kubectl rollout resume deployment/worker"),
    ],
)
def test_rollout_phrasings(engine: RulesEngine, text: str, expected: str) -> None:
    assert kubectl(engine, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "keep cache between 2 and 7 pods automatically",
            "kubectl autoscale deployments cache --min=2 --max=7",
        ),
        (
            "autoscale queue from 1 to 4 replicas when cpu goes over 65%",
            "kubectl autoscale deployments queue --min=1 --max=4 --cpu=65%",
        ),
        (
            "add an hpa to cache, min 3, max 9, target cpu 40%",
            "kubectl autoscale deployments cache --min=3 --max=9 --cpu=40%",
        ),
    ],
)
def test_autoscale_phrasings(engine: RulesEngine, text: str, expected: str) -> None:
    assert kubectl(engine, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nuke configmap app-cfg", "kubectl delete configmaps app-cfg"),
        ("rm secret old-token -n qa2", "kubectl delete secrets old-token -n qa2"),
        ("kill cache-3", "kubectl delete pods cache-3"),
        ("delete queue-7f8d9c6b5a-x2k9q", "kubectl delete pods queue-7f8d9c6b5a-x2k9q"),
        ("delete configmaps with team=core", "kubectl delete configmaps -l team=core"),
        ("delete namespace default", "kubectl delete namespaces default"),
        ("remove the jobs namespace", "kubectl delete namespaces jobs"),
    ],
)
def test_delete_phrasings(engine: RulesEngine, text: str, expected: str) -> None:
    assert kubectl(engine, text) == expected


@pytest.mark.parametrize("text", ["nuke everything", "wipe the cluster", "delete cache"])
def test_vague_or_kindless_deletes_ask(engine: RulesEngine, text: str) -> None:
    plan = engine.parse(text)
    assert plan.clarification is not None and not plan.operations


def test_rollout_follow_ups_name_no_new_object(engine: RulesEngine) -> None:
    from kubechat_nlp.undo import offline_conversation

    # "that" is the last change that ran: here the restart, taken as confirmed.
    turns = ("restart deployment cache in qa2", "show the history", "roll that back")
    plans = [" ".join(plan.kubectl) for plan in offline_conversation(engine, turns)]
    assert plans[1:] == [
        "kubectl rollout history deployment/cache -n qa2",
        "kubectl rollout undo deployment/cache -n qa2",
    ]
