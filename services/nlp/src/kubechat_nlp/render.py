"""Operation → canonical kubectl text. The text is for humans; operations stay data."""

from __future__ import annotations

import shlex

from kubechat_nlp.catalogue import Catalogue, CatalogueEntry, ParamType, Target
from kubechat_nlp.model import Operation, ParamValue


def _q(value: str) -> str:
    return shlex.quote(value)


def _kind_word(op: Operation) -> str:
    if op.resource is None:
        return ""
    return op.resource.kind.lower() if op.resource.plural != "all" else "all"


def _target_words(entry: CatalogueEntry, op: Operation) -> list[str]:
    names = [_q(n) for n in op.targets]
    if entry.target is Target.NONE:
        return []
    if entry.target is Target.NAMES:
        return names
    if entry.target is Target.KINDS:
        if op.resource is None:
            return names
        kinds = ",".join(r.plural for r in (op.resource, *op.extra_resources))
        return [kinds, *names]
    is_pod = op.resource is None or op.resource.plural == "pods"
    if entry.target is Target.POD_OR_REF and is_pod:
        return names
    kind = _kind_word(op)
    if not names:
        if op.resource is None:
            return []
        return [",".join(r.plural for r in (op.resource, *op.extra_resources))]
    return [f"{kind}/{n}" for n in names]


def _flag(flag: str, value: str) -> str:
    # Short flags read better with a space, long ones with `=`.
    if flag.startswith("--"):
        return f"{flag}={_q(value)}"
    return f"{flag} {_q(value)}"


def _value_words(flag: str, ptype: ParamType, value: ParamValue, repeat: bool) -> list[str]:
    if ptype is ParamType.BOOL:
        return [flag] if value is True else []
    if isinstance(value, list):
        if repeat:
            return [_flag(flag, str(v)) for v in value]
        return [_flag(flag, ",".join(value))]
    return [_flag(flag, str(value))]


def render(op: Operation, catalogue: Catalogue) -> str:
    entry = catalogue[op.verb]
    words = ["kubectl"]
    used: set[str] = set()
    for word in entry.command:
        if word.startswith("{") and word.endswith("}"):
            key = word[1:-1]
            used.add(key)
            words.append(_q(str(op.params.get(key, ""))))
        else:
            words.append(word)
    words.extend(_target_words(entry, op))
    for p in entry.params:
        if p.flag is None and p.name not in used and p.name != entry.argv_param:
            value = op.params.get(p.name)
            if isinstance(value, list):
                words.extend(_q(v) for v in value)
            elif value is not None:
                words.append(_q(str(value)))
    if op.namespace:
        words.append(f"-n {_q(op.namespace)}")
    if op.all_namespaces:
        words.append("-A")
    if op.label_selector:
        words.append(f"-l {_q(op.label_selector)}")
    if op.field_selector:
        words.append(f"--field-selector={_q(op.field_selector)}")
    for p in entry.params:
        if p.flag is None or p.name not in op.params:
            continue
        words.extend(_value_words(p.flag, p.type, op.params[p.name], p.repeat))
    if entry.argv_param and entry.argv_param in op.params:
        argv = op.params[entry.argv_param]
        if isinstance(argv, list) and argv:
            words.append("--")
            words.extend(_q(a) for a in argv)
    return " ".join(words)
