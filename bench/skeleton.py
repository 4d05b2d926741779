"""Ask round trip through the whole mesh: gateway → nlp → executor → cluster, with the
audit event published on JetStream.

Starts its own stack (NATS, Redis, five services) on free ports, against the cluster of
$KUBECONFIG if set, else a local test bed cluster. Prints p50/p95/p99 latency of sequential
asks, then the requests per second sustained by 50 concurrent clients.

The stack runs as everywhere: mutual TLS on every internal hop and a signed caller
assertion on every internal call. Beside it, a second stack runs without either
(KUBECHAT_INSECURE_INTERNAL, the baseline) against the same cluster, and the sequential asks
alternate between the two, so both see the same machine; the difference is what mTLS and
the assertions add per ask, printed as the median of per-round differences with its spread
(`--no-baseline` skips it). The cost of signing and verifying
one assertion in-process is printed too.

    uv run python bench/skeleton.py [--requests 600] [--concurrency 50] [--seconds 15]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from kubechat.callers import CallerVerifier, load_public_keys
from kubechat.stats import percentile
from kubechat.v1 import common_pb2
from kubechat_devstack import service_identity
from kubechat_devstack.stack import Ports, Stack

INSECURE = {"KUBECHAT_INSECURE_INTERNAL": "true"}
# The bench is one user asking as fast as it can: the per-user ask limit would cut it short.
UNLIMITED = {"KUBECHAT_RATE_LIMIT_ASKS": "100000000"}


async def sequential(url: str, count: int, body: dict[str, str]) -> list[float]:
    timings: list[float] = []
    async with httpx.AsyncClient(timeout=30) as client:
        for _ in range(count):
            started = time.perf_counter()
            response = await client.post(url, json=body)
            response.raise_for_status()
            timings.append((time.perf_counter() - started) * 1000)
    return timings


async def alternating(urls: list[str], count: int, body: dict[str, str]) -> list[list[float]]:
    """`count` asks to each URL, taking turns (the order flips every round, so neither side
    always goes first), so a busy moment of the machine costs both."""
    timings: list[list[float]] = [[] for _ in urls]
    async with httpx.AsyncClient(timeout=30) as client:
        for round_ in range(count):
            order = list(enumerate(urls))
            for index, url in order if round_ % 2 == 0 else reversed(order):
                started = time.perf_counter()
                response = await client.post(url, json=body)
                if response.status_code != 200:
                    raise SystemExit(f"{url}: {response.status_code} {response.text}")
                timings[index].append((time.perf_counter() - started) * 1000)
    return timings


def assertion_costs(base: Path, count: int = 2000) -> dict[str, float]:
    """Microseconds per assertion, in-process: minted and checked the first time (a new
    user, or every 30 s), and served from the signer's and verifiers' caches."""
    signer = service_identity.signer(base)
    keys = load_public_keys(service_identity.ensure_pki(base).public_key)
    verifier = CallerVerifier(keys, "executor")
    principals = [
        common_pb2.Principal(
            user=f"user{i}", tenant="acme", roles=["operator"], k8s_user=f"user{i}"
        )
        for i in range(count)
    ]
    costs: dict[str, float] = {}
    for label in ("first", "cached"):
        started = time.perf_counter()
        tokens = [signer.sign(p, ["nlp", "executor"]) for p in principals]
        signed = time.perf_counter()
        for token in tokens:
            verifier.verify(token)
        verified = time.perf_counter()
        costs[f"sign {label}"] = (signed - started) / count * 1e6
        costs[f"verify {label}"] = (verified - signed) / count * 1e6
    return costs


def paired_difference(secured: list[float], plain: list[float]) -> str:
    """The added cost per ask as the median of per-round differences (each round asks both
    stacks back to back), with the interquartile range and a bootstrap 95% interval of that
    median: steadier than a difference of two medians, which carries both sides' noise."""
    diffs = sorted(a - b for a, b in zip(secured, plain, strict=True))
    rng = random.Random(13)
    medians = sorted(statistics.median(rng.choices(diffs, k=len(diffs))) for _ in range(1000))
    return (
        f"median {statistics.median(diffs):+.2f} ms per ask "
        f"(IQR {percentile(diffs, 0.25):+.2f} .. {percentile(diffs, 0.75):+.2f} ms; "
        f"95% CI of the median {medians[25]:+.2f} .. {medians[974]:+.2f} ms; "
        f"{len(diffs)} pairs)"
    )


def line(label: str, timings: list[float]) -> str:
    return (
        f"  {label:<22} p50 {percentile(timings, 0.50):6.1f} ms   "
        f"p95 {percentile(timings, 0.95):6.1f} ms   p99 {percentile(timings, 0.99):6.1f} ms   "
        f"mean {statistics.mean(timings):6.1f} ms"
    )


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
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--text", default="list pods in dev")
    parser.add_argument(
        "--no-baseline",
        dest="baseline",
        action="store_false",
        help="only the secured stack (no side-by-side run without mTLS and assertions)",
    )
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
        stacks = {
            "mTLS + assertions": Stack(
                base_dir=base, ports=Ports.free(), kubeconfig=kubeconfig, extra_env=UNLIMITED
            )
        }
        if args.baseline:
            plain = base / "baseline"
            plain.mkdir()
            stacks["baseline (plaintext)"] = Stack(
                base_dir=plain,
                ports=Ports.free(),
                kubeconfig=kubeconfig,
                extra_env={**INSECURE, **UNLIMITED},
            )
        body = {"text": args.text}
        rates: dict[str, tuple[int, int, float]] = {}
        try:
            for stack in stacks.values():
                stack.start_all()
            urls = [f"{stack.gateway_url}/api/v1/ask" for stack in stacks.values()]
            asyncio.run(alternating(urls, 20, body))  # warm-up: connections, caches
            measured = asyncio.run(alternating(urls, args.requests, body))
            timings = dict(zip(stacks, measured, strict=True))
            for label, url in zip(stacks, urls, strict=True):
                rates[label] = asyncio.run(concurrent(url, args.concurrency, args.seconds, body))
            costs = assertion_costs(base)
        finally:
            for stack in stacks.values():
                stack.stop()
            if cluster is not None:
                cluster.stop()
    print(f"ask round trip ({args.text!r}), {args.requests} sequential requests each:")
    for label, each in timings.items():
        print(line(label, each))
    if args.baseline:
        secured, plain_timings = timings["mTLS + assertions"], timings["baseline (plaintext)"]
        added = percentile(secured, 0.50) - percentile(plain_timings, 0.50)
        print(f"  added by mTLS + caller assertions, difference of p50s: {added:+.2f} ms")
        paired = paired_difference(secured, plain_timings)
        print(f"  added by mTLS + caller assertions, paired: {paired}")
    print(
        "  one assertion (an ask makes 2 and checks 3): "
        + ", ".join(f"{label} {us:.0f} us" for label, us in costs.items())
    )
    for label, (ok, errors, elapsed) in rates.items():
        print(f"{args.concurrency} concurrent clients for {elapsed:.1f}s, {label}:")
        print(f"  {ok / elapsed:.1f} requests/s   ok {ok}   errors {errors}")


if __name__ == "__main__":
    main()
