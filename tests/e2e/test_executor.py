"""The executor against the real test bed, through its gRPC API: every catalogue operation
the simulated cluster supports, checked in the cluster; impersonation; confirmation tokens;
verification and rollback; audit events.

The executor runs as its own process with the test bed's impersonate-only kubeconfig
(`kubechat-executor`), real NATS and real Redis.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import grpc
import pytest
from kubernetes import client

from kubechat.v1 import executor_pb2
from kubechat_devstack.cluster import ClusterHandle
from tests.e2e.executor_support import (
    ALICE,
    BOB,
    CAROL,
    CONFIGMAPS,
    DEPLOYMENTS,
    NAMESPACES,
    NODES,
    PODS,
    SECRETS,
    SERVICES,
    Executor,
    audit_events,
    embedded_kubeconfig,
    op,
    ref,
    running_executor,
)

NS = "exec-e2e"
VERIFIED = executor_pb2.VERIFICATION_OUTCOME_VERIFIED
FAILED = executor_pb2.VERIFICATION_OUTCOME_FAILED
ROLLED_BACK = executor_pb2.VERIFICATION_OUTCOME_ROLLED_BACK
SERVICEACCOUNTS = ref("", "v1", "ServiceAccount", "serviceaccounts")
HPAS = ref("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers")
FAKE_PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"


@pytest.fixture(scope="module")
def executor(
    kube_cluster: ClusterHandle, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Executor]:
    admin = kube_cluster.api_client("admin")
    core = client.CoreV1Api(admin)
    core.create_namespace({"metadata": {"name": NS}})  # type: ignore[arg-type]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            core.read_namespaced_service_account("default", NS)
            break
        except client.ApiException:
            time.sleep(0.2)
    env = {"KUBECHAT_HEALTH_USER": "carol", "KUBECHAT_VERIFY_TIMEOUT": "60"}
    with running_executor(
        tmp_path_factory.mktemp("executor"), kube_cluster.kubeconfig("executor"), env
    ) as running:
        yield running


@pytest.fixture(scope="module")
def admin(kube_cluster: ClusterHandle) -> Any:
    return kube_cluster.api_client("admin")


def core(admin: Any) -> Any:
    return client.CoreV1Api(admin)


def apps(admin: Any) -> Any:
    return client.AppsV1Api(admin)


def one(response: executor_pb2.ExecuteResponse) -> executor_pb2.OperationResult:
    assert len(response.results) == 1
    result = response.results[0]
    assert result.ok, f"{result.error.code}: {result.error.message}"
    return result


def columns(result: executor_pb2.OperationResult) -> list[str]:
    return [c.name for c in result.table.columns]


def cell(result: executor_pb2.OperationResult, row: int, column: str) -> str:
    return result.table.rows[row].cells[columns(result).index(column)]


def wait_for(check: Callable[[], Any], timeout: float = 60.0) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        assert time.monotonic() < deadline, f"timed out waiting for {check}"
        time.sleep(0.3)


# ---------------------------------------------------------------- reads


def test_get_pods_gives_kubectls_columns_and_raw_objects(executor: Executor) -> None:
    result = one(executor.execute([op("get", PODS, namespace="prod")], CAROL))
    assert columns(result)[:5] == ["Name", "Ready", "Status", "Restarts", "Age"]
    assert len(result.table.rows) >= 9
    assert result.table.rows[0].object["metadata"]["namespace"] == "prod"
    assert "managedFields" not in result.table.rows[0].object["metadata"]


def test_wide_output_shows_images_and_lists_paginate(executor: Executor) -> None:
    wide = one(
        executor.execute(
            [op("get", DEPLOYMENTS, namespace="prod", name="checkout", output="wide")], BOB
        )
    )
    assert "checkout:2.4.1" in cell(wide, 0, "Images")
    first = one(executor.execute([op("get", PODS, namespace="prod", limit=2)], CAROL))
    assert len(first.table.rows) == 2 and first.table.continue_token
    second = one(
        executor.execute(
            [
                op(
                    "get",
                    PODS,
                    namespace="prod",
                    limit=2,
                    **{"continue": first.table.continue_token},
                )
            ],
            CAROL,
        )
    )
    names = {r.cells[0] for r in first.table.rows}
    assert names.isdisjoint(r.cells[0] for r in second.table.rows)


def test_reads_about_objects(executor: Executor, admin: Any) -> None:
    described = one(
        executor.execute([op("describe", DEPLOYMENTS, namespace="prod", name="checkout")], BOB)
    )
    assert "name: checkout" in described.text and "Events:" in described.text
    pod = core(admin).list_namespaced_pod("prod", label_selector="app=checkout").items[0]
    logs = one(
        executor.execute([op("logs", PODS, namespace="prod", name=pod.metadata.name, tail=1)], BOB)
    )
    assert logs.text.strip().endswith("order placed order_id=A1001 total=42.50")
    by_workload = one(
        executor.execute(
            [op("logs", DEPLOYMENTS, namespace="payments", name="payments-worker", previous=True)],
            CAROL,
        )
    )
    assert "panic: queue unavailable" in by_workload.text
    events = one(executor.execute([op("events", namespace="payments", types="Warning")], CAROL))
    assert events.table.kind == "Event" and len(events.table.columns) > 2
    status = one(
        executor.execute(
            [op("rollout.status", DEPLOYMENTS, namespace="prod", name="checkout")], BOB
        )
    )
    assert status.text == 'deployment "checkout" successfully rolled out'
    history = one(
        executor.execute(
            [op("rollout.history", DEPLOYMENTS, namespace="prod", name="checkout")], BOB
        )
    )
    assert history.table.rows[0].cells[0] == "1"
    waited = one(
        executor.execute(
            [
                op(
                    "wait",
                    DEPLOYMENTS,
                    namespace="prod",
                    name="checkout",
                    **{"for": "condition=Available", "timeout": "20s"},
                )
            ],
            BOB,
        )
    )
    assert waited.text == "deployment/checkout condition met"


def test_reads_about_the_cluster(executor: Executor, kube_cluster: ClusterHandle) -> None:
    version = one(executor.execute([op("version")], ALICE))
    assert version.text.startswith("Server Version: v1.37")
    resources = one(executor.execute([op("api-resources", namespaced="false")], ALICE))
    assert "nodes" in [r.cells[0] for r in resources.table.rows]
    assert "deployments" not in [r.cells[0] for r in resources.table.rows]
    versions = one(executor.execute([op("api-versions")], ALICE))
    assert "apps/v1" in versions.text.splitlines()
    explained = one(executor.execute([op("explain", DEPLOYMENTS, name="deployments.spec")], ALICE))
    assert "KIND: Deployment" in explained.text and "replicas" in explained.text
    info = one(executor.execute([op("cluster-info")], CAROL))
    assert kube_cluster.server in info.text
    dump = one(executor.execute([op("cluster-info.dump", namespace="payments")], CAROL))
    assert '"payments-worker' in dump.text
    contexts = one(executor.execute([op("config.get-contexts")], ALICE))
    assert [r.cells[:2] for r in contexts.table.rows] == [["*", "default"]]
    assert one(executor.execute([op("config.current-context")], ALICE)).text == "default"
    assert one(executor.execute([op("config.get-clusters")], ALICE)).table.rows
    assert one(executor.execute([op("config.view")], ALICE)).table.rows
    raw = executor.execute([op("config.view", raw=True)], ALICE).results[0]
    assert not raw.ok and raw.error.code == "unsupported"


def test_auth_questions_are_answered_as_the_user(executor: Executor) -> None:
    no = one(
        executor.execute(
            [op("auth.can-i", namespace="prod", verb="delete", resource="pods")], ALICE
        )
    )
    assert no.text.startswith("no")
    yes = one(
        executor.execute([op("auth.can-i", namespace="prod", verb="delete", resource="pods")], BOB)
    )
    assert yes.text == "yes"
    other = one(
        executor.execute(
            [op("auth.can-i", namespace="dev", verb="list", resource="pods", **{"as": "alice"})],
            CAROL,
        )
    )
    assert other.text == "yes"
    rules = one(executor.execute([op("auth.can-i", namespace="dev", list=True)], ALICE))
    assert any(r.cells[0] == "pods" and "list" in r.cells[2] for r in rules.table.rows)
    whoami = one(executor.execute([op("auth.whoami")], BOB))
    assert [list(r.cells) for r in whoami.table.rows][0] == ["Username", "bob"]
    assert "kubechat:operators" in whoami.table.rows[1].cells[1]


def test_streams_follow_logs_and_watch(executor: Executor, admin: Any) -> None:
    pod = core(admin).list_namespaced_pod("prod", label_selector="app=checkout").items[0]
    events = executor.stream(
        [op("logs", PODS, namespace="prod", name=pod.metadata.name, follow=True, timeout="5s")], BOB
    )
    text = "".join(e.chunk.text for e in events if e.HasField("chunk"))
    assert "order placed" in text
    assert events[-1].result.ok
    watched = executor.stream(
        [op("get", DEPLOYMENTS, namespace="prod", watch=True, timeout="2s")], BOB
    )
    rows = [e.chunk for e in watched if e.HasField("chunk")]
    assert {c.row.cells[0] for c in rows} >= {"checkout", "frontend", "search"}
    assert all(c.event_type == "ADDED" for c in rows)


def test_what_the_simulated_cluster_cannot_do_is_refused_with_a_reason(
    executor: Executor,
) -> None:
    for verb in ("top.pod", "top.node"):
        result = executor.execute([op(verb, namespace="prod")], CAROL).results[0]
        assert not result.ok and result.error.code == "unsupported"
        assert "metrics-server is not installed" in result.error.message
    diff = executor.execute([op("diff", filename=["x.yaml"])], CAROL).results[0]
    assert diff.error.code == "unsupported"
    for verb in (
        "exec",
        "attach",
        "port-forward",
        "cp",
        "debug",
        "edit",
        "config.use-context",
        "config.set-context",
        "config.set-cluster",
        "config.rename-context",
        "config.delete-context",
        "config.unset",
    ):
        with pytest.raises(grpc.RpcError) as refused:
            executor.preview([op(verb, PODS, namespace="prod", name="x")], CAROL)
        assert refused.value.code() == grpc.StatusCode.FAILED_PRECONDITION
        assert (
            verb in refused.value.details()
            or "kubeconfig" in refused.value.details()
            or ("editor" in refused.value.details())
        )


# ---------------------------------------------------------------- writes, one by one


def test_create_verbs_make_the_objects(executor: Executor, admin: Any) -> None:
    image = "registry.example.com/e2e/web:1"
    created = executor.run(
        [op("create.deployment", namespace=NS, name="web", image=image, replicas=2, port=8080)],
        CAROL,
    )
    assert one(created).verification.outcome == VERIFIED
    assert apps(admin).read_namespaced_deployment("web", NS).status.available_replicas == 2
    cases: list[tuple[Any, Callable[[], Any]]] = [
        (
            op("create.namespace", name="exec-e2e-other"),
            lambda: core(admin).read_namespace("exec-e2e-other"),
        ),
        (
            op("create.configmap", namespace=NS, name="cm1", from_literal=["a=1", "b=2"]),
            lambda: core(admin).read_namespaced_config_map("cm1", NS).data == {"a": "1", "b": "2"},
        ),
        (
            op("create.secret.generic", namespace=NS, name="s1", from_literal=["password=hunter2"]),
            lambda: core(admin).read_namespaced_secret("s1", NS).data["password"],
        ),
        (
            op(
                "create.secret.tls",
                namespace=NS,
                name="tls1",
                cert=FAKE_PEM,
                key=FAKE_PEM.replace("CERTIFICATE", "PRIVATE KEY"),
            ),
            lambda: core(admin).read_namespaced_secret("tls1", NS).type == "kubernetes.io/tls",
        ),
        (
            op("create.service", namespace=NS, name="web-svc", type="clusterip", tcp=["80:8080"]),
            lambda: core(admin).read_namespaced_service("web-svc", NS).spec.ports[0].port == 80,
        ),
        (
            op("create.serviceaccount", namespace=NS, name="robot"),
            lambda: core(admin).read_namespaced_service_account("robot", NS),
        ),
        (
            op("create.ingress", namespace=NS, name="ing1", rule=["shop.example.com/*=web-svc:80"]),
            lambda: (
                client.NetworkingV1Api(admin).read_namespaced_ingress("ing1", NS).spec.rules[0].host
                == "shop.example.com"
            ),
        ),
        (
            op(
                "create.poddisruptionbudget",
                namespace=NS,
                name="pdb1",
                selector="app=web",
                min_available="1",
            ),
            lambda: (
                client.PolicyV1Api(admin)
                .read_namespaced_pod_disruption_budget("pdb1", NS)
                .spec.min_available
                == 1
            ),
        ),
        (
            op("create.quota", namespace=NS, name="q1", hard="pods=50"),
            lambda: core(admin).read_namespaced_resource_quota("q1", NS).spec.hard["pods"] == "50",
        ),
        (
            op("create.role", namespace=NS, name="r1", verb=["get", "list"], resource=["pods"]),
            lambda: (
                client.RbacAuthorizationV1Api(admin).read_namespaced_role("r1", NS).rules[0].verbs
                == ["get", "list"]
            ),
        ),
        (
            op("create.rolebinding", namespace=NS, name="rb1", role="r1", user="dave"),
            lambda: (
                client.RbacAuthorizationV1Api(admin)
                .read_namespaced_role_binding("rb1", NS)
                .subjects[0]
                .name
                == "dave"
            ),
        ),
        (
            op("create.clusterrole", name="exec-e2e-nodes", verb=["get"], resource=["nodes"]),
            lambda: client.RbacAuthorizationV1Api(admin).read_cluster_role("exec-e2e-nodes"),
        ),
        (
            op(
                "create.clusterrolebinding",
                name="exec-e2e-nodes",
                clusterrole="exec-e2e-nodes",
                user="dave",
            ),
            lambda: client.RbacAuthorizationV1Api(admin).read_cluster_role_binding(
                "exec-e2e-nodes"
            ),
        ),
        (
            op(
                "create.cronjob",
                namespace=NS,
                name="cj1",
                image="busybox",
                schedule="*/5 * * * *",
                argv=["echo", "hi"],
            ),
            lambda: client.BatchV1Api(admin).read_namespaced_cron_job("cj1", NS),
        ),
        (
            op("create.job", namespace=NS, name="j1", image="busybox", argv=["echo", "hi"]),
            lambda: client.BatchV1Api(admin).read_namespaced_job("j1", NS),
        ),
        (
            op("create.job", namespace=NS, name="j2", **{"from": "cronjob/cj1"}),
            lambda: (
                client.BatchV1Api(admin)
                .read_namespaced_job("j2", NS)
                .metadata.annotations["cronjob.kubernetes.io/instantiate"]
                == "manual"
            ),
        ),
        (
            op("run", namespace=NS, name="p1", image="busybox", env=["A=1"], restart="Never"),
            lambda: (
                core(admin).read_namespaced_pod("p1", NS).spec.containers[0].env[0].value == "1"
            ),
        ),
        (
            op(
                "expose", DEPLOYMENTS, namespace=NS, name="web", port=80, service_name="web-exposed"
            ),
            lambda: (
                core(admin).read_namespaced_service("web-exposed", NS).spec.selector
                == {"app": "web"}
            ),
        ),
        (
            op(
                "create",
                namespace=NS,
                manifest="apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
                "  name: from-manifest\ndata:\n  k: v1\n",
            ),
            lambda: core(admin).read_namespaced_config_map("from-manifest", NS).data["k"] == "v1",
        ),
        (
            op(
                "apply",
                namespace=NS,
                manifest="apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
                "  name: from-manifest\ndata:\n  k: v2\n",
            ),
            lambda: core(admin).read_namespaced_config_map("from-manifest", NS).data["k"] == "v2",
        ),
        (
            op(
                "replace",
                namespace=NS,
                manifest="apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
                "  name: from-manifest\ndata:\n  k: v3\n",
            ),
            lambda: core(admin).read_namespaced_config_map("from-manifest", NS).data["k"] == "v3",
        ),
        (
            op("autoscale", DEPLOYMENTS, namespace=NS, name="web", min=2, max=5, cpu="80%"),
            lambda: (
                client.AutoscalingV2Api(admin)
                .read_namespaced_horizontal_pod_autoscaler("web", NS)
                .spec.max_replicas
                == 5
            ),
        ),
    ]
    for operation, check in cases:
        result = one(executor.run([operation], CAROL))
        assert result.verification.outcome == VERIFIED, (operation.verb, result.verification)
        assert check(), operation.verb
    token = one(
        executor.run([op("create.token", SERVICEACCOUNTS, namespace=NS, name="robot")], CAROL)
    )
    assert token.text.splitlines()[-1].startswith("ey")


def test_secret_values_never_reach_the_preview(executor: Executor) -> None:
    preview = executor.preview(
        [op("create.secret.generic", namespace=NS, name="s2", from_literal=["password=hunter2"])],
        CAROL,
    )
    assert "password: <redacted>" in preview.diff and "hunter2" not in preview.diff


def test_workload_changes_are_verified_in_the_cluster(executor: Executor, admin: Any) -> None:
    deployments = apps(admin)
    scaled = one(
        executor.run([op("scale", DEPLOYMENTS, namespace=NS, name="web", replicas=3)], CAROL)
    )
    assert scaled.verification.outcome == VERIFIED
    assert scaled.verification.condition == "rollout of deployment/web complete (3/3 available)"
    assert deployments.read_namespaced_deployment("web", NS).status.available_replicas == 3
    restarted = one(
        executor.run([op("rollout.restart", DEPLOYMENTS, namespace=NS, name="web")], CAROL)
    )
    assert restarted.verification.outcome == VERIFIED
    template = deployments.read_namespaced_deployment("web", NS).spec.template
    assert "kubectl.kubernetes.io/restartedAt" in template.metadata.annotations
    one(
        executor.run(
            [
                op(
                    "set.image",
                    DEPLOYMENTS,
                    namespace=NS,
                    name="web",
                    images=["web=registry.example.com/e2e/web:2"],
                )
            ],
            CAROL,
        )
    )
    assert (
        deployments.read_namespaced_deployment("web", NS)
        .spec.template.spec.containers[0]
        .image.endswith("web:2")
    )
    undone = one(executor.run([op("rollout.undo", DEPLOYMENTS, namespace=NS, name="web")], CAROL))
    assert undone.verification.outcome == VERIFIED
    assert (
        deployments.read_namespaced_deployment("web", NS)
        .spec.template.spec.containers[0]
        .image.endswith("web:1")
    )
    one(executor.run([op("rollout.pause", DEPLOYMENTS, namespace=NS, name="web")], CAROL))
    assert deployments.read_namespaced_deployment("web", NS).spec.paused is True
    one(executor.run([op("rollout.resume", DEPLOYMENTS, namespace=NS, name="web")], CAROL))
    assert not deployments.read_namespaced_deployment("web", NS).spec.paused
    one(
        executor.run([op("set.env", DEPLOYMENTS, namespace=NS, name="web", env=["FOO=bar"])], CAROL)
    )
    listed = one(
        executor.execute([op("set.env", DEPLOYMENTS, namespace=NS, name="web", list=True)], CAROL)
    )
    assert ["web", "FOO", "bar"] in [list(r.cells) for r in listed.table.rows]
    one(
        executor.run(
            [
                op(
                    "set.resources",
                    DEPLOYMENTS,
                    namespace=NS,
                    name="web",
                    limits="cpu=200m,memory=128Mi",
                )
            ],
            CAROL,
        )
    )
    one(
        executor.run(
            [
                op(
                    "set.serviceaccount",
                    DEPLOYMENTS,
                    namespace=NS,
                    name="web",
                    serviceaccount="robot",
                )
            ],
            CAROL,
        )
    )
    spec = deployments.read_namespaced_deployment("web", NS).spec.template.spec
    assert spec.containers[0].resources.limits == {"cpu": "200m", "memory": "128Mi"}
    assert spec.service_account_name == "robot"


def test_metadata_changes(executor: Executor, admin: Any) -> None:
    labelled = one(
        executor.run(
            [op("label", PODS, namespace=NS, selector="app=web", labels=["tier=frontend"])], CAROL
        )
    )
    assert labelled.verification.outcome == VERIFIED
    pods = core(admin).list_namespaced_pod(NS, label_selector="app=web").items
    assert pods and all(p.metadata.labels["tier"] == "frontend" for p in pods)
    with pytest.raises(grpc.RpcError, match="overwrite"):
        executor.preview(
            [op("label", PODS, namespace=NS, selector="app=web", labels=["tier=backend"])], CAROL
        )
    listed = one(
        executor.execute([op("label", PODS, namespace=NS, selector="app=web", list=True)], CAROL)
    )
    assert any(r.cells[1:] == ["tier", "frontend"] for r in listed.table.rows)
    one(
        executor.run(
            [op("annotate", DEPLOYMENTS, namespace=NS, name="web", annotations=["team=shop"])],
            CAROL,
        )
    )
    assert apps(admin).read_namespaced_deployment("web", NS).metadata.annotations["team"] == (
        "shop"
    )
    one(
        executor.run(
            [
                op(
                    "patch",
                    DEPLOYMENTS,
                    namespace=NS,
                    name="web",
                    type="merge",
                    patch='{"metadata":{"labels":{"patched":"yes"}}}',
                )
            ],
            CAROL,
        )
    )
    assert apps(admin).read_namespaced_deployment("web", NS).metadata.labels["patched"] == "yes"
    core(admin).create_namespaced_config_map(
        NS,
        {
            "metadata": {
                "name": "applied",
                "annotations": {
                    "kubectl.kubernetes.io/last-applied-configuration": '{"kind":"ConfigMap"}'
                },
            }
        },
    )
    viewed = one(
        executor.execute(
            [op("apply.view-last-applied", CONFIGMAPS, namespace=NS, name="applied")], CAROL
        )
    )
    assert viewed.text == "kind: ConfigMap\n"


def test_node_operations(executor: Executor, admin: Any) -> None:
    node = "kwok-node-2"
    nodes = core(admin)
    try:
        one(executor.run([op("cordon", NODES, name=node)], CAROL))
        assert nodes.read_node(node).spec.unschedulable is True
        one(
            executor.run(
                [op("taint", NODES, name=node, taints=["dedicated=e2e:NoSchedule"])], CAROL
            )
        )
        assert "dedicated" in [t.key for t in nodes.read_node(node).spec.taints or []]
        one(executor.run([op("taint", NODES, name=node, taints=["dedicated:NoSchedule-"])], CAROL))
        assert "dedicated" not in [t.key for t in nodes.read_node(node).spec.taints or []]
        core(admin).create_namespaced_pod(
            NS,
            {
                "metadata": {"name": "pinned"},
                "spec": {"nodeName": node, "containers": [{"name": "c", "image": "busybox"}]},
            },
        )
        # Without force, drain refuses a pod no controller would re-create.
        with pytest.raises(grpc.RpcError, match="not managed by a controller"):
            executor.preview([op("drain", NODES, name=node, ignore_daemonsets=True)], CAROL)
        preview = executor.preview(
            [op("drain", NODES, name=node, ignore_daemonsets=True, force=True)], CAROL
        )
        evicted = {a.name for a in preview.affected if a.change == "delete"}
        assert "pinned" in evicted
        drained = one(
            executor.run([op("drain", NODES, name=node, ignore_daemonsets=True, force=True)], CAROL)
        )
        assert drained.verification.outcome == VERIFIED
        left = nodes.list_pod_for_all_namespaces(field_selector=f"spec.nodeName={node}").items
        owners = [
            [o.kind for o in p.metadata.owner_references or []]
            for p in left
            if not p.metadata.deletion_timestamp
        ]
        assert all(o == ["DaemonSet"] for o in owners), owners
    finally:
        one(executor.run([op("uncordon", NODES, name=node)], CAROL))
    assert not nodes.read_node(node).spec.unschedulable


def test_deletes_show_what_goes_and_are_verified(executor: Executor, admin: Any) -> None:
    preview = executor.preview([op("delete", NAMESPACES, name="exec-e2e-other")], CAROL)
    assert [(a.resource.kind, a.name, a.change) for a in preview.affected][0] == (
        "Namespace",
        "exec-e2e-other",
        "delete",
    )
    assert "+++ /dev/null" in preview.diff
    deleted = one(
        executor.execute(
            [op("delete", NAMESPACES, name="exec-e2e-other")],
            CAROL,
            token=preview.confirmation_token,
        )
    )
    assert deleted.verification.outcome == VERIFIED
    deleted_pod = one(executor.run([op("delete", PODS, namespace=NS, name="p1")], CAROL))
    assert deleted_pod.verification.condition == "pod/p1 deleted"
    assert not core(admin).list_namespaced_pod(NS, field_selector="metadata.name=p1").items
    scale_down = executor.preview(
        [op("scale", DEPLOYMENTS, namespace=NS, name="web", replicas=1)], CAROL
    )
    removed = [a for a in scale_down.affected if a.resource.kind == "Pod"]
    assert len(removed) == 2 and all(a.change == "delete" for a in removed)
    assert "-  replicas: 3\n+  replicas: 1" in scale_down.diff


# ---------------------------------------------------------------- impersonation and tokens


def test_alice_may_not_delete_in_prod_and_nothing_changes(executor: Executor, admin: Any) -> None:
    before = {p.metadata.name for p in core(admin).list_namespaced_pod("prod").items}
    victim = sorted(before)[0]
    with pytest.raises(grpc.RpcError) as denied:
        executor.preview([op("delete", PODS, namespace="prod", name=victim)], ALICE)
    assert denied.value.code() == grpc.StatusCode.PERMISSION_DENIED
    assert denied.value.details() == (
        "alice may not delete pods in prod "
        "(hint: kubectl auth can-i delete pods -n prod --as alice --as-group kubechat:viewers-dev)"
    )
    listed = executor.execute([op("get", PODS, namespace="prod")], ALICE).results[0]
    assert not listed.ok and listed.error.code == "permission_denied"
    assert listed.error.message == "alice may not list pods in prod"
    assert {p.metadata.name for p in core(admin).list_namespaced_pod("prod").items} == before


def test_bob_scales_in_staging(executor: Executor, admin: Any) -> None:
    result = one(
        executor.run(
            [op("scale", DEPLOYMENTS, namespace="staging", name="checkout", replicas=3)], BOB
        )
    )
    assert result.verification.outcome == VERIFIED
    assert apps(admin).read_namespaced_deployment("checkout", "staging").status.ready_replicas == 3


def test_writes_without_a_valid_token_are_refused(
    executor: Executor, admin: Any, kube_cluster: ClusterHandle
) -> None:
    delete = [op("delete", CONFIGMAPS, namespace="staging", name="checkout-config")]

    def refused(
        token: str, *, principal: Any = BOB, cluster_id: str = "", operations: Any = None
    ) -> str:
        with pytest.raises(grpc.RpcError) as error:
            executor.execute(operations or delete, principal, token=token, cluster_id=cluster_id)
        return str(error.value.details())

    assert "needs a confirmation token" in refused("")
    assert "unknown, expired or already used" in refused("made-up-token")
    short = executor.preview(delete, BOB, ttl_seconds=1)
    time.sleep(2.5)
    assert "unknown, expired or already used" in refused(short.confirmation_token)
    other_plan = executor.preview(
        [op("delete", CONFIGMAPS, namespace="staging", name="frontend-config")], BOB
    )
    assert "different plan" in refused(other_plan.confirmation_token)
    same_server = executor.stub.RegisterCluster(
        executor_pb2.RegisterClusterRequest(
            name="same-server-other-id", kubeconfig=embedded_kubeconfig(kube_cluster)
        )
    )
    assert "is for cluster 'default'" in refused(
        executor.preview(delete, BOB).confirmation_token, cluster_id=same_server.id
    )
    assert "issued to another user" in refused(
        executor.preview(delete, BOB).confirmation_token, principal=CAROL
    )
    assert core(admin).read_namespaced_config_map("checkout-config", "staging")
    valid = executor.preview(delete, BOB)
    one(executor.execute(delete, BOB, token=valid.confirmation_token))
    assert "unknown, expired or already used" in refused(valid.confirmation_token)
    executor.stub.RemoveCluster(executor_pb2.RemoveClusterRequest(id=same_server.id))


def test_policy_can_demand_the_typed_name_and_a_second_approver(executor: Executor) -> None:
    sensitive = [op("delete", CONFIGMAPS, namespace="kube-system", name="does-not-matter")]
    with pytest.raises(grpc.RpcError):  # does not exist: the dry run says so
        executor.preview(sensitive, CAROL)
    create = [
        op("create.configmap", namespace="kube-system", name="exec-e2e", from_literal=["a=1"])
    ]
    preview = executor.preview(create, CAROL)
    assert preview.policy.type_name and preview.policy.expected_name == "exec-e2e"
    with pytest.raises(grpc.RpcError, match="type 'exec-e2e'"):
        executor.execute(create, CAROL, token=preview.confirmation_token, typed_name="wrong")
    one(executor.execute(create, CAROL, token=preview.confirmation_token, typed_name="exec-e2e"))


# ---------------------------------------------------------------- verification, rollback


def _fragile(executor: Executor, admin: Any, name: str) -> None:
    one(
        executor.run(
            [
                op(
                    "create.deployment",
                    namespace=NS,
                    name=name,
                    image="registry.example.com/e2e/fragile:1",
                    replicas=2,
                )
            ],
            CAROL,
        )
    )
    one(
        executor.run(
            [op("set.resources", DEPLOYMENTS, namespace=NS, name=name, requests="cpu=10")], CAROL
        )
    )


def test_an_impossible_scale_fails_verification_and_is_rolled_back(
    executor: Executor, admin: Any
) -> None:
    _fragile(executor, admin, "fragile")
    # Three nodes of 32 CPUs hold at most nine 10-CPU pods: 12 replicas can never be ready.
    operation = op(
        "scale",
        DEPLOYMENTS,
        namespace=NS,
        name="fragile",
        replicas=12,
        verify_timeout="15s",
        rollback_on_failure=True,
    )
    events = executor.stream(
        [operation], CAROL, token=executor.preview([operation], CAROL).confirmation_token
    )
    progress = [e.progress.message for e in events if e.HasField("progress")]
    assert any("of 12 updated replicas available" in m for m in progress), progress
    result = events[-1].result
    assert result.verification.outcome == ROLLED_BACK, result.verification
    assert "rolled back" in result.verification.detail
    wait_for(lambda: apps(admin).read_namespaced_deployment("fragile", NS).spec.replicas == 2)


def test_a_rollout_that_never_becomes_ready_is_rolled_back(executor: Executor, admin: Any) -> None:
    _fragile(executor, admin, "shaky")
    one(
        executor.run(
            [op("set.resources", DEPLOYMENTS, namespace=NS, name="shaky", requests="cpu=10m")],
            CAROL,
        )
    )
    broken = (
        '{"spec":{"template":{"metadata":{"labels":{"kubechat.dev/simulate":"crashloop"}},'
        '"spec":{"containers":[{"name":"shaky","image":"registry.example.com/e2e/'
        'fragile:broken"}]}}}}'
    )
    failed = one(
        executor.run(
            [
                op(
                    "patch",
                    DEPLOYMENTS,
                    namespace=NS,
                    name="shaky",
                    patch=broken,
                    verify_timeout="10s",
                )
            ],
            CAROL,
        )
    )
    assert failed.verification.outcome == FAILED
    assert "not met within 10s" in failed.verification.detail
    one(executor.run([op("rollout.undo", DEPLOYMENTS, namespace=NS, name="shaky")], CAROL))
    rolled = one(
        executor.run(
            [
                op(
                    "patch",
                    DEPLOYMENTS,
                    namespace=NS,
                    name="shaky",
                    patch=broken,
                    verify_timeout="10s",
                    rollback_on_failure=True,
                )
            ],
            CAROL,
        )
    )
    assert rolled.verification.outcome == ROLLED_BACK, rolled.verification
    deployment = apps(admin).read_namespaced_deployment("shaky", NS)
    assert deployment.spec.template.spec.containers[0].image.endswith("fragile:1")
    assert "kubechat.dev/simulate" not in deployment.spec.template.metadata.labels
    wait_for(
        lambda: apps(admin).read_namespaced_deployment("shaky", NS).status.available_replicas == 2
    )


# ---------------------------------------------------------------- events


def test_every_step_is_published_for_the_audit(executor: Executor) -> None:
    one(
        executor.run(
            [op("annotate", SERVICES, namespace=NS, name="web-svc", annotations=["audited=yes"])],
            CAROL,
        )
    )
    stack = executor.stack
    events = audit_events(stack.nats_url_as("operator"), tls=stack.nats_tls())
    annotate = [
        e
        for e in events
        if "annotate" in [o.get("verb") for o in (e.get("plan") or {}).get("operations", [])]
    ]
    kinds = [e["kind"] for e in annotate]
    assert kinds[-4:] == ["preview", "confirm", "execute", "verify"], kinds
    preview, confirm, execute, verify = annotate[-4:]
    assert preview["confirmation"]["token_id"] == confirm["confirmation"]["token_id"]
    assert execute["execution"]["verification"] == "verified"
    assert verify["user"] == "carol" and verify["cluster_id"] == "default"
    denied = [e for e in events if e["kind"] == "denied" and e["user"] == "alice"]
    assert denied and "alice may not delete pods in prod" in denied[-1]["error"]


def test_secrets_read_by_get_are_not_hidden_from_the_user_but_rbac_applies(
    executor: Executor,
) -> None:
    allowed = one(executor.execute([op("get", SECRETS, namespace="staging")], BOB))
    assert "checkout-db" in [r.cells[0] for r in allowed.table.rows]
    refused = executor.execute([op("get", SECRETS, namespace="staging")], ALICE).results[0]
    assert refused.error.message == "alice may not list secrets in staging"


def test_registered_credentials_are_encrypted_at_rest(
    executor: Executor, kube_cluster: ClusterHandle
) -> None:
    registered = executor.stub.RegisterCluster(
        executor_pb2.RegisterClusterRequest(
            name="encrypted-check",
            kubeconfig=embedded_kubeconfig(kube_cluster),
            labels={"environment": "test"},
        )
    )
    database = (executor.stack.base_dir / "executor.db").read_bytes()
    assert kube_cluster.tokens["executor"].encode() not in database
    assert b"encrypted-check" in database
    renamed = executor.stub.RenameCluster(
        executor_pb2.RenameClusterRequest(id=registered.id, name="renamed-check")
    )
    assert renamed.name == "renamed-check" and renamed.health.reachable
    listed = executor.stub.ListClusters(executor_pb2.ListClustersRequest())
    assert {"default", "renamed-check"} <= {c.name for c in listed.clusters}
    executor.stub.RemoveCluster(executor_pb2.RemoveClusterRequest(id=registered.id))
    listed = executor.stub.ListClusters(executor_pb2.ListClustersRequest())
    assert "renamed-check" not in {c.name for c in listed.clusters}


def test_every_catalogue_operation_went_through_the_api(executor: Executor) -> None:
    """Runs last: the tests above drove every operation of the catalogue through gRPC, each
    either checked in the cluster or refused with its reason. (That every entry has a
    handler or a declared reason is a unit test: executor/tests/test_handler_table.py.)"""
    from kubechat.catalogue import CATALOGUE

    names = {entry.name for entry in CATALOGUE}
    assert names <= executor.seen, sorted(names - executor.seen)
