"""Slot readings the read rules share beyond `slots.py`: the words that open a request
(greetings, a read verb, said plainly or mistyped), kinds said in prose ("machines", "ing",
"pdos"), a namespace named like a kind ("replicasets in jobs") or naming the object
("describe namespace logging"). What a list is filtered by and how it is shown are in
`read_filters.py`."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from kubechat_nlp.kinds import KindInfo
from kubechat_nlp.lexicon import STOPWORDS
from kubechat_nlp.model import Clarification
from kubechat_nlp.rules.common import Ctx, Draft, Result
from kubechat_nlp.rules.heads import LOOK_VERBS
from kubechat_nlp.scope_terms import phrase_start
from kubechat_nlp.slots import Slots
from kubechat_nlp.targets import names_after
from kubechat_nlp.text import edit_distance
from kubechat_nlp.utterance import Utterance

# Words that may open a request before its verb; never the object.
OPENERS = frozenset(
    """hello hey hi yo ok okay alright so well um uh hmm quick one kubechat there please pls
plz kindly just now also and then i i'd we want wanna need you u to could would can will
let's lets let me go ahead like maybe , : !""".split()
)
_READ_VERBS = ("show", "list", "get", "display", "describe", "print", "watch", "view", "dump")
# Nouns that are also command words but name objects after a singular kind word
# ("deployment worker", "container app", "pod server").
_NOUN_NAMES = frozenset(
    "worker workers app application server master client user source target proxy".split()
)
# Kind words that read as prose elsewhere, accepted by the read rules as the head noun.
_PROSE_KINDS = {"machine": "nodes", "machines": "nodes", "ing": "ingresses"}
_TYPO_KINDS = ("pods", "node", "nodes", "jobs")
# What may follow a namespace at the end of its phrase.
_SCOPE_END = frozenset(
    """, . ! ? ; and with sorted please pls plz thanks thank thx ta ty asap too as now then
right only also real quick quickly ok okay namespace ns recently -o -w --watch -f
--follow --previous lately today whose that which where who labeled labelled matching
tagged by""".split()
)


def shaped_like_a_name(name: str) -> bool:
    """ "web-1", "node3", "ip-10-0-3-17.internal": a word no sentence is made of."""
    return re.search(r"[-.\d]", name) is not None


def said_after_kind(u: Utterance, name: str, *, or_after: tuple[str, ...] = ()) -> bool:
    """`name` right after a kind word ("pod web", "top node worker"), or after one of
    `or_after`: a plain word said there is an object's name."""
    return any(
        tok.text == name and i > 0 and (u.kind_at(i - 1) is not None or u.norms[i - 1] in or_after)
        for i, tok in enumerate(u.tokens)
    )


def prepare(c: Ctx) -> None:
    """Marks the words before the main verb, and the read verb opening the request, said
    plainly ("fetch", "read") or mistyped ("shwo", "lsit"), so they are never names."""
    u = c.u
    i = 0
    while i < len(u) and u.norms[i] in OPENERS:
        u.used.add(i)
        i += 1
    if i >= len(u) or u.kind_at(i) is not None or u.tokens[i].quoted or u.tokens[i].literal:
        return
    if (  # "have a squiz at …", "take a gander at …", "get a peek into …": one look verb
        u.norms[i] in ("have", "take", "get", "grab", "give")
        and u.norms[i + 1 : i + 2] in (["a"], ["an"], ["another"])
        and u.norms[i + 3 : i + 4] in (["at"], ["into"], ["over"], ["through"], ["of"])
    ):
        u.used.update(range(i, i + 4))
        return
    if u.norms[i] in LOOK_VERBS:  # "fetch logs for web-1": the verb, never the pod
        u.used.add(i)
    elif u.is_name(i) and u.norms[i].isalpha():
        word = u.norms[i]
        if any(edit_distance(word, verb) == 1 for verb in _READ_VERBS) and len(word) >= 3:
            u.used.add(i)


def _typo_kind(c: Ctx, i: int) -> KindInfo | None:
    word = c.u.norms[i]
    if word in _PROSE_KINDS:
        before = c.u.norms[i - 1] if i else ""
        if before in ("local", "my", "your", "own", "this", "that"):
            return None
        return c.kind(_PROSE_KINDS[word])
    if len(word) < 3 or not word.isalpha() or word in STOPWORDS:
        return None
    for kind_word in _TYPO_KINDS:
        if word[0] == kind_word[0] and edit_distance(word, kind_word) == 1:
            return c.kinds.lookup(kind_word)
    return None


