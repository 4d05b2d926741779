"""Equivalence of kubectl command lines: two commands are equal when kubectl would do the
same thing with them (aliases, short/long flags, flag order, `--f v` vs `--f=v`, `kind/name`
vs `kind name`, quoting)."""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass

from kubechat_nlp.kinds import STANDARD_KINDS

_KIND_ALIASES: dict[str, str] = {}
for _info in STANDARD_KINDS:
    _ref = _info.ref
    for _word in (_ref.plural, _ref.kind.lower(), *_info.short_names):
        _KIND_ALIASES[_word] = _ref.plural
    if _ref.group:
        _KIND_ALIASES[f"{_ref.plural}.{_ref.group}"] = _ref.plural
        _KIND_ALIASES[f"{_ref.kind.lower()}.{_ref.group}"] = _ref.plural

_SHORT = {
    "-n": "--namespace",
    "-o": "--output",
    "-l": "--selector",
    "-A": "--all-namespaces",
    "-c": "--container",
    "-i": "--stdin",
    "-t": "--tty",
    "-w": "--watch",
    "-k": "--kustomize",
    "-R": "--recursive",
    "-L": "--label-columns",
    "-q": "--quiet",
}
_BOOL = {
    "--all-namespaces",
    "--watch",
    "--follow",
    "--previous",
    "--stdin",
    "--tty",
    "--all",
    "--force",
    "--now",
    "--overwrite",
    "--list",
    "--show-labels",
    "--all-containers",
    "--all-pods",
    "--timestamps",
    "--containers",
    "--raw",
    "--current",
    "--ignore-daemonsets",
    "--delete-emptydir-data",
    "--interactive",
    "--save-config",
    "--prune",
    "--recursive",
    "--no-headers",
    "--watch-only",
    "--ignore-not-found",
    "--quiet",
    "--namespaced",
    "--dry-run",
    "--insecure-skip-tls-verify",
    "--show-kind",
    "--local",
}
_BOOL_SHORT = {"i", "t", "A", "w", "R", "q", "f", "p"}
_SORTED_LIST_FLAGS = {"--verb", "--resource", "--limits", "--requests", "--hard", "--types"}
_MULTIWORD = {
    "rollout",
    "config",
    "auth",
    "set",
    "top",
    "apply",
    "cluster-info",
    "create",
    "certificate",
    "plugin",
}
_POD_DEFAULT = {"logs", "exec", "attach", "port-forward", "debug"}


@dataclass(frozen=True, slots=True)
class Canonical:
    path: tuple[str, ...]
    positionals: tuple[str, ...]
    flags: tuple[tuple[str, str], ...]
    argv: tuple[str, ...]


def _split(command: str) -> list[str]:
    try:
        return shlex.split(command)
    except ValueError:
        return command.split()


def _kinds(token: str) -> str | None:
    parts = token.lower().split(",")
    mapped = [_KIND_ALIASES.get(p) for p in parts]
    if all(m is not None for m in mapped):
        return ",".join(sorted({m for m in mapped if m is not None}))
    return None


def _long(flag: str, verb: str) -> str:
    if flag == "-f":
        return "--follow" if verb == "logs" else "--filename"
    if flag == "-p":
        return "--previous" if verb == "logs" else "--patch"
    return _SHORT.get(flag, flag)


def _is_bool(flag: str, verb: str) -> bool:
    return flag in _BOOL or (flag == "--follow" and verb == "logs")


def _first_verb(tokens: list[str]) -> str:
    skip = False
    for tok in tokens:
        if skip:
            skip = False
            continue
        if tok == "--":
            break
        if tok.startswith("-"):
            if "=" not in tok and _SHORT.get(tok, tok) not in _BOOL and len(tok) == 2:
                skip = tok in ("-n", "-o", "-l", "-c", "-k", "-L")
            elif tok.startswith("--") and "=" not in tok and tok not in _BOOL:
                skip = True
            continue
        return tok
    return ""


