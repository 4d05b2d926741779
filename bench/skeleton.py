"""Ask round trip through the whole mesh: gateway → nlp → executor → cluster, with the
audit event published on JetStream.

Starts its own stack (NATS, Redis, five services) on free ports, against the cluster of
$KUBECONFIG if set, else a local test bed cluster. Prints p50/p95/p99 latency of sequential
asks, then the requests per second sustained by 50 concurrent clients.

    uv run python bench/skeleton.py [--requests 500] [--concurrency 50] [--seconds 15]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from kubechat.stats import percentile
from kubechat_devstack.stack import Ports, Stack


async def sequential(url: str, count: int, body: dict[str, str]) -> list[float]:
    timings: list[float] = []
    async with httpx.AsyncClient(timeout=30) as client:
        for _ in range(count):
            started = time.perf_counter()
            response = await client.post(url, json=body)
            response.raise_for_status()
            timings.append((time.perf_counter() - started) * 1000)
    return timings


async def concurrent(
    url: str, clients: int, seconds: float, body: dict[str, str]
) -> tuple[int, int, float]:
    ok = errors = 0
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal ok, errors
        while time.perf_counter() < deadline:
            try:
                response = await client.post(url, json=body)
            except httpx.HTTPError:
                errors += 1  # a dropped connection is an error to report, not a crash
                continue
            if response.status_code == 200:
                ok += 1
            else:
                errors += 1

    started = time.perf_counter()
    async with httpx.AsyncClient(timeout=60, limits=limits) as client:
        await asyncio.gather(*(worker(client) for _ in range(clients)))
    return ok, errors, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--text", default="list pods in dev")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="kubechat-bench-") as tmp:
        base = Path(tmp)
        kubeconfig_env = os.environ.get("KUBECONFIG")
        cluster = None
        if kubeconfig_env:
            kubeconfig = Path(kubeconfig_env)
        else:
            from kubechat_devstack import cluster as testbed

            cluster = testbed.start_cluster("bench", base / "clusters", nodes=2, with_seed=True)
            kubeconfig = cluster.kubeconfig("admin")
        stack = Stack(base_dir=base, ports=Ports.free(), kubeconfig=kubeconfig)
        try:
            stack.start_all()
            url = f"{stack.gateway_url}/api/v1/ask"
            body = {"text": args.text}
            asyncio.run(sequential(url, 20, body))  # warm-up: connections, caches
            timings = asyncio.run(sequential(url, args.requests, body))
            ok, errors, elapsed = asyncio.run(concurrent(url, args.concurrency, args.seconds, body))
        finally:
            stack.stop()
            if cluster is not None:
                cluster.stop()
    print(f"ask round trip ({args.text!r}), {args.requests} sequential requests:")
    print(
        f"  p50 {percentile(timings, 0.50):.1f} ms   p95 {percentile(timings, 0.95):.1f} ms"
        f"   p99 {percentile(timings, 0.99):.1f} ms   mean {statistics.mean(timings):.1f} ms"
    )
    print(f"{args.concurrency} concurrent clients for {elapsed:.1f}s:")
    print(f"  {ok / elapsed:.1f} requests/s   ok {ok}   errors {errors}")


if __name__ == "__main__":
    main()
