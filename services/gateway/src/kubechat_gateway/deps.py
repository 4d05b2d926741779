"""FastAPI dependencies, as Annotated aliases used by every router."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from kubechat.v1 import common_pb2
from kubechat_gateway.auth import Authenticator, PrincipalCache
from kubechat_gateway.config import GatewaySettings
from kubechat_gateway.mesh import Mesh
from kubechat_gateway.principals import DEV_PRINCIPAL as DEV_PRINCIPAL


def get_mesh(request: Request) -> Mesh:
    mesh: Mesh = request.app.state.mesh
    return mesh


def get_settings(request: Request) -> GatewaySettings:
    settings: GatewaySettings = request.app.state.settings
    return settings


def _authenticator(request: Request, settings: GatewaySettings) -> Authenticator:
    # One per app (its cache is per process); created on first use so app.py needs no
    # knowledge of authentication.
    state = request.app.state
    if getattr(state, "authenticator", None) is None:
        state.authenticator = Authenticator(
            settings.identity_address, settings.dependency_timeout, PrincipalCache()
        )
    authenticator: Authenticator = state.authenticator
    return authenticator


async def get_principal(request: Request) -> common_pb2.Principal:
    settings = get_settings(request)
    if settings.auth_mode == "dev":
        return DEV_PRINCIPAL
    authorization = request.headers.get("authorization")
    if authorization is None and request.scope.get("type") == "websocket":
        authorization = socket_authorization(request.scope.get("subprotocols") or [])
    return await _authenticator(request, settings).authenticate(authorization, get_mesh(request))


# Browsers cannot set headers on a WebSocket handshake, so the UI offers its token as a
# subprotocol (as Kubernetes' own API server accepts `base64url.bearer.authorization.k8s.io.`).
# Never the query string: servers and proxies log request lines (uvicorn logs every
# handshake's path at INFO), and a token in a log is a token handed out.
SOCKET_PROTOCOL = "kubechat.v1"
SOCKET_BEARER_PREFIX = "kubechat.bearer."


def socket_authorization(subprotocols: list[str]) -> str | None:
    """`Bearer <token>` from the offered subprotocols, or None."""
    for offered in subprotocols:
        if offered.startswith(SOCKET_BEARER_PREFIX) and len(offered) > len(SOCKET_BEARER_PREFIX):
            return "Bearer " + offered.removeprefix(SOCKET_BEARER_PREFIX)
    return None


MeshDep = Annotated[Mesh, Depends(get_mesh)]
SettingsDep = Annotated[GatewaySettings, Depends(get_settings)]
PrincipalDep = Annotated[common_pb2.Principal, Depends(get_principal)]
