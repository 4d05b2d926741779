"""The gateway's FastAPI application."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from kubechat_gateway import errors
from kubechat_gateway.config import GatewaySettings
from kubechat_gateway.limits import BodyLimit
from kubechat_gateway.mesh import Mesh
from kubechat_gateway.routes import ask, audit, health, me


def create_app(settings: GatewaySettings) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        mesh = Mesh(settings)
        await mesh.start()
        app.state.mesh = mesh
        try:
            yield
        finally:
            await mesh.stop()

    app = FastAPI(
        title="KubeChat API",
        version="1.0.0",
        description="Manage Kubernetes in plain language: typed, previewed, audited.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    errors.install(app)
    app.include_router(health.router)
    app.include_router(ask.router)
    app.include_router(audit.router)
    app.include_router(me.router)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    return app
