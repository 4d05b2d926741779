"""What the engine may know about a live cluster: kinds from discovery and object names."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from kubechat_nlp.kinds import KindInfo


class ClusterView(Protocol):
    def kinds(self) -> Sequence[KindInfo]:
        """Every resource kind discovery reports, CRDs included."""
        ...

    def names(self, plural: str, namespace: str | None) -> Sequence[str]:
        """Names of live objects of a kind; `namespace=None` means cluster-scoped or any."""
        ...


class InMemoryClusterView:
    """A fixed snapshot: `objects[(plural, namespace)] = [names]`. For the CLI and tests."""

    def __init__(
        self,
        objects: Mapping[tuple[str, str | None], Sequence[str]],
        kinds: Sequence[KindInfo] = (),
    ) -> None:
        self._objects = {k: tuple(v) for k, v in objects.items()}
        self._kinds = tuple(kinds)

    def kinds(self) -> Sequence[KindInfo]:
        return self._kinds

    def names(self, plural: str, namespace: str | None) -> Sequence[str]:
        if namespace is None:
            return tuple(n for (p, _), ns in self._objects.items() if p == plural for n in ns)
        return self._objects.get((plural, namespace), ())
