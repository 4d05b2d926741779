"""Short constructors and the parameters and reasons several entries share."""

from __future__ import annotations

from kubechat.catalogue.model import Param, ParamType


def s(name: str, flag: str | None, description: str, *, required: bool = False) -> Param:
    return Param(name, ParamType.STR, description, flag, required=required)


def i(name: str, flag: str | None, description: str, *, required: bool = False) -> Param:
    return Param(name, ParamType.INT, description, flag, required=required)


def b(name: str, flag: str, description: str) -> Param:
    return Param(name, ParamType.BOOL, description, flag)


def lst(
    name: str,
    flag: str | None,
    description: str,
    *,
    repeat: bool = True,
    required: bool = False,
    secret: bool = False,
) -> Param:
    return Param(name, ParamType.LIST, description, flag, repeat, required, secret)


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

# Kinds (plurals) several entries act on.
POD_OWNERS = ("deployments", "statefulsets", "daemonsets", "replicasets", "jobs")
SCALABLE = ("deployments", "statefulsets", "replicasets", "replicationcontrollers")
ROLLABLE = ("deployments", "statefulsets", "daemonsets")
POD_TEMPLATES = (*ROLLABLE, "replicasets", "replicationcontrollers", "jobs", "cronjobs", "pods")

# Why KubeChat cannot run some operations: said to the user, with the kubectl line.
INTERACTIVE = (
    "'{verb}' opens an interactive stream into a container; KubeChat runs typed, audited "
    "operations and never opens terminals, tunnels or file copies into containers"
)
EDITOR = (
    "edit opens an editor; ask for the change itself (set, label, scale, patch) so it can "
    "be previewed"
)
KUBECONFIG_WRITE = (
    "the kubeconfig is the executor's, not yours: pick a cluster in KubeChat (the cluster "
    "selector, or ExecuteRequest.cluster_id) and manage clusters with RegisterCluster, "
    "RenameCluster and RemoveCluster"
)
LOCAL_FILES = (
    "diff compares local manifest files, which the executor cannot read; preview a write "
    "instead: every change gets a server-side dry-run diff before it runs"
)
