"""Who may read which tenant's trail.

An admin reads every tenant. An auditor reads its own tenant only. Anyone else is refused:
the trail shows what other people asked and ran, which is not every user's business. A call
with no caller at all comes from inside the mesh (the gRPC port is not public); production
refuses those too.
"""

from __future__ import annotations

from kubechat.errors import PermissionDenied
from kubechat.v1 import common_pb2

ADMIN = "admin"
AUDITOR = "auditor"


def readable_tenant(
    caller: common_pb2.Principal | None, requested: str, *, allow_internal: bool
) -> str:
    """The tenant filter to apply: `requested` ("" = all) or the caller's own tenant."""
    if caller is None or not (caller.user or caller.roles):
        if allow_internal:
            return requested
        raise PermissionDenied("reading the audit trail needs a caller")
    roles = set(caller.roles)
    if ADMIN in roles:
        return requested
    if AUDITOR in roles:
        if requested and requested != caller.tenant:
            raise PermissionDenied(
                f"auditor {caller.user} may read tenant {caller.tenant!r} only, not {requested!r}"
            )
        return caller.tenant
    raise PermissionDenied(
        f"{caller.user or 'this caller'} may not read the audit trail",
        hint="the auditor or admin role grants it",
    )
