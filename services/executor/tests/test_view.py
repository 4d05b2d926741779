"""The cluster view, gathered against a fake API server that enforces per-user rights the
way RBAC would (cluster-wide lists for admins, one namespace for a viewer), so what a
user's view holds is checked against what that user may list."""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import pytest

from kubechat.errors import NotFound, PermissionDenied
from kubechat.v1 import common_pb2, executor_pb2
from kubechat_executor.discovery import Discovery
from kubechat_executor.kube import Identity
from kubechat_executor.view import ViewLimits, gather
from kubechat_executor.view_cache import ViewCache

CAROL = Identity("carol", ("kubechat:admins",))
ALICE = Identity("alice", ("kubechat:viewers-dev",))
# (group, version, kind, plural, namespaced)
KINDS = [
    ("", "v1", "Namespace", "namespaces", False),
    ("", "v1", "Node", "nodes", False),
    ("", "v1", "Pod", "pods", True),
    ("", "v1", "Secret", "secrets", True),
    ("", "v1", "Service", "services", True),
    ("apps", "v1", "Deployment", "deployments", True),
    ("apps", "v1", "ReplicaSet", "replicasets", True),
    ("batch", "v1", "Job", "jobs", True),
    ("batch", "v1", "CronJob", "cronjobs", True),
    ("cert-manager.io", "v1", "Certificate", "certificates", True),
]


def owner(kind: str, name: str, api_version: str = "apps/v1") -> dict[str, Any]:
    return {"apiVersion": api_version, "kind": kind, "name": name, "controller": True}


def obj(
    plural: str,
    namespace: str,
    name: str,
    *,
    labels: Mapping[str, str] | None = None,
    owners: list[dict[str, Any]] | None = None,
    containers: tuple[str, ...] = (),
) -> dict[str, Any]:
    meta: dict[str, Any] = {"name": name, "labels": dict(labels or {})}
    if namespace:
        meta["namespace"] = namespace
    if owners:
        meta["ownerReferences"] = owners
    return {
        "plural": plural,
        "metadata": meta,
        "spec": {"containers": [{"name": c} for c in containers]},
    }


def seed() -> list[dict[str, Any]]:
    return [
        obj("namespaces", "", "dev"),
        obj("namespaces", "", "payments"),
        obj("nodes", "", "node-0"),
        obj("deployments", "dev", "frontend", labels={"app": "frontend"}),
        obj("replicasets", "dev", "frontend-5d9f", owners=[owner("Deployment", "frontend")]),
        obj(
            "pods",
            "dev",
            "frontend-5d9f-abcde",
            labels={"app": "frontend", "pod-template-hash": "5d9f"},
            owners=[owner("ReplicaSet", "frontend-5d9f")],
            containers=("frontend", "proxy"),
        ),
        obj("services", "dev", "frontend"),
        obj("deployments", "payments", "payments-worker"),
        obj("replicasets", "payments", "payments-worker-77c", owners=[owner("Deployment", "x")]),
        obj(
            "pods",
            "payments",
            "payments-worker-77c-zzzzz",
            labels={"pod-template-hash": "77c"},
            owners=[owner("ReplicaSet", "payments-worker-77c")],
            containers=("payments-worker",),
        ),
        obj("secrets", "payments", "stripe-api-key", labels={"team": "pay"}),
        obj("cronjobs", "payments", "nightly"),
        obj("jobs", "payments", "nightly-1", owners=[owner("CronJob", "nightly", "batch/v1")]),
        obj(
            "pods",
            "payments",
            "nightly-1-q",
            owners=[owner("Job", "nightly-1", "batch/v1")],
            containers=("report",),
        ),
        obj("pods", "payments", "lonely"),
        obj("certificates", "payments", "shop-tls"),
    ]


