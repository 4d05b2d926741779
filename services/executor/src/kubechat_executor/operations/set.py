"""set image/env/resources/serviceaccount: strategic-merge patches of the pod template."""

from __future__ import annotations

from typing import Any

from kubechat.errors import InvalidArgument
from kubechat_executor.kube import STRATEGIC_PATCH, Table
from kubechat_executor.operations.base import Context, Handler, Mutation, Outcome
from kubechat_executor.operations.util import key_values


def pod_spec_path(kind: str) -> list[str]:
    if kind == "Pod":
        return ["spec"]
    if kind == "CronJob":
        return ["spec", "jobTemplate", "spec", "template", "spec"]
    return ["spec", "template", "spec"]


def _nest(path: list[str], value: dict[str, Any]) -> dict[str, Any]:
    for key in reversed(path):
        value = {key: value}
    return value


def _pod_spec(obj: dict[str, Any]) -> dict[str, Any]:
    spec: Any = obj
    for key in pod_spec_path(str(obj.get("kind"))):
        spec = (spec or {}).get(key) or {}
    return dict(spec)


def _containers(obj: dict[str, Any], wanted: str) -> list[str]:
    names = [str(c.get("name")) for c in _pod_spec(obj).get("containers") or []]
    if wanted in ("", "*"):
        return names
    if wanted not in names:
        meta = obj.get("metadata") or {}
        raise InvalidArgument(
            f"{str(obj.get('kind')).lower()}/{meta.get('name')} has no container '{wanted}' "
            f"(it has {', '.join(names)})"
        )
    return [wanted]


def _objects(ctx: Context) -> list[dict[str, Any]]:
    if ctx.names:
        return [ctx.get(ctx.path(name=n)) for n in ctx.names]
    op = ctx.operation
    if op.label_selector or ctx.bool_param("all"):
        return ctx.list_items(ctx.path(), op.label_selector)
    raise InvalidArgument(f"'{op.verb}' needs the workload's name, a selector or --all")


def _patches(ctx: Context, build: Any) -> list[Mutation]:
    mutations = []
    for obj in _objects(ctx):
        meta = obj.get("metadata") or {}
        spec_patch = build(obj)
        mutations.append(
            Mutation(
                "PATCH",
                ctx.path(name=str(meta["name"])),
                ctx.resource,
                ctx.namespace,
                str(meta["name"]),
                "update",
                _nest(pod_spec_path(str(obj.get("kind"))), spec_patch),
                STRATEGIC_PATCH,
            )
        )
    return mutations


def set_image(ctx: Context) -> list[Mutation]:
    pairs = dict(item.split("=", 1) for item in ctx.list_param("images") if "=" in item)
    if not pairs:
        raise InvalidArgument("set image needs container=image pairs")

    def build(obj: dict[str, Any]) -> dict[str, Any]:
        containers = []
        for container, image in pairs.items():
            containers += [{"name": n, "image": image} for n in _containers(obj, container)]
        return {"containers": containers}

    return _patches(ctx, build)


def set_env(ctx: Context) -> list[Mutation]:
    to_set, to_remove = key_values(ctx.list_param("env"), "variable")
    source = ctx.str_param("from")
    if not (to_set or to_remove or source):
        raise InvalidArgument("set env needs NAME=value, NAME- or --from")

    def build(obj: dict[str, Any]) -> dict[str, Any]:
        containers = []
        for name in _containers(obj, ctx.str_param("container")):
            env: list[dict[str, Any]] = [{"name": k, "value": v} for k, v in to_set.items()]
            env += [{"name": k, "$patch": "delete"} for k in to_remove]
            container: dict[str, Any] = {"name": name, "env": env}
            if source:
                kind, _, ref_name = source.partition("/")
                key = {
                    "secret": "secretRef",
                    "configmap": "configMapRef",
                    "cm": "configMapRef",
                }.get(kind.lower())
                if key is None or not ref_name:
                    raise InvalidArgument("--from takes secret/NAME or configmap/NAME")
                env_from: dict[str, Any] = {key: {"name": ref_name}}
                if ctx.str_param("prefix"):
                    env_from["prefix"] = ctx.str_param("prefix")
                container["envFrom"] = [env_from]
            containers.append(container)
        return {"containers": containers}

    return _patches(ctx, build)


def list_env(ctx: Context) -> Outcome:
    rows = []
    for obj in _objects(ctx):
        for container in _pod_spec(obj).get("containers") or []:
            for variable in container.get("env") or []:
                value = variable.get(
                    "value", "<from " + str(list((variable.get("valueFrom") or {}).keys())) + ">"
                )
                rows.append({"cells": [str(container.get("name")), variable.get("name"), value]})
    columns = [{"name": n, "type": "string"} for n in ("Container", "Name", "Value")]
    return Outcome(table=Table(columns, rows), kind="EnvVar")


def _quantities(text: str) -> dict[str, str]:
    if not text:
        return {}
    values, removed = key_values([p for p in text.split(",") if p], "resource")
    if removed:
        raise InvalidArgument("resources are set as name=quantity (cpu=100m,memory=128Mi)")
    return values


def set_resources(ctx: Context) -> list[Mutation]:
    limits, requests = _quantities(ctx.str_param("limits")), _quantities(ctx.str_param("requests"))
    if not limits and not requests:
        raise InvalidArgument("set resources needs --limits or --requests")

    def build(obj: dict[str, Any]) -> dict[str, Any]:
        resources: dict[str, Any] = {}
        if limits:
            resources["limits"] = limits
        if requests:
            resources["requests"] = requests
        return {
            "containers": [
                {"name": n, "resources": resources}
                for n in _containers(obj, ctx.str_param("container"))
            ]
        }

    return _patches(ctx, build)


def set_serviceaccount(ctx: Context) -> list[Mutation]:
    account = ctx.str_param("serviceaccount")
    if not account:
        raise InvalidArgument("set serviceaccount needs the service account's name")
    return _patches(ctx, lambda obj: {"serviceAccountName": account})


HANDLERS = (
    Handler("set.image", plan=set_image),
    Handler("set.env", plan=set_env, read=list_env),
    Handler("set.resources", plan=set_resources),
    Handler("set.serviceaccount", plan=set_serviceaccount),
)
