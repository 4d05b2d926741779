"""Labels and annotations: add ('label pod x with k=v', 'apply label k=v to ...'), change
('change the k label of x to v'), remove ('remove the k annotation from x', 'unlabel k on
x', 'k-'), and list ('show the labels of x')."""

from __future__ import annotations

import re

from kubechat_nlp.lexicon import STOPWORDS
from kubechat_nlp.rules.common import Ctx, Result, clarify, draft_for, kv_tokens
from kubechat_nlp.rules.containers import word_after_kind
from kubechat_nlp.rules.settings import _QUESTION
from kubechat_nlp.slots import Slots
from kubechat_nlp.utterance import Utterance

_NOUN = r"(?:annotations?|labels?|tags?)"
_REMOVE = r"(?:remove|removing|delete|deleting|drop|dropping|clear|strip|unset|take off|get rid of)"
_KEY_RE = re.compile(r"(?:[a-z0-9]([a-z0-9.-]*[a-z0-9])?/)?[a-z0-9]([a-z0-9._-]*[a-z0-9])?")
_NOT_KEYS = STOPWORDS | {"label", "labels", "annotation", "annotations", "key", "tag", "tags"}


def _key(u: Utterance, i: int) -> bool:
    """A label or annotation key as typed: `tier`, `app.kubernetes.io/name`, `cost-center`."""
    if i < 0 or i >= len(u) or i in u.used or u.tokens[i].literal:
        return False
    text = u.tokens[i].text.strip("'\"")
    # "the role label", "unlabel role": a key may be spelled like a kind next to the noun
    beside = {u.norms[j] for j in (i - 1, i + 1) if 0 <= j < len(u)}
    named = bool(beside & {"label", "labels", "annotation", "annotations", "unlabel"})
    return (
        (u.norms[i] not in _NOT_KEYS or u.tokens[i].quoted)  # ("the label 'unhealthy'")
        and (u.kind_at(i) is None or named)
        and bool(_KEY_RE.fullmatch(text.lower()))
        and not text.isdigit()
    )


def _value(u: Utterance, i: int) -> str | None:
    if i < 0 or i >= len(u) or i in u.used:
        return None
    text = u.tokens[i].text
    if u.tokens[i].quoted or u.tokens[i].literal:
        return text
    if re.fullmatch(r"[A-Za-z0-9]([\w.-]*[A-Za-z0-9])?", text) and u.norms[i] not in STOPWORDS:
        return text
    return None


