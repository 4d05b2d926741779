"""What every response of the public edge carries, and what every export neutralises.

The origin that serves the web UI also holds the user's access token (sessionStorage), so
a script from anywhere else, a frame around the UI, or a sniffed content type is a way to
that token. The policy below allows only the UI's own bundle; the one exception is the
OIDC issuer, which the browser's sign-in library talks to directly.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Emotion (MUI's styling engine) injects <style> elements at run time, hence
# 'unsafe-inline' for styles only; scripts stay 'self'.
_UI_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'{issuer}; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# FastAPI's Swagger UI and ReDoc pages (served only when `api_docs` is on) load their
# bundle from jsDelivr and start it with an inline script; that page alone allows both.
_DOCS_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; "
    "font-src https://fonts.gstatic.com; img-src 'self' data: https://fastapi.tiangolo.com "
    "https://cdn.redoc.ly; connect-src 'self'; worker-src blob:; frame-ancestors 'none'"
)
DOCS_PATHS = ("/docs", "/docs/oauth2-redirect", "/redoc")


def issuer_origin(issuer: str) -> str:
    """scheme://host[:port] of the OIDC issuer, or "" when none is configured."""
    parts = urlsplit(issuer)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}"


def content_security_policy(issuer: str) -> str:
    origin = issuer_origin(issuer)
    return _UI_POLICY.format(issuer=f" {origin}" if origin else "")


def security_headers(issuer: str) -> dict[str, str]:
    """The headers every response carries (the middleware's, and the last-resort 500's,
    which Starlette answers outside every middleware)."""
    return {
        "content-security-policy": content_security_policy(issuer),
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
        "x-frame-options": "DENY",
        "cross-origin-opener-policy": "same-origin",
        "permissions-policy": "camera=(), microphone=(), geolocation=()",
    }


class SecurityHeaders:
    """Pure ASGI middleware (no per-request task, unlike BaseHTTPMiddleware): adds the
    headers to every HTTP response, errors and 404s included, unless a route set its own."""

    def __init__(self, app: ASGIApp, issuer: str = "") -> None:
        self.app = app
        headers = [(k.encode(), v.encode()) for k, v in security_headers(issuer).items()]
        self._headers = headers
        self._docs_headers = [
            (b"content-security-policy", _DOCS_POLICY.encode()),
            *(h for h in headers if h[0] != b"content-security-policy"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = self._docs_headers if scope.get("path") in DOCS_PATHS else self._headers

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                present = {name.lower() for name, _ in headers}
                headers += [(name, value) for name, value in extra if name not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


# A spreadsheet runs a cell that begins with one of these as a formula (OWASP "CSV
# injection"); a leading apostrophe makes it text in Excel, LibreOffice and Sheets.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(cell: object) -> str:
    text = "" if cell is None else str(cell)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


# Old clients still put the token in the socket URL (`?access_token=`), and uvicorn logs
# every handshake's path at INFO: the value is cut out of the record before any handler.
_TOKEN_IN_URL = re.compile(r"((?:access_|id_|refresh_)?token=)[^&\s\"']+", re.IGNORECASE)


class ScrubTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and "token=" in record.msg.lower():
            record.msg = _TOKEN_IN_URL.sub(r"\1[REDACTED]", record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(
                _TOKEN_IN_URL.sub(r"\1[REDACTED]", a) if isinstance(a, str) else a
                for a in record.args
            )
        return True


def scrub_server_logs() -> None:
    """Installs the filter on uvicorn's loggers (once, however many apps are built)."""
    for name in ("uvicorn.error", "uvicorn.access"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, ScrubTokens) for f in logger.filters):
            logger.addFilter(ScrubTokens())
