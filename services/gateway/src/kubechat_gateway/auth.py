"""Who is calling, and may they: bearer tokens in, Principals out, role checks.

In `auth_mode="oidc"` every /api/v1 call needs `Authorization: Bearer <token>`; the
identity service validates it (signature, issuer, audience, expiry) and answers with the
Principal. Validations are cached in-process, keyed by the token's hash, for at most 30 s
and never past the token's expiry, so a burst of calls costs one gRPC round trip while a
disabled user is locked out within 30 s.

Role policy (docs/identity.md): viewer reads; operator also changes (with confirmation);
admin also administers users and clusters; auditor reads the audit trail and nothing else;
platform-admin reads every tenant's trail and manages clusters for several tenants.
"""

from __future__ import annotations

import hashlib
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable

from kubechat.errors import PermissionDenied, Unauthenticated
from kubechat.roles import ADMIN, AUDITOR, OPERATOR, PLATFORM_ADMIN, VIEWER
from kubechat.v1 import common_pb2, identity_pb2
from kubechat_gateway.calls import call
from kubechat_gateway.mesh import Mesh
from kubechat_gateway.principals import remember_validated

READ_ROLES = frozenset({VIEWER, OPERATOR, ADMIN})
WRITE_ROLES = frozenset({OPERATOR, ADMIN})
# platform-admin administers across tenants; which tenants it reaches, the audit and
# executor services decide (kubechat.roles).
ADMIN_ROLES = frozenset({ADMIN, PLATFORM_ADMIN})
AUDIT_ROLES = frozenset({AUDITOR, ADMIN, PLATFORM_ADMIN})

CACHE_SECONDS = 30.0
CACHE_ENTRIES = 10_000


def bearer_token(authorization: str | None) -> str:
    if not authorization:
        raise Unauthenticated(
            "malformed: no bearer token was presented",
            hint="send Authorization: Bearer <access token from Keycloak>",
        )
    scheme, _, token = authorization.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthenticated("malformed: the Authorization header is not 'Bearer <token>'")
    return token.strip()


class PrincipalCache:
    """Validated principals by token hash; bounded, oldest evicted first."""

    def __init__(
        self,
        max_age: float = CACHE_SECONDS,
        max_entries: int = CACHE_ENTRIES,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._max_age = max_age
        self._max_entries = max_entries
        self._clock = clock
        self._entries: OrderedDict[str, tuple[common_pb2.Principal, float]] = OrderedDict()

    @staticmethod
    def key(token: str) -> str:
        # The hash, not the token: a heap dump must not hand out working credentials.
        return hashlib.sha256(token.encode()).hexdigest()

    def get(self, token: str) -> common_pb2.Principal | None:
        key = self.key(token)
        entry = self._entries.get(key)
        if entry is None:
            return None
        principal, until = entry
        if self._clock() >= until:
            del self._entries[key]
            return None
        return principal

    def put(self, token: str, principal: common_pb2.Principal) -> None:
        until = self._clock() + self._max_age
        if principal.HasField("expires_at"):
            until = min(until, float(principal.expires_at.seconds))
        self._entries[self.key(token)] = (principal, until)
        while len(self._entries) > self._max_entries:
            self._entries.popitem(last=False)


class Authenticator:
    def __init__(self, identity_address: str, timeout: float, cache: PrincipalCache) -> None:
        self._address = identity_address
        self._timeout = timeout
        self._cache = cache

    async def authenticate(self, authorization: str | None, mesh: Mesh) -> common_pb2.Principal:
        token = bearer_token(authorization)
        cached = self._cache.get(token)
        if cached is not None:
            remember_validated(cached)
            return cached
        principal = await call(
            "identity",
            self._address,
            mesh.identity().ValidateToken(
                identity_pb2.ValidateTokenRequest(token=token), timeout=self._timeout
            ),
        )
        self._cache.put(token, principal)
        remember_validated(principal)
        return principal


def require_role(principal: common_pb2.Principal, allowed: Iterable[str], action: str) -> None:
    allowed = frozenset(allowed)
    if allowed.isdisjoint(principal.roles):
        held = ", ".join(principal.roles) or "no KubeChat role"
        raise PermissionDenied(
            f"{principal.user} ({held}) may not {action}",
            hint=f"this needs one of the roles: {', '.join(sorted(allowed))}",
        )


def authorize_plan(principal: common_pb2.Principal, plan: common_pb2.Plan) -> None:
    """Refuse a plan the caller's KubeChat role does not allow, before anything runs.

    Kubernetes RBAC (through impersonation) still decides per object; this is the coarse
    product policy on top: a viewer never even gets a preview of a change.
    """
    if plan.risk > common_pb2.RISK_READ:
        require_role(principal, WRITE_ROLES, "run changes (this plan writes)")
    else:
        require_role(principal, READ_ROLES, "run requests against clusters")
