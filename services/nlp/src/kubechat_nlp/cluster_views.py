"""Live cluster views for parsing, from the executor (`ExecutorService.GetClusterView`).

The executor gathers each view as the asking user, so nothing here can reveal a name the
user may not list. nlp keeps the decoded view per cluster and identity and sends the
version it holds with every request: while nothing changed the executor answers
"unchanged" (a few bytes) and the view is not decoded again.

A view only helps: when the executor is unreachable, slow (`timeout`) or refuses, the turn
is parsed with the last view of that user if it is recent (`stale_seconds`), else without
one, as the offline CLI and the evaluation always do.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass

from kubechat.v1 import common_pb2, executor_pb2
from kubechat_nlp.cluster import ClusterView, InMemoryClusterView, LiveObject
from kubechat_nlp.kinds import STANDARD_KINDS, KindInfo
from kubechat_nlp.model import ResourceRef

log = logging.getLogger(__name__)
DEFAULT_CLUSTER = "default"

# Calls GetClusterView with a deadline in seconds (a gRPC stub's bound method, or a fake).
Fetch = Callable[
    [executor_pb2.GetClusterViewRequest, float], Awaitable[executor_pb2.GetClusterViewResponse]
]
Identity = tuple[str, tuple[str, ...]]


def view_identity(principal: common_pb2.Principal | None) -> Identity | None:
    """Whose view a request wants: the Kubernetes user and groups the executor impersonates.
    The one place nlp reads the principal, so verifiable tokens can replace request-body
    principals here. None: no Kubernetes identity, so no view."""
    if principal is None or not principal.k8s_user:
        return None
    return principal.k8s_user, tuple(sorted(principal.k8s_groups))


_STANDARD = {(k.ref.group, k.ref.plural): k for k in STANDARD_KINDS}


def _words(kind: str) -> str:
    return " ".join(re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+", kind)).lower()


def kind_info(kind: executor_pb2.ApiKind) -> KindInfo:
    """A discovered kind; a standard one keeps its everyday words, a custom one is known by
    its singular and its kind in words ("KafkaTopic" → "kafka topic", "kafka topics")."""
    r = kind.resource
    ref = ResourceRef(r.group, r.version, r.kind, r.plural, r.namespaced)
    standard = _STANDARD.get((r.group, r.plural))
    if standard is not None:
        return KindInfo(ref, standard.short_names, standard.synonyms)
    spaced = _words(r.kind)
    synonyms = dict.fromkeys(w for w in (kind.singular, spaced, f"{spaced}s") if w)
    return KindInfo(ref, tuple(kind.short_names), tuple(synonyms))


def view_from_proto(view: executor_pb2.ClusterView) -> InMemoryClusterView:
    objects = [
        LiveObject(
            plural=o.plural,
            namespace=o.namespace or None,
            name=o.name,
            owner=(o.owner_plural, o.owner_name) if o.owner_plural else None,
            containers=tuple(o.containers),
            labels=dict(o.labels),
        )
        for o in view.objects
    ]
    return InMemoryClusterView(
        objects, kinds=[kind_info(k) for k in view.kinds], namespaces=list(view.namespaces)
    )


@dataclass
class _Held:
    version: str
    view: InMemoryClusterView
    fetched: float  # monotonic: when the executor last confirmed it


class ClusterViews:
    def __init__(
        self,
        fetch: Fetch,
        *,
        timeout: float = 0.3,
        stale_seconds: float = 60.0,
        max_entries: int = 1000,
    ) -> None:
        self._fetch = fetch
        self._timeout = timeout
        self._stale = stale_seconds
        self._max_entries = max_entries
        self._held: dict[tuple[str, Identity], _Held] = {}
        self._warned: dict[str, float] = {}

    async def view_for(
        self,
        cluster_id: str,
        principal: common_pb2.Principal | None,
        namespaces: Iterable[str] = (),
    ) -> ClusterView | None:
        """The view of `cluster_id` for the principal, or None (parse without one).
        `namespaces`: where to look when the user may not list namespaces (hints)."""
        identity = view_identity(principal)
        if identity is None or principal is None:
            return None
        cluster_id = cluster_id or DEFAULT_CLUSTER
        key = (cluster_id, identity)
        held = self._held.get(key)
        request = executor_pb2.GetClusterViewRequest(
            cluster_id=cluster_id,
            principal=principal,
            known_version=held.version if held else "",
            namespaces=[n for n in namespaces if n],
        )
        try:
            response = await self._fetch(request, self._timeout)
            if response.unchanged:
                # Another turn may have stored a newer view meanwhile: it is as good.
                current = self._held.get(key)
                if current is not None:
                    current.fetched = time.monotonic()
                return current.view if current is not None else None
            view = view_from_proto(response.view)
        except Exception as exc:  # noqa: BLE001 - a view is optional; the turn must go on
            self._warn(cluster_id, exc)
            if held is not None and time.monotonic() - held.fetched < self._stale:
                return held.view
            return None
        if len(self._held) >= self._max_entries and key not in self._held:
            del self._held[min(self._held, key=lambda k: self._held[k].fetched)]
        self._held[key] = _Held(response.version, view, time.monotonic())
        return view

    def _warn(self, cluster_id: str, exc: BaseException) -> None:
        # Once a minute per cluster: an executor that is down would otherwise log per turn.
        now = time.monotonic()
        if now - self._warned.get(cluster_id, -3600.0) < 60.0:
            return
        self._warned[cluster_id] = now
        log.warning(
            "no cluster view; parsing without one",
            extra={"cluster_id": cluster_id, "error": f"{type(exc).__name__}: {exc}"[:300]},
        )
