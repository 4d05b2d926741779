"""Issue 13, "tenancy in every key", against the real stack: one tenant's admin reads no
other tenant's audit trail, a conversation id reaches only its own user's context, a
cluster belongs to the tenants it was assigned to, and a selector delete deletes only
what its preview showed.

Every call is made as the gateway makes it (its certificate, an assertion it signed for
the user), so what is refused here is refused for a signed-in user of another tenant.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import grpc
import pytest
from kubernetes.client import ApiClient, CoreV1Api

from kubechat import nats as kc_nats
from kubechat.events import AuditEvent
from kubechat.v1 import (
    audit_pb2,
    audit_pb2_grpc,
    common_pb2,
    executor_pb2,
    executor_pb2_grpc,
    intent_pb2,
    intent_pb2_grpc,
)
from kubechat_devstack.cluster import ClusterHandle
from kubechat_devstack.service_identity import channel_to
from kubechat_devstack.stack import Ports, Stack
from tests.e2e.executor_support import CONFIGMAPS, Executor, embedded_kubeconfig, op, plan

ACME_ADMIN = common_pb2.Principal(user="acme-admin", tenant="acme", roles=["viewer", "admin"])
GLOBEX_ADMIN = common_pb2.Principal(user="globex-admin", tenant="globex", roles=["viewer", "admin"])
PLATFORM_ADMIN = common_pb2.Principal(
    user="pat", tenant="platform", roles=["viewer", "admin", "platform-admin"]
)


@pytest.fixture(scope="module")
def stack(kube_cluster: ClusterHandle, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """Audit, executor (on the test bed) and nlp, each behind mutual TLS."""
    base = tmp_path_factory.mktemp("tenancy")
    running = Stack(
        base_dir=base,
        ports=Ports.free(),
        kubeconfig=kube_cluster.kubeconfig("executor"),
        extra_env={
            # The test bed's API server listens on loopback: allowed here, on purpose.
            "KUBECHAT_CLUSTER_ALLOWED_NETWORKS": '["127.0.0.1/32"]',
            # The deployment's own cluster serves acme (and the platform) only.
            "KUBECHAT_DEFAULT_CLUSTER_TENANTS": '["acme"]',
        },
    )
    try:
        running.start_nats()
        running.start_redis()
        running.start_services(["audit", "executor", "nlp"], timeout=60)
        yield running
    finally:
        running.stop()


def refused(call: Any, request: object) -> grpc.RpcError:
    with pytest.raises(grpc.RpcError) as error:
        call(request, timeout=30)
    return error.value


# -- audit: an admin reads its own tenant, only platform-admin reads across ---------------


def publish(stack: Stack, events: list[AuditEvent]) -> None:
    async def run() -> None:
        client = await kc_nats.connect(
            stack.nats_url_as("executor"), name="test", timeout=10, tls=stack.nats_tls()
        )
        js = client.jetstream()
        try:
            for each in events:
                await js.publish(
                    each.subject(), each.to_bytes(), headers={"Nats-Msg-Id": each.event_id}
                )
        finally:
            await client.drain()

    asyncio.run(run())


def test_a_tenant_admin_reads_only_its_own_tenants_audit_trail(stack: Stack) -> None:
    marker = uuid.uuid4().hex[:8]
    publish(
        stack,
        [
            AuditEvent.model_validate(
                {"kind": "ask", "tenant": tenant, "user": "u", "text": marker}
            )
            for tenant in ("acme", "globex")
        ],
    )
    with channel_to(stack, "audit") as channel:
        stub = audit_pb2_grpc.AuditServiceStub(channel)
        deadline = time.monotonic() + 60
        while True:
            every = stub.Search(
                audit_pb2.SearchRequest(caller=PLATFORM_ADMIN, text=marker), timeout=15
            )
            if every.total >= 2 or time.monotonic() > deadline:
                break
            time.sleep(0.3)
        # The platform admin sees both tenants, and may pick one.
        assert {e.tenant for e in every.events} == {"acme", "globex"}
        only_globex = stub.Search(
            audit_pb2.SearchRequest(caller=PLATFORM_ADMIN, text=marker, tenant="globex"),
            timeout=15,
        )
        assert {e.tenant for e in only_globex.events} == {"globex"}

        # acme's admin: its own tenant when it names none, refused when it names globex.
        own = stub.Search(audit_pb2.SearchRequest(caller=ACME_ADMIN, text=marker), timeout=15)
        assert {e.tenant for e in own.events} == {"acme"}
        error = refused(
            stub.Search, audit_pb2.SearchRequest(caller=ACME_ADMIN, text=marker, tenant="globex")
        )
        assert error.code() == grpc.StatusCode.PERMISSION_DENIED
        assert "platform-admin" in (error.details() or "")
        report = audit_pb2.ReportRequest(caller=ACME_ADMIN, tenant="globex", group_by="tenant")
        assert refused(stub.Report, report).code() == grpc.StatusCode.PERMISSION_DENIED
        own_report = stub.Report(
            audit_pb2.ReportRequest(caller=ACME_ADMIN, group_by="tenant"), timeout=15
        )
        assert {row.key for row in own_report.rows} <= {"acme"}
        export = audit_pb2.ExportRequest(
            query=audit_pb2.SearchRequest(caller=ACME_ADMIN, tenant="globex")
        )
        with pytest.raises(grpc.RpcError) as export_error:
            list(stub.Export(export, timeout=15))
        assert export_error.value.code() == grpc.StatusCode.PERMISSION_DENIED
        tail = audit_pb2.TailRequest(caller=ACME_ADMIN, tenant="globex")
        with pytest.raises(grpc.RpcError) as tail_error:
            next(iter(stub.Tail(tail, timeout=15)))
        assert tail_error.value.code() == grpc.StatusCode.PERMISSION_DENIED


# -- nlp: a conversation's context is its owner's -----------------------------------------

BOB = common_pb2.Principal(
    user="bob",
    tenant="acme",
    roles=["viewer", "operator"],
    k8s_user="bob",
    k8s_groups=["kubechat:operators"],
)
GUS = common_pb2.Principal(
    user="gus", tenant="globex", roles=["viewer", "operator"], k8s_user="gus"
)


def test_another_tenants_user_neither_reads_nor_steers_a_conversation(stack: Stack) -> None:
    conversation = f"bob-{uuid.uuid4().hex[:8]}"

    def parse(principal: common_pb2.Principal, text: str) -> common_pb2.Plan:
        # channel_to signs an assertion for the principal the request names.
        with channel_to(stack, "nlp") as channel:
            reply = intent_pb2_grpc.IntentServiceStub(channel).Parse(
                intent_pb2.ParseRequest(
                    text=text, conversation_id=conversation, principal=principal
                ),
                timeout=60,
            )
        return reply.plan

    parse(BOB, "show deployment checkout in staging")
    # gus learnt bob's conversation id: his "it" is not bob's checkout ...
    stolen = parse(GUS, "scale it to 0")
    assert "checkout" not in " ".join(stolen.kubectl)
    # ... and what he says there does not become bob's "it".
    parse(GUS, "show deployment frontend in prod")
    mine = parse(BOB, "scale it to 0")
    assert list(mine.kubectl) == ["kubectl scale deployment/checkout -n staging --replicas=0"]


# -- clusters: a tenant sees and uses only its own ----------------------------------------

GUS_ON_CLUSTERS = common_pb2.Principal(
    user="gus",
    tenant="globex",
    roles=["viewer", "operator"],
    k8s_user="gus",
    k8s_groups=["kubechat:admins"],
)
CAROL = common_pb2.Principal(
    user="carol",
    tenant="acme",
    roles=["viewer", "operator", "admin"],
    k8s_user="carol",
    k8s_groups=["kubechat:admins"],
)


def clusters_seen_by(stack: Stack, principal: common_pb2.Principal) -> dict[str, list[str]]:
    with channel_to(stack, "executor", principal) as channel:
        listed = executor_pb2_grpc.ExecutorServiceStub(channel).ListClusters(
            executor_pb2.ListClustersRequest(), timeout=30
        )
    return {c.name: list(c.tenants) for c in listed.clusters}


def test_a_tenant_neither_sees_nor_uses_another_tenants_cluster(
    stack: Stack, kube_cluster: ClusterHandle
) -> None:
    suffix = uuid.uuid4().hex[:6]
    kubeconfig = embedded_kubeconfig(kube_cluster)
    with channel_to(stack, "executor", GLOBEX_ADMIN) as channel:
        register = executor_pb2_grpc.ExecutorServiceStub(channel).RegisterCluster
        # A tenant admin registers for its own tenant, never for another.
        error = refused(
            register,
            executor_pb2.RegisterClusterRequest(
                name=f"for-acme-{suffix}", kubeconfig=kubeconfig, tenants=["acme"]
            ),
        )
        assert error.code() == grpc.StatusCode.PERMISSION_DENIED
        globex = register(
            executor_pb2.RegisterClusterRequest(name=f"globex-{suffix}", kubeconfig=kubeconfig),
            timeout=60,
        )
    assert list(globex.tenants) == ["globex"]
    with channel_to(stack, "executor", PLATFORM_ADMIN) as channel:
        shared = executor_pb2_grpc.ExecutorServiceStub(channel).RegisterCluster(
            executor_pb2.RegisterClusterRequest(
                name=f"shared-{suffix}", kubeconfig=kubeconfig, tenants=["acme", "globex"]
            ),
            timeout=60,
        )
    assert list(shared.tenants) == ["acme", "globex"]

    acme_sees = clusters_seen_by(stack, CAROL)
    assert "default" in acme_sees and f"shared-{suffix}" in acme_sees
    assert f"globex-{suffix}" not in acme_sees
    globex_sees = clusters_seen_by(stack, GUS_ON_CLUSTERS)
    assert {f"globex-{suffix}", f"shared-{suffix}"} <= set(globex_sees)
    assert "default" not in globex_sees  # KUBECHAT_DEFAULT_CLUSTER_TENANTS=["acme"]
    assert {"default", f"globex-{suffix}", f"shared-{suffix}"} <= set(
        clusters_seen_by(stack, PLATFORM_ADMIN)
    )

    read = plan(op("get", CONFIGMAPS, namespace="staging"))
    with channel_to(stack, "executor") as channel:
        stub = executor_pb2_grpc.ExecutorServiceStub(channel)
        # carol (acme) knows globex's cluster id: it is as unknown to her as no cluster.
        for call, request in (
            (
                stub.Execute,
                executor_pb2.ExecuteRequest(plan=read, principal=CAROL, cluster_id=globex.id),
            ),
            (
                stub.Preview,
                executor_pb2.PreviewRequest(plan=read, principal=CAROL, cluster_id=globex.id),
            ),
            (
                stub.GetClusterView,
                executor_pb2.GetClusterViewRequest(cluster_id=globex.id, principal=CAROL),
            ),
        ):
            error = refused(call, request)
            assert error.code() == grpc.StatusCode.NOT_FOUND
            assert f"globex-{suffix}" not in (error.details() or "")
        fan_out = stub.Execute(
            executor_pb2.ExecuteRequest(
                plan=read, principal=CAROL, cluster_ids=[globex.id, shared.id]
            ),
            timeout=60,
        )
        by_cluster = {r.cluster_id: r for r in fan_out.results if r.cluster_id != "*"}
        assert not by_cluster[globex.id].ok and by_cluster[shared.id].ok
        # gus (globex) is refused the default cluster, and uses his own.
        error = refused(
            stub.Execute, executor_pb2.ExecuteRequest(plan=read, principal=GUS_ON_CLUSTERS)
        )
        assert error.code() == grpc.StatusCode.NOT_FOUND
        own = stub.Execute(
            executor_pb2.ExecuteRequest(plan=read, principal=GUS_ON_CLUSTERS, cluster_id=globex.id),
            timeout=60,
        )
        assert own.results[0].ok, own.results[0].error
    with channel_to(stack, "executor", CAROL) as channel:
        remove = executor_pb2_grpc.ExecutorServiceStub(channel).RemoveCluster
        error = refused(remove, executor_pb2.RemoveClusterRequest(id=globex.id))
        assert error.code() == grpc.StatusCode.NOT_FOUND


# -- a selector delete deletes what its preview showed, or nothing ------------------------


def test_a_selector_delete_is_refused_when_a_new_object_matches_after_the_preview(
    stack: Stack, kube_client: Callable[[str], ApiClient]
) -> None:
    core: Any = CoreV1Api(kube_client("admin"))
    label = f"sweep-{uuid.uuid4().hex[:6]}"

    def make(name: str) -> None:
        core.create_namespaced_config_map(
            "dev", {"metadata": {"name": f"{label}-{name}", "labels": {"sweep": label}}}
        )

    def left() -> list[str]:
        found = core.list_namespaced_config_map("dev", label_selector=f"sweep={label}").items
        return sorted(c.metadata.name for c in found)

    sweep = [op("delete", CONFIGMAPS, namespace="dev", selector=f"sweep={label}")]
    executor = Executor(stack)
    try:
        make("a")
        make("b")
        preview = executor.preview(sweep, CAROL)
        assert sorted(a.name for a in preview.affected) == [f"{label}-a", f"{label}-b"]
        make("late")  # begins matching after the user saw the preview
        refused_run = executor.execute(sweep, CAROL, token=preview.confirmation_token)
        result = refused_run.results[0]
        assert not result.ok
        assert "began matching since the preview" in result.error.message
        assert f"dev/{label}-late" in result.error.message
        assert left() == [f"{label}-a", f"{label}-b", f"{label}-late"]  # nothing deleted

        # Replaced under the same name: another object, so refused too.
        again = executor.preview(sweep, CAROL)
        core.delete_namespaced_config_map(f"{label}-late", "dev")
        make("late")
        replaced = executor.execute(sweep, CAROL, token=again.confirmation_token)
        assert "replaced by new objects" in replaced.results[0].error.message
        assert len(left()) == 3

        # Previewed as it is now: exactly those are deleted.
        final = executor.preview(sweep, CAROL)
        done = executor.execute(sweep, CAROL, token=final.confirmation_token)
        assert done.results[0].ok, done.results[0].error
        assert left() == []
    finally:
        executor.close()
