"""Interactive streams into containers. Declared so a request for one is understood and
answered with the reason and the kubectl line, but never run: KubeChat runs typed,
audited operations, not terminals or tunnels."""

from __future__ import annotations

from kubechat.catalogue._params import ARGV, CONTAINER, IMAGE, INTERACTIVE, POD_OWNERS, b, lst, s
from kubechat.catalogue.model import CatalogueEntry, Param, Risk, Target

W = Risk.WRITE


def _interactive(
    name: str,
    description: str,
    target: Target,
    params: tuple[Param, ...],
    phrasings: tuple[str, ...],
    *,
    kinds: tuple[str, ...] = ("pods", *POD_OWNERS),
    argv_param: str | None = None,
) -> CatalogueEntry:
    return CatalogueEntry(
        name,
        description,
        (name,),
        target,
        W,
        params,
        ("pods",) if target is not Target.NONE else (),
        argv_param=argv_param,
        kinds=kinds if target is not Target.NONE else (),
        runnable=False,
        unsupported_reason=INTERACTIVE.format(verb=name),
        phrasings=phrasings,
    )


ENTRIES: tuple[CatalogueEntry, ...] = (
    _interactive(
        "exec",
        "Run a command in a container",
        Target.POD_OR_REF,
        (CONTAINER, b("stdin", "-i", "pass stdin"), b("tty", "-t", "allocate a tty"), ARGV),
        (
            "exec",
            "run a command in",
            "execute in the container",
            "open a shell",
            "shell into",
            "ssh into",
            "run inside the pod",
        ),
        argv_param="argv",
    ),
    _interactive(
        "attach",
        "Attach to a running container",
        Target.POD_OR_REF,
        (CONTAINER, b("stdin", "-i", "pass stdin")),
        ("attach", "attach to", "connect to the running container", "attach to the console"),
    ),
    _interactive(
        "port-forward",
        "Forward local ports to a pod",
        Target.POD_OR_REF,
        (
            lst("ports", None, "LOCAL:REMOTE pairs"),
            s("address", "--address", "local addresses to listen on"),
        ),
        (
            "port forward",
            "port-forward",
            "forward port",
            "tunnel to",
            "reach it locally",
            "forward local port",
        ),
        kinds=("pods", "services", *POD_OWNERS),
    ),
    _interactive(
        "cp",
        "Copy files to or from a container",
        Target.NONE,
        (s("source", None, "source path"), s("destination", None, "destination"), CONTAINER),
        (
            "copy files",
            "cp",
            "copy a file from the pod",
            "copy to the container",
            "download a file from",
        ),
    ),
    _interactive(
        "debug",
        "Start a debugging container",
        Target.POD_OR_REF,
        (
            b("interactive", "-it", "interactive"),
            IMAGE,
            s("copy_to", "--copy-to", "name of a debugging copy"),
            s("set_image", "--set-image", "container=image for the copy"),
        ),
        (
            "debug",
            "debug container",
            "start a debugging container",
            "troubleshoot with a debug pod",
            "ephemeral container",
        ),
        kinds=("pods", "nodes"),
    ),
)
