"""GET /api/v1/clusters: the executor's registry, with the environment that colours the UI."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from kubechat.v1 import executor_pb2
from kubechat_gateway.auth import READ_ROLES, require_role
from kubechat_gateway.calls import call
from kubechat_gateway.deps import MeshDep, PrincipalDep, SettingsDep
from kubechat_gateway.schemas import ErrorResponse
from kubechat_gateway.schemas_chat import ClusterList, ClusterPublic

router = APIRouter(prefix="/api/v1", tags=["clusters"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorResponse} for code in (401, 403, 503)
}


def environment_of(labels: dict[str, str]) -> str:
    """The environment label, normalised: production/prod → production, and so on."""
    raw = (labels.get("environment") or labels.get("env") or "").strip().lower()
    aliases = {"prod": "production", "stage": "staging", "development": "dev", "test": "dev"}
    return aliases.get(raw, raw) or "unknown"


def cluster_public(cluster: executor_pb2.Cluster) -> ClusterPublic:
    labels = dict(cluster.labels)
    health = cluster.health
    return ClusterPublic(
        id=cluster.id,
        name=cluster.name,
        environment=environment_of(labels),
        labels=labels,
        server=cluster.server,
        reachable=health.reachable,
        version=health.version,
        nodes_ready=health.nodes_ready,
        nodes_total=health.nodes_total,
        error=health.error,
    )


async def list_clusters_for(mesh: MeshDep, settings: SettingsDep) -> list[ClusterPublic]:
    reply = await call(
        "executor",
        settings.executor_address,
        mesh.executor().ListClusters(
            executor_pb2.ListClustersRequest(), timeout=settings.call_timeout
        ),
    )
    return [cluster_public(c) for c in reply.clusters]


@router.get(
    "/clusters",
    response_model=ClusterList,
    responses=_ERRORS,
    summary="Clusters you can address, with health and environment",
)
async def list_clusters(
    mesh: MeshDep, settings: SettingsDep, principal: PrincipalDep
) -> ClusterList:
    require_role(principal, READ_ROLES, "list clusters")
    return ClusterList(clusters=await list_clusters_for(mesh, settings))
