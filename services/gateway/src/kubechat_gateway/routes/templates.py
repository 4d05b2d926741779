"""GET /api/v1/templates: saved requests. A placeholder: built-in starters for now; team
templates (stored per tenant) come with the templates issue."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from kubechat_gateway.deps import PrincipalDep
from kubechat_gateway.schemas import ErrorResponse
from kubechat_gateway.schemas_chat import TemplateList, TemplatePublic

router = APIRouter(prefix="/api/v1", tags=["templates"])

_ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorResponse} for code in (401, 503)}

STARTERS = (
    TemplatePublic(id="pods-dev", title="Pods in dev", text="list pods in dev", risk="read"),
    TemplatePublic(
        id="deployments-all",
        title="All deployments",
        text="show deployments in all namespaces",
        risk="read",
    ),
    TemplatePublic(
        id="crashloops",
        title="Crash-looping pods",
        text="list pods in payments",
        risk="read",
    ),
)


@router.get("/templates", response_model=TemplateList, responses=_ERRORS)
async def list_templates(principal: PrincipalDep) -> TemplateList:
    return TemplateList(templates=list(STARTERS))
