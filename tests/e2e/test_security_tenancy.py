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
from collections.abc import Iterator
from typing import Any

import grpc
import pytest

from kubechat import nats as kc_nats
from kubechat.events import AuditEvent
from kubechat.v1 import audit_pb2, audit_pb2_grpc, common_pb2, intent_pb2, intent_pb2_grpc
from kubechat_devstack.cluster import ClusterHandle
from kubechat_devstack.service_identity import channel_to
from kubechat_devstack.stack import Ports, Stack

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
        running.start_service("audit", timeout=60)
        running.start_service("executor")
        running.start_service("nlp", timeout=60)
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
