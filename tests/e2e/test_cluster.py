"""The Kubernetes test bed itself: a real control plane with KWOK nodes behaves like a cluster.

Uses the session-wide `kube_cluster` fixture (kubechat_devstack.pytest_plugin): one seeded
cluster for all tests here. Tests that change state work in their own namespaces.
"""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from kubernetes import client

from kubechat_devstack.cluster import ClusterHandle
from kubechat_devstack.processes import pid_alive
from kubechat_devstack.seed import LOG_LINES

pytestmark = pytest.mark.e2e

T = TypeVar("T")
ClientFor = Callable[[str], client.ApiClient]


def core_api(api: client.ApiClient) -> Any:
    # The generated models type every field Optional; tests assert on shapes, so use Any.
    return client.CoreV1Api(api)


def apps_api(api: client.ApiClient) -> Any:
    return client.AppsV1Api(api)


def wait_for(check: Callable[[], T | None], timeout: float = 60.0, what: str = "") -> T:
    """Poll `check` until it returns something truthy; never a fixed sleep."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what or check}")
        time.sleep(0.2)


def running_pods(core: Any, namespace: str, app: str) -> list[Any]:
    pods = core.list_namespaced_pod(namespace, label_selector=f"app={app}").items
    return [
        p for p in pods if p.status.phase == "Running" and p.metadata.deletion_timestamp is None
    ]


def make_namespace(api: client.ApiClient, name: str) -> None:
    core = core_api(api)
    core.create_namespace({"metadata": {"name": name}})
    wait_for(
        lambda: _exists(lambda: core.read_namespaced_service_account("default", name)),
        what=f"default ServiceAccount in {name}",
    )


def _exists(read: Callable[[], Any]) -> bool:
    try:
        read()
    except client.ApiException as exc:
        if exc.status == 404:
            return False
        raise
    return True


def small_deployment(name: str, replicas: int) -> dict[str, Any]:
    return {
        "metadata": {"name": name},
        "spec": {
            "replicas": replicas,
            "selector": {"matchLabels": {"app": name}},
            "template": {
                "metadata": {"labels": {"app": name}},
                "spec": {"containers": [{"name": name, "image": "example.com/app:1"}]},
            },
        },
    }


def test_seeded_pods_run_on_kwok_nodes(kube_client: ClientFor) -> None:
    api = kube_client("admin")
    core, apps = core_api(api), apps_api(api)
    nodes = {n.metadata.name for n in core.list_node(label_selector="type=kwok").items}
    assert len(nodes) == 3
    replica_sets = apps.list_namespaced_replica_set("prod", label_selector="app=checkout").items
    assert len(replica_sets) == 1
    pods = running_pods(core, "prod", "checkout")
    assert len(pods) == 3
    assert {p.spec.node_name for p in pods} <= nodes
    assert all(p.status.pod_ip for p in pods)
    # Owner chain: Pod -> ReplicaSet -> Deployment, made by the real controllers.
    assert pods[0].metadata.owner_references[0].name == replica_sets[0].metadata.name


def test_deployment_scaling_changes_pod_count(kube_client: ClientFor) -> None:
    api = kube_client("admin")
    make_namespace(api, "e2e-scale")
    core, apps = core_api(api), apps_api(api)
    apps.create_namespaced_deployment("e2e-scale", small_deployment("web", 2))
    wait_for(lambda: len(running_pods(core, "e2e-scale", "web")) == 2, what="2 pods")

    for replicas in (5, 1):
        apps.patch_namespaced_deployment_scale("web", "e2e-scale", {"spec": {"replicas": replicas}})
        wait_for(
            lambda r=replicas: len(core.list_namespaced_pod("e2e-scale").items) == r,  # type: ignore[misc]
            what=f"{replicas} pods",
        )
    assert len(running_pods(core, "e2e-scale", "web")) == 1


def test_rollout_restart_creates_new_replicaset(kube_client: ClientFor) -> None:
    api = kube_client("admin")
    make_namespace(api, "e2e-rollout")
    core, apps = core_api(api), apps_api(api)
    apps.create_namespaced_deployment("e2e-rollout", small_deployment("api", 2))
    wait_for(lambda: len(running_pods(core, "e2e-rollout", "api")) == 2, what="first rollout")
    before = {rs.metadata.name for rs in apps.list_namespaced_replica_set("e2e-rollout").items}

    # Exactly what `kubectl rollout restart` sends.
    now = datetime.datetime.now(datetime.UTC).isoformat()
    patch = {
        "spec": {
            "template": {"metadata": {"annotations": {"kubectl.kubernetes.io/restartedAt": now}}}
        }
    }
    apps.patch_namespaced_deployment("api", "e2e-rollout", patch)

    def rolled_out() -> bool:
        dep = apps.read_namespaced_deployment("api", "e2e-rollout")
        status = dep.status
        return bool(
            status.observed_generation == dep.metadata.generation
            and status.updated_replicas == 2
            and status.available_replicas == 2
            and not status.unavailable_replicas
            and (status.replicas or 0) == 2
        )

    wait_for(rolled_out, what="restart rollout")
    after = {rs.metadata.name for rs in apps.list_namespaced_replica_set("e2e-rollout").items}
    assert len(after - before) == 1


def test_crashlooping_pod_reports_restarts(kube_client: ClientFor) -> None:
    core = core_api(kube_client("admin"))

    def crashing() -> Any:
        pods = core.list_namespaced_pod("payments", label_selector="app=payments-worker").items
        for pod in pods:
            for status in pod.status.container_statuses or []:
                if status.restart_count > 0 and status.state.waiting:
                    return status
        return None

    status = wait_for(crashing, what="CrashLoopBackOff")
    assert status.state.waiting.reason == "CrashLoopBackOff"
    assert status.last_state.terminated.exit_code == 1


def test_pending_pod_is_unschedulable(kube_client: ClientFor) -> None:
    core = core_api(kube_client("admin"))

    def unschedulable() -> Any:
        pods = core.list_namespaced_pod("payments", label_selector="app=ledger-reporter").items
        for pod in pods:
            for cond in pod.status.conditions or []:
                if cond.type == "PodScheduled" and cond.reason == "Unschedulable":
                    return cond
        return None

    condition = wait_for(unschedulable, what="Unschedulable condition")
    assert "Insufficient cpu" in condition.message


def test_rbac_personas(kube_client: ClientFor) -> None:
    admin = core_api(kube_client("admin"))
    admin.create_namespaced_config_map(
        "prod", {"metadata": {"name": "rbac-probe"}, "data": {"a": "b"}}
    )

    alice = core_api(kube_client("alice"))
    assert alice.list_namespaced_pod("dev").items
    with pytest.raises(client.ApiException) as denied:
        alice.delete_namespaced_config_map("rbac-probe", "prod")
    assert denied.value.status == 403
    with pytest.raises(client.ApiException) as denied:
        alice.list_namespaced_pod("prod")
    assert denied.value.status == 403

    bob = core_api(kube_client("bob"))
    assert bob.list_namespaced_pod("prod").items
    with pytest.raises(client.ApiException) as denied:
        bob.delete_namespace("staging")
    assert denied.value.status == 403
    with pytest.raises(client.ApiException) as denied:
        bob.list_namespaced_pod("dev")
    assert denied.value.status == 403

    carol = core_api(kube_client("carol"))
    carol.delete_namespaced_config_map("rbac-probe", "prod")
    assert not _exists(lambda: admin.read_namespaced_config_map("rbac-probe", "prod"))


def test_executor_can_only_impersonate(kube_cluster: ClusterHandle) -> None:
    executor = core_api(kube_cluster.api_client("executor"))
    with pytest.raises(client.ApiException) as denied:
        executor.list_namespaced_pod("dev")
    assert denied.value.status == 403

    as_alice = core_api(kube_cluster.impersonating_client("alice"))
    assert as_alice.list_namespaced_pod("dev").items
    with pytest.raises(client.ApiException) as denied:
        as_alice.list_namespaced_pod("prod")
    assert denied.value.status == 403

    # Group bindings: an unknown user in kubechat:viewers-dev gets alice's rights.
    as_viewer = core_api(
        kube_cluster.impersonating_client("dave", groups=("kubechat:viewers-dev",))
    )
    assert as_viewer.list_namespaced_pod("dev").items
    as_admin_group = core_api(
        kube_cluster.impersonating_client("erin", groups=("kubechat:admins",))
    )
    assert as_admin_group.list_namespaced_pod("prod").items


def test_server_side_dry_run_leaves_nothing(kube_client: ClientFor) -> None:
    apps = apps_api(kube_client("admin"))
    created = apps.create_namespaced_deployment(
        "staging", small_deployment("dry-run-only", 1), dry_run="All"
    )
    assert created.metadata.name == "dry-run-only"
    assert not _exists(lambda: apps.read_namespaced_deployment("dry-run-only", "staging"))


def test_pod_logs_return_seeded_lines(kube_client: ClientFor) -> None:
    core = core_api(kube_client("admin"))
    pod = running_pods(core, "prod", "checkout")[0]
    text = core.read_namespaced_pod_log(pod.metadata.name, "prod", container="checkout")
    assert text.splitlines() == list(LOG_LINES["checkout"])

    worker = core.list_namespaced_pod("payments", label_selector="app=payments-worker").items[0]
    previous = core.read_namespaced_pod_log(worker.metadata.name, "payments", previous=True)
    assert "panic: queue unavailable" in previous
    tail = core.read_namespaced_pod_log(pod.metadata.name, "prod", tail_lines=1)
    assert tail.strip() == LOG_LINES["checkout"][-1]


def test_second_cluster_via_cli_is_independent(kube_cluster: ClusterHandle, tmp_path: Path) -> None:
    """cluster-up and cluster-down as separate commands; the two clusters share nothing."""
    cli = [sys.executable, "-m", "kubechat_devstack"]
    state = ["--name", "second", "--state-dir", str(tmp_path)]
    up = subprocess.run(  # noqa: S603 - our own CLI
        [*cli, "cluster-up", *state, "--nodes", "1", "--no-seed", "--no-build"],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert up.returncode == 0, up.stderr
    kubeconfig = Path(up.stdout.strip().splitlines()[-1])
    second = ClusterHandle.load(kubeconfig.parent.parent)
    pids = json.loads(second.pid_file.read_text())["pids"]
    try:
        assert second.server != kube_cluster.server
        first_core = core_api(kube_cluster.api_client("admin"))
        second_core = core_api(second.api_client("admin"))
        second_core.create_namespaced_config_map(
            "default", {"metadata": {"name": "only-in-second"}}
        )
        assert not _exists(
            lambda: first_core.read_namespaced_config_map("only-in-second", "default")
        )
        assert _exists(lambda: first_core.read_namespace("payments"))
        assert not _exists(lambda: second_core.read_namespace("payments"))
        assert len(second_core.list_node().items) == 1
    finally:
        down = subprocess.run(  # noqa: S603
            [*cli, "cluster-down", *state], capture_output=True, text=True, timeout=60
        )
    assert down.returncode == 0, down.stderr
    assert not any(pid_alive(int(pid)) for pid in pids.values())
    assert kube_cluster.running()
