"""ExecutorService: the gRPC face of the engine, the registry and the health monitor."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

from grpc import aio

from kubechat.v1 import executor_pb2, executor_pb2_grpc
from kubechat_executor.engine import Engine
from kubechat_executor.health import Health, HealthMonitor
from kubechat_executor.registry import ClusterInfo, ClusterRegistry
from kubechat_executor.tenancy import acting_principal, registration_tenants
from kubechat_executor.view_cache import ViewCache

Context = aio.ServicerContext[Any, Any]


def cluster_proto(info: ClusterInfo, health: Health | None) -> executor_pb2.Cluster:
    cluster = executor_pb2.Cluster(
        id=info.id, name=info.name, server=info.server, labels=info.labels, tenants=info.tenants
    )
    if health is not None:
        cluster.health.reachable = health.reachable
        cluster.health.version = health.version
        cluster.health.nodes_ready = health.nodes_ready
        cluster.health.nodes_total = health.nodes_total
        cluster.health.error = health.error
        cluster.health.checked_at.FromNanoseconds(int(health.checked_at * 1e9))
    return cluster


class ExecutorServicer(executor_pb2_grpc.ExecutorServiceServicer):
    def __init__(
        self,
        engine: Engine,
        registry: ClusterRegistry,
        health: HealthMonitor,
        views: ViewCache,
    ) -> None:
        self._engine = engine
        self._registry = registry
        self._health = health
        self._views = views

    async def Execute(  # noqa: N802 - gRPC method name
        self, request: executor_pb2.ExecuteRequest, context: Context
    ) -> executor_pb2.ExecuteResponse:
        return await self._engine.execute(request)

    async def ExecuteStream(  # noqa: N802
        self, request: executor_pb2.ExecuteRequest, context: Context
    ) -> AsyncIterator[executor_pb2.ExecutionEvent]:
        queue: asyncio.Queue[executor_pb2.ExecutionEvent | None] = asyncio.Queue()

        async def emit(event: executor_pb2.ExecutionEvent) -> None:
            await queue.put(event)

        async def run() -> None:
            try:
                await self._engine.execute(request, emit, streaming=True)
            finally:
                await queue.put(None)

        task = asyncio.create_task(run())
        try:
            while (event := await queue.get()) is not None:
                yield event
            await task  # re-raises a refusal (no token...) as the stream's status
        finally:
            if not task.done():
                task.cancel()

    async def Preview(  # noqa: N802
        self, request: executor_pb2.PreviewRequest, context: Context
    ) -> executor_pb2.PreviewResponse:
        return await self._engine.preview(request)

    async def Approve(  # noqa: N802
        self, request: executor_pb2.ApproveRequest, context: Context
    ) -> executor_pb2.ApproveResponse:
        return await self._engine.approve(request)

    async def ListClusters(  # noqa: N802
        self, request: executor_pb2.ListClustersRequest, context: Context
    ) -> executor_pb2.ListClustersResponse:
        infos = await asyncio.to_thread(self._registry.list_for, acting_principal())
        return executor_pb2.ListClustersResponse(
            clusters=[cluster_proto(i, self._health.last.get(i.id)) for i in infos]
        )

    async def CheckClusters(  # noqa: N802
        self, request: executor_pb2.ListClustersRequest, context: Context
    ) -> executor_pb2.ListClustersResponse:
        results = await self._health.check_all()
        infos = await asyncio.to_thread(self._registry.list_for, acting_principal())
        return executor_pb2.ListClustersResponse(
            clusters=[cluster_proto(i, results.get(i.id)) for i in infos]
        )

    async def RegisterCluster(  # noqa: N802
        self, request: executor_pb2.RegisterClusterRequest, context: Context
    ) -> executor_pb2.Cluster:
        source = request.WhichOneof("source")
        tenants = registration_tenants(acting_principal(), request.tenants)
        info = await asyncio.to_thread(
            self._registry.register,
            request.name,
            dict(request.labels),
            tenants=tenants,
            kubeconfig=request.kubeconfig if source == "kubeconfig" else "",
            context=request.context,
            server=request.server.server if source == "server" else "",
            ca_pem=request.server.ca_pem if source == "server" else "",
            token=request.server.token if source == "server" else "",
        )
        health = await self._health.check(info)
        return cluster_proto(info, health)

    async def RenameCluster(  # noqa: N802
        self, request: executor_pb2.RenameClusterRequest, context: Context
    ) -> executor_pb2.Cluster:
        info = await asyncio.to_thread(
            self._registry.rename, request.id, request.name, acting_principal()
        )
        return cluster_proto(info, self._health.last.get(info.id))

    async def RemoveCluster(  # noqa: N802
        self, request: executor_pb2.RemoveClusterRequest, context: Context
    ) -> executor_pb2.RemoveClusterResponse:
        await asyncio.to_thread(self._registry.remove, request.id, acting_principal())
        self._health.last.pop(request.id, None)
        self._views.forget(request.id)
        return executor_pb2.RemoveClusterResponse()

    async def GetClusterView(  # noqa: N802
        self, request: executor_pb2.GetClusterViewRequest, context: Context
    ) -> executor_pb2.GetClusterViewResponse:
        principal = acting_principal(request.principal)
        # Another tenant's cluster has no view to give, however its id was learnt.
        await asyncio.to_thread(self._registry.info_for, principal, request.cluster_id)
        return await self._views.get(request)
