"""Parse latency and throughput of the nlp rules engine.

1. In process, on one core: every query of the dev set (or --file) --repeat times through a
   fresh RulesEngine (so the typo cache starts cold); p50/p95/p99 and queries per second.
2. The gRPC round trip, reported separately: the real `kubechat-nlp` service (with Redis for
   conversation context) on a free port, IntentService.Parse called sequentially and then
   by --concurrency callers.

3. The same dev-set parses with a 5,000-object cluster view, and a view refresh per
   identity (alice, bob, carol) on the test bed: API calls and ms (`--no-view-refresh` to
   skip the test bed).

    uv run python bench/nlp.py [--file ../shared/eval/nl2kubectl-dev.jsonl] [--repeat 20]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from pathlib import Path

from cluster_view import parse_with_view, refresh_cost  # bench/ sibling, run as a script

from kubechat.stats import percentile
from kubechat.v1 import common_pb2, intent_pb2, intent_pb2_grpc
from kubechat_devstack.service_identity import aio_channel_to
from kubechat_devstack.stack import Ports, Stack
from kubechat_nlp import ConversationContext, RulesEngine

DEV_SET = Path(__file__).resolve().parents[1].parent / "shared/eval/nl2kubectl-dev.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--file", type=Path, default=DEV_SET)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--grpc-calls", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument(
        "--view-refresh",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also start the test bed and time a cluster-view refresh per identity",
    )
    args = parser.parse_args()
    queries = [
        json.loads(line)["query"]
        for line in args.file.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    engine = RulesEngine()
    context = ConversationContext().after(engine.parse("describe deployment api in prod"))
    latencies: list[float] = []
    started = time.perf_counter()
    for _ in range(args.repeat):
        for query in queries:
            t0 = time.perf_counter()
            engine.parse(query, context=context)
            latencies.append((time.perf_counter() - t0) * 1000)
    elapsed = time.perf_counter() - started
    print(f"queries: {len(queries)} x {args.repeat} = {len(latencies)} parses (with context)")
    print(
        f"latency ms  p50 {percentile(latencies, 0.50):.3f}  p95 {percentile(latencies, 0.95):.3f}"
        f"  p99 {percentile(latencies, 0.99):.3f}  max {max(latencies):.3f}"
    )
    print(f"throughput  {len(latencies) / elapsed:.0f} queries/s on one core")
    # Side by side: the same parses with a live view of 5,000 objects (names resolved
    # against it), and what refreshing a view costs per identity on the test bed.
    parse_with_view(args.file)
    if args.view_refresh:
        refresh_cost(pods=0, repeat=5)
    grpc_round_trip(queries, args.grpc_calls, args.concurrency)


def grpc_round_trip(queries: list[str], calls: int, concurrency: int) -> None:
    with tempfile.TemporaryDirectory(prefix="kubechat-bench-nlp-") as tmp:
        stack = Stack(base_dir=Path(tmp), ports=Ports.free())
        try:
            stack.start_redis()
            stack.start_service("nlp")
            sequential, parallel, elapsed = asyncio.run(_calls(stack, queries, calls, concurrency))
        finally:
            stack.stop()
    print(f"gRPC Parse round trip, {len(sequential)} sequential calls (with Redis context):")
    print(
        f"latency ms  p50 {percentile(sequential, 0.50):.2f}  "
        f"p95 {percentile(sequential, 0.95):.2f}  p99 {percentile(sequential, 0.99):.2f}"
    )
    print(
        f"throughput  {parallel / elapsed:.0f} calls/s with {concurrency} concurrent callers "
        "(one nlp process)"
    )


# Parse acts for a user, vouched for by the gateway; no Kubernetes identity, so no view.
BENCH_USER = common_pb2.Principal(user="bench", tenant="bench", roles=["viewer"])


async def _calls(
    stack: Stack, queries: list[str], calls: int, concurrency: int
) -> tuple[list[float], int, float]:
    async with aio_channel_to(stack, "nlp", BENCH_USER) as channel:
        stub = intent_pb2_grpc.IntentServiceStub(channel)

        async def parse(index: int) -> None:
            request = intent_pb2.ParseRequest(
                text=queries[index % len(queries)], conversation_id=f"bench-{index % 50}"
            )
            await stub.Parse(request, timeout=10)

        for index in range(50):  # warm-up: connection, caches
            await parse(index)
        sequential: list[float] = []
        for index in range(calls):
            t0 = time.perf_counter()
            await parse(index)
            sequential.append((time.perf_counter() - t0) * 1000)

        done = 0
        deadline = time.perf_counter() + 10.0

        async def caller(offset: int) -> None:
            nonlocal done
            index = offset
            while time.perf_counter() < deadline:
                await parse(index)
                done += 1
                index += concurrency

        started = time.perf_counter()
        await asyncio.gather(*(caller(i) for i in range(concurrency)))
        return sequential, done, time.perf_counter() - started


if __name__ == "__main__":
    main()
