"""Where audit events are kept. The store is keyed on event id, so a redelivered event
replaces itself instead of appearing twice."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from kubechat.events import AuditEvent


@dataclass(frozen=True)
class Query:
    since: datetime | None = None
    until: datetime | None = None
    user: str = ""
    tenant: str = ""
    cluster_id: str = ""
    kind: str = ""
    text: str = ""
    event_id: str = ""
    offset: int = 0
    limit: int = 100


class EventStore(Protocol):
    def insert(self, events: Iterable[AuditEvent]) -> None: ...
    def search(self, query: Query) -> tuple[list[AuditEvent], int]: ...


class MemoryStore:
    """An in-process store for development; it does not survive a restart."""

    def __init__(self) -> None:
        self._events: dict[str, AuditEvent] = {}
        self._lock = threading.Lock()

    def insert(self, events: Iterable[AuditEvent]) -> None:
        with self._lock:
            for event in events:
                self._events[event.event_id] = event

    def search(self, query: Query) -> tuple[list[AuditEvent], int]:
        with self._lock:
            matching = [e for e in self._events.values() if _matches(e, query)]
        matching.sort(key=lambda e: e.time, reverse=True)
        return matching[query.offset : query.offset + query.limit], len(matching)


def _matches(event: AuditEvent, query: Query) -> bool:
    checks = (
        not query.event_id or event.event_id == query.event_id,
        not query.user or event.user == query.user,
        not query.tenant or event.tenant == query.tenant,
        not query.cluster_id or event.cluster_id == query.cluster_id,
        not query.kind or event.kind.value == query.kind,
        not query.since or event.time >= query.since,
        not query.until or event.time < query.until,
        not query.text or query.text.lower() in event.text.lower(),
    )
    return all(checks)
