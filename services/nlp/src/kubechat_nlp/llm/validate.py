"""Model JSON → typed `Operation`s, or the reason it is not acceptable.

Nothing the model says is trusted: the verb must be a runnable catalogue entry, the kind
one the cluster has, every parameter one the verb declares with the declared type, and
names and namespaces must be Kubernetes names. Risk is not read from the model at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from kubechat_nlp.catalogue import Catalogue, ParamType, Target
from kubechat_nlp.cluster import ClusterView
from kubechat_nlp.kind_table import KindTable, standard_table
from kubechat_nlp.kinds import KindInfo
from kubechat_nlp.model import Operation, ParamValue

_NAME = re.compile(r"^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")
_NAMESPACE = re.compile(r"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")
_SELECTOR = re.compile(r"^[A-Za-z0-9._/=!,() -]{1,200}$")


class InvalidOutput(ValueError):
    """Said back to the model once, so it can repair its answer."""


def kind_table(cluster: ClusterView | None) -> KindTable:
    """The kinds an answer may use: the cluster's discovery when it reports any (a
    kind the cluster lacks cannot be operated on), the standard kinds otherwise."""
    if cluster is not None:
        discovered: Sequence[KindInfo] = cluster.kinds()
        if discovered:
            return KindTable(discovered)
    return standard_table()


def plurals(kinds: KindTable) -> list[str]:
    return sorted({info.ref.plural for w in kinds.words() if (info := kinds.lookup(w))})


def to_operations(data: dict[str, Any], catalogue: Catalogue, kinds: KindTable) -> list[Operation]:
    raw_ops = data.get("operations")
    if not isinstance(raw_ops, list):
        raise InvalidOutput("'operations' must be a list")
    return [_operation(i, raw, catalogue, kinds) for i, raw in enumerate(raw_ops, 1)]


def _operation(index: int, raw: Any, catalogue: Catalogue, kinds: KindTable) -> Operation:
    where = f"operation {index}"
    if not isinstance(raw, dict):
        raise InvalidOutput(f"{where} must be an object")
    verb = raw.get("verb")
    if not isinstance(verb, str) or verb not in catalogue:
        raise InvalidOutput(f"{where}: unknown verb {verb!r}")
    entry = catalogue[verb]
    if not entry.runnable:
        raise InvalidOutput(f"{where}: {verb} cannot run in KubeChat ({entry.unsupported_reason})")
    kind_word = raw.get("kind") or ""
    if not isinstance(kind_word, str):
        raise InvalidOutput(f"{where}: 'kind' must be a string")
    info = kinds.lookup(kind_word) if kind_word else None
    if kind_word and info is None:
        raise InvalidOutput(f"{where}: the cluster has no resource kind {kind_word!r}")
    if info is None and entry.target is not Target.NONE and entry.default_kinds:
        info = kinds.by_plural(entry.default_kinds[0])
    names = raw.get("names") or []
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise InvalidOutput(f"{where}: 'names' must be a list of strings")
    for name in names:
        if not _NAME.match(name):
            raise InvalidOutput(f"{where}: {name!r} is not a Kubernetes object name")
    namespace = raw.get("namespace") or None
    if namespace is not None and (
        not isinstance(namespace, str) or not _NAMESPACE.match(namespace)
    ):
        raise InvalidOutput(f"{where}: {namespace!r} is not a namespace name")
    selector = raw.get("label_selector") or None
    if selector is not None and (not isinstance(selector, str) or not _SELECTOR.match(selector)):
        raise InvalidOutput(f"{where}: {selector!r} is not a label selector")
    all_namespaces = raw.get("all_namespaces", False)
    if not isinstance(all_namespaces, bool):
        raise InvalidOutput(f"{where}: 'all_namespaces' must be true or false")
    params = _params(where, verb, raw.get("params") or {}, catalogue)
    if entry.target is Target.NONE:
        info, names = None, []
    if not entry.namespaced:
        namespace, all_namespaces = None, False
    return Operation(
        verb=verb,
        resource=info.ref if info else None,
        namespace=None if all_namespaces else namespace,
        name=names[0] if names else None,
        names=tuple(names[1:]),
        label_selector=selector,
        all_namespaces=all_namespaces,
        params=params,
    )


def _params(where: str, verb: str, raw: Any, catalogue: Catalogue) -> dict[str, ParamValue]:
    if not isinstance(raw, dict):
        raise InvalidOutput(f"{where}: 'params' must be an object")
    entry = catalogue[verb]
    out: dict[str, ParamValue] = {}
    for key, value in raw.items():
        param = entry.param(key)
        if param is None:
            allowed = ", ".join(p.name for p in entry.params) or "none"
            raise InvalidOutput(f"{where}: {verb} has no parameter {key!r} (allowed: {allowed})")
        ok = {
            ParamType.STR: isinstance(value, str),
            ParamType.INT: isinstance(value, int) and not isinstance(value, bool),
            ParamType.BOOL: isinstance(value, bool),
            ParamType.LIST: isinstance(value, list) and all(isinstance(v, str) for v in value),
        }[param.type]
        if not ok:
            raise InvalidOutput(f"{where}: parameter {key!r} must be {param.type.value}")
        out[key] = list(value) if isinstance(value, list) else value
    for key in entry.required_params:
        if key not in out:
            raise InvalidOutput(f"{where}: {verb} needs the parameter {key!r}")
    return out
