"""KubeChat's shared library: what every service needs and nothing service-specific."""

from kubechat.config import ServiceSettings
from kubechat.errors import (
    AlreadyExists,
    DeadlineExceeded,
    FailedPrecondition,
    InvalidArgument,
    KubeChatError,
    NotFound,
    PermissionDenied,
    ResourceExhausted,
    Unauthenticated,
    Unavailable,
)
from kubechat.events import AuditEvent, EventKind

__all__ = [
    "AlreadyExists",
    "AuditEvent",
    "DeadlineExceeded",
    "EventKind",
    "FailedPrecondition",
    "InvalidArgument",
    "KubeChatError",
    "NotFound",
    "PermissionDenied",
    "ResourceExhausted",
    "ServiceSettings",
    "Unauthenticated",
    "Unavailable",
]
