from __future__ import annotations

import httpx
from fastapi import FastAPI

from kubechat.errors import Unavailable
from kubechat_gateway import errors
from kubechat_gateway.limits import BodyLimit
from kubechat_gateway.schemas import AskRequest


def make_app(max_bytes: int = 100) -> FastAPI:
    app = FastAPI()
    errors.install(app)

    @app.post("/echo")
    async def echo(body: AskRequest) -> dict[str, str]:
        return {"text": body.text}

    @app.get("/down")
    async def down() -> None:
        raise Unavailable("the nlp service at 127.0.0.1:1 is unavailable")

    app.add_middleware(BodyLimit, max_bytes=max_bytes)
    return app


async def post(app: FastAPI, path: str, content: bytes, **headers: str) -> httpx.Response:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        return await client.post(
            path, content=content, headers={"content-type": "application/json", **headers}
        )


async def test_body_over_the_limit_is_413_before_parsing() -> None:
    response = await post(make_app(100), "/echo", b'{"text": "' + b"a" * 200 + b'"}')
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"


async def test_validation_errors_name_the_field() -> None:
    response = await post(make_app(), "/echo", b'{"cluster": "x"}')
    assert response.status_code == 422
    assert response.json()["error"]["message"] == "field 'text' is required"


async def test_kubechat_errors_map_to_http_in_one_place() -> None:
    transport = httpx.ASGITransport(app=make_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        response = await client.get("/down")
    assert response.status_code == 503
    assert response.json() == {
        "error": {"code": "unavailable", "message": "the nlp service at 127.0.0.1:1 is unavailable"}
    }
