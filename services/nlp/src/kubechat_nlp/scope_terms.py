"""The words and tests the namespace-scope readers share (`scope.py`, `scope_prepositions.py`):
which words end a scope phrase, which are never one, and whether another target is named."""

from __future__ import annotations

import re

from kubechat_nlp.entities import NUMBER_WORDS
from kubechat_nlp.kind_table import KindTable
from kubechat_nlp.lexicon import COMMAND_WORDS, NOT_NL_KIND_WORDS, STOPWORDS
from kubechat_nlp.text import Token

NAMESPACE_RE = re.compile(r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")
NS_WORDS = frozenset({"namespace", "ns", "namespaces"})
PREPOSITIONS = frozenset("in from on for within inside under into to at of across".split())
# "to namespace x" may be the object ("add a label to namespace x").
WEAK_PREPOSITIONS = frozenset({"to", "into", "of", "for", "on"})
# Words of a question about rights, where "on pods" names what a permission covers.
RIGHTS_WORDS = frozenset(
    "role clusterrole roles permission permissions can may allowed access".split()
)
# Prepositions that scope a request to a namespace only when they close it.
LATE_PREPOSITIONS = frozenset("under within inside across at targeting against".split())
# Everyday words that follow "in" without being a namespace ("in the foreground").
NOT_SCOPES = frozenset(
    """foreground background order parallel sequence place general total advance detail
details json yaml table text wide short full half halves bulk batches turn chunks
case progress time point mind use question sync line fact practice theory response record
addition future past general particular weekdays weekends weekday weekend monday tuesday
wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays
saturdays sundays midnight noon schedule demand rotation service maintenance pressure load
stress investigation review control construction pending running failed succeeded
completed file files manifest manifests hold back cpu memory autoscaling halve double
triple before after earlier later today yesterday tonight tomorrow come go right label labels
selector ticket cluster port ports revision revisions version fire call watch phase resume
pause""".split()
)
# Words "under" makes an idiom of ("under review"), that name a namespace so called when
# another preposition or the keyword puts them where a namespace goes.
UNDER_IDIOMS = frozenset(
    "maintenance load stress review investigation control construction pressure".split()
)
DETERMINERS = frozenset({"the", "my", "our", "your", "a", "this", "that"})
# After "in X": words that end the scope phrase (fillers, punctuation, the next phrase).
AFTER_SCOPE = frozenset(
    """, . ! ? ; and with sorted please pls plz thanks thx ta ty asap too as using that which
where now then right only instead also sort ordered showing including for from since over
during by to real quick quickly ok okay again first giving granting allowing binding
need needs is are was looks keeps oldest newest youngest latest aren't isn't not
between when whenever once until till if after before every labelled labeled tagged matching
having carrying replica replicas somewhere automatically manually all anymore yet either
exist exists containing holding storing listed shown displayed printed described exported
dumped - – — -> => →
no never should shouldn't must mustn't can can't cannot could couldn't would wouldn't will won't
has have had hasn't haven't doesn't don't does do did didn't still seems appears""".split()
)
_COUNTED = frozenset("replica replicas pods pod copies copy instances instance".split())


def a_count_follows(tokens: list[Token], k: int) -> bool:
    """'… on prod-in ten replicas', '… from kyc 10 replicas': a replica count starts at k,
    so the name before it closed a scope phrase."""
    if k + 1 >= len(tokens):
        return False
    said = tokens[k].norm
    return (said.isdigit() or said in NUMBER_WORDS) and tokens[k + 1].norm in _COUNTED


# Particles that carry a count on after a scope phrase ("put cart in events back to 12").
COUNT_PARTICLES = frozenset(("back", "up", "down"))


def is_flag(word: str) -> bool:
    """A kubectl flag ("-l", "--replicas=3") ends the phrase before it."""
    return word.startswith("-") and len(word) > 1


def closes(tokens: list[Token], end: int) -> bool:
    """Nothing but fillers after `end`."""
    return all(t.norm in AFTER_SCOPE or t.norm in STOPWORDS for t in tokens[end:])


def valid_name(tok: Token, *, explicit: bool) -> bool:
    if tok.norm == "__quoted__" or tok.shouted or not NAMESPACE_RE.fullmatch(tok.text.lower()):
        return False
    if tok.norm in STOPWORDS and tok.norm != "default":
        return False
    if re.fullmatch(r"[\d-]+", tok.norm):
        return False  # "namespace: 1 to 5 replicas", "…: 4-20 replicas": numbers, no namespace
    # ("toss namespace x": a destroying verb before the keyword is no name)
    return explicit or (tok.norm not in COMMAND_WORDS and tok.norm not in DESTROY)


def phrase_start(tokens: list[Token], i: int) -> int:
    """Where the scope phrase starts: a preposition (and determiner) before it, or `i`
    itself when there is none."""
    start = i
    if start and tokens[start - 1].norm in DETERMINERS:
        start -= 1
    if start and tokens[start - 1].norm in PREPOSITIONS:
        return start - 1
    return i


def name_like(tok: Token) -> bool:
    """A token that reads as an object name, not as a word of the request's language."""
    norm = tok.norm
    if norm in STOPWORDS or norm in COMMAND_WORDS or norm.isdigit() or norm == "__quoted__":
        return False
    if tok.shouted:
        return False
    return norm not in DESTROY and bool(NAMESPACE_RE.fullmatch(norm))


DESTROY = frozenset(
    """delete remove purge drop destroy nuke wipe kill erase clear clean trash terminate toss axe
scrap zap ditch blow tear bin rid rm del""".split()
)
# A vague object is still the object: in "drop everything namespace dev" the namespace
# is where, never what (a vague request must not become "delete namespace dev").
VAGUE_OBJECTS = frozenset(
    """everything anything all stuff things junk mess lot rest whatever it them old stale
unused leftovers garbage crap""".split()
)


def other_target(
    tokens: list[Token], start: int, end: int, kinds: KindTable, *, names_count: bool = False
) -> bool:
    """Another kind (or, with `names_count`, an object name before the phrase) is named,
    so the namespace phrase is a scope rather than the object."""
    for k, tok in enumerate(tokens):
        if start <= k <= end:
            continue
        if names_count and k < start and (name_like(tok) or tok.norm in VAGUE_OBJECTS):
            return True
        if tok.norm in NOT_NL_KIND_WORDS:
            continue
        info = kinds.lookup(tok.norm) or kinds.lookup(tok.norm.split("/", 1)[0])
        if info is not None and info.ref.plural != "namespaces":
            return True
    return False
