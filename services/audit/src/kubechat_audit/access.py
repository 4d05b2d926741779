"""Who may read which tenant's trail.

A tenant's admin and auditor read their own tenant only: the trail shows what other
people asked and ran, which is not another tenant's business. Only platform-admin reads
across tenants. Anyone else is refused. A call with no caller at all comes from inside
the mesh (the gRPC port is not public); production refuses those too.
"""

from __future__ import annotations

from kubechat.errors import PermissionDenied
from kubechat.roles import ADMIN, AUDITOR, PLATFORM_ADMIN
from kubechat.v1 import common_pb2

TENANT_READERS = frozenset({ADMIN, AUDITOR})


def readable_tenant(
    caller: common_pb2.Principal | None, requested: str, *, allow_internal: bool
) -> str:
    """The tenant filter to apply: `requested` ("" = all) or the caller's own tenant."""
    if caller is None or not (caller.user or caller.roles):
        if allow_internal:
            return requested
        raise PermissionDenied("reading the audit trail needs a caller")
    roles = set(caller.roles)
    if PLATFORM_ADMIN in roles:
        return requested
    if roles & TENANT_READERS:
        if not caller.tenant:
            raise PermissionDenied(f"{caller.user} belongs to no tenant; no trail is theirs")
        if requested and requested != caller.tenant:
            role = ADMIN if ADMIN in roles else AUDITOR
            raise PermissionDenied(
                f"{role} {caller.user} may read tenant {caller.tenant!r} only, not {requested!r}",
                hint=f"reading across tenants needs the {PLATFORM_ADMIN} role",
            )
        return caller.tenant
    raise PermissionDenied(
        f"{caller.user or 'this caller'} may not read the audit trail",
        hint="the auditor or admin role grants it for the caller's tenant",
    )
