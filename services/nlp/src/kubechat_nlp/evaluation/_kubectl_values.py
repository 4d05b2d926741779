"""Values kubectl parses rather than passes on, normalised so that equal meanings compare
equal (see the list in `equivalence`)."""

from __future__ import annotations

import json
import re

from kubechat_nlp.evaluation._kubectl_tables import BOOL_FLAGS, KIND_ALIASES

_SET_LIST_FLAGS = {"--verb", "--limits", "--requests", "--hard"}
_PATH_FLAGS = {"--filename", "--kustomize", "--from-file", "--from-env-file"}
_DURATION_FLAGS = {"--since", "--timeout", "--request-timeout", "--pod-running-timeout"}
_CRON_MACROS = {
    "@yearly": "0 0 1 1 *",
    "@annually": "0 0 1 1 *",
    "@monthly": "0 0 1 * *",
    "@weekly": "0 0 * * 0",
    "@daily": "0 0 * * *",
    "@midnight": "0 0 * * *",
    "@hourly": "0 * * * *",
}
_TRUE = {"1", "t", "true"}
_FALSE = {"0", "f", "false"}


def kinds(token: str) -> str | None:
    """`po,svc` → `pods,services`; None when any part is not a known resource."""
    mapped = [KIND_ALIASES.get(part) for part in token.lower().split(",")]
    if not mapped or any(m is None for m in mapped):
        return None
    return ",".join(sorted({m for m in mapped if m is not None}))


def type_name(token: str) -> tuple[str, str]:
    kind, _, name = token.partition("/")
    return kinds(kind) or kind.lower(), name


def _relaxed_jsonpath(expr: str) -> str:
    """kubectl's RelaxedJSONPathExpression: `{.a.b}`, `.a.b`, `a.b` are one path."""
    inner = expr.strip()
    if inner.startswith("{") and inner.endswith("}"):
        inner = inner[1:-1]
    return "{." + inner.lstrip(".") + "}"


def _split_top_level(text: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return [p for p in parts if p.strip()]


def _selector(value: str) -> str:
    requirements = []
    for raw in _split_top_level(value):
        req = raw.strip()
        match = re.fullmatch(r"(\S+)\s+(in|notin)\s*\((.*)\)", req)
        if match:
            members = sorted(m.strip() for m in match.group(3).split(","))
            req = f"{match.group(1)} {match.group(2)} ({','.join(members)})"
        else:
            req = re.sub(
                r"\s*(!=|==|=)\s*", lambda m: "=" if m.group(1) == "==" else m.group(1), req
            )
        requirements.append(req)
    return ",".join(sorted(requirements))


def _duration(value: str) -> str:
    units = {"h": 3600.0, "m": 60.0, "s": 1.0, "ms": 0.001, "us": 1e-6, "µs": 1e-6, "ns": 1e-9}
    parts = re.findall(r"(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)", value)
    if not parts or "".join(n + u for n, u in parts) != value:
        return value
    return f"{sum(float(n) * units[u] for n, u in parts):g}s"


def _cron(value: str) -> str:
    fields = _CRON_MACROS.get(value.strip(), value).split()
    return " ".join("*" if f == "*/1" else f for f in fields)


def norm_value(flag: str, value: str) -> str:
    value = value.strip()
    if flag in BOOL_FLAGS or flag in {"--follow", "--previous"}:
        low = value.lower()
        return "true" if low in _TRUE else "false" if low in _FALSE else value
    if flag in {"--selector", "--field-selector"}:
        return _selector(value)
    if flag == "--patch":
        try:
            return json.dumps(json.loads(value), sort_keys=True, separators=(",", ":"))
        except ValueError:
            return value
    if flag in _SET_LIST_FLAGS:
        items = (v.strip() for v in value.split(","))
        return ",".join(sorted(v.lower() if flag == "--verb" else v for v in items))
    if flag == "--resource":
        # `pods/log` is a subresource here, not a name: map the resource, keep the rest.
        parts = (v.strip().partition("/") for v in value.split(","))
        return ",".join(sorted((kinds(k) or k.lower()) + s + sub for k, s, sub in parts))
    if flag in {"--for", "--from"} and "/" in value:
        kind, name = type_name(value)
        return f"{kind}/{name}"
    if flag == "--sort-by":
        return _relaxed_jsonpath(value)
    if flag == "--output" and value.startswith("custom-columns="):
        columns = []
        for column in value.removeprefix("custom-columns=").split(","):
            header, _, path = column.partition(":")
            columns.append(f"{header}:{_relaxed_jsonpath(path)}")
        return "custom-columns=" + ",".join(columns)
    if flag in _PATH_FLAGS and "://" not in value:
        return value.removeprefix("./").rstrip("/") or value
    if flag in _DURATION_FLAGS:
        return _duration(value)
    if flag == "--schedule":
        return _cron(value)
    if flag in {"--replicas", "--port", "--target-port", "--min", "--max", "--grace-period"}:
        return str(int(value)) if re.fullmatch(r"-?\d+", value) else value
    return value
