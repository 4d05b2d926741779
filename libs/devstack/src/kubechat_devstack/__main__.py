"""`kubechat-devstack`: command line for the local dev stack and Kubernetes test bed.

Subcommands register themselves on one argparse parser; each sets `func` to a handler that
takes the parsed namespace and returns an exit code. Add a new group with a function like
`add_cluster_commands(subparsers)` and call it from `build_parser`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from kubechat_devstack import cluster, dev, service_identity
from kubechat_devstack.keycloak import Keycloak


def _base_dir(args: argparse.Namespace) -> Path | None:
    value: str | None = args.state_dir
    return Path(value) if value else None


def _cluster_up(args: argparse.Namespace) -> int:
    started = time.monotonic()
    try:
        handle = cluster.start_cluster(
            args.name,
            _base_dir(args),
            nodes=args.nodes,
            with_seed=args.seed,
            build=args.build,
        )
    except cluster.ClusterRunning as exc:
        handle = cluster.ClusterHandle.load(cluster.cluster_dir(args.name, _base_dir(args)))
        print(f"{exc}", file=sys.stderr)
        print(handle.kubeconfig("admin"))
        return 0
    elapsed = time.monotonic() - started
    print(
        f"cluster {handle.name!r} ready in {elapsed:.1f}s at {handle.server}; "
        f"kubeconfigs in {handle.directory / 'kubeconfigs'}",
        file=sys.stderr,
    )
    print(handle.kubeconfig("admin"))
    return 0


def _cluster_down(args: argparse.Namespace) -> int:
    stopped = cluster.stop_cluster(args.name, _base_dir(args))
    print(f"stopped: {', '.join(stopped) or 'nothing was running'}", file=sys.stderr)
    return 0


def _cluster_status(args: argparse.Namespace) -> int:
    status = cluster.cluster_status(args.name, _base_dir(args))
    print(json.dumps(status, indent=2))
    return 0 if status.get("ready") else 1


def add_cluster_commands(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register cluster-up, cluster-down and cluster-status."""

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--name", default="default", help="cluster name (default: default)")
        p.add_argument(
            "--state-dir",
            default=None,
            help="state root (default: $KUBECHAT_STATE or <repo>/.devstack)",
        )

    up = subparsers.add_parser("cluster-up", help="start a test cluster; prints the kubeconfig")
    common(up)
    up.add_argument("--nodes", type=int, default=3, help="number of KWOK fake nodes")
    up.add_argument(
        "--seed", action=argparse.BooleanOptionalAction, default=True, help="apply seed data"
    )
    up.add_argument(
        "--build",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="run testbed/build.sh when binaries are missing",
    )
    up.set_defaults(func=_cluster_up)

    down = subparsers.add_parser("cluster-down", help="stop a test cluster by PID")
    common(down)
    down.set_defaults(func=_cluster_down)

    status = subparsers.add_parser("cluster-status", help="show a test cluster's processes")
    common(status)
    status.set_defaults(func=_cluster_status)


def _dev(args: argparse.Namespace) -> int:
    base = _base_dir(args) or cluster.default_base_dir()
    starter = None if args.no_cluster else cluster.start_for_dev
    keycloak = None
    if args.auth == "oidc":
        keycloak = Keycloak(base / "keycloak", http_port=8180, management_port=9180)
    return dev.run_dev(base, starter, keycloak)


def add_dev_command(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `dev`: the whole mesh, plus a local cluster unless KUBECONFIG is set."""
    run = subparsers.add_parser("dev", help="run KubeChat locally until Ctrl-C")
    run.add_argument("--state-dir", default=None, help="state root (default: <repo>/.devstack)")
    run.add_argument("--no-cluster", action="store_true", help="do not start a local cluster")
    run.add_argument(
        "--auth",
        choices=("oidc", "dev"),
        default="oidc",
        help="oidc: sign in through a local Keycloak with the demo users (default); "
        "dev: no sign-in, every request acts as the local developer",
    )
    run.set_defaults(func=_dev)


def _mesh_pki(args: argparse.Namespace) -> int:
    pki = service_identity.ensure_pki(Path(args.state_dir or cluster.default_base_dir()))
    print(pki.directory)
    return 0


def add_mesh_pki_command(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `mesh-pki`: the CA, service certificates and caller keys `dev` would use."""
    pki = subparsers.add_parser(
        "mesh-pki",
        help="make (or reuse) the mesh CA, per-service certificates and caller keys; "
        "prints their directory (compose.yaml mounts it)",
    )
    pki.add_argument("--state-dir", default=None, help="state root (default: <repo>/.devstack)")
    pki.set_defaults(func=_mesh_pki)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kubechat-devstack", description=__doc__)
    subparsers = parser.add_subparsers(dest="command", required=True)
    add_cluster_commands(subparsers)
    add_dev_command(subparsers)
    add_mesh_pki_command(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
