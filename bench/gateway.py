"""Load on one gateway replica: N simulated users, each with its own sign-in token and
WebSocket, asking a read question every few seconds.

Prints p50/p95/p99 from sending the question to the first `result` event, the error rate,
and the gateway process's RSS and CPU over the run.

Self-contained by default: starts the seeded test bed cluster, Keycloak (real tokens,
validated through identity) and the mesh with auth_mode=oidc, the executor impersonating
each user. Users cycle through the realm's personas; the per-user rate limit is lifted so
the bench measures the gateway, not the limiter.

    uv run python bench/gateway.py                 # 200 users, 60 s
    uv run python bench/gateway.py --users 50 --seconds 30 --interval 2
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil
import websockets
from websockets.typing import Subprotocol

from kubechat_devstack.cluster import start_cluster
from kubechat_devstack.keycloak import Keycloak
from kubechat_devstack.processes import free_port
from kubechat_devstack.stack import Ports, Stack

REALM = "kubechat"
BENCH_CLIENT = "kubechat-bench"
# Reads each persona may run (alice sees only dev).
QUESTIONS = {
    "alice": ["list pods in dev", "show deployments in dev", "list services in dev"],
    "bob": ["list pods in staging", "show deployments in prod"],
    # carol must give a one-time code, which a password grant cannot; acme-admin has her rights.
    "acme-admin": ["list pods in payments", "show deployments in all namespaces"],
}


@dataclass
class Results:
    latencies: list[float] = field(default_factory=list)
    asked: int = 0
    errors: int = 0
    error_kinds: dict[str, int] = field(default_factory=dict)

    def fail(self, kind: str) -> None:
        self.errors += 1
        self.error_kinds[kind] = self.error_kinds.get(kind, 0) + 1


def tokens_for(keycloak: Keycloak, users: list[str]) -> dict[str, str]:
    """Password-grant tokens through a bench-only public client created here, so the
    repo's realm never enables the password grant on a real client."""
    admin = httpx.post(
        f"{keycloak.url}/realms/master/protocol/openid-connect/token",
        data={
            "grant_type": "password",
            "client_id": "admin-cli",
            "username": keycloak.admin[0],
            "password": keycloak.admin[1],
        },
    ).json()["access_token"]
    headers = {"Authorization": f"Bearer {admin}"}
    base = f"{keycloak.url}/admin/realms/{REALM}/clients"
    web = httpx.get(base, params={"clientId": "kubechat-web"}, headers=headers).json()[0]
    # The web client's mappers (tenant, groups, audience), copied without their ids.
    mappers = [{k: v for k, v in m.items() if k != "id"} for m in web.get("protocolMappers", [])]
    created = httpx.post(
        base,
        headers=headers,
        json={
            "clientId": BENCH_CLIENT,
            "publicClient": True,
            "standardFlowEnabled": False,
            "directAccessGrantsEnabled": True,
            "protocolMappers": mappers,
        },
    )
    if created.status_code not in (201, 409):
        raise SystemExit(
            f"bench: cannot create {BENCH_CLIENT}: {created.status_code} {created.text}"
        )
    tokens = {}
    for user in users:
        reply = httpx.post(
            f"{keycloak.issuer(REALM)}/protocol/openid-connect/token",
            data={
                "grant_type": "password",
                "client_id": BENCH_CLIENT,
                "username": user,
                "password": f"{user}-password",
                "scope": "openid",
            },
        )
        if reply.status_code != 200:
            raise SystemExit(f"bench: no token for {user}: {reply.status_code} {reply.text}")
        tokens[user] = reply.json()["access_token"]
    return tokens


