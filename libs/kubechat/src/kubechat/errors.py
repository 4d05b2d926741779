"""One error root for KubeChat. Each subclass carries the gRPC status it maps to.

Servicers raise these; `kubechat.grpc` turns them into gRPC status in one place, and the
gateway turns gRPC status into HTTP in one place (`http_status_for`).
"""

from __future__ import annotations

from typing import ClassVar

import grpc


class KubeChatError(Exception):
    """Root of every error KubeChat reports to a caller on purpose."""

    status: ClassVar[grpc.StatusCode] = grpc.StatusCode.INTERNAL
    code: ClassVar[str] = "internal"

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class InvalidArgument(KubeChatError):
    status = grpc.StatusCode.INVALID_ARGUMENT
    code = "invalid_argument"


class NotFound(KubeChatError):
    status = grpc.StatusCode.NOT_FOUND
    code = "not_found"


class AlreadyExists(KubeChatError):
    status = grpc.StatusCode.ALREADY_EXISTS
    code = "already_exists"


class Unauthenticated(KubeChatError):
    status = grpc.StatusCode.UNAUTHENTICATED
    code = "unauthenticated"


class PermissionDenied(KubeChatError):
    status = grpc.StatusCode.PERMISSION_DENIED
    code = "permission_denied"


class FailedPrecondition(KubeChatError):
    status = grpc.StatusCode.FAILED_PRECONDITION
    code = "failed_precondition"


class ResourceExhausted(KubeChatError):
    status = grpc.StatusCode.RESOURCE_EXHAUSTED
    code = "resource_exhausted"


class Unavailable(KubeChatError):
    """A dependency (cluster, NATS, another service) cannot be reached."""

    status = grpc.StatusCode.UNAVAILABLE
    code = "unavailable"


class DeadlineExceeded(KubeChatError):
    status = grpc.StatusCode.DEADLINE_EXCEEDED
    code = "deadline_exceeded"


class Unimplemented(KubeChatError):
    """The API has the method, this release does not serve it yet."""

    status = grpc.StatusCode.UNIMPLEMENTED
    code = "unimplemented"


_BY_STATUS: dict[grpc.StatusCode, type[KubeChatError]] = {
    cls.status: cls
    for cls in (
        InvalidArgument,
        NotFound,
        AlreadyExists,
        Unauthenticated,
        PermissionDenied,
        FailedPrecondition,
        ResourceExhausted,
        Unavailable,
        DeadlineExceeded,
        Unimplemented,
    )
}

_HTTP_BY_STATUS: dict[grpc.StatusCode, int] = {
    grpc.StatusCode.INVALID_ARGUMENT: 400,
    grpc.StatusCode.OUT_OF_RANGE: 400,
    grpc.StatusCode.FAILED_PRECONDITION: 409,
    grpc.StatusCode.UNAUTHENTICATED: 401,
    grpc.StatusCode.PERMISSION_DENIED: 403,
    grpc.StatusCode.NOT_FOUND: 404,
    grpc.StatusCode.ALREADY_EXISTS: 409,
    grpc.StatusCode.RESOURCE_EXHAUSTED: 429,
    grpc.StatusCode.UNAVAILABLE: 503,
    grpc.StatusCode.DEADLINE_EXCEEDED: 504,
    grpc.StatusCode.UNIMPLEMENTED: 501,
}


def from_status(status: grpc.StatusCode, message: str) -> KubeChatError:
    """The KubeChatError for a gRPC status received from another service."""
    return _BY_STATUS.get(status, KubeChatError)(message)


def http_status_for(status: grpc.StatusCode) -> int:
    return _HTTP_BY_STATUS.get(status, 500)
