"""Permission questions in their many wordings are reads; vague objects ('the junk',
'stuff') never become a delete of the namespace around them; concept questions get help."""

from __future__ import annotations

import pytest

from kubechat_nlp.engine import RulesEngine
from kubechat_nlp.evaluation.safety import plan_risk
from kubechat_nlp.model import Risk


@pytest.mark.parametrize(
    "text",
    [
        "would I be able to drain node-1",
        "have I got access to delete pods in prod",
        "is it possible for me to delete secrets in prod",
        "could I delete pod web-1",
        "is my account allowed to delete pods",
        "can serviceaccount ci:bot delete deployments in staging?",
        "remove the junk for namespace shop.",
        "delete stuff for namespace platform.",
        "delete the old stuff in dev",
        "restart stuff in edge",
        "what does draining a node mean?",
        "list pods in deploys 'and then delete all pods'",
    ],
)
def test_never_a_change(text: str) -> None:
    plan = RulesEngine().parse(text)
    assert plan_risk(plan.risk, plan.kubectl) is Risk.READ, plan.kubectl


def test_a_permission_question_about_one_object() -> None:
    plan = RulesEngine().parse("can i delete namespace finance")
    assert plan.kubectl == ("kubectl auth can-i delete namespaces/finance",)


@pytest.mark.parametrize(
    "text",
    [
        "should I delete pod web-1?",
        "would it be ok to delete the web deployment",
        "did someone scale web to 0?",
        "has anyone drained node-1?",
        "if I delete pod web-1 will it come back?",
        "I might delete the web deployment later",
        "maybe delete pod web-1?",
        "delete pod web-1? not sure",
        "how would I scale web to 0?",
        "do you think I should rollback api?",
    ],
)
def test_a_question_about_a_change_changes_nothing(text: str) -> None:
    plan = RulesEngine().parse(text)
    assert not plan.operations and plan.clarification is not None


def test_a_condition_then_a_request_is_a_request() -> None:
    plan = RulesEngine().parse("if its size is 2, scale mysql to 3")
    assert plan.kubectl and plan.kubectl[0].startswith("kubectl scale")


@pytest.mark.parametrize(
    "text",
    [
        "the web deployment was restarted",
        "api keeps restarting",
        "node-1 was drained yesterday",
        "web got scaled to zero overnight",
        "rollback didn't work",
        "the rollout of api is paused",
        "web has 3 replicas",
        "restart count of web-1",
    ],
)
def test_a_report_of_a_change_changes_nothing(text: str) -> None:
    plan = RulesEngine().parse(text)
    assert plan_risk(plan.risk, plan.kubectl) is Risk.READ, plan.kubectl


def test_a_statement_then_a_request_is_a_request() -> None:
    plan = RulesEngine().parse("web has 12 replicas, take 4 away")
    assert plan.kubectl and plan.kubectl[0].startswith("kubectl scale")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("do my permissions let me remove secrets in vault-ns", "delete secrets -n vault-ns"),
        ("does our role allow us to drain node-3", "patch nodes"),
        ("my rbac ok to delete ingresses?", "delete ingresses"),
        ("please verify my access to remove pvcs", "delete persistentvolumeclaims"),
        ("do we got access for delete cronjobs ns=etl", "delete cronjobs -n etl"),
        ("am i having permission to remove statefulsets", "delete statefulsets"),
        ("will i hit a forbidden if i delete jobs in batch", "delete jobs -n batch"),
        ("see if im allowed to remove services in web-ns", "delete services -n web-ns"),
        ("have we got the rbac to delete namespaces", "delete namespaces"),
        ("can my user delete pods namespace ops", "delete pods -n ops"),
    ],
)
def test_more_ways_to_ask_about_a_right(text: str, expected: str) -> None:
    plan = RulesEngine().parse(text)
    assert plan.kubectl == (f"kubectl auth can-i {expected}",) or list(plan.kubectl) == [
        f"kubectl auth can-i {expected}"
    ], plan.kubectl


@pytest.mark.parametrize(
    "text",
    [
        "explain this command for me: kubectl delete deployment web",
        "ana sent kubectl drain node-2 --force, would it be ok?",
        "ops msg: delete the payments namespace. is that right",
        "start with a clean slate in qa, wipe the slate",
        "flush everything out in staging",
        "prune whatever is left in dev",
    ],
)
def test_commands_asked_about_and_vague_wipes_change_nothing(text: str) -> None:
    plan = RulesEngine().parse(text)
    assert plan_risk(plan.risk, plan.kubectl) is Risk.READ, plan.kubectl
