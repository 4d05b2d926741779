"""The export pump: chunks flow in order, a store error reaches the reader, and a reader
that stops reading releases the producing thread after the stall deadline."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import pytest

from kubechat.errors import DeadlineExceeded, Unavailable
from kubechat_audit.export_pump import pump


def test_chunks_arrive_in_order() -> None:
    async def run() -> list[bytes]:
        return [c async for c in pump(lambda: iter([b"a", b"b", b"c"]))]

    assert asyncio.run(run()) == [b"a", b"b", b"c"]


def test_a_store_error_reaches_the_reader() -> None:
    def broken() -> Iterator[bytes]:
        yield b"a"
        raise RuntimeError("disk gone")

    async def run() -> list[bytes]:
        return [c async for c in pump(broken)]

    with pytest.raises(Unavailable, match="disk gone"):
        asyncio.run(run())


def test_a_stalled_reader_frees_the_producer() -> None:
    finished = threading.Event()

    def endless() -> Iterator[bytes]:
        try:
            while True:
                yield b"x" * 10
        finally:
            finished.set()

    async def run() -> None:
        stream = pump(endless, stall_seconds=0.3, queue_chunks=2)
        await stream.__anext__()
        await asyncio.sleep(1.0)  # the reader takes nothing: the producer gives up
        assert finished.is_set()
        with pytest.raises(DeadlineExceeded, match="nothing was read"):
            async for _ in stream:
                pass

    asyncio.run(run())
