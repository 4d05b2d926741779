"""The conversation store on a real SQLite file: ownership, search, history order."""

from __future__ import annotations

from pathlib import Path

import pytest

from kubechat.errors import NotFound
from kubechat_gateway.db import Store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'gateway.db'}")


async def test_a_conversation_is_invisible_to_other_users(store: Store) -> None:
    await store.ensure("acme", "alice", "c1", "dev", "list pods in dev")
    with pytest.raises(NotFound):
        await store.get("acme", "bob", "c1")
    with pytest.raises(NotFound):
        await store.ensure("acme", "bob", "c1")
    with pytest.raises(NotFound):
        await store.messages("globex", "alice", "c1")
    assert await store.search("acme", "bob") == []


async def test_search_matches_titles_and_message_text(store: Store) -> None:
    await store.ensure("acme", "alice", "c1", title="pods")
    await store.ensure("acme", "alice", "c2", title="deployments")
    await store.add_message("c2", "assistant", "result", "kubectl get deployments -n PROD")
    assert [c.id for c in await store.search("acme", "alice", "pods")] == ["c1"]
    assert [c.id for c in await store.search("acme", "alice", "prod")] == ["c2"]
    assert await store.search("acme", "alice", "nothing-like-this") == []


async def test_history_keeps_order_and_limit_keeps_the_newest(store: Store) -> None:
    await store.ensure("acme", "alice", "c1")
    for n in range(5):
        await store.add_message("c1", "user", "text", f"question {n}")
    texts = [m.text for m in await store.messages("acme", "alice", "c1")]
    assert texts == [f"question {n}" for n in range(5)]
    newest = [m.text for m in await store.messages("acme", "alice", "c1", limit=2)]
    assert newest == ["question 3", "question 4"]
    conversation, count = await store.get("acme", "alice", "c1")
    assert count == 5
    assert conversation.title == "question 0"  # the first question names an untitled chat
