"""The cluster as one user sees it: namespaces, the kinds discovery reports (CRDs
included) and the objects the user may list, with pod owners, container names and labels.
nlp resolves names against it ("payments-worker" is the Deployment in `payments`).

Every list is made AS THE USER (impersonated, like every read of the executor), so the view
never holds a name the user could not list with kubectl. A kind the user may not list
cluster-wide is looked for namespace by namespace, in the namespaces named by the settings
(`view_namespaces`), by the caller (hints: the conversation's namespace) and, when the user
may list namespaces, in the first ones of those; a SelfSubjectRulesReview as the user in
each says what to list there, and a namespace where the user may list nothing adds nothing,
not even its name. Kubernetes cannot tell which namespaces a user has rights in, so
namespaces nobody named stay out of the view (as in Lens' or Headlamp's "accessible
namespaces").

Lists ask for metadata only (PartialObjectMetadataList) except pods, whose container names
live in the spec. Secrets give their names only.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from threading import Lock
from typing import Any

from kubechat.errors import NotFound, PermissionDenied
from kubechat.v1 import common_pb2, executor_pb2
from kubechat_executor.discovery import ApiResource, Discovery
from kubechat_executor.kube import JSON, ClusterClient, Identity

METADATA_LIST = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json"
# (group, plural) of the kinds every view covers; pods first, whose owners the others resolve.
COMMON_KINDS: tuple[tuple[str, str], ...] = (
    ("", "namespaces"),
    ("", "nodes"),
    ("", "pods"),
    ("apps", "deployments"),
    ("apps", "statefulsets"),
    ("apps", "daemonsets"),
    ("apps", "replicasets"),
    ("batch", "jobs"),
    ("batch", "cronjobs"),
    ("", "services"),
    ("", "configmaps"),
    ("", "secrets"),
    ("networking.k8s.io", "ingresses"),
    ("", "persistentvolumeclaims"),
    ("", "serviceaccounts"),
)
FULL_OBJECTS = frozenset({("", "pods")})
NAMES_ONLY = frozenset({("", "secrets")})
# Groups Kubernetes itself serves; any other group is a custom resource (CRD) or an
# aggregated API. metrics.k8s.io is aggregated but answers with usage, not names.
_BUILTIN_GROUPS = frozenset({"", "apps", "batch", "autoscaling", "policy", "extensions"})


NAMESPACE_NAME = re.compile(r"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")


def is_custom(group: str) -> bool:
    return group not in _BUILTIN_GROUPS and not group.endswith(".k8s.io")


@dataclass(frozen=True)
class ViewLimits:
    max_objects: int = 20_000
    max_custom_kinds: int = 50
    # Namespaces probed one by one for kinds the user may not list cluster-wide.
    max_probed_namespaces: int = 50
    page_size: int = 500
    # Lists in flight at once for one refresh (threads; the client's pool is shared).
    parallel: int = 8


@dataclass
class Gathered:
    view: executor_pb2.ClusterView
    version: str
    api_calls: int


@dataclass
class _Calls:
    """Counts API calls of one refresh (from several threads)."""

    count: int = 0
    _lock: Lock = field(default_factory=Lock)

    def add(self, n: int = 1) -> None:
        with self._lock:
            self.count += n


def _path(res: ApiResource, namespace: str = "") -> str:
    prefix = f"/apis/{res.group}/{res.version}" if res.group else f"/api/{res.version}"
    middle = f"/namespaces/{namespace}" if namespace else ""
    return f"{prefix}{middle}/{res.plural}"


class _Lister:
    def __init__(
        self, cluster: ClusterClient, identity: Identity, limits: ViewLimits, calls: _Calls
    ) -> None:
        self.cluster, self.identity, self.limits, self.calls = cluster, identity, limits, calls

    def items(self, res: ApiResource, namespace: str = "") -> list[dict[str, Any]] | None:
        """Every item (metadata, or whole pods), or None when the user may not list them."""
        full = res.key in FULL_OBJECTS
        found: list[dict[str, Any]] = []
        token = ""
        while len(found) < self.limits.max_objects:
            query = [("limit", str(self.limits.page_size))]
            if token:
                query.append(("continue", token))
            self.calls.add()
            try:
                body = self.cluster.request(
                    "GET",
                    _path(res, namespace),
                    query=query,
                    accept=JSON if full else METADATA_LIST,
                    identity=self.identity,
                    explain_denial=False,
                )
            except PermissionDenied:
                return None if not found else found
            except NotFound:
                # The kind went away since discovery (a CRD deleted), or the namespace did.
                return None
            found.extend(body.get("items") or [])
            token = (body.get("metadata") or {}).get("continue") or ""
            if not token:
                break
        return found

    def listable(self, namespace: str, kinds: Iterable[ApiResource]) -> list[ApiResource]:
        """The kinds the user may list in `namespace`, by a SelfSubjectRulesReview as the
        user: one call instead of one refused list per kind. An incomplete review (another
        authorizer than RBAC) keeps every kind; the lists themselves then decide."""
        self.calls.add()
        try:
            review = self.cluster.request(
                "POST",
                "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews",
                body={
                    "apiVersion": "authorization.k8s.io/v1",
                    "kind": "SelfSubjectRulesReview",
                    "spec": {"namespace": namespace},
                },
                identity=self.identity,
                explain_denial=False,
            )
        except PermissionDenied:
            return list(kinds)
        status = review.get("status") or {}
        if status.get("incomplete"):
            return list(kinds)
        rules = status.get("resourceRules") or []
        return [k for k in kinds if any(_allows_list(rule, k) for rule in rules)]


def _allows_list(rule: Mapping[str, Any], res: ApiResource) -> bool:
    if rule.get("resourceNames"):
        return False  # a rule for named objects does not let the user list the kind
    verbs = rule.get("verbs") or []
    groups = rule.get("apiGroups") or []
    resources = rule.get("resources") or []
    return (
        ("list" in verbs or "*" in verbs)
        and (res.group in groups or "*" in groups)
        and (res.plural in resources or "*" in resources)
    )


def served_kinds(resources: Iterable[ApiResource]) -> list[ApiResource]:
    """One entry per (group, plural): its preferred version, subresources left out."""
    best: dict[tuple[str, str], ApiResource] = {}
    for res in resources:
        if "/" in res.plural or not res.kind:
            continue
        key = (res.group, res.plural)
        if key not in best or (res.preferred and not best[key].preferred):
            best[key] = res
    return list(best.values())


def _kinds_to_list(kinds: list[ApiResource], limits: ViewLimits) -> list[ApiResource]:
    by_key = {(k.group, k.plural): k for k in kinds if "list" in k.verbs}
    common = [by_key[key] for key in COMMON_KINDS if key in by_key]
    custom = sorted(
        (k for k in by_key.values() if is_custom(k.group)), key=lambda k: (k.group, k.plural)
    )
    return common + custom[: limits.max_custom_kinds]


def gather(
    cluster: ClusterClient,
    identity: Identity,
    discovery: Discovery,
    namespaces: Iterable[str] = (),
    limits: ViewLimits | None = None,
) -> Gathered:
    """The view of `cluster` for `identity`; `namespaces` are probed when the user may not
    list a kind cluster-wide (see the module docstring)."""
    limits = limits or ViewLimits()
    calls = _Calls()
    if not discovery.is_fresh(cluster):
        calls.add(2)  # aggregated discovery: /api and /apis, shared by every user
    kinds = served_kinds(discovery.resources(cluster))
    lister = _Lister(cluster, identity, limits, calls)
    wanted = _kinds_to_list(kinds, limits)
    with ThreadPoolExecutor(limits.parallel, thread_name_prefix="view") as pool:
        wide = dict(zip(wanted, pool.map(lister.items, wanted), strict=True))
        found: dict[ApiResource, list[tuple[str, dict[str, Any]]]] = {
            res: [("", item) for item in items] for res, items in wide.items() if items is not None
        }
        listed = [
            _name(i) for r, items in found.items() if r.key == ("", "namespaces") for _, i in items
        ]
        visible = set(listed)
        per_namespace = [r for r, items in wide.items() if items is None and r.namespaced]
        names = [n for n in namespaces if NAMESPACE_NAME.match(n)]
        probe = list(dict.fromkeys([*names, *listed]))[: limits.max_probed_namespaces]
        if per_namespace and probe:
            allowed = pool.map(lambda ns: lister.listable(ns, per_namespace), probe)
            jobs = [
                (ns, res)
                for ns, kinds_here in zip(probe, allowed, strict=True)
                for res in kinds_here
            ]
            for (ns, res), items in zip(
                jobs, pool.map(lambda job: lister.items(job[1], job[0]), jobs), strict=True
            ):
                # A namespace joins the view only through a list the user was allowed.
                if items is not None:
                    visible.add(ns)
                    found.setdefault(res, []).extend((ns, item) for item in items)
    view = _build(kinds, found, visible, limits)
    digest = hashlib.sha256(view.SerializeToString(deterministic=True)).hexdigest()
    return Gathered(view=view, version=digest[:20], api_calls=calls.count)


def _name(item: Mapping[str, Any]) -> str:
    return str((item.get("metadata") or {}).get("name") or "")


def _build(
    kinds: list[ApiResource],
    found: Mapping[ApiResource, list[tuple[str, dict[str, Any]]]],
    visible: set[str],
    limits: ViewLimits,
) -> executor_pb2.ClusterView:
    view = executor_pb2.ClusterView()
    for res in sorted(kinds, key=lambda k: (k.group, k.plural)):
        view.kinds.add(
            resource=common_pb2.ResourceRef(
                group=res.group,
                version=res.version,
                kind=res.kind,
                plural=res.plural,
                namespaced=res.namespaced,
            ),
            short_names=list(res.short_names),
            singular=res.singular,
        )
    owners = Owners(kinds, found)
    objects: list[executor_pb2.LiveObject] = []
    for res, items in found.items():
        key = res.key
        for namespace_hint, item in items:
            meta = item.get("metadata") or {}
            namespace = str(meta.get("namespace") or namespace_hint)
            obj = executor_pb2.LiveObject(
                group=res.group, plural=res.plural, namespace=namespace, name=_name(item)
            )
            if key not in NAMES_ONLY:
                obj.labels.update(meta.get("labels") or {})
            if key == ("", "pods"):
                spec = item.get("spec") or {}
                obj.containers.extend(str(c.get("name")) for c in spec.get("containers") or [])
                owner = owners.top(namespace, meta)
                if owner is not None:
                    obj.owner_plural, obj.owner_name = owner
            if namespace:
                visible.add(namespace)
            objects.append(obj)
    objects.sort(key=lambda o: (o.group, o.plural, o.namespace, o.name))
    if len(objects) > limits.max_objects:
        view.truncated = True
        del objects[limits.max_objects :]
    view.objects.extend(objects)
    view.namespaces.extend(sorted(visible))
    return view


class Owners:
    """Pod → top workload: through the ReplicaSet to its Deployment, through the Job to its
    CronJob. Owner references are read from the ReplicaSets and Jobs the user could list;
    when they could not be listed, a ReplicaSet named `<deployment>-<pod-template-hash>`
    is taken for its Deployment's (the naming every Deployment uses)."""

    def __init__(
        self,
        kinds: Iterable[ApiResource],
        found: Mapping[ApiResource, list[tuple[str, dict[str, Any]]]],
    ) -> None:
        self._plural = {(k.group, k.kind): k.plural for k in kinds}
        self._parents: dict[tuple[str, str, str], Mapping[str, Any]] = {}
        for res, items in found.items():
            if res.key in (("apps", "replicasets"), ("batch", "jobs")):
                for namespace, item in items:
                    meta = item.get("metadata") or {}
                    key = (res.kind, str(meta.get("namespace") or namespace), _name(item))
                    self._parents[key] = meta

    def _ref_plural(self, ref: Mapping[str, Any]) -> str:
        group = str(ref.get("apiVersion") or "").rpartition("/")[0]
        kind = str(ref.get("kind") or "")
        return self._plural.get((group, kind)) or kind.lower() + "s"

    def top(self, namespace: str, meta: Mapping[str, Any]) -> tuple[str, str] | None:
        ref = _controller(meta)
        if ref is None:
            return None
        kind, name = str(ref.get("kind")), str(ref.get("name"))
        if kind in ("ReplicaSet", "Job"):
            parent = self._parents.get((kind, namespace, name))
            if parent is not None:
                up = _controller(parent)
                return (
                    (self._ref_plural(up), str(up.get("name")))
                    if up
                    else (
                        self._ref_plural(ref),
                        name,
                    )
                )
            template_hash = (meta.get("labels") or {}).get("pod-template-hash")
            if (
                parent is None
                and kind == "ReplicaSet"
                and template_hash
                and name.endswith(f"-{template_hash}")
            ):
                return ("deployments", name[: -len(template_hash) - 1])
        return (self._ref_plural(ref), name)


def _controller(meta: Mapping[str, Any]) -> Mapping[str, Any] | None:
    refs = meta.get("ownerReferences") or []
    for ref in refs:
        if ref.get("controller"):
            return dict(ref)
    return dict(refs[0]) if refs else None
