"""The KubeChat mesh as local processes: NATS with JetStream, Redis and the five
services. `make dev` and the e2e tests both use this, so tests run what developers run."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
import signal
import ssl
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from kubechat_devstack.bus import (
    BusCredentials,
    ServerTls,
    nats_config,
    redis_config,
    write_private,
)
from kubechat_devstack.processes import (
    ManagedProcess,
    Probe,
    ProcessError,
    free_port,
    http_ok,
    stop_all,
    tcp_open,
)
from kubechat_devstack.service_identity import ensure_pki, probe_channel, service_identity_env

SERVICES = ("identity", "audit", "executor", "nlp", "gateway")


@dataclass(frozen=True)
class Ports:
    nats: int = 4222
    nats_monitor: int = 8222
    redis: int = 6379
    gateway: int = 8080
    nlp: int = 7101
    executor: int = 7102
    audit: int = 7103
    identity: int = 7104
    gateway_grpc: int = 7105  # the public KubeChatService API

    @classmethod
    def free(cls) -> Ports:
        """Fresh ports, so a test stack never collides with a developer's `make dev`."""
        return cls(**{f.name: free_port() for f in dataclasses.fields(cls)})


def grpc_serving(address: str, open_channel: Callable[[], grpc.Channel] | None = None) -> Probe:
    """A probe that is true once the gRPC health service at `address` says SERVING
    (over `open_channel`'s mutual TLS; plaintext without one)."""

    def probe() -> bool:
        with (open_channel or (lambda: grpc.insecure_channel(address)))() as channel:
            try:
                reply = health_pb2_grpc.HealthStub(channel).Check(
                    health_pb2.HealthCheckRequest(), timeout=1
                )
            except grpc.RpcError:
                return False
            return bool(reply.status == health_pb2.HealthCheckResponse.SERVING)

    return probe


def require_binary(name: str, package: str) -> str:
    path = shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/bin")
    if path is None:
        raise ProcessError(f"{name} not found; install it with: apt-get install {package}")
    return path


