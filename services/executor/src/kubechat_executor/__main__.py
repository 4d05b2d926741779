"""`kubechat-executor`: runs typed plans on clusters as the asking user."""

from __future__ import annotations

import asyncio
import sys
from concurrent.futures import ThreadPoolExecutor

from grpc import aio
from redis.asyncio import Redis

from kubechat.grpc import run_server
from kubechat.service import build_parser, load_settings, run_service
from kubechat.v1 import executor_pb2_grpc
from kubechat_executor.config import ExecutorSettings
from kubechat_executor.confirm import TokenStore
from kubechat_executor.engine import Engine
from kubechat_executor.events import Publisher
from kubechat_executor.health import HealthMonitor
from kubechat_executor.kube import Identity
from kubechat_executor.registry import ClusterRegistry
from kubechat_executor.servicer import ExecutorServicer


async def serve(settings: ExecutorSettings) -> None:
    # The kubernetes client blocks; the default pool (cores + 4 threads) would serialise
    # concurrent callers behind a handful of threads.
    asyncio.get_running_loop().set_default_executor(
        ThreadPoolExecutor(max_workers=settings.max_workers, thread_name_prefix="kube")
    )
    registry = ClusterRegistry(settings)
    publisher = Publisher(settings.nats_url)
    await publisher.start(timeout=10.0)
    redis = Redis.from_url(settings.redis_url)
    engine = Engine(settings, registry, TokenStore(redis), publisher)
    health_identity = (
        Identity(settings.health_user, tuple(settings.health_groups))
        if settings.health_user
        else None
    )
    health = HealthMonitor(registry, publisher, health_identity, settings.health_interval)
    servicer = ExecutorServicer(engine, registry, health)

    def register(server: aio.Server) -> None:
        executor_pb2_grpc.add_ExecutorServiceServicer_to_server(servicer, server)

    try:
        await run_server(
            settings.grpc_address,
            [register],
            ["kubechat.v1.ExecutorService"],
            background=[health.run],
        )
    finally:
        await publisher.close()
        await redis.aclose()


def main(argv: list[str] | None = None) -> int:
    parser = build_parser("executor", __doc__ or "", ExecutorSettings)
    parser.parse_args(sys.argv[1:] if argv is None else argv)
    return run_service("executor", load_settings(ExecutorSettings), serve)


if __name__ == "__main__":
    sys.exit(main())
