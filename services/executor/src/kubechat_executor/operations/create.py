"""create.* generators, run, expose, and create/apply/replace from a manifest given as a
parameter (`manifest`: YAML or JSON text; the executor never reads files)."""

from __future__ import annotations

from typing import Any

import yaml

from kubechat.errors import InvalidArgument
from kubechat.v1 import common_pb2
from kubechat_executor.kube import APPLY_PATCH
from kubechat_executor.operations.base import (
    NAMESPACES,
    PODS,
    SERVICES,
    Context,
    Handler,
    Mutation,
    Unsupported,
    ref,
)
from kubechat_executor.operations.util import key_values

DEPLOYMENTS = ref("apps", "v1", "Deployment", "deployments")
JOBS = ref("batch", "v1", "Job", "jobs")
CRONJOBS = ref("batch", "v1", "CronJob", "cronjobs")
CONFIGMAPS = ref("", "v1", "ConfigMap", "configmaps")
SECRETS = ref("", "v1", "Secret", "secrets")
SERVICEACCOUNTS = ref("", "v1", "ServiceAccount", "serviceaccounts")
INGRESSES = ref("networking.k8s.io", "v1", "Ingress", "ingresses")
PDBS = ref("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets")
QUOTAS = ref("", "v1", "ResourceQuota", "resourcequotas")
RBAC = "rbac.authorization.k8s.io"
ROLES = ref(RBAC, "v1", "Role", "roles")
CLUSTERROLES = ref(RBAC, "v1", "ClusterRole", "clusterroles", namespaced=False)
ROLEBINDINGS = ref(RBAC, "v1", "RoleBinding", "rolebindings")
CLUSTERROLEBINDINGS = ref(RBAC, "v1", "ClusterRoleBinding", "clusterrolebindings", namespaced=False)
NO_FILES = "the executor cannot read files from your machine; pass the content as a parameter"


def _api_version(resource: common_pb2.ResourceRef) -> str:
    return f"{resource.group}/{resource.version}" if resource.group else resource.version


def _create(
    ctx: Context, resource: common_pb2.ResourceRef, name: str, body: dict[str, Any]
) -> Mutation:
    namespace = ctx.namespace if resource.namespaced else ""
    metadata = {
        "name": name,
        **({"namespace": namespace} if namespace else {}),
        **body.pop("metadata", {}),
    }
    document = {
        "apiVersion": _api_version(resource),
        "kind": resource.kind,
        "metadata": metadata,
        **body,
    }
    return Mutation(
        "POST",
        ctx.path(resource, namespace=namespace),
        resource,
        namespace,
        name,
        "create",
        document,
    )


def _each(resource: common_pb2.ResourceRef, build: Any) -> Any:
    def plan(ctx: Context) -> list[Mutation]:
        if not ctx.names:
            raise InvalidArgument(f"'{ctx.operation.verb}' needs a name")
        return [_create(ctx, resource, n, build(ctx, n)) for n in ctx.names]

    return plan


def _container(ctx: Context, name: str) -> dict[str, Any]:
    image = ctx.str_param("image")
    if not image:
        raise InvalidArgument(f"'{ctx.operation.verb}' needs --image")
    container: dict[str, Any] = {"name": name, "image": image}
    argv = ctx.list_param("argv")
    if argv:
        container["command"] = argv
    port = ctx.int_param("port")
    if port:
        container["ports"] = [{"containerPort": port}]
    return container


def _deployment(ctx: Context, name: str) -> dict[str, Any]:
    labels = {"app": name}
    return {
        "metadata": {"labels": labels},
        "spec": {
            "replicas": ctx.int_param("replicas", 1),
            "selector": {"matchLabels": labels},
            "template": {
                "metadata": {"labels": labels},
                "spec": {"containers": [_container(ctx, name)]},
            },
        },
    }


def _job_spec(ctx: Context, name: str) -> dict[str, Any]:
    return {"template": {"spec": {"containers": [_container(ctx, name)], "restartPolicy": "Never"}}}


def _job(ctx: Context, name: str) -> dict[str, Any]:
    source = ctx.str_param("from")
    if source:
        kind, _, cronjob = source.partition("/")
        if kind.lower() not in ("cronjob", "cj", "cronjobs") or not cronjob:
            raise InvalidArgument("--from takes cronjob/NAME")
        template = (ctx.get(ctx.path(CRONJOBS, name=cronjob)).get("spec") or {}).get(
            "jobTemplate"
        ) or {}
        return {
            "metadata": {"annotations": {"cronjob.kubernetes.io/instantiate": "manual"}},
            "spec": template.get("spec") or {},
        }
    return {"spec": _job_spec(ctx, name)}