def _removals(u: Utterance) -> list[str]:
    """'remove the tier label', 'remove label tier', 'unlabel tier', 'drop the k annotation'."""
    out: list[str] = []
    # "strip pod x of its tier label": the object between the verb and its label
    stripped = u.search(rf"\bstrip (?:\S+ ){{1,4}}?of (?:the |its |their )?(\S+) {_NOUN}\b")
    if stripped and _key(u, u.group_index(stripped)):
        out.append(u.group_text(stripped) + "-")
        u.used.add(u.group_index(stripped))
    for m in u.finditer(
        rf"\b{_REMOVE} (?:the |a |an |its |their |that |this )?(?:{_NOUN} )?"
        rf"(?:named |called |key |(?:with|having) (?:the )?key )?(\S+)"
        rf"(?: {_NOUN})?\b|\bun-?(?:label|annotate) (?:the )?(?:key )?(\S+)"
        rf"|\b(?:take|get) (?:the |a |an )?(\S+) {_NOUN} off\b"
        # "web shouldn't carry the tier label", "cm x doesn't need the owner annotation"
        rf"|\b(?:shouldn't|should not|no longer|mustn't) (?:carry|have|need|bear|keep)s?"
        rf" (?:the |a |an |any |its )?(\S+) {_NOUN}\b"
        rf"|\b(?:doesn't|does not|don't) need (?:the |a |an |any |its )?(\S+) {_NOUN}\b"
        # "env label not needed on pod x", "a stale description annotation, remove it",
        # "lose the part-of label", "shouldn't carry pci as a label"
        rf"|\b(\S+) {_NOUN} (?:is |are )?(?:not needed|unneeded|no longer needed)\b"
        rf"|\b(?:stale|outdated|obsolete|old|unneeded) (\S+) {_NOUN}\b(?=.*\b(?:remove|delete|drop"
        rf"|clear|strip|lose|get rid)\b)"
        rf"|\b(?:lose|ditch|nix|scrap|kill) (?:the |that |this |its )?(\S+) {_NOUN}\b"
        rf"|\b(?:carry|have|keep) (\S+) as (?:a|an) {_NOUN}\b"
        # whatever the verb, a label taken from or off an object (change_cues.TAKEN_OFF)
        rf"|\b[a-z]+ (?:the |a |an |that |this |its |their )?(?:(\S+) {_NOUN}"
        rf"|{_NOUN} (?!(?:come|comes|coming|came|be|get)\b)(\S+))"
        rf" (?:from|off)\b|\b(\S+) {_NOUN} (?:come|comes|coming|came|be taken|get taken) off\b"
        # "delete the tier key from the labels on pod x", "strip pod x of its tier label",
        # "delete the label with key tier on pod x"
        rf"|\b(\S+) key (?:from|off|out of) (?:the |its |their )?{_NOUN}\b"
    ):
        idx = u.group_index(m)
        if m.group(2) and idx + 2 == len(u) and u.is_name(idx) and _key(u, idx + 1):
            idx += 1  # "unlabel web-1 tier": the object, then the key
        if m.group(2) and "/" in u.norms[idx] and u.kind_at(idx) is not None:
            # "un-annotate service/x: owner": the object spelled by kubectl, then the key
            idx += 1
            while idx + 1 < len(u) and u.norms[idx] in (":", ";", ",", "-"):
                idx += 1
        valued = re.fullmatch(r"([^=\s]+)=\S*", u.tokens[idx].text) if idx < len(u) else None
        taken = u.search(r"\b(?:from|off)\b")  # ("drop an annotation k=v on x" puts it on)
        if valued and taken and idx not in u.used and _KEY_RE.fullmatch(valued.group(1).lower()):
            # "remove the tier=cache label from pod x": the label goes, whatever its value
            out.append(valued.group(1) + "-")
            u.used.add(idx)
        elif _key(u, idx):
            out.append(u.tokens[idx].text.strip("'\"") + "-")
            u.used.add(idx)
            # "remove the labels tier and app", "delete labels tier, app on pod x"
            nxt = idx + 1
            while nxt + 1 < len(u) and u.norms[nxt] in (",", "and", "&") and _key(u, nxt + 1):
                out.append(u.tokens[nxt + 1].text.strip("'\"") + "-")
                u.used.update((nxt, nxt + 1))
                nxt += 2
    # "remove deploy web's tier label", "no more tier label on pod x": the word before it
    owned = u.search(rf"\b(?:{_REMOVE}|no more)\b (?:\S+ ){{0,4}}?(\S+) {_NOUN}\b")
    if not out and owned and _key(u, u.group_index(owned)):
        out.append(u.group_text(owned) + "-")
        u.used.add(u.group_index(owned))
    for i, tok in enumerate(u.tokens):  # kubectl's own spelling: `tier-`
        if i not in u.used and re.fullmatch(r"[a-z0-9][\w./-]*[a-z0-9]-", tok.text.lower()):
            # ("label pod web-1 team-", "label node/n-1 stage-": after the object too)
            before = u.norms[i - 1] if i > 0 else ""
            if before in ("label", "labels", "annotation", "remove", "and", ",") or (
                i > 0 and (u.is_name(i - 1) or u.kind_at(i - 1) is not None)
            ):
                out.append(tok.text)
                u.used.add(i)
    return out


