"""Seed data for the test bed: a small but realistic multi-namespace workload.

Applied with server-side apply through the Python kubernetes client, so seeding twice is a
no-op. Fake behaviour comes from real machinery wherever possible:

- `payments/payments-worker` crash-loops: its pods carry `kubechat.dev/simulate=crashloop`,
  which our KWOK stages (data/kwok-stages.yaml) turn into CrashLoopBackOff with a growing
  restartCount.
- `payments/ledger-reporter` is stuck Pending for a real reason: it requests more CPU than any
  fake node has, so the real scheduler reports `Insufficient cpu`.
- `prod/postgres-data` is Bound to a static PV by the real PV controller; `prod/uploads` stays
  Pending because its StorageClass names a CSI provisioner that does not run.
- Pod logs are served by KWOK from files written at cluster-up (see `write_log_files`).
- Two CRDs (cert-manager's Certificate, Strimzi's KafkaTopic) with instances in `prod` and
  `payments`, so discovery reports custom kinds (see `crds.py`).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from kubernetes import client
from kubernetes.dynamic import DynamicClient

from kubechat_devstack import crds

SEED_LABEL = {"app.kubernetes.io/part-of": "kubechat-seed"}
SIMULATE_LABEL = "kubechat.dev/simulate"
NAMESPACES = ("dev", "staging", "prod", "payments")
FIELD_MANAGER = "kubechat-devstack"

# Lines every container of that name prints; KWOK serves them as `kubectl logs` output.
LOG_LINES: Mapping[str, tuple[str, ...]] = {
    "checkout": (
        "INFO checkout starting version=2.4.1",
        "INFO listening on :8080",
        "WARN slow upstream payments-api latency_ms=812",
        "INFO order placed order_id=A1001 total=42.50",
    ),
    "frontend": (
        "INFO frontend starting version=5.0.3",
        "INFO GET / 200 3ms",
        "INFO GET /cart 200 7ms",
    ),
    "search": (
        "INFO search starting index=products",
        "INFO index loaded documents=12840",
    ),
    "payments-api": (
        "INFO payments-api starting version=1.9.0",
        "INFO connected to ledger db",
        "INFO charge ok id=ch_01 amount=42.50",
    ),
    "payments-worker": (
        "INFO payments-worker starting",
        "ERROR failed to connect to queue: dial tcp 10.96.0.50:5672: connect: connection refused",
        "panic: queue unavailable",
    ),
}
FALLBACK_LOG = ("INFO container started",)
LOG_TIMESTAMP = "2026-01-01T00:00:00Z"


def cri_log(lines: Iterable[str], *, stream: str = "stdout") -> str:
    """Lines in the CRI log format that KWOK (and the kubelet) read: `<ts> <stream> F <msg>`."""
    return "".join(f"{LOG_TIMESTAMP} {stream} F {line}\n" for line in lines)


def write_log_files(log_dir: Path) -> dict[str, Any]:
    """Write one log file per seeded container name and return the KWOK ClusterLogs object.

    KWOK picks the entry whose `containers` lists the container's name, else the entry
    without `containers`. `previousLogsFile` answers `logs --previous`.
    """
    log_dir.mkdir(parents=True, exist_ok=True)
    entries: list[dict[str, Any]] = []
    for container, lines in LOG_LINES.items():
        path = log_dir / f"{container}.log"
        path.write_text(cri_log(lines))
        entries.append(
            {
                "containers": [container],
                "logsFile": str(path),
                "previousLogsFile": str(path),
                "follow": False,
            }
        )
    fallback = log_dir / "default.log"
    fallback.write_text(cri_log(FALLBACK_LOG))
    entries.append({"logsFile": str(fallback), "follow": False})
    return {
        "apiVersion": "kwok.x-k8s.io/v1alpha1",
        "kind": "ClusterLogs",
        "metadata": {"name": "kubechat-seed-logs"},
        "spec": {"logs": entries},
    }


def _meta(name: str, namespace: str | None = None, **labels: str) -> dict[str, Any]:
    meta: dict[str, Any] = {"name": name, "labels": {**SEED_LABEL, **labels}}
    if namespace:
        meta["namespace"] = namespace
    return meta


def _pod_template(
    app: str,
    image: str,
    *,
    cpu: str = "50m",
    memory: str = "64Mi",
    extra_labels: Mapping[str, str] | None = None,
    env_from: str | None = None,
) -> dict[str, Any]:
    container: dict[str, Any] = {
        "name": app,
        "image": image,
        "ports": [{"containerPort": 8080, "name": "http"}],
        "resources": {
            "requests": {"cpu": cpu, "memory": memory},
            "limits": {"memory": memory},
        },
    }
    if env_from:
        container["envFrom"] = [{"configMapRef": {"name": env_from}}]
    return {
        "metadata": {"labels": {"app": app, **SEED_LABEL, **(extra_labels or {})}},
        "spec": {"containers": [container]},
    }


def deployment(
    name: str,
    namespace: str,
    replicas: int,
    image: str,
    *,
    cpu: str = "50m",
    extra_labels: Mapping[str, str] | None = None,
    env_from: str | None = None,
) -> dict[str, Any]:
    return {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": _meta(name, namespace, app=name),
        "spec": {
            "replicas": replicas,
            "selector": {"matchLabels": {"app": name}},
            "template": _pod_template(
                name, image, cpu=cpu, extra_labels=extra_labels, env_from=env_from
            ),
        },
    }


def service(name: str, namespace: str) -> dict[str, Any]:
    return {
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": _meta(name, namespace, app=name),
        "spec": {
            "selector": {"app": name},
            "ports": [{"name": "http", "port": 80, "targetPort": "http"}],
        },
    }


def configmap(name: str, namespace: str, data: Mapping[str, str]) -> dict[str, Any]:
    return {
        "apiVersion": "v1",
        "kind": "ConfigMap",
        "metadata": _meta(name, namespace),
        "data": dict(data),
    }


def secret(name: str, namespace: str, data: Mapping[str, str]) -> dict[str, Any]:
    return {
        "apiVersion": "v1",
        "kind": "Secret",
        "metadata": _meta(name, namespace),
        "type": "Opaque",
        "stringData": dict(data),
    }


# (name, namespace, replicas, image)
DEPLOYMENTS: tuple[tuple[str, str, int, str], ...] = (
    ("frontend", "dev", 1, "registry.example.com/shop/frontend:5.1.0-rc1"),
    ("search", "dev", 1, "registry.example.com/shop/search:3.3.0"),
    ("checkout", "staging", 2, "registry.example.com/shop/checkout:2.5.0"),
    ("frontend", "staging", 1, "registry.example.com/shop/frontend:5.0.3"),
    ("checkout", "prod", 3, "registry.example.com/shop/checkout:2.4.1"),
    ("frontend", "prod", 2, "registry.example.com/shop/frontend:5.0.3"),
    ("search", "prod", 2, "registry.example.com/shop/search:3.2.7"),
    ("payments-api", "payments", 2, "registry.example.com/pay/payments-api:1.9.0"),
)


def seed_objects() -> list[dict[str, Any]]:
    """All seed manifests in dependency order (pure; unit-tested)."""
    objs: list[dict[str, Any]] = [
        {"apiVersion": "v1", "kind": "Namespace", "metadata": _meta(ns)} for ns in NAMESPACES
    ]
    # Storage first: the PV controller tries to bind a claim as soon as it sees it.
    objs += [
        _storage_class("manual", "kubernetes.io/no-provisioner"),
        _storage_class("fast-ssd", "ebs.csi.example.com"),
        _persistent_volume(),
    ]
    for name, namespace, replicas, image in DEPLOYMENTS:
        config = f"{name}-config"
        objs.append(configmap(config, namespace, {"LOG_LEVEL": "info", "ENVIRONMENT": namespace}))
        objs.append(deployment(name, namespace, replicas, image, env_from=config))
        objs.append(service(name, namespace))
    objs += [
        secret("checkout-db", "prod", {"username": "checkout", "password": "not-a-real-password"}),
        secret("checkout-db", "staging", {"username": "checkout", "password": "staging-pass"}),
        secret("stripe-api-key", "payments", {"api-key": "sk_test_not_real"}),
        # Crash-looping (see module docstring).
        deployment(
            "payments-worker",
            "payments",
            1,
            "registry.example.com/pay/payments-worker:1.9.0",
            extra_labels={SIMULATE_LABEL: "crashloop"},
        ),
        # Pending: 64 CPUs is more than any fake node offers.
        deployment(
            "ledger-reporter", "payments", 1, "registry.example.com/pay/ledger:0.3.0", cpu="64"
        ),
        _statefulset(),
        _daemonset(),
        _job(),
        _cronjob(),
        _hpa(),
        _ingress(),
        _pvc("postgres-data", "prod", "manual", "1Gi"),
        _pvc("uploads", "prod", "fast-ssd", "5Gi"),
    ]
    return objs


def _statefulset() -> dict[str, Any]:
    return {
        "apiVersion": "apps/v1",
        "kind": "StatefulSet",
        "metadata": _meta("redis", "prod", app="redis"),
        "spec": {
            "serviceName": "redis",
            "replicas": 2,
            "selector": {"matchLabels": {"app": "redis"}},
            "template": _pod_template("redis", "registry.example.com/library/redis:7.2"),
        },
    }


def _daemonset() -> dict[str, Any]:
    return {
        "apiVersion": "apps/v1",
        "kind": "DaemonSet",
        "metadata": _meta("log-shipper", "prod", app="log-shipper"),
        "spec": {
            "selector": {"matchLabels": {"app": "log-shipper"}},
            "template": _pod_template("log-shipper", "registry.example.com/obs/shipper:1.0.0"),
        },
    }


def _job_spec() -> dict[str, Any]:
    template = _pod_template("db-migrate", "registry.example.com/shop/migrate:2.5.0")
    template["spec"]["restartPolicy"] = "Never"
    return {"backoffLimit": 1, "template": template}


def _job() -> dict[str, Any]:
    return {
        "apiVersion": "batch/v1",
        "kind": "Job",
        "metadata": _meta("db-migrate", "staging", app="db-migrate"),
        "spec": _job_spec(),
    }


def _cronjob() -> dict[str, Any]:
    return {
        "apiVersion": "batch/v1",
        "kind": "CronJob",
        "metadata": _meta("nightly-report", "prod", app="nightly-report"),
        "spec": {"schedule": "0 2 * * *", "jobTemplate": {"spec": _job_spec()}},
    }


def _hpa() -> dict[str, Any]:
    return {
        "apiVersion": "autoscaling/v2",
        "kind": "HorizontalPodAutoscaler",
        "metadata": _meta("checkout", "prod"),
        "spec": {
            "scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "checkout"},
            "minReplicas": 3,
            "maxReplicas": 10,
            "metrics": [
                {
                    "type": "Resource",
                    "resource": {
                        "name": "cpu",
                        "target": {"type": "Utilization", "averageUtilization": 70},
                    },
                }
            ],
        },
    }


def _ingress() -> dict[str, Any]:
    def path(prefix: str, svc: str) -> dict[str, Any]:
        return {
            "path": prefix,
            "pathType": "Prefix",
            "backend": {"service": {"name": svc, "port": {"number": 80}}},
        }

    return {
        "apiVersion": "networking.k8s.io/v1",
        "kind": "Ingress",
        "metadata": _meta("shop", "prod"),
        "spec": {
            "rules": [
                {
                    "host": "shop.example.com",
                    "http": {"paths": [path("/checkout", "checkout"), path("/", "frontend")]},
                }
            ]
        },
    }


def _storage_class(name: str, provisioner: str) -> dict[str, Any]:
    # `fast-ssd` names a CSI driver that does not run here: its claims stay Pending with
    # "waiting for a volume to be created", as on a cluster whose provisioner is down.
    return {
        "apiVersion": "storage.k8s.io/v1",
        "kind": "StorageClass",
        "metadata": _meta(name),
        "provisioner": provisioner,
        "volumeBindingMode": "Immediate",
        "reclaimPolicy": "Retain",
    }


def _persistent_volume() -> dict[str, Any]:
    return {
        "apiVersion": "v1",
        "kind": "PersistentVolume",
        "metadata": _meta("pv-postgres-data"),
        "spec": {
            "capacity": {"storage": "1Gi"},
            "accessModes": ["ReadWriteOnce"],
            "storageClassName": "manual",
            "persistentVolumeReclaimPolicy": "Retain",
            "hostPath": {"path": "/tmp/kubechat-fake-pv"},
        },
    }


def _pvc(name: str, namespace: str, storage_class: str, size: str) -> dict[str, Any]:
    return {
        "apiVersion": "v1",
        "kind": "PersistentVolumeClaim",
        "metadata": _meta(name, namespace),
        "spec": {
            "accessModes": ["ReadWriteOnce"],
            "storageClassName": storage_class,
            "resources": {"requests": {"storage": size}},
        },
    }


def apply_objects(api: client.ApiClient, objects: Iterable[Mapping[str, Any]]) -> None:
    """Server-side apply each manifest (create or converge; safe to repeat)."""
    dynamic = DynamicClient(api)  # type: ignore[no-untyped-call]  # untyped upstream
    for obj in objects:
        resource = dynamic.resources.get(api_version=obj["apiVersion"], kind=obj["kind"])
        meta = obj["metadata"]
        resource.server_side_apply(
            body=dict(obj),
            name=meta["name"],
            namespace=meta.get("namespace"),
            field_manager=FIELD_MANAGER,
            force_conflicts=True,
        )


def wait_for_default_service_accounts(
    api: client.ApiClient, namespaces: Iterable[str], timeout: float = 60.0
) -> None:
    """Pods are rejected by admission until the controller-manager made `default` SAs."""
    core = client.CoreV1Api(api)
    pending = set(namespaces)
    deadline = time.monotonic() + timeout
    while pending and time.monotonic() < deadline:
        for namespace in list(pending):
            try:
                core.read_namespaced_service_account("default", namespace)
                pending.discard(namespace)
            except client.ApiException as exc:
                if exc.status != 404:
                    raise
        if pending:
            time.sleep(0.2)
    if pending:
        raise TimeoutError(f"no default ServiceAccount in {sorted(pending)} after {timeout}s")


def wait_for_seed(api: client.ApiClient, timeout: float = 90.0) -> None:
    """Block until every healthy seeded Deployment has all replicas available."""
    apps = client.AppsV1Api(api)
    deadline = time.monotonic() + timeout
    waiting: list[str] = []
    while time.monotonic() < deadline:
        waiting = []
        for name, namespace, replicas, _ in DEPLOYMENTS:
            dep = apps.read_namespaced_deployment(name, namespace)
            available = dep.status.available_replicas if dep.status else None
            if (available or 0) < replicas:
                waiting.append(f"{namespace}/{name}")
        if not waiting:
            return
        time.sleep(0.3)
    raise TimeoutError(f"seeded deployments not available after {timeout}s: {waiting}")


def seed(api: client.ApiClient, *, wait: bool = True) -> None:
    objects = seed_objects()
    namespaces = [o for o in objects if o["kind"] == "Namespace"]
    # CRDs go in with the namespaces: they get established while the ServiceAccounts come.
    apply_objects(api, namespaces + crds.crd_objects())
    wait_for_default_service_accounts(api, NAMESPACES)
    crds.wait_established(api)
    apply_objects(api, [o for o in objects if o["kind"] != "Namespace"] + crds.custom_objects())
    if wait:
        wait_for_seed(api)
