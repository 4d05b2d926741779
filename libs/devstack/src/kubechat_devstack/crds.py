"""Custom resources of the test bed: two CRDs as real clusters carry them (cert-manager's
Certificate, Strimzi's KafkaTopic) and a few instances, so discovery reports kinds that
no built-in table knows and "list the certificates in prod" or "show kafka topics" can be
tried against a cluster.

The schemas are minimal (`x-kubernetes-preserve-unknown-fields`): no controller runs, the
objects only have to exist. As the real charts do, ClusterRoles aggregate read access into
`view` (alice in dev, and everyone above) and write access into `edit` and `admin`.
"""

from __future__ import annotations

import time
from typing import Any

from kubernetes import client

SEED_LABEL = {"app.kubernetes.io/part-of": "kubechat-seed"}
# (group, version, kind, plural, short names)
CRDS: tuple[tuple[str, str, str, str, tuple[str, ...]], ...] = (
    ("cert-manager.io", "v1", "Certificate", "certificates", ("cert", "certs")),
    ("kafka.strimzi.io", "v1beta2", "KafkaTopic", "kafkatopics", ("kt",)),
)


def crd(group: str, version: str, kind: str, plural: str, short: tuple[str, ...]) -> dict[str, Any]:
    return {
        "apiVersion": "apiextensions.k8s.io/v1",
        "kind": "CustomResourceDefinition",
        "metadata": {"name": f"{plural}.{group}", "labels": dict(SEED_LABEL)},
        "spec": {
            "group": group,
            "scope": "Namespaced",
            "names": {
                "kind": kind,
                "listKind": f"{kind}List",
                "plural": plural,
                "singular": kind.lower(),
                "shortNames": list(short),
            },
            "versions": [
                {
                    "name": version,
                    "served": True,
                    "storage": True,
                    "schema": {
                        "openAPIV3Schema": {
                            "type": "object",
                            "x-kubernetes-preserve-unknown-fields": True,
                        }
                    },
                }
            ],
        },
    }


def _aggregated_role(name: str, verbs: list[str], *roles: str) -> dict[str, Any]:
    labels = {f"rbac.authorization.k8s.io/aggregate-to-{role}": "true" for role in roles}
    return {
        "apiVersion": "rbac.authorization.k8s.io/v1",
        "kind": "ClusterRole",
        "metadata": {"name": name, "labels": {**SEED_LABEL, **labels}},
        "rules": [
            {
                "apiGroups": sorted({group for group, *_ in CRDS}),
                "resources": [plural for _, _, _, plural, _ in CRDS],
                "verbs": verbs,
            }
        ],
    }


def crd_objects() -> list[dict[str, Any]]:
    """The CRDs and the roles that let the personas read and edit their instances."""
    return [
        *(crd(*entry) for entry in CRDS),
        _aggregated_role(
            "kubechat-seed:crds-view", ["get", "list", "watch"], "view", "edit", "admin"
        ),
        _aggregated_role(
            "kubechat-seed:crds-edit",
            ["create", "delete", "deletecollection", "patch", "update"],
            "edit",
            "admin",
        ),
    ]


def _certificate(name: str, namespace: str, host: str) -> dict[str, Any]:
    return {
        "apiVersion": "cert-manager.io/v1",
        "kind": "Certificate",
        "metadata": {"name": name, "namespace": namespace, "labels": dict(SEED_LABEL)},
        "spec": {
            "secretName": name,
            "dnsNames": [host],
            "issuerRef": {"name": "letsencrypt", "kind": "ClusterIssuer"},
        },
    }


def _topic(name: str, namespace: str, partitions: int) -> dict[str, Any]:
    labels = {**SEED_LABEL, "strimzi.io/cluster": "events"}
    return {
        "apiVersion": "kafka.strimzi.io/v1beta2",
        "kind": "KafkaTopic",
        "metadata": {"name": name, "namespace": namespace, "labels": labels},
        "spec": {"partitions": partitions, "replicas": 3},
    }


def custom_objects() -> list[dict[str, Any]]:
    """Instances, applied once their CRDs are established."""
    return [
        _certificate("shop-tls", "prod", "shop.example.com"),
        _certificate("payments-api-tls", "payments", "pay.example.com"),
        _topic("orders", "prod", 6),
        _topic("payments-events", "payments", 3),
    ]


def wait_established(api: client.ApiClient, timeout: float = 30.0) -> None:
    """A CRD serves its kind only once the API server says it is Established."""
    extensions = client.ApiextensionsV1Api(api)
    pending = {f"{plural}.{group}" for group, _, _, plural, _ in CRDS}
    deadline = time.monotonic() + timeout
    while pending and time.monotonic() < deadline:
        for name in list(pending):
            status = extensions.read_custom_resource_definition(name).status
            conditions = (status.conditions if status else None) or []
            if any(c.type == "Established" and c.status == "True" for c in conditions):
                pending.discard(name)
        if pending:
            time.sleep(0.2)
    if pending:
        raise TimeoutError(f"CRDs not established after {timeout}s: {sorted(pending)}")
