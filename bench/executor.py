"""Executor: Execute(get pods) on a namespace with 2,000 pods, through gRPC, as a user.

Starts a test bed cluster (one KWOK node with room for the pods, no seed data), a 2,000
replica Deployment, NATS, Redis and the executor (impersonate-only kubeconfig, calls made
as carol). Prints p50/p95 of sequential Execute calls for the first page (the default 500
rows, kubectl's chunk size) and for all 2,000 rows in one response, then the throughput of
100 concurrent callers.

    uv run python bench/executor.py [--pods 2000] [--requests 50] [--concurrency 100]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import grpc
from kubernetes import client

from kubechat.stats import percentile
from kubechat.v1 import common_pb2, executor_pb2, executor_pb2_grpc
from kubechat_devstack.cluster import NODE_ANNOTATION, start_cluster
from kubechat_devstack.service_identity import aio_channel_to
from kubechat_devstack.stack import Ports, Stack

NAMESPACE = "bench"
CAROL = common_pb2.Principal(user="carol", k8s_user="carol", k8s_groups=["kubechat:admins"])
PODS = common_pb2.ResourceRef(version="v1", kind="Pod", plural="pods", namespaced=True)


def big_node(pods: int) -> dict[str, Any]:
    capacity = {"cpu": "1000", "memory": "4Ti", "pods": str(pods + 100)}
    return {
        "apiVersion": "v1",
        "kind": "Node",
        "metadata": {
            "name": "kwok-bench-big",
            "annotations": {NODE_ANNOTATION: "fake"},
            "labels": {"type": "kwok", "kubernetes.io/hostname": "kwok-bench-big"},
        },
        "status": {"allocatable": capacity, "capacity": capacity},
    }


def fill(api: client.ApiClient, pods: int) -> float:
    started = time.perf_counter()
    core: Any = client.CoreV1Api(api)
    core.create_node(big_node(pods))
    core.create_namespace({"metadata": {"name": NAMESPACE}})
    while True:
        try:
            core.read_namespaced_service_account("default", NAMESPACE)
            break
        except client.ApiException:
            time.sleep(0.2)
    labels = {"app": "bench"}
    client.AppsV1Api(api).create_namespaced_deployment(
        NAMESPACE,
        {  # type: ignore[arg-type]
            "metadata": {"name": "bench"},
            "spec": {
                "replicas": pods,
                "selector": {"matchLabels": labels},
                "template": {
                    "metadata": {"labels": labels},
                    "spec": {"containers": [{"name": "c", "image": "bench:1"}]},
                },
            },
        },
    )
    while True:
        running = 0
        listed = 0
        cont = None
        while True:
            page = core.list_namespaced_pod(NAMESPACE, limit=1000, _continue=cont)
            listed += len(page.items)
            running += sum(1 for p in page.items if p.status.phase == "Running")
            cont = page.metadata._continue
            if not cont:
                break
        print(f"  pods: {listed} created, {running} running", flush=True)
        if running >= pods:
            return time.perf_counter() - started
        time.sleep(3)


def request(limit: int, user: str = "") -> executor_pb2.ExecuteRequest:
    operation = common_pb2.Operation(verb="get", resource=PODS, namespace=NAMESPACE)
    operation.params["limit"].int_value = limit
    principal = CAROL
    if user:
        # Another user in carol's group: same rights, but not the same request, so the
        # executor cannot share one API call between callers.
        principal = common_pb2.Principal(user=user, k8s_user=user, k8s_groups=["kubechat:admins"])
    return executor_pb2.ExecuteRequest(
        plan=common_pb2.Plan(operations=[operation]), principal=principal
    )


async def sequential(stub: Any, limit: int, count: int) -> tuple[list[float], int]:
    timings, rows = [], 0
    for _ in range(count):
        started = time.perf_counter()
        response = await stub.Execute(request(limit), timeout=120)
        timings.append((time.perf_counter() - started) * 1000)
        rows = len(response.results[0].table.rows)
        assert response.results[0].ok, response.results[0].error
    return timings, rows


async def concurrent(
    stub: Any, limit: int, callers: int, seconds: float, distinct: bool
) -> tuple[int, int, float, list[float]]:
    deadline = time.perf_counter() + seconds
    done = failed = 0
    latencies: list[float] = []

    async def caller(number: int) -> None:
        nonlocal done, failed
        user = f"bench-user-{number}" if distinct else ""
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                response = await stub.Execute(request(limit, user), timeout=300)
            except grpc.aio.AioRpcError as exc:
                failed += 1
                print(f"  call failed: {exc.code().name} {exc.details()}")
                continue
            latencies.append((time.perf_counter() - started) * 1000)
            if response.results[0].ok:
                done += 1
            else:
                failed += 1
                if failed == 1:
                    print(f"  first failure: {response.results[0].error.message}")

    started = time.perf_counter()
    await asyncio.gather(*(caller(n) for n in range(callers)))
    return done, failed, time.perf_counter() - started, latencies


def direct(api: client.ApiClient, limit: int, count: int) -> list[float]:
    """The same Table request straight to the API server (no executor), for comparison."""
    timings = []
    url = f"{api.configuration.host}/api/v1/namespaces/{NAMESPACE}/pods"
    headers = {
        "Accept": "application/json;as=Table;v=v1;g=meta.k8s.io,application/json",
        "Authorization": api.configuration.auth_settings()["BearerToken"]["value"],
    }
    for _ in range(count):
        started = time.perf_counter()
        response = api.rest_client.pool_manager.request(
            "GET", f"{url}?includeObject=Object&limit={limit}", headers=headers
        )
        json.loads(response.data)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


async def measure(stack: Stack, args: argparse.Namespace) -> None:
    # As the gateway calls it: mutual TLS and a signed assertion for each request's user.
    async with aio_channel_to(stack, "executor") as chan:
        stub = executor_pb2_grpc.ExecutorServiceStub(chan)
        await sequential(stub, 500, 3)  # warm-up: discovery, connection pool
        for limit, label in ((500, "first page (500 rows)"), (args.pods, "all rows")):
            timings, rows = await sequential(stub, limit, args.requests)
            print(
                f"Execute get pods, {label}: {rows} rows, n={len(timings)}  "
                f"p50 {statistics.median(timings):.1f} ms  p95 {percentile(timings, 0.95):.1f}"
                f" ms  max {max(timings):.1f} ms"
            )
        for limit, distinct, label in (
            (500, False, "first page, same user (identical reads share one API call)"),
            (500, True, "first page, 100 different users"),
            (args.pods, False, "all rows, same user"),
        ):
            done, failed, elapsed, latencies = await concurrent(
                stub, limit, args.concurrency, args.seconds, distinct
            )
            print(
                f"{args.concurrency} concurrent callers, {label}: {done} ok + {failed} failed "
                f"in {elapsed:.1f} s = {done / elapsed:.1f} calls/s "
                f"({done * min(limit, args.pods) / elapsed:.0f} rows/s), latency p50 "
                f"{statistics.median(latencies or [0]):.0f} ms "
                f"p95 {percentile(latencies or [0], 0.95):.0f} ms"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pods", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--concurrency", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="kubechat-bench-executor-"))
    print(f"starting a test bed cluster under {base}", flush=True)
    handle = start_cluster("bench", base, nodes=1, with_seed=False, build=False)
    stack = Stack(
        base_dir=base / "stack",
        ports=Ports.free(),
        kubeconfig=handle.kubeconfig("executor"),
        extra_env={
            "KUBECHAT_DATABASE_URL": f"sqlite:///{base / 'executor.db'}",
            "KUBECHAT_LOG_LEVEL": "WARNING",
        },
    )
    try:
        admin = handle.api_client("admin")
        took = fill(admin, args.pods)
        print(f"{args.pods} pods running after {took:.0f} s", flush=True)
        for limit in (500, args.pods):
            timings = direct(admin, limit, 20)
            print(
                f"API server alone (Table, {limit} rows, admin, JSON parsed): p50 "
                f"{statistics.median(timings):.1f} ms p95 {percentile(timings, 0.95):.1f} ms"
            )
        stack.start_nats()
        stack.start_redis()
        stack.start_service("executor")
        asyncio.run(measure(stack, args))
    finally:
        stack.stop()
        handle.stop()


if __name__ == "__main__":
    main()
