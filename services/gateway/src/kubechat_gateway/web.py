"""The built web UI (web/dist) at `/`: static files, and index.html for every other
non-API path so the single-page app's own routes survive a reload. Installed only when
the directory exists, after every API router, so it never shadows the API."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from kubechat_gateway.config import GatewaySettings

# services/gateway/src/kubechat_gateway/web.py → the repository root.
REPO_WEB_DIST = Path(__file__).resolve().parents[4] / "web" / "dist"
_API_PREFIXES = ("api/", "docs", "openapi.json", "redoc", "healthz", "readyz")


def web_dir(settings: GatewaySettings) -> Path | None:
    directory = Path(settings.web_dir) if settings.web_dir else REPO_WEB_DIST
    return directory if (directory / "index.html").is_file() else None


def install(app: FastAPI, settings: GatewaySettings) -> None:
    directory = web_dir(settings)
    if directory is None:
        return
    index = directory / "index.html"
    if (directory / "assets").is_dir():
        # Hashed file names: cacheable forever; index.html is not, so deploys take effect.
        app.mount("/assets", StaticFiles(directory=directory / "assets"), name="web-assets")
    root = directory.resolve()

    @app.get("/{path:path}", include_in_schema=False)
    async def spa(path: str) -> FileResponse:
        if path.startswith(_API_PREFIXES):
            raise HTTPException(status_code=404, detail=f"/{path} is not an API route")
        candidate = (directory / path).resolve()
        if path and candidate.is_file() and candidate.is_relative_to(root):
            return FileResponse(candidate)
        return FileResponse(index, headers={"Cache-Control": "no-cache"})
