"""A conversation's context belongs to the tenant and user the gateway vouched for: the same
conversation id asked by anyone else starts from nothing and changes nothing."""

from __future__ import annotations

from typing import Any

from kubechat.callers import VerifiedCaller, reset_current_caller, set_current_caller
from kubechat.v1 import common_pb2, intent_pb2
from kubechat_nlp import InMemoryContextStore, RulesEngine
from kubechat_nlp.context import context_key
from kubechat_nlp.servicer import IntentServicer
from kubechat_nlp.wiring import change_recorder, conversation_planner

BOB = common_pb2.Principal(user="bob", tenant="acme", roles=["operator"])
GUS = common_pb2.Principal(user="gus", tenant="globex", roles=["operator"])
BOB_ELSEWHERE = common_pb2.Principal(user="bob", tenant="globex", roles=["operator"])


def service() -> IntentServicer:
    store = InMemoryContextStore()
    return IntentServicer(
        conversation_planner(RulesEngine(), store, "memory"),
        record_change=change_recorder(store, "memory"),
    )


async def parse_as(
    servicer: IntentServicer, principal: common_pb2.Principal, text: str
) -> common_pb2.Plan:
    token = set_current_caller(VerifiedCaller(principal, "assertion", "jti", ("nlp",)))
    grpc_context: Any = None
    try:
        reply = await servicer.Parse(
            intent_pb2.ParseRequest(text=text, conversation_id="c1", principal=principal),
            grpc_context,
        )
    finally:
        reset_current_caller(token)
    return reply.plan


async def test_another_users_conversation_id_neither_reads_nor_steers_the_context() -> None:
    servicer = service()
    await parse_as(servicer, BOB, "show deployment checkout in staging")
    for intruder in (GUS, BOB_ELSEWHERE):
        # Their "it" is not bob's checkout: nothing to point at in their own context.
        stolen = await parse_as(servicer, intruder, "scale it to 0")
        assert "checkout" not in " ".join(stolen.kubectl)
        # And what they said moved nothing in bob's conversation.
        await parse_as(servicer, intruder, "show deployment frontend in prod")
    mine = await parse_as(servicer, BOB, "scale it to 0")
    assert list(mine.kubectl) == ["kubectl scale deployment/checkout -n staging --replicas=0"]


def test_keys_separate_tenants_users_and_cannot_be_forged_with_separators() -> None:
    assert context_key("c1", BOB) != context_key("c1", GUS) != context_key("c1", BOB_ELSEWHERE)
    tricky = common_pb2.Principal(user="bob/c1", tenant="acme")
    assert context_key("x", tricky) != context_key("c1/x", BOB)
    assert context_key("c1", None) == "c1"  # KUBECHAT_INSECURE_INTERNAL only
