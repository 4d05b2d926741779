"""What the engine may know about a live cluster: the kinds discovery reports (CRDs
included), the namespaces, and the objects the asking user may list, with pod owners,
container names and labels. The executor gathers it as that user, so a name the user may
not list never reaches the engine."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from kubechat_nlp.kinds import KindInfo


@dataclass(frozen=True, slots=True)
class LiveObject:
    """One object in the view. `owner` is the top-level workload (plural, name) a pod
    belongs to (a Deployment rather than its ReplicaSet), for pods only."""

    plural: str
    namespace: str | None
    name: str
    owner: tuple[str, str] | None = None
    containers: tuple[str, ...] = ()
    labels: Mapping[str, str] = field(default_factory=dict)


class ClusterView(Protocol):
    def kinds(self) -> Sequence[KindInfo]:
        """Every resource kind discovery reports, CRDs included."""
        ...

    def names(self, plural: str, namespace: str | None) -> Sequence[str]:
        """Names of live objects of a kind; `namespace=None` means cluster-scoped or any."""
        ...

    def namespaces(self) -> Sequence[str]:
        """Namespaces the user can see (listed, or the ones their objects live in)."""
        ...

    def named(self, name: str) -> Sequence[LiveObject]:
        """Every object called exactly `name`, of any kind, in any namespace."""
        ...

    def objects(self) -> Sequence[LiveObject]:
        """Every object in the view (for near-miss suggestions and prefix matches)."""
        ...

    def pods_of(self, plural: str, namespace: str | None, name: str) -> Sequence[LiveObject]:
        """The pods a workload owns (a pod returns itself)."""
        ...

    def of_length(self, low: int, high: int) -> Sequence[LiveObject]:
        """Objects whose name has between `low` and `high` characters (near-miss search)."""
        ...


class InMemoryClusterView:
    """A snapshot held in memory and indexed once. Built by the nlp service from what the
    executor gathered, and by the CLI and tests from a fixed list.

    `objects` may also be the legacy mapping `{(plural, namespace): [names]}`."""

    def __init__(
        self,
        objects: Mapping[tuple[str, str | None], Sequence[str]] | Iterable[LiveObject] = (),
        kinds: Sequence[KindInfo] = (),
        namespaces: Sequence[str] = (),
    ) -> None:
        if isinstance(objects, Mapping):
            live = [
                LiveObject(plural, namespace, name)
                for (plural, namespace), names in objects.items()
                for name in names
            ]
        else:
            live = list(objects)
        self._objects = tuple(live)
        self._kinds = tuple(kinds)
        self._by_kind: dict[tuple[str, str | None], list[str]] = defaultdict(list)
        self._by_plural: dict[str, list[str]] = defaultdict(list)
        self._by_name: dict[str, list[LiveObject]] = defaultdict(list)
        self._pods_by_owner: dict[tuple[str, str | None, str], list[LiveObject]] = defaultdict(list)
        seen_namespaces = dict.fromkeys(namespaces)
        for obj in live:
            self._by_kind[(obj.plural, obj.namespace)].append(obj.name)
            self._by_plural[obj.plural].append(obj.name)
            self._by_name[obj.name].append(obj)
            if obj.namespace:
                seen_namespaces.setdefault(obj.namespace)
            if obj.plural == "namespaces":
                seen_namespaces.setdefault(obj.name)
            if obj.plural == "pods" and obj.owner is not None:
                key = (obj.owner[0], obj.namespace, obj.owner[1])
                self._pods_by_owner[key].append(obj)
        self._namespaces = tuple(seen_namespaces)
        self._by_length: dict[int, list[LiveObject]] = defaultdict(list)
        for obj in live:
            self._by_length[len(obj.name)].append(obj)

    def kinds(self) -> Sequence[KindInfo]:
        return self._kinds

    def names(self, plural: str, namespace: str | None) -> Sequence[str]:
        if namespace is None:
            return self._by_plural.get(plural, ())
        return self._by_kind.get((plural, namespace), ())

    def namespaces(self) -> Sequence[str]:
        return self._namespaces

    def named(self, name: str) -> Sequence[LiveObject]:
        return self._by_name.get(name, ())

    def objects(self) -> Sequence[LiveObject]:
        return self._objects

    def of_length(self, low: int, high: int) -> Sequence[LiveObject]:
        return [o for n in range(low, high + 1) for o in self._by_length.get(n, ())]

    def pods_of(self, plural: str, namespace: str | None, name: str) -> Sequence[LiveObject]:
        if plural == "pods":
            return [o for o in self._by_name.get(name, ()) if o.plural == "pods"]
        return self._pods_by_owner.get((plural, namespace, name), ())
