"""delete and drain: the destructive verbs."""

from __future__ import annotations

from typing import Any

from kubechat.errors import FailedPrecondition, InvalidArgument
from kubechat.v1 import common_pb2
from kubechat_executor.kube import MERGE_PATCH
from kubechat_executor.operations.base import (
    DAEMONSETS,
    DEPLOYMENTS,
    NODES,
    PODS,
    STATEFULSETS,
    Context,
    Handler,
    Mutation,
    Unsupported,
    ref,
    selector_string,
)

Affected = list[tuple[common_pb2.ResourceRef, str, str, str]]

# What a user loses with a namespace: the workloads and the data.
NAMESPACE_CONTENTS = (
    DEPLOYMENTS,
    STATEFULSETS,
    DAEMONSETS,
    ref("batch", "v1", "Job", "jobs"),
    ref("batch", "v1", "CronJob", "cronjobs"),
    ref("", "v1", "Service", "services"),
    ref("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims"),
    ref("", "v1", "Secret", "secrets"),
    ref("", "v1", "ConfigMap", "configmaps"),
)


def _delete_query(ctx: Context) -> list[tuple[str, str]]:
    query = [("propagationPolicy", "Background")]
    grace = ctx.int_param("grace_period")
    if ctx.bool_param("force"):
        grace = 0
    elif ctx.bool_param("now"):
        grace = 1
    if grace is not None and grace >= 0:
        query.append(("gracePeriodSeconds", str(grace)))
    return query


def _preconditioned(query: list[tuple[str, str]], uid: str) -> dict[str, Any]:
    """DeleteOptions deleting only the object with this UID (a same-named newcomer is
    refused by the API server). With a body the server reads no options from the query,
    so every option travels here too (preview.apply adds dryRun)."""
    options: dict[str, Any] = {
        "apiVersion": "v1",
        "kind": "DeleteOptions",
        "preconditions": {"uid": uid},
    }
    for key, value in query:
        options[key] = int(value) if key == "gracePeriodSeconds" else value
    return options


def delete(ctx: Context) -> list[Mutation]:
    if ctx.has("filename") or ctx.has("kustomize"):
        raise Unsupported("the executor cannot read manifest files; name the objects instead")
    resource = ctx.resource
    names = ctx.names
    op = ctx.operation
    if not names:
        if not (op.label_selector or op.field_selector or ctx.bool_param("all")):
            raise InvalidArgument(f"delete needs names, a selector or --all for {resource.plural}")
        items = ctx.list_items(ctx.path(), op.label_selector, op.field_selector)
        targets = [
            (
                str(i["metadata"]["name"]),
                str(i["metadata"].get("namespace", ctx.namespace)),
                str(i["metadata"].get("uid", "")),
                str(i["metadata"].get("resourceVersion", "")),
            )
            for i in items
        ]
        if not targets:
            raise FailedPrecondition(
                f"no {resource.plural} match in {ctx.namespace or 'the cluster'}: nothing to delete"
            )
    else:
        targets = [(n, ctx.namespace, "", "") for n in names]
    query = _delete_query(ctx)
    return [
        Mutation(
            "DELETE",
            ctx.path(name=name, namespace=namespace),
            resource,
            namespace,
            name,
            "delete",
            _preconditioned(query, uid) if uid else None,
            query=query,
            uid=uid,
            resource_version=version,
        )
        for name, namespace, uid, version in targets
    ]


def deleted_contents(ctx: Context, mutations: list[Mutation]) -> Affected:
    """What goes with the deleted objects: a namespace's workloads and data, or the pods of
    a deleted workload."""
    affected: Affected = []
    for mutation in mutations:
        if mutation.resource.plural == "namespaces":
            for kind in NAMESPACE_CONTENTS:
                try:
                    items = ctx.list_items(ctx.path(kind, namespace=mutation.name))
                except Exception:  # noqa: BLE001 - the user may not see every kind; show the rest
                    continue
                affected += [
                    (kind, mutation.name, str(i["metadata"]["name"]), "delete") for i in items
                ]
        elif mutation.resource.plural in (
            "deployments",
            "statefulsets",
            "daemonsets",
            "replicasets",
            "jobs",
        ):
            workload = ctx.get_or_none(mutation.path)
            match = (((workload or {}).get("spec") or {}).get("selector") or {}).get("matchLabels")
            if match:
                pods = ctx.list_items(
                    ctx.path(PODS, namespace=mutation.namespace), selector_string(match)
                )
                affected += [
                    (PODS, mutation.namespace, str(p["metadata"]["name"]), "delete") for p in pods
                ]
    return affected


def _evictable(ctx: Context, node: str) -> list[dict[str, Any]]:
    pods = ctx.list_items("/api/v1/pods", field_selector=f"spec.nodeName={node}")
    evict, problems = [], []
    for pod in pods:
        meta = pod.get("metadata") or {}
        owners = meta.get("ownerReferences") or []
        if (meta.get("annotations") or {}).get("kubernetes.io/config.mirror"):
            continue
        if (pod.get("status") or {}).get("phase") in ("Succeeded", "Failed"):
            evict.append(pod)
            continue
        if any(o.get("kind") == "DaemonSet" for o in owners):
            if ctx.bool_param("ignore_daemonsets"):
                continue
            problems.append(f"{meta.get('namespace')}/{meta.get('name')} (DaemonSet-managed)")
            continue
        if not owners and not ctx.bool_param("force"):
            problems.append(
                f"{meta.get('namespace')}/{meta.get('name')} (not managed by a "
                "controller; --force deletes it for good)"
            )
            continue
        volumes = (pod.get("spec") or {}).get("volumes") or []
        if any("emptyDir" in v for v in volumes) and not ctx.bool_param("delete_emptydir_data"):
            problems.append(f"{meta.get('namespace')}/{meta.get('name')} (emptyDir data)")
            continue
        evict.append(pod)
    if problems:
        raise FailedPrecondition(
            f"cannot drain {node}: " + "; ".join(problems),
            hint="use ignore_daemonsets, force or delete_emptydir_data as kubectl drain would",
        )
    return evict


def drain(ctx: Context) -> list[Mutation]:
    mutations = []
    grace = ctx.int_param("grace_period")
    for node in ctx.names:
        mutations.append(
            Mutation(
                "PATCH",
                ctx.path(NODES, name=node),
                NODES,
                "",
                node,
                "update",
                {"spec": {"unschedulable": True}},
                MERGE_PATCH,
            )
        )
        for pod in _evictable(ctx, node):
            meta = pod["metadata"]
            body: dict[str, Any] = {
                "apiVersion": "policy/v1",
                "kind": "Eviction",
                "metadata": {"name": meta["name"], "namespace": meta["namespace"]},
            }
            if grace is not None and grace >= 0:
                body["deleteOptions"] = {"gracePeriodSeconds": grace}
            pod_path = ctx.path(PODS, name=meta["name"], namespace=meta["namespace"])
            mutations.append(
                Mutation(
                    "POST",
                    pod_path + "/eviction",
                    PODS,
                    meta["namespace"],
                    meta["name"],
                    "delete",
                    body,
                    object_path=pod_path,
                )
            )
    if not mutations:
        raise InvalidArgument("drain needs the names of the nodes to drain")
    return mutations


HANDLERS = (
    Handler("delete", plan=delete, affected=deleted_contents),
    Handler("drain", plan=drain),
)
