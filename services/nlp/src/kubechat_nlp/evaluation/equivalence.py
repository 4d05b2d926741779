"""Equivalence of kubectl command lines: two commands are equal only when kubectl would do
the same thing with them.

Each equivalence applied, and why it is kubectl's own:

1. Resource type spellings: plural, singular, short names and `.group`/`.version.group`
   forms (`po`, `pod`, `pods`, `deployments.apps`), matched case-insensitively: kubectl's
   REST mapper resolves them all to one resource. The table is `kubectl api-resources`,
   not the parser's synonyms (`_kubectl_tables.py`).
2. `TYPE NAME...` vs `TYPE/NAME...`: the resource builder reads both as the same objects.
   The objects addressed form a set (`get pods,svc` = `get svc,pods`, `delete pod a b` =
   `delete pod b a`): the same objects are read or changed; only the printing order differs.
3. Short and long flags (`-n`/`--namespace`, `-f` is `--follow` for logs and `--filename`
   elsewhere), `--flag v` / `--flag=v` / `-nv`, combined short bools (`-it`), flag order
   and flags before the command: pflag parses them all to the same values.
4. Bool flags: `--flag`, `--flag=true` are the same; `--flag=false` is the absent flag.
   `--dry-run` alone means `--dry-run=client`; `--cascade` alone means `background`.
5. Defaults kubectl or the API server applies when a flag is absent (`rollout undo
   --to-revision=0`, `rollout status --watch`, `create deployment --replicas=1`,
   `autoscale --min=1`, `port-forward --address=localhost`, `expose --target-port` = the
   `--port`, `logs --tail=-1` without a selector, ...): see `DEFAULTS`.
6. Values kubectl parses rather than passes on: label and field selectors are an AND of
   requirements (order, `==`/`=`, spaces, the members of `in (...)`); durations (`1h` =
   `60m`); relaxed JSONPath in `--sort-by` and custom-columns paths (`{.a}` = `.a` = `a`;
   headers stay significant); JSON patches (key order, spacing); cron macros (`@daily` =
   `0 0 * * *`, `*/1` = `*`, as the CronJob controller reads them); the items of
   `--verb`/`--resource` (a role rule's sets) and of `--limits`/`--requests`/`--hard`;
   repeated `--verb`/`--resource` merge; `--cpu-percent N` = `--cpu N%`; `./f` = `f` and
   `dir/` = `dir` for local paths.
7. key=value arguments of `label`/`annotate`/`taint`/`set env|image|resources` are a set;
   `set env -e K=V` = `set env K=V`.
8. `logs POD CONTAINER` = `logs POD -c CONTAINER`; a bare name for logs/exec/port-forward
   is a pod (`logs web` = `logs pod/web`); `port-forward X 8080` = `8080:8080`;
   `cp ns/pod:path` = `cp pod:path -n ns`.
9. `--namespace` and `--all-namespaces` on cluster-scoped kinds (nodes, namespaces, ...)
   and `--namespace` next to `--all-namespaces`: kubectl ignores them.

Nothing else: `-n default` is not "no namespace" (the kubeconfig context decides), `nginx`
is not `nginx:latest`, a `get` is not a `describe`, `kubectl events` is not `kubectl get
events`, and arguments after `--` compare exactly.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass

from kubechat_nlp.evaluation._kubectl_tables import (
    BOOL_DEFAULT_TRUE,
    BOOL_FLAGS,
    CLUSTER_SCOPED,
    CREATE_ALIASES,
    DEFAULTS,
    GROUPS,
    NODE_COMMANDS,
    OPTIONAL_VALUE,
    POD_FIRST,
    RESOURCE_BUILDER,
    SHORT_BOOLS,
    SHORT_FLAGS,
    SUBGROUPS,
    TOP_ALIASES,
)
from kubechat_nlp.evaluation._kubectl_values import kinds, norm_value, type_name

_APPLY_SUBCOMMANDS = {"view-last-applied", "set-last-applied", "edit-last-applied"}
_PAIR_COMMANDS = {"label", "annotate", "taint"}


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


def _long(flag: str, verb: str, path: tuple[str, ...]) -> str:
    if flag == "-f":
        return "--follow" if verb == "logs" else "--filename"
    if flag == "-p":
        return "--previous" if verb == "logs" else "--patch"
    if flag == "-c" and verb in {"logs", "exec", "attach", "cp", "debug", "set"}:
        return "--container"
    if flag == "-r" and path[:2] == ("create", "deployment"):
        return "--replicas"
    if flag == "-e" and path[:2] == ("set", "env"):
        return "--env"
    if flag == "-n" and verb == "config":
        return flag  # set-context's own --namespace has no -n
    return SHORT_FLAGS.get(flag, flag)


def _is_bool(flag: str, verb: str) -> bool:
    if verb == "logs" and flag in {"--follow", "--previous"}:
        return True
    if verb == "config" and flag == "--raw":
        return True
    return flag in BOOL_FLAGS


def _scan(
    tokens: list[str], verb: str, path: tuple[str, ...]
) -> tuple[list[tuple[str, str]], list[str]]:
    """pflag's reading of the tokens: (long flag, raw value) pairs and positionals."""
    short_bools = SHORT_BOOLS | ({"f", "p"} if verb == "logs" else set())
    flags: list[tuple[str, str]] = []
    positionals: list[str] = []
    idx = 0
    while idx < len(tokens):
        tok = tokens[idx]
        idx += 1
        if not tok.startswith("-") or len(tok) == 1 or tok[1:].lstrip("-")[:1].isdigit():
            positionals.append(tok)
            continue
        value: str | None = None
        if tok.startswith("--"):
            name, eq, rest = tok.partition("=")
            value = rest if eq else None
        else:
            name = tok[:2]
            if tok[2:3] == "=":
                value = tok[3:]
            elif len(tok) > 2 and all(c in short_bools for c in tok[1:]):
                flags.extend((_long("-" + c, verb, path), "true") for c in tok[1:])
                continue
            elif len(tok) > 2:
                value = tok[2:]
        name = _long(name, verb, path)
        if value is None:
            if name in OPTIONAL_VALUE:
                value = OPTIONAL_VALUE[name]
            elif _is_bool(name, verb):
                value = "true"
            elif idx < len(tokens):
                value = tokens[idx]
                idx += 1
            else:
                value = ""
        flags.append((name, value))
    return flags, positionals


