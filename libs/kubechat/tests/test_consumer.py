"""The consumer's ack/nak/dead-letter decisions, with fake messages at the NATS boundary
(the real round trip is covered by the e2e tests against nats-server)."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass, field
from typing import Any

from nats.errors import TimeoutError as NatsTimeoutError

from kubechat.nats import Consumer, PoisonMessage


@dataclass
class FakeMsg:
    data: bytes
    subject: str = "kubechat.audit.v1.t.ask"
    headers: dict[str, str] | None = None
    calls: list[str] = field(default_factory=list)

    async def ack_sync(self, timeout: float = 1.0) -> None:
        self.calls.append("ack")

    async def nak(self, delay: float | None = None) -> None:
        self.calls.append("nak")

    async def term(self) -> None:
        self.calls.append("term")


@dataclass
class FakeJetStream:
    published: list[tuple[str, bytes, dict[str, str]]] = field(default_factory=list)

    async def publish(self, subject: str, data: bytes, headers: dict[str, str]) -> None:
        self.published.append((subject, data, headers))


def consumer(js: FakeJetStream, handle: Any) -> Consumer[int]:
    return Consumer(
        js=js,  # type: ignore[arg-type]
        stream="S",
        subject="s.>",
        durable="d",
        decode=lambda data: int(data),
        handle=handle,
        dead_letter_subject="dlq.s",
    )


async def test_acks_only_after_the_handler_succeeded() -> None:
    seen: list[int] = []

    async def handle(items: list[int]) -> None:
        seen.extend(items)

    messages = [FakeMsg(b"1"), FakeMsg(b"2")]
    await consumer(FakeJetStream(), handle)._process(messages)  # type: ignore[arg-type]
    assert seen == [1, 2]
    assert [m.calls for m in messages] == [["ack"], ["ack"]]


async def test_undecodable_message_is_dead_lettered_and_the_rest_go_on() -> None:
    js = FakeJetStream()
    seen: list[int] = []

    async def handle(items: list[int]) -> None:
        seen.extend(items)

    bad = FakeMsg(b"not a number", headers={"Nats-Msg-Id": "e1"})
    good = FakeMsg(b"7")
    await consumer(js, handle)._process([bad, good])  # type: ignore[list-item]
    assert seen == [7]
    assert bad.calls == ["term"] and good.calls == ["ack"]
    subject, data, headers = js.published[0]
    assert subject == "dlq.s" and data == b"not a number"
    assert "undecodable" in headers["KubeChat-Dead-Letter-Reason"]
    assert headers["Nats-Msg-Id"] == "dlq-e1"


async def test_transient_failure_naks_for_redelivery() -> None:
    async def handle(items: list[int]) -> None:
        raise ConnectionError("store down")

    message = FakeMsg(b"1")
    await consumer(FakeJetStream(), handle)._process([message])  # type: ignore[list-item]
    assert message.calls == ["nak"]


async def test_poison_batch_is_dead_lettered_with_its_reason() -> None:
    js = FakeJetStream()

    async def handle(items: list[int]) -> None:
        raise PoisonMessage("violates schema")

    message = FakeMsg(b"1")
    await consumer(js, handle)._process([message])  # type: ignore[list-item]
    assert message.calls == ["term"]
    assert js.published[0][2]["KubeChat-Dead-Letter-Reason"] == "violates schema"


@dataclass
class FakeSubscription:
    unsubscribed: bool = False

    async def fetch(self, batch: int, timeout: float) -> list[FakeMsg]:
        await asyncio.sleep(timeout)
        raise NatsTimeoutError

    async def unsubscribe(self) -> None:
        self.unsubscribed = True


@dataclass
class SubscribingJetStream(FakeJetStream):
    subscriptions: list[FakeSubscription] = field(default_factory=list)

    async def pull_subscribe(self, *args: Any, **kwargs: Any) -> FakeSubscription:
        self.subscriptions.append(FakeSubscription())
        return self.subscriptions[-1]


async def test_a_stopped_or_cancelled_consumer_leaves_its_subscriptions() -> None:
    # What is left subscribed holds the connection's drain() for its whole timeout.
    async def handle(items: list[int]) -> None:
        raise AssertionError("nothing to handle")

    for ending in ("stop", "cancel"):
        js = SubscribingJetStream()
        running = consumer(js, handle)
        running.workers, running.fetch_timeout = 2, 0.01
        stop = asyncio.Event()
        task = asyncio.create_task(running.run(stop))
        await asyncio.sleep(0.05)
        if ending == "stop":
            stop.set()
        else:
            task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        assert len(js.subscriptions) == 2
        assert all(s.unsubscribed for s in js.subscriptions), ending
