"""Who the user is and what they may do, and the kubeconfig verbs.

The kubeconfig belongs to the executor, so its reads describe the registered clusters and
its writes are declared unrunnable: a cluster is picked in KubeChat instead."""

from __future__ import annotations

from kubechat.catalogue._params import KUBECONFIG_WRITE, OUTPUT, b, s
from kubechat.catalogue.model import CatalogueEntry, Param, Risk, Target

R, W = Risk.READ, Risk.WRITE


def _kubeconfig_write(
    name: str, description: str, phrasings: tuple[str, ...], *params: Param
) -> CatalogueEntry:
    return CatalogueEntry(
        name,
        description,
        tuple(name.split(".")),
        Target.NAMES,
        W,
        params,
        namespaced=False,
        runnable=False,
        unsupported_reason=KUBECONFIG_WRITE,
        phrasings=phrasings,
    )


ENTRIES: tuple[CatalogueEntry, ...] = (
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
        phrasings=(
            "can i",
            "am i allowed to",
            "do i have permission to",
            "may i",
            "check my permissions",
            "what am i allowed to do",
            "is it allowed to",
        ),
    ),
    CatalogueEntry(
        "auth.whoami",
        "Show the current user's attributes",
        ("auth", "whoami"),
        Target.NONE,
        R,
        namespaced=False,
        phrasings=("who am i", "whoami", "which user am i", "my identity", "what user am i"),
    ),
    CatalogueEntry(
        "config.view",
        "Show the merged kubeconfig",
        ("config", "view"),
        Target.NONE,
        R,
        (b("raw", "--raw", "include secrets"), OUTPUT),
        namespaced=False,
        phrasings=(
            "kubeconfig",
            "show the config",
            "view the kubeconfig",
            "my kubectl configuration",
        ),
    ),
    CatalogueEntry(
        "config.get-contexts",
        "List kubeconfig contexts",
        ("config", "get-contexts"),
        Target.NONE,
        R,
        (OUTPUT, s("kubeconfig", "--kubeconfig", "kubeconfig file")),
        namespaced=False,
        phrasings=("list contexts", "contexts", "available contexts", "which contexts"),
    ),
    CatalogueEntry(
        "config.current-context",
        "Show the current context",
        ("config", "current-context"),
        Target.NONE,
        R,
        namespaced=False,
        phrasings=(
            "current context",
            "which context am i in",
            "active context",
            "what context am i using",
        ),
    ),
    CatalogueEntry(
        "config.get-clusters",
        "List kubeconfig clusters",
        ("config", "get-clusters"),
        Target.NONE,
        R,
        namespaced=False,
        phrasings=("list clusters", "which clusters", "known clusters", "available clusters"),
    ),
    _kubeconfig_write(
        "config.use-context",
        "Switch the current context",
        ("switch context", "use context", "change to context", "switch to cluster"),
    ),
    _kubeconfig_write(
        "config.set-context",
        "Change a context's namespace, user or cluster",
        (
            "set the default namespace",
            "make the default namespace",
            "change the namespace of the context",
            "set context",
        ),
        b("current", "--current", "the current context"),
        s("namespace", "--namespace", "default namespace"),
        s("user", "--user", "user"),
        s("cluster", "--cluster", "cluster"),
    ),
    _kubeconfig_write(
        "config.set-cluster",
        "Change a kubeconfig cluster entry",
        ("set cluster", "change the cluster server", "set the api server url"),
        s("server", "--server", "API server URL"),
        s("proxy_url", "--proxy-url", "proxy URL"),
    ),
    _kubeconfig_write(
        "config.rename-context",
        "Rename a context",
        ("rename context", "rename the context", "give the context a new name"),
    ),
    _kubeconfig_write(
        "config.delete-context",
        "Delete a context",
        ("delete context", "remove the context", "forget the context"),
    ),
    _kubeconfig_write(
        "config.unset",
        "Unset a kubeconfig value",
        ("unset", "unset the config value", "clear the kubeconfig value"),
    ),
)
