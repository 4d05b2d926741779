"""A real Kubernetes control plane with fake nodes, as local processes.

`start_cluster` runs etcd -> kube-apiserver -> kube-controller-manager -> kube-scheduler -> kwok,
each waited on through its own readiness endpoint, then registers KWOK-managed fake nodes,
applies the RBAC personas and (optionally) the seed data. Every port is picked per cluster, so
several clusters can run side by side. All state lives in one directory:

    <base>/clusters/<name>/
        cluster.json        ports, server URL, kubeconfig paths (read by cluster-down/-status)
        pids.json           the ProcessGroup state: stop-by-PID works from another command
        kubeconfigs/        admin.yaml, executor.yaml, alice.yaml, bob.yaml, carol.yaml, ...
        pki/ tokens.csv kwok.yaml etcd/ logs/ pod-logs/
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from kubernetes import client, config

from kubechat_devstack import builds, pki, rbac, seed
from kubechat_devstack.processes import (
    ManagedProcess,
    ProcessError,
    ProcessGroup,
    free_port,
    http_ok,
    pid_alive,
    stop_from_state,
)

NODE_ANNOTATION = "kwok.x-k8s.io/node"
POD_CIDR = "10.244.0.0/16"
# Identities that get a kubeconfig; the first four are internal to the control plane.
CONTROL_PLANE_USERS = {
    "kube-controller-manager": ("system:kube-controller-manager", ()),
    "kube-scheduler": ("system:kube-scheduler", ()),
    # kwok patches node and pod status across every namespace, like a kubelet fleet would.
    "kwok": ("kwok", ("system:masters",)),
    "admin": ("kubechat-admin", ("system:masters",)),
    "executor": (rbac.EXECUTOR_USER, ()),
}


class ClusterError(RuntimeError):
    """The cluster could not be started or found."""


class ClusterRunning(ClusterError):
    """A cluster with this name is already running."""


@dataclass(frozen=True)
class ClusterPorts:
    etcd_client: int
    etcd_peer: int
    apiserver: int
    controller_manager: int
    scheduler: int
    kwok: int

    @classmethod
    def auto(cls) -> ClusterPorts:
        picked: list[int] = []
        while len(picked) < 6:
            port = free_port()
            if port not in picked:
                picked.append(port)
        return cls(*picked)


@dataclass
class ClusterHandle:
    """A running (or recorded) test cluster and the credentials to reach it."""

    name: str
    directory: Path
    ports: ClusterPorts
    kubeconfigs: dict[str, Path]
    tokens: dict[str, str]
    group: ProcessGroup | None = field(default=None, repr=False)

    @property
    def server(self) -> str:
        return f"https://127.0.0.1:{self.ports.apiserver}"

    @property
    def ca_file(self) -> Path:
        return self.directory / "pki" / "ca.crt"

    @property
    def pid_file(self) -> Path:
        return self.directory / "pids.json"

    def kubeconfig(self, who: str = "admin") -> Path:
        return self.kubeconfigs[who]

    def api_client(self, who: str = "admin") -> client.ApiClient:
        """A kubernetes ApiClient authenticated as `who` (admin, executor, alice, bob, carol)."""
        path = str(self.kubeconfigs[who])
        api: client.ApiClient = config.new_client_from_config(config_file=path)  # type: ignore[no-untyped-call]
        return api

    def impersonating_client(
        self, user: str, groups: tuple[str, ...] = (), who: str = "executor"
    ) -> client.ApiClient:
        """A client that acts as `user` (and `groups`) through `who`'s impersonate right."""
        api = self.api_client(who)
        api.set_default_header("Impersonate-User", user)  # type: ignore[no-untyped-call]
        # The generated client sends one header value; several groups need one header each,
        # which urllib3 cannot express, so only the first group is supported here.
        if groups:
            api.set_default_header("Impersonate-Group", groups[0])  # type: ignore[no-untyped-call]
        return api

    def running(self) -> bool:
        if not self.pid_file.exists():
            return False
        state = json.loads(self.pid_file.read_text())
        return any(pid is not None and pid_alive(int(pid)) for pid in state["pids"].values())

    def stop(self) -> list[str]:
        if self.group is not None:
            names = [p.name for p in self.group.processes]
            self.group.stop()
            return names
        return stop_from_state(self.pid_file)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "directory": str(self.directory),
            "server": self.server,
            "ports": asdict(self.ports),
            "kubeconfigs": {k: str(v) for k, v in self.kubeconfigs.items()},
            "tokens": self.tokens,
        }

    @classmethod
    def load(cls, directory: Path) -> ClusterHandle:
        info_file = directory / "cluster.json"
        if not info_file.exists():
            raise ClusterError(f"no cluster recorded in {directory}")
        info = json.loads(info_file.read_text())
        return cls(
            name=info["name"],
            directory=directory,
            ports=ClusterPorts(**info["ports"]),
            kubeconfigs={k: Path(v) for k, v in info["kubeconfigs"].items()},
            tokens=dict(info["tokens"]),
        )


