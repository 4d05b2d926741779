"""The conversation store: SQLModel over SQLite (default) or PostgreSQL (by URL).

The engine is synchronous; every call runs in a worker thread so a slow disk never
stalls the event loop that serves the WebSockets.
"""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, col, create_engine, select

from kubechat.errors import NotFound
from kubechat_gateway.models import Conversation, Message

TITLE_CHARS = 80


def _engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # One engine serves every worker thread; SQLite's own locking keeps writes safe.
        return create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


class Store:
    def __init__(self, url: str) -> None:
        self._engine = _engine(url)
        SQLModel.metadata.create_all(
            self._engine,
            tables=[Conversation.__table__, Message.__table__],  # type: ignore[attr-defined]
        )
        if url.startswith("sqlite"):
            with self._engine.connect() as connection:
                # WAL lets readers (history, search) proceed while a stream writes.
                connection.exec_driver_sql("PRAGMA journal_mode=WAL")

    def close(self) -> None:
        self._engine.dispose()

    # -- conversations --------------------------------------------------------------

    def _owned(self, session: Session, tenant: str, user: str, cid: str) -> Conversation:
        found = session.get(Conversation, cid)
        if found is None or found.tenant != tenant or found.user != user:
            raise NotFound(f"conversation {cid} not found")
        return found

    def _ensure(self, tenant: str, user: str, cid: str, cluster: str, title: str) -> Conversation:
        with Session(self._engine, expire_on_commit=False) as session:
            found = session.get(Conversation, cid)
            if found is not None:
                if found.tenant != tenant or found.user != user:
                    raise NotFound(f"conversation {cid} not found")
                return found
            conversation = Conversation(
                id=cid, tenant=tenant, user=user, cluster_id=cluster, title=title[:TITLE_CHARS]
            )
            session.add(conversation)
            session.commit()
            return conversation

    async def ensure(
        self, tenant: str, user: str, cid: str, cluster: str = "", title: str = ""
    ) -> Conversation:
        """The caller's conversation `cid`, created when new; another user's is NotFound."""
        return await asyncio.to_thread(self._ensure, tenant, user, cid, cluster, title)

    def _get(self, tenant: str, user: str, cid: str) -> tuple[Conversation, int]:
        with Session(self._engine, expire_on_commit=False) as session:
            conversation = self._owned(session, tenant, user, cid)
            count = session.exec(
                select(func.count()).select_from(Message).where(Message.conversation_id == cid)
            ).one()
            return conversation, int(count)

    async def get(self, tenant: str, user: str, cid: str) -> tuple[Conversation, int]:
        return await asyncio.to_thread(self._get, tenant, user, cid)

    def _search(self, tenant: str, user: str, query: str, limit: int) -> list[Conversation]:
        with Session(self._engine) as session:
            statement = select(Conversation).where(
                Conversation.tenant == tenant, Conversation.user == user
            )
            if query:
                pattern = f"%{query.lower()}%"
                in_messages = select(Message.conversation_id).where(
                    func.lower(Message.text).like(pattern)
                )
                statement = statement.where(
                    or_(
                        func.lower(Conversation.title).like(pattern),
                        col(Conversation.id).in_(in_messages),
                    )
                )
            statement = statement.order_by(col(Conversation.updated_at).desc()).limit(limit)
            return list(session.exec(statement).all())

    async def search(
        self, tenant: str, user: str, query: str = "", limit: int = 50
    ) -> list[Conversation]:
        """The caller's conversations, newest first; `query` matches titles and messages."""
        return await asyncio.to_thread(self._search, tenant, user, query, limit)

    def _set_cluster(self, cid: str, cluster: str) -> None:
        with Session(self._engine) as session:
            found = session.get(Conversation, cid)
            if found is not None and found.cluster_id != cluster:
                found.cluster_id = cluster
                session.add(found)
                session.commit()

    async def set_cluster(self, cid: str, cluster: str) -> None:
        await asyncio.to_thread(self._set_cluster, cid, cluster)

    # -- messages -------------------------------------------------------------------

    def _add(self, cid: str, role: str, kind: str, text: str, payload: dict[str, Any]) -> int:
        with Session(self._engine) as session:
            message = Message(
                conversation_id=cid,
                role=role,
                type=kind,
                text=text,
                payload_json=json.dumps(payload, default=str),
            )
            session.add(message)
            conversation = session.get(Conversation, cid)
            if conversation is not None:
                conversation.updated_at = time.time()
                if not conversation.title and role == "user":
                    conversation.title = text[:TITLE_CHARS]
                session.add(conversation)
            session.commit()
            return int(message.id or 0)

    async def add_message(
        self, cid: str, role: str, kind: str, text: str = "", payload: dict[str, Any] | None = None
    ) -> int:
        return await asyncio.to_thread(self._add, cid, role, kind, text, payload or {})

    def _messages(self, tenant: str, user: str, cid: str, limit: int) -> list[Message]:
        with Session(self._engine) as session:
            self._owned(session, tenant, user, cid)
            statement = (
                select(Message).where(Message.conversation_id == cid).order_by(col(Message.id))
            )
            if limit > 0:
                # The last `limit` messages, still oldest first.
                newest = statement.order_by(None).order_by(col(Message.id).desc()).limit(limit)
                return list(reversed(session.exec(newest).all()))
            return list(session.exec(statement).all())

    async def messages(self, tenant: str, user: str, cid: str, limit: int = 0) -> list[Message]:
        return await asyncio.to_thread(self._messages, tenant, user, cid, limit)
