"""`make dev`: the whole KubeChat mesh on this machine, until Ctrl-C."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from kubechat_devstack import rbac, seed
from kubechat_devstack.keycloak import Keycloak, oidc_env
from kubechat_devstack.processes import ProcessError
from kubechat_devstack.stack import Ports, Stack

DEMO_USERS = (
    "alice / alice-password   viewer in dev",
    "bob   / bob-password     operator in staging and prod",
    "carol / carol-password   cluster admin (asks for a one-time code)",
)

# Starts a local Kubernetes test bed and returns (admin kubeconfig, stop function); the
# cluster module provides it. None means no local cluster can be started here.
ClusterStarter = Callable[[Path], tuple[Path, Callable[[], None]]]


def _start_keycloak_in_background(keycloak: Keycloak) -> threading.Thread:
    """Keycloak takes 15-30 s to start; the mesh does not wait for it (tokens are checked
    against its keys only when someone signs in), so it starts beside everything else."""

    def run() -> None:
        try:
            took = keycloak.start()
        except (ProcessError, OSError) as exc:
            print(f"dev: Keycloak did not start ({exc}); sign-in is unavailable", file=sys.stderr)
            return
        print(
            f"dev: Keycloak ready in {took:.0f}s; sign in with:\n    " + "\n    ".join(DEMO_USERS)
        )

    thread = threading.Thread(target=run, name="keycloak", daemon=True)
    thread.start()
    return thread


def run_dev(
    base_dir: Path, start_cluster: ClusterStarter | None, keycloak: Keycloak | None = None
) -> int:
    started = time.monotonic()
    stop_cluster: Callable[[], None] | None = None
    kubeconfig_env = os.environ.get("KUBECONFIG", "")
    kubeconfig: Path | None = Path(kubeconfig_env.split(os.pathsep)[0]) if kubeconfig_env else None
    stack = Stack(
        base_dir=base_dir,
        ports=Ports(),
        extra_env={
            **(oidc_env(keycloak) if keycloak is not None else {}),
            # Local clusters (the test bed, kind, minikube) listen on loopback; on this
            # machine registering them is the point (production allows no such range).
            "KUBECHAT_CLUSTER_ALLOWED_NETWORKS": '["127.0.0.0/8", "::1/128"]',
            # The API's browsable docs, on the developer's own machine (off by default).
            "KUBECHAT_API_DOCS": "true",
        },
    )
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    if keycloak is not None:
        print(f"dev: starting Keycloak at {keycloak.url} in the background...")
        _start_keycloak_in_background(keycloak)
    try:
        if kubeconfig is None and start_cluster is not None:
            print("dev: starting the local Kubernetes test bed (KUBECONFIG is not set)...")
            kubeconfig, stop_cluster = start_cluster(base_dir)
            stack.extra_env = {**stack.extra_env, **rbac.view_env(seed.NAMESPACES)}
        stack.kubeconfig = kubeconfig
        print("dev: starting NATS, Redis and the five services...")
        stack.start_all()
    except (ProcessError, OSError) as exc:
        print(f"dev: could not start: {exc}", file=sys.stderr)
        stack.stop()
        if stop_cluster is not None:
            stop_cluster()
        if keycloak is not None:
            keycloak.stop()
        return 1
    took = time.monotonic() - started
    sign_in = (
        f"Keycloak at {keycloak.url}, demo users printed when it is ready"
        if keycloak is not None
        else "none (--auth dev): every request acts as the local developer"
    )
    print(
        f"\nKubeChat is running ({took:.1f}s).\n"
        f"  Web UI:     {stack.gateway_url}/   (build it first: bash scripts/build-web.sh)\n"
        f"  API:        {stack.gateway_url}/api/v1/ask   (docs: {stack.gateway_url}/docs)\n"
        f"  Readiness:  {stack.gateway_url}/readyz\n"
        f"  Cluster:    {kubeconfig or 'none: set KUBECONFIG or run make cluster-up'}\n"
        f"  Sign-in:    {sign_in}\n"
        f"  Logs:       {stack.logs}/<process>.log\n"
        f"  Try:        {_try_hint(stack.gateway_url, keycloak is not None)}\n"
        "Press Ctrl-C to stop everything."
    )
    try:
        while not stop.is_set():
            for name, process in stack.processes.items():
                if not process.running():
                    print(f"dev: {name} exited; see {process.log_path}", file=sys.stderr)
                    stop.set()
            stop.wait(1.0)
    except KeyboardInterrupt:
        pass
    finally:
        print("\ndev: stopping...")
        stack.stop()
        if stop_cluster is not None:
            stop_cluster()
        if keycloak is not None:
            keycloak.stop()
        print("dev: stopped; nothing left running.")
    return 0


def _try_hint(gateway_url: str, signs_in: bool) -> str:
    """A first request that works as printed: with Keycloak the API wants a bearer token,
    so the browser is the way in; with `--auth dev` a plain curl is."""
    if signs_in:
        return (
            f"open {gateway_url}/, sign in as alice / alice-password and ask "
            "'list pods in dev' (for curl without a token: make dev ARGS='--auth dev')"
        )
    return (
        f"curl -s {gateway_url}/api/v1/ask -H 'content-type: application/json'"
        ' -d \'{"text": "list pods in dev"}\''
    )