@dataclass
class FakeCluster:
    """Aggregated discovery, lists and SelfSubjectRulesReviews; `rights` maps a user to
    the namespaces they may list (`*`: everything, cluster-wide)."""

    objects: list[dict[str, Any]] = field(default_factory=seed)
    rights: dict[str, set[str]] = field(default_factory=lambda: {"carol": {"*"}, "alice": {"dev"}})
    hidden: set[tuple[str, str]] = field(default_factory=set)  # (user, plural) never listable
    server: str = "https://fake"
    calls: list[tuple[str, str]] = field(default_factory=list)
    delay: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def request(
        self,
        method: str,
        path: str,
        *,
        query: list[tuple[str, str]] | None = None,
        body: Any = None,
        accept: str = "",
        identity: Identity | None = None,
        explain_denial: bool = True,
        content_type: str = "",
    ) -> dict[str, Any]:
        assert identity is not None or path in ("/api", "/apis"), "lists run as the user"
        with self._lock:
            self.calls.append((method, path))
        time.sleep(self.delay)
        if path in ("/api", "/apis"):
            return self._discovery(core=path == "/api")
        assert identity is not None and not explain_denial
        allowed = self.rights.get(identity.user, set())
        if path.endswith("selfsubjectrulesreviews"):
            namespace = body["spec"]["namespace"]
            ok = "*" in allowed or namespace in allowed
            rules = [{"verbs": ["get", "list"], "apiGroups": ["*"], "resources": ["*"]}]
            return {"status": {"resourceRules": rules if ok else []}}
        parts = path.strip("/").split("/")
        plural = parts[-1]
        namespace = parts[parts.index("namespaces") + 1] if "namespaces" in parts[:-1] else ""
        if (identity.user, plural) in self.hidden:
            raise PermissionDenied("no")
        if "*" not in allowed and namespace not in allowed:
            raise PermissionDenied("no")
        if plural == "missing":
            raise NotFound("gone")
        items = [
            {k: v for k, v in o.items() if k != "plural"}
            for o in self.objects
            if o["plural"] == plural
            and (not namespace or o["metadata"].get("namespace") == namespace)
        ]
        if "PartialObjectMetadata" in accept:
            items = [{"metadata": i["metadata"]} for i in items]
        return {"items": items, "metadata": {}}

    def _discovery(self, core: bool) -> dict[str, Any]:
        groups: dict[str, list[dict[str, Any]]] = {}
        for group, _version, kind, plural, namespaced in KINDS:
            if (group == "") != core:
                continue
            groups.setdefault(group, []).append(
                {
                    "resource": plural,
                    "responseKind": {"kind": kind},
                    "scope": "Namespaced" if namespaced else "Cluster",
                    "verbs": ["get", "list", "watch"],
                    "shortNames": ["cert"] if plural == "certificates" else [],
                    "singularResource": kind.lower(),
                }
            )
        return {
            "items": [
                {"metadata": {"name": g}, "versions": [{"version": "v1", "resources": r}]}
                for g, r in groups.items()
            ]
        }


def names(view: executor_pb2.ClusterView, plural: str) -> set[str]:
    return {f"{o.namespace}/{o.name}" for o in view.objects if o.plural == plural}


def by_name(view: executor_pb2.ClusterView, name: str) -> executor_pb2.LiveObject:
    (found,) = [o for o in view.objects if o.name == name]
    return found


