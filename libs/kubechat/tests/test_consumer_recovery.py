"""How the consumer recovers: naks back off exponentially, and a batch that keeps failing
while the sink is healthy is split so that only the bad message is dead-lettered."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace

from kubechat.nats import Consumer


@dataclass
class Msg:
    data: bytes
    delivered: int = 1
    subject: str = "kubechat.audit.v1.t.ask"
    headers: dict[str, str] | None = None
    calls: list[str] = field(default_factory=list)
    delays: list[float] = field(default_factory=list)

    @property
    def metadata(self) -> SimpleNamespace:
        return SimpleNamespace(num_delivered=self.delivered)

    async def ack_sync(self, timeout: float = 1.0) -> None:
        self.calls.append("ack")

    async def ack(self) -> None:
        self.calls.append("ack-buffered")

    async def nak(self, delay: float | None = None) -> None:
        self.calls.append("nak")
        self.delays.append(delay or 0.0)

    async def term(self) -> None:
        self.calls.append("term")


@dataclass
class JetStream:
    published: list[tuple[str, bytes, dict[str, str]]] = field(default_factory=list)

    async def publish(self, subject: str, data: bytes, headers: dict[str, str]) -> None:
        self.published.append((subject, data, headers))


def make(js: JetStream, handle: object, healthy: bool | None) -> Consumer[int]:
    async def probe() -> bool:
        return bool(healthy)

    return Consumer(
        js=js,  # type: ignore[arg-type]
        stream="S",
        subject="s.>",
        durable="d",
        decode=int,
        handle=handle,  # type: ignore[arg-type]
        dead_letter_subject="dlq.s",
        nak_delay=1.0,
        max_nak_delay=8.0,
        healthy=None if healthy is None else probe,
        isolate_after=3,
    )


async def failing(items: list[int]) -> None:
    raise ConnectionError("store down")


async def test_nak_delay_doubles_per_delivery_up_to_the_cap() -> None:
    messages = [Msg(b"1", delivered=n) for n in (1, 2, 3, 4, 10)]
    ok = await make(JetStream(), failing, healthy=None)._process(messages)  # type: ignore[arg-type]
    assert ok is False
    assert [m.delays[0] for m in messages] == [1.0, 2.0, 4.0, 8.0, 8.0]


async def test_store_down_never_dead_letters_however_often_it_failed() -> None:
    js = JetStream()
    message = Msg(b"1", delivered=50)
    await make(js, failing, healthy=False)._process([message])  # type: ignore[list-item]
    assert message.calls == ["nak"] and js.published == []


async def test_bad_message_in_a_healthy_sink_is_isolated_and_dead_lettered() -> None:
    js = JetStream()
    stored: list[int] = []

    async def rejects_seven(items: list[int]) -> None:
        if 7 in items:
            raise ValueError("Cannot parse input: 7")
        stored.extend(items)

    messages = [Msg(str(n).encode(), delivered=3) for n in (1, 7, 9)]
    consumer = make(js, rejects_seven, healthy=True)
    assert await consumer._process(messages) is True  # type: ignore[arg-type]
    assert stored == [1, 9]
    assert [m.calls for m in messages] == [["ack"], ["term"], ["ack"]]
    assert "Cannot parse input: 7" in js.published[0][2]["KubeChat-Dead-Letter-Reason"]


async def test_first_failures_are_retried_before_any_message_is_suspected() -> None:
    js = JetStream()
    messages = [Msg(b"7", delivered=1)]
    await make(js, failing, healthy=True)._process(messages)  # type: ignore[arg-type]
    assert messages[0].calls == ["nak"] and js.published == []


async def test_with_flush_acks_are_buffered_and_confirmed_once_per_batch() -> None:
    flushes: list[int] = []

    async def flush() -> None:
        flushes.append(1)

    async def store(items: list[int]) -> None:
        pass

    consumer = make(JetStream(), store, healthy=None)
    consumer.flush = flush
    messages = [Msg(b"1"), Msg(b"2"), Msg(b"3")]
    assert await consumer._process(messages) is True  # type: ignore[arg-type]
    assert [m.calls for m in messages] == [["ack-buffered"]] * 3
    assert flushes == [1]


async def test_a_failed_flush_is_not_a_failed_batch() -> None:
    async def flush() -> None:
        raise TimeoutError("no PONG")

    async def store(items: list[int]) -> None:
        pass

    consumer = make(JetStream(), store, healthy=None)
    consumer.flush = flush
    message = Msg(b"1")
    # Stored already: a lost ack means a redelivery the idempotent sink absorbs.
    assert await consumer._process([message]) is True  # type: ignore[list-item]
    assert message.calls == ["ack-buffered"]
