"""Two registered clusters: listing with health, a cross-cluster comparison, production
policy with a second approver, and a health change published on NATS when one stops."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import grpc
import pytest
from kubernetes import client

from kubechat.v1 import executor_pb2
from kubechat_devstack.cluster import ClusterHandle, start_cluster
from kubechat_devstack.pytest_plugin import require_binaries
from tests.e2e.executor_support import (
    BOB,
    CAROL,
    CONFIGMAPS,
    DEPLOYMENTS,
    Executor,
    SubjectWatcher,
    audit_events,
    embedded_kubeconfig,
    op,
    running_executor,
)


@pytest.fixture(scope="module")
def clusters(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, ClusterHandle]]:
    require_binaries()
    base = tmp_path_factory.mktemp("two-clusters")
    started: dict[str, ClusterHandle] = {}
    # Side by side: each start mostly waits on its own processes' readiness.
    with ThreadPoolExecutor(max_workers=2) as pool:
        starting = {
            name: pool.submit(start_cluster, name, base, nodes=1, build=False)
            for name in ("mc-staging", "mc-prod")
        }
        try:
            for name, future in starting.items():
                started[name] = future.result()
            yield started
        finally:
            for future in starting.values():
                with contextlib.suppress(Exception):
                    future.result().stop()


@pytest.fixture(scope="module")
def executor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Executor]:
    env = {"KUBECHAT_HEALTH_USER": "carol", "KUBECHAT_HEALTH_INTERVAL": "1"}
    # No default cluster at all: every cluster is a registered one.
    with running_executor(tmp_path_factory.mktemp("executor-mc"), None, env) as running:
        yield running


@pytest.fixture(scope="module")
def registered(
    executor: Executor, clusters: dict[str, ClusterHandle]
) -> dict[str, executor_pb2.Cluster]:
    staging, prod = clusters["mc-staging"], clusters["mc-prod"]
    from_kubeconfig = executor.stub.RegisterCluster(
        executor_pb2.RegisterClusterRequest(
            name="staging",
            labels={"environment": "staging"},
            kubeconfig=embedded_kubeconfig(staging),
        )
    )
    from_server = executor.stub.RegisterCluster(
        executor_pb2.RegisterClusterRequest(
            name="prod",
            labels={"environment": "production"},
            server=executor_pb2.ServerCredentials(
                server=prod.server, ca_pem=prod.ca_file.read_text(), token=prod.tokens["executor"]
            ),
        )
    )
    return {"staging": from_kubeconfig, "prod": from_server}


def test_both_clusters_are_listed_with_their_health(
    executor: Executor, registered: dict[str, executor_pb2.Cluster]
) -> None:
    listed = executor.stub.ListClusters(executor_pb2.ListClustersRequest())
    by_name = {c.name: c for c in listed.clusters}
    assert set(by_name) == {"staging", "prod"}
    for cluster in by_name.values():
        assert cluster.health.reachable and cluster.health.version.startswith("v1.37")
        assert (cluster.health.nodes_ready, cluster.health.nodes_total) == (1, 1)
    assert by_name["prod"].labels["environment"] == "production"
    assert by_name["prod"].id != by_name["staging"].id


def test_compare_an_image_across_clusters(
    executor: Executor,
    registered: dict[str, executor_pb2.Cluster],
    clusters: dict[str, ClusterHandle],
) -> None:
    prod_admin: Any = client.AppsV1Api(clusters["mc-prod"].api_client("admin"))
    prod_admin.patch_namespaced_deployment(
        "checkout",
        "prod",
        {
            "spec": {
                "template": {
                    "spec": {
                        "containers": [
                            {
                                "name": "checkout",
                                "image": "registry.example.com/shop/checkout:2.5.0",
                            }
                        ]
                    }
                }
            }
        },
    )
    ids = (registered["staging"].id, registered["prod"].id)
    response = executor.execute(
        [op("get", DEPLOYMENTS, namespace="prod", name="checkout", output="wide")],
        BOB,
        cluster_ids=ids,
    )
    comparison = [r for r in response.results if r.cluster_id == "*"]
    assert len(comparison) == 1
    table = comparison[0].table
    names = [c.name for c in table.columns]
    assert names[0] == "Cluster"
    images = {row.cells[0]: row.cells[names.index("Images")] for row in table.rows}
    assert images == {
        ids[0]: "registry.example.com/shop/checkout:2.4.1",
        ids[1]: "registry.example.com/shop/checkout:2.5.0",
    }
    with pytest.raises(grpc.RpcError, match="bound to one cluster"):
        executor.execute(
            [op("scale", DEPLOYMENTS, namespace="prod", name="checkout", replicas=1)],
            BOB,
            cluster_ids=ids,
        )


def test_a_destructive_change_in_production_needs_a_second_approver(
    executor: Executor,
    registered: dict[str, executor_pb2.Cluster],
    clusters: dict[str, ClusterHandle],
) -> None:
    prod = registered["prod"].id
    delete = [op("delete", CONFIGMAPS, namespace="prod", name="search-config")]
    preview = executor.preview(delete, BOB, cluster_id=prod)
    assert preview.policy.second_approver and preview.policy.rollback_on_failure
    token = preview.confirmation_token
    with pytest.raises(grpc.RpcError, match="second person"):
        executor.execute(delete, BOB, token=token, cluster_id=prod)
    with pytest.raises(grpc.RpcError, match="someone other than the requester"):
        executor.stub.Approve(executor_pb2.ApproveRequest(confirmation_token=token, approver=BOB))
    executor.stub.Approve(executor_pb2.ApproveRequest(confirmation_token=token, approver=CAROL))
    done = executor.execute(delete, BOB, token=token, cluster_id=prod)
    assert done.results[0].verification.outcome == executor_pb2.VERIFICATION_OUTCOME_VERIFIED
    core: Any = client.CoreV1Api(clusters["mc-prod"].api_client("admin"))
    assert "search-config" not in [
        c.metadata.name for c in core.list_namespaced_config_map("prod").items
    ]
    # A plan previewed for one cluster never lands on another.
    again = executor.preview(
        [op("delete", CONFIGMAPS, namespace="prod", name="frontend-config")],
        BOB,
        cluster_id=registered["staging"].id,
    )
    with pytest.raises(grpc.RpcError, match="is for cluster"):
        executor.execute(
            [op("delete", CONFIGMAPS, namespace="prod", name="frontend-config")],
            BOB,
            token=again.confirmation_token,
            cluster_id=prod,
        )


def test_stopping_a_cluster_publishes_a_health_change(
    executor: Executor,
    registered: dict[str, executor_pb2.Cluster],
    clusters: dict[str, ClusterHandle],
    tmp_path: Path,
) -> None:
    prod = registered["prod"].id
    watcher = SubjectWatcher(
        executor.stack.nats_url_as("operator"),
        f"kubechat.clusters.v1.health.{prod}",
        tls=executor.stack.nats_tls(),
    )
    try:
        clusters["mc-prod"].stop()
        deadline = time.monotonic() + 60
        while not any(not m["reachable"] for m in watcher.messages):
            assert time.monotonic() < deadline, watcher.messages
            time.sleep(0.2)
    finally:
        watcher.close()
    change = next(m for m in watcher.messages if not m["reachable"])
    assert change["cluster_id"] == prod and change["previous"]["reachable"] is True
    assert "unreachable" in change["error"]
    listed = {
        c.name: c for c in executor.stub.ListClusters(executor_pb2.ListClustersRequest()).clusters
    }
    assert not listed["prod"].health.reachable and listed["staging"].health.reachable
    audited = [
        e
        for e in audit_events(
            executor.stack.nats_url_as("operator"),
            "kubechat.audit.v1.*.cluster_health",
            tls=executor.stack.nats_tls(),
        )
        if e["cluster_id"] == prod
    ]
    assert audited[-1]["outcome"] == "unreachable"
    unreachable = executor.execute(
        [op("get", DEPLOYMENTS, namespace="prod")], BOB, cluster_id=prod
    ).results[0]
    assert not unreachable.ok and unreachable.error.code == "unavailable"