def default_base_dir() -> Path:
    """`$KUBECHAT_STATE`, else `<repo>/.devstack` (gitignored)."""
    env = os.environ.get("KUBECHAT_STATE")
    return Path(env) if env else builds.repo_root() / ".devstack"


def cluster_dir(name: str, base_dir: Path | None = None) -> Path:
    return (base_dir or default_base_dir()) / "clusters" / name


# ---------------------------------------------------------------- configuration rendering


def token_users(tokens: Mapping[str, str]) -> list[pki.TokenUser]:
    """The --token-auth-file entries. Persona tokens carry no groups: the groups are reached
    through impersonation, so user and group bindings are each exercised on their own."""
    users = [
        pki.TokenUser(name=user, token=tokens[key], uid=f"uid-{key}", groups=groups)
        for key, (user, groups) in CONTROL_PLANE_USERS.items()
    ]
    users += [
        pki.TokenUser(name=p.user, token=tokens[p.user], uid=f"uid-{p.user}") for p in rbac.PERSONAS
    ]
    return users


def kwok_config(upstream_stages: str, log_config: Mapping[str, Any]) -> str:
    """Upstream stages + ours + the ClusterLogs, as one multi-document kwok --config file.

    The upstream pod-ready stage would also match our crash-looping pods (kwok then picks one
    matching stage at random), so it is narrowed to pods without the simulate label.
    """
    documents = [d for d in yaml.safe_load_all(upstream_stages) if d]
    for doc in documents:
        if doc.get("kind") == "Stage" and doc["metadata"]["name"] == "pod-ready":
            doc["spec"]["selector"]["matchExpressions"].append(
                {"key": f'.metadata.labels["{seed.SIMULATE_LABEL}"]', "operator": "DoesNotExist"}
            )
    ours = resources.files("kubechat_devstack").joinpath("data/kwok-stages.yaml").read_text()
    documents += [d for d in yaml.safe_load_all(ours) if d]
    documents.append(dict(log_config))
    return yaml.safe_dump_all(documents, sort_keys=False)


def fake_node(name: str, index: int) -> dict[str, Any]:
    """A Node kwok will manage. No kwok taint: seeded workloads schedule without tolerations.
    Addresses and the kubelet port are filled in by kwok's node-initialize stage (--node-ip,
    --node-port), which is how the apiserver finds kwok's server for `logs`."""
    resources_ = {"cpu": "32", "memory": "128Gi", "pods": "110", "ephemeral-storage": "500Gi"}
    return {
        "apiVersion": "v1",
        "kind": "Node",
        "metadata": {
            "name": name,
            "annotations": {NODE_ANNOTATION: "fake", "node.alpha.kubernetes.io/ttl": "0"},
            "labels": {
                "kubernetes.io/os": "linux",
                "kubernetes.io/arch": "amd64",
                "kubernetes.io/hostname": name,
                "node-role.kubernetes.io/worker": "",
                "topology.kubernetes.io/zone": f"zone-{chr(ord('a') + index % 3)}",
                "type": "kwok",
            },
        },
        "status": {"allocatable": resources_, "capacity": resources_},
    }


# ---------------------------------------------------------------- process definitions


