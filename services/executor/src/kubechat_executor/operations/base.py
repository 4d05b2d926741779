"""What every operation handler sees and returns.

A handler is data plus one function: a read returns an `Outcome`; a write returns the
`Mutation`s it would make, so the same code serves the dry-run preview and the real
execution. Handlers raise `KubeChatError` subclasses; the engine turns them into a
structured `ErrorDetail` for that operation instead of failing the whole call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from kubechat.errors import FailedPrecondition, InvalidArgument, KubeChatError, NotFound
from kubechat.v1 import common_pb2
from kubechat_executor.discovery import Discovery
from kubechat_executor.kube import JSON, ClusterClient, Identity, Table
from kubechat_executor.paths import resource_path


class Unsupported(KubeChatError):
    """The operation exists in the catalogue but cannot run (here, or with these
    arguments), and why."""

    status = FailedPrecondition.status
    code = "unsupported"


@dataclass
class Context:
    cluster: ClusterClient
    identity: Identity
    operation: common_pb2.Operation
    discovery: Discovery
    page_size: int = 500
    # Names of the registered clusters, for the kubeconfig-style `config.*` reads.
    clusters: Callable[[], list[dict[str, str]]] = lambda: []

    # -- typed parameters ------------------------------------------------------------

    def _param(self, name: str) -> common_pb2.ParamValue | None:
        params = self.operation.params
        return params[name] if name in params else None

    def has(self, name: str) -> bool:
        return name in self.operation.params

    def str_param(self, name: str, default: str = "") -> str:
        value = self._param(name)
        if value is None:
            return default
        kind = value.WhichOneof("value")
        if kind == "list_value":
            return ",".join(value.list_value.values)
        return str(getattr(value, kind)) if kind else default

    def int_param(self, name: str, default: int | None = None) -> int | None:
        value = self._param(name)
        if value is None:
            return default
        kind = value.WhichOneof("value")
        if kind == "int_value":
            return int(value.int_value)
        if kind == "double_value":
            return int(value.double_value)
        if kind == "string_value":
            try:
                return int(value.string_value)
            except ValueError:
                raise InvalidArgument(f"parameter '{name}' must be a number") from None
        raise InvalidArgument(f"parameter '{name}' must be a number")

    def bool_param(self, name: str) -> bool:
        value = self._param(name)
        if value is None:
            return False
        kind = value.WhichOneof("value")
        if kind == "bool_value":
            return bool(value.bool_value)
        if kind == "string_value":
            return value.string_value.lower() in {"true", "1", "yes"}
        return False

    def list_param(self, name: str) -> list[str]:
        value = self._param(name)
        if value is None:
            return []
        kind = value.WhichOneof("value")
        if kind == "list_value":
            return list(value.list_value.values)
        if kind == "string_value":
            return [v for v in value.string_value.split(",") if v]
        return [str(getattr(value, kind))] if kind else []

    # -- addressing ------------------------------------------------------------------

    @property
    def resource(self) -> common_pb2.ResourceRef:
        return self.discovery.complete(self.cluster, self.operation.resource)

    @property
    def namespace(self) -> str:
        if self.operation.all_namespaces:
            return ""
        return self.operation.namespace or "default"

    @property
    def names(self) -> list[str]:
        op = self.operation
        return ([op.name] if op.name else []) + [n for n in op.names if n != op.name]

    def one_name(self) -> str:
        names = self.names
        if len(names) != 1:
            raise InvalidArgument(
                f"'{self.operation.verb}' needs exactly one object name, got {len(names)}"
            )
        return names[0]

    def path(
        self,
        resource: common_pb2.ResourceRef | None = None,
        name: str = "",
        subresource: str = "",
        namespace: str | None = None,
    ) -> str:
        ref = resource if resource is not None else self.resource
        return resource_path(
            ref, self.namespace if namespace is None else namespace, name, subresource
        )

    # -- calls as the user -------------------------------------------------------------

    def get(self, path: str, query: list[tuple[str, str]] | None = None) -> dict[str, Any]:
        return self.cluster.request("GET", path, query=query, identity=self.identity)

    def get_or_none(self, path: str) -> dict[str, Any] | None:
        try:
            return self.get(path)
        except NotFound:
            return None

    def list_items(
        self, path: str, label_selector: str = "", field_selector: str = ""
    ) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        continue_token = ""
        while True:
            query = [("limit", str(self.page_size))]
            if label_selector:
                query.append(("labelSelector", label_selector))
            if field_selector:
                query.append(("fieldSelector", field_selector))
            if continue_token:
                query.append(("continue", continue_token))
            body = self.get(path, query)
            items += body.get("items") or []
            continue_token = (body.get("metadata") or {}).get("continue") or ""
            if not continue_token:
                return items

    def table(
        self,
        path: str,
        label_selector: str = "",
        field_selector: str = "",
        limit: int = 0,
        continue_token: str = "",
    ) -> Table:
        return self.cluster.list_table(
            path,
            label_selector=label_selector,
            field_selector=field_selector,
            limit=limit or self.page_size,
            continue_token=continue_token,
            identity=self.identity,
        )

    def stream(self, path: str, query: list[tuple[str, str]], timeout: float) -> Iterator[bytes]:
        return self.cluster.stream_lines(path, query=query, identity=self.identity, timeout=timeout)


@dataclass
class Outcome:
    """A read's answer: a table of rows and/or text."""

    table: Table | None = None
    kind: str = ""
    text: str = ""


