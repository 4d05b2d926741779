"""The gateway's connections to the rest of the mesh: gRPC stubs, NATS, Redis."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field

import redis.asyncio as aioredis
from grpc import aio
from nats.aio.client import Client as NatsClient
from nats.js import JetStreamContext

from kubechat import grpc as kc_grpc
from kubechat import nats as kc_nats
from kubechat.caller_channels import SigningInterceptor
from kubechat.errors import Unavailable
from kubechat.events import AUDIT_STREAM, AUDIT_SUBJECT_ROOT, AuditEvent
from kubechat.mtls import MeshSecurity, load_security
from kubechat.redact import redact_event
from kubechat.v1 import audit_pb2_grpc, executor_pb2_grpc, identity_pb2_grpc, intent_pb2_grpc
from kubechat_gateway.config import GatewaySettings
from kubechat_gateway.principals import AUDIENCES, principal_for

log = logging.getLogger(__name__)


@dataclass
class Mesh:
    settings: GatewaySettings
    channels: dict[str, aio.Channel] = field(default_factory=dict)
    nats: NatsClient | None = None
    js: JetStreamContext | None = None
    redis: aioredis.Redis | None = None
    _connector: asyncio.Task[None] | None = None

    @property
    def addresses(self) -> dict[str, str]:
        s = self.settings
        return {
            "nlp": s.nlp_address,
            "executor": s.executor_address,
            "audit": s.audit_address,
            "identity": s.identity_address,
        }

    def security(self) -> MeshSecurity:
        return load_security(
            "gateway",
            self.settings,
            signing_key=self.settings.caller_signing_key,
            verifies_callers=False,
        )

    async def start(self) -> None:
        security = self.security()
        pick = principal_for(self.settings.auth_mode)
        for name, address in self.addresses.items():
            signing = (
                [SigningInterceptor(security.signer, AUDIENCES[name], pick)]
                if security.signer is not None
                else []
            )
            self.channels[name] = kc_grpc.channel(address, security, signing)
        self.redis = aioredis.from_url(
            self.settings.redis_url,
            socket_timeout=2,
            socket_connect_timeout=2,
            **self.settings.redis_credentials(),
        )
        # NATS may come up after us; keep trying in the background and report it in /readyz.
        self._connector = asyncio.create_task(self._connect_nats())

    async def _connect_nats(self) -> None:
        while self.nats is None:
            try:
                client = await kc_nats.connect(
                    self.settings.nats_url,
                    name="kubechat-gateway",
                    timeout=5,
                    user=self.settings.nats_user,
                    password=self.settings.nats_password.get_secret_value(),
                    tls=self.settings.nats_tls(),
                )
            except Unavailable:
                continue
            js = client.jetstream()
            await kc_nats.ensure_stream(js, AUDIT_STREAM, [f"{AUDIT_SUBJECT_ROOT}.>"])
            self.nats, self.js = client, js

    async def stop(self) -> None:
        if self._connector is not None:
            self._connector.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._connector
        for chan in self.channels.values():
            await chan.close()
        if self.nats is not None:
            with contextlib.suppress(Exception):
                await self.nats.drain()
        if self.redis is not None:
            await self.redis.aclose()

    async def check_health(self, name: str, timeout: float) -> bool:
        """Whether the service `name` says SERVING, over the same mTLS channel calls use."""
        return await kc_grpc.check_health(self.channels[name], timeout)

    def intent(self) -> intent_pb2_grpc.IntentServiceAsyncStub:
        return intent_pb2_grpc.IntentServiceStub(self.channels["nlp"])

    def executor(self) -> executor_pb2_grpc.ExecutorServiceAsyncStub:
        return executor_pb2_grpc.ExecutorServiceStub(self.channels["executor"])

    def audit(self) -> audit_pb2_grpc.AuditServiceAsyncStub:
        return audit_pb2_grpc.AuditServiceStub(self.channels["audit"])

    def identity(self) -> identity_pb2_grpc.IdentityServiceAsyncStub:
        return identity_pb2_grpc.IdentityServiceStub(self.channels["identity"])

    async def publish(self, event: AuditEvent) -> None:
        """Put the event on JetStream; the audit service stores it."""
        if self.js is None or self.nats is None or not self.nats.is_connected:
            raise Unavailable(f"NATS at {self.settings.nats_url} is unavailable; nothing was run")
        # Secrets stop here, before the event leaves the process (the audit service
        # redacts again, as a last line of defence).
        safe = redact_event(event)
        try:
            await kc_nats.publish(self.js, safe.subject(), safe.to_bytes(), msg_id=safe.event_id)
        except Exception as exc:  # noqa: BLE001 - any publish failure means NATS is not there
            raise Unavailable(
                f"NATS at {self.settings.nats_url} did not accept the event: {exc}"
            ) from None
