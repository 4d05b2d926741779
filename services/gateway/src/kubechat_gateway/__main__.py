"""`kubechat-gateway`: REST/WebSocket API and web UI in front of the KubeChat mesh."""

from __future__ import annotations

import sys

import uvicorn

from kubechat.service import build_parser, load_settings, run_service
from kubechat_gateway import public_grpc
from kubechat_gateway.app import create_app
from kubechat_gateway.config import GatewaySettings
from kubechat_gateway.mesh import Mesh


async def serve(settings: GatewaySettings) -> None:
    # Refuse to start without mesh credentials before serving anything (Mesh.start would
    # find out only inside the app's lifespan).
    Mesh(settings).security()
    if settings.public_grpc_port > 0:
        public_grpc.credentials(settings)
    config = uvicorn.Config(
        create_app(settings),
        host=settings.http_host,
        port=settings.http_port,
        log_config=None,  # our JSON logging, set up by run_service
        access_log=False,
        lifespan="on",
    )
    await uvicorn.Server(config).serve()


def main(argv: list[str] | None = None) -> int:
    parser = build_parser("gateway", __doc__ or "", GatewaySettings)
    parser.parse_args(sys.argv[1:] if argv is None else argv)
    return run_service("gateway", load_settings(GatewaySettings), serve)


if __name__ == "__main__":
    sys.exit(main())
