"""One ask or confirm as a stream of chat events: stamped with the turn's ids, kept in
history when worth keeping, and forwarded to the sockets, with the plan's secrets cut
from everything it says (the question included)."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any, TypedDict

from pydantic import BaseModel

from kubechat.errors import KubeChatError
from kubechat.redact import redact_value
from kubechat.redact_params import conceal_value
from kubechat_gateway import schemas_chat as ev
from kubechat_gateway.db import Store
from kubechat_gateway.hub import Event

Emit = Callable[[Event], Awaitable[None]]

# Events worth keeping in the history; typing and progress are only live.
PERSISTED = frozenset(
    {
        "plan",
        "clarification",
        "cluster_change",
        "preview",
        "confirmation_request",
        "result",
        "error",
        "cancelled",
    }
)


class Stamp(TypedDict):
    conversation_id: str
    request_id: str


class Turn:
    """The events of one ask or confirm: stamps ids, persists, forwards to `emit`."""

    def __init__(self, store: Store, conversation_id: str, emit: Emit) -> None:
        self.store = store
        self.conversation_id = conversation_id
        self.request_id = uuid.uuid4().hex
        self._emit = emit
        # (key, value) of the plan's secret parameters (kubechat.redact_params), known
        # once the plan is: cut from every event this turn sends, stored or live.
        self.secrets: list[tuple[str, str]] = []
        # The user's words wait for the plan (which says what in them is secret) before
        # they are stored or echoed; `question` reports whether they still wait.
        self.question_pending = False

    async def send(self, event: BaseModel) -> None:
        await self.send_data(event.model_dump(mode="json"))

    async def send_data(self, data: dict[str, Any]) -> None:
        data = conceal_value(data, self.secrets)
        if data["type"] in PERSISTED:
            # History also loses what merely looks like a credential: a `create token`
            # answer is shown once, live, and never kept.
            kept = redact_value(data)
            await self.store.add_message(
                self.conversation_id, "assistant", kept["type"], _summary(kept), kept
            )
        await self._emit(data)

    async def question(self, text: str, cluster: str) -> None:
        """Stores and echoes the user's words (concealed) once, when they were pending."""
        if not self.question_pending:
            return
        self.question_pending = False
        text = conceal_value(text, self.secrets)
        await self.store.add_message(
            self.conversation_id, "user", "text", text, {"cluster": cluster}
        )
        await self._emit(
            {**self.fields(), "type": "user_message", "text": text, "cluster": cluster}
        )

    def fields(self) -> Stamp:
        return {"conversation_id": self.conversation_id, "request_id": self.request_id}

    async def fail(self, exc: KubeChatError) -> None:
        await self.send(
            ev.ErrorEvent(**self.fields(), code=exc.code, message=exc.message, hint=exc.hint)
        )


def _summary(data: dict[str, Any]) -> str:
    """Searchable text of an event (history search matches it)."""
    kind = data["type"]
    if kind == "plan":
        return "\n".join(str(line) for line in data["plan"]["kubectl"])
    if kind == "error":
        return str(data["message"])
    if kind == "result":
        result = data["result"]
        return str(result.get("kubectl", "")) + ("" if result["ok"] else " (failed)")
    if kind == "clarification":
        return str(data["clarification"]["question"])
    if kind == "confirmation_request":
        return "awaiting confirmation: " + "; ".join(str(k) for k in data["kubectl"])
    return str(kind)
