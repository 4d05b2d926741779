"""ExecutorService: runs typed plans on clusters. Reads run at once; writes need a
preview and confirmation (executor v1)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

from grpc import aio

from kubechat.errors import (
    FailedPrecondition,
    InvalidArgument,
    NotFound,
    Unavailable,
    Unimplemented,
)
from kubechat.v1 import common_pb2, executor_pb2, executor_pb2_grpc
from kubechat_executor.config import ExecutorSettings
from kubechat_executor.kube import ClusterClient, Identity, Table, default_kubeconfig, load_cluster
from kubechat_executor.paths import resource_path

DEFAULT_CLUSTER = "default"
READ_VERBS = frozenset({"get", "list"})


class ClusterRegistry:
    """The clusters this executor can reach. v0: the default kubeconfig's cluster."""

    def __init__(self, settings: ExecutorSettings) -> None:
        self._settings = settings
        self._clients: dict[str, ClusterClient] = {}

    def get(self, cluster_id: str) -> ClusterClient:
        cluster_id = cluster_id or DEFAULT_CLUSTER
        if cluster_id != DEFAULT_CLUSTER:
            raise NotFound(f"cluster '{cluster_id}' is not registered; known: {DEFAULT_CLUSTER}")
        if cluster_id not in self._clients:
            kubeconfig = default_kubeconfig(self._settings.kubeconfig)
            if kubeconfig is None:
                raise Unavailable(
                    f"no cluster '{cluster_id}': KUBECONFIG is not set and ~/.kube/config does "
                    "not exist; point KUBECONFIG at a cluster or run `make cluster-up`"
                )
            self._clients[cluster_id] = load_cluster(
                cluster_id,
                kubeconfig,
                self._settings.kube_context,
                self._settings.request_timeout,
            )
        return self._clients[cluster_id]


def table_to_proto(
    table: Table, kind: str, *, with_namespace: bool = False
) -> common_pb2.ResultTable:
    """The server's Table as a ResultTable. Across namespaces the server leaves the
    namespace out (kubectl adds it client-side), so `with_namespace` adds it first."""
    result = common_pb2.ResultTable(
        kind=kind, continue_token=table.continue_token, remaining=table.remaining
    )
    if with_namespace:
        result.columns.add(name="Namespace", type="string", description="The object's namespace")
    for column in table.columns:
        result.columns.add(
            name=str(column.get("name", "")),
            type=str(column.get("format") or column.get("type") or "string"),
            description=str(column.get("description", ""))[:200],
        )
    for row in table.rows:
        obj = row.get("object")
        cells = [_cell(c) for c in row.get("cells", [])]
        if with_namespace:
            metadata = obj.get("metadata", {}) if isinstance(obj, dict) else {}
            cells.insert(0, str(metadata.get("namespace", "")))
        proto_row = result.rows.add(cells=cells)
        if isinstance(obj, dict):
            proto_row.object.update(_json_safe(obj))
    return result


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ",".join(_cell(v) for v in value)
    return str(value)


def _json_safe(obj: dict[str, Any]) -> dict[str, Any]:
    # Struct holds JSON; managedFields is noise for humans and doubles the payload.
    metadata = obj.get("metadata")
    if isinstance(metadata, dict) and "managedFields" in metadata:
        obj = {**obj, "metadata": {k: v for k, v in metadata.items() if k != "managedFields"}}
    return obj


class ExecutorServicer(executor_pb2_grpc.ExecutorServiceServicer):
    def __init__(self, registry: ClusterRegistry, page_size: int) -> None:
        self._registry = registry
        self._page_size = page_size

    async def Execute(  # noqa: N802 - gRPC method name
        self, request: executor_pb2.ExecuteRequest, context: aio.ServicerContext[Any, Any]
    ) -> executor_pb2.ExecuteResponse:
        started = time.perf_counter()
        plan = request.plan
        if not plan.operations:
            raise InvalidArgument("the plan has no operations to execute")
        if plan.risk != common_pb2.RISK_READ or any(
            op.verb not in READ_VERBS for op in plan.operations
        ):
            raise FailedPrecondition(
                "this plan changes the cluster; it needs a preview and a confirmation token"
            )
        cluster = self._registry.get(request.cluster_id or plan.cluster_id)
        identity = Identity(request.principal.k8s_user, tuple(request.principal.k8s_groups))
        response = executor_pb2.ExecuteResponse(cluster_id=cluster.name)
        for index, operation in enumerate(plan.operations):
            rendering = plan.kubectl[index] if index < len(plan.kubectl) else ""
            table = await asyncio.to_thread(self._read, cluster, operation, identity)
            response.results.add(
                index=index,
                kubectl=rendering,
                ok=True,
                table=table_to_proto(
                    table,
                    operation.resource.kind,
                    with_namespace=operation.all_namespaces and operation.resource.namespaced,
                ),
                verification=executor_pb2.Verification(
                    outcome=executor_pb2.VERIFICATION_OUTCOME_NOT_NEEDED
                ),
            )
        response.duration_ms = (time.perf_counter() - started) * 1000
        return response

    def _read(
        self, cluster: ClusterClient, operation: common_pb2.Operation, identity: Identity
    ) -> Table:
        namespace = "" if operation.all_namespaces else (operation.namespace or "default")
        path = resource_path(operation.resource, namespace, operation.name)
        return cluster.list_table(
            path,
            label_selector=operation.label_selector,
            field_selector=operation.field_selector,
            limit=self._page_size,
            identity=identity,
        )

    async def ExecuteStream(  # noqa: N802
        self, request: executor_pb2.ExecuteRequest, context: aio.ServicerContext[Any, Any]
    ) -> AsyncIterator[executor_pb2.ExecutionEvent]:
        response = await self.Execute(request, context)
        for result in response.results:
            yield executor_pb2.ExecutionEvent(result=result)

    async def ListClusters(  # noqa: N802
        self, request: executor_pb2.ListClustersRequest, context: aio.ServicerContext[Any, Any]
    ) -> executor_pb2.ListClustersResponse:
        response = executor_pb2.ListClustersResponse()
        try:
            cluster = self._registry.get(DEFAULT_CLUSTER)
        except Unavailable:
            return response
        response.clusters.add(id=DEFAULT_CLUSTER, name=DEFAULT_CLUSTER, server=cluster.server)
        return response

    async def Preview(  # noqa: N802
        self, request: executor_pb2.PreviewRequest, context: aio.ServicerContext[Any, Any]
    ) -> executor_pb2.PreviewResponse:
        raise Unimplemented("previews of writes are not served by this executor release")

    async def RegisterCluster(  # noqa: N802
        self, request: executor_pb2.RegisterClusterRequest, context: aio.ServicerContext[Any, Any]
    ) -> executor_pb2.Cluster:
        raise Unimplemented("cluster registration is not served by this executor release")

    async def RemoveCluster(  # noqa: N802
        self, request: executor_pb2.RemoveClusterRequest, context: aio.ServicerContext[Any, Any]
    ) -> executor_pb2.RemoveClusterResponse:
        raise Unimplemented("cluster registration is not served by this executor release")
