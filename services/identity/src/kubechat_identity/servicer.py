"""IdentityService. Without an identity provider configured it refuses every token with
a message that says so; token validation against Keycloak arrives with identity v1."""

from __future__ import annotations

from typing import Any

from grpc import aio

from kubechat.errors import Unauthenticated, Unimplemented
from kubechat.v1 import common_pb2, identity_pb2, identity_pb2_grpc


class IdentityServicer(identity_pb2_grpc.IdentityServiceServicer):
    def __init__(self, issuer: str) -> None:
        self._issuer = issuer

    async def ValidateToken(  # noqa: N802 - gRPC method name
        self, request: identity_pb2.ValidateTokenRequest, context: aio.ServicerContext[Any, Any]
    ) -> common_pb2.Principal:
        if not request.token:
            raise Unauthenticated("no bearer token was presented")
        raise Unauthenticated(
            "token validation is not configured: set KUBECHAT_OIDC_ISSUER on the identity service"
        )

    async def ListUsers(  # noqa: N802
        self, request: identity_pb2.ListUsersRequest, context: aio.ServicerContext[Any, Any]
    ) -> identity_pb2.ListUsersResponse:
        raise Unimplemented("user administration is not served by this identity release")

    async def CreateUser(  # noqa: N802
        self, request: identity_pb2.CreateUserRequest, context: aio.ServicerContext[Any, Any]
    ) -> identity_pb2.User:
        raise Unimplemented("user administration is not served by this identity release")

    async def SetUserEnabled(  # noqa: N802
        self, request: identity_pb2.SetUserEnabledRequest, context: aio.ServicerContext[Any, Any]
    ) -> identity_pb2.User:
        raise Unimplemented("user administration is not served by this identity release")

    async def SetUserRoles(  # noqa: N802
        self, request: identity_pb2.SetUserRolesRequest, context: aio.ServicerContext[Any, Any]
    ) -> identity_pb2.User:
        raise Unimplemented("user administration is not served by this identity release")

    async def ResetCredentials(  # noqa: N802
        self, request: identity_pb2.ResetCredentialsRequest, context: aio.ServicerContext[Any, Any]
    ) -> identity_pb2.ResetCredentialsResponse:
        raise Unimplemented("user administration is not served by this identity release")
