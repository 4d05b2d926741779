"""What the gateway records for "undo that" after a confirmed plan ran."""

from __future__ import annotations

from kubechat.v1 import common_pb2, executor_pb2
from kubechat_gateway.changes import change_request

PRINCIPAL = common_pb2.Principal(user="bob", tenant="acme")
PLAN = common_pb2.Plan(
    operations=[
        common_pb2.Operation(verb="scale", name="checkout", namespace="staging"),
        common_pb2.Operation(verb="label", name="checkout", namespace="staging"),
        common_pb2.Operation(verb="get", name="checkout", namespace="staging"),
    ]
)


def _result(
    index: int,
    *undo: str,
    note: str = "",
    ok: bool = True,
    outcome: executor_pb2.VerificationOutcome.ValueType = (
        executor_pb2.VERIFICATION_OUTCOME_VERIFIED
    ),
) -> executor_pb2.OperationResult:
    result = executor_pb2.OperationResult(index=index, ok=ok, undo_note=note)
    result.verification.outcome = outcome
    result.undo.extend(common_pb2.Operation(verb=verb, name="checkout") for verb in undo)
    return result


def test_the_undo_of_a_plan_is_its_changes_undone_last_first() -> None:
    read = _result(2, outcome=executor_pb2.VERIFICATION_OUTCOME_NOT_NEEDED)
    request = change_request(
        "c1", PRINCIPAL, PLAN, [_result(0, "scale"), _result(1, "label"), read]
    )
    assert request is not None
    assert (request.conversation_id, request.tenant) == ("c1", "acme")
    assert [op.verb for op in request.operations_ran] == ["scale", "label"]
    assert [op.verb for op in request.undo] == ["label", "scale"]
    assert request.undo_note == ""


def test_one_change_that_cannot_be_undone_makes_the_plan_not_undoable() -> None:
    note = "That cannot be undone: a deleted object cannot be brought back."
    request = change_request("c1", PRINCIPAL, PLAN, [_result(0, "scale"), _result(1, note=note)])
    assert request is not None
    assert list(request.undo) == [] and request.undo_note == note


def test_failed_rolled_back_or_read_only_plans_record_nothing() -> None:
    assert change_request("c1", PRINCIPAL, PLAN, [_result(0, "scale", ok=False)]) is None
    rolled_back = _result(
        0, note="rolled back", outcome=executor_pb2.VERIFICATION_OUTCOME_ROLLED_BACK
    )
    assert change_request("c1", PRINCIPAL, PLAN, [rolled_back]) is None
    read = _result(2, outcome=executor_pb2.VERIFICATION_OUTCOME_NOT_NEEDED)
    assert change_request("c1", PRINCIPAL, PLAN, [read]) is None
    assert change_request("c1", PRINCIPAL, PLAN, []) is None
