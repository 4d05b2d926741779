"""User administration, always inside the caller's tenant.

Tenant model (deploy/keycloak/kubechat-realm.json): a tenant is a top-level Keycloak group
`/<tenant>`; each user of the tenant is a direct member of it, and KubeChat roles come from
membership of its role subgroups (`/<tenant>/viewers`, `operators`, `admins`, `auditors`),
which carry the realm roles. So "set roles" is "set role-group membership", and what a
tenant admin can touch is exactly the members of their own tenant group.
"""

from __future__ import annotations

import asyncio
import secrets
from typing import Any

from kubechat.errors import InvalidArgument, PermissionDenied
from kubechat.v1 import common_pb2, identity_pb2
from kubechat_identity.keycloak_admin import KeycloakAdmin
from kubechat_identity.mapping import KUBECHAT_ROLES

ROLE_GROUPS = {
    "viewer": "viewers",
    "operator": "operators",
    "admin": "admins",
    "auditor": "auditors",
}
_ROLE_BY_GROUP = {group: role for role, group in ROLE_GROUPS.items()}
MAX_TENANT_USERS = 2000


def require_tenant_admin(caller: common_pb2.Principal) -> str:
    if "admin" not in caller.roles or not caller.tenant:
        raise PermissionDenied(
            f"{caller.user or 'the caller'} is not an administrator of a tenant",
            hint="user administration needs the admin role",
        )
    return caller.tenant


def _check_roles(roles: list[str]) -> None:
    unknown = sorted(set(roles) - set(KUBECHAT_ROLES))
    if unknown:
        raise InvalidArgument(f"unknown roles {unknown}; known: {list(KUBECHAT_ROLES)}")


class TenantUsers:
    def __init__(self, admin: KeycloakAdmin) -> None:
        self._admin = admin

    async def _user(self, tenant: str, user_id: str) -> tuple[dict[str, Any], list[str]]:
        """The user and their group paths, refused unless they belong to `tenant`."""
        if not user_id:
            raise InvalidArgument("user_id is required")
        user: dict[str, Any] = await self._admin.get(f"/users/{user_id}")
        paths = [g["path"] for g in await self._admin.get(f"/users/{user_id}/groups")]
        if not any(p == f"/{tenant}" or p.startswith(f"/{tenant}/") for p in paths):
            # Deliberately not NOT_FOUND-then-leak: the caller learns only that they may not.
            raise PermissionDenied(f"user {user_id} is not in tenant {tenant}")
        return user, paths

    @staticmethod
    def _public(user: dict[str, Any], tenant: str, paths: list[str]) -> identity_pb2.User:
        roles = sorted(
            _ROLE_BY_GROUP[p.rsplit("/", 1)[1]]
            for p in paths
            if p.startswith(f"/{tenant}/") and p.rsplit("/", 1)[1] in _ROLE_BY_GROUP
        )
        return identity_pb2.User(
            id=user["id"],
            username=user.get("username", ""),
            email=user.get("email", ""),
            tenant=tenant,
            roles=roles,
            enabled=bool(user.get("enabled", False)),
        )

    async def list_users(
        self, caller: common_pb2.Principal, search: str, page_size: int, page_token: str
    ) -> identity_pb2.ListUsersResponse:
        tenant = require_tenant_admin(caller)
        group = await self._admin.group_by_path(tenant)
        members: list[dict[str, Any]] = await self._admin.get(
            f"/groups/{group['id']}/members",
            first=0,
            max=MAX_TENANT_USERS,
            briefRepresentation="false",
        )
        wanted = [
            m
            for m in members
            if search.lower() in (m.get("username", "") + m.get("email", "")).lower()
        ]
        wanted.sort(key=lambda m: str(m.get("username", "")))
        offset = int(page_token) if page_token.isdigit() else 0
        size = page_size if 0 < page_size <= 500 else 100
        page = wanted[offset : offset + size]
        groups = await asyncio.gather(*(self._admin.get(f"/users/{m['id']}/groups") for m in page))
        users = [
            self._public(m, tenant, [g["path"] for g in gs])
            for m, gs in zip(page, groups, strict=True)
        ]
        more = offset + size < len(wanted)
        return identity_pb2.ListUsersResponse(
            users=users, next_page_token=str(offset + size) if more else ""
        )

    async def create(
        self,
        caller: common_pb2.Principal,
        username: str,
        email: str,
        roles: list[str],
        names: tuple[str, str] = ("", ""),
    ) -> identity_pb2.User:
        tenant = require_tenant_admin(caller)
        if not username:
            raise InvalidArgument("username is required")
        _check_roles(roles)
        groups = [f"/{tenant}", *(f"/{tenant}/{ROLE_GROUPS[r]}" for r in sorted(set(roles)))]
        reply = await self._admin.request(
            "POST",
            "/users",
            json={
                "username": username,
                "email": email or None,
                "firstName": names[0] or None,
                "lastName": names[1] or None,
                "enabled": True,
                "groups": groups,
            },
        )
        user_id = reply.headers["location"].rsplit("/", 1)[1]
        user, paths = await self._user(tenant, user_id)
        return self._public(user, tenant, paths)

    async def set_enabled(
        self, caller: common_pb2.Principal, user_id: str, enabled: bool
    ) -> identity_pb2.User:
        tenant = require_tenant_admin(caller)
        user, paths = await self._user(tenant, user_id)
        await self._admin.request("PUT", f"/users/{user_id}", json={"enabled": enabled})
        user["enabled"] = enabled
        return self._public(user, tenant, paths)

    async def set_roles(
        self, caller: common_pb2.Principal, user_id: str, roles: list[str]
    ) -> identity_pb2.User:
        tenant = require_tenant_admin(caller)
        _check_roles(roles)
        user, paths = await self._user(tenant, user_id)
        for role, group_name in ROLE_GROUPS.items():
            path = f"/{tenant}/{group_name}"
            if (role in roles) == (path in paths):
                continue
            group = await self._admin.group_by_path(path)
            method = "PUT" if role in roles else "DELETE"
            await self._admin.request(method, f"/users/{user_id}/groups/{group['id']}")
        _, paths = await self._user(tenant, user_id)
        return self._public(user, tenant, paths)

    async def reset_credentials(
        self, caller: common_pb2.Principal, user_id: str, temporary: bool
    ) -> identity_pb2.ResetCredentialsResponse:
        tenant = require_tenant_admin(caller)
        await self._user(tenant, user_id)
        password = secrets.token_urlsafe(15)
        await self._admin.request(
            "PUT",
            f"/users/{user_id}/reset-password",
            json={"type": "password", "value": password, "temporary": temporary},
        )
        return identity_pb2.ResetCredentialsResponse(temporary_password=password)
