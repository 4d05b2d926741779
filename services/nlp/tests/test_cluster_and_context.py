"""Cluster-aware name resolution and conversation follow-ups."""

from __future__ import annotations

import pytest

from kubechat_nlp import (
    ConversationContext,
    InMemoryClusterView,
    InMemoryContextStore,
    KindInfo,
    ResourceRef,
    RulesEngine,
)
from kubechat_nlp.config import NlpSettings
from kubechat_nlp.evaluation import equivalent

CLUSTER = InMemoryClusterView(
    {
        ("deployments", "shop"): ["checkout-api", "checkout-worker", "cart", "frontend"],
        ("statefulsets", "shop"): ["cart-db"],
        ("pods", "shop"): ["checkout-api-7d9f-x1", "cart-5c8-z2"],
        ("certificates", "shop"): ["shop-tls"],
    },
    kinds=[
        KindInfo(
            ResourceRef("cert-manager.io", "v1", "Certificate", "certificates"),
            ("cert", "certs"),
            ("certificate", "certificates"),
        )
    ],
)


@pytest.fixture(scope="module")
def engine() -> RulesEngine:
    return RulesEngine()


def test_unique_partial_name_resolves_to_the_live_object(engine: RulesEngine) -> None:
    plan = engine.parse("scale front to 3 in shop", cluster=CLUSTER)
    assert plan.clarification is None
    assert equivalent(plan.kubectl[0], "kubectl scale deployment/frontend --replicas=3 -n shop")


def test_several_matches_ask_with_choices(engine: RulesEngine) -> None:
    plan = engine.parse("scale cart to 2 in shop", cluster=CLUSTER)
    # `cart` is an exact deployment name, so it wins over the statefulset cart-db
    assert equivalent(plan.kubectl[0], "kubectl scale deployment/cart --replicas=2 -n shop")
    plan = engine.parse("restart checkout in shop", cluster=CLUSTER)
    assert plan.clarification is not None
    assert set(plan.clarification.choices) == {
        "deployment/checkout-api in shop",
        "deployment/checkout-worker in shop",
    }
    assert plan.operations == ()


def test_no_match_asks(engine: RulesEngine) -> None:
    plan = engine.parse("scale payments to 3 in shop", cluster=CLUSTER)
    assert plan.clarification is not None
    assert "payments" in plan.clarification.question


def test_without_a_cluster_names_are_literal(engine: RulesEngine) -> None:
    plan = engine.parse("scale checkout to 3 in shop")
    assert equivalent(plan.kubectl[0], "kubectl scale deployment/checkout --replicas=3 -n shop")


def test_crd_kinds_from_discovery(engine: RulesEngine) -> None:
    plan = engine.parse("list certificates in shop", cluster=CLUSTER)
    assert plan.kubectl == ("kubectl get certificates -n shop",)
    assert plan.operations[0].resource is not None
    assert plan.operations[0].resource.group == "cert-manager.io"
    assert engine.parse("list certificates in shop").clarification is not None


def _turns(engine: RulesEngine, *queries: str) -> list[tuple[str, ...]]:
    context = ConversationContext()
    out = []
    for q in queries:
        plan = engine.parse(q, context=context)
        out.append(plan.kubectl)
        context = context.after(plan)
    return out


def test_follow_ups_resolve_against_earlier_turns(engine: RulesEngine) -> None:
    got = _turns(
        engine,
        "describe deployment api in prod",
        "scale it to 3",
        "show its logs",
        "same in staging",
        "and in dev?",
    )
    assert equivalent(got[1][0], "kubectl scale deployment/api --replicas=3 -n prod")
    assert equivalent(got[2][0], "kubectl logs deployment/api -n prod")
    assert equivalent(got[3][0], "kubectl logs deployment/api -n staging")
    assert equivalent(got[4][0], "kubectl logs deployment/api -n dev")


def test_refinement_follow_ups(engine: RulesEngine) -> None:
    got = _turns(engine, "show events in prod", "only warnings", "what about services?")
    assert equivalent(got[1][0], "kubectl events -n prod --types=Warning")
    assert equivalent(got[2][0], "kubectl get services -n prod")


def test_context_round_trips_through_json(engine: RulesEngine) -> None:
    context = ConversationContext().after(engine.parse("scale deployment web to 2 in prod"))
    again = ConversationContext.from_json(context.to_json())
    assert again == context


async def test_in_memory_store_keeps_conversations_apart(engine: RulesEngine) -> None:
    store = InMemoryContextStore()
    await store.save("a", ConversationContext().after(engine.parse("show pods in prod")))
    assert (await store.load("a")).namespace == "prod"
    assert (await store.load("b")) == ConversationContext()


def test_status_follow_ups_and_selected_objects(engine: RulesEngine) -> None:
    turns = _turns(
        engine,
        "restart deployment api in dev",
        "how's that going",
        "show pods in shop with label app=web",
        "describe them",
    )
    assert equivalent(turns[1][0], "kubectl rollout status deployment api -n dev")
    assert equivalent(turns[3][0], "kubectl describe pods -l app=web -n shop")


def test_answers_and_follow_ups_in_everyday_words(engine: RulesEngine) -> None:
    asked = _turns(engine, "scale web in shop", "make it 3")
    assert equivalent(asked[1][0], "kubectl scale deployment web --replicas=3 -n shop")
    more = _turns(engine, "scale frontend to 2 in shop", "one more replica")
    assert equivalent(more[1][0], "kubectl scale deployment frontend --replicas=3 -n shop")
    details = _turns(engine, "show the logs of web-1 in namespace batch", "details?")
    assert equivalent(details[1][0], "kubectl describe pod web-1 -n batch")


def test_a_reading_only_the_model_gives_stays_below_the_hybrid_threshold(
    engine: RulesEngine,
) -> None:
    """With or without a cluster view, a guess leaves room for a configured model."""
    question = "could you give cart in shop some more headroom please"
    threshold = NlpSettings.model_fields["llm_confidence_threshold"].default
    for cluster in (None, CLUSTER):
        plan = engine.parse(question, cluster=cluster)
        assert plan.clarification is not None or plan.confidence < threshold, (cluster, plan)
