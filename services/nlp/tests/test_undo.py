""" "Undo that" is the last change that RAN in the conversation (recorded by the gateway
through RecordChange with the executor's inverse), never a plan that was only shown or
cancelled; a rollback that names its target stays a `rollout undo`."""

from __future__ import annotations

import json
from typing import Any

import pytest

from kubechat.v1 import common_pb2, intent_pb2
from kubechat_nlp import ConversationContext, InMemoryContextStore, ResourceRef, RulesEngine
from kubechat_nlp.cli_translate import translate_line
from kubechat_nlp.convert import operation_from_proto, operation_to_proto
from kubechat_nlp.model import Operation, Risk
from kubechat_nlp.servicer import IntentServicer
from kubechat_nlp.undo import NOTHING_TO_UNDO, undo_last_change
from kubechat_nlp.wiring import change_recorder, conversation_planner

DEPLOYMENTS = ResourceRef("apps", "v1", "Deployment", "deployments")
SCALE_BACK = Operation(
    "scale",
    DEPLOYMENTS,
    "staging",
    "checkout",
    params={"replicas": 2, "current_replicas": 5},
)


@pytest.fixture(scope="module")
def engine() -> RulesEngine:
    return RulesEngine()


def _after(engine: RulesEngine, context: ConversationContext, text: str) -> ConversationContext:
    return context.after(engine.parse(text, context=context))


def _ran(engine: RulesEngine, text: str) -> ConversationContext:
    """A conversation where `text` was planned, confirmed and ran (scaling 2 → 5)."""
    context = _after(engine, ConversationContext(), text)
    return context.with_change(context.last_operations, (SCALE_BACK,))


@pytest.mark.parametrize(
    "text",
    [
        "undo that",
        "Undo that!",
        "undo",
        "revert that",
        "roll that back",
        "rollback",
        "please undo the last change",
        "can you revert what you just did?",
        "take that back",
        "oops, undo that please",
        "put it back the way it was",
        "undo my last change",
        "reverse that",
        "cancel that change",
    ],
)
def test_asking_to_undo_the_change_plans_the_recorded_undo(engine: RulesEngine, text: str) -> None:
    context = _ran(engine, "scale checkout to 5 in staging")
    plan = engine.parse(text, context=context)
    assert plan.clarification is None, text
    assert plan.operations == (SCALE_BACK,)
    assert plan.kubectl == (
        "kubectl scale deployment/checkout -n staging --replicas=2 --current-replicas=5",
    )
    assert plan.risk is Risk.WRITE
    assert "kubectl scale deployment/checkout -n staging --replicas=5" in plan.explanation


def test_a_cancelled_plan_leaves_nothing_to_undo(engine: RulesEngine) -> None:
    # Planned and previewed, then cancelled: the gateway never recorded it.
    context = _after(engine, ConversationContext(), "scale checkout to 5 in staging")
    plan = engine.parse("undo that", context=context)
    assert plan.operations == ()
    assert plan.clarification is not None
    assert plan.clarification.question == NOTHING_TO_UNDO


def test_a_cancelled_plan_after_a_change_undoes_the_change_that_ran(engine: RulesEngine) -> None:
    context = _ran(engine, "scale checkout to 5 in staging")
    context = _after(engine, context, "restart deployment web in staging")  # then cancelled
    plan = engine.parse("undo that", context=context)
    assert plan.operations == (SCALE_BACK,)


def test_a_change_that_cannot_be_undone_says_why(engine: RulesEngine) -> None:
    context = _after(engine, ConversationContext(), "delete pod web-1 in staging")
    note = "That cannot be undone: a deleted object cannot be brought back."
    context = context.with_change(context.last_operations, (), note)
    plan = engine.parse("undo that", context=context)
    assert plan.operations == ()
    assert plan.clarification is not None and plan.clarification.question == note


def test_a_rollback_that_names_its_target_stays_a_rollout_undo(engine: RulesEngine) -> None:
    context = _ran(engine, "scale checkout to 5 in staging")
    for text in ("roll back deployment web", "rollback deployment web in shop"):
        plan = engine.parse(text, context=context)
        assert plan.operations[0].verb == "rollout.undo", text
        assert plan.operations[0].name == "web"
    assert undo_last_change("roll back deployment web", context, engine.catalogue) is None


