"""RBAC personas of the test bed, applied at cluster-up.

The personas exist so tests can check that KubeChat never lets a user do more than
Kubernetes itself would let them do:

| persona | group                  | may                                               |
|---------|------------------------|---------------------------------------------------|
| alice   | kubechat:viewers-dev   | read (ClusterRole `view`) in namespace `dev` only  |
| bob     | kubechat:operators     | `edit` in `staging` and `prod`; no namespace delete |
| carol   | kubechat:admins        | cluster-admin                                     |

`kubechat-view-watcher` (impersonated only) may list and watch the kinds whose arrivals
mark the executor's cached cluster views stale.

Each binding names both the user and the group, so the same rights are reachable with the
user's static token *and* by impersonating any user in the group. The executor's own service
identity `kubechat-executor` may only impersonate: everything it does against the cluster
happens as the end user, and RBAC decides.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

EXECUTOR_USER = "kubechat-executor"
IMPERSONATOR_ROLE = "kubechat:impersonator"
# Impersonated by the executor (KUBECHAT_VIEW_WATCH_USER) to watch for objects coming and
# going, which only marks cached cluster views stale: it may list and watch, nothing else.
VIEW_WATCHER_USER = "kubechat-view-watcher"
VIEW_WATCHER_ROLE = "kubechat:view-watcher"
MANAGED_BY = {"app.kubernetes.io/managed-by": "kubechat-devstack"}


@dataclass(frozen=True)
class Persona:
    user: str
    group: str
    cluster_role: str
    # Empty means a ClusterRoleBinding (cluster-wide).
    namespaces: tuple[str, ...]


PERSONAS: tuple[Persona, ...] = (
    Persona("alice", "kubechat:viewers-dev", "view", ("dev",)),
    Persona("bob", "kubechat:operators", "edit", ("staging", "prod")),
    Persona("carol", "kubechat:admins", "cluster-admin", ()),
)


def _subjects(persona: Persona) -> list[dict[str, str]]:
    group = "rbac.authorization.k8s.io"
    return [
        {"kind": "User", "apiGroup": group, "name": persona.user},
        {"kind": "Group", "apiGroup": group, "name": persona.group},
    ]


def rbac_objects() -> list[dict[str, Any]]:
    """Every RBAC object the test bed needs, as plain manifests (pure; unit-tested)."""
    objects: list[dict[str, Any]] = []
    role_ref_group = "rbac.authorization.k8s.io"
    for persona in PERSONAS:
        role_ref = {"apiGroup": role_ref_group, "kind": "ClusterRole", "name": persona.cluster_role}
        name = f"kubechat:{persona.user}-{persona.cluster_role}"
        if not persona.namespaces:
            objects.append(
                {
                    "apiVersion": "rbac.authorization.k8s.io/v1",
                    "kind": "ClusterRoleBinding",
                    "metadata": {"name": name, "labels": dict(MANAGED_BY)},
                    "roleRef": role_ref,
                    "subjects": _subjects(persona),
                }
            )
        for namespace in persona.namespaces:
            objects.append(
                {
                    "apiVersion": "rbac.authorization.k8s.io/v1",
                    "kind": "RoleBinding",
                    "metadata": {"name": name, "namespace": namespace, "labels": dict(MANAGED_BY)},
                    "roleRef": role_ref,
                    "subjects": _subjects(persona),
                }
            )
    objects.append(
        {
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "kind": "ClusterRole",
            "metadata": {"name": IMPERSONATOR_ROLE, "labels": dict(MANAGED_BY)},
            "rules": [
                {
                    "apiGroups": [""],
                    "resources": ["users", "groups", "serviceaccounts"],
                    "verbs": ["impersonate"],
                }
            ],
        }
    )
    objects.append(
        {
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "kind": "ClusterRoleBinding",
            "metadata": {"name": IMPERSONATOR_ROLE, "labels": dict(MANAGED_BY)},
            "roleRef": {
                "apiGroup": role_ref_group,
                "kind": "ClusterRole",
                "name": IMPERSONATOR_ROLE,
            },
            "subjects": [{"kind": "User", "apiGroup": role_ref_group, "name": EXECUTOR_USER}],
        }
    )
    return objects + _view_watcher()


def _view_watcher() -> list[dict[str, Any]]:
    group = "rbac.authorization.k8s.io"
    rules = [
        {"apiGroups": [""], "resources": ["namespaces", "pods", "services"]},
        {"apiGroups": ["apps"], "resources": ["deployments", "statefulsets", "daemonsets"]},
        {"apiGroups": ["batch"], "resources": ["jobs", "cronjobs"]},
    ]
    meta = {"name": VIEW_WATCHER_ROLE, "labels": dict(MANAGED_BY)}
    return [
        {
            "apiVersion": f"{group}/v1",
            "kind": "ClusterRole",
            "metadata": meta,
            "rules": [{**rule, "verbs": ["list", "watch"]} for rule in rules],
        },
        {
            "apiVersion": f"{group}/v1",
            "kind": "ClusterRoleBinding",
            "metadata": dict(meta),
            "roleRef": {"apiGroup": group, "kind": "ClusterRole", "name": VIEW_WATCHER_ROLE},
            "subjects": [{"kind": "User", "apiGroup": group, "name": VIEW_WATCHER_USER}],
        },
    ]


def persona_namespaces() -> set[str]:
    """Namespaces that must exist before the RoleBindings can be created."""
    return {ns for persona in PERSONAS for ns in persona.namespaces}


def view_env(namespaces: Iterable[str]) -> dict[str, str]:
    """Executor settings for cluster views on the test bed: the namespaces to look into for
    users who may not list namespaces, and the identity whose watches mark views stale."""
    return {
        "KUBECHAT_VIEW_NAMESPACES": json.dumps(list(namespaces)),
        "KUBECHAT_VIEW_WATCH_USER": VIEW_WATCHER_USER,
    }
