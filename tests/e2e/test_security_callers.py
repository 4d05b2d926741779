"""Issue 13, attacks 1 and 2 against the real stack: the internal services no longer act
for whoever a request body names, and only mesh peers with the right certificate reach
them at all.

The attacker here is on the same network as the services. Each test gives them one more
thing (a certificate of their own, the gateway's certificate, a real assertion for a
different user or service) and shows that it is still not enough.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import grpc
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.x509.oid import ExtendedKeyUsageOID

from kubechat.callers import ASSERTION_HEADER, CallerSigner
from kubechat.v1 import (
    audit_pb2,
    audit_pb2_grpc,
    common_pb2,
    executor_pb2,
    executor_pb2_grpc,
    identity_pb2,
    identity_pb2_grpc,
)
from kubechat_devstack import service_identity
from kubechat_devstack.cluster import ClusterHandle
from kubechat_devstack.pki import _cert_pem, _key_pem, issue, new_ca
from kubechat_devstack.stack import Ports, Stack
from tests.e2e.executor_support import BOB, SECRETS, op, plan

# Made up: no such user exists, and system:masters is everything a cluster can grant.
MALLORY = common_pb2.Principal(
    user="mallory",
    tenant="acme",
    roles=["admin"],
    k8s_user="mallory",
    k8s_groups=["system:masters"],
)
AUDREY = common_pb2.Principal(user="audrey", tenant="acme", roles=["auditor"])
READ_PROD_SECRET = plan(op("get", SECRETS, namespace="prod", name="checkout-db"))
READ_STAGING_SECRETS = plan(op("get", SECRETS, namespace="staging"))


@pytest.fixture(scope="module")
def stack(kube_cluster: ClusterHandle, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """Executor (on the test bed, allowed to impersonate anyone), audit and identity."""
    base = tmp_path_factory.mktemp("security")
    running = Stack(
        base_dir=base,
        ports=Ports.free(),
        kubeconfig=kube_cluster.kubeconfig("executor"),
        extra_env={
            "KUBECHAT_DATABASE_URL": f"sqlite:///{base / 'executor.db'}",
            "KUBECHAT_LOG_FORMAT": "text",
        },
    )
    try:
        running.start_nats()
        running.start_redis()
        running.start_services(["identity", "audit", "executor"])
        yield running
    finally:
        running.stop()


def channel(stack: Stack, service: str, peer: str = "gateway") -> grpc.Channel:
    """mTLS as `peer`, with no assertion added: each test says what it sends."""
    return grpc.secure_channel(
        stack.address(service), service_identity.credentials(stack.base_dir, peer)
    )


def assertion(
    stack: Stack,
    principal: common_pb2.Principal,
    audience: str,
    *,
    key: Ed25519PrivateKey | None = None,
    clock: float | None = None,
) -> list[tuple[str, str]]:
    if key is not None:
        signing = CallerSigner(key)
    else:
        signing = service_identity.signer(stack.base_dir, None if clock is None else lambda: clock)
    return [(ASSERTION_HEADER, signing.sign(principal, [audience]))]


def refused(call: Any, *args: Any, **kwargs: Any) -> grpc.RpcError:
    with pytest.raises(grpc.RpcError) as caught:
        reply = call(*args, timeout=15, **kwargs)
        if hasattr(reply, "__iter__") and not hasattr(reply, "ListFields"):
            list(reply)  # a server stream fails on its first read
    return caught.value


def execute(chan: grpc.Channel) -> Any:
    return executor_pb2_grpc.ExecutorServiceStub(chan).Execute


# -- caller identity ----------------------------------------------------------------------


def test_a_made_up_system_masters_user_reads_no_secret(stack: Stack) -> None:
    request = executor_pb2.ExecuteRequest(plan=READ_PROD_SECRET, principal=MALLORY)
    with channel(stack, "executor") as chan:
        # Even holding the gateway's own certificate: the body names a principal, nobody
        # vouched for it.
        error = refused(execute(chan), request)
        assert error.code() == grpc.StatusCode.UNAUTHENTICATED
        assert "assertion is missing" in (error.details() or "")
        # A real assertion for bob does not stretch to mallory in the body.
        error = refused(execute(chan), request, metadata=assertion(stack, BOB, "executor"))
        assert error.code() == grpc.StatusCode.PERMISSION_DENIED
        assert "not the user the gateway vouched for" in (error.details() or "")
        # Streaming and preview are held to the same rule.
        stream = executor_pb2_grpc.ExecutorServiceStub(chan).ExecuteStream
        assert refused(stream, request).code() == grpc.StatusCode.UNAUTHENTICATED
        preview = executor_pb2_grpc.ExecutorServiceStub(chan).Preview
        forged_preview = executor_pb2.PreviewRequest(plan=READ_PROD_SECRET, principal=MALLORY)
        assert refused(preview, forged_preview).code() == grpc.StatusCode.UNAUTHENTICATED


def test_an_assertion_signed_by_any_other_key_is_refused(stack: Stack) -> None:
    request = executor_pb2.ExecuteRequest(plan=READ_PROD_SECRET, principal=MALLORY)
    own_key = Ed25519PrivateKey.generate()
    with channel(stack, "executor") as chan:
        metadata = assertion(stack, MALLORY, "executor", key=own_key)
        error = refused(execute(chan), request, metadata=metadata)
    assert error.code() == grpc.StatusCode.UNAUTHENTICATED
    assert "signed by a key this service does not trust" in (error.details() or "")


def test_an_assertion_for_another_service_is_refused(stack: Stack) -> None:
    request = executor_pb2.ExecuteRequest(plan=READ_STAGING_SECRETS, principal=BOB)
    with channel(stack, "executor") as chan:
        error = refused(execute(chan), request, metadata=assertion(stack, BOB, "audit"))
    assert error.code() == grpc.StatusCode.UNAUTHENTICATED
    assert "not addressed to the executor" in (error.details() or "")


def test_an_expired_assertion_is_refused(stack: Stack) -> None:
    request = executor_pb2.ExecuteRequest(plan=READ_STAGING_SECRETS, principal=BOB)
    stale = assertion(stack, BOB, "executor", clock=time.time() - 120)
    with channel(stack, "executor") as chan:
        error = refused(execute(chan), request, metadata=stale)
    assert error.code() == grpc.StatusCode.UNAUTHENTICATED
    assert "expired" in (error.details() or "")


def test_the_asserted_user_acts_with_their_own_rights_only(stack: Stack) -> None:
    """The check is not a blanket refusal: bob, vouched for, reads what bob may read."""
    with channel(stack, "executor") as chan:
        allowed = execute(chan)(
            executor_pb2.ExecuteRequest(plan=READ_STAGING_SECRETS, principal=BOB),
            metadata=assertion(stack, BOB, "executor"),
            timeout=60,
        )
        # The principal may also be left out: the assertion alone says who asks.
        implicit = execute(chan)(
            executor_pb2.ExecuteRequest(plan=READ_STAGING_SECRETS),
            metadata=assertion(stack, BOB, "executor"),
            timeout=60,
        )
    for reply in (allowed, implicit):
        assert "checkout-db" in [row.cells[0] for row in reply.results[0].table.rows]


def test_cluster_registration_needs_an_asserted_admin(stack: Stack) -> None:
    request = executor_pb2.RegisterClusterRequest(
        name="attacker", server=executor_pb2.ServerCredentials(server="https://10.0.0.1")
    )
    with channel(stack, "executor") as chan:
        register = executor_pb2_grpc.ExecutorServiceStub(chan).RegisterCluster
        assert refused(register, request).code() == grpc.StatusCode.UNAUTHENTICATED
        error = refused(register, request, metadata=assertion(stack, BOB, "executor"))
    assert error.code() == grpc.StatusCode.PERMISSION_DENIED


def test_a_forged_admin_reads_no_audit_trail(stack: Stack) -> None:
    forged = audit_pb2.SearchRequest(caller=MALLORY, page_size=10)
    with channel(stack, "audit") as chan:
        search = audit_pb2_grpc.AuditServiceStub(chan).Search
        assert refused(search, forged).code() == grpc.StatusCode.UNAUTHENTICATED
        # An auditor's real assertion with an admin in the body: refused, not widened.
        error = refused(search, forged, metadata=assertion(stack, AUDREY, "audit"))
        assert error.code() == grpc.StatusCode.PERMISSION_DENIED
        tail = audit_pb2_grpc.AuditServiceStub(chan).Tail
        forged_tail = audit_pb2.TailRequest(caller=MALLORY)
        assert refused(tail, forged_tail).code() == grpc.StatusCode.UNAUTHENTICATED
        # The auditor, as asserted, searches their own tenant.
        own = search(
            audit_pb2.SearchRequest(page_size=10),
            metadata=assertion(stack, AUDREY, "audit"),
            timeout=15,
        )
    assert {e.tenant for e in own.events} <= {"acme"}


def test_a_forged_tenant_admin_lists_and_resets_no_users(stack: Stack) -> None:
    with channel(stack, "identity") as chan:
        stub = identity_pb2_grpc.IdentityServiceStub(chan)
        forged = identity_pb2.ListUsersRequest(caller=MALLORY)
        assert refused(stub.ListUsers, forged).code() == grpc.StatusCode.UNAUTHENTICATED
        reset = identity_pb2.ResetCredentialsRequest(caller=MALLORY, user_id="alice")
        error = refused(stub.ResetCredentials, reset, metadata=assertion(stack, BOB, "identity"))
        assert error.code() == grpc.StatusCode.PERMISSION_DENIED


# -- service identity ---------------------------------------------------------------------


def test_a_client_without_a_mesh_certificate_fails_the_handshake(
    stack: Stack, tmp_path: Path
) -> None:
    # Plaintext, and TLS without a client certificate: no handshake, so no call at all.
    with grpc.insecure_channel(stack.address("executor")) as chan:
        assert refused(execute(chan), executor_pb2.ExecuteRequest()).code() == (
            grpc.StatusCode.UNAVAILABLE
        )
    ca = (stack.base_dir / "mesh-pki" / "ca.crt").read_bytes()
    with grpc.secure_channel(
        stack.address("executor"), grpc.ssl_channel_credentials(root_certificates=ca)
    ) as chan:
        assert refused(execute(chan), executor_pb2.ExecuteRequest()).code() == (
            grpc.StatusCode.UNAVAILABLE
        )
    # A certificate of the attacker's own CA, with the gateway's name in it.
    rogue_key, rogue_ca = new_ca("kubechat-mesh-ca")
    key, cert = issue(
        rogue_key,
        rogue_ca,
        "gateway",
        service_identity.peer_sans("gateway"),  # the same names the real one has
        (ExtendedKeyUsageOID.CLIENT_AUTH,),
    )
    credentials = grpc.ssl_channel_credentials(
        root_certificates=ca, private_key=_key_pem(key), certificate_chain=_cert_pem(cert)
    )
    request = executor_pb2.ExecuteRequest(plan=READ_STAGING_SECRETS, principal=BOB)
    with grpc.secure_channel(stack.address("executor"), credentials) as chan:
        error = refused(execute(chan), request, metadata=assertion(stack, BOB, "executor"))
    assert error.code() == grpc.StatusCode.UNAVAILABLE


def test_a_mesh_peer_calls_only_the_methods_it_needs(stack: Stack) -> None:
    request = executor_pb2.ExecuteRequest(plan=READ_STAGING_SECRETS, principal=BOB)
    vouched = assertion(stack, BOB, "executor")
    # nlp may read cluster views for a user, never run a plan, even with a real assertion.
    with channel(stack, "executor", peer="nlp") as chan:
        error = refused(execute(chan), request, metadata=vouched)
    assert error.code() == grpc.StatusCode.PERMISSION_DENIED
    assert "nlp may not call /kubechat.v1.ExecutorService/Execute" in (error.details() or "")
    # Only the gateway validates tokens; only the gateway reads the audit trail.
    with channel(stack, "identity", peer="audit") as chan:
        validate = identity_pb2_grpc.IdentityServiceStub(chan).ValidateToken
        error = refused(validate, identity_pb2.ValidateTokenRequest(token="x"))
    assert error.code() == grpc.StatusCode.PERMISSION_DENIED
    with channel(stack, "audit", peer="executor") as chan:
        search = audit_pb2_grpc.AuditServiceStub(chan).Search
        error = refused(
            search, audit_pb2.SearchRequest(), metadata=assertion(stack, AUDREY, "audit")
        )
    assert error.code() == grpc.StatusCode.PERMISSION_DENIED
