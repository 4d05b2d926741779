"""What the web UI needs before sign-in, and the chat event schema. No auth: the UI reads
the config to learn how to sign in at all."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import TypeAdapter

from kubechat_gateway.deps import SettingsDep
from kubechat_gateway.schemas_chat import ChatEvent, WebConfig

router = APIRouter(prefix="/api/v1", tags=["meta"])


@router.get("/config", response_model=WebConfig, summary="Sign-in settings for the web UI")
async def web_config(settings: SettingsDep) -> WebConfig:
    return WebConfig(
        auth_mode=settings.auth_mode,
        oidc_issuer=settings.oidc_issuer,
        oidc_client_id=settings.oidc_client_id,
        rate_limit_asks=settings.rate_limit_asks,
        rate_limit_window_seconds=settings.rate_limit_window_seconds,
    )


@router.get(
    "/chat-events/schema",
    response_model=dict[str, Any],
    summary="JSON Schema of the events the conversation WebSocket and gRPC Ask stream",
)
async def chat_event_schema() -> dict[str, Any]:
    schema: dict[str, Any] = TypeAdapter(ChatEvent).json_schema()
    return schema