def test_an_admin_sees_every_namespace_kind_and_pod_owner() -> None:
    cluster = FakeCluster()
    gathered = gather(cluster, CAROL, Discovery())  # type: ignore[arg-type]
    view = gathered.view
    assert list(view.namespaces) == ["dev", "payments"]
    assert names(view, "pods") == {
        "dev/frontend-5d9f-abcde",
        "payments/payments-worker-77c-zzzzz",
        "payments/nightly-1-q",
        "payments/lonely",
    }
    frontend = by_name(view, "frontend-5d9f-abcde")
    assert (frontend.owner_plural, frontend.owner_name) == ("deployments", "frontend")
    assert list(frontend.containers) == ["frontend", "proxy"]
    assert dict(frontend.labels)["app"] == "frontend"
    # The ReplicaSet's own owner reference wins over its name.
    worker = by_name(view, "payments-worker-77c-zzzzz")
    assert (worker.owner_plural, worker.owner_name) == ("deployments", "x")
    job_pod = by_name(view, "nightly-1-q")
    assert (job_pod.owner_plural, job_pod.owner_name) == ("cronjobs", "nightly")
    assert by_name(view, "lonely").owner_plural == ""
    # Secrets: the name, nothing else.
    assert not by_name(view, "stripe-api-key").labels
    # Custom resources: the kind from discovery and its instances.
    cert = next(k for k in view.kinds if k.resource.plural == "certificates")
    assert cert.resource.group == "cert-manager.io" and list(cert.short_names) == ["cert"]
    assert cert.singular == "certificate"
    assert names(view, "certificates") == {"payments/shop-tls"}
    # Discovery (2) + one list per kind, nothing per namespace.
    assert gathered.api_calls == 2 + len(KINDS) == len(cluster.calls)


def test_a_viewer_of_dev_sees_dev_and_never_a_name_from_payments() -> None:
    cluster = FakeCluster()
    gathered = gather(cluster, ALICE, Discovery(), ["payments", "dev"])  # type: ignore[arg-type]
    view = gathered.view
    assert list(view.namespaces) == ["dev"]
    assert {o.namespace for o in view.objects} == {"dev"}
    assert "payments" not in str(view)
    pod = by_name(view, "frontend-5d9f-abcde")
    assert (pod.owner_plural, pod.owner_name) == ("deployments", "frontend")
    # Every cluster-wide list refused, then one rules review per namespace and lists only
    # where the review allows them.
    posts = [p for m, p in cluster.calls if m == "POST"]
    assert len(posts) == 2
    assert not [p for _, p in cluster.calls if "/namespaces/payments/" in p]


def test_without_namespaces_to_look_into_a_restricted_user_sees_no_objects() -> None:
    view = gather(FakeCluster(), ALICE, Discovery()).view  # type: ignore[arg-type]
    assert not view.objects and not view.namespaces
    assert {k.resource.plural for k in view.kinds} >= {"pods", "certificates"}


def test_a_pod_whose_replicaset_cannot_be_listed_gets_its_deployment_from_the_hash() -> None:
    cluster = FakeCluster(hidden={("alice", "replicasets")})
    view = gather(cluster, ALICE, Discovery(), ["dev"]).view  # type: ignore[arg-type]
    pod = by_name(view, "frontend-5d9f-abcde")
    assert (pod.owner_plural, pod.owner_name) == ("deployments", "frontend")
    assert not names(view, "replicasets")


def test_hints_that_are_not_namespace_names_are_never_put_in_a_path() -> None:
    cluster = FakeCluster()
    gather(cluster, ALICE, Discovery(), ["../secrets", "dev/x", "DEV"])  # type: ignore[arg-type]
    assert not [p for _, p in cluster.calls if "secrets/" in p or "DEV" in p]


def test_the_version_changes_with_the_content_only() -> None:
    cluster = FakeCluster()
    first = gather(cluster, CAROL, Discovery())  # type: ignore[arg-type]
    again = gather(cluster, CAROL, Discovery())  # type: ignore[arg-type]
    assert first.version == again.version
    cluster.objects.append(obj("services", "dev", "new-svc"))
    assert gather(cluster, CAROL, Discovery()).version != first.version  # type: ignore[arg-type]


def test_a_limit_cuts_the_view_and_says_so() -> None:
    view = gather(FakeCluster(), CAROL, Discovery(), limits=ViewLimits(max_objects=5)).view  # type: ignore[arg-type]
    assert len(view.objects) == 5 and view.truncated


# -- the cache ------------------------------------------------------------------------


def request(who: str, known: str = "", *namespaces: str) -> executor_pb2.GetClusterViewRequest:
    groups = {"carol": ["kubechat:admins"], "alice": ["kubechat:viewers-dev"]}[who]
    return executor_pb2.GetClusterViewRequest(
        principal=common_pb2.Principal(user=who, k8s_user=who, k8s_groups=groups),
        known_version=known,
        namespaces=list(namespaces),
    )


