"""Live chat events fanned out to every socket of a conversation, on any gateway replica.

Events travel over NATS core subjects (`kubechat.session.v1.<conversation>`), so a user
whose browser tabs land on different replicas sees one conversation. When NATS is not
connected the hub still delivers to this replica's own sockets.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections import defaultdict
from collections.abc import AsyncIterator
from typing import Any

from kubechat.events import subject_token
from kubechat_gateway.mesh import Mesh

log = logging.getLogger(__name__)

SESSION_ROOT = "kubechat.session.v1"
QUEUE_DEPTH = 1000

Event = dict[str, Any]


def subject(conversation_id: str) -> str:
    return f"{SESSION_ROOT}.{subject_token(conversation_id)}"


class EventHub:
    def __init__(self, mesh: Mesh) -> None:
        self._mesh = mesh
        self._local: dict[str, set[asyncio.Queue[Event]]] = defaultdict(set)

    def _nats_ready(self) -> bool:
        return self._mesh.nats is not None and self._mesh.nats.is_connected

    async def publish(self, conversation_id: str, event: Event) -> None:
        if self._nats_ready():
            assert self._mesh.nats is not None
            try:
                await self._mesh.nats.publish(subject(conversation_id), json.dumps(event).encode())
                return
            except Exception as exc:  # noqa: BLE001 - fall back to this replica's sockets
                log.warning("session event not published on NATS: %s", exc)
        for queue in list(self._local.get(conversation_id, ())):
            self._offer(queue, event)

    @staticmethod
    def _offer(queue: asyncio.Queue[Event], event: Event) -> None:
        # A socket that stopped reading loses events rather than growing memory forever.
        with contextlib.suppress(asyncio.QueueFull):
            queue.put_nowait(event)

    @contextlib.asynccontextmanager
    async def subscribe(self, conversation_id: str) -> AsyncIterator[asyncio.Queue[Event]]:
        queue: asyncio.Queue[Event] = asyncio.Queue(maxsize=QUEUE_DEPTH)
        self._local[conversation_id].add(queue)
        subscription = None
        if self._nats_ready():
            assert self._mesh.nats is not None

            async def deliver(msg: Any) -> None:
                try:
                    self._offer(queue, json.loads(msg.data))
                except ValueError:
                    log.warning("dropped a malformed session event on %s", msg.subject)

            subscription = await self._mesh.nats.subscribe(subject(conversation_id), cb=deliver)
        try:
            yield queue
        finally:
            self._local[conversation_id].discard(queue)
            if not self._local[conversation_id]:
                del self._local[conversation_id]
            if subscription is not None:
                with contextlib.suppress(Exception):
                    await subscription.unsubscribe()
