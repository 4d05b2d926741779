"""The catalogue table. One entry per kubectl-equivalent operation."""

from __future__ import annotations

from kubechat_nlp.catalogue import CatalogueEntry, Param, ParamType, Target
from kubechat_nlp.model import Risk

R, W, D = Risk.READ, Risk.WRITE, Risk.DESTRUCTIVE


def s(name: str, flag: str | None, description: str) -> Param:
    return Param(name, ParamType.STR, description, flag)


def i(name: str, flag: str | None, description: str) -> Param:
    return Param(name, ParamType.INT, description, flag)


def b(name: str, flag: str, description: str) -> Param:
    return Param(name, ParamType.BOOL, description, flag)


def lst(name: str, flag: str | None, description: str, repeat: bool = True) -> Param:
    return Param(name, ParamType.LIST, description, flag, repeat)


OUTPUT = s(
    "output", "-o", "output format: wide, yaml, json, name, jsonpath=..., custom-columns=..."
)
WATCH = b("watch", "--watch", "keep watching for changes")
FILENAME = lst("filename", "-f", "manifest files, directories or URLs")
DRY_RUN = s("dry_run", "--dry-run", "client or server: preview only")
IMAGE = s("image", "--image", "container image")
ARGV = lst("argv", None, "command and arguments run in the container")
CONTAINER = s("container", "-c", "container name")
CONTEXT = s("context", "--context", "kubeconfig context to use")

