"""ValidateToken latency and throughput of one identity replica, and Keycloak's start time.

Starts its own Keycloak (the repo's realm) and one identity service on free ports, takes a
real token for alice, then prints:
- Keycloak start: fresh database with realm import, then a restart on the same database;
- the first ValidateToken (fetches the JWKS);
- p50/p99 of sequential ValidateToken calls over gRPC with a warm JWKS (target p99 < 2 ms);
- validations per second with `--concurrency` callers on one channel for `--seconds`.

    uv run python bench/identity.py [--requests 2000] [--concurrency 16] [--seconds 10]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import grpc
import httpx

from kubechat import grpc as kc_grpc
from kubechat.stats import percentile
from kubechat.v1 import identity_pb2, identity_pb2_grpc
from kubechat_devstack import service_identity
from kubechat_devstack.keycloak import REALM_FILE, Keycloak
from kubechat_devstack.processes import ManagedProcess, free_port
from kubechat_devstack.stack import grpc_serving

REALM = "kubechat"


def alice_token(keycloak: Keycloak) -> str:
    admin = httpx.post(
        f"{keycloak.url}/realms/master/protocol/openid-connect/token",
        data={
            "grant_type": "password",
            "client_id": "admin-cli",
            "username": "admin",
            "password": "admin",
        },
    ).json()["access_token"]
    mappers = json.loads(REALM_FILE.read_text())["clients"][0]["protocolMappers"]
    httpx.post(
        f"{keycloak.url}/admin/realms/{REALM}/clients",
        headers={"Authorization": f"Bearer {admin}"},
        json={
            "clientId": "kubechat-bench",
            "publicClient": True,
            "directAccessGrantsEnabled": True,
            "standardFlowEnabled": False,
            "protocolMappers": mappers,
        },
    ).raise_for_status()
    reply = httpx.post(
        f"{keycloak.issuer(REALM)}/protocol/openid-connect/token",
        data={
            "grant_type": "password",
            "client_id": "kubechat-bench",
            "username": "alice",
            "password": "alice-password",
        },
    )
    reply.raise_for_status()
    return str(reply.json()["access_token"])


async def measure(
    base: Path, address: str, token: str, requests: int, concurrency: int, seconds: float
) -> None:
    request = identity_pb2.ValidateTokenRequest(token=token)
    # Over mutual TLS as the gateway, the one peer allowed to validate tokens.
    async with kc_grpc.channel(address, service_identity.mesh_security(base)) as channel:
        stub = identity_pb2_grpc.IdentityServiceStub(channel)
        started = time.perf_counter()
        principal = await stub.ValidateToken(request)
        print(
            f"first ValidateToken (JWKS fetch): {(time.perf_counter() - started) * 1000:.1f} ms"
            f"  -> {principal.user} tenant={principal.tenant} roles={list(principal.roles)}"
        )
        for _ in range(200):  # warm the channel and the interpreter
            await stub.ValidateToken(request)
        timings: list[float] = []
        for _ in range(requests):
            started = time.perf_counter()
            await stub.ValidateToken(request)
            timings.append((time.perf_counter() - started) * 1000)
        print(
            f"ValidateToken sequential, warm JWKS, n={requests}: "
            f"p50 {percentile(timings, 0.50):.2f} ms  p99 {percentile(timings, 0.99):.2f} ms  "
            f"mean {statistics.fmean(timings):.2f} ms  (target p99 < 2 ms)"
        )
        done = 0
        deadline = time.perf_counter() + seconds

        async def caller() -> None:
            nonlocal done
            while time.perf_counter() < deadline:
                await stub.ValidateToken(request)
                done += 1

        started = time.perf_counter()
        await asyncio.gather(*(caller() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
        print(
            f"throughput, one replica, {concurrency} concurrent callers: "
            f"{done / elapsed:.0f} validations/s ({done} in {elapsed:.1f} s)"
        )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="kubechat-bench-identity-"))
    keycloak = Keycloak(base_dir=base, http_port=free_port(), management_port=free_port())
    identity: ManagedProcess | None = None
    try:
        print(f"keycloak start, fresh database + realm import: {keycloak.start():.1f} s")
        keycloak.stop()
        print(f"keycloak start, existing database (warm): {keycloak.start():.1f} s")
        token = alice_token(keycloak)
        address = f"127.0.0.1:{free_port()}"
        identity = ManagedProcess(
            name="identity",
            argv=[sys.executable, "-m", "kubechat_identity"],
            log_path=base / "logs" / "identity.log",
            ready=grpc_serving(address, lambda: service_identity.probe_channel(base, address, {})),
            env={
                "KUBECHAT_GRPC_PORT": address.rsplit(":", 1)[1],
                "KUBECHAT_OIDC_ISSUER": keycloak.issuer(REALM),
                "KUBECHAT_LOG_LEVEL": "WARNING",
                **service_identity.service_identity_env(base, "identity"),
            },
        )
        identity.start()
        identity.wait_ready(30)
        asyncio.run(measure(base, address, token, args.requests, args.concurrency, args.seconds))
    except grpc.RpcError as exc:
        print(f"identity refused the token: {exc}", file=sys.stderr)
        return 1
    finally:
        if identity is not None:
            identity.stop()
        keycloak.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
