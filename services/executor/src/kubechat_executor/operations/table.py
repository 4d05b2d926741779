"""The handler table: one handler per catalogue entry, checked against the catalogue when
it is built, and the executor's door to the one risk function."""

from __future__ import annotations

from collections.abc import Iterable

from kubechat.catalogue import Catalogue, CatalogueEntry, Risk, operation_risk
from kubechat.errors import InvalidArgument
from kubechat.v1 import common_pb2
from kubechat_executor.operations.base import Handler, Unsupported


class CatalogueMismatch(RuntimeError):
    """The handlers and the catalogue disagree: a programming error, raised at import so
    the executor never starts with an operation it can neither run nor explain."""


def plain_params(operation: common_pb2.Operation) -> dict[str, object]:
    """The operation's parameters as Python values, for the catalogue's risk function."""
    params: dict[str, object] = {}
    for key, value in operation.params.items():
        kind = value.WhichOneof("value")
        if kind == "list_value":
            params[key] = list(value.list_value.values)
        elif kind is not None:
            params[key] = getattr(value, kind)
    return params


class HandlerTable:
    def __init__(self, catalogue: Catalogue, handlers: Iterable[Handler]) -> None:
        self.catalogue = catalogue
        self._handlers: dict[str, Handler] = {}
        problems: list[str] = []
        for handler in handlers:
            if handler.name in self._handlers:
                problems.append(f"'{handler.name}' has two handlers")
            self._handlers[handler.name] = handler
            if handler.name not in catalogue:
                problems.append(f"'{handler.name}' has a handler but no catalogue entry")
        for entry in catalogue:
            handled = entry.name in self._handlers
            if entry.runnable and not handled:
                problems.append(f"'{entry.name}' has neither a handler nor an unsupported_reason")
            if not entry.runnable and handled:
                problems.append(f"'{entry.name}' is declared unrunnable but has a handler")
        if problems:
            raise CatalogueMismatch("; ".join(problems))

    def __contains__(self, name: object) -> bool:
        return name in self._handlers

    def __getitem__(self, name: str) -> Handler:
        return self._handlers[name]

    def names(self) -> frozenset[str]:
        return frozenset(self._handlers)

    def entry(self, operation: common_pb2.Operation) -> CatalogueEntry:
        entry = self.catalogue.get(operation.verb)
        if entry is None:
            raise InvalidArgument(f"'{operation.verb}' is not an operation KubeChat knows")
        return entry

    def handler(self, operation: common_pb2.Operation) -> Handler:
        """The handler that runs `operation`; `Unsupported` with the catalogue's reason when
        KubeChat cannot run it at all."""
        entry = self.entry(operation)
        if not entry.runnable:
            raise Unsupported(entry.unsupported_reason)
        return self._handlers[entry.name]

    def risk(self, operation: common_pb2.Operation) -> Risk:
        """The executor's own classification; the plan's risk claim is never read."""
        entry = self.entry(operation)
        return operation_risk(
            entry.name,
            plain_params(operation),
            label_selector=operation.label_selector,
            all_namespaces=operation.all_namespaces,
            targets=[n for n in (operation.name, *operation.names) if n],
            catalogue=self.catalogue,
        )