def test_it_is_the_object_talked_about_unless_the_change_is(engine: RulesEngine) -> None:
    # Nothing ran: "roll it back" is about the deployment just shown.
    context = _after(engine, ConversationContext(), "show deployment frontend in prod")
    plan = engine.parse("roll it back", context=context)
    assert plan.kubectl == ("kubectl rollout undo deployment/frontend -n prod",)
    # After the change ran, "it" right after is the change.
    context = _ran(engine, "scale checkout to 5 in staging")
    assert engine.parse("roll it back", context=context).operations == (SCALE_BACK,)
    # But once another object was talked about, "it" is that object.
    context = _after(engine, context, "show deployment frontend in prod")
    plan = engine.parse("roll it back", context=context)
    assert plan.kubectl == ("kubectl rollout undo deployment/frontend -n prod",)


def test_the_recorded_change_round_trips_through_json_and_old_entries_still_load(
    engine: RulesEngine,
) -> None:
    context = _ran(engine, "scale checkout to 5 in staging")
    context = context.with_change(context.last_change, context.undo, "a note")
    again = ConversationContext.from_json(context.to_json())
    assert again == context
    assert again.undo == (SCALE_BACK,) and again.undo_note == "a note"
    # A context saved before changes were recorded: nothing ran yet.
    old = json.loads(context.to_json())
    for key in ("last_change", "undo", "undo_note"):
        del old[key]
    loaded = ConversationContext.from_json(json.dumps(old))
    assert (loaded.last_change, loaded.undo, loaded.undo_note) == ((), (), "")
    assert loaded.last_operations == context.last_operations


def test_a_new_plan_keeps_the_change_that_ran(engine: RulesEngine) -> None:
    context = _after(engine, _ran(engine, "scale checkout to 5 in staging"), "list pods")
    assert context.undo == (SCALE_BACK,)


def test_operations_from_the_executor_convert_back() -> None:
    message = operation_to_proto(SCALE_BACK)
    message.params["ratio"].double_value = 2.0
    converted = operation_from_proto(message)
    assert converted.params == {"replicas": 2, "current_replicas": 5, "ratio": 2}
    assert operation_from_proto(operation_to_proto(SCALE_BACK)) == SCALE_BACK


async def test_record_change_then_undo_that_through_the_service() -> None:
    store = InMemoryContextStore()
    service = IntentServicer(
        conversation_planner(RulesEngine(), store, "memory"),
        record_change=change_recorder(store, "memory"),
    )
    grpc_context: Any = None

    async def ask(text: str) -> common_pb2.Plan:
        reply = await service.Parse(
            intent_pb2.ParseRequest(text=text, conversation_id="c1"), grpc_context
        )
        return reply.plan

    scale = await ask("scale checkout to 5 in staging")
    assert (await ask("undo that")).clarification.question == NOTHING_TO_UNDO
    await service.RecordChange(
        intent_pb2.RecordChangeRequest(
            conversation_id="c1",
            tenant="acme",
            operations_ran=list(scale.operations),
            undo=[operation_to_proto(SCALE_BACK)],
        ),
        grpc_context,
    )
    undo = await ask("undo that")
    assert not undo.HasField("clarification")
    assert list(undo.kubectl) == [
        "kubectl scale deployment/checkout -n staging --replicas=2 --current-replicas=5"
    ]
    assert undo.risk == common_pb2.RISK_WRITE


def test_offline_conversations_take_every_change_as_run(engine: RulesEngine) -> None:
    line = json.dumps(
        {
            "id": "c",
            "turns": [
                {"query": "cordon node-4"},
                {"query": "undo that"},
                {"query": "scale web to 3 in shop"},
                {"query": "undo that"},
            ],
        }
    )
    turns = translate_line(engine, line)["turns"]
    assert turns[1]["kubectl"] == "kubectl uncordon node-4"
    # No cluster offline: the count before the scale is unknown, so it is not guessed.
    assert turns[3]["kubectl"] is None
    assert "not known" in turns[3]["clarification"]["question"]
