"""Every error the REST API returns has one shape: {"error": {code, message, hint}}.

gRPC status → HTTP status happens here and nowhere else.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from kubechat.errors import KubeChatError, http_status_for
from kubechat_gateway.edge import security_headers

log = logging.getLogger(__name__)


def error_response(
    status: int, code: str, message: str, hint: str = "", headers: dict[str, str] | None = None
) -> JSONResponse:
    error: dict[str, Any] = {"code": code, "message": message}
    if hint:
        error["hint"] = hint
    return JSONResponse({"error": error}, status_code=status, headers=headers)


def _describe(error: Any) -> str:
    location = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
    kind = error.get("type", "")
    if kind == "json_invalid":
        return "the request body is not valid JSON (or not UTF-8)"
    if kind == "missing":
        return f"field '{location}' is required"
    if kind == "extra_forbidden":
        return f"field '{location}' is not accepted here"
    if kind in ("model_attributes_type", "dict_type") and not location:
        return "the request body must be a JSON object"
    message = str(error.get("msg", "is invalid"))
    return f"field '{location}': {message}" if location else message


async def _validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = [_describe(e) for e in exc.errors()]
    return error_response(422, "invalid_request", "; ".join(dict.fromkeys(problems)))


async def _kubechat(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, KubeChatError)
    # Rate limits carry their wait, so clients back off for exactly as long as needed.
    retry_after = getattr(exc, "retry_after", None)
    headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
    return error_response(http_status_for(exc.status), exc.code, exc.message, exc.hint, headers)


async def _http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 400 and exc.detail == "There was an error parsing the body":
        # FastAPI says this when the bytes do not even decode (e.g. invalid UTF-8).
        return error_response(400, "invalid_body", "the request body is not valid UTF-8 JSON")
    return error_response(exc.status_code, "http_error", str(exc.detail))


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error", exc_info=exc)
    # Starlette answers this one outside every middleware: add the edge's headers here.
    settings = getattr(request.app.state, "settings", None)
    headers = security_headers(getattr(settings, "oidc_issuer", ""))
    return error_response(
        500, "internal", "internal error; the gateway log has the details", headers=headers
    )


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(KubeChatError, _kubechat)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(Exception, _unexpected)
