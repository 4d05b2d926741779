"""NATS JetStream helpers: connect with retry, streams, deduplicated publish, and a
durable pull-consumer loop that acks only after the handler succeeded.

Delivery contract: a publisher sets `Nats-Msg-Id` (the event id) so a retried publish is
dropped by the server inside the duplicate window; a consumer acks after its write, naks
with a delay on transient faults, and terminates poison messages after copying them to a
dead-letter subject with the reason. Sinks key on the event id, so redeliveries collapse.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import ssl
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar
from urllib.parse import urlparse

import nats
from nats.aio.client import Client
from nats.aio.msg import Msg
from nats.errors import AuthorizationError, NoServersError
from nats.errors import Error as NatsError
from nats.errors import TimeoutError as NatsTimeoutError
from nats.js import JetStreamContext
from nats.js.api import AckPolicy, ConsumerConfig, StorageType, StreamConfig
from nats.js.errors import NotFoundError

from kubechat import telemetry
from kubechat.errors import Unavailable

log = logging.getLogger(__name__)

_ACK_WINDOW = 256

T = TypeVar("T")


class TransientError(Exception):
    """The handler may succeed later (a store is down): nak and retry with a delay."""


class PoisonMessage(Exception):
    """The message can never be handled: dead-letter it with this reason."""


def inbox_prefix(user: str) -> str:
    """Replies to `user` (request replies, JetStream pulls) come to inboxes under this
    prefix, and the server lets only `user` subscribe there."""
    return f"_INBOX.{user}" if user else "_INBOX"


async def connect(
    url: str,
    *,
    name: str,
    timeout: float = 30.0,
    user: str = "",
    password: str = "",
    tls: ssl.SSLContext | None = None,
) -> Client:
    """Connect, retrying with backoff until `timeout`; then raise Unavailable naming NATS.

    Refused credentials are retried too (a rotated password may reach the server and the
    service in either order), and the error then says so."""
    deadline = asyncio.get_running_loop().time() + timeout
    delay = 0.1
    last_error: Exception | None = None
    while asyncio.get_running_loop().time() < deadline:
        try:
            return await nats.connect(
                url,
                name=name,
                connect_timeout=2,
                allow_reconnect=True,
                max_reconnect_attempts=-1,
                reconnect_time_wait=0.5,
                error_cb=_log_connection_error,
                user=user or None,
                password=password or None,
                # A context makes the client speak TLS whatever the URL's scheme (and
                # refuse a server that cannot); None leaves it to tls:// in the URL.
                tls=tls,
                # A URL may carry the user instead (tests); its inboxes follow it.
                inbox_prefix=inbox_prefix(user or urlparse(url).username or ""),
            )
        except (AuthorizationError, NatsError) as exc:
            # nats-py reports a refused CONNECT as a plain Error naming the violation.
            if not isinstance(exc, AuthorizationError) and "authorization" not in str(exc).lower():
                raise
            last_error = PermissionError(
                f"refused the credentials of user '{user or '(anonymous)'}'; check "
                "KUBECHAT_NATS_USER and KUBECHAT_NATS_PASSWORD"
            )
            await asyncio.sleep(delay)
            delay = min(delay * 2, 2.0)
        except (TimeoutError, OSError, NoServersError) as exc:
            last_error = exc
            await asyncio.sleep(delay)
            delay = min(delay * 2, 2.0)
    raise Unavailable(f"NATS at {url} is unreachable: {last_error}")


async def _log_connection_error(exc: Exception) -> None:
    # nats-py's default logs a full traceback on every reconnect attempt; one line will do.
    log.warning("NATS connection problem: %s", exc)


async def ensure_stream(
    js: JetStreamContext,
    name: str,
    subjects: Sequence[str],
    *,
    duplicate_window: float = 120.0,
    max_age: float | None = None,
) -> None:
    """Create the stream if it is missing (file storage, so events survive restarts)."""
    config = StreamConfig(
        name=name,
        subjects=list(subjects),
        storage=StorageType.FILE,
        duplicate_window=duplicate_window,
        max_age=max_age,
    )
    try:
        await js.stream_info(name)
    except NotFoundError:
        await js.add_stream(config)
        log.info("created stream", extra={"stream": name})


async def publish(
    js: JetStreamContext, subject: str, payload: bytes, *, msg_id: str, timeout: float = 5.0
) -> bool:
    """Publish once per `msg_id`; return False when the server saw it as a duplicate."""
    headers = telemetry.inject({"Nats-Msg-Id": msg_id})
    ack = await js.publish(subject, payload, headers=dict(headers), timeout=timeout)
    return not ack.duplicate


@dataclass
class Consumer(Generic[T]):
    """A durable pull consumer shared by every replica of a service.

    `decode` turns bytes into an item or raises (the message is then dead-lettered);
    `handle` processes a batch of items and must be idempotent on redelivery.

    A failed batch is naked with exponential backoff, and redelivered without limit
    (`max_deliver=-1`): an outage of the sink delays messages, it never drops them. When a
    batch keeps failing while `healthy()` says the sink is fine, one message in it is bad:
    the batch is split and only the items that fail on their own are dead-lettered.
    """

    js: JetStreamContext
    stream: str
    subject: str
    durable: str
    decode: Callable[[bytes], T]
    handle: Callable[[list[T]], Awaitable[None]]
    dead_letter_subject: str
    batch: int = 256
    fetch_timeout: float = 1.0
    ack_wait: float = 30.0
    max_deliver: int = -1
    nak_delay: float = 1.0
    max_nak_delay: float = 30.0
    healthy: Callable[[], Awaitable[bool]] | None = None
    isolate_after: int = 3  # deliveries of a failing batch before suspecting its content
    workers: int = 1
    ack_timeout: float = 10.0
    flush: Callable[[], Awaitable[None]] | None = None

    async def run(self, stop: asyncio.Event) -> None:
        # Each worker is its own subscriber to the durable consumer, like another replica:
        # while one waits for its insert, another fetches and decodes the next batch.
        subscriptions = [await self._subscribe() for _ in range(max(self.workers, 1))]
        try:
            await asyncio.gather(*(self._loop(sub, stop) for sub in subscriptions))
        finally:
            # Leave before the connection drains: nats-py never marks what a pull
            # subscription fetched (the server's 408s at every idle fetch timeout included)
            # as done, so `drain()` would wait on it for its whole drain_timeout (30 s)
            # and every shutdown would take that long (or end in SIGKILL). Unsubscribing
            # drops only this client's interest; the durable consumer keeps its place.
            for subscription in subscriptions:
                with contextlib.suppress(Exception):
                    await subscription.unsubscribe()

    async def _subscribe(self) -> JetStreamContext.PullSubscription:
        return await self.js.pull_subscribe(
            self.subject,
            durable=self.durable,
            stream=self.stream,
            config=ConsumerConfig(
                ack_policy=AckPolicy.EXPLICIT,
                ack_wait=self.ack_wait,
                max_deliver=self.max_deliver,
                max_ack_pending=max(self.batch * 8, 1024),
            ),
        )

    async def _loop(
        self, subscription: JetStreamContext.PullSubscription, stop: asyncio.Event
    ) -> None:
        pause = 0.0
        while not stop.is_set():
            try:
                messages = await subscription.fetch(self.batch, timeout=self.fetch_timeout)
            except NatsTimeoutError:
                continue
            except Exception:  # noqa: BLE001 - connection blips: log, back off, go on
                log.warning("fetch failed; retrying", exc_info=True)
                await asyncio.sleep(self.nak_delay)
                continue
            try:
                handled = await self._process(messages)
            except Exception:  # noqa: BLE001 - never let one batch stop the consumer
                log.exception("processing a batch failed; its messages will be redelivered")
                handled = False
            if handled:
                pause = 0.0
                continue
            # The sink is failing: wait before the next fetch instead of pulling (and
            # naking) every pending message against a sink that is down.
            pause = min(max(pause * 2, self.nak_delay), self.max_nak_delay)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), pause)

    async def _process(self, messages: list[Msg]) -> bool:
        """Handle one fetched batch; False when the handler failed and it was naked."""
        items: list[T] = []
        good: list[Msg] = []
        for message in messages:
            try:
                items.append(self.decode(message.data))
                good.append(message)
            except Exception as exc:  # noqa: BLE001 - any decode failure is poison
                await self._dead_letter(message, f"undecodable: {exc}")
        if not items:
            return True
        try:
            await self.handle(items)
        except PoisonMessage as exc:
            for message in good:
                await self._dead_letter(message, str(exc))
            return True
        except Exception as exc:  # noqa: BLE001 - transient unless proven otherwise
            if await self._content_is_suspect(good):
                await self._isolate(items, good)
                return True
            log.warning("handler failed; will redeliver: %s", exc)
            await self._nak(good)
            return False
        await self._ack(good)
        return True

    async def _content_is_suspect(self, messages: list[Msg]) -> bool:
        if self.healthy is None:
            return False
        if max(_deliveries(m) for m in messages) < self.isolate_after:
            return False
        try:
            return await self.healthy()
        except Exception:  # noqa: BLE001 - a failing probe means the sink is the problem
            return False

    async def _isolate(self, items: list[T], messages: list[Msg]) -> None:
        """Handle the batch one item at a time; dead-letter the items that fail alone."""
        for item, message in zip(items, messages, strict=True):
            try:
                await self.handle([item])
            except Exception as exc:  # noqa: BLE001 - the sink is healthy: this item is bad
                await self._dead_letter(message, f"rejected by the sink: {exc}")
            else:
                await message.ack_sync()

    async def _ack(self, messages: list[Msg]) -> None:
        # An ack that is lost is not an error: the message comes back after ack_wait and
        # the idempotent sink absorbs the redelivery. So with `flush` (the connection's
        # flush), acks go out as one buffered burst and a single PING/PONG confirms the
        # server has them all: one round trip per batch instead of one per message.
        if self.flush is not None:
            for message in messages:
                await message.ack()
            try:
                await self.flush()
            except Exception as exc:  # noqa: BLE001 - see above: redelivery, not loss
                log.warning("acks not confirmed (%s); the batch may be redelivered", exc)
            return
        # Without it, double acks a window at a time, each waiting for the server.
        for start in range(0, len(messages), _ACK_WINDOW):
            window = messages[start : start + _ACK_WINDOW]
            results = await asyncio.gather(
                *(m.ack_sync(timeout=self.ack_timeout) for m in window), return_exceptions=True
            )
            failed = sum(isinstance(r, BaseException) for r in results)
            if failed:
                log.warning("%d acks not confirmed; those messages may be redelivered", failed)

    async def _nak(self, messages: list[Msg]) -> None:
        for message in messages:
            attempt = _deliveries(message)
            delay = min(self.nak_delay * 2 ** max(attempt - 1, 0), self.max_nak_delay)
            await message.nak(delay=delay)

    async def _dead_letter(self, message: Msg, reason: str) -> None:
        headers = {
            "KubeChat-Dead-Letter-Reason": reason[:1000],
            "KubeChat-Subject": message.subject,
        }
        original_id = (message.headers or {}).get("Nats-Msg-Id")
        if original_id:
            headers["Nats-Msg-Id"] = f"dlq-{original_id}"
        await self.js.publish(self.dead_letter_subject, message.data, headers=headers)
        await message.term()
        log.warning("dead-lettered message", extra={"reason": reason[:200]})


def _deliveries(message: Msg) -> int:
    """How many times the server has delivered `message` (1 on the first delivery)."""
    try:
        return int(message.metadata.num_delivered or 1)
    except Exception:  # noqa: BLE001 - not a JetStream message (tests, core NATS)
        return 1
