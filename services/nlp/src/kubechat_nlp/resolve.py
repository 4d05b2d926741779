"""Names resolved against the live cluster view: "payments-worker" is the deployment in
`payments` (and its pods when the request is about pods), "frontend" asked of pods is the
frontend-<hash> pods, a near miss gets "did you mean …?", and a target that does not
exist is said so instead of being run."""

from __future__ import annotations

from dataclasses import dataclass, replace

from kubechat_nlp.catalogue import CatalogueEntry, Target
from kubechat_nlp.cluster import ClusterView, LiveObject
from kubechat_nlp.kind_table import KindTable
from kubechat_nlp.kinds import POD_OWNERS
from kubechat_nlp.model import Clarification, Operation
from kubechat_nlp.rules.common import Draft
from kubechat_nlp.text import edit_distance

# Operations that act on pods but accept a workload (`kubectl logs deployment/web`).
_WORKLOAD_REF_VERBS = frozenset({"logs", "exec", "port-forward", "attach"})
_WORKLOADS = ("deployments", "statefulsets", "daemonsets", "jobs", "cronjobs", "replicasets")


@dataclass(frozen=True, slots=True)
class Resolved:
    """Where a name led: objects of one kind in one namespace."""

    plural: str
    namespace: str | None
    names: tuple[str, ...]


def resolve_name(
    name: str,
    plurals: tuple[str, ...],
    namespace: str | None,
    namespace_typed: bool,
    verb: str,
    cluster: ClusterView,
    kind_word: dict[str, str],
) -> Resolved | Clarification:
    """One name the user typed → the object(s) it means, or a question.

    `namespace` is the typed or remembered namespace; a remembered one is only a
    preference: when nothing matches there, every namespace the user can see is searched."""
    scopes: tuple[str | None, ...] = (namespace,) if namespace_typed else (namespace, None)
    for scope in dict.fromkeys(scopes):
        found = _find(name, plurals, scope, verb, cluster)
        if found:
            return _one(name, found, kind_word)
    return _missing(name, plurals, namespace if namespace_typed else None, cluster, kind_word)


def _in_scope(obj: LiveObject, scope: str | None) -> bool:
    return scope is None or obj.namespace in (scope, None)


def _find(
    name: str, plurals: tuple[str, ...], scope: str | None, verb: str, cluster: ClusterView
) -> list[Resolved]:
    wants_pods = "pods" in plurals
    exact = [o for o in cluster.named(name) if o.plural in plurals and _in_scope(o, scope)]
    if exact:
        return [_resolved(o) for o in _prefer_kinds(exact, plurals)]
    if wants_pods:
        # A workload named like that: its pods (or the workload itself for logs/exec).
        owners = [o for o in cluster.named(name) if o.plural in _WORKLOADS and _in_scope(o, scope)]
        out: list[Resolved] = []
        for owner in owners:
            if verb in _WORKLOAD_REF_VERBS:
                out.append(_resolved(owner))
                continue
            pods = cluster.pods_of(owner.plural, owner.namespace, owner.name)
            if pods:
                out.append(Resolved("pods", owner.namespace, tuple(p.name for p in pods)))
            else:
                out.append(_resolved(owner))
        if out:
            return out
    # A prefix: "frontend" → the pods frontend-54b7c-x2x9q (one group per owner), or
    # "front" → the deployment frontend (each object its own candidate).
    groups: dict[tuple[str, str | None, str], list[str]] = {}
    for o in cluster.objects():
        if o.plural not in plurals or not _in_scope(o, scope) or not o.name.startswith(name):
            continue
        if o.plural == "pods":
            if not o.name.startswith(name + "-"):
                continue
            key = (o.plural, o.namespace, o.owner[1] if o.owner else o.name)
        else:
            key = (o.plural, o.namespace, o.name)
        groups.setdefault(key, []).append(o.name)
    return [Resolved(p, ns, tuple(names)) for (p, ns, _), names in groups.items()]


def _prefer_kinds(objs: list[LiveObject], plurals: tuple[str, ...]) -> list[LiveObject]:
    """Of the same name in several kinds, the kind the operation names first wins
    (a deployment and its Service are both called `web`; scale means the deployment)."""
    by_namespace: dict[str | None, list[LiveObject]] = {}
    for o in objs:
        by_namespace.setdefault(o.namespace, []).append(o)
    return [min(group, key=lambda o: plurals.index(o.plural)) for group in by_namespace.values()]


def _resolved(obj: LiveObject) -> Resolved:
    return Resolved(obj.plural, obj.namespace, (obj.name,))


def _one(name: str, found: list[Resolved], kind_word: dict[str, str]) -> Resolved | Clarification:
    if len(found) == 1:
        return found[0]
    choices = tuple(
        f"{kind_word.get(r.plural, r.plural)}/{r.names[0]} in {r.namespace}"
        if r.namespace
        else f"{kind_word.get(r.plural, r.plural)}/{r.names[0]}"
        for r in found
    )
    return Clarification(f"Which one do you mean by '{name}'?", choices)


