"""RBAC personas of the test bed, applied at cluster-up.

The personas exist so tests can check that KubeChat never lets a user do more than
Kubernetes itself would let them do:

| persona | group                  | may                                               |
|---------|------------------------|---------------------------------------------------|
| alice   | kubechat:viewers-dev   | read (ClusterRole `view`) in namespace `dev` only  |
| bob     | kubechat:operators     | `edit` in `staging` and `prod`; no namespace delete |
| carol   | kubechat:admins        | cluster-admin                                     |

Each binding names both the user and the group, so the same rights are reachable with the
user's static token *and* by impersonating any user in the group. The executor's own service
identity `kubechat-executor` may only impersonate: everything it does against the cluster
happens as the end user, and RBAC decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

EXECUTOR_USER = "kubechat-executor"
IMPERSONATOR_ROLE = "kubechat:impersonator"
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
    return objects


def persona_namespaces() -> set[str]:
    """Namespaces that must exist before the RoleBindings can be created."""
    return {ns for persona in PERSONAS for ns in persona.namespaces}
