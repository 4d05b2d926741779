"""KubeChat's roles, named once for every service (the realm grants them as realm roles).

viewer reads; operator also changes (each change previewed and confirmed); admin also
administers its tenant's users, clusters and audit trail; auditor reads its tenant's audit
trail and nothing else. platform-admin is the one role that crosses tenants: it reads
every tenant's audit trail and sees every cluster. A tenant admin can never grant it
(it is not among the tenant roles); only the realm's administrators can.
"""

from __future__ import annotations

from kubechat.v1 import common_pb2

VIEWER = "viewer"
OPERATOR = "operator"
ADMIN = "admin"
AUDITOR = "auditor"
PLATFORM_ADMIN = "platform-admin"

# What a tenant admin may give its users (each a subgroup of the tenant's group).
TENANT_ROLES = (VIEWER, OPERATOR, ADMIN, AUDITOR)
ROLES = (*TENANT_ROLES, PLATFORM_ADMIN)


def is_platform_admin(principal: common_pb2.Principal | None) -> bool:
    return principal is not None and PLATFORM_ADMIN in principal.roles


def is_admin(principal: common_pb2.Principal | None) -> bool:
    """Administers something: its own tenant, or (platform-admin) all of them."""
    return principal is not None and not {ADMIN, PLATFORM_ADMIN}.isdisjoint(principal.roles)