def _changes(u: Utterance) -> tuple[list[str], bool]:
    """'change the tier label of x to cache', 'label k and the value v', 'label k on x with v',
    'with description "my text"'."""
    out: list[str] = []
    for hit in u.finditer(
        rf"\b(?:change|changing|set|setting|update|updating|switch|make|overwrite|modify|flip"
        rf"|replace|replacing) (?:the )?(?:value of )?(?:the )?(?:existing |current |old )?"
        rf"(?:{_NOUN} )?(\S+) (?:{_NOUN} )?"
        rf"(?:(?:of|on|for) (?:the )?(?:\S+ ){{1,3}}?)?(?:from (?:the )?(?:value )?\S+ )?"
        rf"(?:to|=|with|as) (?:the )?(?:value )?(\S+)"
    ):
        k, v = u.group_index(hit, 1), u.group_index(hit, 2)
        value = _value(u, v)
        if _key(u, k) and value is not None and u.norms[k] not in ("value", "existing"):
            out.append(f"{u.tokens[k].text.strip(chr(39) + chr(34))}={value}")
            u.used.update((k, v))
    for said in (
        # "release label wrong on node-7, make it canary", "has the wrong owner label - make
        # it payments": the key named wrong, the value after "make it"
        rf"\b(\S+) {_NOUN} (?:is |are )?(?:wrong|incorrect|bad)\b.*\b(?:make|set|change) it"
        rf" (?:to |into )?(\S+)",
        rf"\b(?:wrong|incorrect|bad) (\S+) {_NOUN}\b.*\b(?:make|set|change) it (?:to |into )?(\S+)",
        # "change namespace qa's release label to canary": the key just before the noun
        rf"\b(?:change|set|update|switch|make|flip)\b (?:\S+ ){{0,4}}?(\S+) {_NOUN} (?:to|=) (\S+)",
        # "the tier label of web should be cache now", "the tier label on node x needs
        # updating to cache", "… is out of date and should now be finance"
        rf"\b(\S+) {_NOUN} (?:of|on|for) (?:the )?(?:\S+ ){{1,8}}?(?:should (?:now )?(?:be|say"
        rf"|read)|needs? (?:updating|changing|to be (?:updated|changed|set)) (?:to|as)"
        rf"|is to be (?:updated|changed|set) (?:to|as)) (?:now )?(\S+)",
        # "relabel pod x: env is now prod", "… so its team label reads bookings"
        rf"\b(\S+) (?:{_NOUN} )?(?:is now|should now be|now reads|reads|now says|becomes"
        rf"|will become|should become) (\S+)",
        # "node x has tier set wrong, overwrite the label with worker"
        rf"\b(\S+) (?:{_NOUN} )?set (?:wrong|wrongly|incorrectly)\b.*"
        rf"\b(?:overwrite|replace|set|change|fix|correct) (?:it|the {_NOUN}|the value)? ?"
        rf"(?:with|to) (\S+)",
        # "change the existing department label on configmap x to finance"
        rf"\b(?:change|set|update|switch|make|flip)\b (?:the )?(?:existing |current )?(\S+)"
        rf" {_NOUN} (?:of|on|for) (?:the )?(?:\S+ ){{1,4}}?(?:to|=) (\S+)",
    ):
        m = u.search(said) if not out else None
        if m:
            k, v = u.group_index(m, 1), u.group_index(m, 2)
            value = _value(u, v)
            if _key(u, k) and value is not None:
                out.append(f"{u.tokens[k].text}={value}")
                u.used.update((k, v))
    if out:
        return out, True
    m = u.search(rf"\b{_NOUN} (\S+) and (?:the )?value (\S+)")
    if m:
        k, v = u.group_index(m, 1), u.group_index(m, 2)
        if _key(u, k) and _value(u, v) is not None:
            out.append(f"{u.tokens[k].text.strip(chr(39))}={_value(u, v)}")
            u.used.update((k, v))
            return out, False
    m = u.search(
        rf"\b{_NOUN} (?:of )?(\S+) (?:on \S+ \S+ )?with (?:the )?(?:new )?(?:value )?(\S+)"
    )
    if m and "=" not in m.group(1) + m.group(2):
        k, v = u.group_index(m, 1), u.group_index(m, 2)
        if _key(u, k) and _value(u, v) is not None:
            out.append(f"{u.tokens[k].text.strip(chr(39))}={_value(u, v)}")
            u.used.update((k, v))
            return out, False
    m = u.search(r"\bwith (\S+) ('?)(__quoted__)")
    if m:
        idx = u.index_at(m.start(3))
        out.append(f"{u.group_text(m, 1)}={u.tokens[idx].text}")
        u.mark_groups(m)
    return out, False


