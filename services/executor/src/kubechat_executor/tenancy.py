"""Which tenants a cluster belongs to, and who may see, use and change it.

A registered cluster belongs to the tenants it was registered for: a tenant admin
registers for its own tenant only, a platform-admin for any tenants (several for a shared
cluster). The default cluster (this executor's kubeconfig) belongs to
KUBECHAT_DEFAULT_CLUSTER_TENANTS, "*" meaning every tenant. A cluster outside the caller's
tenants is answered exactly as an unknown one, so its name and id never leak.

The caller is the one the gateway's assertion proves. Only a service run with
KUBECHAT_INSECURE_INTERNAL has none, and then (as for every other check there) trusts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kubechat.callers import current_caller
from kubechat.errors import InvalidArgument, NotFound, PermissionDenied
from kubechat.roles import PLATFORM_ADMIN, is_platform_admin
from kubechat.v1 import common_pb2

ANY_TENANT = "*"


def acting_principal(fallback: common_pb2.Principal | None = None) -> common_pb2.Principal | None:
    """Who the call acts for: the asserted caller, else (insecure mesh only) `fallback`."""
    caller = current_caller()
    return caller.principal if caller is not None else fallback


def may_use(tenants: Sequence[str], principal: common_pb2.Principal | None) -> bool:
    if principal is None or is_platform_admin(principal):
        return True
    return ANY_TENANT in tenants or (bool(principal.tenant) and principal.tenant in tenants)


def may_change(tenants: Sequence[str], principal: common_pb2.Principal | None) -> bool:
    """Rename or remove: a tenant admin only a cluster that is its tenant's alone (one
    shared with other tenants is the platform's to change)."""
    if principal is None or is_platform_admin(principal):
        return True
    return bool(principal.tenant) and tuple(tenants) == (principal.tenant,)


def registration_tenants(
    principal: common_pb2.Principal | None, requested: Iterable[str]
) -> tuple[str, ...]:
    wanted = sorted({t.strip() for t in requested if t.strip()})
    if ANY_TENANT in wanted:
        raise InvalidArgument(
            f"'{ANY_TENANT}' (every tenant) is for the default cluster only; name the tenants"
        )
    if principal is None:
        return tuple(wanted)
    if is_platform_admin(principal):
        return tuple(wanted) or ((principal.tenant,) if principal.tenant else ())
    if not principal.tenant:
        raise PermissionDenied(f"{principal.user} belongs to no tenant to register a cluster for")
    if wanted and wanted != [principal.tenant]:
        raise PermissionDenied(
            f"{principal.user} registers clusters for tenant {principal.tenant!r} only, "
            f"not {', '.join(repr(t) for t in wanted)}",
            hint=f"assigning a cluster to other tenants needs the {PLATFORM_ADMIN} role",
        )
    return (principal.tenant,)


def not_registered(cluster_id: str, known: Iterable[str]) -> NotFound:
    return NotFound(
        f"cluster '{cluster_id}' is not registered; known: {', '.join(known) or 'none'}"
    )
