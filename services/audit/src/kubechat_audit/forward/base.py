"""What every forwarder is: a name, a batch sender that raises when the sink did not take
the batch, and a health answer used to tell a bad event from a sink that is down."""

from __future__ import annotations

from typing import Protocol

from kubechat.events import AuditEvent


class SinkRejected(Exception):
    """The sink answered and refused the content (not an outage): retrying will not help."""


class Forwarder(Protocol):
    name: str

    async def send(self, events: list[AuditEvent]) -> None:
        """Deliver `events`; return only once the sink has accepted every one of them."""

    async def healthy(self) -> bool:
        """True when the sink is reachable (so a failing batch means bad content)."""

    async def close(self) -> None: ...