async def user(
    ws_url: str, name: str, token: str, stop_at: float, interval: float, results: Results
) -> None:
    conversation = uuid.uuid4().hex
    url = f"{ws_url}/api/v1/conversations/{conversation}/ws"
    protocols = [Subprotocol("kubechat.v1"), Subprotocol(f"kubechat.bearer.{token}")]
    await asyncio.sleep(random.uniform(0, interval))  # spread the first asks
    try:
        async with websockets.connect(
            url, open_timeout=30, max_size=2**24, subprotocols=protocols
        ) as socket:
            assert json.loads(await socket.recv())["type"] == "ready"
            while time.monotonic() < stop_at:
                question = random.choice(QUESTIONS[name])
                started = time.perf_counter()
                results.asked += 1
                await socket.send(json.dumps({"type": "ask", "text": question}))
                first_result: float | None = None
                failed = ""
                while True:
                    event = json.loads(await asyncio.wait_for(socket.recv(), 60))
                    if event["type"] == "result" and first_result is None:
                        first_result = time.perf_counter() - started
                        if not event["result"]["ok"]:
                            failed = "result_not_ok"
                    elif event["type"] == "error":
                        failed = failed or event.get("code", "error")
                    elif event["type"] == "done":
                        break
                if failed or first_result is None:
                    results.fail(failed or "no_result")
                else:
                    results.latencies.append(first_result)
                await asyncio.sleep(max(0.0, interval - (time.perf_counter() - started)))
    except Exception as exc:  # noqa: BLE001 - a dropped socket is an error to count
        results.fail(type(exc).__name__)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    return (
        statistics.quantiles(values, n=100, method="inclusive")[q - 1] * 1000
        if len(values) > 1
        else values[0] * 1000
    )


async def run(
    stack: Stack, tokens: dict[str, str], users: int, seconds: float, interval: float
) -> None:
    gateway = psutil.Process(stack.processes["gateway"].pid)
    # The gateway runs as `python -m kubechat_gateway` under a process group leader.
    procs = [gateway, *gateway.children(recursive=True)]
    cpu_before = sum(p.cpu_times().user + p.cpu_times().system for p in procs)
    rss_peak = 0
    results = Results()
    names = list(tokens)
    ws_url = stack.gateway_url.replace("http://", "ws://")
    stop_at = time.monotonic() + seconds
    started = time.monotonic()
    tasks = [
        asyncio.create_task(
            user(
                ws_url,
                names[i % len(names)],
                tokens[names[i % len(names)]],
                stop_at,
                interval,
                results,
            )
        )
        for i in range(users)
    ]
    while any(not t.done() for t in tasks):
        rss_peak = max(rss_peak, sum(p.memory_info().rss for p in procs))
        await asyncio.sleep(1)
    elapsed = time.monotonic() - started
    cpu = sum(p.cpu_times().user + p.cpu_times().system for p in procs) - cpu_before
    lat = results.latencies
    print(f"users={users} duration={elapsed:.1f}s interval={interval}s questions={results.asked}")
    print(
        f"question -> first result: p50={percentile(lat, 50):.0f} ms  "
        f"p95={percentile(lat, 95):.0f} ms  p99={percentile(lat, 99):.0f} ms  (n={len(lat)})"
    )
    rate = results.errors / results.asked * 100 if results.asked else 0.0
    print(f"errors: {results.errors}/{results.asked} = {rate:.2f}%  {results.error_kinds}")
    print(
        f"gateway: peak RSS {rss_peak / 2**20:.0f} MiB, CPU {cpu:.1f} s over {elapsed:.0f} s "
        f"= {cpu / elapsed * 100:.0f}% of one core"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument(
        "--interval", type=float, default=3.0, help="seconds between a user's questions"
    )
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="kubechat-bench-gateway-"))
    print(f"bench: state in {base}")
    cluster = start_cluster("bench-gateway", base / "kube", nodes=3, build=False)
    keycloak = Keycloak(
        base_dir=base / "keycloak", http_port=free_port(), management_port=free_port()
    )
    stack: Stack | None = None
    try:
        keycloak.start()
        stack = Stack(
            base_dir=base / "mesh",
            ports=Ports.free(),
            kubeconfig=cluster.kubeconfig("executor"),
            extra_env={
                "KUBECHAT_ENVIRONMENT": "test",
                "KUBECHAT_AUTH_MODE": "oidc",
                "KUBECHAT_OIDC_ISSUER": keycloak.issuer(REALM),
                "KUBECHAT_RATE_LIMIT_ASKS": "0",
                "KUBECHAT_LOG_LEVEL": "WARNING",
            },
        )
        stack.start_all()
        tokens = tokens_for(keycloak, list(QUESTIONS))
        asyncio.run(run(stack, tokens, args.users, args.seconds, args.interval))
    finally:
        if stack is not None:
            stack.stop()
        keycloak.stop()
        cluster.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
