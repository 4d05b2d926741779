"""Live tail: every audit replica subscribes to the event subjects with a plain (core) NATS
subscription and fans each event out to its own tail clients.

Why core NATS and not polling ClickHouse: a tail client may be connected to any replica,
while the durable consumer hands each event to one replica only; a core subscription
gives every replica every event, within milliseconds, with no extra load on the store.
The tail is a live view: an event shows before it is stored, and a client too slow to
keep up is cut off rather than allowed to grow memory without bound. Search and Export
read the complete, durable record.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from nats.aio.client import Client
from nats.aio.msg import Msg
from nats.aio.subscription import Subscription

from kubechat.errors import ResourceExhausted
from kubechat.events import AUDIT_SUBJECT_ROOT, AuditEvent
from kubechat.redact import redact_event

log = logging.getLogger(__name__)

_CLOSED = None


@dataclass(frozen=True)
class TailFilter:
    tenant: str = ""
    user: str = ""
    kind: str = ""

    def matches(self, event: AuditEvent) -> bool:
        return (
            (not self.tenant or event.tenant == self.tenant)
            and (not self.user or event.user == self.user)
            and (not self.kind or event.kind.value == self.kind)
        )


@dataclass(eq=False)  # compared by identity: two clients with the same filter are two
class _Listener:
    where: TailFilter
    queue: asyncio.Queue[AuditEvent | None]
    overflowed: bool = False


@dataclass
class LiveFeed:
    queue_size: int = 1000
    _listeners: set[_Listener] = field(default_factory=set)
    _subscription: Subscription | None = None

    async def start(self, client: Client) -> None:
        self._subscription = await client.subscribe(f"{AUDIT_SUBJECT_ROOT}.>", cb=self._on_message)

    async def stop(self) -> None:
        if self._subscription is not None:
            with contextlib.suppress(Exception):
                await self._subscription.unsubscribe()
        for listener in list(self._listeners):
            with contextlib.suppress(asyncio.QueueFull):
                listener.queue.put_nowait(_CLOSED)

    async def _on_message(self, message: Msg) -> None:
        if not self._listeners:
            return
        try:
            event = redact_event(AuditEvent.from_bytes(message.data))
        except Exception:  # noqa: BLE001 - the ingest side dead-letters it; nothing to show
            return
        for listener in list(self._listeners):
            if listener.overflowed or not listener.where.matches(event):
                continue
            try:
                listener.queue.put_nowait(event)
            except asyncio.QueueFull:
                listener.overflowed = True

    async def events(self, where: TailFilter) -> AsyncIterator[AuditEvent]:
        listener = _Listener(where, asyncio.Queue(maxsize=self.queue_size))
        self._listeners.add(listener)
        try:
            while True:
                if listener.overflowed and listener.queue.empty():
                    raise ResourceExhausted(
                        f"the tail client fell more than {self.queue_size} events behind",
                        hint="narrow the tail with a tenant, user or kind, or use Search",
                    )
                event = await listener.queue.get()
                if event is _CLOSED:
                    return
                yield event
        finally:
            self._listeners.discard(listener)
