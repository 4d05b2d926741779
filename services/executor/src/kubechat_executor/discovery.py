"""What resource types a cluster serves, from aggregated discovery (two requests), cached
per cluster. Discovery documents are public to every authenticated identity, so one cache
serves every user of a cluster."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from kubechat.errors import InvalidArgument
from kubechat.v1 import common_pb2
from kubechat_executor.kube import ClusterClient

AGGREGATED = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json"


@dataclass(frozen=True)
class ApiResource:
    group: str
    version: str
    kind: str
    plural: str
    namespaced: bool
    verbs: tuple[str, ...]
    short_names: tuple[str, ...]
    preferred: bool
    singular: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.group, self.plural)

    def ref(self) -> common_pb2.ResourceRef:
        return common_pb2.ResourceRef(
            group=self.group,
            version=self.version,
            kind=self.kind,
            plural=self.plural,
            namespaced=self.namespaced,
        )


class Discovery:
    def __init__(self, ttl: float = 300.0) -> None:
        self._ttl = ttl
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[float, list[ApiResource]]] = {}

    def resources(self, cluster: ClusterClient) -> list[ApiResource]:
        with self._lock:
            cached = self._cache.get(cluster.server)
        if cached and time.monotonic() - cached[0] < self._ttl:
            return cached[1]
        found: list[ApiResource] = []
        for path in ("/api", "/apis"):
            body = cluster.request("GET", path, accept=AGGREGATED)
            for group in body.get("items") or []:
                name = (group.get("metadata") or {}).get("name", "")
                for index, version in enumerate(group.get("versions") or []):
                    for res in version.get("resources") or []:
                        found.append(
                            ApiResource(
                                group=name,
                                version=str(version.get("version")),
                                kind=str((res.get("responseKind") or {}).get("kind", "")),
                                plural=str(res.get("resource")),
                                namespaced=res.get("scope") == "Namespaced",
                                verbs=tuple(res.get("verbs") or ()),
                                short_names=tuple(res.get("shortNames") or ()),
                                # Versions are listed in preference order.
                                preferred=index == 0,
                                singular=str(res.get("singularResource") or ""),
                            )
                        )
        with self._lock:
            self._cache[cluster.server] = (time.monotonic(), found)
        return found

    def is_fresh(self, cluster: ClusterClient) -> bool:
        """Whether `resources` would answer from the cache (no API call)."""
        with self._lock:
            cached = self._cache.get(cluster.server)
        return cached is not None and time.monotonic() - cached[0] < self._ttl

    def invalidate(self, cluster: ClusterClient) -> None:
        with self._lock:
            self._cache.pop(cluster.server, None)

    def groups(self, cluster: ClusterClient) -> set[str]:
        return {r.group for r in self.resources(cluster)}

    def complete(
        self, cluster: ClusterClient, resource: common_pb2.ResourceRef
    ) -> common_pb2.ResourceRef:
        """The reference with version, plural and scope filled in from discovery, so a
        plan that names only a kind (a CRD the catalogue never heard of) still resolves."""
        if resource.plural and resource.version:
            return resource
        wanted = (resource.plural or resource.kind).lower()
        if not wanted:
            raise InvalidArgument("the operation names no resource type")
        matches = [
            r
            for r in self.resources(cluster)
            if (not resource.group or r.group == resource.group)
            and (not resource.version or r.version == resource.version)
            and "/" not in r.plural
            and wanted in {r.plural, r.kind.lower(), *r.short_names}
        ]
        if not matches:
            raise InvalidArgument(
                f"the cluster '{cluster.name}' serves no resource type '{wanted}'",
                hint="kubectl api-resources",
            )
        best = sorted(matches, key=lambda r: (not r.preferred, r.group != ""))[0]
        return best.ref()
