"""From verified token claims to the Principal: who, which tenant, which KubeChat roles,
and which Kubernetes user and groups the executor impersonates.

The Kubernetes rule (docs/identity.md) is deliberately plain, so an administrator can
write RBAC bindings for it without reading code:

- user   = `user_prefix` + the username claim (preferred_username by default; `email` only
           when the token says `email_verified`)   (alice -> alice, or oidc:alice)
- groups = `group_prefix` + each group path with / as :   (/acme/ops -> kubechat:acme:ops)
         + each value of the `k8s_groups` claim, within the prefix (a Keycloak group
           attribute that names a cluster group: kubechat:operators stays as it is,
           operators becomes kubechat:operators), like kube-apiserver's --oidc-groups-prefix

Nothing the IdP says may reach Kubernetes' reserved names: a `system:` user or group (in
the claim, or after mapping with an empty prefix) refuses the token, so no IdP attribute
can make anyone system:masters.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from kubechat.errors import PermissionDenied, Unauthenticated
from kubechat.roles import ROLES, TENANT_ROLES
from kubechat.v1 import common_pb2

# The roles a tenant admin may give; platform-admin comes from the realm alone.
KUBECHAT_ROLES = TENANT_ROLES
RESERVED = "system:"


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [v for v in value if isinstance(v, str)]
    return []


def _safe(name: str) -> bool:
    # These become Impersonate-* header values: control characters must never get there.
    return bool(name) and all(ch.isprintable() for ch in name)


def _refuse_reserved(kind: str, name: str) -> None:
    if name.startswith(RESERVED):
        raise PermissionDenied(
            f"the identity provider named the Kubernetes {kind} {name!r}; "
            f"{RESERVED} names are reserved and never taken from it",
            hint="remove it from the user's Keycloak attributes or groups",
        )


@dataclass(frozen=True)
class KubernetesMapping:
    user_prefix: str = ""
    group_prefix: str = "kubechat:"
    extra_groups_claim: str = "k8s_groups"
    username_claim: Literal["preferred_username", "email"] = "preferred_username"

    def user(self, username: str) -> str:
        _refuse_reserved("user", username)
        mapped = f"{self.user_prefix}{username}"
        _refuse_reserved("user", mapped)
        return mapped

    def groups(self, group_paths: Iterable[str], extra_groups: Iterable[str]) -> list[str]:
        mapped = [
            self.group_prefix + ":".join(part for part in path.split("/") if part)
            for path in group_paths
            if path.strip("/")
        ]
        extra = []
        for group in extra_groups:
            _refuse_reserved("group", group)
            extra.append(
                group if group.startswith(self.group_prefix) else self.group_prefix + group
            )
        groups = sorted({g for g in [*mapped, *extra] if _safe(g)})
        for group in groups:
            _refuse_reserved("group", group)  # an empty prefix must not let one through
        return groups

    def kubernetes_username(self, claims: Mapping[str, Any], username: str) -> str:
        """The name the user gets in Kubernetes, before the prefix."""
        if self.username_claim == "preferred_username":
            return username
        email = claims.get("email")
        if not isinstance(email, str) or not _safe(email):
            raise Unauthenticated("missing_claim: the token has no usable 'email'")
        if claims.get("email_verified") is not True:
            # An unverified address is whatever the user typed: as a Kubernetes name it
            # would let anyone claim another person's bindings.
            raise PermissionDenied(
                f"{username}'s email {email} is not verified; it cannot name a Kubernetes user",
                hint="verify the address in Keycloak",
            )
        return email


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
        roles=[role for role in ROLES if role in granted],
        k8s_user=mapping.user(mapping.kubernetes_username(claims, username)),
        k8s_groups=mapping.groups(
            _strings(claims.get("groups")), _strings(claims.get(mapping.extra_groups_claim))
        ),
        email=str(claims.get("email", "")),
        subject=str(claims.get("sub", "")),
    )
    principal.expires_at.FromSeconds(int(claims["exp"]))
    return principal