def _processes(
    directory: Path, ports: ClusterPorts, bins: builds.Binaries, paths: pki.PkiPaths
) -> list[tuple[ManagedProcess, float]]:
    """Each process with its start timeout, in start order."""
    logs = directory / "logs"
    kubeconfigs = directory / "kubeconfigs"
    etcd_url = f"http://127.0.0.1:{ports.etcd_client}"
    peer_url = f"http://127.0.0.1:{ports.etcd_peer}"
    etcd = ManagedProcess(
        name="etcd",
        argv=[
            str(bins.etcd),
            "--name=n0",
            f"--data-dir={directory / 'etcd'}",
            f"--listen-client-urls={etcd_url}",
            f"--advertise-client-urls={etcd_url}",
            f"--listen-peer-urls={peer_url}",
            f"--initial-advertise-peer-urls={peer_url}",
            f"--initial-cluster=n0={peer_url}",
            # Test data is disposable: skipping fsync removes most of etcd's disk latency.
            "--unsafe-no-fsync",
            "--log-level=warn",
        ],
        log_path=logs / "etcd.log",
        ready=http_ok(f"{etcd_url}/health"),
    )
    apiserver = ManagedProcess(
        name="kube-apiserver",
        argv=[
            str(bins.kube_apiserver),
            f"--etcd-servers={etcd_url}",
            "--bind-address=127.0.0.1",
            "--advertise-address=127.0.0.1",
            f"--secure-port={ports.apiserver}",
            f"--cert-dir={directory / 'pki'}",
            f"--tls-cert-file={paths.apiserver_crt}",
            f"--tls-private-key-file={paths.apiserver_key}",
            f"--client-ca-file={paths.ca_crt}",
            f"--token-auth-file={directory / 'tokens.csv'}",
            "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
            f"--service-account-key-file={paths.sa_pub}",
            f"--service-account-signing-key-file={paths.sa_key}",
            f"--service-cluster-ip-range={pki.SERVICE_CIDR}",
            "--authorization-mode=Node,RBAC",
            "--allow-privileged=true",
            # The loopback advertise address is not a valid endpoint for the `kubernetes`
            # Service; without this the apiserver keeps trying to publish it.
            "--endpoint-reconciler-type=none",
            # kwok's node-initialize stage sets InternalIP=127.0.0.1 and the kubelet port to
            # kwok's server; no --kubelet-certificate-authority means the apiserver does not
            # verify kwok's self-signed serving certificate (logs still go over TLS).
            "--kubelet-preferred-address-types=InternalIP",
            # CPU savers on a 2-core machine; fairness queuing is irrelevant for tests.
            "--enable-priority-and-fairness=false",
            "--profiling=false",
        ],
        log_path=logs / "kube-apiserver.log",
        ready=http_ok(f"https://127.0.0.1:{ports.apiserver}/readyz", cafile=paths.ca_crt),
    )
    controller_manager = ManagedProcess(
        name="kube-controller-manager",
        argv=[
            str(bins.kube_controller_manager),
            f"--kubeconfig={kubeconfigs / 'kube-controller-manager.yaml'}",
            "--leader-elect=false",
            "--bind-address=127.0.0.1",
            f"--secure-port={ports.controller_manager}",
            f"--cert-dir={directory / 'pki' / 'kcm'}",
            f"--service-account-private-key-file={paths.sa_key}",
            f"--root-ca-file={paths.ca_crt}",
            "--use-service-account-credentials=true",
            f"--cluster-signing-cert-file={paths.ca_crt}",
            f"--cluster-signing-key-file={paths.ca_key}",
            "--kube-api-qps=200",
            "--kube-api-burst=400",
            "--profiling=false",
        ],
        log_path=logs / "kube-controller-manager.log",
        ready=http_ok(f"https://127.0.0.1:{ports.controller_manager}/healthz", insecure=True),
    )
    scheduler = ManagedProcess(
        name="kube-scheduler",
        argv=[
            str(bins.kube_scheduler),
            f"--kubeconfig={kubeconfigs / 'kube-scheduler.yaml'}",
            "--leader-elect=false",
            "--bind-address=127.0.0.1",
            f"--secure-port={ports.scheduler}",
            f"--cert-dir={directory / 'pki' / 'scheduler'}",
            "--kube-api-qps=200",
            "--kube-api-burst=400",
            "--profiling=false",
        ],
        log_path=logs / "kube-scheduler.log",
        ready=http_ok(f"https://127.0.0.1:{ports.scheduler}/healthz", insecure=True),
    )
    kwok = ManagedProcess(
        name="kwok",
        argv=[
            str(bins.kwok),
            f"--kubeconfig={kubeconfigs / 'kwok.yaml'}",
            f"--config={directory / 'kwok.yaml'}",
            "--manage-all-nodes=false",
            f"--manage-nodes-with-annotation-selector={NODE_ANNOTATION}=fake",
            "--node-lease-duration-seconds=40",
            f"--cidr={POD_CIDR}",
            "--node-ip=127.0.0.1",
            f"--node-port={ports.kwok}",
            f"--server-address=127.0.0.1:{ports.kwok}",
        ],
        log_path=logs / "kwok.log",
        # kwok serves plain HTTP and HTTPS on the same port (it sniffs the first bytes).
        ready=http_ok(f"http://127.0.0.1:{ports.kwok}/healthz"),
    )
    return [
        (etcd, 30.0),
        (apiserver, 90.0),
        (controller_manager, 60.0),
        (scheduler, 60.0),
        (kwok, 60.0),
    ]