@dataclass
class Chunk:
    """One piece of a streamed read (log lines, a watch event)."""

    text: str = ""
    event_type: str = ""
    row: dict[str, Any] | None = None
    columns: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Mutation:
    """One write request. `path` names the object (or its collection for creates)."""

    method: str
    path: str
    resource: common_pb2.ResourceRef
    namespace: str
    name: str
    change: str  # "create", "update", "delete"
    body: Any = None
    content_type: str = JSON
    query: list[tuple[str, str]] = field(default_factory=list)
    # Where to read the object before/after (differs from `path` for subresources).
    object_path: str = ""
    # Set when a selector (not the user) chose this object: the one the listing showed,
    # which the preview's grant pins and the confirm deletes with a UID precondition.
    uid: str = ""
    resource_version: str = ""

    @property
    def read_path(self) -> str:
        if self.object_path:
            return self.object_path
        if self.change == "create":
            return f"{self.path}/{self.name}" if self.name else ""
        return self.path


@dataclass
class Applied:
    """A mutation after it ran (or was dry-run): the object before and after."""

    mutation: Mutation
    before: dict[str, Any] | None
    after: dict[str, Any] | None


Read = Callable[[Context], Outcome]
Stream = Callable[[Context], Iterator[Chunk]]
Plan = Callable[[Context], list[Mutation]]
Affected = Callable[[Context, list[Mutation]], list[tuple[common_pb2.ResourceRef, str, str, str]]]


@dataclass(frozen=True)
class Handler:
    """How the executor runs one catalogue entry (`name`). What the entry is (its risk,
    parameters, verification) lives in the catalogue; a READ by `operation_risk` runs
    `read`, anything else `plan`."""

    name: str
    read: Read | None = None
    plan: Plan | None = None
    stream: Stream | None = None
    # Extra objects a write affects beyond its own mutations (pods a scale-down removes).
    affected: Affected | None = None


def ref(
    group: str, version: str, kind: str, plural: str, namespaced: bool = True
) -> common_pb2.ResourceRef:
    return common_pb2.ResourceRef(
        group=group, version=version, kind=kind, plural=plural, namespaced=namespaced
    )


PODS = ref("", "v1", "Pod", "pods")
NODES = ref("", "v1", "Node", "nodes", namespaced=False)
NAMESPACES = ref("", "v1", "Namespace", "namespaces", namespaced=False)
EVENTS = ref("", "v1", "Event", "events")
DEPLOYMENTS = ref("apps", "v1", "Deployment", "deployments")
REPLICASETS = ref("apps", "v1", "ReplicaSet", "replicasets")
STATEFULSETS = ref("apps", "v1", "StatefulSet", "statefulsets")
DAEMONSETS = ref("apps", "v1", "DaemonSet", "daemonsets")
CONTROLLER_REVISIONS = ref("apps", "v1", "ControllerRevision", "controllerrevisions")
SERVICES = ref("", "v1", "Service", "services")


def strip_object(obj: dict[str, Any] | None) -> dict[str, Any] | None:
    """The object as a human compares it: no managedFields, no bookkeeping."""
    if obj is None:
        return None
    metadata = dict(obj.get("metadata") or {})
    for key in ("managedFields", "resourceVersion", "generation", "uid", "creationTimestamp"):
        metadata.pop(key, None)
    return {**obj, "metadata": metadata}


def selector_string(match_labels: dict[str, str] | None) -> str:
    return ",".join(f"{k}={v}" for k, v in sorted((match_labels or {}).items()))
