"""Calls to other services, with their failures turned into KubeChatErrors in one place."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TypeVar

import grpc
from grpc import aio

from kubechat.errors import KubeChatError, Unavailable, from_status

T = TypeVar("T")

# What grpc says when the peer itself cannot be reached (as opposed to the peer answering
# UNAVAILABLE about one of *its* dependencies, whose message we pass on unchanged).
# "connection reset by peer": the peer died during the TLS handshake (a crash or a restart).
_UNREACHABLE_MARKERS = (
    "failed to connect",
    "connection refused",
    "connection reset by peer",
    "socket closed",
    "unreachable",
)


async def call(service: str, address: str, rpc: Awaitable[T]) -> T:
    try:
        return await rpc
    except aio.AioRpcError as exc:
        raise _error_for(service, address, exc) from None


def _error_for(service: str, address: str, exc: aio.AioRpcError) -> KubeChatError:
    details = exc.details() or ""
    if exc.code() == grpc.StatusCode.UNAVAILABLE and any(
        marker in details.lower() for marker in _UNREACHABLE_MARKERS
    ):
        return Unavailable(f"the {service} service at {address} is unavailable")
    if exc.code() == grpc.StatusCode.DEADLINE_EXCEEDED:
        return from_status(exc.code(), f"the {service} service did not answer in time")
    return from_status(exc.code(), details or exc.code().name)