# ---------------------------------------------------------------- start / stop


def _write_config(directory: Path, ports: ClusterPorts, bins: builds.Binaries) -> ClusterHandle:
    paths = pki.make_pki(directory / "pki")
    keys = [*CONTROL_PLANE_USERS, *(p.user for p in rbac.PERSONAS)]
    tokens = {key: pki.new_token() for key in keys}
    tokens_file = directory / "tokens.csv"
    tokens_file.write_text(pki.render_tokens_csv(token_users(tokens)))
    tokens_file.chmod(0o600)

    kubeconfig_dir = directory / "kubeconfigs"
    kubeconfig_dir.mkdir(parents=True, exist_ok=True)
    server = f"https://127.0.0.1:{ports.apiserver}"
    kubeconfigs: dict[str, Path] = {}
    for key, user in [(k, u) for k, (u, _) in CONTROL_PLANE_USERS.items()] + [
        (p.user, p.user) for p in rbac.PERSONAS
    ]:
        path = kubeconfig_dir / f"{key}.yaml"
        path.write_text(
            pki.render_kubeconfig(server=server, ca_file=paths.ca_crt, user=user, token=tokens[key])
        )
        path.chmod(0o600)
        kubeconfigs[key] = path

    log_config = seed.write_log_files(directory / "pod-logs")
    (directory / "kwok.yaml").write_text(kwok_config(bins.kwok_stages.read_text(), log_config))
    handle = ClusterHandle(
        name=directory.name,
        directory=directory,
        ports=ports,
        kubeconfigs=kubeconfigs,
        tokens={p.user: tokens[p.user] for p in rbac.PERSONAS}
        | {"admin": tokens["admin"], "executor": tokens["executor"]},
    )
    (directory / "cluster.json").write_text(json.dumps(handle.to_json(), indent=2))
    return handle


def _wait_nodes_ready(api: client.ApiClient, names: list[str], timeout: float = 60.0) -> None:
    core = client.CoreV1Api(api)
    deadline = time.monotonic() + timeout
    not_ready = names
    while time.monotonic() < deadline:
        ready = set()
        for node in core.list_node(label_selector="type=kwok").items:
            conditions = (node.status.conditions if node.status else None) or []
            if any(c.type == "Ready" and c.status == "True" for c in conditions) and node.metadata:
                ready.add(str(node.metadata.name))
        not_ready = [n for n in names if n not in ready]
        if not not_ready:
            return
        time.sleep(0.2)
    raise ClusterError(f"fake nodes not Ready after {timeout}s: {not_ready}")


def _register_nodes(api: client.ApiClient, count: int) -> None:
    core = client.CoreV1Api(api)
    names = [f"kwok-node-{i}" for i in range(count)]
    for index, name in enumerate(names):
        try:
            # The client accepts plain manifests; its stubs only name the model class.
            core.create_node(fake_node(name, index))  # type: ignore[arg-type]
        except client.ApiException as exc:
            if exc.status != 409:
                raise
    _wait_nodes_ready(api, names)


