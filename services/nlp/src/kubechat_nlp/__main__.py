"""`kubechat-nlp`: natural language to typed Kubernetes operations.

kubechat-nlp              serve gRPC IntentService
kubechat-nlp translate    JSON Lines {"id","query"} on stdin → {"id","kubectl",...} on stdout
"""

from __future__ import annotations

import sys

from grpc import aio

from kubechat.grpc import run_server
from kubechat.service import build_parser, load_settings, run_service
from kubechat.v1 import intent_pb2_grpc
from kubechat_nlp.config import NlpSettings
from kubechat_nlp.servicer import IntentServicer
from kubechat_nlp.wiring import plan_for_settings


async def serve(settings: NlpSettings) -> None:
    servicer = IntentServicer(plan_for_settings(settings))

    def register(server: aio.Server) -> None:
        intent_pb2_grpc.add_IntentServiceServicer_to_server(servicer, server)

    await run_server(settings.grpc_address, [register], ["kubechat.v1.IntentService"])


def main(argv: list[str] | None = None) -> int:
    parser = build_parser("nlp", __doc__ or "", NlpSettings)
    commands = parser.add_subparsers(dest="command")
    commands.add_parser(
        "translate", help="translate JSON Lines queries offline (no cluster, no network)"
    )
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if args.command == "translate":
        from kubechat_nlp.cli_translate import run_translate

        return run_translate(sys.stdin, sys.stdout)
    return run_service("nlp", load_settings(NlpSettings), serve)


if __name__ == "__main__":
    sys.exit(main())