def cache(cluster: FakeCluster, **options: Any) -> ViewCache:
    return ViewCache(lambda _id: cluster, Discovery(), **options)  # type: ignore[arg-type,return-value]


async def test_a_repeat_with_the_version_is_unchanged_and_costs_nothing() -> None:
    cluster = FakeCluster()
    views = cache(cluster)
    first = await views.get(request("carol"))
    assert not first.unchanged and first.view.objects and not first.refresh.cached
    assert first.refresh.api_calls == len(cluster.calls) and first.refresh.duration_ms > 0
    calls = len(cluster.calls)
    again = await views.get(request("carol", first.version))
    assert again.unchanged and not again.view.objects and again.refresh.cached
    assert len(cluster.calls) == calls
    # An old version gets the whole view again.
    assert (await views.get(request("carol", "stale"))).view.objects


async def test_each_identity_has_its_own_view() -> None:
    views = cache(FakeCluster(), namespaces=["dev", "payments"])
    carol = await views.get(request("carol"))
    alice = await views.get(request("alice"))
    assert carol.version != alice.version
    assert {o.namespace for o in alice.view.objects} == {"dev"}


async def test_without_a_kubernetes_identity_nothing_is_gathered() -> None:
    views = cache(FakeCluster())
    with pytest.raises(PermissionDenied):
        await views.get(executor_pb2.GetClusterViewRequest(principal=common_pb2.Principal()))


async def test_a_new_namespace_hint_refreshes_and_earlier_hints_are_kept() -> None:
    cluster = FakeCluster(rights={"alice": {"dev", "payments"}})
    views = cache(cluster)
    assert list((await views.get(request("alice", "", "dev"))).view.namespaces) == ["dev"]
    both = await views.get(request("alice", "", "payments"))
    assert list(both.view.namespaces) == ["dev", "payments"]
    assert not both.refresh.cached


async def test_expiry_and_watch_invalidation_refresh_the_view() -> None:
    cluster = FakeCluster()
    views = cache(cluster, ttl=30.0, min_refresh=0.0)
    first = await views.get(request("carol"))
    cluster.objects.append(obj("pods", "dev", "new-pod"))
    assert (await views.get(request("carol", first.version))).unchanged  # cached, TTL
    views.invalidate("default")
    changed = await views.get(request("carol", first.version))
    assert not changed.unchanged and "dev/new-pod" in names(changed.view, "pods")
    expiring = cache(cluster, ttl=0.0)
    one = await expiring.get(request("carol"))
    assert not (await expiring.get(request("carol", one.version))).refresh.cached


def test_concurrent_identical_refreshes_share_one_gathering() -> None:
    cluster = FakeCluster(delay=0.02)
    views = cache(cluster)
    with ThreadPoolExecutor(6) as pool:
        results = list(pool.map(lambda _: views.current("default", CAROL), range(6)))
    assert len({id(r[0]) for r in results}) == 1
    assert len(cluster.calls) == 2 + len(KINDS)


def test_an_expired_view_answers_while_its_refresh_runs_behind() -> None:
    cluster = FakeCluster()
    views = cache(cluster, ttl=0.2)
    first, _ = views.current("default", CAROL)
    cluster.objects.append(obj("pods", "dev", "late"))
    time.sleep(0.25)
    stale, cached = views.current("default", CAROL)
    assert stale is first and cached
    deadline = time.monotonic() + 5
    while (latest := views.current("default", CAROL)[0]) is first:
        assert time.monotonic() < deadline, "the refresh behind never finished"
        time.sleep(0.02)
    assert "dev/late" in names(latest.gathered.view, "pods")
    # Much older than the TTL, or after a watch event, the caller waits for the new view.
    views.invalidate("default")
    cluster.objects.append(obj("pods", "dev", "later"))
    time.sleep(0.25)
    fresh, cached = views.current("default", CAROL)
    assert not cached and "dev/later" in names(fresh.gathered.view, "pods")