def _cronjob(ctx: Context, name: str) -> dict[str, Any]:
    schedule = ctx.str_param("schedule")
    if not schedule:
        raise InvalidArgument("create cronjob needs --schedule")
    return {"spec": {"schedule": schedule, "jobTemplate": {"spec": _job_spec(ctx, name)}}}


def _literals(ctx: Context) -> dict[str, str]:
    if ctx.has("from_file"):
        raise Unsupported(NO_FILES + " (use from_literal)")
    values, removed = key_values(ctx.list_param("from_literal"), "literal")
    if removed:
        raise InvalidArgument("literals are key=value")
    return values


def _configmap(ctx: Context, name: str) -> dict[str, Any]:
    return {"data": _literals(ctx)}


def _secret(ctx: Context, name: str) -> dict[str, Any]:
    return {"type": "Opaque", "stringData": _literals(ctx)}


def _tls_secret(ctx: Context, name: str) -> dict[str, Any]:
    cert, key = ctx.str_param("cert"), ctx.str_param("key")
    if not cert.startswith("-----BEGIN") or not key.startswith("-----BEGIN"):
        raise Unsupported(NO_FILES + " (the PEM text of --cert and --key)")
    return {"type": "kubernetes.io/tls", "stringData": {"tls.crt": cert, "tls.key": key}}


def _ports(specs: list[str]) -> list[dict[str, Any]]:
    ports = []
    for spec in specs:
        port, _, target = spec.partition(":")
        try:
            ports.append(
                {
                    "name": f"{port}-{target or port}",
                    "port": int(port),
                    "targetPort": int(target or port),
                    "protocol": "TCP",
                }
            )
        except ValueError:
            raise InvalidArgument(f"'{spec}' is not PORT:TARGET") from None
    return ports


def _service(ctx: Context, name: str) -> dict[str, Any]:
    kind = {"clusterip": "ClusterIP", "nodeport": "NodePort", "loadbalancer": "LoadBalancer"}.get(
        ctx.str_param("type", "clusterip").lower()
    )
    if kind is None:
        raise InvalidArgument("service type is clusterip, nodeport or loadbalancer")
    ports = _ports(ctx.list_param("tcp"))
    if not ports:
        raise InvalidArgument("create service needs --tcp PORT:TARGET")
    return {
        "metadata": {"labels": {"app": name}},
        "spec": {"type": kind, "selector": {"app": name}, "ports": ports},
    }


def _ingress(ctx: Context, name: str) -> dict[str, Any]:
    rules: list[dict[str, Any]] = []
    tls: list[dict[str, Any]] = []
    for rule in ctx.list_param("rule"):
        target, _, options = rule.partition(",")
        where, _, backend = target.partition("=")
        host, _, path = where.partition("/")
        service, _, port = backend.partition(":")
        if not service or not port:
            raise InvalidArgument(f"'{rule}' is not host/path=service:port")
        port_ref: dict[str, Any] = {"number": int(port)} if port.isdigit() else {"name": port}
        http_path = {
            "path": "/" + path.rstrip("*"),
            "pathType": "Prefix" if path.endswith("*") else "Exact",
            "backend": {"service": {"name": service, "port": port_ref}},
        }
        entry: dict[str, Any] = {"http": {"paths": [http_path]}}
        if host:
            entry["host"] = host
        rules.append(entry)
        if options.startswith("tls"):
            secret = options.partition("=")[2]
            tls.append(
                {"hosts": [host] if host else [], **({"secretName": secret} if secret else {})}
            )
    if not rules:
        raise InvalidArgument("create ingress needs --rule host/path=service:port")
    spec: dict[str, Any] = {"rules": rules}
    if tls:
        spec["tls"] = tls
    return {"spec": spec}


def _int_or_percent(text: str) -> int | str:
    return int(text) if text.isdigit() else text


def _pdb(ctx: Context, name: str) -> dict[str, Any]:
    selector = ctx.str_param("selector")
    labels, _ = key_values([p for p in selector.split(",") if p], "selector")
    spec: dict[str, Any] = {"selector": {"matchLabels": labels}}
    if ctx.str_param("min_available"):
        spec["minAvailable"] = _int_or_percent(ctx.str_param("min_available"))
    if ctx.str_param("max_unavailable"):
        spec["maxUnavailable"] = _int_or_percent(ctx.str_param("max_unavailable"))
    return {"spec": spec}


