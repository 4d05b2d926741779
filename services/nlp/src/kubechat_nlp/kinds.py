"""Built-in table of the standard Kubernetes kinds, their short names and the words people
use for them. Discovery (a `ClusterView`) can add CRDs on top of it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kubechat_nlp.model import ResourceRef


@dataclass(frozen=True, slots=True)
class KindInfo:
    ref: ResourceRef
    short_names: tuple[str, ...] = ()
    # Words and phrases (lower case, single-spaced) that mean this kind in plain language.
    synonyms: tuple[str, ...] = ()


def _k(
    group: str,
    version: str,
    kind: str,
    plural: str,
    short: tuple[str, ...] = (),
    synonyms: tuple[str, ...] = (),
    namespaced: bool = True,
) -> KindInfo:
    return KindInfo(ResourceRef(group, version, kind, plural, namespaced), short, synonyms)


STANDARD_KINDS: tuple[KindInfo, ...] = (
    _k("", "v1", "Pod", "pods", ("po",), ("pod", "pods", "container instance")),
    _k("", "v1", "Service", "services", ("svc",), ("service", "services", "svcs")),
    _k(
        "apps",
        "v1",
        "Deployment",
        "deployments",
        ("deploy",),
        ("deployment", "deployments", "deploys", "deployed app", "workload", "dep", "deps"),
    ),
    _k(
        "apps",
        "v1",
        "StatefulSet",
        "statefulsets",
        ("sts",),
        ("statefulset", "statefulsets", "stateful set", "stateful sets"),
    ),
    _k(
        "apps",
        "v1",
        "DaemonSet",
        "daemonsets",
        ("ds",),
        ("daemonset", "daemonsets", "daemon set", "daemon sets"),
    ),
    _k(
        "apps",
        "v1",
        "ReplicaSet",
        "replicasets",
        ("rs",),
        ("replicaset", "replicasets", "replica set", "replica sets"),
    ),
    _k(
        "",
        "v1",
        "ReplicationController",
        "replicationcontrollers",
        ("rc",),
        (
            "replicationcontroller",
            "replicationcontrollers",
            "replication controller",
            "replication controllers",
        ),
    ),
    _k("batch", "v1", "Job", "jobs", (), ("job", "jobs")),
    _k(
        "batch",
        "v1",
        "CronJob",
        "cronjobs",
        ("cj",),
        ("cronjob", "cronjobs", "cron job", "cron jobs", "scheduled job", "scheduled jobs"),
    ),
    _k(
        "",
        "v1",
        "ConfigMap",
        "configmaps",
        ("cm",),
        (
            "configmap",
            "configmaps",
            "config map",
            "config maps",
            "configuration map",
            "config-map",
            "config-maps",
        ),
    ),
    _k("", "v1", "Secret", "secrets", (), ("secret", "secrets")),
    _k(
        "",
        "v1",
        "Namespace",
        "namespaces",
        ("ns",),
        ("namespace", "namespaces", "name space", "name spaces"),
        namespaced=False,
    ),
    _k(
        "",
        "v1",
        "Node",
        "nodes",
        ("no",),
        ("node", "nodes", "worker node", "worker nodes", "machine", "machines"),
        namespaced=False,
    ),
    _k(
        "",
        "v1",
        "PersistentVolume",
        "persistentvolumes",
        ("pv",),
        (
            "persistentvolume",
            "persistentvolumes",
            "persistent volume",
            "persistent volumes",
            "volume",
            "volumes",
        ),
        namespaced=False,
    ),
    _k(
        "",
        "v1",
        "PersistentVolumeClaim",
        "persistentvolumeclaims",
        ("pvc",),
        (
            "persistentvolumeclaim",
            "persistentvolumeclaims",
            "persistent volume claim",
            "persistent volume claims",
            "volume claim",
            "volume claims",
            "pvcs",
        ),
    ),
    _k(
        "",
        "v1",
        "ServiceAccount",
        "serviceaccounts",
        ("sa",),
        ("serviceaccount", "serviceaccounts", "service account", "service accounts"),
    ),
    _k("", "v1", "Event", "events", ("ev",), ("event", "events")),
    _k("", "v1", "Endpoints", "endpoints", ("ep",), ("endpoint", "endpoints")),
    _k(
        "",
        "v1",
        "ResourceQuota",
        "resourcequotas",
        ("quota",),
        ("resourcequota", "resourcequotas", "resource quota", "resource quotas", "quota", "quotas"),
    ),
    _k(
        "",
        "v1",
        "LimitRange",
        "limitranges",
        ("limits",),
        ("limitrange", "limitranges", "limit range", "limit ranges"),
    ),
    _k("networking.k8s.io", "v1", "Ingress", "ingresses", ("ing",), ("ingress", "ingresses")),
    _k(
        "networking.k8s.io",
        "v1",
        "NetworkPolicy",
        "networkpolicies",
        ("netpol",),
        ("networkpolicy", "networkpolicies", "network policy", "network policies"),
    ),
    _k(
        "networking.k8s.io",
        "v1",
        "IngressClass",
        "ingressclasses",
        (),
        ("ingressclass", "ingressclasses", "ingress class", "ingress classes"),
        namespaced=False,
    ),
    _k(
        "autoscaling",
        "v2",
        "HorizontalPodAutoscaler",
        "horizontalpodautoscalers",
        ("hpa",),
        (
            "horizontalpodautoscaler",
            "horizontalpodautoscalers",
            "autoscaler",
            "autoscalers",
            "horizontal pod autoscaler",
            "horizontal pod autoscalers",
            "hpas",
        ),
    ),
    _k(
        "policy",
        "v1",
        "PodDisruptionBudget",
        "poddisruptionbudgets",
        ("pdb",),
        (
            "poddisruptionbudget",
            "poddisruptionbudgets",
            "pod disruption budget",
            "pod disruption budgets",
            "disruption budget",
            "pdbs",
        ),
    ),
    _k("rbac.authorization.k8s.io", "v1", "Role", "roles", (), ("role", "roles")),
    _k(
        "rbac.authorization.k8s.io",
        "v1",
        "ClusterRole",
        "clusterroles",
        (),
        ("clusterrole", "clusterroles", "cluster role", "cluster roles"),
        namespaced=False,
    ),
    _k(
        "rbac.authorization.k8s.io",
        "v1",
        "RoleBinding",
        "rolebindings",
        (),
        ("rolebinding", "rolebindings", "role binding", "role bindings"),
    ),
    _k(
        "rbac.authorization.k8s.io",
        "v1",
        "ClusterRoleBinding",
        "clusterrolebindings",
        (),
        (
            "clusterrolebinding",
            "clusterrolebindings",
            "cluster role binding",
            "cluster role bindings",
        ),
        namespaced=False,
    ),
    _k(
        "storage.k8s.io",
        "v1",
        "StorageClass",
        "storageclasses",
        ("sc",),
        ("storageclass", "storageclasses", "storage class", "storage classes"),
        namespaced=False,
    ),
    _k(
        "apiextensions.k8s.io",
        "v1",
        "CustomResourceDefinition",
        "customresourcedefinitions",
        ("crd", "crds"),
        (
            "customresourcedefinition",
            "customresourcedefinitions",
            "custom resource definition",
            "custom resource definitions",
        ),
        namespaced=False,
    ),
    _k(
        "",
        "v1",
        "ComponentStatus",
        "componentstatuses",
        ("cs",),
        ("componentstatus", "componentstatuses", "component status", "component statuses"),
        namespaced=False,
    ),
    _k("coordination.k8s.io", "v1", "Lease", "leases", (), ("lease", "leases")),
    _k("", "", "All", "all", (), ("all resources", "everything"), namespaced=True),
)

# Kinds whose replica count can be changed, in the order we guess them without a cluster.
SCALABLE = ("deployments", "statefulsets", "replicasets", "replicationcontrollers")
ROLLABLE = ("deployments", "statefulsets", "daemonsets")
# Kinds that own pods, so "logs of X" / "exec into X" can address them as kind/name.
POD_OWNERS = (
    "deployments",
    "statefulsets",
    "daemonsets",
    "replicasets",
    "jobs",
    "services",
    "replicationcontrollers",
)


class KindTable:
    """Lookup from any spelling (plural, singular, short name, synonym) to a `KindInfo`."""

    def __init__(self, kinds: Iterable[KindInfo]) -> None:
        self._by_plural: dict[str, KindInfo] = {}
        self._longest: int | None = None
        self._by_word: dict[str, KindInfo] = {}
        for info in kinds:
            self.add(info)

    def add(self, info: KindInfo) -> None:
        ref = info.ref
        self._by_plural[ref.plural] = info
        words = {ref.plural, ref.kind.lower(), *info.short_names, *info.synonyms}
        if ref.group:
            words.add(f"{ref.plural}.{ref.group}")
        for word in words:
            self._by_word.setdefault(word.lower(), info)

    def lookup(self, word: str) -> KindInfo | None:
        return self._by_word.get(word.lower())

    def by_plural(self, plural: str) -> KindInfo | None:
        return self._by_plural.get(plural)

    def ref(self, plural: str) -> ResourceRef:
        info = self._by_plural[plural]
        return info.ref

    def words(self) -> Iterable[str]:
        return self._by_word.keys()

    def infos(self) -> Iterable[KindInfo]:
        return self._by_plural.values()

    def max_phrase_words(self) -> int:
        if self._longest is None:  # asked for every utterance: counted once
            self._longest = max(len(w.split()) for w in self._by_word)
        return self._longest


def standard_table() -> KindTable:
    return KindTable(STANDARD_KINDS)
