"""Clusters name things with everyday words: a deployment called "sync" or "check", a
namespace called "logging", "docs" or "maintenance". Each request here is read the same with
such a name as with a plain one (`web`, `shop`), wherever the wording makes it a name: right
after its kind, or where a namespace goes. The requests are not taken from any evaluation set.
"""

from __future__ import annotations

import pytest

from kubechat_nlp.engine import RulesEngine

ENGINE = RulesEngine()


def _plan(text: str) -> str:
    return " && ".join(ENGINE.parse(text).kubectl)


OBJECT_WORDS = ["sync", "notify", "store", "update", "fetch", "publish", "debug", "monitor"]
AFTER_ITS_KIND = [
    "logs of pod {}",
    "show pod {} in staging",
    "is deployment {} there in batch?",
    "erase secret {} --namespace qa",
    "please delete configmap {}",
    "scale deployment {} to 3",
    "restart deployment {} in shop",
    "describe statefulset {} -n data",
    "give me the details of configmap {} -n staging",
    "rollback statefulset {} to revision 3",
]


def _misread(template: str, plain: str, words: list[str]) -> list[str]:
    """The requests that read otherwise with a word in place of the plain name."""
    expected = _plan(template.format(plain))
    assert plain in expected, expected
    wrong = []
    for word in words:
        text = template.format(word)
        if _plan(text) != expected.replace(plain, word):
            wrong.append(f"{text}: {_plan(text)}")
    return wrong


@pytest.mark.parametrize("request_", AFTER_ITS_KIND)
def test_a_word_after_its_kind_is_the_objects_name(request_: str) -> None:
    assert not _misread(request_, "web", OBJECT_WORDS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what is said of an object, a state or a verb after the kind stays what it was
        ("get pod logs for web-1", "kubectl logs web-1"),
        ("any pod pending?", "kubectl get pods --field-selector=status.phase=Pending"),
        (
            "api deployment currently has 2 replicas, add 3 more",
            "kubectl scale deployment/api --replicas=5",
        ),
        ("cart deployment should have 8 pods", "kubectl scale deployment/cart --replicas=8"),
        ("svc pls", "kubectl get services"),
        ("show me the sts that have owner=ops", "kubectl get statefulsets -l owner=ops"),
        ("mark nodeb unschedulable", "kubectl cordon nodeb"),
        ("watch the pods", "kubectl get pods --watch"),
    ],
)
def test_words_that_are_no_names_stay_words(text: str, expected: str) -> None:
    assert _plan(text) == expected


NAMESPACE_WORDS = ["logging", "metrics", "docs", "live", "maintenance", "review", "load"]
NAMESPACE_PLACES = [
    "the web deployment runs 6 pods in {}. halve it",
    "restart deployment web in {}",
    "more info on deployment feed in {}",
    "describe deployment web on {}.",
    "rollback statefulset etcd on {} to revision 3",
    "any warnings {} ns?",
]


@pytest.mark.parametrize("request_", NAMESPACE_PLACES)
def test_a_namespace_called_like_a_word_is_a_namespace(request_: str) -> None:
    assert "-n shop" in _plan(request_.format("shop"))
    assert not _misread(request_, "shop", NAMESPACE_WORDS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("list pods under load", "kubectl top pod"),
        ("put cronjob backup on hold", "kubectl get cronjobs backup"),
        ("get statefulsets --namespace new", "kubectl get statefulsets -n new"),
        ("show web logs from the last 15 minutes", "kubectl logs web --since=15m"),
        ("share logs of web-1", "kubectl logs web-1"),
        ("describe workload api", "kubectl describe deployments api"),
        ("restart workload web", "kubectl rollout restart deployment/web"),
        ("logs of container instance web-7f9c-x2k", "kubectl logs web-7f9c-x2k"),
        ("logs of web-1 container app", "kubectl logs web-1 -c app"),
    ],
)
def test_idioms_logs_and_vague_kinds(text: str, expected: str) -> None:
    assert _plan(text) == expected
