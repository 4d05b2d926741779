"""Conversations and their messages: list and search, history, export, and the REST
forms of confirm and cancel (the WebSocket and gRPC API have their own)."""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from kubechat_gateway.deps import PrincipalDep
from kubechat_gateway.deps_chat import ChatDep, HubDep, StoreDep
from kubechat_gateway.edge import csv_safe
from kubechat_gateway.hub import EventHub
from kubechat_gateway.models import Conversation, Message
from kubechat_gateway.schemas import ErrorResponse
from kubechat_gateway.schemas_chat import (
    CancelBody,
    ChatEventList,
    ConfirmBody,
    ConversationCreate,
    ConversationList,
    ConversationPublic,
    ExportFormat,
    MessageList,
    MessagePublic,
)

router = APIRouter(prefix="/api/v1/conversations", tags=["conversations"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorResponse} for code in (400, 401, 403, 404, 422, 429, 503)
}
IdPath = Annotated[
    str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$", description="Id")
]
_MEDIA = {
    "markdown": "text/markdown; charset=utf-8",
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
}


def _stamp(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def conversation_public(conversation: Conversation, count: int = 0) -> ConversationPublic:
    return ConversationPublic(
        id=conversation.id,
        title=conversation.title,
        cluster_id=conversation.cluster_id,
        created_at=_stamp(conversation.created_at),
        updated_at=_stamp(conversation.updated_at),
        message_count=count,
    )


def message_public(message: Message) -> MessagePublic:
    return MessagePublic(
        id=message.id or 0,
        role="user" if message.role == "user" else "assistant",
        type=message.type,
        text=message.text,
        payload=json.loads(message.payload_json or "{}"),
        created_at=_stamp(message.created_at),
    )


@router.get("", response_model=ConversationList, responses=_ERRORS, summary="List or search")
async def list_conversations(
    store: StoreDep,
    principal: PrincipalDep,
    q: Annotated[str, Query(max_length=200, description="Matches titles and messages")] = "",
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> ConversationList:
    found = await store.search(principal.tenant, principal.user, q.strip(), limit)
    return ConversationList(conversations=[conversation_public(c) for c in found])


@router.post(
    "",
    response_model=ConversationPublic,
    status_code=201,
    responses=_ERRORS,
    summary="Start a conversation",
)
async def create_conversation(
    body: ConversationCreate, store: StoreDep, principal: PrincipalDep
) -> ConversationPublic:
    created = await store.ensure(
        principal.tenant, principal.user, uuid.uuid4().hex, body.cluster, body.title
    )
    return conversation_public(created)


@router.get("/{conversation_id}", response_model=ConversationPublic, responses=_ERRORS)
async def get_conversation(
    conversation_id: IdPath, store: StoreDep, principal: PrincipalDep
) -> ConversationPublic:
    conversation, count = await store.get(principal.tenant, principal.user, conversation_id)
    return conversation_public(conversation, count)


@router.get("/{conversation_id}/messages", response_model=MessageList, responses=_ERRORS)
async def list_messages(
    conversation_id: IdPath,
    store: StoreDep,
    principal: PrincipalDep,
    limit: Annotated[int, Query(ge=0, le=10_000, description="0: all")] = 0,
) -> MessageList:
    messages = await store.messages(principal.tenant, principal.user, conversation_id, limit)
    return MessageList(
        conversation_id=conversation_id, messages=[message_public(m) for m in messages]
    )


def _markdown(conversation: Conversation, messages: list[MessagePublic]) -> str:
    lines = [f"# {conversation.title or conversation.id}", ""]
    for m in messages:
        when = m.created_at.strftime("%Y-%m-%d %H:%M:%S UTC")
        if m.role == "user":
            lines += [f"**You** ({when}): {m.text}", ""]
            continue
        lines += [f"**KubeChat** · {m.type} ({when})", ""]
        result = m.payload.get("result") if m.type == "result" else None
        table = result.get("table") if isinstance(result, dict) else None
        if isinstance(table, dict) and table.get("columns"):
            lines.append("| " + " | ".join(table["columns"]) + " |")
            lines.append("|" + "---|" * len(table["columns"]))
            lines += [
                "| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in table["rows"]
            ]
        elif m.type == "plan":
            lines += ["```", *m.payload.get("plan", {}).get("kubectl", []), "```"]
        else:
            lines.append(m.text)
        lines.append("")
    return "\n".join(lines)


def _csv(messages: list[MessagePublic]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["time", "role", "type", "text", "payload"])
    for m in messages:
        row = [m.created_at.isoformat(), m.role, m.type, m.text, json.dumps(m.payload)]
        # Cells hold what users and clusters wrote: never a formula in a spreadsheet.
        writer.writerow([csv_safe(cell) for cell in row])
    return out.getvalue()


@router.get(
    "/{conversation_id}/export",
    response_class=Response,
    responses={200: {"content": {m: {} for m in _MEDIA.values()}}, **_ERRORS},
    summary="The whole conversation as Markdown, JSON or CSV",
)
async def export_conversation(
    conversation_id: IdPath,
    store: StoreDep,
    principal: PrincipalDep,
    format: Annotated[ExportFormat, Query()] = "markdown",  # noqa: A002 - the public name
) -> Response:
    conversation, _ = await store.get(principal.tenant, principal.user, conversation_id)
    messages = [
        message_public(m)
        for m in await store.messages(principal.tenant, principal.user, conversation_id)
    ]
    if format == "json":
        body = json.dumps(
            {
                "conversation": conversation_public(conversation, len(messages)).model_dump(
                    mode="json"
                ),
                "messages": [m.model_dump(mode="json") for m in messages],
            },
            indent=2,
        )
    elif format == "csv":
        body = _csv(messages)
    else:
        body = _markdown(conversation, messages)
    extension = {"markdown": "md", "json": "json", "csv": "csv"}[format]
    filename = f"conversation-{conversation_id}.{extension}"
    return Response(
        body,
        media_type=_MEDIA[format],
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _collect_and_publish(
    hub: EventHub, conversation_id: str
) -> tuple[list[dict[str, Any]], Callable[[dict[str, Any]], Awaitable[None]]]:
    """An emitter that both answers this request (the list) and reaches every WebSocket
    watching the conversation (the hub)."""
    events: list[dict[str, Any]] = []

    async def emit(event: dict[str, Any]) -> None:
        events.append(event)
        await hub.publish(conversation_id, event)

    return events, emit


@router.post(
    "/{conversation_id}/confirm",
    response_model=ChatEventList,
    responses=_ERRORS,
    summary="Run the change awaiting confirmation (its events are also on the WebSocket)",
)
async def confirm(
    conversation_id: IdPath,
    body: ConfirmBody,
    chat: ChatDep,
    hub: HubDep,
    principal: PrincipalDep,
) -> ChatEventList:
    events, emit = _collect_and_publish(hub, conversation_id)
    await chat.confirm(principal, conversation_id, body.confirmation_id, body.typed_name, emit)
    return ChatEventList(events=events)


@router.post(
    "/{conversation_id}/cancel",
    response_model=ChatEventList,
    responses=_ERRORS,
    summary="Drop the change awaiting confirmation; nothing runs",
)
async def cancel(
    conversation_id: IdPath,
    body: CancelBody,
    chat: ChatDep,
    hub: HubDep,
    principal: PrincipalDep,
) -> ChatEventList:
    events, emit = _collect_and_publish(hub, conversation_id)
    await chat.cancel(principal, conversation_id, body.confirmation_id, emit)
    return ChatEventList(events=events)