def _quota(ctx: Context, name: str) -> dict[str, Any]:
    hard, _ = key_values([p for p in ctx.str_param("hard").split(",") if p], "quota")
    spec: dict[str, Any] = {"hard": hard}
    if ctx.str_param("scopes"):
        spec["scopes"] = ctx.str_param("scopes").split(",")
    return {"spec": spec}


def _rules(ctx: Context, name: str) -> dict[str, Any]:
    verbs, resources = ctx.list_param("verb"), ctx.list_param("resource")
    if not verbs or not resources:
        raise InvalidArgument("a role needs --verb and --resource")
    rules = []
    for resource in resources:
        plural, _, group = resource.partition(".")
        rules.append({"apiGroups": [group], "resources": [plural], "verbs": verbs})
    return {"rules": rules}


def _subjects(ctx: Context) -> list[dict[str, Any]]:
    subjects: list[dict[str, Any]] = []
    if ctx.str_param("user"):
        subjects.append({"kind": "User", "apiGroup": RBAC, "name": ctx.str_param("user")})
    if ctx.str_param("serviceaccount"):
        namespace, _, account = ctx.str_param("serviceaccount").partition(":")
        subjects.append({"kind": "ServiceAccount", "namespace": namespace, "name": account})
    if not subjects:
        raise InvalidArgument("a binding needs --user or --serviceaccount")
    return subjects


def _binding(ctx: Context, name: str) -> dict[str, Any]:
    if ctx.str_param("clusterrole"):
        role = {"apiGroup": RBAC, "kind": "ClusterRole", "name": ctx.str_param("clusterrole")}
    elif ctx.str_param("role"):
        role = {"apiGroup": RBAC, "kind": "Role", "name": ctx.str_param("role")}
    else:
        raise InvalidArgument("a binding needs --role or --clusterrole")
    return {"roleRef": role, "subjects": _subjects(ctx)}


def _token(ctx: Context) -> list[Mutation]:
    name = ctx.one_name()
    path = ctx.path(SERVICEACCOUNTS, name=name)
    body = {"apiVersion": "authentication.k8s.io/v1", "kind": "TokenRequest", "spec": {}}
    return [
        Mutation(
            "POST",
            path + "/token",
            SERVICEACCOUNTS,
            ctx.namespace,
            name,
            "create",
            body,
            object_path=path,
        )
    ]


def _run(ctx: Context, name: str) -> dict[str, Any]:
    if ctx.bool_param("stdin") or ctx.bool_param("tty"):
        raise Unsupported("interactive pods need a terminal; KubeChat starts pods detached")
    container = _container(ctx, name)
    env, _ = key_values(ctx.list_param("env"), "variable")
    if env:
        container["env"] = [{"name": k, "value": v} for k, v in env.items()]
    restart = ctx.str_param("restart", "Always") or "Always"
    return {
        "metadata": {"labels": {"run": name}},
        "spec": {"containers": [container], "restartPolicy": restart},
    }


def expose(ctx: Context) -> list[Mutation]:
    if ctx.has("filename"):
        raise Unsupported(NO_FILES)
    source_name = ctx.one_name()
    source = ctx.get(ctx.path(name=source_name))
    spec = source.get("spec") or {}
    if source.get("kind") == "Pod":
        selector = dict((source.get("metadata") or {}).get("labels") or {})
    elif source.get("kind") == "Service":
        selector = dict(spec.get("selector") or {})
    else:
        selector = dict((spec.get("selector") or {}).get("matchLabels") or {})
    if not selector:
        raise InvalidArgument(f"{source.get('kind')} '{source_name}' has no selector to expose")
    port = ctx.int_param("port")
    if not port:
        containers = ((spec.get("template") or {}).get("spec") or spec).get("containers") or []
        ports = [p for c in containers for p in c.get("ports") or []]
        if not ports:
            raise InvalidArgument("expose needs --port (the workload declares no port)")
        port = int(ports[0]["containerPort"])
    target = ctx.str_param("target_port")
    service_port: dict[str, Any] = {
        "port": port,
        "protocol": ctx.str_param("protocol", "TCP") or "TCP",
        "targetPort": _int_or_percent(target) if target else port,
    }
    name = ctx.str_param("service_name") or source_name
    body: dict[str, Any] = {"spec": {"selector": selector, "ports": [service_port]}}
    if ctx.str_param("type"):
        body["spec"]["type"] = ctx.str_param("type")
    return [_create(ctx, SERVICES, name, body)]


