"""From verified token claims to the Principal: who, which tenant, which KubeChat roles,
and which Kubernetes user and groups the executor impersonates.

The Kubernetes rule (docs/identity.md) is deliberately plain, so an administrator can
write RBAC bindings for it without reading code:

- user   = `user_prefix` + preferred_username            (alice -> alice, or oidc:alice)
- groups = `group_prefix` + each group path with / as :   (/acme/ops -> kubechat:acme:ops)
         + every value of the `k8s_groups` claim, verbatim (a Keycloak group attribute that
           names an existing cluster group, e.g. kubechat:operators)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from kubechat.errors import PermissionDenied, Unauthenticated
from kubechat.v1 import common_pb2

KUBECHAT_ROLES = ("viewer", "operator", "admin", "auditor")


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [v for v in value if isinstance(v, str)]
    return []


def _safe(name: str) -> bool:
    # These become Impersonate-* header values: control characters must never get there.
    return bool(name) and all(ch.isprintable() for ch in name)


@dataclass(frozen=True)
class KubernetesMapping:
    user_prefix: str = ""
    group_prefix: str = "kubechat:"
    extra_groups_claim: str = "k8s_groups"

    def user(self, username: str) -> str:
        return f"{self.user_prefix}{username}"

    def groups(self, group_paths: Iterable[str], extra_groups: Iterable[str]) -> list[str]:
        mapped = [
            self.group_prefix + ":".join(part for part in path.split("/") if part)
            for path in group_paths
            if path.strip("/")
        ]
        return sorted({g for g in [*mapped, *extra_groups] if _safe(g)})


def principal_from_claims(
    claims: Mapping[str, Any], mapping: KubernetesMapping
) -> common_pb2.Principal:
    username = claims.get("preferred_username")
    if not isinstance(username, str) or not _safe(username):
        raise Unauthenticated("missing_claim: the token has no usable 'preferred_username'")
    tenants = _strings(claims.get("tenant"))
    if not tenants:
        raise PermissionDenied(
            f"{username} belongs to no tenant",
            hint="an administrator must add the user to a tenant group in Keycloak",
        )
    realm_access = claims.get("realm_access")
    granted = set(_strings(realm_access.get("roles"))) if isinstance(realm_access, dict) else set()
    principal = common_pb2.Principal(
        user=username,
        tenant=tenants[0],
        roles=[role for role in KUBECHAT_ROLES if role in granted],
        k8s_user=mapping.user(username),
        k8s_groups=mapping.groups(
            _strings(claims.get("groups")), _strings(claims.get(mapping.extra_groups_claim))
        ),
        email=str(claims.get("email", "")),
        subject=str(claims.get("sub", "")),
    )
    principal.expires_at.FromSeconds(int(claims["exp"]))
    return principal
