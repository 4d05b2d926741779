"""A namespace may be called like a kind or a word of the request ("events", "metrics",
"nodes"): every request here is read the same with such a namespace as with a plain one
(`shop`), said with or without its keyword, before a clause that goes on with the request.
"""

from __future__ import annotations

import logging

import pytest

from kubechat_nlp.engine import RulesEngine

ENGINE = RulesEngine()

WORDS = ["events", "nodes", "metrics", "images", "history", "configs", "volumes", "endpoints"]
REQUESTS = [
    "storefront has 4 replicas {ns} ns; double it",
    "put web {ns} ns back to 2 replicas",
    "the kafka statefulset runs 2 pods {ns} ns. halve it",
    "api has 2 replicas on {ns}; scale up by 100%",
    "the zookeeper statefulset runs 3 pods on {ns}: give it 2 more",
    "can i delete configmaps on {ns}?",
    "is alice allowed to get services on {ns}",
    "list jobs on {ns} with extra columns",
    "bring statefulset redis namespace {ns} to 10 replicas",
    "change the replica count of the api deployment namespace {ns} to 4",
    "change the replica count of pg-main stateful set namespace {ns} to 3",
    "add an hpa to feed deployment {ns} ns: min 2, max 10, target cpu 75%",
    "create config map flags {ns} ns containing region=eu",
    "create a service account deployer in ns {ns}",
    "create rolebinding rb granting view to service account builder in ns {ns}",
    "copy web-1:/tmp/a.log {ns} ns to a.log",
    "copy web-1:/tmp/a.log in {ns} to a.log",
    "copy /tmp/a.log from pod web-1 namespace {ns} to a.log",
    "what happened in the {ns} namespace?",
    "what happened for namespace {ns} recently?",
    "scale the api-7d9 replicaset namespace {ns} --replicas=2",
    "scale notifications deployment on {ns} --replicas=10",
]


def _plan(text: str) -> str:
    return " && ".join(ENGINE.parse(text).kubectl)


@pytest.mark.parametrize("request_", REQUESTS)
def test_a_namespace_named_like_a_kind_is_a_namespace(request_: str) -> None:
    plain = _plan(request_.format(ns="shop"))
    assert "-n shop" in plain, plain
    wrong = []
    for word in WORDS:
        text = request_.format(ns=word)
        if _plan(text) != plain.replace("shop", word):
            wrong.append(f"{text}: {_plan(text)}")
    assert not wrong


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a kind or a word right before the keyword is not the namespace when it belongs
        # to the object or a verb follows it
        ("restart ledger-recon deployment namespace review", "-n review"),
        ("could auth dev ns run 6 replicas?", "-n dev"),
        ("could clickhouse statefulset jobs ns run 20 replicas?", "-n jobs"),
        ("create a role viewer apps ns allowed to get secrets", "-n apps"),
        ("put deployment hooks in services namespace behind a load balancer on 443", "-n services"),
        ("pause the geo-ip deployment in the events namespace mid-deploy", "-n events"),
        ("web runs 6 pods ns: services. halve it", "-n services"),
        ("read the logs from pod web-1 -f ns: default", "-n default"),
        ("set up autoscaling for api in logging namespace: 3-6 replicas, 80% cpu", "-n logging"),
    ],
)
def test_the_word_that_is_the_namespace(text: str, expected: str) -> None:
    assert expected in _plan(text)


@pytest.mark.parametrize(
    "text",
    [
        "make role deploy-bot scoped to jobs allowing get and list on deployments",
        "create role cm-editor in services with verbs get, list and watch on pods",
    ],
)
def test_what_a_role_covers_is_no_namespace(text: str) -> None:
    plan = _plan(text)
    assert "-n deployments" not in plan and "-n pods" not in plan, plan


def test_upload_into_a_pod_names_no_namespace() -> None:
    assert _plan("upload nginx.conf to /etc/nginx/nginx.conf in pod web-3") == (
        "kubectl cp nginx.conf web-3:/etc/nginx/nginx.conf"
    )


def test_a_cue_word_read_as_a_namespace_is_read_once(caplog: pytest.LogCaptureFixture) -> None:
    """'show events namespace about' read "events" as a name, then as events again, until
    the recursion limit: the engine must answer without failing."""
    with caplog.at_level(logging.ERROR):
        ENGINE.parse("show events namespace about")
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