# -- manifests ----------------------------------------------------------------------------


def _documents(ctx: Context) -> list[dict[str, Any]]:
    if ctx.has("filename") or ctx.has("kustomize"):
        raise Unsupported(NO_FILES + " (`manifest`: the YAML text)")
    text = ctx.str_param("manifest")
    if not text:
        raise InvalidArgument(f"'{ctx.operation.verb}' needs the manifest text")
    try:
        documents = [d for d in yaml.safe_load_all(text) if d]
    except yaml.YAMLError as exc:
        raise InvalidArgument(f"the manifest is not valid YAML: {exc}") from None
    flat: list[dict[str, Any]] = []
    for document in documents:
        if not isinstance(document, dict) or "kind" not in document:
            raise InvalidArgument("every manifest document needs apiVersion and kind")
        flat += document.get("items") or [] if document["kind"].endswith("List") else [document]
    return flat


def _manifest(method: str, change: str) -> Any:
    def plan(ctx: Context) -> list[Mutation]:
        if method == "PUT" and ctx.bool_param("force"):
            raise Unsupported("replace --force deletes and re-creates; delete, then create")
        mutations = []
        for document in _documents(ctx):
            group, _, version = str(document.get("apiVersion", "")).rpartition("/")
            resource = ctx.discovery.complete(
                ctx.cluster,
                common_pb2.ResourceRef(group=group, version=version, kind=document["kind"]),
            )
            meta = document.get("metadata") or {}
            name = str(meta.get("name", ""))
            namespace = str(meta.get("namespace") or ctx.namespace) if resource.namespaced else ""
            if resource.namespaced:
                document["metadata"] = {**meta, "namespace": namespace}
            collection = ctx.path(resource, namespace=namespace)
            if method == "POST":
                mutations.append(
                    Mutation("POST", collection, resource, namespace, name, change, document)
                )
            elif method == "APPLY":
                mutations.append(
                    Mutation(
                        "PATCH",
                        f"{collection}/{name}",
                        resource,
                        namespace,
                        name,
                        change,
                        document,
                        APPLY_PATCH,
                        query=[("force", "true")],
                    )
                )
            else:
                mutations.append(
                    Mutation(
                        "PUT", f"{collection}/{name}", resource, namespace, name, change, document
                    )
                )
        return mutations

    return plan


def _prune_refused(ctx: Context) -> list[Mutation]:
    if ctx.bool_param("prune"):
        raise Unsupported(
            "apply --prune deletes objects missing from the manifest; delete "
            "them explicitly so the preview lists them"
        )
    plan: list[Mutation] = _manifest("APPLY", "update")(ctx)
    return plan


HANDLERS = (
    Handler("create.namespace", plan=_each(NAMESPACES, lambda ctx, n: {})),
    Handler("create.deployment", plan=_each(DEPLOYMENTS, _deployment)),
    Handler("create.job", plan=_each(JOBS, _job)),
    Handler("create.cronjob", plan=_each(CRONJOBS, _cronjob)),
    Handler("create.configmap", plan=_each(CONFIGMAPS, _configmap)),
    Handler("create.secret.generic", plan=_each(SECRETS, _secret)),
    Handler("create.secret.tls", plan=_each(SECRETS, _tls_secret)),
    Handler("create.service", plan=_each(SERVICES, _service)),
    Handler("create.serviceaccount", plan=_each(SERVICEACCOUNTS, lambda ctx, n: {})),
    Handler("create.ingress", plan=_each(INGRESSES, _ingress)),
    Handler("create.poddisruptionbudget", plan=_each(PDBS, _pdb)),
    Handler("create.quota", plan=_each(QUOTAS, _quota)),
    Handler("create.role", plan=_each(ROLES, _rules)),
    Handler("create.clusterrole", plan=_each(CLUSTERROLES, _rules)),
    Handler("create.rolebinding", plan=_each(ROLEBINDINGS, _binding)),
    Handler("create.clusterrolebinding", plan=_each(CLUSTERROLEBINDINGS, _binding)),
    Handler("create.token", plan=_token),
    Handler("run", plan=_each(PODS, _run)),
    Handler("expose", plan=expose),
    Handler("create", plan=_manifest("POST", "create")),
    Handler("apply", plan=_prune_refused),
    Handler("replace", plan=_manifest("PUT", "update")),
)
