"""A 403 from the API server, said the way a human would: who may not do what, where, and
the `kubectl auth can-i` line that shows it. Pure: built from the request alone."""

from __future__ import annotations

import shlex
from dataclasses import dataclass


@dataclass(frozen=True)
class Request:
    verb: str
    plural: str
    namespace: str = ""
    name: str = ""
    subresource: str = ""
    group: str = ""


def parse(method: str, path: str) -> Request:
    """The RBAC attributes of a REST call: `DELETE /api/v1/namespaces/prod/pods/x` is
    (delete, pods, prod, x)."""
    segments = [s for s in path.split("?")[0].split("/") if s]
    group = ""
    if segments[:1] == ["api"]:
        rest = segments[2:]
    elif segments[:1] == ["apis"]:
        group = segments[1] if len(segments) > 1 else ""
        rest = segments[3:]
    else:
        return Request(verb=method.lower(), plural=path)
    namespace = ""
    if len(rest) > 2 and rest[0] == "namespaces":
        namespace, rest = rest[1], rest[2:]
    plural = rest[0] if rest else ""
    name = rest[1] if len(rest) > 1 else ""
    subresource = rest[2] if len(rest) > 2 else ""
    if plural == "namespaces" and name:
        namespace = name
    verb = {
        "GET": "get" if name else "list",
        "POST": "create",
        "PUT": "update",
        "PATCH": "patch",
        "DELETE": "delete" if name else "deletecollection",
    }.get(method.upper(), method.lower())
    if "watch=true" in path or "watch=1" in path:
        verb = "watch"
    return Request(verb, plural, namespace, name, subresource, group)


def denial(method: str, path: str, user: str, groups: tuple[str, ...] = ()) -> tuple[str, str]:
    """("alice may not delete pods in prod",
    "kubectl auth can-i delete pods -n prod --as alice")."""
    request = parse(method, path)
    resource = request.plural
    if request.group:
        resource = f"{resource}.{request.group}"
    if request.subresource:
        resource = f"{resource}/{request.subresource}"
    where = f"in {request.namespace}" if request.namespace else "cluster-wide"
    if request.plural == "namespaces" and request.name:
        where = f"'{request.name}'"
    message = f"{user} may not {request.verb} {resource} {where}"
    words = ["kubectl", "auth", "can-i", request.verb, resource]
    if request.namespace and request.plural != "namespaces":
        words += ["-n", request.namespace]
    words += ["--as", user]
    for group in groups:
        words += ["--as-group", group]
    return message, " ".join(shlex.quote(w) for w in words)
