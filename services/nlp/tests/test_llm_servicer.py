"""IntentService with the hybrid engine: fallback visible on the Plan message, Diagnose and
GetModelMetrics, against a fake endpoint that is down."""

from __future__ import annotations

from typing import Any

from kubechat.v1 import intent_pb2
from kubechat_nlp.context import InMemoryContextStore
from kubechat_nlp.llm import HybridEngine, ModelConfig, ModelRegistry, ModelsFile, TenantModels
from kubechat_nlp.servicer import IntentServicer
from kubechat_nlp.wiring import conversation_planner

DOWN = "http://127.0.0.1:9/v1"  # the discard port: nothing listens, connection refused


def servicer() -> IntentServicer:
    config = ModelConfig(name="m", base_url=DOWN, model="m", max_retries=0)
    engine = HybridEngine(
        ModelRegistry(ModelsFile(models=(config,), tenants={"acme": TenantModels(model="m")}))
    )
    planner = conversation_planner(engine, InMemoryContextStore(), "memory")
    return IntentServicer(planner, "hybrid", diagnoser=engine, metrics=engine.metrics)


async def test_fallback_is_visible_on_the_plan_and_in_the_metrics() -> None:
    svc = servicer()
    context: Any = None
    request = intent_pb2.ParseRequest(
        text="memory footprint of checkout in prod", conversation_id="c1"
    )
    request.principal.tenant = "acme"
    reply = await svc.Parse(request, context)
    assert reply.plan.engine == "rules (llm unavailable)"
    assert reply.plan.fallback == "llm unavailable"
    other = intent_pb2.ParseRequest(text="memory footprint of checkout in prod")
    other.principal.tenant = "nobody"
    assert (await svc.Parse(other, context)).plan.engine == "rules"
    metrics = await svc.GetModelMetrics(intent_pb2.GetModelMetricsRequest(), context)
    assert [(m.model, m.fallbacks, m.errors) for m in metrics.models] == [("m", 1, 1)]


async def test_diagnose_without_a_reachable_model_says_so() -> None:
    request = intent_pb2.DiagnoseRequest(question="why is checkout crashing?")
    request.evidence.add(kubectl="kubectl logs deployment/checkout", output="panic: boom")
    request.principal.tenant = "acme"
    reply = await servicer().Diagnose(request, None)  # type: ignore[arg-type]
    assert reply.engine == "rules (llm unavailable)" and "unavailable" in reply.summary
