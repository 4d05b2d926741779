"""Secrets named by the catalogue: the values of parameters declared `secret=True`.

Pattern-based redaction (redact.py) cannot know that `dsn=postgres://…` in
`create secret generic db --from-literal=dsn=…` is a credential: nothing about the word
`dsn` says so. The catalogue does: the operation is a Secret and `from_literal` carries
its values. So the plan itself says what to hide, and the same values are then cut from
the user's text, the kubectl rendering and the operations wherever they are kept.

Operations arrive as dicts, either plain (`{"from_literal": ["k=v"]}`) or in protobuf's
JSON form (`{"from_literal": {"listValue": {"values": ["k=v"]}}}`); both are read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from kubechat.catalogue import CATALOGUE, Param, ParamType

REDACTED = "[REDACTED]"
# A bare value shorter than this is not searched for on its own in free text ("a" would
# mangle every word); its `key=value` form still is.
MIN_BARE_CHARS = 4


def _items(value: Any) -> list[str]:
    if isinstance(value, Mapping):
        if "listValue" in value:
            return [str(v) for v in (value["listValue"] or {}).get("values") or []]
        if "stringValue" in value:
            return [str(value["stringValue"])]
        return []
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [str(value)] if isinstance(value, str) else []


def _secret_params(verb: str) -> tuple[Param, ...]:
    entry = CATALOGUE.get(verb)
    return tuple(p for p in entry.params if p.secret) if entry is not None else ()


def secrets_of(operations: Iterable[Mapping[str, Any]]) -> list[tuple[str, str]]:
    """(key, value) of every secret parameter value; key is "" when the value has none."""
    found: list[tuple[str, str]] = []
    for op in operations:
        params = op.get("params") or {}
        for param in _secret_params(str(op.get("verb", ""))):
            for item in _items(params.get(param.name)):
                if param.type is ParamType.LIST and "=" in item:
                    key, _, value = item.partition("=")
                    found.append((key, value))
                elif item:
                    found.append(("", item))
    return [(k, v) for k, v in found if v and v != REDACTED]


def conceal(text: str, secrets: list[tuple[str, str]]) -> str:
    """`text` with each secret value replaced, its `key=value` form first."""
    if not text or not secrets:
        return text
    for key, value in sorted(secrets, key=lambda kv: -len(kv[1])):
        if key:
            text = text.replace(f"{key}={value}", f"{key}={REDACTED}")
        if len(value) >= MIN_BARE_CHARS:
            text = text.replace(value, REDACTED)
    return text


def conceal_operations(operations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Copies of `operations` whose secret parameter values read `[REDACTED]`."""
    result = []
    for op in operations:
        secret = {p.name: p for p in _secret_params(str(op.get("verb", "")))}
        params = op.get("params") or {}
        if not secret or not any(name in params for name in secret):
            result.append(op)
            continue
        hidden = dict(params)
        for name in secret:
            if name in hidden:
                hidden[name] = _hide(hidden[name])
        result.append({**op, "params": hidden})
    return result


def _hide(value: Any) -> Any:
    def one(item: str) -> str:
        key, sep, _ = item.partition("=")
        return f"{key}={REDACTED}" if sep else REDACTED

    if isinstance(value, Mapping) and "listValue" in value:
        values = (value["listValue"] or {}).get("values") or []
        return {**value, "listValue": {"values": [one(str(v)) for v in values]}}
    if isinstance(value, Mapping) and "stringValue" in value:
        return {**value, "stringValue": REDACTED}
    if isinstance(value, list | tuple):
        return [one(str(v)) for v in value]
    return REDACTED


def conceal_value(value: Any, secrets: list[tuple[str, str]]) -> Any:
    """A JSON-like value with `conceal` applied to every string in it."""
    if not secrets:
        return value
    if isinstance(value, str):
        return conceal(value, secrets)
    if isinstance(value, list):
        return [conceal_value(item, secrets) for item in value]
    if isinstance(value, dict):
        return {key: conceal_value(item, secrets) for key, item in value.items()}
    return value
