"""Whom the gateway's internal calls act for, so each can carry the gateway's signed word.

The principal comes from the call itself when the request names one (`principal`,
`caller`, `approver`), else from the user this request or socket was authenticated as
(remembered per task by `Authenticator`), else, with auth_mode=dev only, the local
developer. Every one of them came out of token validation (or is the dev identity): the
gateway never signs a principal a client wrote.
"""

from __future__ import annotations

import contextvars
from collections.abc import Mapping

from kubechat.caller_channels import PrincipalFor, body_principal
from kubechat.roles import ADMIN, PLATFORM_ADMIN
from kubechat.v1 import common_pb2

# auth_mode="dev" only. The executor never acts without a Kubernetes identity, so the local
# developer is impersonated as `developer` in group kubechat:admins, which the test bed
# binds to cluster-admin (docs/testbed.md) — the rights of the admin kubeconfig, no more.
# The one local developer is also the platform: every tenant's trail and cluster.
DEV_PRINCIPAL = common_pb2.Principal(
    user="developer",
    tenant="default",
    roles=[ADMIN, PLATFORM_ADMIN],
    subject="dev",
    k8s_user="developer",
    k8s_groups=["kubechat:admins"],
)

# Who each internal service's assertions are addressed to. nlp's go to the executor too:
# nlp forwards them, unchanged, for the cluster view of the parse it was asked for
# (kubechat.admission lets an nlp peer use them for GetClusterView only).
AUDIENCES: Mapping[str, tuple[str, ...]] = {
    "nlp": ("nlp", "executor"),
    "executor": ("executor",),
    "audit": ("audit",),
    "identity": ("identity",),
}

_validated: contextvars.ContextVar[common_pb2.Principal | None] = contextvars.ContextVar(
    "kubechat_gateway_validated_principal", default=None
)


def remember_validated(principal: common_pb2.Principal) -> None:
    """Called where a token was validated; later calls of this task act for this user."""
    _validated.set(principal)


def principal_for(auth_mode: str) -> PrincipalFor:
    def pick(request: object) -> common_pb2.Principal | None:
        named = body_principal(request)
        if named is not None:
            return named
        validated = _validated.get()
        if validated is not None:
            return validated
        return DEV_PRINCIPAL if auth_mode == "dev" else None

    return pick
