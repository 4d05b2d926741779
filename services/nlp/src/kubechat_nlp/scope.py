"""The namespace a request is scoped to (or all of them), read before any rule runs so
every rule sees the same reading.

The scope is taken out of the token stream: a namespace called `jobs` or `deploys` is
then never read as a kind, and `web` in "scale api in web" is never a second target.
Phrases led by a preposition are read in `scope_prepositions.py`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kubechat_nlp.kind_table import KindTable
from kubechat_nlp.lexicon import NOT_NAMES, STOPWORDS, TROUBLE_WORDS
from kubechat_nlp.scope_prepositions import preposition_scope
from kubechat_nlp.scope_terms import (
    AFTER_SCOPE,
    COUNT_PARTICLES,
    DESTROY,
    DETERMINERS,
    NAMESPACE_RE,
    NOT_SCOPES,
    PREPOSITIONS,
    WEAK_PREPOSITIONS,
    closes,
    name_like,
    other_target,
    phrase_start,
    valid_name,
)
from kubechat_nlp.text import Token

_ALL_NAMESPACES_RE = re.compile(
    r"^(?:(?:in|across|from|over|for|on|throughout) )?(?:all|every|each|any)(?: single)? "
    r"(?:of )?(?:the |my |our )?(?:namespaces?|ns)$"
    r"|^(?:everywhere|anywhere|cluster-?wide|cluster wide|globally)$"
    r"|^(?:in|across|throughout|over) (?:the )?(?:whole |entire )?cluster$"
    r"|^on the (?:whole|entire) cluster$"
    r"|^no matter (?:which|what|the) (?:namespace|ns)$"
    r"|^(?:whatever|whichever) (?:the )?(?:namespace|ns)$"
    r"|^(?:regardless|irrespective|independent) of (?:the )?(?:namespaces?|ns)$"
    r"|^everywhere (?:in|across|on) (?:the )?(?:whole |entire )?cluster$"
)


# Verbs that carry a request on after "X namespace" ("x of stg-eu namespace put label …"):
# none is a namespace's name.
_VERBS_GOING_ON = frozenset("put add set apply give attach stick remove drop change update".split())


@dataclass(frozen=True, slots=True)
class Scope:
    namespace: str | None = None
    all_namespaces: bool = False
    # Read from a bare "in X"/"on X": a guess the rule may overrule (a node is no namespace).
    guessed: bool = False


def take_scope(tokens: list[Token], kinds: KindTable) -> tuple[list[Token], Scope]:
    """The scope phrase removed from `tokens`, and what it says."""
    norms = [t.norm for t in tokens]
    for size in (5, 4, 3, 2, 1):
        for start in range(len(tokens) - size + 1):
            if _ALL_NAMESPACES_RE.match(" ".join(norms[start : start + size])):
                if _namespaces_are_the_object(norms, start, kinds):
                    continue
                if (
                    norms[start] in ("everywhere", "anywhere")
                    and start
                    and norms[start - 1] in TROUBLE_WORDS
                ):
                    continue  # "errors everywhere, roll it back": a report, not a scope
                if norms[start] == "anywhere" and norms[start + 1 : start + 2] in (
                    ["from"],
                    ["between"],
                ):
                    continue  # "anywhere from 4 to 20 replicas": a range, not a scope
                return tokens[:start] + tokens[start + size :], Scope(all_namespaces=True)
    for i, tok in enumerate(tokens):
        if tok.norm in ("-a", "--all-namespaces"):
            return tokens[:i] + tokens[i + 1 :], Scope(all_namespaces=True)
    found = _flag(tokens, kinds)
    if found is None:
        # "in the platform ns sorted by cpu": a phrase led by a preposition beats a bare
        # "ns sorted"; between equals, "namespace prod" beats "gateway-1 namespace".
        keyword = [f for f in (_keyword_before(tokens, kinds), _keyword_after(tokens, kinds)) if f]
        found = max(keyword, key=lambda f: _strength(tokens, f[0]), default=None)
        if (
            len(keyword) == 2
            and not _led_by_the(tokens, keyword[1][1])  # "in the events namespace" stands
            and _strength(tokens, keyword[0][0]) == _strength(tokens, keyword[1][0])
            and _a_word(keyword[1][2], kinds)
            and not _a_word(keyword[0][2], kinds)
        ):
            # "postgres stateful set namespace images": a word of the request before the
            # keyword is no namespace when a name follows it
            found = keyword[0]
        if (
            len(keyword) == 2
            and keyword[1][2]  # not "in the default namespace"
            and not _led_by_the(tokens, keyword[1][1])  # "in the prod namespace" stands
            and keyword[1][1] < keyword[0][1]
            and closes(tokens, keyword[0][1])
            and kinds.lookup(keyword[0][2].lower()) is None
            and keyword[0][2].lower() not in ("replicas", "replica")
        ):
            # "a shell in web-1 namespace qa": "namespace qa" closes the request, so the
            # name before the keyword is the object
            found = keyword[0]
    guessed = found is None
    if found is None:
        found = preposition_scope(tokens, kinds)
    if found is None:
        return tokens, Scope()
    start, end, name = found
    if start == 0 and end < len(tokens) and tokens[end].norm in _HEADING_MARKS:
        end += 1  # "ns qa: set image of web …": the mark went with the heading
    return tokens[:start] + tokens[end:], Scope(name, guessed=guessed)


# Things one looks at in a namespace that are no objects of their own.
_LOOKED_AT = frozenset(
    "warnings warning events event logs log errors usage metrics history revisions".split()
)


def _right_after_destroying(tokens: list[Token], i: int) -> bool:
    """The namespace keyword at `i` follows a destroying verb, a determiner between."""
    k = i - 1
    # ("tear down the namespace x": the particle belongs to the verb)
    while k >= 0 and tokens[k].norm in DETERMINERS | {"all", "every", "down", "away", "off", "of"}:
        k -= 1
    return k >= 0 and tokens[k].norm in DESTROY


_HEADING_MARKS = frozenset((":", ",", "-", "—", "->", ";"))


def _heads_the_request(tokens: list[Token], start: int, end: int) -> bool:
    """'namespace ledger: scale web to 3': a namespace phrase set before the request by a
    colon or a comma says where the request runs, once the request names an object of its
    own ("namespace ledger: delete it" still acts on the namespace)."""
    if start != 0 or end >= len(tokens) or tokens[end].norm not in _HEADING_MARKS:
        return False
    return any(name_like(tok) for tok in tokens[end + 2 :])


def _led_by_the(tokens: list[Token], end: int) -> bool:
    """'in the X namespace' ending at `end`: a preposition and "the" before the name."""
    return end >= 4 and tokens[end - 3].norm == "the" and tokens[end - 4].norm in PREPOSITIONS


def _strength(tokens: list[Token], start: int) -> int:
    first = tokens[start].norm
    if first in PREPOSITIONS and first not in WEAK_PREPOSITIONS:
        return 2
    # "for the fin namespace containing …": a preposition and "the" frame a namespace
    framed = first in PREPOSITIONS and start + 1 < len(tokens) and tokens[start + 1].norm == "the"
    return 2 if framed else 1


def _namespaces_are_the_object(norms: list[str], start: int, kinds: KindTable) -> bool:
    """'list all namespaces': the namespaces are what is listed, not the scope."""
    others = [
        w
        for w in norms[:start] + norms[start + 1 :]
        if (k := kinds.lookup(w)) is not None and k.ref.plural != "namespaces"
    ]
    return not others and bool({"namespace", "namespaces", "ns"} & set(norms[start : start + 4]))


def _flag(tokens: list[Token], kinds: KindTable) -> tuple[int, int, str] | None:
    """-n X, --namespace X, --namespace=X, namespace=X, ns=X."""
    for i, tok in enumerate(tokens):
        low = tok.text.lower()
        for prefix in ("--namespace=", "namespace=", "ns=", "-n="):
            if low.startswith(prefix) and NAMESPACE_RE.fullmatch(low[len(prefix) :]):
                return i, i + 1, tok.text[len(prefix) :]
        if low in ("-n", "--namespace") and i + 1 < len(tokens):
            # (after the flag itself even a function word is the name: "--namespace new")
            if valid_name(tokens[i + 1], explicit=True) or _flag_value(tokens[i + 1]):
                return i, i + 2, tokens[i + 1].text
    return None


def _flag_value(tok: Token) -> bool:
    return not tok.quoted and tok.norm in STOPWORDS and bool(NAMESPACE_RE.fullmatch(tok.norm))


def _keyword_before(tokens: list[Token], kinds: KindTable) -> tuple[int, int, str] | None:
    """'in the namespace X', 'namespace X', 'ns: X' (the namespace word first)."""
    for i, tok in enumerate(tokens):
        if tok.norm not in ("namespace", "ns") or i + 1 >= len(tokens):
            continue
        j = i + 1
        # (a word of the language names a namespace too once the request is under way:
        # "the kafka statefulset runs 2 pods events ns. halve it")
        # ("restart ledger-recon deployment namespace review": a kind after its object's
        # name is that object's; namespaces named after kinds are plural: "worker deploys ns")
        before_name = (
            i > 0
            and valid_name(tokens[i - 1], explicit=_under_way(tokens, i - 1, kinds))
            and not (
                _kind_after_its_name(tokens, i - 1, kinds) and not tokens[i - 1].norm.endswith("s")
            )
        )
        if tokens[j].norm in ("named", "called", ":", ";") and j + 1 < len(tokens):
            # "dev ns: min 2", "web ns; double it": the namespace is the word before (a
            # name follows the colon in "web namespace: prod")
            said_before = tokens[j + 1].norm in NOT_NAMES - {"default"} or (
                j + 2 < len(tokens) and tokens[j + 2].norm.isdigit()
            )
            # (a kind before the keyword is what the request is about: "6 pods ns: shop";
            # a kind after it names the namespace unless a plain name came before: "pod
            # x live ns: services", "dev ns: pods")
            kind_before = kinds.lookup(tokens[i - 1].norm) is not None
            kind_after = kinds.lookup(tokens[j + 1].norm) is not None
            plain_before = valid_name(tokens[i - 1], explicit=False)
            if (
                tokens[j].norm == ";"
                and before_name
                and said_before
                and (not kind_after or (plain_before and not kind_before))
            ):
                continue
            j += 1
        if not valid_name(tokens[j], explicit=True):
            continue
        nxt = tokens[j + 1].norm if j + 1 < len(tokens) else ""
        # ("describe deployment scale-worker namespace review": a name after its kind is the
        # object's, so the word closing the request after the keyword is the namespace, even
        # a word like "review"; "… team-a ns halve it" goes on with the request)
        owned = (
            i >= 2
            and kinds.lookup(tokens[i - 2].norm) is not None
            and (j + 1 == len(tokens) or tokens[j + 1].norm in (",", ".", "!", "?", ";"))
        )
        # ("auth dev ns run 6 replicas": a word of the request goes on after the keyword;
        # "statefulset redis namespace metrics to 10": after an object named with its
        # kind, the word after the keyword is where, whatever word it is)
        word_after = tokens[j].norm in NOT_NAMES and not _named_with_its_kind(tokens, i, kinds)
        slot_word = (
            (tokens[j].norm in _TAKES_A_VALUE or word_after)
            and tokens[j].norm != "default"
            and kinds.lookup(tokens[j].norm) is None
            and (nxt == "to" or nxt.isdigit() or any(c in nxt for c in ":/="))
        ) or tokens[j].norm in AFTER_SCOPE | (frozenset() if owned else NOT_SCOPES)
        # "service x of stg-eu namespace put label …": a verb after the keyword is the
        # request going on, so the name before it was the namespace
        verb_after = tokens[j].norm in _VERBS_GOING_ON and nxt not in ("", ",", ".", ";", "!", "?")
        if before_name and (slot_word or (verb_after and not owned)):
            # "set web team-a ns image to …", "expose web qa ns port 80", "… qa namespace
            # wide": the name before the keyword
            continue
        if tokens[j].norm in AFTER_SCOPE or (tokens[j].norm in COUNT_PARTICLES and nxt == "to"):
            continue  # "put web events ns back to 2", "… flags events ns containing k=v"
        if tokens[i - 1].norm in ("of", "from") and "account" in (
            t.norm for t in tokens[max(0, i - 3) : i]
        ):
            continue  # "service account foo of namespace dev" names the account
        start = phrase_start(tokens, i)
        # ("for namespace x" says for which namespace, as "-n x" does: never the object)
        weak = start == i or tokens[start].norm in WEAK_PREPOSITIONS - {"for"}
        # "remove what we don't need namespace batch": a namespace a destroying verb acts on
        # follows it ("delete the namespace x"); further on, it is where
        if any(t.norm in DESTROY for t in tokens[:i]) and not _right_after_destroying(tokens, i):
            return start, j + 1, tokens[j].text
        # "purge for namespace jobs": nobody deletes *for* a namespace; it is where
        destroying_for = tokens[start].norm == "for" and any(
            t.norm in DESTROY for t in tokens[:start]
        )
        # "just the warnings namespace default": what is looked at is named first
        looked_at = any(t.norm in _LOOKED_AT for t in tokens[:i])
        scoped = destroying_for or looked_at
        if (
            weak
            and not scoped
            and not other_target(tokens, i, j, kinds, names_count=True)
            and not _heads_the_request(tokens, start, j + 1)
        ):
            continue  # "create namespace foo", "describe ns prod": the namespace is the object
        return start, j + 1, tokens[j].text
    return None


# What a request sets to a value right after naming where ("set web team-a ns image to …",
# "qa ns replicas 3"): after the keyword, the word before was the namespace.
_TAKES_A_VALUE = frozenset(
    """image replicas replica count size memory cpu limit limits request requests
