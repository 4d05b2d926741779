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

Browsers cannot set headers on the handshake, so the bearer token comes as the
subprotocol `kubechat.bearer.<token>`, offered with `kubechat.v1` (which the server picks);
other clients may send `Authorization: Bearer`. Never in the query string: request lines
are logged.

The token is checked again before every ask, confirm and cancel (a disabled user is out
within the validation cache's 30 s), and the socket closes when the token expires. Both
close with 4401 and a JSON reason `{code, message}`: the client refreshes its token and
reconnects. Any other refused handshake closes with 1008.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
import re
import time
from collections.abc import Coroutine
from typing import Annotated, Any, Literal

from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from kubechat.errors import KubeChatError, PermissionDenied, Unauthenticated
from kubechat.v1 import common_pb2
from kubechat_gateway import deps
from kubechat_gateway.chat import Chat
from kubechat_gateway.deps_chat import get_chat, get_hub
from kubechat_gateway.hub import Event
from kubechat_gateway.turn import Emit

router = APIRouter(prefix="/api/v1/conversations", tags=["conversations"])

ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
MAX_FRAME_CHARS = 16_000
# Close codes the UI acts on (4000-4999 are the application's): 4401, sign in again (refresh
# the token, reconnect); 1008, refused for another reason.
CLOSE_REAUTHENTICATE = 4401
CLOSE_REFUSED = 1008
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


def _reason(exc: KubeChatError) -> str:
    # A close reason is at most 123 bytes; the message is cut, the JSON kept whole.
    message = exc.message
    while len(reason := json.dumps({"code": exc.code, "message": message})) > 120:
        message = message[: len(message) - (len(reason) - 117)] + "…"
    return reason


def _close_code(exc: KubeChatError) -> int:
    return CLOSE_REAUTHENTICATE if isinstance(exc, Unauthenticated) else CLOSE_REFUSED


async def _close_at_expiry(websocket: WebSocket, principal: common_pb2.Principal) -> None:
    """Closes the socket when the token it was opened with expires."""
    if not principal.HasField("expires_at"):
        return  # auth_mode=dev: no token, nothing expires
    await asyncio.sleep(max(0.0, principal.expires_at.seconds - time.time()))
    expired = Unauthenticated("expired: the access token expired; sign in again")
    with contextlib.suppress(Exception):  # already closing: nothing more to say
        await websocket.close(code=CLOSE_REAUTHENTICATE, reason=_reason(expired))


@router.websocket("/{conversation_id}/ws")
async def conversation_socket(websocket: WebSocket, conversation_id: str) -> None:
    offered = websocket.scope.get("subprotocols") or []
    # The bearer subprotocol is never echoed back: only the protocol name is.
    await websocket.accept(
        subprotocol=deps.SOCKET_PROTOCOL if deps.SOCKET_PROTOCOL in offered else None
    )
    if not ID_PATTERN.match(conversation_id):
        problem = {"code": "invalid_request", "message": "conversation id: 1-64 of [A-Za-z0-9_-]"}
        await websocket.close(code=CLOSE_REFUSED, reason=json.dumps(problem))
        return
    chat, hub = get_chat(websocket), get_hub(websocket)
    try:
        principal = await _principal(websocket)
        await chat.store.ensure(principal.tenant, principal.user, conversation_id)
    except KubeChatError as exc:
        await websocket.close(code=_close_code(exc), reason=_reason(exc))
        return
    source_ip = websocket.client.host if websocket.client else ""

    async def publish(event: Event) -> None:
        await hub.publish(conversation_id, event)

    async with hub.subscribe(conversation_id) as queue:

        async def forward() -> None:
            while True:
                await websocket.send_text(json.dumps(await queue.get()))

        forwarder = asyncio.create_task(forward())
        watchdog = asyncio.create_task(_close_at_expiry(websocket, principal))
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
                # The handshake's token may have expired or its user been disabled since:
                # every action is checked again (cached, so this costs nothing most times).
                try:
                    principal = await _principal(websocket)
                except (Unauthenticated, PermissionDenied) as exc:
                    await websocket.close(code=_close_code(exc), reason=_reason(exc))
                    break
                except KubeChatError as exc:  # identity unreachable: this frame fails only
                    await websocket.send_text(
                        json.dumps(_problem(exc.message, conversation_id, exc.code))
                    )
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
        except RuntimeError:
            # Sending after the expiry watchdog closed the socket; anything else is a bug.
            if not watchdog.done():
                raise
        finally:
            for helper in (forwarder, watchdog):
                helper.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await helper


async def _cancel(
    chat: Chat, principal: common_pb2.Principal, cid: str, confirmation_id: str, emit: Emit
) -> bool:
    try:
        return bool(await chat.cancel(principal, cid, confirmation_id, emit))
    except KubeChatError as exc:
        problem = _problem(exc.message, cid, exc.code)
        await emit(problem)
        return False
