"""IdentityService: token validation and tenant-scoped user administration.

Administration requests carry the caller's Principal, which the gateway obtained from
ValidateToken; the identity service trusts it because only the mesh can reach this port
(NetworkPolicy in the chart), and refuses anything outside that caller's tenant.
"""

from __future__ import annotations

from typing import Any

from grpc import aio

from kubechat.errors import Unauthenticated
from kubechat.v1 import common_pb2, identity_pb2, identity_pb2_grpc
from kubechat_identity.mapping import KubernetesMapping, principal_from_claims
from kubechat_identity.tokens import TokenValidator
from kubechat_identity.users import TenantUsers

Context = aio.ServicerContext[Any, Any]


class IdentityServicer(identity_pb2_grpc.IdentityServiceServicer):
    def __init__(
        self,
        validator: TokenValidator | None,
        mapping: KubernetesMapping,
        users: TenantUsers | None,
    ) -> None:
        self._validator = validator
        self._mapping = mapping
        self._users = users

    def _tenant_users(self) -> TenantUsers:
        if self._users is None:
            raise Unauthenticated(
                "user administration is not configured: set KUBECHAT_OIDC_ISSUER on identity"
            )
        return self._users

    async def ValidateToken(  # noqa: N802 - gRPC method name
        self, request: identity_pb2.ValidateTokenRequest, context: Context
    ) -> common_pb2.Principal:
        if not request.token:
            raise Unauthenticated("malformed: no bearer token was presented")
        if self._validator is None:
            raise Unauthenticated(
                "token validation is not configured: set KUBECHAT_OIDC_ISSUER on the identity "
                "service"
            )
        claims = await self._validator.validate(request.token)
        return principal_from_claims(claims, self._mapping)

    async def ListUsers(  # noqa: N802
        self, request: identity_pb2.ListUsersRequest, context: Context
    ) -> identity_pb2.ListUsersResponse:
        return await self._tenant_users().list_users(
            request.caller, request.search, request.page_size, request.page_token
        )

    async def CreateUser(  # noqa: N802
        self, request: identity_pb2.CreateUserRequest, context: Context
    ) -> identity_pb2.User:
        return await self._tenant_users().create(
            request.caller,
            request.username,
            request.email,
            list(request.roles),
            (request.first_name, request.last_name),
        )

    async def SetUserEnabled(  # noqa: N802
        self, request: identity_pb2.SetUserEnabledRequest, context: Context
    ) -> identity_pb2.User:
        return await self._tenant_users().set_enabled(
            request.caller, request.user_id, request.enabled
        )

    async def SetUserRoles(  # noqa: N802
        self, request: identity_pb2.SetUserRolesRequest, context: Context
    ) -> identity_pb2.User:
        return await self._tenant_users().set_roles(
            request.caller, request.user_id, list(request.roles)
        )

    async def ResetCredentials(  # noqa: N802
        self, request: identity_pb2.ResetCredentialsRequest, context: Context
    ) -> identity_pb2.ResetCredentialsResponse:
        return await self._tenant_users().reset_credentials(
            request.caller, request.user_id, request.temporary
        )
