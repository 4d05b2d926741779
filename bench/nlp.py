"""Parse latency and throughput of the nlp rules engine, in process, on one core.

Runs every query of the dev set (or --file) --repeat times through a fresh RulesEngine
(so the typo cache starts cold) and prints p50/p95/p99 per query and queries per second.
No cluster, no network.

    uv run python bench/nlp.py [--file /work/shared/eval/nl2kubectl-dev.jsonl] [--repeat 20]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from kubechat_nlp import ConversationContext, RulesEngine


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--file", type=Path, default=Path("/work/shared/eval/nl2kubectl-dev.jsonl"))
    parser.add_argument("--repeat", type=int, default=20)
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


if __name__ == "__main__":
    main()