def _apply_rbac(api: client.ApiClient) -> None:
    namespaces = [
        {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns}}
        for ns in sorted(rbac.persona_namespaces())
    ]
    seed.apply_objects(api, namespaces + rbac.rbac_objects())


def _launch(directory: Path, ports: ClusterPorts, bins: builds.Binaries) -> ClusterHandle:
    """Write the configuration and start the five processes, each gated on readiness."""
    handle = _write_config(directory, ports, bins)
    group = ProcessGroup(state_file=handle.pid_file)
    handle.group = group
    try:
        for process, timeout in _processes(
            directory, ports, bins, pki.PkiPaths.under(directory / "pki")
        ):
            group.start(process, timeout=timeout)
    except BaseException:
        group.stop()
        raise
    return handle


def start_cluster(
    name: str = "default",
    base_dir: Path | None = None,
    *,
    nodes: int = 3,
    ports: ClusterPorts | None = None,
    with_seed: bool = True,
    build: bool = True,
) -> ClusterHandle:
    """Start a fresh cluster named `name` under `base_dir` and return its handle.

    The directory is wiped first: a test cluster starts from a known state every time.
    Raises ClusterRunning if a cluster of that name is still running.
    """
    directory = cluster_dir(name, base_dir)
    if directory.exists():
        try:
            if ClusterHandle.load(directory).running():
                raise ClusterRunning(f"cluster {name!r} is already running in {directory}")
        except ClusterRunning:
            raise
        except (ClusterError, OSError, ValueError, KeyError):
            pass
        stop_from_state(directory / "pids.json")
        shutil.rmtree(directory)
    directory.mkdir(parents=True)

    bins = builds.ensure_binaries(build=build)
    # free_port() only says a port was free a moment ago; another cluster starting at the same
    # time can take it first. Then the process exits with EADDRINUSE and we retry with fresh
    # ports (only when the ports were ours to choose).
    for attempt in range(3):
        try:
            handle = _launch(directory, ports or ClusterPorts.auto(), bins)
            break
        except ProcessError as exc:
            if ports is not None or "address already in use" not in str(exc) or attempt == 2:
                raise
            shutil.rmtree(directory)
            directory.mkdir(parents=True)
    try:
        api = handle.api_client("admin")
        _apply_rbac(api)
        _register_nodes(api, nodes)
        if with_seed:
            seed.seed(api)
    except BaseException:
        handle.stop()
        raise
    return handle


def stop_cluster(name: str = "default", base_dir: Path | None = None) -> list[str]:
    """Stop every process of cluster `name` by PID; works from a separate invocation."""
    return stop_from_state(cluster_dir(name, base_dir) / "pids.json")


def cluster_status(name: str = "default", base_dir: Path | None = None) -> dict[str, Any]:
    directory = cluster_dir(name, base_dir)
    status: dict[str, Any] = {"name": name, "directory": str(directory), "processes": {}}
    pid_file = directory / "pids.json"
    if pid_file.exists():
        state = json.loads(pid_file.read_text())
        for proc, pid in state["pids"].items():
            status["processes"][proc] = {
                "pid": pid,
                "alive": pid is not None and pid_alive(int(pid)),
            }
    try:
        handle = ClusterHandle.load(directory)
    except ClusterError:
        status["running"] = False
        return status
    status["server"] = handle.server
    status["kubeconfig"] = str(handle.kubeconfig("admin"))
    status["ready"] = http_ok(f"{handle.server}/readyz", cafile=handle.ca_file)()
    status["running"] = any(p["alive"] for p in status["processes"].values())
    return status


def start_for_dev(base_dir: Path) -> tuple[Path, Callable[[], None]]:
    """The `dev.ClusterStarter` shape: a seeded cluster named `dev`, its admin kubeconfig,
    and a stop function. The executor's impersonate-only kubeconfig is next to it
    (`executor.yaml` in the same directory)."""
    handle = start_cluster("dev", base_dir, nodes=3)

    def stop() -> None:
        handle.stop()

    return handle.kubeconfig("admin"), stop
