"""Cluster health: reachability, /version and node readiness, checked on an interval.
A change of status (reachable or not, version, Ready nodes) is published on NATS and as a
`cluster_health` audit event; an unchanged status publishes nothing."""

from __future__ import annotations

import asyncio
import logging
import re
import time
from dataclasses import asdict, dataclass

from kubechat.errors import DeadlineExceeded, KubeChatError, Unauthenticated
from kubechat.events import AuditEvent, EventKind
from kubechat_executor.events import Publisher
from kubechat_executor.kube import Identity
from kubechat_executor.registry import ClusterInfo, ClusterRegistry

log = logging.getLogger(__name__)
_VERSION = re.compile(r"^v\d+\.\d+\.\d+[0-9A-Za-z.+-]{0,40}$")


def public_error(exc: KubeChatError) -> str:
    """What a health check may report: our own words and the HTTP status, never the body
    the server answered. A registered URL may point anywhere; echoing its answers would
    make registration a way to read internal services (SSRF)."""
    if isinstance(exc, DeadlineExceeded | Unauthenticated) or " is unreachable: " in exc.message:
        return exc.message[:300]
    status = re.search(r"answered (\d{3})", exc.message)
    said = f"HTTP {status.group(1)}" if status else exc.code
    return f"the API server refused the check ({said})"


@dataclass(frozen=True)
class Health:
    reachable: bool
    version: str = ""
    nodes_ready: int = -1  # -1: not visible to the health identity
    nodes_total: int = -1
    error: str = ""
    checked_at: float = 0.0

    def key(self) -> tuple[bool, str, int, int]:
        return (self.reachable, self.version, self.nodes_ready, self.nodes_total)


class HealthMonitor:
    def __init__(
        self,
        registry: ClusterRegistry,
        publisher: Publisher,
        identity: Identity | None,
        interval: float,
    ) -> None:
        self._registry = registry
        self._publisher = publisher
        self._identity = identity
        self._interval = interval
        self.last: dict[str, Health] = {}

    def _probe(self, info: ClusterInfo) -> Health:
        now = time.time()
        try:
            client = self._registry.get(info.id)
            version = str(client.request("GET", "/version").get("gitVersion", ""))
        except KubeChatError as exc:
            return Health(False, error=public_error(exc), checked_at=now)
        except AttributeError:  # /version answered something other than an object
            return Health(
                False, error="the API server's /version is not Kubernetes'", checked_at=now
            )
        # Only a Kubernetes version string is passed on, whatever the server said.
        version = version if _VERSION.match(version) else "unknown"
        ready = total = -1
        if self._identity is not None:
            try:
                nodes = client.request("GET", "/api/v1/nodes", identity=self._identity)
                items = nodes.get("items") or []
                total = len(items)
                ready = sum(
                    1
                    for n in items
                    if any(
                        c.get("type") == "Ready" and c.get("status") == "True"
                        for c in (n.get("status") or {}).get("conditions") or []
                    )
                )
            except KubeChatError as exc:
                return Health(True, version, error=f"nodes: {public_error(exc)}", checked_at=now)
        return Health(True, version, ready, total, checked_at=now)

    async def check(self, info: ClusterInfo) -> Health:
        health = await asyncio.to_thread(self._probe, info)
        previous = self.last.get(info.id)
        self.last[info.id] = health
        if previous is None or previous.key() != health.key():
            await self._publish(info, previous, health)
        return health

    async def check_all(self) -> dict[str, Health]:
        infos = self._registry.list()
        results = await asyncio.gather(*(self.check(i) for i in infos))
        for gone in set(self.last) - {i.id for i in infos}:
            self.last.pop(gone, None)
        return {i.id: h for i, h in zip(infos, results, strict=True)}

    async def run(self) -> None:
        while True:
            try:
                await self.check_all()
            except Exception:  # noqa: BLE001 - a broken registry row must not stop the loop
                log.exception("health check round failed")
            await asyncio.sleep(self._interval)

    async def _publish(self, info: ClusterInfo, previous: Health | None, health: Health) -> None:
        status = {
            "cluster_id": info.id,
            "name": info.name,
            **asdict(health),
            "previous": asdict(previous) if previous else None,
        }
        await self._publisher.health(info.id, status)
        summary = ("reachable" if health.reachable else "unreachable") + (
            f", {health.nodes_ready}/{health.nodes_total} nodes Ready"
            if health.nodes_total >= 0
            else ""
        )
        await self._publisher.audit(
            AuditEvent(
                kind=EventKind.CLUSTER_HEALTH,
                user="kubechat-executor",
                cluster_id=info.id,
                text=f"cluster {info.name}: {summary}",
                outcome="ok" if health.reachable else "unreachable",
                error=health.error,
            )
        )
