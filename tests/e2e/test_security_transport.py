"""Issue 13, transport: the public gRPC port, NATS and Redis speak TLS with certificates
from the stack's CA, and a client that will not (plaintext) or cannot (another CA) verify
them gets nothing.

The public port takes no client certificate (callers bring a bearer token); its errors go
through the same server interceptor as every internal service."""

from __future__ import annotations

import asyncio
import datetime
import ssl

import grpc
import nats
import pytest
import redis
from cryptography.hazmat.primitives import serialization
from google.protobuf.json_format import MessageToDict
from grpc_health.v1 import health_pb2, health_pb2_grpc
from nats.errors import Error as NatsError
from redis.backoff import NoBackoff
from redis.retry import Retry

from kubechat.v1 import kubechat_pb2, kubechat_pb2_grpc
from kubechat_devstack.pki import new_ca
from kubechat_devstack.service_identity import public_channel
from kubechat_devstack.stack import Stack


def public_address(stack: Stack) -> str:
    return f"127.0.0.1:{stack.ports.gateway_grpc}"


def other_ca() -> bytes:
    """A CA that never signed anything of this stack's."""
    _, cert = new_ca("someone-else", datetime.datetime.now(datetime.UTC))
    return cert.public_bytes(serialization.Encoding.PEM)


def test_the_public_grpc_port_serves_tls_and_maps_errors_in_the_shared_interceptor(
    mesh_without_cluster: Stack,
) -> None:
    with public_channel(mesh_without_cluster.base_dir, public_address(mesh_without_cluster)) as ch:
        health = health_pb2_grpc.HealthStub(ch).Check(health_pb2.HealthCheckRequest(), timeout=5)
        assert health.status == health_pb2.HealthCheckResponse.SERVING
        stub = kubechat_pb2_grpc.KubeChatServiceStub(ch)
        with pytest.raises(grpc.RpcError) as refused:
            stub.GetConversation(
                kubechat_pb2.GetConversationRequest(conversation_id="not/an id"), timeout=10
            )
        assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert "conversation_id" in (refused.value.details() or "")
        # A server stream, through the interceptor's stream half: the ask runs and ends in
        # the error REST answers 503 for (no cluster here; a peer that an earlier test of
        # this shared stack restarted says the same code).
        events = list(
            stub.Ask(kubechat_pb2.AskRequest(text="list pods", conversation_id="tls-1"), timeout=30)
        )
        errors = [e for e in events if e.type == "error"]
        assert errors and events[-1].type == "done", [e.type for e in events]
        assert MessageToDict(errors[0].payload)["code"] == "unavailable"


def test_the_public_grpc_port_refuses_plaintext_and_unverifiable_clients(
    mesh_without_cluster: Stack,
) -> None:
    request = kubechat_pb2.GetConversationRequest(conversation_id="tls-1")
    with grpc.insecure_channel(public_address(mesh_without_cluster)) as plain:
        with pytest.raises(grpc.RpcError) as refused:
            kubechat_pb2_grpc.KubeChatServiceStub(plain).GetConversation(request, timeout=5)
        assert refused.value.code() == grpc.StatusCode.UNAVAILABLE
    wrong = grpc.ssl_channel_credentials(root_certificates=other_ca())
    with grpc.secure_channel(public_address(mesh_without_cluster), wrong) as untrusting:
        with pytest.raises(grpc.RpcError) as refused:
            kubechat_pb2_grpc.KubeChatServiceStub(untrusting).GetConversation(request, timeout=5)
        assert refused.value.code() == grpc.StatusCode.UNAVAILABLE


# -- NATS and Redis ---------------------------------------------------------------------


def test_nats_refuses_a_plaintext_client_with_the_right_password(
    mesh_without_cluster: Stack,
) -> None:
    stack = mesh_without_cluster
    plain = stack.nats_url_as("operator").replace("tls://", "nats://")

    async def attempt(url: str, tls: ssl.SSLContext | None) -> None:
        client = await nats.connect(url, tls=tls, allow_reconnect=False, connect_timeout=2)
        await client.close()

    with pytest.raises((NatsError, OSError, ssl.SSLError)):
        asyncio.run(attempt(plain, None))
    # The same client with another CA's trust cannot verify the server either.
    untrusting = ssl.create_default_context(cadata=other_ca().decode())
    with pytest.raises((NatsError, OSError, ssl.SSLError)):
        asyncio.run(attempt(stack.nats_url_as("operator"), untrusting))
    asyncio.run(attempt(stack.nats_url_as("operator"), stack.nats_tls()))  # the control


def test_redis_refuses_a_plaintext_client_with_the_right_password(
    mesh_without_cluster: Stack,
) -> None:
    stack = mesh_without_cluster
    password = stack.credentials.redis["operator"]
    # No retries: redis-py retries a failed connection three times with backoff before
    # raising the same error.
    plain = redis.Redis(
        port=stack.ports.redis, username="operator", password=password, retry=Retry(NoBackoff(), 0)
    )
    with pytest.raises(redis.ConnectionError):
        plain.ping()
    assert redis.Redis.from_url(stack.redis_url_as("operator")).ping()  # the control