label labels annotation annotations env tag version port ports min max scale""".split()
)


def _a_word(name: str, kinds: KindTable) -> bool:
    return name.lower() in NOT_NAMES or kinds.lookup(name.lower()) is not None


def _kind_after_its_name(tokens: list[Token], k: int, kinds: KindTable) -> bool:
    """ "search-api deployment": the kind word at `k` follows its object's name."""
    if k >= 1 and kinds.lookup(f"{tokens[k - 1].norm} {tokens[k].norm}") is not None:
        return True  # "pg-main stateful set namespace logs": the kind said in two words
    return (
        k >= 1
        and kinds.lookup(tokens[k].norm) is not None
        and name_like(tokens[k - 1])
        and kinds.lookup(tokens[k - 1].norm) is None
    )


def _named_with_its_kind(tokens: list[Token], i: int, kinds: KindTable) -> bool:
    """The words before the keyword at `i` name an object with its kind: "… search-api
    deployment namespace x", "bring statefulset redis namespace x" (not "sms-fanout
    deployment triage ns", where the kind follows its name)."""
    if i >= 1 and _kind_after_its_name(tokens, i - 1, kinds):
        return True
    return (
        i >= 2
        and kinds.lookup(tokens[i - 2].norm) is not None
        and name_like(tokens[i - 1])
        and not (i >= 3 and name_like(tokens[i - 3]))
    )


