"""A builder for any catalogue entry, read from its declaration: the target from its kinds,
the namespace scope, and each typed parameter from its name or flag in the request
("with a grace period of 30", "--revision 3", "force"). An operation added to the
catalogue is understood through its phrasings without a hand-written rule."""

from __future__ import annotations

import re
from collections.abc import Callable

from kubechat_nlp.catalogue import CatalogueEntry, Param, ParamType, Target
from kubechat_nlp.model import ParamValue
from kubechat_nlp.rules.common import Ctx, Draft, Result, clarify, draft_for


def entry_builder(entry: CatalogueEntry) -> Callable[[Ctx], Result]:
    def build(c: Ctx) -> Result:
        return build_entry(c, entry)

    return build


def build_entry(c: Ctx, entry: CatalogueEntry) -> Result:
    for phrase in entry.phrasings:  # the words that asked for it are no object names
        for m in c.u.finditer(rf"\b{re.escape(phrase)}\b"):
            c.u.mark(m)
    slots = c.common()
    if entry.target is Target.NONE:
        d = Draft(entry.name, slots=slots)
    else:
        d = draft_for(c, entry.name, slots, entry.default_kinds or entry.kinds)
        if entry.kinds:
            d.kinds = [k for k in d.kinds if k.ref.plural in entry.kinds] or [
                c.kind(entry.default_kinds[0] if entry.default_kinds else entry.kinds[0])
            ]
    for param in entry.params:
        value = _value(c, param)
        if value is not None:
            d.params[param.name] = value
    missing = [p for p in entry.params if p.required and p.name not in d.params]
    if missing:
        return clarify(f"What {_words(missing[0])} should I use for {entry.description.lower()}?")
    if entry.target is not Target.NONE and entry.target is not Target.KINDS and not d.names:
        kind = d.kinds[0].ref.kind.lower() if d.kinds else "object"
        return clarify(f"Which {kind}?")
    return [d]


def _words(param: Param) -> str:
    return param.name.replace("_", " ")


def _spellings(param: Param) -> str:
    """How a request names the parameter: its words ("grace period") or its flag."""
    names = [re.escape(_words(param))]
    if param.flag:
        names.append(re.escape(param.flag.lstrip("-").replace("-", " ")))
        names.append(re.escape(param.flag))
    return "(?:" + "|".join(dict.fromkeys(names)) + ")"


def _value(c: Ctx, param: Param) -> ParamValue | None:
    said = _spellings(param)
    if param.type is ParamType.BOOL:
        m = c.u.search(rf"(?:^| ){said}(?: |$)")
        if m:
            c.u.mark(m)
            return True
        return None
    joiner = r"(?: (?:of|to|=|is|as|at))?"
    if param.type is ParamType.INT:
        m = c.u.search(rf"(?:^| ){said}{joiner} (\d+)\b")
        if m:
            c.u.mark(m)
            return int(m.group(1))
        return None
    m = c.u.search(rf"(?:^| ){said}{joiner} (\S+)")
    if m is None:
        return None
    c.u.mark(m)
    value = c.u.group_text(m, 1)
    return [value] if param.type is ParamType.LIST else value
