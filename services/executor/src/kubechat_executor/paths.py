"""REST paths for a typed resource reference: the one place URLs are built."""

from __future__ import annotations

from urllib.parse import quote

from kubechat.errors import InvalidArgument
from kubechat.v1 import common_pb2


def resource_path(
    resource: common_pb2.ResourceRef, namespace: str = "", name: str = "", subresource: str = ""
) -> str:
    if not resource.plural or not resource.version:
        raise InvalidArgument(
            f"operation names no resource type (kind '{resource.kind or '?'}' lacks its "
            "version or plural)"
        )
    prefix = (
        f"/api/{resource.version}"
        if not resource.group
        else (f"/apis/{_segment(resource.group)}/{_segment(resource.version)}")
    )
    parts = [prefix]
    if resource.namespaced and namespace:
        parts.append(f"namespaces/{_segment(namespace)}")
    parts.append(_segment(resource.plural))
    if name:
        parts.append(_segment(name))
        if subresource:
            parts.append(_segment(subresource))
    return "/".join(parts)


def _segment(value: str) -> str:
    # Names come from users and models: never let one escape its path segment.
    if not value or value in {".", ".."} or "/" in value:
        raise InvalidArgument(f"'{value}' is not a valid name for a path segment")
    return quote(value, safe="")
