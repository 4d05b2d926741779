"""`/api/v1/conversations/{id}/ws`: one WebSocket per conversation (docs/gateway-api.md).

Client → server (JSON text frames):
  {"type": "ask", "text": "...", "cluster": "<cluster id or empty>"}
  {"type": "confirm", "confirmation_id": "...", "typed_name": "..."}
  {"type": "cancel", "confirmation_id": "..."}
  {"type": "ping"}
Server → client: {"type": "ready"} once subscribed, then the chat events of schemas_chat
(typing, user_message, plan, clarification, cluster_change, preview, confirmation_request,
progress, log, result, error, cancelled, done) for every turn of the conversation, from any
socket or replica, and {"type": "pong"}.

Browsers cannot set headers on the handshake, so the bearer token may come as the
`access_token` query parameter. A refused handshake closes with 1008 and a JSON reason.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
import re
from collections.abc import Coroutine
from typing import Annotated, Any, Literal

from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from kubechat.errors import KubeChatError
from kubechat.v1 import common_pb2
from kubechat_gateway import deps
from kubechat_gateway.chat import Chat, Emit
from kubechat_gateway.deps_chat import get_chat, get_hub
from kubechat_gateway.hub import Event

router = APIRouter(prefix="/api/v1/conversations", tags=["conversations"])

ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
MAX_FRAME_CHARS = 16_000
# Turns in flight, held strongly: the loop keeps only weak references to tasks, and a turn
# must finish even after its socket has gone.
_IN_FLIGHT: set[asyncio.Task[Any]] = set()


class _Frame(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class AskFrame(_Frame):
    type: Literal["ask"]
    text: str = Field(min_length=1)
    cluster: str = Field(default="", max_length=253)


class ConfirmFrame(_Frame):
    type: Literal["confirm"]
    confirmation_id: str = Field(min_length=1, max_length=64)
    typed_name: str = Field(default="", max_length=253)


class CancelFrame(_Frame):
    type: Literal["cancel"]
    confirmation_id: str = Field(default="", max_length=64)


class PingFrame(_Frame):
    type: Literal["ping"]


ClientFrame = TypeAdapter(
    Annotated[AskFrame | ConfirmFrame | CancelFrame | PingFrame, Field(discriminator="type")]
)


async def _principal(websocket: WebSocket) -> common_pb2.Principal:
    principal: Any = deps.get_principal(websocket)  # type: ignore[arg-type]
    if inspect.isawaitable(principal):
        principal = await principal
    result: common_pb2.Principal = principal
    return result


def _problem(message: str, conversation_id: str, code: str = "invalid_request") -> Event:
    return {
        "type": "error",
        "conversation_id": conversation_id,
        "request_id": "",
        "code": code,
        "message": message,
        "hint": "",
    }


@router.websocket("/{conversation_id}/ws")
async def conversation_socket(websocket: WebSocket, conversation_id: str) -> None:
    await websocket.accept()
    if not ID_PATTERN.match(conversation_id):
        problem = {"code": "invalid_request", "message": "conversation id: 1-64 of [A-Za-z0-9_-]"}
        await websocket.close(code=1008, reason=json.dumps(problem))
        return
    chat, hub = get_chat(websocket), get_hub(websocket)
    try:
        principal = await _principal(websocket)
        await chat.store.ensure(principal.tenant, principal.user, conversation_id)
    except KubeChatError as exc:
        reason = json.dumps({"code": exc.code, "message": exc.message})[:120]
        await websocket.close(code=1008, reason=reason)
        return
    source_ip = websocket.client.host if websocket.client else ""

    async def publish(event: Event) -> None:
        await hub.publish(conversation_id, event)

    async with hub.subscribe(conversation_id) as queue:

        async def forward() -> None:
            while True:
                await websocket.send_text(json.dumps(await queue.get()))

        forwarder = asyncio.create_task(forward())
        await websocket.send_text(json.dumps({"type": "ready", "conversation_id": conversation_id}))
        try:
            while True:
                raw = await websocket.receive_text()
                if len(raw) > MAX_FRAME_CHARS:
                    too_long = _problem(f"frame over {MAX_FRAME_CHARS} characters", conversation_id)
                    await websocket.send_text(json.dumps(too_long))
                    continue
                try:
                    frame = ClientFrame.validate_json(raw)
                except ValidationError as exc:
                    wrong = "; ".join(
                        f"{'.'.join(str(p) for p in e['loc']) or 'frame'}: {e['msg']}"
                        for e in exc.errors()[:3]
                    )
                    await websocket.send_text(json.dumps(_problem(wrong, conversation_id)))
                    continue
                if isinstance(frame, PingFrame):
                    await websocket.send_text(json.dumps({"type": "pong"}))
                    continue
                job: Coroutine[Any, Any, Any]
                if isinstance(frame, AskFrame):
                    job = chat.ask(
                        principal, conversation_id, frame.text, frame.cluster, publish, source_ip
                    )
                elif isinstance(frame, ConfirmFrame):
                    job = chat.confirm(
                        principal, conversation_id, frame.confirmation_id, frame.typed_name, publish
                    )
                else:
                    job = _cancel(chat, principal, conversation_id, frame.confirmation_id, publish)
                # A turn outlives the socket: a closed tab must not leave a change half-done.
                task = asyncio.create_task(job)
                _IN_FLIGHT.add(task)
                task.add_done_callback(_IN_FLIGHT.discard)
        except WebSocketDisconnect:
            pass
        finally:
            forwarder.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await forwarder


async def _cancel(
    chat: Chat, principal: common_pb2.Principal, cid: str, confirmation_id: str, emit: Emit
) -> bool:
    try:
        return bool(await chat.cancel(principal, cid, confirmation_id, emit))
    except KubeChatError as exc:
        problem = _problem(exc.message, cid, exc.code)
        await emit(problem)
        return False
