"""Cluster views: what a refresh costs per identity, and what a view costs the parser.

1. Refresh cost on the seeded test bed (optionally with --pods more pods in namespace
   `bench`): the executor's `gather` as alice (view in dev only), bob (edit in staging
   and prod) and carol (cluster-admin), through the impersonate-only kubeconfig. Cold
   (discovery not cached yet) once, then warm --repeat times: API calls, p50/p95 ms,
   objects and bytes of the view.
2. Parsing with a view: a synthetic InMemoryClusterView of 5,000 objects (50 namespaces x
   deployments, their pods and services) and `RulesEngine().parse(q, cluster=view)` over
   the dev set; p50/p95/p99, next to the same queries without a view. Plus what nlp pays
   when a view's version changed: decoding the executor's message into the view.

    uv run python bench/cluster_view.py [--pods 0] [--repeat 20] [--file DEV_SET]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import tempfile
import time
from pathlib import Path

from kubechat.stats import percentile
from kubechat.v1 import common_pb2, executor_pb2
from kubechat_devstack.cluster import start_cluster
from kubechat_executor.discovery import Discovery
from kubechat_executor.kube import Identity, load_cluster
from kubechat_executor.view import gather
from kubechat_nlp import InMemoryClusterView, RulesEngine
from kubechat_nlp.cluster import LiveObject
from kubechat_nlp.cluster_views import view_from_proto

BENCH = Path(__file__).resolve().parent
DEV_SET = BENCH.parents[1] / "shared/eval/nl2kubectl-dev.jsonl"
PERSONAS = {
    "alice": Identity("alice", ("kubechat:viewers-dev",)),
    "bob": Identity("bob", ("kubechat:operators",)),
    "carol": Identity("carol", ("kubechat:admins",)),
}
NAMESPACES = ("dev", "staging", "prod", "payments", "bench")
APPS = ("frontend", "checkout", "search", "payments-api", "payments-worker", "cart", "auth")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pods", type=int, default=0, help="extra pods in namespace bench")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--file", type=Path, default=DEV_SET)
    args = parser.parse_args()
    refresh_cost(args.pods, args.repeat)
    parse_with_view(args.file)


def refresh_cost(pods: int, repeat: int) -> None:
    with tempfile.TemporaryDirectory(prefix="kubechat-bench-view-") as tmp:
        handle = start_cluster("bench-view", Path(tmp), nodes=3, build=False)
        try:
            if pods:
                spec = importlib.util.spec_from_file_location(
                    "bench_executor", BENCH / "executor.py"
                )
                assert spec is not None and spec.loader is not None
                executor_bench = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(executor_bench)
                took = executor_bench.fill(handle.api_client("admin"), pods)
                print(f"{pods} extra pods running in {took:.0f} s")
            cluster = load_cluster("bench", handle.kubeconfig("executor"))
            print("\nview refresh, seeded test bed, as the user (impersonated):")
            print(
                f"{'identity':8} {'calls':>5} {'cold ms':>8} {'p50 ms':>7} {'p95 ms':>7}"
                f" {'objects':>7} {'namespaces':>10} {'KiB':>6}"
            )
            for name, identity in PERSONAS.items():
                cold_started = time.perf_counter()
                cold = gather(cluster, identity, Discovery(), NAMESPACES)
                cold_ms = (time.perf_counter() - cold_started) * 1000
                discovery = Discovery()
                discovery.resources(cluster)
                timings: list[float] = []
                for _ in range(repeat):
                    started = time.perf_counter()
                    warm = gather(cluster, identity, discovery, NAMESPACES)
                    timings.append((time.perf_counter() - started) * 1000)
                view = warm.view
                print(
                    f"{name:8} {warm.api_calls:5d} {cold_ms:8.1f} {percentile(timings, 0.5):7.1f}"
                    f" {percentile(timings, 0.95):7.1f} {len(view.objects):7d}"
                    f" {len(view.namespaces):10d} {view.ByteSize() / 1024:6.1f}"
                )
                assert cold.api_calls == warm.api_calls + 2  # discovery: /api and /apis
        finally:
            handle.stop()


def synthetic_view(namespaces: int = 50, apps: int = 25) -> InMemoryClusterView:
    """5,000 objects by default: per namespace `apps` deployments, 2 pods each, a service
    each."""
    objects: list[LiveObject] = []
    for n in range(namespaces):
        namespace = NAMESPACES[n] if n < 4 else f"team-{n:02d}"
        for a in range(apps):
            app = APPS[a] if a < len(APPS) else f"svc-{a:02d}"
            labels = {"app": app, "tier": "web" if a % 2 else "backend"}
            objects.append(LiveObject("deployments", namespace, app, labels=labels))
            objects.append(LiveObject("services", namespace, app, labels=labels))
            for replica in range(2):
                objects.append(
                    LiveObject(
                        "pods",
                        namespace,
                        f"{app}-7d9f8c-{replica:05x}",
                        owner=("deployments", app),
                        containers=(app, "istio-proxy"),
                        labels=labels,
                    )
                )
    return InMemoryClusterView(objects)


def to_proto(view: InMemoryClusterView) -> executor_pb2.ClusterView:
    message = executor_pb2.ClusterView(namespaces=list(view.namespaces()))
    message.kinds.add(resource=common_pb2.ResourceRef(version="v1", kind="Pod", plural="pods"))
    for o in view.objects():
        item = message.objects.add(plural=o.plural, namespace=o.namespace or "", name=o.name)
        item.containers.extend(o.containers)
        item.labels.update(o.labels)
        if o.owner:
            item.owner_plural, item.owner_name = o.owner
    return message


def parse_with_view(path: Path) -> None:
    queries = [
        json.loads(line)["query"]
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    view = synthetic_view()
    print(f"\nparse, {len(queries)} dev-set queries x 3, one core:")
    for label, cluster in (("no view", None), (f"{len(view.objects())} objects", view)):
        engine = RulesEngine()
        for query in queries:  # warm-up: caches of the engine, not of the view
            engine.parse(query, cluster=cluster)
        timings: list[float] = []
        for _ in range(3):
            for query in queries:
                started = time.perf_counter()
                engine.parse(query, cluster=cluster)
                timings.append((time.perf_counter() - started) * 1000)
        print(
            f"  {label:14} p50 {percentile(timings, 0.5):.3f} ms  p95 "
            f"{percentile(timings, 0.95):.3f} ms  p99 {percentile(timings, 0.99):.3f} ms"
        )
    message = to_proto(view)
    payload = message.SerializeToString()
    decode: list[float] = []
    for _ in range(10):
        started = time.perf_counter()
        view_from_proto(executor_pb2.ClusterView.FromString(payload))
        decode.append((time.perf_counter() - started) * 1000)
    print(
        f"  a changed view of {len(message.objects)} objects ({len(payload) / 1024:.0f} KiB)"
        f" decoded by nlp in p50 {percentile(decode, 0.5):.1f} ms"
    )


if __name__ == "__main__":
    main()
