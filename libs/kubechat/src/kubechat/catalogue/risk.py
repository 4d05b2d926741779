"""Risk of one operation: the catalogue's class, raised or lowered by what the arguments do.

The one risk function. nlp (rules and LLM engines) and the executor both classify
through it, with primitive arguments so either side's `Operation` can call it; a model or
a client can never talk an operation into a lower class than its effect.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from kubechat.catalogue.model import Catalogue, Risk
from kubechat.v1 import common_pb2

# Commands that lose data or availability when run inside a container.
_DANGEROUS_COMMAND = re.compile(
    r"^(rm|kill|pkill|killall|shutdown|reboot|halt|poweroff|mkfs\S*|dd|truncate|shred|"
    r"drop|psql|mysql|redis-cli|chmod|chown|mv)$"
)
# `sh -c "rm -rf /data; ..."`: the words of a shell snippet, split where a shell would.
_SHELL_WORD = re.compile(r"[^\s;&|()`$'\"]+")
_PROTO: dict[Risk, common_pb2.Risk.ValueType] = {
    Risk.READ: common_pb2.RISK_READ,
    Risk.WRITE: common_pb2.RISK_WRITE,
    Risk.DESTRUCTIVE: common_pb2.RISK_DESTRUCTIVE,
}
_TRUE_WORDS = frozenset({"true", "1", "yes"})
_DRY_RUN_WORDS = frozenset({"client", "server", "true"})


def _truthy(value: object) -> bool:
    # The executor reads booleans the same way (`Context.bool_param`): a string "true"
    # that lowers the risk here must also select the read-only path there.
    if isinstance(value, bool):
        return value
    return isinstance(value, str) and value.lower() in _TRUE_WORDS


def _as_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


def _words(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        return [str(v) for v in value]
    return []


def _runs_dangerous_command(argv: object) -> bool:
    for arg in _words(argv):
        for word in _SHELL_WORD.findall(arg):
            if _DANGEROUS_COMMAND.match(word.rsplit("/", 1)[-1]):
                return True
    return False


def _is_dry_run(value: object) -> bool:
    if isinstance(value, bool):
        return value
    return isinstance(value, str) and value.lower() in _DRY_RUN_WORDS


def operation_risk(
    verb: str,
    params: Mapping[str, object],
    *,
    label_selector: str = "",
    all_namespaces: bool = False,
    targets: Sequence[str] = (),
    catalogue: Catalogue | None = None,
) -> Risk:
    """The risk class of `verb` with these arguments. `targets` are the object names
    addressed; with none, a selector or `--all` addresses a whole set.

    Raises KeyError for a verb the catalogue does not declare."""
    if catalogue is None:
        from kubechat.catalogue import CATALOGUE

        catalogue = CATALOGUE
    entry = catalogue[verb]
    base = entry.risk
    whole_set = (
        bool(label_selector) or _truthy(params.get("all")) or (all_namespaces and not targets)
    )

    # A dry run changes nothing, whatever it addresses: the executor runs a READ
    # operation that has only a write handler as a server-side dry run, never for real.
    if entry.param("dry_run") is not None and _is_dry_run(params.get("dry_run")):
        return Risk.READ
    # A destructive operation on a whole set (a delete by selector, `--all`, or across
    # namespaces) is destructive whatever else its parameters say.
    if base is Risk.DESTRUCTIVE and whole_set:
        return Risk.DESTRUCTIVE

    risk = base
    # `--list` on label/annotate/set env only reads.
    if entry.param("list") is not None and _truthy(params.get("list")):
        risk = Risk.READ

    # Raising: the effect is worse than the verb's usual one.
    if verb == "scale" and _as_int(params.get("replicas")) == 0:
        risk = Risk.DESTRUCTIVE  # every pod goes
    if verb == "exec" and _runs_dangerous_command(params.get("argv")):
        risk = Risk.DESTRUCTIVE
    if verb == "taint" and any("NoExecute" in t for t in _words(params.get("taints"))):
        risk = Risk.DESTRUCTIVE  # running pods without a toleration are evicted
    if verb == "apply" and _truthy(params.get("prune")):
        risk = Risk.DESTRUCTIVE  # objects missing from the manifests are deleted
    return risk


def plan_risk(risks: Iterable[Risk]) -> Risk:
    """A plan is as risky as its riskiest operation; an empty plan reads."""
    return max(risks, default=Risk.READ)


def risk_to_proto(risk: Risk) -> common_pb2.Risk.ValueType:
    """The `kubechat.v1.Risk` value (the wire enum starts with RISK_UNSPECIFIED)."""
    return _PROTO[risk]


def risk_name(risk: Risk) -> str:
    """The word events and the UI use: read, write, destructive."""
    return risk.name.lower()