def _command_path(positionals: list[str]) -> tuple[tuple[str, ...], list[str]]:
    rest = list(positionals)
    if not rest:
        return (), rest
    path = [rest.pop(0)]
    head = path[0]
    if rest and (
        head in GROUPS
        or (head == "apply" and rest[0] in _APPLY_SUBCOMMANDS)
        or (head == "cluster-info" and rest[0] == "dump")
    ):
        word = rest.pop(0)
        if head == "create":
            word = CREATE_ALIASES.get(word.lower(), word.lower())
        elif head == "top":
            word = TOP_ALIASES.get(word.lower(), word.lower())
        path.append(word)
        if (head, word) in SUBGROUPS and rest:
            path.append(rest.pop(0).lower())
    return tuple(path), rest


def _resource_targets(args: list[str], default_kind: str | None = None) -> list[str]:
    """`pod a b` / `pod/a pod/b` → ["pods/a", "pods/b"]; `po,svc` → ["pods,services"]."""
    if not args:
        return []
    if any("/" in a for a in args) or default_kind is not None:
        targets = []
        for arg in args:
            kind, name = type_name(arg) if "/" in arg else (default_kind or "", arg)
            targets.append(f"{kind}/{name}")
        return sorted(set(targets))
    types = kinds(args[0]) or args[0].lower()
    if len(args) == 1:
        return [types]
    return sorted({f"{k}/{name}" for k in types.split(",") for name in args[1:]})


def _is_pair(arg: str, verb: str) -> bool:
    if verb == "taint":
        return "=" in arg or ":" in arg or arg.endswith("-")
    return "=" in arg or arg.endswith("-")


def _positionals(
    path: tuple[str, ...], args: list[str], flags: list[tuple[str, str]]
) -> tuple[list[str], list[tuple[str, str]]]:
    verb = path[0] if path else ""
    if verb in RESOURCE_BUILDER or verb in NODE_COMMANDS or path[:1] == ("top",):
        pairs: list[str] = []
        if verb in _PAIR_COMMANDS or verb == "set":
            pairs = sorted(a for a in args if _is_pair(a, verb))
            args = [a for a in args if not _is_pair(a, verb)]
            if path[:2] == ("set", "env"):
                pairs = sorted(pairs + [v for f, v in flags if f == "--env"])
                flags = [(f, v) for f, v in flags if f != "--env"]
        default = "nodes" if verb in NODE_COMMANDS else None
        if path[:1] == ("top",):
            default = "pods" if path[1:] == ("pod",) else "nodes"
        return _resource_targets(args, default) + pairs, flags
    if verb in POD_FIRST and args:
        kind, name = type_name(args[0]) if "/" in args[0] else ("pods", args[0])
        rest = args[1:]
        if verb == "logs" and rest:
            flags = [*flags, ("--container", rest[0])]
            rest = rest[1:]
        if verb == "port-forward":
            rest = sorted(p if ":" in p else f"{p}:{p}" for p in rest)
        return [f"{kind}/{name}", *rest], flags
    if verb == "cp":
        out = []
        for arg in args:
            remote, colon, file_path = arg.partition(":")
            if colon and "/" in remote:
                namespace, _, pod = remote.partition("/")
                flags = [*flags, ("--namespace", namespace)]
                out.append(f"{pod}:{file_path}")
            elif colon:
                out.append(arg)
            else:
                out.append(arg.removeprefix("./") or arg)
        return out, flags
    if path[:2] == ("auth", "can-i") and len(args) >= 2:
        resource = args[1]
        if not resource.startswith("/"):
            kind, slash, sub = resource.partition("/")
            resource = (kinds(kind) or kind.lower()) + slash + sub
            # kubectl reads `pods/log` as resource pods, subresource log: the same question
            # as `pods --subresource=log`
            sub_flag = next((v for f, v in flags if f == "--subresource"), "")
            if sub_flag and not slash:
                resource = f"{resource}/{sub_flag}"
                flags = [(f, v) for f, v in flags if f != "--subresource"]
        return [args[0].lower(), resource, *args[2:]], flags
    if verb == "explain" and args:
        head, dot, fields = args[0].partition(".")
        whole = kinds(args[0])
        first = whole if whole else (kinds(head) or head.lower()) + dot + fields
        return [first, *args[1:]], flags
    return args, flags


