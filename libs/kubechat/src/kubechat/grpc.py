"""gRPC plumbing shared by every service: the server runner, error mapping, tracing.

`run_server` starts a `grpc.aio` server with the standard health service, maps
`KubeChatError` to gRPC status in one interceptor, continues the caller's trace, admits
callers (mTLS peer and caller assertion, `kubechat.admission`), and stops gracefully on
SIGTERM/SIGINT. `channel` opens a mutual-TLS client channel that propagates the trace.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Sequence
from typing import Any

import grpc
from grpc import aio
from grpc_health.v1 import health, health_pb2, health_pb2_grpc

from kubechat import telemetry
from kubechat.admission import admit_caller, admit_peer, bind_principal
from kubechat.callers import VerifiedCaller, set_current_caller
from kubechat.errors import KubeChatError, from_status
from kubechat.mtls import MeshSecurity, peer_name

log = logging.getLogger(__name__)

Register = Callable[[aio.Server], None]


def _status_for(exc: BaseException) -> tuple[grpc.StatusCode, str]:
    if isinstance(exc, KubeChatError):
        message = exc.message + (f" (hint: {exc.hint})" if exc.hint else "")
        return exc.status, message
    log.exception("unhandled error in servicer", exc_info=exc)
    return grpc.StatusCode.INTERNAL, f"internal error: {type(exc).__name__}"


class ServerInterceptor(aio.ServerInterceptor):
    """Continues the caller's trace, admits the caller, and maps KubeChatError to gRPC
    status, in one place.

    `security=None` serves a public port (the gateway's KubeChatService): no mesh peer or
    caller assertion is asked for, since its clients authenticate each call with their
    bearer token; trace and error mapping are the same."""

    def __init__(self, security: MeshSecurity | None) -> None:
        self._security = security

    def _admit(
        self, method: str, context: Any, metadata: dict[str, str], request: Any
    ) -> VerifiedCaller | None:
        # grpc.aio serves each call in its own task, so the caller set for it (a contextvar)
        # is never seen by another call and needs no reset.
        if self._security is None:
            return None  # a public port: the servicer authenticates the bearer token
        if self._security.insecure:
            return None  # KUBECHAT_INSECURE_INTERNAL: the old, trusting behaviour
        peer = peer_name(context.auth_context())
        try:
            rule = admit_peer(method, peer)
            caller = admit_caller(rule, method, metadata, self._security.verifier)
            bind_principal(request, caller, method)
        except KubeChatError as exc:
            log.warning(
                "internal call refused",
                extra={"method": method, "peer": peer, "reason": exc.message},
            )
            raise
        return caller

    async def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], Awaitable[Any]],
        details: grpc.HandlerCallDetails,
    ) -> Any:
        # The handler's call signatures are untyped in grpc's stubs for aio; Any is honest.
        handler: Any = await continuation(details)
        if handler is None:
            return handler
        method = details.method
        metadata = {k: v for k, v in (details.invocation_metadata or ()) if isinstance(v, str)}
        parent = telemetry.extract(metadata)
        tracer = telemetry.tracer("kubechat.grpc")

        if handler.unary_unary is not None:
            inner_unary: Any = handler.unary_unary

            async def unary(request: Any, context: Any) -> Any:
                with tracer.start_as_current_span(method, context=parent):
                    try:
                        set_current_caller(self._admit(method, context, metadata, request))
                        return await inner_unary(request, context)
                    except (asyncio.CancelledError, aio.AbortError):
                        raise
                    except Exception as exc:  # noqa: BLE001 - mapped to a status, never lost
                        code, message = _status_for(exc)
                        await context.abort(code, message)

            return grpc.unary_unary_rpc_method_handler(
                unary, handler.request_deserializer, handler.response_serializer
            )
        if handler.unary_stream is not None:
            inner_stream: Any = handler.unary_stream

            async def stream(request: Any, context: Any) -> AsyncIterator[Any]:
                with tracer.start_as_current_span(method, context=parent):
                    try:
                        set_current_caller(self._admit(method, context, metadata, request))
                        async for item in inner_stream(request, context):
                            yield item
                    except (asyncio.CancelledError, aio.AbortError):
                        raise
                    except Exception as exc:  # noqa: BLE001
                        code, message = _status_for(exc)
                        await context.abort(code, message)

            return grpc.unary_stream_rpc_method_handler(
                stream, handler.request_deserializer, handler.response_serializer
            )
        return handler


class _ClientTraceInterceptor(aio.UnaryUnaryClientInterceptor, aio.UnaryStreamClientInterceptor):
    """Puts the current trace context into the call's metadata."""

    @staticmethod
    def _with_trace(details: aio.ClientCallDetails) -> aio.ClientCallDetails:
        metadata = aio.Metadata(*(details.metadata or ()))
        for key, value in telemetry.inject({}).items():
            metadata.add(key, value)
        return aio.ClientCallDetails(
            details.method, details.timeout, metadata, details.credentials, details.wait_for_ready
        )

    async def intercept_unary_unary(self, continuation: Any, details: Any, request: Any) -> Any:
        return await continuation(self._with_trace(details), request)

    async def intercept_unary_stream(self, continuation: Any, details: Any, request: Any) -> Any:
        return await continuation(self._with_trace(details), request)


async def refuse_stream(error: KubeChatError) -> AsyncIterator[Any]:
    """A server stream that fails with `error` before sending anything."""
    raise error
    yield  # type: ignore[unreachable]  # the yield makes this an async generator


class _StreamFacet(aio.UnaryStreamClientInterceptor):
    """The unary-stream half of an interceptor that handles both kinds of call: grpc.aio
    files each interceptor under the first kind it is an instance of (unary-unary), so
    without this, server streams (ExecuteStream, Export, Tail) would skip it."""

    def __init__(self, inner: aio.UnaryStreamClientInterceptor) -> None:
        self._inner = inner

    async def intercept_unary_stream(self, continuation: Any, details: Any, request: Any) -> Any:
        return await self._inner.intercept_unary_stream(continuation, details, request)


def _both_kinds(interceptors: Sequence[aio.ClientInterceptor]) -> list[aio.ClientInterceptor]:
    chain: list[aio.ClientInterceptor] = []
    for interceptor in interceptors:
        chain.append(interceptor)
        if isinstance(interceptor, aio.UnaryUnaryClientInterceptor) and isinstance(
            interceptor, aio.UnaryStreamClientInterceptor
        ):
            chain.append(_StreamFacet(interceptor))
    return chain


_CHANNEL_OPTIONS = [
    ("grpc.lb_policy_name", "round_robin"),
    ("grpc.max_receive_message_length", 64 * 1024 * 1024),
]


def channel(
    address: str,
    security: MeshSecurity,
    interceptors: Sequence[aio.ClientInterceptor] = (),
) -> aio.Channel:
    """A client channel to `address` that propagates the trace and load-balances replicas,
    over mutual TLS with this service's certificate (plaintext only when insecure)."""
    chain = _both_kinds([_ClientTraceInterceptor(), *interceptors])
    if security.insecure:
        return aio.insecure_channel(address, interceptors=chain, options=_CHANNEL_OPTIONS)
    return aio.secure_channel(
        address, security.channel_credentials(), interceptors=chain, options=_CHANNEL_OPTIONS
    )


def raise_for_rpc_error(exc: aio.AioRpcError) -> KubeChatError:
    """The KubeChatError that a failed call to another service means for our caller."""
    return from_status(exc.code(), exc.details() or exc.code().name)


async def check_health(chan: aio.Channel, timeout: float = 2.0) -> bool:
    """True when the gRPC health service behind `chan` says SERVING."""
    stub = health_pb2_grpc.HealthStub(chan)
    try:
        reply = await stub.Check(health_pb2.HealthCheckRequest(), timeout=timeout)
    except aio.AioRpcError:
        return False
    return bool(reply.status == health_pb2.HealthCheckResponse.SERVING)


async def run_server(
    address: str,
    register: Sequence[Register],
    service_names: Sequence[str],
    *,
    security: MeshSecurity,
    on_started: Callable[[int], None] | None = None,
    background: Sequence[Callable[[], Coroutine[Any, Any, None]]] = (),
    grace: float = 5.0,
) -> None:
    """Serve until SIGTERM/SIGINT, then drain in-flight calls for `grace` seconds."""
    server = aio.server(interceptors=[ServerInterceptor(security)])
    for add in register:
        add(server)
    health_servicer = health.aio.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    if security.insecure:
        port = server.add_insecure_port(address)
    else:
        port = server.add_secure_port(address, security.server_credentials())
    servers = [server]
    if security.health_port and not security.insecure:
        # Health alone, in plaintext, for kubelet's grpc probes (they present no
        # certificate); it says SERVING or not and nothing else.
        probe_server = aio.server()
        health_pb2_grpc.add_HealthServicer_to_server(health_servicer, probe_server)
        host = address.rsplit(":", 1)[0]
        probe_server.add_insecure_port(f"{host}:{security.health_port}")
        servers.append(probe_server)
    for each in servers:
        await each.start()
    for name in ("", *service_names):
        await health_servicer.set(name, health_pb2.HealthCheckResponse.SERVING)
    log.info("gRPC server listening", extra={"address": address, "port": port})
    if on_started is not None:
        on_started(port)

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    tasks = [asyncio.create_task(job()) for job in background]

    def stop_if_failed(task: asyncio.Task[None]) -> None:
        # A background loop that dies (NATS gone for good) must not leave a server that
        # looks healthy but does nothing: stop, and let the supervisor restart us.
        if not task.cancelled() and task.exception() is not None:
            log.error("background task failed; stopping", exc_info=task.exception())
            stop.set()

    for task in tasks:
        task.add_done_callback(stop_if_failed)
    try:
        await stop.wait()
    finally:
        log.info("shutting down")
        for name in ("", *service_names):
            await health_servicer.set(name, health_pb2.HealthCheckResponse.NOT_SERVING)
        for each in servers:
            await each.stop(grace)
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
