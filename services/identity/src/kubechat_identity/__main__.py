"""`kubechat-identity`: validates tokens and maps users to Kubernetes identities."""

from __future__ import annotations

import sys

from grpc import aio

from kubechat.grpc import run_server
from kubechat.service import build_parser, load_settings, run_service
from kubechat.v1 import identity_pb2_grpc
from kubechat_identity.config import IdentitySettings
from kubechat_identity.servicer import IdentityServicer


async def serve(settings: IdentitySettings) -> None:
    servicer = IdentityServicer(settings.oidc_issuer)

    def register(server: aio.Server) -> None:
        identity_pb2_grpc.add_IdentityServiceServicer_to_server(servicer, server)

    await run_server(settings.grpc_address, [register], ["kubechat.v1.IdentityService"])


def main(argv: list[str] | None = None) -> int:
    parser = build_parser("identity", __doc__ or "", IdentitySettings)
    parser.parse_args(sys.argv[1:] if argv is None else argv)
    return run_service("identity", load_settings(IdentitySettings), serve)


if __name__ == "__main__":
    sys.exit(main())
