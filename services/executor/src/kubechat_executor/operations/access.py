"""Who am I, what may I do, and which clusters are there: auth.* and the config.* reads.

The kubeconfig belongs to the executor, not to the user, so `config.*` answers from the
cluster registry and never shows a credential; the config writes have no handler (the
catalogue says why they cannot run).
"""

from __future__ import annotations

from typing import Any

from kubechat.errors import InvalidArgument
from kubechat_executor.kube import Table
from kubechat_executor.operations.base import Context, Handler, Outcome, Unsupported


def _attributes(ctx: Context) -> dict[str, Any]:
    verb = ctx.str_param("verb")
    resource = ctx.str_param("resource") or ctx.operation.resource.plural
    if not verb or not resource:
        raise InvalidArgument("auth can-i needs a verb and a resource, e.g. 'delete pods'")
    subresource = ctx.str_param("subresource")
    if "/" in resource:
        resource, subresource = resource.split("/", 1)
    group = ctx.operation.resource.group
    if "." in resource:
        resource, group = resource.split(".", 1)
    attributes: dict[str, Any] = {"verb": verb, "resource": resource, "group": group}
    if subresource:
        attributes["subresource"] = subresource
    if ctx.operation.namespace and not ctx.operation.all_namespaces:
        attributes["namespace"] = ctx.operation.namespace
    if ctx.operation.name:
        attributes["name"] = ctx.operation.name
    return attributes


def can_i(ctx: Context) -> Outcome:
    if ctx.bool_param("list"):
        return _rules(ctx)
    attributes = _attributes(ctx)
    other = ctx.str_param("as")
    if other:
        # Asking about someone else is a SubjectAccessReview, which needs the user's own
        # right to create one; nested impersonation does not exist in Kubernetes.
        body = {
            "apiVersion": "authorization.k8s.io/v1",
            "kind": "SubjectAccessReview",
            "spec": {"resourceAttributes": attributes, "user": other},
        }
        path = "/apis/authorization.k8s.io/v1/subjectaccessreviews"
    else:
        body = {
            "apiVersion": "authorization.k8s.io/v1",
            "kind": "SelfSubjectAccessReview",
            "spec": {"resourceAttributes": attributes},
        }
        path = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"
    review = ctx.cluster.request("POST", path, body=body, identity=ctx.identity)
    status = review.get("status") or {}
    answer = "yes" if status.get("allowed") else "no"
    reason = status.get("reason") or status.get("evaluationError") or ""
    return Outcome(text=answer + (f" ({reason})" if reason and answer == "no" else ""))


def _rules(ctx: Context) -> Outcome:
    review = ctx.cluster.request(
        "POST",
        "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews",
        body={
            "apiVersion": "authorization.k8s.io/v1",
            "kind": "SelfSubjectRulesReview",
            "spec": {"namespace": ctx.namespace or "default"},
        },
        identity=ctx.identity,
    )
    rows = []
    for rule in (review.get("status") or {}).get("resourceRules") or []:
        for group in rule.get("apiGroups") or [""]:
            for resource in rule.get("resources") or []:
                name = f"{resource}.{group}" if group else resource
                rows.append(
                    {
                        "cells": [
                            name,
                            ",".join(rule.get("resourceNames") or []),
                            ",".join(rule.get("verbs") or []),
                        ]
                    }
                )
    columns = [{"name": n, "type": "string"} for n in ("Resources", "Resource Names", "Verbs")]
    return Outcome(table=Table(columns, rows), kind="Rule")


def whoami(ctx: Context) -> Outcome:
    review = ctx.cluster.request(
        "POST",
        "/apis/authentication.k8s.io/v1/selfsubjectreviews",
        body={"apiVersion": "authentication.k8s.io/v1", "kind": "SelfSubjectReview"},
        identity=ctx.identity,
    )
    info = (review.get("status") or {}).get("userInfo") or {}
    rows = [{"cells": ["Username", info.get("username", "")]}]
    rows += [{"cells": ["Groups", ",".join(info.get("groups") or [])]}]
    columns = [{"name": "Attribute", "type": "string"}, {"name": "Value", "type": "string"}]
    return Outcome(table=Table(columns, rows), kind="UserInfo")


def _clusters_table(ctx: Context, current_marker: bool) -> Table:
    rows = []
    for cluster in ctx.clusters():
        current = "*" if ctx.cluster.name in (cluster["name"], cluster["id"]) else ""
        cells = [current] if current_marker else []
        rows.append({"cells": [*cells, cluster["name"], cluster["id"], cluster["server"]]})
    names = (["Current"] if current_marker else []) + ["Name", "Id", "Server"]
    return Table([{"name": n, "type": "string"} for n in names], rows)


def get_contexts(ctx: Context) -> Outcome:
    return Outcome(table=_clusters_table(ctx, True), kind="Context")


def get_clusters(ctx: Context) -> Outcome:
    return Outcome(table=_clusters_table(ctx, False), kind="Cluster")


def current_context(ctx: Context) -> Outcome:
    return Outcome(text=ctx.cluster.name)


def view(ctx: Context) -> Outcome:
    if ctx.bool_param("raw"):
        raise Unsupported("cluster credentials never leave the executor; --raw is refused")
    return Outcome(table=_clusters_table(ctx, True), kind="Config")


HANDLERS = (
    Handler("auth.can-i", read=can_i),
    Handler("auth.whoami", read=whoami),
    Handler("config.view", read=view),
    Handler("config.get-contexts", read=get_contexts),
    Handler("config.current-context", read=current_context),
    Handler("config.get-clusters", read=get_clusters),
)
