"""`kubechat-executor`: runs typed plans on clusters as the asking user."""

from __future__ import annotations

import sys

from grpc import aio

from kubechat.grpc import run_server
from kubechat.service import build_parser, load_settings, run_service
from kubechat.v1 import executor_pb2_grpc
from kubechat_executor.config import ExecutorSettings
from kubechat_executor.servicer import ClusterRegistry, ExecutorServicer


async def serve(settings: ExecutorSettings) -> None:
    servicer = ExecutorServicer(ClusterRegistry(settings), settings.page_size)

    def register(server: aio.Server) -> None:
        executor_pb2_grpc.add_ExecutorServiceServicer_to_server(servicer, server)

    await run_server(settings.grpc_address, [register], ["kubechat.v1.ExecutorService"])


def main(argv: list[str] | None = None) -> int:
    parser = build_parser("executor", __doc__ or "", ExecutorSettings)
    parser.parse_args(sys.argv[1:] if argv is None else argv)
    return run_service("executor", load_settings(ExecutorSettings), serve)


if __name__ == "__main__":
    sys.exit(main())