def prose_kind(c: Ctx) -> tuple[KindInfo, int] | None:
    """A kind said in prose or one edit from a short kind word, when no kind word is
    there: "the machines", "ing web", "pofs on dev"."""
    u = c.u
    if u.kind_mentions():
        return None
    for i, tok in enumerate(u.tokens):
        if i in u.used or tok.quoted or tok.literal:
            continue
        if u.norms[i] not in _PROSE_KINDS and not u.is_name(i):
            continue
        info = _typo_kind(c, i)
        if info is not None:
            u.used.add(i)
            return info, i
    return None


def noun_names(c: Ctx) -> None:
    """'deployment worker', 'pod app': a noun after a singular kind word is its name."""
    u = c.u
    for m in u.kind_mentions():
        i = m.end
        if i >= len(u) or i in u.used or u.norms[i] not in _NOUN_NAMES:
            continue
        if u.norms[m.end - 1] == m.info.ref.plural:
            continue
        nxt = u.norms[i + 1] if i + 1 < len(u) else ""
        if nxt in ("pod", "pods", "container", "containers", "node", "nodes"):
            continue
        # read as a name by the rules: quote it so `is_name` accepts it
        u.tokens[i] = replace(u.tokens[i], quoted=True)


def kind_word_scope(c: Ctx, s: Slots) -> None:
    """'replicasets in jobs', 'logs of api-3 on deploys': a kind word that ends an
    'in/on X' phrase after another target is the namespace ('jobs' namespace)."""
    if s.namespace or s.all_namespaces or c.scope_said:  # (a namespace said wins)
        return
    u = c.u
    for m in u.finditer(r"\b(?:in|on|inside|within|for|from) (?:the )?(\S+)"):
        i = u.group_index(m)
        mention = u.kind_at(i)
        if mention is None or mention.end != i + 1 or i in u.used:
            continue
        nxt = u.norms[i + 1] if i + 1 < len(u) else ""
        if nxt and nxt not in _SCOPE_END:
            continue
        if not re.fullmatch(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?", u.tokens[i].text):
            continue
        others = [k for k in u.kind_mentions() if k.start < i and k.info != mention.info]
        named = any(
            j < i and j not in u.used and u.is_name(j) and not u.norms[j].isalpha()
            for j in range(len(u))
        )
        if not others and not named:
            continue
        s.namespace = u.tokens[i].text
        u.mark(m)
        if nxt in ("namespace", "ns"):
            u.used.add(i + 1)
        return


def events_scope(c: Ctx, s: Slots) -> None:
    """Events belong to a namespace, never to one: 'warnings namespace test', 'any
    warnings services ns', 'only warnings on team-a' all scope the events."""
    if s.namespace or s.all_namespaces or c.scope_said:  # ("… events in namespace qa")
        return
    u = c.u
    m = u.search(r"\b(?:all|every|each) (?:of )?(?:the )?namespaces?\b")
    if m:  # "any warnings lately, all namespaces?": events have no namespace object
        s.all_namespaces = True
        u.mark(m)
        return
    for mention in u.kind_mentions():
        if mention.info.ref.plural != "namespaces":
            continue
        for j in (mention.end, mention.start - 1):
            if 0 <= j < len(u) and j not in u.used and _namespace_word(c, j):
                s.namespace = u.tokens[j].text
                u.used.update({j, *range(mention.start, mention.end)})
                return
    # overlapping: "what's been going on on qa" (the first "on" is the verb's)
    for m in u.finditer(r"(?<!\S)(?:in|on|for|within|inside|from)(?= (?:the )?(\S+))"):
        i = u.group_index(m)
        nxt = u.norms[i + 1] if i + 1 < len(u) else ""
        if (nxt and nxt not in _SCOPE_END) or not _namespace_word(c, i):
            continue
        if u.kind_at(i) is None and not u.is_name(i):
            continue
        if any(k.start < i for k in u.kind_mentions() if k.info.ref.plural != "events"):
            continue  # "events for pod web": the object, not a namespace
        s.namespace = u.tokens[i].text
        u.used.update(range(u.index_at(m.start()), i + 1))
        return
    for mention in u.kind_mentions():
        # "prod events", "any staging warnings": a plain name said before them
        i = mention.start - 1
        if mention.info.ref.plural == "events" and u.is_name(i) and i not in u.used:
            if re.search(r"\d", u.norms[i]):
                continue  # "web-1 events": an object's, never a namespace's
            if all(j in u.used or u.norms[j] in OPENERS or u.norms[j] == "the" for j in range(i)):
                s.namespace = u.tokens[i].text
                u.used.add(i)
                return


def _namespace_word(c: Ctx, i: int) -> bool:
    tok = c.u.tokens[i]
    return (
        not tok.literal
        and c.u.norms[i] not in STOPWORDS
        and bool(re.fullmatch(r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?", tok.text))
    )


# Words after "namespace" that say what to show of it, never its name.
_NAMESPACE_VIEWS = frozenset(
    """labels label yaml json wide details detail status state usage info information
quota quotas limits name names list exist exists available there""".split()
)


def namespace_object(c: Ctx) -> str | None:
    """'describe namespace jobs', 'info about namespace logging': after the singular kind
    word namespace, the next word is its name even when it is also a kind word or a
    command word."""
    u = c.u
    for m in u.kind_mentions():
        if m.info.ref.plural != "namespaces" or m.end >= len(u) or m.end in u.used:
            continue
        if u.norms[m.end - 1] == "namespaces" or not _namespace_word(c, m.end):
            continue
        if u.kind_at(m.end) is None and (
            u.is_name(m.end)  # a plain name is read as one already
            or u.norms[m.end] in _NAMESPACE_VIEWS  # "ns exist", "namespace labels"
        ):
            continue
        u.used.update(range(m.end, m.end + 1))
        return u.tokens[m.end].text
    return None


def naming_a_namespace(c: Ctx, word: str) -> list[int]:
    """The words matching `word` (a rule's own cue: "logs", "events") when each names a
    namespace ("namespace logging", "the events ns"); [] when one asks for the rule."""
    u = c.u
    # (a word already read as a name is not said again: `read_as_names` reads the request
    # anew with those words quoted, and must not come back here)
    said = [
        i for i, norm in enumerate(u.norms) if re.fullmatch(word, norm) and not u.tokens[i].quoted
    ]
    named = [
        i
        for i in said
        if (i and u.norms[i - 1] in ("namespace", "ns", "-n", "--namespace"))
        or (i + 1 < len(u) and u.norms[i + 1] in ("namespace", "ns"))
    ]
    return named if named == said else []


def read_as_names(c: Ctx, named: list[int], rule: str) -> Result:
    """The request read again with the `named` words as names, by the rule its other
    words select ("what's the status of namespace logging" is a describe), never `rule`
    again."""
    from kubechat_nlp.rules.choose import classify, shape  # the table imports this module

    tokens = [replace(t, quoted=True) if i in named else t for i, t in enumerate(c.u.tokens)]
    u = Utterance(tokens, c.kinds)
    chosen = classify(shape(u))
    if chosen[0] == rule:
        return _in_the_namespace_named(c, named, chosen[2])
    return chosen[2](Ctx(u, c.kinds, c.scope))


def _in_the_namespace_named(c: Ctx, named: list[int], build: Callable[[Ctx], Result]) -> Result:
    """'any warnings events ns': the rule's own request, in a namespace named like its cue
    word; the namespace phrase is taken out and the request read without it."""
    if c.scope or len(named) != 1:
        return Clarification("Which object do you mean?")
    at = named[0]
    keyword = {k for k in (at - 1, at + 1) if 0 <= k < len(c.u) and c.u.norms[k] in _NS_SAID}
    # ("for the events namespace": the preposition and article go with the phrase)
    start = phrase_start(c.u.tokens, min(keyword | {at}))
    end = max(keyword | {at}) + 1
    rest = c.u.tokens[:start] + c.u.tokens[end:]
    result = build(Ctx(Utterance(rest, c.kinds), c.kinds, c.u.tokens[at].text, scope_said=True))
    for d in result if isinstance(result, list) else ():
        d.slots.namespace = c.u.tokens[at].text
    return result


_NS_SAID = frozenset(("namespace", "ns", "-n", "--namespace"))


def read_draft(
    c: Ctx, verb: str, s: Slots, default_kinds: tuple[str, ...], *, allow_bare: bool = True
) -> Draft:
    """The target of a read: kind words, prose kinds, names (as `draft_for`)."""
    noun_names(c)
    named = namespace_object(c)
    prose = prose_kind(c)
    t = c.target(allow_bare=allow_bare)
    d = Draft(verb, t.kinds, t.names, t.explicit_kind, s)
    if named is not None and not d.names:
        d.kinds, d.names, d.explicit_kind = [c.kind("namespaces")], [named], True
    if prose is not None and not d.kinds:
        info, i = prose
        d.kinds = [info]
        d.explicit_kind = True
        if not d.names:
            d.names = names_after(c.u, i + 1)
    if not d.kinds and default_kinds:
        d.kinds = [c.kind(default_kinds[0])]
        d.guessed_kind = True
    return d
