"""Cluster views cached per (cluster, identity), refreshed after a short TTL or sooner when
a watch saw objects come or go.

A watch per cached identity would cost one connection per user and kind, so there is one
set of watches per cluster, under a configured identity (`view_watch_user`; the executor's
own credentials may only impersonate). Those watches never supply names: an ADDED or
DELETED event only marks the cluster's cached views stale, and the next request refreshes
its view as its own user. Without a watch identity the TTL alone bounds staleness.

Identical refreshes in flight at the same moment (the same user asking twice, or two nlp
replicas) share one gathering, as reads do (`singleflight.py`). A view past its TTL (but
less than twice as old, and with no watch event since) still answers while its refresh
runs behind: on a large cluster a refresh takes longer than nlp waits for a view.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kubechat.errors import KubeChatError, PermissionDenied
from kubechat.v1 import executor_pb2
from kubechat_executor.discovery import Discovery
from kubechat_executor.kube import ClusterClient, Identity, identity_of
from kubechat_executor.registry import DEFAULT_CLUSTER
from kubechat_executor.singleflight import SingleFlight
from kubechat_executor.view import METADATA_LIST, NAMESPACE_NAME, Gathered, ViewLimits, gather

log = logging.getLogger(__name__)
METADATA = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json"
# Kinds whose arrivals and departures mark views stale: the names people ask about most.
WATCHED = (
    "/api/v1/namespaces",
    "/api/v1/pods",
    "/apis/apps/v1/deployments",
    "/apis/apps/v1/statefulsets",
    "/apis/apps/v1/daemonsets",
    "/apis/batch/v1/jobs",
    "/apis/batch/v1/cronjobs",
    "/api/v1/services",
)


@dataclass(frozen=True)
class Refreshed:
    gathered: Gathered
    duration_ms: float
    at: float  # wall clock, for the response
    monotonic: float
    generation: int
    probed: frozenset[str]


class ViewCache:
    def __init__(
        self,
        cluster_for: Callable[[str], ClusterClient],
        discovery: Discovery,
        *,
        ttl: float = 30.0,
        min_refresh: float = 2.0,
        namespaces: Iterable[str] = (),
        limits: ViewLimits | None = None,
        watch_identity: Identity | None = None,
        max_entries: int = 1000,
    ) -> None:
        self._cluster_for = cluster_for
        self._discovery = discovery
        self._ttl, self._min_refresh = ttl, min_refresh
        self._namespaces = tuple(n for n in namespaces if NAMESPACE_NAME.match(n))
        self._limits = limits or ViewLimits()
        self._watch_identity = watch_identity
        self._max_entries = max_entries
        self._lock = threading.Lock()
        self._entries: dict[tuple[str, Identity], Refreshed] = {}
        self._generations: dict[str, int] = {}
        self._watched: set[str] = set()
        self._stop = threading.Event()
        self._flight: SingleFlight[Refreshed] = SingleFlight()

    async def get(
        self, request: executor_pb2.GetClusterViewRequest
    ) -> executor_pb2.GetClusterViewResponse:
        identity = identity_of(request.principal)
        cluster_id = request.cluster_id or DEFAULT_CLUSTER
        hints = [n for n in request.namespaces if NAMESPACE_NAME.match(n)]
        refreshed, cached = await asyncio.to_thread(self.current, cluster_id, identity, hints)
        response = executor_pb2.GetClusterViewResponse(version=refreshed.gathered.version)
        response.refresh.api_calls = 0 if cached else refreshed.gathered.api_calls
        response.refresh.duration_ms = 0.0 if cached else refreshed.duration_ms
        response.refresh.cached = cached
        response.refresh.refreshed_at.FromNanoseconds(int(refreshed.at * 1e9))
        if request.known_version and request.known_version == refreshed.gathered.version:
            response.unchanged = True
        else:
            response.view.CopyFrom(refreshed.gathered.view)
        return response

    def current(
        self, cluster_id: str, identity: Identity, hints: Iterable[str] = ()
    ) -> tuple[Refreshed, bool]:
        """The view and whether it came from the cache. Blocks: run it in a thread."""
        key = (cluster_id, identity)
        cluster = self._cluster_for(cluster_id)
        self._ensure_watch(cluster_id, cluster)
        with self._lock:
            entry = self._entries.get(key)
            generation = self._generations.get(cluster_id, 0)
        wanted = frozenset([*self._namespaces, *hints])
        usable = entry is not None and wanted <= entry.probed
        if entry is not None and usable and self._fresh(entry, generation):
            return entry, True
        # Namespaces asked about before stay in the view: hints from earlier turns are not
        # forgotten at the next refresh.
        probed = wanted | (entry.probed if entry is not None else frozenset())
        flight_key = (key, probed, generation)

        def refresh() -> Refreshed:
            return self._refresh(cluster_id, cluster, identity, probed, generation)

        if entry is not None and usable and self._expired_only(entry, generation):
            # Large clusters take longer to gather than nlp waits: the expired view answers
            # (up to twice the TTL old) while its refresh runs behind.
            threading.Thread(target=self._quietly, args=(flight_key, refresh), daemon=True).start()
            return entry, True
        return self._flight.run(flight_key, refresh), False

    def _expired_only(self, entry: Refreshed, generation: int) -> bool:
        """Past the TTL, but nothing was seen to change and not much older: a watch event
        always waits for the new view (the user may have just created the object)."""
        age = time.monotonic() - entry.monotonic
        return entry.generation == generation and age < 2 * self._ttl

    def _quietly(self, flight_key: object, refresh: Callable[[], Refreshed]) -> None:
        try:
            self._flight.run(flight_key, refresh)
        except KubeChatError as exc:
            log.warning("cluster view refresh failed", extra={"error": exc.message})

    def _fresh(self, entry: Refreshed, generation: int) -> bool:
        age = time.monotonic() - entry.monotonic
        if age >= self._ttl:
            return False
        # After a watch event, a view younger than min_refresh still answers: a busy
        # cluster's pod churn must not turn every request into a refresh.
        return entry.generation == generation or age < self._min_refresh

    def _refresh(
        self,
        cluster_id: str,
        cluster: ClusterClient,
        identity: Identity,
        probed: frozenset[str],
        generation: int,
    ) -> Refreshed:
        started = time.perf_counter()
        ordered = [*self._namespaces, *sorted(probed - set(self._namespaces))]
        gathered = gather(cluster, identity, self._discovery, ordered, self._limits)
        duration_ms = (time.perf_counter() - started) * 1000
        refreshed = Refreshed(
            gathered, duration_ms, time.time(), time.monotonic(), generation, probed
        )
        log.info(
            "cluster view refreshed",
            extra={
                "cluster_id": cluster_id,
                "k8s_user": identity.user,
                "api_calls": gathered.api_calls,
                "duration_ms": round(duration_ms, 1),
                "objects": len(gathered.view.objects),
            },
        )
        with self._lock:
            if len(self._entries) >= self._max_entries:
                oldest = min(self._entries, key=lambda k: self._entries[k].monotonic)
                del self._entries[oldest]
            self._entries[(cluster_id, identity)] = refreshed
        return refreshed

    def invalidate(self, cluster_id: str) -> None:
        """Mark every cached view of the cluster stale (a watch saw something change)."""
        with self._lock:
            self._generations[cluster_id] = self._generations.get(cluster_id, 0) + 1

    def forget(self, cluster_id: str) -> None:
        """A removed cluster's views go with it."""
        with self._lock:
            for key in [k for k in self._entries if k[0] == cluster_id]:
                del self._entries[key]

    def stop(self) -> None:
        self._stop.set()

    # -- watches ----------------------------------------------------------------------

    def _ensure_watch(self, cluster_id: str, cluster: ClusterClient) -> None:
        if self._watch_identity is None:
            return
        with self._lock:
            if cluster_id in self._watched:
                return
            self._watched.add(cluster_id)
        for path in WATCHED:
            threading.Thread(
                target=self._watch,
                args=(cluster_id, cluster, path),
                name=f"view-watch {cluster_id} {path}",
                daemon=True,
            ).start()

    def _watch(self, cluster_id: str, cluster: ClusterClient, path: str) -> None:
        identity = self._watch_identity
        version = ""
        backoff = 1.0
        while not self._stop.is_set():
            try:
                if not version:
                    version = self._latest_version(cluster, path)
                version = self._follow(cluster_id, cluster, path, version)
                backoff = 1.0
            except PermissionDenied:
                log.warning(
                    "view watch not allowed; cached views of this cluster expire by TTL only",
                    extra={"cluster_id": cluster_id, "path": path, "as": identity},
                )
                return
            except KubeChatError as exc:
                log.info("view watch interrupted", extra={"path": path, "error": exc.message})
                version = ""
                self._stop.wait(backoff)
                backoff = min(backoff * 2, 30.0)

    def _latest_version(self, cluster: ClusterClient, path: str) -> str:
        body = cluster.request(
            "GET",
            path,
            query=[("limit", "1")],
            accept=METADATA_LIST,
            identity=self._watch_identity,
            explain_denial=False,
        )
        return str((body.get("metadata") or {}).get("resourceVersion") or "")

    def _follow(self, cluster_id: str, cluster: ClusterClient, path: str, version: str) -> str:
        """One watch request (the server ends it after timeoutSeconds); returns the
        version to resume from, or "" to list again (history expired)."""
        query = [
            ("watch", "1"),
            ("allowWatchBookmarks", "true"),
            ("timeoutSeconds", "60"),
            ("resourceVersion", version),
        ]
        for line in cluster.stream_lines(
            path, query=query, identity=self._watch_identity, timeout=90.0, accept=METADATA
        ):
            if self._stop.is_set():
                break
            try:
                event = json.loads(line)
            except ValueError:
                continue
            kind = event.get("type")
            if kind == "ERROR":
                # 410 Gone: the version is too old; start from a fresh list, and anything
                # could have changed meanwhile.
                self.invalidate(cluster_id)
                return ""
            if kind in ("ADDED", "DELETED"):
                self.invalidate(cluster_id)
            meta = (event.get("object") or {}).get("metadata") or {}
            version = str(meta.get("resourceVersion") or version)
        return version
