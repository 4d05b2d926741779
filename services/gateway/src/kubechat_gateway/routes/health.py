"""Liveness and readiness. /readyz names every dependency and whether it answers.

Both are unauthenticated (probes carry no token), so they say nothing an attacker could
use: no addresses, no URLs (a Redis URL may hold a password), no driver error text. Why a
dependency fails goes to the gateway's log, which only operators read."""

from __future__ import annotations

import asyncio
import logging

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from kubechat_gateway.deps import MeshDep, SettingsDep
from kubechat_gateway.schemas import DependencyStatus, ReadinessPublic

router = APIRouter(tags=["health"])
log = logging.getLogger(__name__)


@router.get("/healthz", summary="The gateway process is alive")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get(
    "/readyz",
    response_model=ReadinessPublic,
    responses={503: {"model": ReadinessPublic}},
    summary="Every dependency answers",
)
async def readyz(mesh: MeshDep, settings: SettingsDep) -> JSONResponse:
    timeout = settings.dependency_timeout
    names = list(mesh.addresses)
    services_ok, (redis_ok, redis_detail) = await asyncio.gather(
        asyncio.gather(*(mesh.check_health(n, timeout) for n in names)),
        _redis(mesh, timeout),
    )
    dependencies = {
        name: DependencyStatus(ok=ok, detail="" if ok else "not serving")
        for name, ok in zip(names, services_ok, strict=True)
    }
    dependencies["redis"] = DependencyStatus(ok=redis_ok, detail=redis_detail)
    nats_ok = mesh.nats is not None and mesh.nats.is_connected and mesh.js is not None
    dependencies["nats"] = DependencyStatus(ok=nats_ok, detail="" if nats_ok else "not connected")
    ready = all(d.ok for d in dependencies.values())
    body = ReadinessPublic(ready=ready, dependencies=dependencies)
    return JSONResponse(body.model_dump(), status_code=200 if ready else 503)


async def _redis(mesh: MeshDep, timeout: float) -> tuple[bool, str]:
    if mesh.redis is None:
        return False, "not configured"
    try:
        await asyncio.wait_for(mesh.redis.ping(), timeout)
    except Exception as exc:  # noqa: BLE001 - any failure means not ready
        # The driver's text names the host (and may echo the URL): the log, not the probe.
        log.warning("readiness: redis does not answer: %s", type(exc).__name__)
        return False, "not answering"
    return True, ""
