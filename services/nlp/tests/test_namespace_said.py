"""A namespace said in any of the usual ways, before or after the request, scopes it the
same as `-n`: every request here is read with every way of saying where."""

from __future__ import annotations

import pytest

from kubechat_nlp.engine import RulesEngine

ENGINE = RulesEngine()

# After the object (or in the middle of the request).
AFTER = [
    "in {ns}",
    "in the {ns} namespace",
    "namespace {ns}",
    "from {ns}",
    "on {ns}",
    "within {ns}",
    "inside {ns}",
    "under {ns}",
    "(ns {ns})",
    "in ns {ns}",
    "{ns} ns",
    "in namespace {ns}",
    "within the {ns} namespace",
    "over in {ns}",
    "in the namespace {ns}",
    "in the namespace called {ns}",
    "--namespace={ns}",
    "--namespace {ns}",
    "for the {ns} namespace",
    "(namespace: {ns})",
    "in {ns} namespace",
    "from the {ns} namespace",
    "living in {ns}",
]
# Before the request.
BEFORE = [
    "in {ns}, ",
    "in the {ns} namespace, ",
    "namespace {ns}: ",
    "ns {ns} - ",
    "over in {ns}, ",
    "for namespace {ns}, ",
    "within {ns}: ",
    "{ns} namespace: ",
    "on {ns}, ",
    "in namespace {ns}, ",
    "inside {ns}, ",
    "-n {ns} ",
]
REQUESTS = [
    "list pods {where}",
    "show deployments {where}",
    "describe pod web-1 {where}",
    "logs of web-1 {where}",
    "delete pod web-1 {where}",
    "scale web {where} to 3",
    "restart web {where}",
    "events {where}",
    "get secret db-creds {where}",
    "set image of web {where} to nginx:1.2",
    "roll back web {where}",
    "rollout status of web {where}",
    "expose deployment web {where} on port 80",
    "label pod web-1 {where} with a=b",
    "top pods {where}",
    "list jobs {where}",
    "delete the configmap app-cfg {where}",
    "watch pods {where}",
    "get pods {where} -l app=web",
]
NAMESPACES = ["shop", "team-a", "billing-prod"]


def _plan(text: str) -> str:
    return " && ".join(ENGINE.parse(text).kubectl)


@pytest.mark.parametrize("request_", REQUESTS)
def test_the_namespace_said_after(request_: str) -> None:
    wrong = []
    for ns in NAMESPACES:
        want = _plan(request_.format(where=f"-n {ns}"))
        for where in AFTER:
            text = request_.format(where=where.format(ns=ns))
            if _plan(text) != want:
                wrong.append(f"{text}: {_plan(text)}")
    assert not wrong


@pytest.mark.parametrize("request_", REQUESTS)
def test_the_namespace_said_before(request_: str) -> None:
    plain = request_.replace(" {where}", "")
    wrong = []
    for ns in NAMESPACES:
        want = _plan(f"{plain} -n {ns}")
        for where in BEFORE:
            text = where.format(ns=ns) + plain
            if _plan(text) != want:
                wrong.append(f"{text}: {_plan(text)}")
    assert not wrong
