"""Helpers shared by the intent rules."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kubechat_nlp.kind_table import KindTable
from kubechat_nlp.kinds import KindInfo
from kubechat_nlp.model import Clarification, Operation, ParamValue, ResourceRef
from kubechat_nlp.slots import Slots, extract_common
from kubechat_nlp.targets import Target, find_target
from kubechat_nlp.utterance import Utterance

QUANTITY = r"\d+(?:\.\d+)?(?:m|mi|gi|ki|ti|g|k|%)?"


# Below the hybrid engine's threshold (0.75): a guessed reading goes to a configured
# language model first, and stands on its own offline.
GUESSED_CONFIDENCE = 0.6


@dataclass(slots=True)
class Draft:
    """An operation under construction, plus what the engine needs to finish it."""

    verb: str
    kinds: list[KindInfo] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    explicit_kind: bool = False
    slots: Slots = field(default_factory=Slots)
    params: dict[str, ParamValue] = field(default_factory=dict)
    subresource: str | None = None
    # The rule guessed the kind (no kind word in the text): cluster lookup may refine it.
    guessed_kind: bool = False
    # The most the plan's confidence may be: lowered to GUESSED_CONFIDENCE when only the
    # statistical model or a rule of last resort vouches for the reading.
    confidence: float = 1.0

    def build(self) -> Operation:
        resource: ResourceRef | None = self.kinds[0].ref if self.kinds else None
        extras = tuple(k.ref for k in self.kinds[1:])
        namespaced = all(k.ref.namespaced for k in self.kinds) if self.kinds else True
        return Operation(
            verb=self.verb,
            resource=resource,
            namespace=self.slots.namespace if namespaced else None,
            name=self.names[0] if self.names else None,
            names=tuple(self.names[1:]),
            label_selector=self.slots.selector,
            field_selector=self.slots.field_selector,
            all_namespaces=self.slots.all_namespaces and namespaced,
            params=dict(self.params),
            subresource=self.subresource,
            extra_resources=extras,
        )


Result = list[Draft] | Clarification


@dataclass(slots=True)
class Ctx:
    """What a rule gets: the utterance and the kind table (with CRDs when known)."""

    u: Utterance
    kinds: KindTable
    # The namespace the request is scoped to (taken out of `u` before the rule ran), for
    # the rules whose values spell it ("--serviceaccount=NS:NAME").
    scope: str | None = None
    # The scope was said with its keyword or flag ("namespace qa", "-n qa"), not guessed
    # from a bare "in X": no second reading of the text may replace it.
    scope_said: bool = False

    def kind(self, plural: str) -> KindInfo:
        info = self.kinds.by_plural(plural)
        if info is None:
            raise KeyError(plural)
        return info

    def common(self) -> Slots:
        return extract_common(self.u, scoped=self.scope is not None)

    def target(self, *, allow_bare: bool = True, after: int = 0) -> Target:
        return find_target(self.u, allow_bare=allow_bare, after=after)


def draft_for(
    c: Ctx, verb: str, slots: Slots, default_kinds: tuple[str, ...], *, allow_bare: bool = True
) -> Draft:
    t = c.target(allow_bare=allow_bare)
    d = Draft(verb, t.kinds, t.names, t.explicit_kind, slots)
    if not d.kinds and default_kinds:
        d.kinds = [c.kind(default_kinds[0])]
        d.guessed_kind = True
    return d


def first_int(c: Ctx, pattern: str) -> int | None:
    m = c.u.search(pattern)
    if not m:
        return None
    for g in m.groups():
        if g is not None and g.isdigit():
            c.u.mark_groups(m)
            return int(g)
    return None


def duration(text: str) -> str | None:
    """'last hour' → 1h, '5 minutes' → 5m, '5m' → 5m."""
    m = re.search(
        r"\b(\d+)\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?)\b", text
    )
    if m:
        unit = m.group(2)[0]
        if unit == "d":
            return f"{int(m.group(1)) * 24}h"
        return f"{m.group(1)}{unit}"
    m = re.search(r"\b(?:an?|one|the|last|past) (second|minute|hour|day)\b", text)
    if m:
        return {"second": "1s", "minute": "1m", "hour": "1h", "day": "24h"}[m.group(1)]
    return None


def kv_tokens(c: Ctx, *, upper_only: bool = False) -> list[str]:
    """`key=value` tokens not consumed yet, as typed."""
    out: list[str] = []
    for i, tok in enumerate(c.u.tokens):
        if i in c.u.used or "=" not in tok.text or tok.text.startswith("-"):
            continue
        key = tok.text.split("=", 1)[0]
        if not re.match(r"^[\w./*-]+$", key) or (upper_only and not key.isupper()):
            continue
        out.append(tok.text)
        c.u.used.add(i)
    return out


def clarify(question: str, *choices: str) -> Clarification:
    return Clarification(question, tuple(choices))
