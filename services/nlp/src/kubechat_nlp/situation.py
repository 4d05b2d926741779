"""The situation told in sentences of their own before the request ("the weekend is quiet.
drop lantern to 10", "Customer traffic doubled overnight. scale ping up to 12", "restarted
the db. now restart the backend deployment"): why, never what. Such a sentence names no
kind and no object, and the request after it names its own object without pointing back
("web is down. restart it" keeps its sentence: "it" is web)."""

from __future__ import annotations

import re

from kubechat_nlp.kind_table import standard_table
from kubechat_nlp.lexicon import COMMAND_WORDS, KNOWN_WORDS, NOT_NAMES, PHRASING_VERBS

_KINDS = standard_table()
# A sentence that ends before more text (never the stop inside "e.g." or "v1.2").
_SENTENCE_RE = re.compile(r"^(.{3,120}?[a-z0-9'\")])([.!?]+)\s+(?=\S)", re.IGNORECASE)
# What makes a sentence a statement: a form of be, have, keep or say, or a past tense.
_STATEMENT_RE = re.compile(
    r"\b(?:is|are|was|were|am|been|has|have|had|keeps?|kept|says|said|seems?|looks?|got"
    r"|gets)\b|'s\b|'re\b|\b[a-z]{3,}ed\b",
    re.IGNORECASE,
)
# Words that say where, which the request after the sentence may need.
_PLACE_WORDS = frozenset("in on within inside under namespace ns".split())
# Words that point back at what the situation named.
_POINTING = frozenset("it its them they their that this those these there one ones".split())
# A time of day is no object's name ("paged at 3am").
_TIME_RE = re.compile(r"\d{1,2}(?::\d\d)?(?:am|pm)|\d{1,2}:\d\d")


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9][a-z0-9'./:-]*", text.lower())


def _names_something(words: list[str]) -> bool:
    """A kind, or a name that no sentence is made of ("web-1", "node3")."""
    for word in words:
        word = word.rstrip(".:")
        if _KINDS.lookup(word.removesuffix("'s")) is not None:
            return True
        if re.search(r"[-\d]", word) and not _TIME_RE.fullmatch(word):
            return True
    return False


# Words of the request language a statement of the situation may use.
_STATING = frozenset("is are was were am been has have had down up over out off on".split())


def _is_situation(sentence: str) -> bool:
    words = _words(sentence)
    if len(words) < 2 or not _STATEMENT_RE.search(sentence):
        return False
    # ("scale web. then …", "could you pull the logs of …?": a request of its own)
    if any(
        (w in COMMAND_WORDS or w in PHRASING_VERBS) and w not in _STATING and not w.endswith("ed")
        for w in words
    ):
        return False
    # ("something is missing down in playground": where it happens is the request's)
    if any(w in _PLACE_WORDS for w in words):
        return False
    return not _names_something(words)


def _request_stands_alone(rest: str) -> bool:
    """The request names its own object and points at nothing said before it."""
    words = _words(rest)
    if any(w in _POINTING for w in words):
        return False
    return _names_something(words) or any(
        w not in NOT_NAMES and w not in KNOWN_WORDS and w.isalpha() for w in words
    )


# The request said last about the objects listed before it: "pods x and y are leftovers.
# delete both" is "delete pods x and y".
_ACT_ON_THE_LISTED_RE = re.compile(
    r"^(.{3,200}?[a-z0-9'\")])[.!;]\s+(delete|remove|restart|describe|kill|bounce|purge|scrap)"
    r" (?:both|them|these|those|all of them|both of them)(?:\s*\([^()]*\))?\W*$",
    re.IGNORECASE,
)


def verb_said_last(text: str) -> str:
    """'X and Y are leftovers. delete both' → 'delete X and Y are leftovers'."""
    m = _ACT_ON_THE_LISTED_RE.match(text)
    return f"{m.group(2)} {m.group(1)}" if m else text


def without_situation(text: str) -> str:
    """`text` without the situation sentences before its request (at most two)."""
    for _ in range(2):
        m = _SENTENCE_RE.match(text)
        if m is None or "?" in m.group(2) or not _is_situation(m.group(1)):
            break
        rest = text[m.end() :]
        if not _request_stands_alone(rest):
            break
        text = rest
    return text
