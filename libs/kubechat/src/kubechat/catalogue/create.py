"""Creating objects: from manifests, by kind (`create <kind>`), `run` and `expose`."""

from __future__ import annotations

from kubechat.catalogue._params import ARGV, DRY_RUN, FILENAME, IMAGE, b, i, lst, s
from kubechat.catalogue.model import CatalogueEntry, Param, Risk, Target, Verification

W, D = Risk.WRITE, Risk.DESTRUCTIVE
_EXISTS = Verification.EXISTS


def _create(
    kind: str,
    description: str,
    phrasings: tuple[str, ...],
    *params: Param,
    command: tuple[str, ...] = (),
    namespaced: bool = True,
    argv_param: str | None = None,
    verification: Verification = _EXISTS,
) -> CatalogueEntry:
    """`create.<kind>`: `kubectl create <kind> NAME ...`."""
    return CatalogueEntry(
        f"create.{kind}",
        description,
        command or ("create", *kind.split(".")),
        Target.NAMES,
        W,
        params,
        argv_param=argv_param,
        namespaced=namespaced,
        verification=verification,
        phrasings=phrasings,
    )


_RULES = (
    lst("verb", "--verb", "allowed verbs", repeat=False),
    lst("resource", "--resource", "resources", repeat=False),
)
_FROM = (
    lst("from_literal", "--from-literal", "key=value"),
    lst("from_file", "--from-file", "files or directories"),
)

ENTRIES: tuple[CatalogueEntry, ...] = (
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
        # New or changed workloads are verified by their rollout (verify.py).
        verification=Verification.ACCEPTED,
        phrasings=(
            "apply",
            "apply the manifest",
            "apply the yaml",
            "deploy the manifest",
            "sync the config",
            "apply the file",
        ),
    ),
    CatalogueEntry(
        "create",
        "Create objects from manifests",
        ("create",),
        Target.NONE,
        W,
        (FILENAME,),
        verification=_EXISTS,
        phrasings=(
            "create from the manifest",
            "create from file",
            "create from yaml",
            "create the objects in",
        ),
    ),
    _create(
        "namespace",
        "Create a namespace",
        ("create namespace", "new namespace", "make a namespace", "add a namespace"),
        namespaced=False,
    ),
    _create(
        "deployment",
        "Create a deployment",
        (
            "create deployment",
            "new deployment",
            "deploy",
            "deploy the image",
            "spin up a deployment",
            "launch",
        ),
        s("image", "--image", "container image", required=True),
        i("replicas", "--replicas", "replicas"),
        i("port", "--port", "port"),
        ARGV,
        argv_param="argv",
    ),
    _create(
        "job",
        "Create a job",
        ("create job", "new job", "run a job", "start a job", "trigger the cronjob"),
        IMAGE,
        s("from", "--from", "cronjob/name"),
        ARGV,
        argv_param="argv",
    ),
    _create(
        "cronjob",
        "Create a cron job",
        ("create cronjob", "new cronjob", "schedule a job", "run every", "periodic job"),
        IMAGE,
        s("schedule", "--schedule", "cron schedule"),
        ARGV,
        argv_param="argv",
    ),
    _create(
        "configmap",
        "Create a config map",
        ("create configmap", "new configmap", "make a config map", "store config"),
        *_FROM,
    ),
    _create(
        "secret.generic",
        "Create a generic secret",
        ("create secret", "new secret", "store a password", "generic secret"),
        # The literal values are the secret: never kept in history or audit.
        lst("from_literal", "--from-literal", "key=value", secret=True),
        lst("from_file", "--from-file", "files or directories"),
    ),
    _create(
        "secret.tls",
        "Create a TLS secret",
        ("create tls secret", "tls secret", "store the certificate", "certificate secret"),
        s("cert", "--cert", "certificate file"),
        s("key", "--key", "key file"),
    ),
    _create(
        "service",
        "Create a service",
        (
            "create service",
            "new service",
            "clusterip service",
            "nodeport service",
            "load balancer service",
        ),
        s("type", None, "clusterip, nodeport, loadbalancer"),
        lst("tcp", "--tcp", "PORT:TARGET"),
        command=("create", "service", "{type}"),
    ),
    _create(
        "serviceaccount",
        "Create a service account",
        ("create serviceaccount", "create service account", "new service account"),
    ),
    _create(
        "ingress",
        "Create an ingress",
        ("create ingress", "new ingress", "route traffic to", "ingress rule"),
        lst("rule", "--rule", "host/path=service:port[,tls=secret]"),
    ),
    _create(
        "poddisruptionbudget",
        "Create a pod disruption budget",
        ("create pdb", "pod disruption budget", "disruption budget", "keep at least available"),
        s("selector", "--selector", "label selector"),
        s("min_available", "--min-available", "minimum available"),
        s("max_unavailable", "--max-unavailable", "maximum unavailable"),
    ),
    _create(
        "quota",
        "Create a resource quota",
        ("create quota", "resource quota", "set a quota", "cap the namespace resources"),
        s("hard", "--hard", "resource=amount,..."),
        s("scopes", "--scopes", "quota scopes"),
    ),
    _create(
        "role",
        "Create a role",
        ("create role", "new role", "make a role", "role that can"),
        *_RULES,
    ),
    _create(
        "clusterrole",
        "Create a cluster role",
        ("create clusterrole", "create cluster role", "new cluster role", "cluster-wide role"),
        *_RULES,
        namespaced=False,
    ),
    _create(
        "rolebinding",
        "Bind a role",
        ("create rolebinding", "bind the role", "grant access", "role binding"),
        s("role", "--role", "role"),
        s("clusterrole", "--clusterrole", "role"),
        s("user", "--user", "user"),
        s("serviceaccount", "--serviceaccount", "namespace:name"),
    ),
    _create(
        "clusterrolebinding",
        "Bind a cluster role",
        (
            "create clusterrolebinding",
            "cluster role binding",
            "bind the cluster role",
            "grant cluster-wide access",
        ),
        s("clusterrole", "--clusterrole", "role"),
        s("user", "--user", "user"),
        s("serviceaccount", "--serviceaccount", "namespace:name"),
        namespaced=False,
    ),
    _create(
        "token",
        "Request a service account token",
        ("create token", "service account token", "get a token for", "issue a token"),
        # A TokenRequest is not stored; the answer itself is the result.
        verification=Verification.ACCEPTED,
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
        verification=_EXISTS,
        phrasings=(
            "run",
            "start a pod",
            "run the image",
            "launch a pod",
            "spin up a pod",
            "one-off pod",
        ),
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
        kinds=("deployments", "services", "pods", "replicasets", "replicationcontrollers"),
        verification=_EXISTS,
        phrasings=(
            "expose",
            "expose the deployment",
            "make it reachable",
            "open a port on",
            "create a service for",
            "publish port",
        ),
    ),
    CatalogueEntry(
        "replace",
        "Replace objects from manifests",
        ("replace",),
        Target.NONE,
        D,
        (b("force", "--force", "delete and re-create"), FILENAME),
        verification=Verification.ACCEPTED,
        phrasings=(
            "replace",
            "replace from the manifest",
            "overwrite with the file",
            "replace the object",
        ),
    ),
)
