"""Small pure helpers shared by the handlers."""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from kubechat.errors import InvalidArgument

_DURATION = re.compile(r"(\d+(?:\.\d+)?)(ms|s|m|h)")


def seconds(text: str, default: float) -> float:
    """`30s`, `2m`, `1h30m`, or a bare number of seconds."""
    text = text.strip()
    if not text:
        return default
    try:
        return float(text)
    except ValueError:
        pass
    parts = _DURATION.findall(text)
    if not parts or "".join(n + u for n, u in parts) != text:
        raise InvalidArgument(f"'{text}' is not a duration (e.g. 30s, 2m, 1h)")
    scale = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0}
    return sum(float(n) * scale[u] for n, u in parts)


def to_yaml(obj: Any) -> str:
    return yaml.safe_dump(obj, sort_keys=True, default_flow_style=False)


def parse_document(text: str, what: str) -> Any:
    """A JSON or YAML document given as a parameter."""
    try:
        return json.loads(text)
    except ValueError:
        pass
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InvalidArgument(f"{what} is neither JSON nor YAML: {exc}") from None


def key_values(items: list[str], what: str) -> tuple[dict[str, str], list[str]]:
    """`a=1`, `b-` → ({"a": "1"}, ["b"]): what to set and what to remove."""
    to_set: dict[str, str] = {}
    to_remove: list[str] = []
    for item in items:
        if item.endswith("-") and "=" not in item:
            to_remove.append(item[:-1])
        elif "=" in item:
            key, value = item.split("=", 1)
            to_set[key] = value
        else:
            raise InvalidArgument(f"'{item}' is not a {what} (key=value or key-)")
    return to_set, to_remove


def jsonpath_get(obj: Any, path: str) -> Any:
    """The value at a simple dotted path (`.metadata.name`, `{.status.phase}`)."""
    path = path.strip().strip("{}").lstrip(".")
    for part in [p for p in path.split(".") if p]:
        match = re.fullmatch(r"([^\[]+)(?:\[(\d+)\])?", part)
        if match is None or not isinstance(obj, dict):
            return None
        obj = obj.get(match.group(1))
        if match.group(2) is not None:
            index = int(match.group(2))
            obj = obj[index] if isinstance(obj, list) and index < len(obj) else None
    return obj


def kind_name(text: str) -> tuple[str, str]:
    if "/" not in text:
        raise InvalidArgument(f"'{text}' should be kind/name, e.g. deployment/checkout")
    kind, name = text.split("/", 1)
    return kind, name
