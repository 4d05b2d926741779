"""The gateway's FastAPI application."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from kubechat_gateway import errors, public_grpc, web
from kubechat_gateway.chat import Chat
from kubechat_gateway.config import GatewaySettings
from kubechat_gateway.db import Store
from kubechat_gateway.edge import SecurityHeaders, scrub_server_logs
from kubechat_gateway.hub import EventHub
from kubechat_gateway.limits import BodyLimit
from kubechat_gateway.mesh import Mesh
from kubechat_gateway.routes import (
    ask,
    audit,
    clusters,
    conversations,
    health,
    me,
    templates,
    webconfig,
    ws,
)


def create_app(settings: GatewaySettings) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        mesh = Mesh(settings)
        await mesh.start()
        app.state.mesh = mesh
        # Conversations: store, live fan-out, and the turn logic shared with public gRPC.
        app.state.store = Store(settings.database_url)
        app.state.hub = EventHub(mesh)
        app.state.chat = Chat(settings, mesh, app.state.store)
        grpc_server = await public_grpc.start(app.state.chat, app.state.hub)
        try:
            yield
        finally:
            if grpc_server is not None:
                await grpc_server.stop(grace=5)
            await mesh.stop()
            app.state.store.close()

    app = FastAPI(
        title="KubeChat API",
        version="1.0.0",
        description="Manage Kubernetes in plain language: typed, previewed, audited.",
        lifespan=lifespan,
        # The docs pages pull their scripts from a CDN: only when enabled (config.py).
        docs_url="/docs" if settings.api_docs else None,
        redoc_url="/redoc" if settings.api_docs else None,
    )
    app.state.settings = settings
    scrub_server_logs()
    errors.install(app)
    app.include_router(health.router)
    app.include_router(ask.router)
    app.include_router(audit.router)
    app.include_router(me.router)
    for router in (conversations, ws, clusters, templates, webconfig):
        app.include_router(router.router)
    web.install(app, settings)  # last: its catch-all must not shadow any API route
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    # Outermost, so the 413 above and every error response carry the headers too.
    app.add_middleware(SecurityHeaders, issuer=settings.oidc_issuer)
    return app
