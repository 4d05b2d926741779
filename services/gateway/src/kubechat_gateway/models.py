"""Tables of the gateway's own store: conversations and their messages.

Each conversation belongs to one (tenant, user); every read filters on both, so one user
can never see another's history, even by guessing an id.
"""

from __future__ import annotations

import time

from sqlmodel import Field, SQLModel


class Conversation(SQLModel, table=True):
    __tablename__ = "gateway_conversations"

    id: str = Field(primary_key=True, max_length=64)
    tenant: str = Field(index=True)
    user: str = Field(index=True)
    title: str = ""
    cluster_id: str = ""
    created_at: float = Field(default_factory=time.time)
    updated_at: float = Field(default_factory=time.time, index=True)


class Message(SQLModel, table=True):
    __tablename__ = "gateway_messages"

    id: int | None = Field(default=None, primary_key=True)
    conversation_id: str = Field(index=True, foreign_key="gateway_conversations.id")
    role: str  # "user" or "assistant"
    # "text" for the user's words; otherwise the chat event type it records ("plan",
    # "result", "preview", "error"...), so history re-renders exactly as it streamed.
    type: str = "text"
    text: str = ""
    payload_json: str = "{}"
    created_at: float = Field(default_factory=time.time)