def _norm_value(flag: str, value: str) -> str:
    value = value.strip()
    if flag == "--patch":
        try:
            return json.dumps(json.loads(value), sort_keys=True, separators=(",", ":"))
        except ValueError:
            return value
    if flag in _SORTED_LIST_FLAGS:
        return ",".join(sorted(value.split(",")))
    if flag in ("--for", "--from") and "/" in value:
        kind, _, name = value.partition("/")
        mapped = _KIND_ALIASES.get(kind.lower())
        return f"{mapped}/{name}" if mapped else value
    if flag == "--output" and value.startswith("custom-columns="):
        # Column headers are presentation; the columns' paths are the meaning.
        cols = value.split("=", 1)[1].replace(" ", "").split(",")
        return "custom-columns=" + ",".join(c.split(":", 1)[-1].lstrip(".") for c in cols)
    if flag == "--output" and value.startswith("jsonpath="):
        return value.replace(" ", "")
    if flag in ("--filename", "--kustomize") and "://" not in value:
        value = value.removeprefix("./")
        return value.rstrip("/") or value
    return value


def canonical(command: str) -> Canonical:
    tokens = _split(command.strip())
    if tokens and tokens[0] == "kubectl":
        tokens = tokens[1:]
    argv: list[str] = []
    if "--" in tokens:
        cut = tokens.index("--")
        tokens, argv = tokens[:cut], tokens[cut + 1 :]
    verb = _first_verb(tokens)
    flags: list[tuple[str, str]] = []
    positionals: list[str] = []
    idx = 0
    while idx < len(tokens):
        tok = tokens[idx]
        idx += 1
        if tok.startswith("-") and len(tok) > 1 and not tok[1:].lstrip("-").isdigit():
            value: str | None = None
            if tok.startswith("--"):
                name, eq, rest = tok.partition("=")
                value = rest if eq else None
            else:
                name, rest = tok[:2], tok[3:]
                if tok[2:3] == "=":
                    value = rest
                elif len(tok) > 2:
                    if all(c in _BOOL_SHORT for c in tok[1:]):
                        for c in tok[1:]:
                            flags.append((_long("-" + c, verb), "true"))
                        continue
                    value = tok[2:]
            name = _long(name, verb)
            if value is None:
                if _is_bool(name, verb):
                    value = "true"
                elif idx < len(tokens):
                    value = tokens[idx]
                    idx += 1
                else:
                    value = ""
            if name == "--cpu-percent":
                name, value = "--cpu", value.rstrip("%") + "%"
            if name in ("--verb", "--resource") and any(f == name for f, _ in flags):
                merged = [v for f, v in flags if f == name] + [value]
                flags = [(f, v) for f, v in flags if f != name]
                value = ",".join(merged)
            flags.append((name, _norm_value(name, value)))
            continue
        positionals.append(tok)
    path: list[str] = []
    if positionals:
        path.append(positionals.pop(0))
        if path[0] in _MULTIWORD and positionals:
            head = positionals[0]
            if path[0] != "apply" or head == "view-last-applied":
                path.append(positionals.pop(0))
        if path[:2] in (["create", "secret"], ["create", "service"]) and positionals:
            path.append(positionals.pop(0).lower())
    path = [_kinds(p) or p for p in path]
    out: list[str] = []
    last_kind: str | None = None
    for pos in positionals:
        kinds = _kinds(pos)
        if kinds is not None:
            if kinds != last_kind:
                out.append(kinds)
            last_kind = kinds
            continue
        kind, slash, name = pos.partition("/")
        kinds = _kinds(kind) if slash else None
        if kinds is not None:
            if kinds != last_kind:
                out.append(kinds)
            last_kind = kinds
            out.append(name)
            continue
        out.append(pos)
    if path and path[0] in ("label", "annotate", "set", "taint"):
        # key=value arguments are a set
        pairs = sorted(p for p in out if "=" in p or p.endswith("-"))
        out = [p for p in out if p not in pairs] + pairs
    if path and path[0] in _POD_DEFAULT and out and _kinds(out[0]) is None:
        out.insert(0, "pods")
    if path[:2] == ["apply", "view-last-applied"]:
        flags = [f for f in flags if f != ("--output", "yaml")]  # yaml is the default
    if path[:1] == ["autoscale"]:
        flags = [f for f in flags if f != ("--min", "1")]  # minReplicas defaults to 1
    if path[:2] == ["rollout", "status"]:
        flags = [f for f in flags if f != ("--watch", "true")]  # --watch defaults to true
    return Canonical(tuple(path), tuple(out), tuple(sorted(flags)), tuple(argv))


def equivalent(a: str, b: str) -> bool:
    return canonical(a) == canonical(b)
