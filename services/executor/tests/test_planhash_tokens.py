from __future__ import annotations

import pytest

from kubechat.errors import FailedPrecondition, PermissionDenied
from kubechat.v1 import common_pb2
from kubechat_executor.confirm import Grant, check_binding, check_requirements, token_id
from kubechat_executor.planhash import plan_hash


def scale(replicas: int, name: str = "checkout") -> common_pb2.Operation:
    operation = common_pb2.Operation(verb="scale", namespace="prod", name=name)
    operation.params["replicas"].int_value = replicas
    return operation


def test_the_same_operations_hash_the_same_however_built() -> None:
    first = scale(3)
    second = common_pb2.Operation()
    second.params["replicas"].int_value = 3
    second.name, second.namespace, second.verb = "checkout", "prod", "scale"
    assert plan_hash([first]) == plan_hash([second])


@pytest.mark.parametrize(
    "changed",
    [
        scale(4),
        scale(3, "frontend"),
        common_pb2.Operation(verb="scale", namespace="dev", name="checkout"),
    ],
)
def test_any_change_to_an_operation_changes_the_hash(changed: common_pb2.Operation) -> None:
    assert plan_hash([scale(3)]) != plan_hash([changed])


def test_order_and_count_of_operations_matter() -> None:
    assert plan_hash([scale(3), scale(4)]) != plan_hash([scale(4), scale(3)])
    assert plan_hash([scale(3)]) != plan_hash([scale(3), scale(3)])


GRANT = Grant(
    token_id=token_id("t"),
    user="bob",
    k8s_user="bob",
    cluster_id="c-1",
    plan_hash="h",
    expires_at=1000.0,
)


def binding(**overrides: object) -> None:
    values: dict[str, object] = {
        "user": "bob",
        "k8s_user": "bob",
        "cluster_id": "c-1",
        "plan_hash": "h",
        "now": 999.0,
    }
    values.update(overrides)
    check_binding(GRANT, **values)  # type: ignore[arg-type]


def test_a_token_is_accepted_for_its_own_user_cluster_plan_and_time() -> None:
    binding()


@pytest.mark.parametrize(
    ("overrides", "error", "words"),
    [
        ({"user": "carol"}, PermissionDenied, "another user"),
        ({"k8s_user": "carol"}, PermissionDenied, "another user"),
        ({"cluster_id": "c-2"}, FailedPrecondition, "is for cluster 'c-1', not 'c-2'"),
        ({"plan_hash": "other"}, FailedPrecondition, "different plan"),
        ({"now": 1000.0}, FailedPrecondition, "expired"),
    ],
)
def test_a_token_is_refused_outside_its_binding(
    overrides: dict[str, object], error: type[Exception], words: str
) -> None:
    with pytest.raises(error, match=words):
        binding(**overrides)


def test_policy_requirements_are_checked_before_the_token_is_spent() -> None:
    typed = Grant(**{**GRANT.__dict__, "type_name": True, "expected_name": "checkout"})
    with pytest.raises(FailedPrecondition, match="type 'checkout'"):
        check_requirements(typed, "checkou")
    check_requirements(typed, " checkout ")
    approval = Grant(**{**GRANT.__dict__, "second_approver": True})
    with pytest.raises(FailedPrecondition, match="second person"):
        check_requirements(approval, "")
    check_requirements(Grant(**{**approval.__dict__, "approver": "carol"}), "")


def test_only_a_digest_of_the_token_is_stored() -> None:
    assert token_id("secret-token") != "secret-token" and len(token_id("x")) == 64
