"""What kubectl itself knows about names and flags, as the equivalence check needs it.

Kept apart from the parser's `kinds.py` on purpose: the scorer must not grow more lenient
because someone adds a synonym to the parser's table. Every entry here is what `kubectl
api-resources` prints on a stock cluster (plural, short names, group, namespaced) or a
flag as kubectl's own command definitions declare it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class KubectlKind:
    plural: str
    kind: str
    group: str
    version: str
    namespaced: bool
    short_names: tuple[str, ...] = ()


_API_RESOURCES: tuple[KubectlKind, ...] = (
    KubectlKind("bindings", "Binding", "", "v1", True),
    KubectlKind("componentstatuses", "ComponentStatus", "", "v1", False, ("cs",)),
    KubectlKind("configmaps", "ConfigMap", "", "v1", True, ("cm",)),
    KubectlKind("endpoints", "Endpoints", "", "v1", True, ("ep",)),
    KubectlKind("events", "Event", "", "v1", True, ("ev",)),
    KubectlKind("limitranges", "LimitRange", "", "v1", True, ("limits",)),
    KubectlKind("namespaces", "Namespace", "", "v1", False, ("ns",)),
    KubectlKind("nodes", "Node", "", "v1", False, ("no",)),
    KubectlKind("persistentvolumeclaims", "PersistentVolumeClaim", "", "v1", True, ("pvc",)),
    KubectlKind("persistentvolumes", "PersistentVolume", "", "v1", False, ("pv",)),
    KubectlKind("pods", "Pod", "", "v1", True, ("po",)),
    KubectlKind("podtemplates", "PodTemplate", "", "v1", True),
    KubectlKind("replicationcontrollers", "ReplicationController", "", "v1", True, ("rc",)),
    KubectlKind("resourcequotas", "ResourceQuota", "", "v1", True, ("quota",)),
    KubectlKind("secrets", "Secret", "", "v1", True),
    KubectlKind("serviceaccounts", "ServiceAccount", "", "v1", True, ("sa",)),
    KubectlKind("services", "Service", "", "v1", True, ("svc",)),
    KubectlKind(
        "mutatingwebhookconfigurations",
        "MutatingWebhookConfiguration",
        "admissionregistration.k8s.io",
        "v1",
        False,
    ),
    KubectlKind(
        "validatingwebhookconfigurations",
        "ValidatingWebhookConfiguration",
        "admissionregistration.k8s.io",
        "v1",
        False,
    ),
    KubectlKind(
        "customresourcedefinitions",
        "CustomResourceDefinition",
        "apiextensions.k8s.io",
        "v1",
        False,
        ("crd", "crds"),
    ),
    KubectlKind("apiservices", "APIService", "apiregistration.k8s.io", "v1", False),
    KubectlKind("controllerrevisions", "ControllerRevision", "apps", "v1", True),
    KubectlKind("daemonsets", "DaemonSet", "apps", "v1", True, ("ds",)),
    KubectlKind("deployments", "Deployment", "apps", "v1", True, ("deploy",)),
    KubectlKind("replicasets", "ReplicaSet", "apps", "v1", True, ("rs",)),
    KubectlKind("statefulsets", "StatefulSet", "apps", "v1", True, ("sts",)),
    KubectlKind(
        "horizontalpodautoscalers", "HorizontalPodAutoscaler", "autoscaling", "v2", True, ("hpa",)
    ),
    KubectlKind("cronjobs", "CronJob", "batch", "v1", True, ("cj",)),
    KubectlKind("jobs", "Job", "batch", "v1", True),
    KubectlKind(
        "certificatesigningrequests",
        "CertificateSigningRequest",
        "certificates.k8s.io",
        "v1",
        False,
        ("csr",),
    ),
    KubectlKind("leases", "Lease", "coordination.k8s.io", "v1", True),
    KubectlKind("endpointslices", "EndpointSlice", "discovery.k8s.io", "v1", True),
    KubectlKind("ingressclasses", "IngressClass", "networking.k8s.io", "v1", False),
    KubectlKind("ingresses", "Ingress", "networking.k8s.io", "v1", True, ("ing",)),
    KubectlKind("networkpolicies", "NetworkPolicy", "networking.k8s.io", "v1", True, ("netpol",)),
    KubectlKind("runtimeclasses", "RuntimeClass", "node.k8s.io", "v1", False),
    KubectlKind("poddisruptionbudgets", "PodDisruptionBudget", "policy", "v1", True, ("pdb",)),
    KubectlKind(
        "clusterrolebindings", "ClusterRoleBinding", "rbac.authorization.k8s.io", "v1", False
    ),
    KubectlKind("clusterroles", "ClusterRole", "rbac.authorization.k8s.io", "v1", False),
    KubectlKind("rolebindings", "RoleBinding", "rbac.authorization.k8s.io", "v1", True),
    KubectlKind("roles", "Role", "rbac.authorization.k8s.io", "v1", True),
    KubectlKind("priorityclasses", "PriorityClass", "scheduling.k8s.io", "v1", False, ("pc",)),
    KubectlKind("csidrivers", "CSIDriver", "storage.k8s.io", "v1", False),
    KubectlKind("csinodes", "CSINode", "storage.k8s.io", "v1", False),
    KubectlKind("storageclasses", "StorageClass", "storage.k8s.io", "v1", False, ("sc",)),
    KubectlKind("volumeattachments", "VolumeAttachment", "storage.k8s.io", "v1", False),
)


def _alias_table() -> dict[str, str]:
    """Every spelling kubectl's REST mapper resolves to a resource: plural, singular (the
    lower-cased kind), short names, and the `.group` / `.version.group` qualified forms."""
    table: dict[str, str] = {}
    for entry in _API_RESOURCES:
        singular = entry.kind.lower()
        for word in (entry.plural, singular, *entry.short_names):
            table[word] = entry.plural
        if entry.group:
            for word in (entry.plural, singular):
                table[f"{word}.{entry.group}"] = entry.plural
                table[f"{word}.{entry.version}.{entry.group}"] = entry.plural
    return table


KIND_ALIASES: dict[str, str] = _alias_table()
CLUSTER_SCOPED: frozenset[str] = frozenset(e.plural for e in _API_RESOURCES if not e.namespaced)

# `kubectl create <x>` subcommands and the aliases cobra declares for them.
CREATE_ALIASES: dict[str, str] = {
    "deploy": "deployment",
    "cm": "configmap",
    "ns": "namespace",
    "sa": "serviceaccount",
    "svc": "service",
    "cj": "cronjob",
    "resourcequota": "quota",
    "pc": "priorityclass",
    "pdb": "poddisruptionbudget",
    "ing": "ingress",
}
# `kubectl top <x>`: `pod`/`pods`/`po` and `node`/`nodes`/`no`.
TOP_ALIASES: dict[str, str] = {
    "pod": "pod",
    "pods": "pod",
    "po": "pod",
    "node": "node",
    "nodes": "node",
    "no": "node",
}

# Commands whose first word does not finish the command.
GROUPS: frozenset[str] = frozenset(
    {"rollout", "config", "auth", "set", "top", "create", "certificate", "plugin"}
)
# Second-level groups: `create secret generic`, `create service clusterip`.
SUBGROUPS: frozenset[tuple[str, str]] = frozenset({("create", "secret"), ("create", "service")})

# Commands that take `TYPE NAME...` or `TYPE/NAME...` through kubectl's resource builder.
RESOURCE_BUILDER: frozenset[str] = frozenset(
    {
        "get",
        "describe",
        "delete",
        "edit",
        "label",
        "annotate",
        "patch",
        "scale",
        "rollout",
        "set",
        "expose",
        "autoscale",
        "wait",
        "taint",
    }
)
# Commands whose first argument is a pod name, or TYPE/NAME of something owning pods.
POD_FIRST: frozenset[str] = frozenset({"logs", "exec", "attach", "port-forward", "debug"})
NODE_COMMANDS: frozenset[str] = frozenset({"cordon", "uncordon", "drain"})

# Short flags whose meaning does not depend on the command.
SHORT_FLAGS: dict[str, str] = {
    "-n": "--namespace",
    "-o": "--output",
    "-l": "--selector",
    "-A": "--all-namespaces",
    "-i": "--stdin",
    "-t": "--tty",
    "-w": "--watch",
    "-k": "--kustomize",
    "-R": "--recursive",
    "-L": "--label-columns",
    "-q": "--quiet",
    "-s": "--server",
    "-v": "--v",
}
# Flags that take no value (pflag bool flags). `--flag=false` is their default.
BOOL_FLAGS: frozenset[str] = frozenset(
    {
        "--all-namespaces",
        "--watch",
        "--watch-only",
        "--stdin",
        "--tty",
        "--quiet",
        "--all",
        "--force",
        "--now",
        "--overwrite",
        "--list",
        "--show-labels",
        "--show-kind",
        "--show-managed-fields",
        "--all-containers",
        "--all-pods",
        "--timestamps",
        "--prefix",
        "--containers",
        "--current",
        "--ignore-daemonsets",
        "--delete-emptydir-data",
        "--disable-eviction",
        "--save-config",
        "--server-side",
        "--force-conflicts",
        "--prune",
        "--recursive",
        "--no-headers",
        "--ignore-not-found",
        "--namespaced",
        "--insecure-skip-tls-verify",
        "--local",
        "--wait",
        "--record",
        "--rm",
        "--privileged",
        "--expose",
        "--attach",
        "--client",
        "--minify",
        "--flatten",
        "--ignore-errors",
        "--keep-annotations",
        "--output-watch-events",
        "--match-server-version",
        "--warnings-as-errors",
    }
)
# Bool flags whose default is true: `--flag=true` is the default, `--flag` alone too.
BOOL_DEFAULT_TRUE: frozenset[tuple[tuple[str, ...], str]] = frozenset(
    {(("rollout", "status"), "--watch"), (("delete",), "--wait")}
)
# pflag NoOptDefVal flags: a value only with `=`; alone they take this value.
OPTIONAL_VALUE: dict[str, str] = {"--dry-run": "client", "--cascade": "background"}
# Short bool letters that may be combined (`-it`); logs adds -f and -p.
SHORT_BOOLS: frozenset[str] = frozenset({"i", "t", "A", "w", "R", "q"})

# Defaults kubectl (or the API server, for the object kubectl sends) applies when the flag
# is absent: giving the default explicitly changes nothing.
DEFAULTS: dict[tuple[str, ...], dict[str, str]] = {
    ("rollout", "undo"): {"--to-revision": "0"},
    ("rollout", "history"): {"--revision": "0"},
    ("rollout", "status"): {"--revision": "0"},
    ("delete",): {"--cascade": "background", "--grace-period": "-1"},
    ("create", "deployment"): {"--replicas": "1"},
    ("create", "secret", "generic"): {"--type": "Opaque"},
    ("autoscale",): {"--min": "1"},
    ("port-forward",): {"--address": "localhost"},
    ("apply", "view-last-applied"): {"--output": "yaml"},
    ("drain",): {"--grace-period": "-1", "--timeout": "0s"},
    ("scale",): {"--current-replicas": "-1"},
}
