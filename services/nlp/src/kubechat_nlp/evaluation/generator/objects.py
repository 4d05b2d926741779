"""Object names per kind, and the ways a request points at a workload."""

from __future__ import annotations

from dataclasses import dataclass

from kubechat_nlp.evaluation.generator.compose import Composer
from kubechat_nlp.evaluation.generator.vocab import (
    CONFIGMAPS,
    CRONJOBS,
    DAEMONSETS,
    DEPLOYMENTS,
    JOBS,
    NAMESPACES,
    NODES,
    SECRETS,
    SERVICE_ACCOUNTS,
    STATEFULSETS,
    Pool,
)

# The alphabet Kubernetes uses for generated name suffixes (no vowels, no look-alikes).
_SUFFIX = "bcdfghjklmnpqrstvwxz2456789"
_NAMES_OF: dict[str, Pool] = {
    "deployments": DEPLOYMENTS,
    "services": DEPLOYMENTS,
    "ingresses": DEPLOYMENTS,
    "horizontalpodautoscalers": DEPLOYMENTS,
    "statefulsets": STATEFULSETS,
    "daemonsets": DAEMONSETS,
    "configmaps": CONFIGMAPS,
    "secrets": SECRETS,
    "jobs": JOBS,
    "cronjobs": CRONJOBS,
    "nodes": NODES,
    "namespaces": NAMESPACES,
    "serviceaccounts": SERVICE_ACCOUNTS,
}
SINGULAR: dict[str, str] = {
    "pods": "pod",
    "deployments": "deployment",
    "services": "service",
    "statefulsets": "statefulset",
    "daemonsets": "daemonset",
    "replicasets": "replicaset",
    "jobs": "job",
    "cronjobs": "cronjob",
    "configmaps": "configmap",
    "secrets": "secret",
    "namespaces": "namespace",
    "nodes": "node",
    "ingresses": "ingress",
    "persistentvolumeclaims": "persistentvolumeclaim",
    "serviceaccounts": "serviceaccount",
    "horizontalpodautoscalers": "horizontalpodautoscaler",
}
CLUSTER_SCOPED = ("nodes", "namespaces")


def suffix(c: Composer, length: int) -> str:
    return "".join(c.rng.choice(_SUFFIX) for _ in range(length))


def pod_name(c: Composer) -> str:
    """Pods as they are really named: `<deployment>-<hash>-<hash>`, `<sts>-N`, or short."""
    roll = c.rng.random()
    if roll < 0.55:
        return f"{c.pick(DEPLOYMENTS)}-{suffix(c, 10)}-{suffix(c, 5)}"
    if roll < 0.75:
        return f"{c.pick(STATEFULSETS)}-{c.rng.randrange(3)}"
    return f"{c.pick(DEPLOYMENTS)}-{c.rng.randrange(1, 10)}"


def name_of(c: Composer, plural: str) -> str:
    if plural == "pods":
        return pod_name(c)
    if plural == "replicasets":
        return f"{c.pick(DEPLOYMENTS)}-{suffix(c, 10)}"
    if plural == "persistentvolumeclaims":
        return f"data-{c.pick(STATEFULSETS)}-{c.rng.randrange(3)}"
    return c.pick(_NAMES_OF[plural])


@dataclass(frozen=True, slots=True)
class Workload:
    """A workload as a request names it (`phrase`) and as kubectl does (`ref`)."""

    plural: str
    name: str
    phrase: str

    @property
    def ref(self) -> str:
        return f"{SINGULAR[self.plural]}/{self.name}"


def workload(
    c: Composer, kinds: tuple[str, ...] = ("deployments",), *, bare: float = 0.35
) -> Workload:
    """A deployment is what people mean when they give a bare name to scale or restart;
    other kinds are always named."""
    plural = kinds[0] if len(kinds) == 1 or c.chance(0.7) else c.choice(kinds[1:])
    name = name_of(c, plural)
    kind_word = c.kind(plural, singular=True, other=0.2)
    if plural == "deployments" and c.chance(bare):
        return Workload(plural, name, name)
    forms = (f"{kind_word} {name}", f"the {name} {kind_word}", f"{name} {kind_word}")
    return Workload(plural, name, c.choice(forms))
