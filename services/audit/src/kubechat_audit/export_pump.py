"""Streaming an export from the blocking store to a gRPC reader, a few chunks ahead.

The bounded queue is the backpressure: when the client reads slowly the producing thread
waits, so memory stays flat whatever the size of the export. A client that stops reading
altogether would hold that thread (one of a small pool) for as long as it keeps the call
open; after `stall_seconds` without progress the export is abandoned and the reader gets a
clear error instead."""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator

from kubechat.errors import DeadlineExceeded, Unavailable

EXPORT_QUEUE_CHUNKS = 8
# How long the producer waits for a reader that takes nothing before giving up.
EXPORT_STALL_SECONDS = 60.0


class _Stalled(Exception):
    """The reader took nothing for too long."""


async def pump(
    produce: Callable[[], Iterator[bytes]],
    *,
    stall_seconds: float = EXPORT_STALL_SECONDS,
    queue_chunks: int = EXPORT_QUEUE_CHUNKS,
) -> AsyncIterator[bytes]:
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[bytes | BaseException | None] = asyncio.Queue(queue_chunks)
    cancelled = threading.Event()
    stalled = asyncio.Event()

    def put(item: bytes | BaseException | None) -> bool:
        future = asyncio.run_coroutine_threadsafe(queue.put(item), loop)
        deadline = time.monotonic() + stall_seconds
        while not cancelled.is_set():
            with contextlib.suppress(TimeoutError):
                future.result(timeout=min(0.5, stall_seconds))
                return True
            if time.monotonic() >= deadline:
                loop.call_soon_threadsafe(stalled.set)
                break
        future.cancel()
        return False

    def work() -> None:
        try:
            for chunk in produce():
                if cancelled.is_set() or not put(chunk):
                    return
        except BaseException as exc:  # noqa: BLE001 - handed to the reader, raised there
            put(exc)
            return
        put(None)

    worker = loop.run_in_executor(None, work)
    try:
        while True:
            item = await _next(queue, stalled)
            if item is None:
                break
            if isinstance(item, _Stalled):
                raise DeadlineExceeded(
                    f"the export was abandoned: nothing was read for {stall_seconds:.0f} s"
                )
            if isinstance(item, BaseException):
                raise Unavailable(f"export failed in the store: {item}") from item
            yield item
    finally:
        cancelled.set()
        with contextlib.suppress(asyncio.QueueEmpty):
            while True:  # unblock a producer waiting on a full queue
                queue.get_nowait()
        with contextlib.suppress(Exception):
            await worker


async def _next(
    queue: asyncio.Queue[bytes | BaseException | None], stalled: asyncio.Event
) -> bytes | BaseException | None:
    """The next chunk, or `_Stalled` once the producer gave up and the queue ran dry."""
    if not queue.empty() or not stalled.is_set():
        getter = asyncio.ensure_future(queue.get())
        waiter = asyncio.ensure_future(stalled.wait())
        done, _ = await asyncio.wait({getter, waiter}, return_when=asyncio.FIRST_COMPLETED)
        if getter in done:
            waiter.cancel()
            return getter.result()
        getter.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await getter
        if not queue.empty():
            return queue.get_nowait()
    return _Stalled()