@dataclass
class Stack:
    """NATS, Redis and the services under `base_dir` (logs, data), on `ports`."""

    base_dir: Path
    ports: Ports = field(default_factory=Ports)
    kubeconfig: Path | None = None
    extra_env: Mapping[str, str] = field(default_factory=dict)
    processes: dict[str, ManagedProcess] = field(default_factory=dict)
    # NATS and Redis refuse anonymous clients: each service has its own user (bus.py).
    credentials: BusCredentials = field(default_factory=BusCredentials)

    @property
    def logs(self) -> Path:
        return self.base_dir / "logs"

    @property
    def gateway_url(self) -> str:
        return f"http://127.0.0.1:{self.ports.gateway}"

    @property
    def nats_url(self) -> str:
        """Without credentials: what services are given (their user comes separately)."""
        return f"nats://127.0.0.1:{self.ports.nats}"

    def nats_url_as(self, user: str) -> str:
        """A URL carrying `user`'s credentials (tests and benches; `operator` may do all).
        NATS speaks TLS: connect with `tls=stack.nats_tls()`."""
        return f"tls://{user}:{self.credentials.nats[user]}@127.0.0.1:{self.ports.nats}"

    def nats_tls(self) -> ssl.SSLContext:
        """A client TLS context that trusts this stack's CA (and nothing else)."""
        return ssl.create_default_context(cafile=str(ensure_pki(self.base_dir).ca))

    def redis_url_as(self, user: str) -> str:
        """A TLS URL carrying `user`'s credentials and the CA to verify the server with."""
        ca = quote(str(ensure_pki(self.base_dir).ca))
        return (
            f"rediss://{user}:{self.credentials.redis[user]}@127.0.0.1:{self.ports.redis}/0"
            f"?ssl_ca_certs={ca}"
        )

    def server_tls(self, server: str) -> ServerTls:
        pki = ensure_pki(self.base_dir)
        return ServerTls(cert=pki.cert(server), key=pki.key(server))

    @property
    def secrets_dir(self) -> Path:
        return self.base_dir / "secrets"

    def address(self, service: str) -> str:
        return f"127.0.0.1:{getattr(self.ports, service)}"

    # -- infrastructure -------------------------------------------------------------

    def start_nats(self) -> float:
        data = self.base_dir / "nats"
        data.mkdir(parents=True, exist_ok=True)
        config = self.secrets_dir / "nats.conf"
        write_private(
            config,
            nats_config(
                self.credentials,
                port=self.ports.nats,
                monitor_port=self.ports.nats_monitor,
                store_dir=data,
                tls=self.server_tls("nats-server"),
            ),
        )
        argv = [require_binary("nats-server", "nats-server"), "-c", str(config)]
        probe = http_ok(f"http://127.0.0.1:{self.ports.nats_monitor}/healthz?js-enabled-only=true")
        return self._start("nats", argv, probe)

    def start_redis(self) -> float:
        data = self.base_dir / "redis"
        data.mkdir(parents=True, exist_ok=True)
        config = self.secrets_dir / "redis.conf"
        tls = self.server_tls("redis-server")
        write_private(
            config, redis_config(self.credentials, port=self.ports.redis, data_dir=data, tls=tls)
        )
        argv = [require_binary("redis-server", "redis-server"), str(config)]
        return self._start("redis", argv, tcp_open(self.ports.redis))

    # -- services -------------------------------------------------------------------

    def service_env(self, service: str) -> dict[str, str]:
        env = {
            "KUBECHAT_NATS_URL": self.nats_url,
            "KUBECHAT_REDIS_URL": f"redis://127.0.0.1:{self.ports.redis}/0",
            "KUBECHAT_LOG_LEVEL": "INFO",
            "PYTHONUNBUFFERED": "1",
        }
        if service == "gateway":
            env["KUBECHAT_HTTP_PORT"] = str(self.ports.gateway)
            env["KUBECHAT_PUBLIC_GRPC_PORT"] = str(self.ports.gateway_grpc)
            # Conversations live with the stack (the executor has its own database URL).
            env["KUBECHAT_DATABASE_URL"] = f"sqlite:///{self.base_dir / 'gateway.db'}"
            for peer in ("nlp", "executor", "audit", "identity"):
                env[f"KUBECHAT_{peer.upper()}_ADDRESS"] = self.address(peer)
        else:
            env["KUBECHAT_GRPC_PORT"] = str(getattr(self.ports, service))
        if service == "nlp":
            # Cluster views for parsing come from this stack's executor, never another's.
            env["KUBECHAT_EXECUTOR_ADDRESS"] = self.address("executor")
        if service == "audit":
            # chdb allows one process per data directory: each stack gets its own.
            env["KUBECHAT_DATA_DIR"] = str(self.base_dir / "audit")
        if service == "executor":
            # The executor's cluster registry (SQLite) belongs to this stack, not to the cwd.
            env["KUBECHAT_DATABASE_URL"] = f"sqlite:///{self.base_dir / 'executor.db'}"
        if service == "executor" and self.kubeconfig is not None:
            env["KUBECHAT_KUBECONFIG"] = str(self.kubeconfig)
        env.update(self.credentials.service_env(service))
        # NATS and Redis speak TLS only; every client verifies them against the stack's CA.
        ca = str(ensure_pki(self.base_dir).ca)
        env["KUBECHAT_NATS_TLS_CA"] = env["KUBECHAT_REDIS_TLS_CA"] = ca
        env.update(service_identity_env(self.base_dir, service))
        env.update(self.extra_env)
        return env

    def start_service(self, service: str, timeout: float = 30.0) -> float:
        return self.start_services([service], timeout=timeout)[service]

    def start_services(self, services: Sequence[str], timeout: float = 30.0) -> dict[str, float]:
        """Launch every service in `services` first, then wait until each is ready.

        A service's start is mostly Python importing its dependencies (seconds, CPU
        bound); started one after another they use one core, launched together they use
        every core. None needs another to be up to start: they dial their peers lazily
        and NATS in the background. Returns each one's seconds from launch to ready."""
        launched: list[tuple[str, ManagedProcess, float]] = []
        for service in services:
            env = self.service_env(service)
            probe = (
                http_ok(f"{self.gateway_url}/healthz")
                if service == "gateway"
                else grpc_serving(self.address(service), self._probe_channel(service, env))
            )
            argv = [sys.executable, "-m", f"kubechat_{service}"]
            launched.append((service, self._launch(service, argv, probe, env), time.monotonic()))
        timings: dict[str, float] = {}
        for service, process, started in launched:
            process.wait_ready(max(0.0, timeout - (time.monotonic() - started)))
            timings[service] = time.monotonic() - started
        return timings

    def _probe_channel(self, service: str, env: Mapping[str, str]) -> Callable[[], grpc.Channel]:
        address = self.address(service)
        return lambda: probe_channel(self.base_dir, address, env)

    def kill(self, name: str) -> None:
        """SIGKILL, as a crash would: no graceful shutdown, nothing flushed."""
        process = self.processes.pop(name)
        if process.pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
        process.stop(timeout=5)

    def start_all(self) -> dict[str, float]:
        timings = {"nats": self.start_nats(), "redis": self.start_redis()}
        timings.update(self.start_services(SERVICES))
        return timings

    def stop(self) -> None:
        """Stop the services together, then Redis and NATS (which they used to the end)."""
        names = list(reversed(self.processes))
        infrastructure = [n for n in names if n in ("redis", "nats")]
        services = [self.processes.pop(n) for n in names if n not in infrastructure]
        # SIGTERM all at once: each drains on its own, so waiting for one before
        # signalling the next only adds their shutdown times up.
        stop_all(services)
        for name in infrastructure:
            self.processes.pop(name).stop()

    def _start(
        self,
        name: str,
        argv: list[str],
        probe: Probe,
        env: Mapping[str, str] | None = None,
        timeout: float = 30.0,
    ) -> float:
        return self._launch(name, argv, probe, env).wait_ready(timeout)

    def _launch(
        self, name: str, argv: list[str], probe: Probe, env: Mapping[str, str] | None = None
    ) -> ManagedProcess:
        """Start `name` without waiting; it is ours to stop from here on."""
        process = ManagedProcess(
            name=name, argv=argv, log_path=self.logs / f"{name}.log", ready=probe, env=env
        )
        process.start()
        self.processes[name] = process
        return process
