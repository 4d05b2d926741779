"""The public gRPC API (`KubeChatService`, proto/kubechat/v1/kubechat.proto), served by the
gateway process on its own port, on the same Chat as the WebSocket.

Auth: `authorization: Bearer <token>` metadata, validated through identity when
auth_mode="oidc" (the same cached Authenticator as REST); dev mode acts as the developer.
Transport: TLS with the gateway's public certificate (KUBECHAT_PUBLIC_GRPC_TLS_CERT/KEY), no
client certificate; plaintext only with KUBECHAT_PUBLIC_GRPC_PLAINTEXT, which production
refuses. Errors and traces go through the shared server interceptor (kubechat.grpc), so a
KubeChatError raised here becomes its gRPC status in the one place every service uses.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import grpc
from google.protobuf import struct_pb2
from grpc import aio
from grpc_health.v1 import health, health_pb2, health_pb2_grpc

from kubechat.errors import InvalidArgument
from kubechat.grpc import ServerInterceptor
from kubechat.mtls import server_tls
from kubechat.v1 import common_pb2, kubechat_pb2, kubechat_pb2_grpc
from kubechat_gateway.auth import Authenticator, PrincipalCache
from kubechat_gateway.chat import Chat
from kubechat_gateway.config import GatewaySettings
from kubechat_gateway.deps import DEV_PRINCIPAL
from kubechat_gateway.hub import Event, EventHub
from kubechat_gateway.routes.clusters import list_clusters_for

Context = aio.ServicerContext[Any, Any]
_ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")


def _struct(data: dict[str, Any]) -> struct_pb2.Struct:
    payload = struct_pb2.Struct()
    payload.update({k: v for k, v in data.items() if k not in ("type", "conversation_id")})
    return payload


def _conversation_id(value: str, *, create: bool = False) -> str:
    if not value and create:
        return uuid.uuid4().hex
    if not value or len(value) > 64 or not set(value) <= _ID_CHARS:
        raise InvalidArgument("conversation_id: 1-64 of [A-Za-z0-9_-]")
    return value


class KubeChatServicer(kubechat_pb2_grpc.KubeChatServiceServicer):
    def __init__(self, chat: Chat, hub: EventHub) -> None:
        self._chat = chat
        self._hub = hub
        self._auth = Authenticator(
            chat.settings.identity_address, chat.settings.dependency_timeout, PrincipalCache()
        )

    async def _principal(self, context: Context) -> common_pb2.Principal:
        if self._chat.settings.auth_mode == "dev":
            return DEV_PRINCIPAL
        metadata = dict(context.invocation_metadata() or ())
        authorization = metadata.get("authorization")
        return await self._auth.authenticate(
            authorization if isinstance(authorization, str) else None, self._chat.mesh
        )

    async def _stream(
        self, context: Context, conversation_id: str, job: Any
    ) -> AsyncIterator[kubechat_pb2.ChatEvent]:
        queue: asyncio.Queue[Event | None] = asyncio.Queue()

        async def emit(event: Event) -> None:
            await queue.put(event)
            await self._hub.publish(conversation_id, event)

        async def run() -> None:
            try:
                await job(emit)
            finally:
                await queue.put(None)

        task = asyncio.create_task(run())
        try:
            while (event := await queue.get()) is not None:
                yield kubechat_pb2.ChatEvent(
                    type=str(event["type"]), conversation_id=conversation_id, payload=_struct(event)
                )
            await task
        finally:
            if not task.done():
                task.cancel()

    async def Ask(  # noqa: N802 - gRPC method name
        self, request: kubechat_pb2.AskRequest, context: Context
    ) -> AsyncIterator[kubechat_pb2.ChatEvent]:
        principal = await self._principal(context)
        cid = _conversation_id(request.conversation_id, create=True)
        peer = context.peer() or ""

        async def job(emit: Any) -> None:
            await self._chat.ask(principal, cid, request.text, request.cluster_id, emit, peer)

        async for event in self._stream(context, cid, job):
            yield event

    async def Confirm(  # noqa: N802
        self, request: kubechat_pb2.ConfirmRequest, context: Context
    ) -> AsyncIterator[kubechat_pb2.ChatEvent]:
        principal = await self._principal(context)
        cid = _conversation_id(request.conversation_id)

        async def job(emit: Any) -> None:
            await self._chat.confirm(
                principal, cid, request.confirmation_id, request.typed_name, emit
            )

        async for event in self._stream(context, cid, job):
            yield event

    async def Cancel(  # noqa: N802
        self, request: kubechat_pb2.CancelRequest, context: Context
    ) -> kubechat_pb2.CancelResponse:
        principal = await self._principal(context)
        cid = _conversation_id(request.conversation_id)

        async def emit(event: Event) -> None:
            await self._hub.publish(cid, event)

        cancelled = await self._chat.cancel(principal, cid, request.confirmation_id, emit)
        return kubechat_pb2.CancelResponse(cancelled=cancelled)

    async def ListClusters(  # noqa: N802
        self, request: kubechat_pb2.ListPublicClustersRequest, context: Context
    ) -> kubechat_pb2.ListPublicClustersResponse:
        await self._principal(context)
        clusters = await list_clusters_for(self._chat.mesh, self._chat.settings)
        return kubechat_pb2.ListPublicClustersResponse(
            clusters=[
                kubechat_pb2.PublicCluster(
                    id=c.id,
                    name=c.name,
                    environment=c.environment,
                    labels=c.labels,
                    reachable=c.reachable,
                    version=c.version,
                )
                for c in clusters
            ]
        )

    async def GetConversation(  # noqa: N802
        self, request: kubechat_pb2.GetConversationRequest, context: Context
    ) -> kubechat_pb2.Conversation:
        principal = await self._principal(context)
        cid = _conversation_id(request.conversation_id)
        found, count = await self._chat.store.get(principal.tenant, principal.user, cid)
        reply = kubechat_pb2.Conversation(
            id=found.id, title=found.title, cluster_id=found.cluster_id, message_count=count
        )
        reply.created_at.FromNanoseconds(int(found.created_at * 1e9))
        reply.updated_at.FromNanoseconds(int(found.updated_at * 1e9))
        return reply

    async def ListMessages(  # noqa: N802
        self, request: kubechat_pb2.ListMessagesRequest, context: Context
    ) -> kubechat_pb2.ListMessagesResponse:
        principal = await self._principal(context)
        cid = _conversation_id(request.conversation_id)
        if request.limit < 0:
            raise InvalidArgument("limit must be 0 (all) or more")
        found = await self._chat.store.messages(
            principal.tenant, principal.user, cid, request.limit
        )
        reply = kubechat_pb2.ListMessagesResponse()
        for m in found:
            message = reply.messages.add(id=m.id or 0, role=m.role, type=m.type, text=m.text)
            message.payload.update(json.loads(m.payload_json or "{}"))
            message.created_at.FromNanoseconds(int(m.created_at * 1e9))
        return reply


def credentials(settings: GatewaySettings) -> grpc.ServerCredentials | None:
    """The public port's TLS (None: plaintext, as explicitly asked), or a refusal to start
    that says what is missing."""
    if settings.public_grpc_plaintext:
        return None
    cert, key = settings.public_grpc_tls_cert, settings.public_grpc_tls_key
    if not cert or not key:
        raise SystemExit(
            "kubechat-gateway: the public gRPC port serves TLS: set "
            "KUBECHAT_PUBLIC_GRPC_TLS_CERT and KUBECHAT_PUBLIC_GRPC_TLS_KEY (PEM files; "
            "`kubechat-devstack mesh-pki` makes a local pair), KUBECHAT_PUBLIC_GRPC_PORT=0 "
            "to turn the port off, or KUBECHAT_PUBLIC_GRPC_PLAINTEXT=true for a local "
            "experiment (refused in production)"
        )
    for path in (cert, key):
        if not Path(path).is_file():
            raise SystemExit(f"kubechat-gateway: {path} does not exist or is not a file")
    return server_tls(cert, key)


async def start(chat: Chat, hub: EventHub) -> aio.Server | None:
    settings = chat.settings
    if settings.public_grpc_port <= 0:
        return None
    tls = credentials(settings)
    server = aio.server(interceptors=[ServerInterceptor(None)])
    kubechat_pb2_grpc.add_KubeChatServiceServicer_to_server(KubeChatServicer(chat, hub), server)
    health_servicer = health.aio.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    address = f"{settings.http_host}:{settings.public_grpc_port}"
    if tls is None:
        server.add_insecure_port(address)
    else:
        server.add_secure_port(address, tls)
    await server.start()
    for name in ("", "kubechat.v1.KubeChatService"):
        await health_servicer.set(name, health_pb2.HealthCheckResponse.SERVING)
    return server