def build_label(c: Ctx) -> Result:
    u = c.u
    # "add a note owner=alice to cm x": a note is an annotation
    annotate = bool(u.search(r"\b(un-?)?annotat|(?<![\w-])notes?(?![\w-])"))
    verb = "annotate" if annotate else "label"
    selector = None
    m = u.search(r"\b(?:with|having|matching) (?:the )?labels? (\S+=\S*)")
    if m and (u.search(r"\bwith (?:the )?labels? \S+=\S* (?:with|to|as) \S+=") or annotate):
        selector = u.group_text(m)
        u.mark_groups(m)
    # a question ("did someone remove the tier label from x?") only looks
    listing = bool(
        u.search(
            rf"\b(list|show|display|what|which|print|see"
            rf"|get(?! rid| (the |an? )?\S+ {_NOUN} off))\b.*\b{_NOUN}\b"
        )
        or u.search(_QUESTION)
    )
    pairs = [] if listing else _removals(u)
    if not pairs and not listing:
        pairs = kv_tokens(c)
    changed = False
    arrowed = u.search(r"(?<![\w./-])([a-z0-9][\w./-]*) (?:->|=>|\u2192) ([\w.-]+)\W*$")
    if not pairs and not listing and arrowed and _key(u, u.group_index(arrowed)):
        # "relabel pod x: tier -> cache": the key, an arrow, its new value
        pairs, changed = [f"{u.group_text(arrowed, 1)}={u.group_text(arrowed, 2)}"], True
        u.mark_groups(arrowed)
    if not pairs and not listing:
        pairs, changed = _changes(u)
        changed = changed and not u.search(r"\b(add|adding|put|apply|attach|tag)\b")
    d = draft_for(c, verb, Slots(), ("pods",), allow_bare=True)
    d.slots = c.common()
    if not d.names:
        d.names = word_after_kind(u)
    if selector:
        d.slots.selector = selector
    d.kinds = d.kinds[:1]
    if listing:
        d.params["list"] = True
        return [d] if d.names else clarify("Of which object?")
    if changed or u.search(
        r"\b(overwrite|overwriting|replace|replacing|overwritten|re-?label\w*|re-?annotat\w*)\b"
    ):
        d.params["overwrite"] = True
    if not pairs:
        return clarify(f"Which {verb} (key=value)?")
    d.params["annotations" if annotate else "labels"] = pairs
    named_ns = u.search(r"\b(?:namespace|ns) ([a-z0-9][a-z0-9-]*)\b")
    ns_word = u.group_text(named_ns).lower() if named_ns else ""
    other_kinds = [
        k for k in d.kinds if k.ref.plural != "namespaces" and c.kinds.lookup(ns_word) is not k
    ]
    if not d.names and named_ns and not other_kinds:
        # "label namespace jobs with …": a namespace named like a kind is still the object
        d.kinds, d.names = [c.kind("namespaces")], [u.group_text(named_ns)]
        d.explicit_kind, d.guessed_kind = True, False
    if not d.names and not d.slots.selector and c.scope and not d.explicit_kind:
        # "remove the tier label from namespace qa": the namespace named is the object
        d.kinds, d.names = [c.kind("namespaces")], [c.scope]
        d.explicit_kind, d.guessed_kind = True, False
    if not d.names and not d.slots.selector:
        if u.search(r"\b(all|every|each)\b"):
            d.params["all"] = True
        else:
            return clarify("On which object?")
    return [d]