def _missing(
    name: str,
    plurals: tuple[str, ...],
    namespace: str | None,
    cluster: ClusterView,
    kind_word: dict[str, str],
) -> Clarification:
    kinds_text = " or ".join(kind_word.get(p, p) for p in plurals[:3])
    where = f" in namespace {namespace}" if namespace else ""
    near = _near_misses(name, plurals, namespace, cluster)
    if near:
        return Clarification(
            f"There is no {kinds_text} named '{name}'{where}. Did you mean "
            + " or ".join(o.name for o in near)
            + "?",
            tuple(
                f"{kind_word.get(o.plural, o.plural)}/{o.name}"
                + (f" in {o.namespace}" if o.namespace else "")
                for o in near
            ),
        )
    return Clarification(f"There is no {kinds_text} named '{name}'{where} that you can see.")


def _near_misses(
    name: str, plurals: tuple[str, ...], namespace: str | None, cluster: ClusterView
) -> list[LiveObject]:
    """Objects one or two edits away, or that the name begins."""
    limit = 1 if len(name) <= 4 else 2
    wanted = set(zip(name, name[1:], strict=False))
    scored: dict[int, tuple[int, LiveObject]] = {}
    # Longer names the typed one begins ("front" → "frontend"), then names of about the
    # same length whose letter pairs overlap enough for `limit` edits (each edit breaks at
    # most two pairs), and only then the exact distance.
    if len(name) >= 3:
        for o in cluster.objects():
            if o.name.startswith(name) and _suggestible(o, plurals, namespace):
                scored[id(o)] = (len(o.name) - len(name), o)
    distances: dict[str, int] = {}  # names repeat across namespaces: measured once
    for o in cluster.of_length(len(name) - limit, len(name) + limit):
        if id(o) in scored or not _suggestible(o, plurals, namespace):
            continue
        distance = distances.get(o.name)
        if distance is None:
            pairs = set(zip(o.name, o.name[1:], strict=False))
            close = len(wanted & pairs) >= len(wanted) - 2 * limit
            distance = edit_distance(name, o.name) if close else limit + 1
            distances[o.name] = distance
        if distance <= limit:
            scored[id(o)] = (distance, o)
    ranked = sorted(scored.values(), key=lambda item: (item[0], item[1].name))
    return [o for _, o in ranked[:4]]


def _suggestible(o: LiveObject, plurals: tuple[str, ...], namespace: str | None) -> bool:
    # A workload is suggested rather than each of its pods.
    owned_pod = o.plural == "pods" and o.owner is not None
    return o.plural in plurals and _in_scope(o, namespace) and not owned_pod


# Kinds searched for a name that came without a kind.
_DEFAULT_SEARCH = (
    "pods",
    "deployments",
    "statefulsets",
    "daemonsets",
    "services",
    "jobs",
    "cronjobs",
    "configmaps",
    "secrets",
)


def resolve_draft(
    d: Draft,
    entry: CatalogueEntry,
    cluster: ClusterView,
    kinds: KindTable,
    namespace_typed: bool,
) -> list[Operation] | Clarification:
    """A draft's names resolved against the view: one operation per object found, merged
    back into one per kind, or the question to ask."""
    if entry.target is Target.NONE or d.verb.startswith(("create", "config.", "run")):
        return [d.build()]
    if d.explicit_kind or not d.guessed_kind:
        plurals = tuple(k.ref.plural for k in d.kinds)
    elif entry.target is Target.POD_OR_REF:
        plurals = ("pods", *POD_OWNERS)
    else:
        plurals = entry.default_kinds or _DEFAULT_SEARCH
    visible = cluster.namespaces()
    where = d.slots.namespace
    if (where and where not in visible) or (not where and not visible):
        # The view does not cover that namespace (a user who may not list namespaces,
        # one the executor was not told of): take the name as typed, never "not found".
        return [d.build()]
    kind_word = {k.ref.plural: k.ref.kind.lower() for k in kinds.infos()}
    ops: list[Operation] = []
    for name in d.names:
        found = resolve_name(
            name, plurals, d.slots.namespace, namespace_typed, d.verb, cluster, kind_word
        )
        if isinstance(found, Clarification):
            return found
        info = kinds.by_plural(found.plural)
        slots = replace(d.slots, namespace=found.namespace or d.slots.namespace)
        single = Draft(
            d.verb,
            [info] if info else d.kinds,
            list(found.names),
            True,
            slots,
            dict(d.params),
            d.subresource,
        )
        ops.append(single.build())
    return _merge(ops)


def _merge(ops: list[Operation]) -> list[Operation]:
    """Operations that differ only by name become one operation on several names."""
    from dataclasses import replace

    merged: list[Operation] = []
    for op in ops:
        if merged:
            prev = merged[-1]
            if replace(prev, name=op.name, names=()) == op:
                merged[-1] = replace(prev, names=(*prev.names, *op.targets))
                continue
        merged.append(op)
    return merged
