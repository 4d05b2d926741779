"""`kubechat-executor`: runs typed plans on clusters as the asking user."""

from __future__ import annotations

import asyncio
import sys
from concurrent.futures import ThreadPoolExecutor

from grpc import aio
from redis.asyncio import Redis

from kubechat.grpc import run_server
from kubechat.mtls import load_security
from kubechat.service import build_parser, load_settings, run_service
from kubechat.v1 import executor_pb2_grpc
from kubechat_executor.config import ExecutorSettings
from kubechat_executor.confirm import GrantSealer, TokenStore
from kubechat_executor.discovery import Discovery
from kubechat_executor.engine import Engine
from kubechat_executor.events import Publisher
from kubechat_executor.health import HealthMonitor
from kubechat_executor.kube import Identity
from kubechat_executor.registry import ClusterRegistry
from kubechat_executor.servicer import ExecutorServicer
from kubechat_executor.view import ViewLimits
from kubechat_executor.view_cache import ViewCache


async def serve(settings: ExecutorSettings) -> None:
    security = load_security("executor", settings)
    # The kubernetes client blocks; the default pool (cores + 4 threads) would serialise
    # concurrent callers behind a handful of threads.
    asyncio.get_running_loop().set_default_executor(
        ThreadPoolExecutor(max_workers=settings.max_workers, thread_name_prefix="kube")
    )
    registry = ClusterRegistry(settings)
    publisher = Publisher(
        settings.nats_url,
        settings.nats_user,
        settings.nats_password.get_secret_value(),
        tls=settings.nats_tls(),
    )
    await publisher.start(timeout=10.0)
    redis = Redis.from_url(settings.redis_url, **settings.redis_credentials())
    discovery = Discovery()
    tokens = TokenStore(redis, GrantSealer(settings.grant_mac_key()))
    engine = Engine(settings, registry, tokens, publisher, discovery)
    health_identity = (
        Identity(settings.health_user, tuple(settings.health_groups))
        if settings.health_user
        else None
    )
    health = HealthMonitor(registry, publisher, health_identity, settings.health_interval)
    views = ViewCache(
        registry.get,
        discovery,
        ttl=settings.view_ttl,
        min_refresh=settings.view_min_refresh,
        namespaces=settings.view_namespaces,
        limits=ViewLimits(
            max_objects=settings.view_max_objects,
            max_custom_kinds=settings.view_max_custom_kinds,
            page_size=settings.page_size,
        ),
        watch_identity=(
            Identity(settings.view_watch_user, tuple(settings.view_watch_groups))
            if settings.view_watch_user
            else None
        ),
    )
    servicer = ExecutorServicer(engine, registry, health, views)

    def register(server: aio.Server) -> None:
        executor_pb2_grpc.add_ExecutorServiceServicer_to_server(servicer, server)

    try:
        await run_server(
            settings.grpc_address,
            [register],
            ["kubechat.v1.ExecutorService"],
            security=security,
            background=[health.run],
        )
    finally:
        views.stop()
        await publisher.close()
        await redis.aclose()


def main(argv: list[str] | None = None) -> int:
    parser = build_parser("executor", __doc__ or "", ExecutorSettings)
    parser.parse_args(sys.argv[1:] if argv is None else argv)
    return run_service("executor", load_settings(ExecutorSettings), serve)


if __name__ == "__main__":
    sys.exit(main())
