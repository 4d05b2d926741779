"""GET /api/v1/me: who the gateway thinks you are, and who you act as in Kubernetes."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter
from pydantic import BaseModel

from kubechat_gateway.deps import PrincipalDep
from kubechat_gateway.schemas import ErrorResponse

router = APIRouter(prefix="/api/v1", tags=["identity"])


class PrincipalPublic(BaseModel):
    user: str
    tenant: str
    roles: list[str]
    k8s_user: str
    k8s_groups: list[str]
    email: str
    subject: str
    expires_at: datetime | None


@router.get(
    "/me",
    response_model=PrincipalPublic,
    responses={401: {"model": ErrorResponse}, 503: {"model": ErrorResponse}},
    summary="The caller's identity, roles and Kubernetes identity",
)
async def me(principal: PrincipalDep) -> PrincipalPublic:
    return PrincipalPublic(
        user=principal.user,
        tenant=principal.tenant,
        roles=list(principal.roles),
        k8s_user=principal.k8s_user,
        k8s_groups=list(principal.k8s_groups),
        email=principal.email,
        subject=principal.subject,
        expires_at=principal.expires_at.ToDatetime(tzinfo=datetime.now().astimezone().tzinfo)
        if principal.HasField("expires_at")
        else None,
    )