def _apply_defaults(path: tuple[str, ...], flags: list[tuple[str, str]]) -> list[tuple[str, str]]:
    verb = path[0] if path else ""
    defaults: dict[str, str] = {}
    for prefix, values in DEFAULTS.items():
        if path[: len(prefix)] == prefix:
            defaults.update(values)
    names = {f for f, _ in flags}
    out = []
    for flag, value in flags:
        default_true = any(path[: len(p)] == p and flag == f for p, f in BOOL_DEFAULT_TRUE)
        # `--namespaced` absent means "no filter", so neither value is its default.
        is_bool = flag in BOOL_FLAGS or flag in {"--follow", "--previous"}
        if is_bool and flag != "--namespaced" and value == ("true" if default_true else "false"):
            continue
        if flag in defaults and norm_value(flag, defaults[flag]) == value:
            continue
        if verb == "logs" and flag == "--tail" and value == "-1" and "--selector" not in names:
            continue
        out.append((flag, value))
    if verb == "expose":
        ports = [v for f, v in out if f == "--port"]
        out = [(f, v) for f, v in out if not (f == "--target-port" and [v] == ports)]
    return out


_IGNORES_NAMESPACE: tuple[tuple[str, ...], ...] = (
    ("version",),
    ("api-resources",),
    ("explain",),
    ("cordon",),
    ("uncordon",),
    ("taint",),
    ("top", "node"),
    ("create", "namespace"),
    ("create", "clusterrole"),
    ("create", "clusterrolebinding"),
)
_BUILDER_READS_NAMESPACE = {"get", "describe", "delete", "label", "annotate", "edit", "patch"}


def _drop_ignored_namespace(
    path: tuple[str, ...], positionals: list[str], flags: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """kubectl ignores -n/-A for cluster-scoped kinds, and -n next to -A."""
    targets = [p.split("/")[0] for p in positionals if not re.search(r"[=:]|-$", p)]
    cluster_scoped = bool(targets) and all(
        kind in CLUSTER_SCOPED for target in targets for kind in target.split(",")
    )
    if any(path[: len(p)] == p for p in _IGNORES_NAMESPACE) or (
        cluster_scoped and path[:1] and path[0] in _BUILDER_READS_NAMESPACE
    ):
        return [(f, v) for f, v in flags if f not in {"--namespace", "--all-namespaces"}]
    if ("--all-namespaces", "true") in flags:
        return [(f, v) for f, v in flags if f != "--namespace"]
    return flags


def _merge_repeated(flags: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Repeated `--verb`/`--resource` are one list (string-slice flags)."""
    out: list[tuple[str, str]] = []
    for flag, value in flags:
        previous = [v for f, v in out if f == flag]
        if flag in {"--verb", "--resource"} and previous:
            out = [(f, v) for f, v in out if f != flag]
            value = ",".join([*previous, value])
        out.append((flag, value))
    return out


def canonical(command: str) -> Canonical:
    tokens = _split(command.strip())
    if tokens and tokens[0] == "kubectl":
        tokens = tokens[1:]
    argv: list[str] = []
    if "--" in tokens:
        cut = tokens.index("--")
        tokens, argv = tokens[:cut], tokens[cut + 1 :]
    # pflag needs the command to know which short flags take values: find it, then re-read.
    _, first_positionals = _scan(tokens, "", ())
    guess, _ = _command_path(first_positionals)
    raw_flags, positionals = _scan(tokens, guess[0] if guess else "", guess)
    path, args = _command_path(positionals)
    raw_flags = [(f, v) for f, v in raw_flags if f != "--cpu-percent"] + [
        ("--cpu", v.rstrip("%") + "%") for f, v in raw_flags if f == "--cpu-percent"
    ]
    out, raw_flags = _positionals(path, args, raw_flags)
    flags = _merge_repeated(raw_flags)
    flags = _apply_defaults(path, [(f, norm_value(f, v)) for f, v in flags])
    flags = _drop_ignored_namespace(path, out, flags)
    return Canonical(path, tuple(out), tuple(sorted(flags)), tuple(argv))


def equivalent(a: str, b: str) -> bool:
    return canonical(a) == canonical(b)