def _under_way(tokens: list[Token], end: int, kinds: KindTable) -> bool:
    """An object was named before `end` (a kind word, or a name after the opening verb), so
    the word at `end` is no verb opening the request."""
    return end > 0 and any(kinds.lookup(t.norm) is not None or name_like(t) for t in tokens[:end])


def _keyword_after(tokens: list[Token], kinds: KindTable) -> tuple[int, int, str] | None:
    """'in the X namespace', 'X ns' (the name first)."""
    for i, tok in enumerate(tokens):
        if tok.norm not in ("namespace", "ns") or i == 0:
            continue
        name = tokens[i - 1]
        if not valid_name(name, explicit=True) or name.norm in PREPOSITIONS | DETERMINERS:
            continue
        led = phrase_start(tokens, i - 1) < i - 1  # "in the logs namespace"
        # a verb opens a request ("annotate namespace secrets"); after the object, the
        # word before "ns" is a namespace even when it is a word ("daemonsets status ns")
        verb_like = (
            name.norm in NOT_NAMES
            and name.norm != "default"
            # ("any warnings metrics ns?": what is looked at was named first)
            and not any(
                kinds.lookup(t.norm) or name_like(t) or t.norm in _LOOKED_AT
                for t in tokens[: i - 1]
            )
        )
        if not led and verb_like and not kinds.lookup(name.norm):
            continue  # "annotate namespace secrets": a verb is no namespace
        start = phrase_start(tokens, i - 1)
        if name.norm == "default" and start < i - 1 and tokens[i - 2].norm == "the":
            return start, i + 1, ""  # "in the default namespace": wherever the context points
        # "for the qa namespace …" frames a scope; "add a label to the qa namespace" an object
        framed_for = tokens[start].norm == "for" and tokens[start + 1].norm in ("the", "our", "my")
        weak = start == i - 1 or (tokens[start].norm in WEAK_PREPOSITIONS and not framed_for)
        looked_at = any(t.norm in _LOOKED_AT for t in tokens[:start])  # "warnings qa ns"
        if (
            weak
            and not looked_at
            and not other_target(tokens, i - 1, i, kinds, names_count=True)
            and not _heads_the_request(tokens, start, i + 1)
        ):
            continue  # "delete the foo namespace"
        return start, i + 1, name.text
    return None
