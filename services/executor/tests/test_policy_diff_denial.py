from __future__ import annotations

import pytest

from kubechat.errors import InvalidArgument
from kubechat.v1 import common_pb2
from kubechat_executor.denied import denial, parse
from kubechat_executor.operations.base import Applied, Mutation
from kubechat_executor.operations.nodes import parse_taint
from kubechat_executor.operations.rollout import rollout_state
from kubechat_executor.operations.util import key_values, seconds
from kubechat_executor.policy import DEFAULT_RULES, Rule, Target, evaluate
from kubechat_executor.preview import diff

W, D = common_pb2.RISK_WRITE, common_pb2.RISK_DESTRUCTIVE
PODS = common_pb2.ResourceRef(version="v1", kind="Pod", plural="pods", namespaced=True)


def target(
    namespace: str = "shop",
    risk: int = W,
    labels: dict[str, str] | None = None,
    verb: str = "scale",
) -> Target:
    return Target("c-1", "east", labels or {}, namespace, verb, risk, ("checkout",))


def test_kube_system_demands_the_typed_name() -> None:
    required = evaluate(DEFAULT_RULES, [target("kube-system")])
    assert required.type_name and required.expected_name == "checkout"
    assert not evaluate(DEFAULT_RULES, [target("shop")]).type_name


def test_production_clusters_need_a_second_approver_for_destructive_changes_only() -> None:
    production = {"environment": "production"}
    assert evaluate(DEFAULT_RULES, [target(risk=D, labels=production)]).second_approver
    write = evaluate(DEFAULT_RULES, [target(risk=W, labels=production)])
    assert not write.second_approver and write.rollback_on_failure
    assert not evaluate(
        DEFAULT_RULES, [target(risk=D, labels={"environment": "dev"})]
    ).second_approver


def test_rules_add_up_and_match_clusters_by_id_or_name_and_verbs() -> None:
    rules = [
        Rule(clusters=["east"], verbs=["delete"], type_name=True, reason="a"),
        Rule(clusters=["c-9"], second_approver=True),
    ]
    required = evaluate(rules, [target(verb="delete"), target(verb="scale")])
    assert required.type_name and not required.second_approver
    assert required.to_proto().reason == "a"


def test_diff_shows_the_change_without_bookkeeping() -> None:
    mutation = Mutation("PATCH", "/p", PODS, "prod", "web-1", "update")
    before = {
        "kind": "Pod",
        "metadata": {
            "name": "web-1",
            "resourceVersion": "1",
            "managedFields": [{"manager": "x"}],
            "labels": {"a": "1"},
        },
        "status": {"phase": "Running"},
    }
    after = {
        "kind": "Pod",
        "metadata": {
            "name": "web-1",
            "resourceVersion": "2",
            "managedFields": [{"manager": "y"}],
            "labels": {"a": "2"},
        },
        "status": {"phase": "Running"},
    }
    text = diff(Applied(mutation, before, after))
    assert "--- prod/pod/web-1 (live)" in text and "+++ prod/pod/web-1 (update)" in text
    assert "-    a: '1'" in text and "+    a: '2'" in text
    assert "managedFields" not in text and "resourceVersion" not in text


def test_a_deletes_diff_removes_everything_and_secrets_are_redacted() -> None:
    secret = {"kind": "Secret", "metadata": {"name": "db"}, "data": {"password": "aHVudGVyMg=="}}
    text = diff(Applied(Mutation("DELETE", "/s", PODS, "prod", "db", "delete"), secret, None))
    assert "+++ /dev/null" in text and "-  password: <redacted>" in text
    assert "aHVudGVyMg" not in text


def test_a_403_says_who_may_not_do_what_where() -> None:
    assert denial("DELETE", "/api/v1/namespaces/prod/pods/web-1", "alice") == (
        "alice may not delete pods in prod",
        "kubectl auth can-i delete pods -n prod --as alice",
    )
    message, hint = denial(
        "PATCH", "/apis/apps/v1/namespaces/dev/deployments/x/scale", "bob", ("ops",)
    )
    assert message == "bob may not patch deployments.apps/scale in dev"
    assert hint.endswith("--as bob --as-group ops")
    assert denial("DELETE", "/api/v1/namespaces/prod", "bob")[0] == (
        "bob may not delete namespaces 'prod'"
    )
    assert denial("GET", "/api/v1/nodes", "alice")[0] == "alice may not list nodes cluster-wide"
    assert parse("DELETE", "/api/v1/namespaces/prod/pods").verb == "deletecollection"


def test_rollout_state_follows_kubectl() -> None:
    def deployment(**status: int) -> dict[str, object]:
        return {
            "kind": "Deployment",
            "metadata": {"name": "web", "generation": 2},
            "spec": {"replicas": 3},
            "status": {"observedGeneration": 2, **status},
        }

    assert rollout_state(deployment(updatedReplicas=3, replicas=3, availableReplicas=3)).done
    waiting = rollout_state(deployment(updatedReplicas=3, replicas=3, availableReplicas=2))
    assert not waiting.done and waiting.message == "2 of 3 updated replicas available"
    old = rollout_state(deployment(updatedReplicas=3, replicas=4, availableReplicas=3))
    assert old.message == "1 old replicas pending termination"
    stale = deployment(updatedReplicas=3, replicas=3, availableReplicas=3)
    stale["status"] = {"observedGeneration": 1}
    assert not rollout_state(stale).done
    stuck = deployment(updatedReplicas=1)
    stuck["status"]["conditions"] = [{"reason": "ProgressDeadlineExceeded"}]  # type: ignore[index]
    assert rollout_state(stuck).failed


def test_parameter_parsers() -> None:
    assert seconds("1m30s", 0) == 90 and seconds("", 7) == 7 and seconds("2.5", 0) == 2.5
    with pytest.raises(InvalidArgument):
        seconds("soon", 0)
    assert key_values(["a=1", "b-", "c=x=y"], "label") == ({"a": "1", "c": "x=y"}, ["b"])
    assert parse_taint("gpu=true:NoSchedule") == (
        {"key": "gpu", "value": "true", "effect": "NoSchedule"},
        False,
    )
    assert parse_taint("gpu:NoSchedule-")[1] is True
    with pytest.raises(InvalidArgument):
        parse_taint("gpu=true:Sometimes")


def test_the_access_review_asks_about_the_refused_request() -> None:
    from kubechat_executor.kube import _access_review

    review = _access_review("PATCH", "/apis/apps/v1/namespaces/prod/deployments/web/scale")
    assert review["spec"]["resourceAttributes"] == {
        "verb": "patch",
        "resource": "deployments",
        "group": "apps",
        "namespace": "prod",
        "name": "web",
        "subresource": "scale",
    }
    cluster_wide = _access_review("DELETE", "/api/v1/namespaces/prod")
    assert cluster_wide["spec"]["resourceAttributes"] == {
        "verb": "delete",
        "resource": "namespaces",
        "group": "",
        "name": "prod",
    }
