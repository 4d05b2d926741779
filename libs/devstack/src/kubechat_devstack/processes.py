"""Start, probe and stop local server processes: the one process supervisor of the dev stack.

Every server KubeChat needs in development and tests (NATS, Redis, etcd, kube-apiserver,
Keycloak, the five services...) is a real process on 127.0.0.1. This module starts each one
in its own session (so a Ctrl-C in the terminal does not reach it before we stop it in
order), waits on a readiness probe rather than a fixed sleep, and stops it by its own PID.
State files let a later command (`make cluster-down`) stop what an earlier one started.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import socket
import ssl
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

Probe = Callable[[], bool]


class ProcessError(RuntimeError):
    """A managed process failed to start, exited early or never became ready."""


def _ephemeral_low() -> int:
    """The first port of the kernel's range for outgoing connections."""
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


_EPHEMERAL_LOW = _ephemeral_low()
_PICK = random.SystemRandom()
_HANDED_OUT: set[int] = set()
_HANDING_OUT = threading.Lock()


def free_port() -> int:
    """A TCP port that is free on 127.0.0.1 right now, below the kernel's ephemeral range.

    A port the kernel picks (bind to 0) lies in the range it also gives to outgoing
    connections, so between this check and the server's own bind a client socket may take
    it and the server fails to start ("Address already in use"). Below that range only a
    server can hold a port; each one is handed out once per process."""
    for _ in range(500):
        port = _PICK.randrange(10_000, _EPHEMERAL_LOW)
        # Servers also start from background threads (kubechat_devstack.early): two
        # threads must never be handed the same port.
        with _HANDING_OUT:
            if port in _HANDED_OUT:
                continue
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
                try:
                    sock.bind(("127.0.0.1", port))
                except OSError:
                    continue
            _HANDED_OUT.add(port)
        return port
    raise RuntimeError(f"no free TCP port between 10000 and {_EPHEMERAL_LOW}")


def http_ok(url: str, *, cafile: Path | None = None, insecure: bool = False) -> Probe:
    """A probe that is true once `url` answers 2xx."""

    def probe() -> bool:
        context: ssl.SSLContext | None = None
        if url.startswith("https://"):
            context = ssl.create_default_context(cafile=str(cafile) if cafile else None)
            if insecure:
                context.check_hostname = False
                context.verify_mode = ssl.CERT_NONE
        try:
            with urllib.request.urlopen(url, timeout=2, context=context) as response:
                return 200 <= int(response.status) < 300
        except (urllib.error.URLError, OSError, ValueError):
            return False

    return probe


def tcp_open(port: int, host: str = "127.0.0.1") -> Probe:
    """A probe that is true once something accepts connections on host:port."""

    def probe() -> bool:
        with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=1):
            return True
        return False

    return probe


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child still answers kill(0); reap it if it is ours.
    with contextlib.suppress(ChildProcessError):
        reaped, _ = os.waitpid(pid, os.WNOHANG)
        if reaped == pid:
            return False
    return True


def stop_pid(pid: int, *, timeout: float = 10.0) -> None:
    """SIGTERM the process group led by `pid`, then SIGKILL it if it lingers."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, sig)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not pid_alive(pid):
                return
            time.sleep(0.05)


def stop_all(processes: Sequence[ManagedProcess], *, timeout: float = 10.0) -> None:
    """Stop several processes in parallel: SIGTERM every group, wait for them together,
    then SIGKILL those that outlived `timeout` (as `stop_pid` does for one)."""
    pids = [p.pid for p in processes if p.pid is not None]
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in pids:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, sig)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pids = [pid for pid in pids if pid_alive(pid)]
            if not pids:
                break
            time.sleep(0.05)
        if not pids:
            break
    for process in processes:
        # Only reap: signalling a PID that is gone could reach a new process that got it.
        process.reap()


@dataclass
class ManagedProcess:
    """One server process with its log file and its readiness probe."""

    name: str
    argv: Sequence[str]
    log_path: Path
    ready: Probe | None = None
    env: Mapping[str, str] | None = None
    cwd: Path | None = None
    pid: int | None = None
    _popen: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        environment = dict(os.environ)
        if self.env:
            environment.update(self.env)
        with self.log_path.open("ab") as log:
            self._popen = subprocess.Popen(  # noqa: S603 - argv is ours, never user text
                list(self.argv),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=environment,
                cwd=self.cwd,
                start_new_session=True,
            )
        self.pid = self._popen.pid

    def running(self) -> bool:
        if self._popen is not None:
            return self._popen.poll() is None
        return self.pid is not None and pid_alive(self.pid)

    def wait_ready(self, timeout: float = 60.0) -> float:
        """Block until the probe passes; return the seconds it took."""
        started = time.monotonic()
        deadline = started + timeout
        while time.monotonic() < deadline:
            if not self.running():
                raise ProcessError(f"{self.name} exited early; see {self.log_path}:\n{self.tail()}")
            if self.ready is None or self.ready():
                return time.monotonic() - started
            time.sleep(0.1)
        raise ProcessError(
            f"{self.name} not ready after {timeout:.0f}s; see {self.log_path}:\n{self.tail()}"
        )

    def stop(self, timeout: float = 10.0) -> None:
        if self.pid is not None:
            stop_pid(self.pid, timeout=timeout)
        self.reap()

    def reap(self) -> None:
        """Collect the exit status of a stopped process, so no zombie is left behind."""
        if self._popen is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._popen.wait(timeout=1)

    def tail(self, lines: int = 20) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])


@dataclass
class ProcessGroup:
    """Processes started in order and stopped in reverse; the PIDs persist in `state_file`."""

    state_file: Path
    processes: list[ManagedProcess] = field(default_factory=list)

    def start(self, process: ManagedProcess, timeout: float = 60.0) -> float:
        process.start()
        self.processes.append(process)
        self._save()
        return process.wait_ready(timeout)

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.stop()
        self.processes.clear()
        self.state_file.unlink(missing_ok=True)

    def _save(self) -> None:
        self.state_file.parent.mkdir(parents=True, exist_ok=True)
        pids = {p.name: p.pid for p in self.processes}
        self.state_file.write_text(json.dumps({"pids": pids, "order": list(pids)}))

    def __enter__(self) -> ProcessGroup:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()


def stop_from_state(state_file: Path) -> list[str]:
    """Stop, in reverse start order, the processes a ProcessGroup recorded in `state_file`."""
    if not state_file.exists():
        return []
    state = json.loads(state_file.read_text())
    stopped: list[str] = []
    for name in reversed(state["order"]):
        pid = state["pids"][name]
        if pid is not None and pid_alive(int(pid)):
            stop_pid(int(pid))
            stopped.append(name)
    state_file.unlink(missing_ok=True)
    return stopped


def cache_dir() -> Path:
    """Where heavy build outputs live: outside the repo, keyed by version below this."""
    base = os.environ.get("KUBECHAT_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "kubechat"
    )
    path = Path(base)
    path.mkdir(parents=True, exist_ok=True)
    return path
