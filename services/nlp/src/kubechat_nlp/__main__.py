"""`kubechat-nlp`: natural language to typed Kubernetes operations.

kubechat-nlp              serve gRPC IntentService
kubechat-nlp translate    JSON Lines {"id","query"} or {"id","turns":[{"query"},…]} on stdin →
                          {"id","kubectl",...} or {"id","turns":[{"kubectl",...},…]} on stdout
kubechat-nlp metrics      print the running service's per-model LLM metrics
"""

from __future__ import annotations

import sys

from grpc import aio

from kubechat import grpc as kc_grpc
from kubechat.caller_channels import ForwardingInterceptor
from kubechat.grpc import run_server
from kubechat.mtls import load_security
from kubechat.service import build_parser, load_settings, run_service
from kubechat.v1 import intent_pb2_grpc
from kubechat_nlp.config import NlpSettings
from kubechat_nlp.llm.hybrid import HybridEngine
from kubechat_nlp.servicer import IntentServicer
from kubechat_nlp.wiring import (
    context_store_for_settings,
    engine_for_settings,
    plan_for_settings,
    recorder_for_settings,
    views_for_settings,
)


async def serve(settings: NlpSettings) -> None:
    security = load_security("nlp", settings)
    engine = engine_for_settings(settings)
    hybrid = engine if isinstance(engine, HybridEngine) else None
    # nlp cannot sign for anyone: views are asked for with the assertion the gateway sent
    # with the parse (addressed to nlp and the executor; kubechat.caller_channels).
    executor = (
        kc_grpc.channel(settings.executor_address, security, [ForwardingInterceptor()])
        if settings.executor_address
        else None
    )
    views = views_for_settings(settings, executor) if executor is not None else None
    store = context_store_for_settings(settings)
    servicer = IntentServicer(
        plan_for_settings(settings, engine, views, store),
        settings.engine,
        diagnoser=hybrid,
        metrics=hybrid.metrics if hybrid else None,
        record_change=recorder_for_settings(settings, store),
    )

    def register(server: aio.Server) -> None:
        intent_pb2_grpc.add_IntentServiceServicer_to_server(servicer, server)

    try:
        await run_server(
            settings.grpc_address, [register], ["kubechat.v1.IntentService"], security=security
        )
    finally:
        if executor is not None:
            await executor.close()


def print_metrics(address: str) -> int:
    import asyncio

    from kubechat.v1 import intent_pb2
    from kubechat_nlp.llm.metrics import format_metrics

    # The command speaks to the service as nlp itself, with the service's own certificate.
    security = load_security("nlp", load_settings(NlpSettings))

    async def fetch() -> intent_pb2.GetModelMetricsResponse:
        async with kc_grpc.channel(address, security) as channel:
            stub = intent_pb2_grpc.IntentServiceStub(channel)
            reply: intent_pb2.GetModelMetricsResponse = await stub.GetModelMetrics(
                intent_pb2.GetModelMetricsRequest(), timeout=5
            )
            return reply

    response = asyncio.run(fetch())
    snapshot: dict[str, dict[str, float | int]] = {
        m.model: {
            "requests": m.requests,
            "error_rate": round(m.error_rate, 4),
            "fallbacks": m.fallbacks,
            "invalid_outputs": m.invalid_outputs,
            "latency_p50_ms": round(m.latency_p50_ms, 1),
            "latency_p95_ms": round(m.latency_p95_ms, 1),
            "prompt_tokens": m.prompt_tokens,
            "completion_tokens": m.completion_tokens,
            "cost_usd": round(m.cost_usd, 6),
        }
        for m in response.models
    }
    print(format_metrics(snapshot))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser("nlp", __doc__ or "", NlpSettings)
    commands = parser.add_subparsers(dest="command")
    commands.add_parser(
        "translate",
        help="translate JSON Lines queries or whole conversations offline (no cluster, no network)",
    )
    metrics = commands.add_parser("metrics", help="print per-model LLM metrics of a service")
    metrics.add_argument("--address", default="127.0.0.1:7101", help="the service's gRPC address")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if args.command == "translate":
        from kubechat_nlp.cli_translate import run_translate

        return run_translate(sys.stdin, sys.stdout)
    if args.command == "metrics":
        return print_metrics(args.address)
    return run_service("nlp", load_settings(NlpSettings), serve)


if __name__ == "__main__":
    sys.exit(main())
