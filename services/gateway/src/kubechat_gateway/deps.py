"""FastAPI dependencies, as Annotated aliases used by every router."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from kubechat.v1 import common_pb2
from kubechat_gateway.config import GatewaySettings
from kubechat_gateway.mesh import Mesh

DEV_PRINCIPAL = common_pb2.Principal(
    user="developer", tenant="default", roles=["admin"], subject="dev"
)


def get_mesh(request: Request) -> Mesh:
    mesh: Mesh = request.app.state.mesh
    return mesh


def get_settings(request: Request) -> GatewaySettings:
    settings: GatewaySettings = request.app.state.settings
    return settings


def get_principal(request: Request) -> common_pb2.Principal:
    # Dev mode acts as the local developer with no impersonation: the kubeconfig's own
    # identity decides. Token validation through the identity service is identity v1.
    return DEV_PRINCIPAL


MeshDep = Annotated[Mesh, Depends(get_mesh)]
SettingsDep = Annotated[GatewaySettings, Depends(get_settings)]
PrincipalDep = Annotated[common_pb2.Principal, Depends(get_principal)]
