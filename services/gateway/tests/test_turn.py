"""A turn keeps the plan's secrets out of history and off the sockets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kubechat_gateway import schemas_chat as ev
from kubechat_gateway.db import Store
from kubechat_gateway.schemas import ResultPublic
from kubechat_gateway.turn import Turn

DSN = "postgres://app:hunter2@db/orders"


async def test_the_question_and_every_event_are_concealed(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'c.db'}")
    await store.ensure("acme", "bob", "c1")
    sent: list[dict[str, Any]] = []

    async def emit(event: dict[str, Any]) -> None:
        sent.append(event)

    turn = Turn(store, "c1", emit)
    turn.question_pending = True
    turn.secrets = [("dsn", DSN)]
    await turn.question(f"create secret generic db in dev with dsn={DSN}", "")
    await turn.question("asked twice", "")  # recorded once
    await turn.send(
        ev.ErrorEvent(**turn.fields(), code="x", message=f"could not store {DSN}", hint="")
    )
    stored = await store.messages("acme", "bob", "c1")
    assert len(stored) == 2
    everything = str(sent) + "".join(m.text + m.payload_json for m in stored)
    assert DSN not in everything
    assert "dsn=[REDACTED]" in everything


async def test_a_token_answer_is_shown_live_and_never_kept(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'c.db'}")
    await store.ensure("acme", "bob", "c1")
    sent: list[dict[str, Any]] = []

    async def emit(event: dict[str, Any]) -> None:
        sent.append(event)

    jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2EifQ.c2lnbmF0dXJlLXZhbHVl"
    turn = Turn(store, "c1", emit)
    result = ResultPublic(kubectl="kubectl create token ci -n dev", ok=True, text=jwt)
    await turn.send(ev.ResultEvent(**turn.fields(), cluster="default", result=result))
    assert jwt in str(sent)
    stored = await store.messages("acme", "bob", "c1")
    assert jwt not in stored[0].payload_json