ENTRIES: tuple[CatalogueEntry, ...] = (
    # --- reading -------------------------------------------------------------------------
    CatalogueEntry(
        "get",
        "List or fetch objects of one or more kinds",
        ("get",),
        Target.KINDS,
        R,
        (
            OUTPUT,
            s("sort_by", "--sort-by", "JSONPath to sort by"),
            WATCH,
            b("show_labels", "--show-labels", "show labels as a column"),
            s("template", "--template", "Go template for -o template"),
            FILENAME,
        ),
        ("pods",),
    ),
    CatalogueEntry(
        "describe",
        "Show details of objects",
        ("describe",),
        Target.KINDS,
        R,
        (FILENAME,),
        ("pods",),
    ),
    CatalogueEntry(
        "logs",
        "Print the logs of a container",
        ("logs",),
        Target.POD_OR_REF,
        R,
        (
            b("follow", "-f", "stream new lines"),
            b("previous", "--previous", "previous terminated container"),
            CONTAINER,
            i("tail", "--tail", "number of recent lines"),
            s("since", "--since", "only lines newer than a duration"),
            s("since_time", "--since-time", "only lines after an RFC3339 time"),
            b("timestamps", "--timestamps", "prefix each line with its time"),
            b("all_containers", "--all-containers", "every container of the pod"),
            b("all_pods", "--all-pods", "every pod of the workload"),
        ),
        ("pods",),
    ),
    CatalogueEntry(
        "top.pod",
        "CPU and memory use of pods",
        ("top", "pod"),
        Target.NAMES,
        R,
        (
            b("containers", "--containers", "per container"),
            s("sort_by", "--sort-by", "cpu or memory"),
        ),
        ("pods",),
    ),
    CatalogueEntry(
        "top.node",
        "CPU and memory use of nodes",
        ("top", "node"),
        Target.NAMES,
        R,
        (s("sort_by", "--sort-by", "cpu or memory"),),
        ("nodes",),
    ),
    CatalogueEntry(
        "events",
        "List events, optionally for one object",
        ("events",),
        Target.NONE,
        R,
        (
            s("for", "--for", "kind/name of the object"),
            s("types", "--types", "Normal or Warning"),
            WATCH,
            OUTPUT,
        ),
    ),
    CatalogueEntry("explain", "Documentation of a kind's fields", ("explain",), Target.KINDS, R),
    CatalogueEntry(
        "api-resources",
        "Resource types the server supports",
        ("api-resources",),
        Target.NONE,
        R,
        (s("namespaced", "--namespaced", "true or false"), OUTPUT),
    ),
    CatalogueEntry(
        "api-versions", "API versions the server supports", ("api-versions",), Target.NONE, R
    ),
    CatalogueEntry(
        "cluster-info",
        "Addresses of the control plane and services",
        ("cluster-info",),
        Target.NONE,
        R,
    ),
    CatalogueEntry(
        "cluster-info.dump",
        "Dump the cluster state for debugging",
        ("cluster-info", "dump"),
        Target.NONE,
        R,
    ),
    CatalogueEntry("version", "Client and server versions", ("version",), Target.NONE, R),
    CatalogueEntry(
        "auth.can-i",
        "Check whether an action is allowed",
        ("auth", "can-i"),
        Target.NONE,
        R,
        (
            s("verb", None, "API verb or *"),
            s("resource", None, "resource or *"),
            b("list", "--list", "list every allowed action"),
            s("as", "--as", "user or service account to impersonate"),
            s("subresource", "--subresource", "e.g. log"),
        ),
    ),
    CatalogueEntry(
        "auth.whoami", "Show the current user's attributes", ("auth", "whoami"), Target.NONE, R
    ),
    CatalogueEntry(
        "config.view",
        "Show the merged kubeconfig",
        ("config", "view"),
        Target.NONE,
        R,
        (b("raw", "--raw", "include secrets"), OUTPUT),
    ),
    CatalogueEntry(
        "config.get-contexts",
        "List kubeconfig contexts",
        ("config", "get-contexts"),
        Target.NONE,
        R,
        (OUTPUT, s("kubeconfig", "--kubeconfig", "kubeconfig file")),
    ),
    CatalogueEntry(
        "config.current-context",
        "Show the current context",
        ("config", "current-context"),
        Target.NONE,
        R,
    ),
    CatalogueEntry(
        "config.get-clusters",
        "List kubeconfig clusters",
        ("config", "get-clusters"),
        Target.NONE,
        R,
    ),
    CatalogueEntry(
        "rollout.status",
        "Watch a rollout until it completes",
        ("rollout", "status"),
        Target.REFS,
        R,
        (WATCH,),
        ("deployments",),
    ),
    CatalogueEntry(
        "rollout.history",
        "Revisions of a workload",
        ("rollout", "history"),
        Target.REFS,
        R,
        (i("revision", "--revision", "show one revision"),),
        ("deployments",),
    ),
    CatalogueEntry(
        "apply.view-last-applied",
        "Show the last applied configuration",
        ("apply", "view-last-applied"),
        Target.REFS,
        R,
        (OUTPUT,),
        ("deployments",),
    ),
    CatalogueEntry(
        "diff", "Diff live objects against manifests", ("diff",), Target.NONE, R, (FILENAME,)
    ),
    CatalogueEntry(
        "wait",
        "Wait for a condition on objects",
        ("wait",),
        Target.REFS,
        R,
        (s("for", "--for", "condition=X or delete"), s("timeout", "--timeout", "give up after")),
        ("pods",),
    ),
    # --- changing ------------------------------------------------------------------------
    CatalogueEntry(
        "exec",
        "Run a command in a container",
        ("exec",),
        Target.POD_OR_REF,
        W,
        (CONTAINER, b("stdin", "-i", "pass stdin"), b("tty", "-t", "allocate a tty"), ARGV),
        ("pods",),
        argv_param="argv",
    ),
    CatalogueEntry(
        "attach",
        "Attach to a running container",
        ("attach",),
        Target.POD_OR_REF,
        W,
        (CONTAINER, b("stdin", "-i", "pass stdin")),
        ("pods",),
    ),
    CatalogueEntry(
        "port-forward",
        "Forward local ports to a pod",
        ("port-forward",),
        Target.POD_OR_REF,
        W,
        (
            lst("ports", None, "LOCAL:REMOTE pairs"),
            s("address", "--address", "local addresses to listen on"),
        ),
        ("pods",),
    ),
    CatalogueEntry(
        "cp",
        "Copy files to or from a container",
        ("cp",),
        Target.NONE,
        W,
        (s("source", None, "source path"), s("destination", None, "destination"), CONTAINER),
    ),
    CatalogueEntry(
        "debug",
        "Start a debugging container",
        ("debug",),
        Target.POD_OR_REF,
        W,
        (
            b("interactive", "-it", "interactive"),
            IMAGE,
            s("copy_to", "--copy-to", "name of a debugging copy"),
            s("set_image", "--set-image", "container=image for the copy"),
        ),
        ("pods",),
    ),
    CatalogueEntry(
        "scale",
        "Set the replica count",
        ("scale",),
        Target.REFS,
        W,
        (
            i("replicas", "--replicas", "desired replicas"),
            i("current_replicas", "--current-replicas", "precondition"),
            FILENAME,
        ),
        ("deployments", "statefulsets", "replicasets", "replicationcontrollers"),
    ),
    CatalogueEntry(
        "autoscale",
        "Create a HorizontalPodAutoscaler",
        ("autoscale",),
        Target.KINDS,
        W,
        (
            i("min", "--min", "minimum replicas"),
            i("max", "--max", "maximum"),
            s("cpu", "--cpu", "CPU target, e.g. 80% or 500m"),
            s("memory", "--memory", "memory target"),
        ),
        ("deployments",),
    ),
    CatalogueEntry(
        "rollout.restart",
        "Restart the pods of a workload",
        ("rollout", "restart"),
        Target.REFS,
        W,
        (),
        ("deployments",),
    ),
    CatalogueEntry(
        "rollout.undo",
        "Roll back to a previous revision",
        ("rollout", "undo"),
        Target.REFS,
        W,
        (i("to_revision", "--to-revision", "revision number"),),
        ("deployments",),
    ),
    CatalogueEntry(
        "rollout.pause",
        "Pause a rollout",
        ("rollout", "pause"),
        Target.REFS,
        W,
        (),
        ("deployments",),
    ),
    CatalogueEntry(
        "rollout.resume",
        "Resume a paused rollout",
        ("rollout", "resume"),
        Target.REFS,
        W,
        (),
        ("deployments",),
    ),
    CatalogueEntry(
        "set.image",
        "Change container images",
        ("set", "image"),
        Target.REFS,
        W,
        (lst("images", None, "container=image pairs"), b("all", "--all", "all")),
        ("deployments",),
    ),
    CatalogueEntry(
        "set.env",
        "Set or remove environment variables",
        ("set", "env"),
        Target.REFS,
        W,
        (
            lst("env", None, "NAME=value or NAME-"),
            b("list", "--list", "list"),
            s("from", "--from", "secret/x or configmap/x"),
            s("prefix", "--prefix", "prefix for imported names"),
            CONTAINER,
        ),
        ("deployments",),
    ),
    CatalogueEntry(
        "set.resources",
        "Set CPU/memory requests and limits",
        ("set", "resources"),
        Target.KINDS,
        W,
        (
            CONTAINER,
            s("limits", "--limits", "cpu=..,memory=.."),
            s("requests", "--requests", "cpu=..,memory=.."),
        ),
        ("deployments",),
    ),
    CatalogueEntry(
        "set.serviceaccount",
        "Set the service account of a workload",
        ("set", "serviceaccount"),
        Target.KINDS,
        W,
        (s("serviceaccount", None, "service account name"),),
        ("deployments",),
    ),
    CatalogueEntry(
        "label",
        "Add, change or remove labels",
        ("label",),
        Target.KINDS,
        W,
        (
            lst("labels", None, "key=value or key-"),
            b("overwrite", "--overwrite", "replace existing values"),
            b("all", "--all", "every object of the kind"),
            b("list", "--list", "list current labels"),
        ),
        ("pods",),
    ),
    CatalogueEntry(
        "annotate",
        "Add, change or remove annotations",
        ("annotate",),
        Target.KINDS,
        W,
        (
            lst("annotations", None, "key=value or key-"),
            b("overwrite", "--overwrite", "replace existing values"),
            b("all", "--all", "every object of the kind"),
            b("list", "--list", "list current annotations"),
        ),
        ("pods",),
    ),
    CatalogueEntry(
        "patch",
        "Partially update an object",
        ("patch",),
        Target.KINDS,
        W,
        (
            s("type", "--type", "strategic, merge or json"),
            s("subresource", "--subresource", "e.g. scale"),
            s("patch", "-p", "the patch document"),
        ),
        ("deployments",),
    ),
    CatalogueEntry(
        "edit",
        "Edit an object in an editor",
        ("edit",),
        Target.REFS,
        W,
        (OUTPUT, b("save_config", "--save-config", "keep config annotation")),
        ("deployments",),
    ),
    CatalogueEntry(
        "apply",
        "Create or update objects from manifests",
        ("apply",),
        Target.NONE,
        W,
        (
            FILENAME,
            s("kustomize", "-k", "kustomization directory"),
            b("prune", "--prune", "delete objects missing from the manifests"),
        ),
    ),
    CatalogueEntry(
        "create", "Create objects from manifests", ("create",), Target.NONE, W, (FILENAME,)
    ),
    CatalogueEntry(
        "create.namespace", "Create a namespace", ("create", "namespace"), Target.NAMES, W
    ),
    CatalogueEntry(
        "create.deployment",
        "Create a deployment",
        ("create", "deployment"),
        Target.NAMES,
        W,
        (IMAGE, i("replicas", "--replicas", "replicas"), i("port", "--port", "port"), ARGV),
        argv_param="argv",
    ),
    CatalogueEntry(
        "create.job",
        "Create a job",
        ("create", "job"),
        Target.NAMES,
        W,
        (IMAGE, s("from", "--from", "cronjob/name"), ARGV),
        argv_param="argv",
    ),
    CatalogueEntry(
        "create.cronjob",
        "Create a cron job",
        ("create", "cronjob"),
        Target.NAMES,
        W,
        (IMAGE, s("schedule", "--schedule", "cron schedule"), ARGV),
        argv_param="argv",
    ),
    CatalogueEntry(
        "create.configmap",
        "Create a config map",
        ("create", "configmap"),
        Target.NAMES,
        W,
        (
            lst("from_literal", "--from-literal", "key=value"),
            lst("from_file", "--from-file", "files or directories"),
        ),
    ),
    CatalogueEntry(
        "create.secret.generic",
        "Create a generic secret",
        ("create", "secret", "generic"),
        Target.NAMES,
        W,
        (
            lst("from_literal", "--from-literal", "key=value"),
            lst("from_file", "--from-file", "files or directories"),
        ),
    ),
    CatalogueEntry(
        "create.secret.tls",
        "Create a TLS secret",
        ("create", "secret", "tls"),
        Target.NAMES,
        W,
        (s("cert", "--cert", "certificate file"), s("key", "--key", "key file")),
    ),
    CatalogueEntry(
        "create.service",
        "Create a service",
        ("create", "service", "{type}"),
        Target.NAMES,
        W,
        (s("type", None, "clusterip, nodeport, loadbalancer"), lst("tcp", "--tcp", "PORT:TARGET")),
    ),
    CatalogueEntry(
        "create.serviceaccount",
        "Create a service account",
        ("create", "serviceaccount"),
        Target.NAMES,
        W,
    ),
    CatalogueEntry(
        "create.ingress",
        "Create an ingress",
        ("create", "ingress"),
        Target.NAMES,
        W,
        (lst("rule", "--rule", "host/path=service:port[,tls=secret]"),),
    ),
    CatalogueEntry(
        "create.poddisruptionbudget",
        "Create a pod disruption budget",
        ("create", "poddisruptionbudget"),
        Target.NAMES,
        W,
        (
            s("selector", "--selector", "label selector"),
            s("min_available", "--min-available", "minimum available"),
            s("max_unavailable", "--max-unavailable", "maximum unavailable"),
        ),
    ),
    CatalogueEntry(
        "create.quota",
        "Create a resource quota",
        ("create", "quota"),
        Target.NAMES,
        W,
        (s("hard", "--hard", "resource=amount,..."), s("scopes", "--scopes", "quota scopes")),
    ),
    CatalogueEntry(
        "create.role",
        "Create a role",
        ("create", "role"),
        Target.NAMES,
        W,
        (
            lst("verb", "--verb", "allowed verbs", repeat=False),
            lst("resource", "--resource", "resources", repeat=False),
        ),
    ),
    CatalogueEntry(
        "create.clusterrole",
        "Create a cluster role",
        ("create", "clusterrole"),
        Target.NAMES,
        W,
        (
            lst("verb", "--verb", "allowed verbs", repeat=False),
            lst("resource", "--resource", "resources", repeat=False),
        ),
    ),
    CatalogueEntry(
        "create.rolebinding",
        "Bind a role",
        ("create", "rolebinding"),
        Target.NAMES,
        W,
        (
            s("role", "--role", "role"),
            s("clusterrole", "--clusterrole", "role"),
            s("user", "--user", "user"),
            s("serviceaccount", "--serviceaccount", "namespace:name"),
        ),
    ),
    CatalogueEntry(
        "create.clusterrolebinding",
        "Bind a cluster role",
        ("create", "clusterrolebinding"),
        Target.NAMES,
        W,
        (
            s("clusterrole", "--clusterrole", "role"),
            s("user", "--user", "user"),
            s("serviceaccount", "--serviceaccount", "namespace:name"),
        ),
    ),
    CatalogueEntry(
        "create.token", "Request a service account token", ("create", "token"), Target.NAMES, W
    ),
    CatalogueEntry(
        "run",
        "Start a pod",
        ("run",),
        Target.NAMES,
        W,
        (
            IMAGE,
            i("port", "--port", "container port"),
            lst("env", "--env", "NAME=value"),
            s("restart", "--restart", "Never, OnFailure, Always"),
            b("stdin", "-i", "pass stdin"),
            b("tty", "-t", "allocate a tty"),
            DRY_RUN,
            ARGV,
        ),
        argv_param="argv",
    ),
    CatalogueEntry(
        "expose",
        "Create a service for an object",
        ("expose",),
        Target.KINDS,
        W,
        (
            i("port", "--port", "service port"),
            s("target_port", "--target-port", "container port"),
            s("service_name", "--name", "service name"),
            s("protocol", "--protocol", "TCP or UDP"),
            s("type", "--type", "service type"),
            FILENAME,
        ),
        ("deployments",),
    ),
    CatalogueEntry(
        "cordon", "Mark nodes unschedulable", ("cordon",), Target.NAMES, W, (CONTEXT,), ("nodes",)
    ),
    CatalogueEntry(
        "uncordon", "Mark nodes schedulable", ("uncordon",), Target.NAMES, W, (CONTEXT,), ("nodes",)
    ),
    CatalogueEntry(
        "taint",
        "Add or remove node taints",
        ("taint", "nodes"),
        Target.NAMES,
        W,
        (lst("taints", None, "key=value:Effect or key:Effect-"),),
        ("nodes",),
    ),
    CatalogueEntry(
        "config.use-context",
        "Switch the current context",
        ("config", "use-context"),
        Target.NAMES,
        W,
    ),
    CatalogueEntry(
        "config.set-context",
        "Change a context's namespace, user or cluster",
        ("config", "set-context"),
        Target.NAMES,
        W,
        (
            b("current", "--current", "the current context"),
            s("namespace", "--namespace", "default namespace"),
            s("user", "--user", "user"),
            s("cluster", "--cluster", "cluster"),
        ),
    ),
    CatalogueEntry(
        "config.set-cluster",
        "Change a kubeconfig cluster entry",
        ("config", "set-cluster"),
        Target.NAMES,
        W,
        (s("server", "--server", "API server URL"), s("proxy_url", "--proxy-url", "proxy URL")),
    ),
    CatalogueEntry(
        "config.rename-context", "Rename a context", ("config", "rename-context"), Target.NAMES, W
    ),
    CatalogueEntry(
        "config.delete-context", "Delete a context", ("config", "delete-context"), Target.NAMES, W
    ),
    CatalogueEntry(
        "config.unset", "Unset a kubeconfig value", ("config", "unset"), Target.NAMES, W
    ),
    # --- destroying ----------------------------------------------------------------------
    CatalogueEntry(
        "delete",
        "Delete objects",
        ("delete",),
        Target.KINDS,
        D,
        (
            b("all", "--all", "every object of the kinds"),
            b("force", "--force", "skip graceful deletion"),
            i("grace_period", "--grace-period", "seconds"),
            b("now", "--now", "immediate shutdown"),
            b("interactive", "--interactive", "confirm each"),
            FILENAME,
            s("kustomize", "-k", "kustomization directory"),
        ),
    ),
    CatalogueEntry(
        "drain",
        "Evict all pods from nodes",
        ("drain",),
        Target.NAMES,
        D,
        (
            b("force", "--force", "also unmanaged pods"),
            i("grace_period", "--grace-period", "seconds"),
            b("ignore_daemonsets", "--ignore-daemonsets", "skip DaemonSet pods"),
            b("delete_emptydir_data", "--delete-emptydir-data", "lose emptyDir data"),
            s("timeout", "--timeout", "give up after"),
            DRY_RUN,
        ),
        ("nodes",),
    ),
    CatalogueEntry(
        "replace",
        "Replace objects from manifests",
        ("replace",),
        Target.NONE,
        D,
        (b("force", "--force", "delete and re-create"), FILENAME),
    ),
)
