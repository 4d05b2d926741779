"""Identical reads in flight at the same moment share one API call.

Many chat users and dashboards ask the same question at once ("pods in prod"); the API
server renders each list anew, and on a busy control plane that is the bottleneck. A read
that is already on its way for the same identity, path, query and media type answers every
caller that asked while it was in flight. Only GETs, and only the same identity: RBAC and
impersonation stay per user. The price: a caller that joins gets an answer as of the
moment the shared call started, a few hundred milliseconds at most, never a cached one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from typing import Generic, TypeVar

T = TypeVar("T")


class SingleFlight(Generic[T]):
    """Callers share the answer, so it must not be mutated: bytes, or a result the caller
    copies before changing."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._calls: dict[Hashable, Future[T]] = {}

    def run(self, key: Hashable, call: Callable[[], T]) -> T:
        with self._lock:
            pending = self._calls.get(key)
            leader = pending is None
            if pending is None:
                pending = Future()
                self._calls[key] = pending
        if not leader:
            return pending.result()
        try:
            value = call()
        except BaseException as exc:
            pending.set_exception(exc)
            raise
        else:
            pending.set_result(value)
            return value
        finally:
            with self._lock:
                self._calls.pop(key, None)
