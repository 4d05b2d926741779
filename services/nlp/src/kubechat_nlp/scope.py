"""The namespace a request is scoped to (or all of them), read before any rule runs so
every rule sees the same reading.

The scope is taken out of the token stream: a namespace called `jobs` or `deploys` is
then never read as a kind, and `web` in "scale api in web" is never a second target."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kubechat_nlp.kind_table import KindTable
from kubechat_nlp.lexicon import COMMAND_WORDS, NOT_NAMES, NOT_NL_KIND_WORDS, STOPWORDS
from kubechat_nlp.text import Token

_NAMESPACE_RE = re.compile(r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")
_NS_WORDS = frozenset({"namespace", "ns", "namespaces"})
_PREPOSITIONS = frozenset("in from on for within inside under into to at of across".split())
# "to namespace x" may be the object ("add a label to namespace x").
_WEAK_PREPOSITIONS = frozenset({"to", "into", "of", "for", "on"})
# Words of a question about rights, where "on pods" names what a permission covers.
_RIGHTS_WORDS = frozenset(
    "role clusterrole roles permission permissions can may allowed access".split()
)
# Prepositions that scope a request to a namespace only when they close it.
_LATE_PREPOSITIONS = frozenset("under within inside across at".split())
# Everyday words that follow "in" without being a namespace ("in the foreground").
_NOT_SCOPES = frozenset(
    """foreground background order parallel sequence place general total advance detail
details json yaml table text wide short full half halves bulk batches turn chunks
case progress time point mind use question sync line fact practice theory response
addition future past general particular weekdays weekends weekday weekend monday tuesday
wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays
saturdays sundays midnight noon schedule demand rotation service maintenance pressure load
stress investigation review control construction pending running failed succeeded
completed file files manifest manifests""".split()
)
_DETERMINERS = frozenset({"the", "my", "our", "your", "a", "this", "that"})
# After "in X": words that end the scope phrase (fillers, punctuation, the next phrase).
_AFTER_SCOPE = frozenset(
    """, . ! ? ; and with sorted please pls plz thanks thx ta ty asap too as using that which
where now then right only instead also sort ordered showing including for from since over
during by to real quick quickly ok okay again first giving granting allowing binding
need needs is are was looks keeps oldest newest youngest latest aren't isn't not
between when whenever once until if after before every labelled labeled tagged matching
having carrying replica replicas""".split()
)
_ALL_NAMESPACES_RE = re.compile(
    r"^(?:(?:in|across|from|over|for|on|throughout) )?(?:all|every|each|any) (?:of )?(?:the )?"
    r"(?:namespaces?|ns)$|^(?:everywhere|cluster-?wide|cluster wide|globally)$"
    r"|^(?:in|across|throughout|over) (?:the )?(?:whole |entire )?cluster$"
)


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
            and keyword[1][2]  # not "in the default namespace"
            and tokens[keyword[1][1] - 3].norm != "the"  # "in the prod namespace" stands
            and keyword[1][1] < keyword[0][1]
            and _closes(tokens, keyword[0][1])
            and kinds.lookup(keyword[0][2].lower()) is None
            and keyword[0][2].lower() not in ("replicas", "replica")
        ):
            # "a shell in web-1 namespace qa": "namespace qa" closes the request, so the
            # name before the keyword is the object
            found = keyword[0]
    guessed = found is None
    if found is None:
        found = _preposition(tokens, kinds)
    if found is None:
        return tokens, Scope()
    start, end, name = found
    return tokens[:start] + tokens[end:], Scope(name, guessed=guessed)


def _closes(tokens: list[Token], end: int) -> bool:
    """Nothing but fillers after `end`."""
    return all(t.norm in _AFTER_SCOPE or t.norm in STOPWORDS for t in tokens[end:])


def _strength(tokens: list[Token], start: int) -> int:
    first = tokens[start].norm
    return 2 if first in _PREPOSITIONS and first not in _WEAK_PREPOSITIONS else 1


def _namespaces_are_the_object(norms: list[str], start: int, kinds: KindTable) -> bool:
    """'list all namespaces': the namespaces are what is listed, not the scope."""
    others = [
        w
        for w in norms[:start] + norms[start + 1 :]
        if (k := kinds.lookup(w)) is not None and k.ref.plural != "namespaces"
    ]
    return not others and bool({"namespace", "namespaces", "ns"} & set(norms[start : start + 4]))


def _valid(tok: Token, *, explicit: bool) -> bool:
    if tok.norm == "__quoted__" or not _NAMESPACE_RE.fullmatch(tok.text.lower()):
        return False
    if tok.norm in STOPWORDS and tok.norm != "default":
        return False
    return explicit or tok.norm not in COMMAND_WORDS


def _flag(tokens: list[Token], kinds: KindTable) -> tuple[int, int, str] | None:
    """-n X, --namespace X, --namespace=X, namespace=X, ns=X."""
    for i, tok in enumerate(tokens):
        low = tok.text.lower()
        for prefix in ("--namespace=", "namespace=", "ns=", "-n="):
            if low.startswith(prefix) and _NAMESPACE_RE.fullmatch(low[len(prefix) :]):
                return i, i + 1, tok.text[len(prefix) :]
        if low in ("-n", "--namespace") and i + 1 < len(tokens):
            if _valid(tokens[i + 1], explicit=True):
                return i, i + 2, tokens[i + 1].text
    return None


def _keyword_before(tokens: list[Token], kinds: KindTable) -> tuple[int, int, str] | None:
    """'in the namespace X', 'namespace X', 'ns: X' (the namespace word first)."""
    for i, tok in enumerate(tokens):
        if tok.norm not in ("namespace", "ns") or i + 1 >= len(tokens):
            continue
        j = i + 1
        before_name = i > 0 and _valid(tokens[i - 1], explicit=False)
        if tokens[j].norm in ("named", "called", ":", ";") and j + 1 < len(tokens):
            # "dev ns: min 2", "web ns; double it": the namespace is the word before (a
            # name follows the colon in "web namespace: prod")
            said_before = tokens[j + 1].norm in NOT_NAMES or (
                j + 2 < len(tokens) and tokens[j + 2].norm.isdigit()
            )
            if tokens[j].norm == ";" and before_name and said_before:
                continue
            j += 1
        if not _valid(tokens[j], explicit=True):
            continue
        nxt = tokens[j + 1].norm if j + 1 < len(tokens) else ""
        slot_word = (
            tokens[j].norm in NOT_NAMES
            and tokens[j].norm != "default"
            and kinds.lookup(tokens[j].norm) is None
            and (nxt == "to" or nxt.isdigit())
        ) or tokens[j].norm in _NOT_SCOPES
        if before_name and slot_word:
            # "set web team-a ns image to …", "expose web qa ns port 80", "… qa namespace
            # wide": the name before the keyword
            continue
        if "account" in (t.norm for t in tokens[max(0, i - 3) : i]):
            continue  # "service account foo of namespace dev" names the account
        start = _phrase_start(tokens, i)
        weak = start == i or tokens[start].norm in _WEAK_PREPOSITIONS
        # "purge for namespace jobs": nobody deletes *for* a namespace; it is where
        destroying_for = tokens[start].norm == "for" and any(
            t.norm in _DESTROY for t in tokens[:start]
        )
        if weak and not destroying_for and not _other_target(tokens, i, j, kinds, names_count=True):
            continue  # "create namespace foo", "describe ns prod": the namespace is the object
        return start, j + 1, tokens[j].text
    return None


def _keyword_after(tokens: list[Token], kinds: KindTable) -> tuple[int, int, str] | None:
    """'in the X namespace', 'X ns' (the name first)."""
    for i, tok in enumerate(tokens):
        if tok.norm not in ("namespace", "ns") or i == 0:
            continue
        name = tokens[i - 1]
        if not _valid(name, explicit=True) or name.norm in _PREPOSITIONS | _DETERMINERS:
            continue
        led = _phrase_start(tokens, i - 1) < i - 1  # "in the logs namespace"
        # a verb opens a request ("annotate namespace secrets"); after the object, the
        # word before "ns" is a namespace even when it is a word ("daemonsets status ns")
        verb_like = (
            name.norm in NOT_NAMES
            and name.norm != "default"
            and not any(kinds.lookup(t.norm) or _name_like(t) for t in tokens[: i - 1])
        )
        if not led and verb_like and not kinds.lookup(name.norm):
            continue  # "annotate namespace secrets": a verb is no namespace
        start = _phrase_start(tokens, i - 1)
        if name.norm == "default" and start < i - 1 and tokens[i - 2].norm == "the":
            return start, i + 1, ""  # "in the default namespace": wherever the context points
        weak = start == i - 1 or tokens[start].norm in _WEAK_PREPOSITIONS
        if weak and not _other_target(tokens, i - 1, i, kinds, names_count=True):
            continue  # "delete the foo namespace"
        return start, i + 1, name.text
    return None


def _preposition(tokens: list[Token], kinds: KindTable) -> tuple[int, int, str] | None:
    """'in X' / 'on X' with X a name that ends the phrase: 'scale api to 3 in web please'."""
    # "in finance, restart ledger": a phrase set before the request with a comma is its
    # scope; otherwise from the end, where a scope phrase closes it ("shell in web-1 in test").
    if len(tokens) > 3 and tokens[0].norm in ("in", "on") and tokens[2].norm == ",":
        if _valid(tokens[1], explicit=True) and tokens[1].norm not in _NS_WORDS:
            return 0, 3, tokens[1].text
    for i in range(len(tokens) - 2, -1, -1):
        tok = tokens[i]
        if tok.norm not in ("in", "on", "from") and not (
            # "scale web to 3 under shop": other prepositions name a namespace at the end,
            # after another target ("inside web-1" alone is the object); "within" scopes
            # wherever it stands ("give pod x within dev the label y")
            tok.norm in _LATE_PREPOSITIONS
            and (
                i + 2 >= len(tokens) - (tokens[i + 1].norm == "the") or _scopes_anywhere(tokens, i)
            )
            and (
                _other_target(tokens, i, i + 1, kinds, names_count=True)
                # "what happened under qa?": these name a scope even alone
                or (tok.norm in ("within", "under") and kinds.lookup(tokens[i + 1].norm) is None)
            )
        ):
            continue
        if tok.norm == "from" and not _from_scopes(tokens, i, kinds):
            continue
        j = i + 1
        if tokens[j].norm in ("the",) and j + 1 < len(tokens):
            j += 1
        name = tokens[j]
        after = tokens[j + 1].norm if j + 1 < len(tokens) else ""
        # quoted text after the phrase is data, so the phrase ends there
        ends = (
            not after
            or after in _AFTER_SCOPE
            or after in STOPWORDS
            or after == "__quoted__"
            or ("=" in after and not after.startswith("-"))  # "in platform reviewed=yes"
        )
        if kinds.lookup(name.norm) is not None or (
            name.norm in COMMAND_WORDS and name.norm not in _NOT_SCOPES
        ):
            # "add a label to pod api-7 in deploys", "kafka to 5 in streaming": at the end,
            # after another target, a kind or command word is a namespace named so
            about_rights = any(t.norm in _RIGHTS_WORDS for t in tokens)
            closing_on = tok.norm == "on" and _closes(tokens, j + 1) and not about_rights
            # a command word (not a kind) after "on" in mid-sentence: "scale mongo on
            # status to 2"; "on pods" stays what a role applies to
            on_a_word = tok.norm == "on" and kinds.lookup(name.norm) is None
            scoping = tok.norm in ("in", "within", "inside", "under", "from") or on_a_word
            if name.norm in _NS_WORDS or (not scoping and not closing_on):
                # "on pods" is what a role applies to; closing any other request,
                # "delete configmaps labeled x on deploys" names a namespace
                continue
            fronted = i == 0 and after == ","  # "in services, undo the rollout of web"
            if not fronted and not (ends and _other_target(tokens, i, j, kinds, names_count=True)):
                continue
            if not _valid(name, explicit=True):
                continue
        elif not _valid(name, explicit=False):
            continue
        if (
            tok.norm == "on"
            and i
            and tokens[i - 1].norm in ("running", "scheduled", "placed", "landed")
        ):
            continue  # "pods running on node-2": a node
        if name.norm in _NOT_SCOPES or name.norm.endswith("container") or after == "of":
            continue  # "what's in the logs of web-1": a namespace is never "of" something
        beyond = tokens[j + 2].norm if j + 2 < len(tokens) else ""
        if after in ("context", "cluster", "kubeconfig", "container", "containers") or (
            after == "from" and not beyond.isdigit()  # "on qa from 2 to 8 pods" scopes
        ):
            continue  # "in the prod context", "in web from pod x", "in the app container"
        if kinds.lookup(after) or kinds.lookup(f"{name.norm} {after}"):
            continue  # "in the prod context", "in web from pod x", "on the nginx service"
        if tok.norm == "on" and not _other_target(tokens, i, j, kinds, names_count=True):
            continue  # "forward port 6000 on my-pod": the object, not a namespace
        if (name.quoted and name.norm == "__quoted__") or "." in name.norm:
            continue  # a quoted phrase is data; a quoted single name ('in "shop"') is not
        if name.norm.isdigit() or "/" in name.norm:
            continue
        if re.fullmatch(r"\d{1,2}(:\d\d)?(am|pm)?|midnight|noon|night|dawn", name.norm):
            continue  # "every sunday at 3am": a time, never a namespace
        if tok.norm in ("on", "from") and re.match(r"(node|worker)-\d|ip-\d", name.norm):
            continue  # "describe pods on node-3", "evict the pods from worker-2": a node
        if (
            after
            and after != "__quoted__"
            and after not in _AFTER_SCOPE | COMMAND_WORDS | STOPWORDS
            and not ("=" in after and not after.startswith("-"))
        ):
            continue
        before = tokens[i - 1].norm if i else ""
        if before in ("containers", "file", "directory", "folder", "key"):
            continue
        return i, j + 1, name.text
    return None


# Verbs whose object may follow "from" ("remove the label app from web", "copy x from
# web-1"): after them, "from X" names a namespace only beside a kind word.
_FROM_TAKERS = frozenset(
    """remove delete unset drop strip take copy cp download evict detach unbind revoke
pull fetch grab get read unlabel untaint""".split()
)
# Where "inside X" is the place a command runs ("run ls inside web-1"), not a scope.
_IN_A_CONTAINER = frozenset("run exec execute shell bash sh command copy cp open".split())


def _scopes_anywhere(tokens: list[Token], i: int) -> bool:
    """'within X' and 'under X' are a scope wherever they stand; 'inside X' too, unless a
    command runs inside something."""
    if tokens[i].norm in ("within", "under"):
        return True
    return tokens[i].norm == "inside" and not any(t.norm in _IN_A_CONTAINER for t in tokens)


def _from_scopes(tokens: list[Token], i: int, kinds: KindTable) -> bool:
    """'from X' closing a request names its namespace ("scale api to 3 from dev", "the
    logs of web-2 from the last hour from apps") when another target is named before it;
    after a verb that takes its object from somewhere, only another kind word counts."""
    j = i + 2 if i + 2 < len(tokens) and tokens[i + 1].norm == "the" else i + 1
    if j >= len(tokens):
        return False
    closing = all(t.norm in _AFTER_SCOPE | STOPWORDS for t in tokens[j + 1 :])
    if not closing and not _from_scopes_midway(tokens, j, kinds):
        return False
    if _other_target(tokens, i, j, kinds):
        return True
    # a "from" already spent on the object leaves the last one to the scope
    takes_from = any(t.norm in _FROM_TAKERS for t in tokens[:i]) and not any(
        t.norm == "from" for t in tokens[:i]
    )
    return not takes_from and _other_target(tokens, i, j, kinds, names_count=True)


# What "from X" takes X from when it is no namespace: a source, a time, a starting value.
_FROM_SOURCES = frozenset(
    """literal literals file files env-file revision image template stdin scratch backup
snapshot source url git registry disk local localhost here there now then last past
previous start beginning earlier yesterday today midnight noon node host machine""".split()
)
# Words that may follow "from X" when X is a namespace in mid-sentence ("raise web from
# dev to 3 replicas", "set up a cronjob x from shop running busybox").
_AFTER_MIDWAY_SCOPE = frozenset(
    """with in by running should is has that a an as , : ; and using called named which
gets get needs wants could would must""".split()
)


def _from_scopes_midway(tokens: list[Token], j: int, kinds: KindTable) -> bool:
    """'from X' in mid-sentence: X a plain name (no kind, source or time word) followed
    by a new phrase; before "to", only when a count or an image follows ("from dev to 5
    replicas"), since "from a to b" is usually a change of value."""
    name = tokens[j].norm
    if name in _FROM_SOURCES or kinds.lookup(name) is not None or not _NAMESPACE_RE.fullmatch(name):
        return False
    nxt = tokens[j + 1].norm if j + 1 < len(tokens) else ""
    if nxt == "to":
        beyond = tokens[j + 2].norm if j + 2 < len(tokens) else ""
        return beyond.isdigit() or beyond in ("image", "the", "version")
    return nxt in _AFTER_MIDWAY_SCOPE


def _phrase_start(tokens: list[Token], i: int) -> int:
    """Where the scope phrase starts: a preposition (and determiner) before it, or `i`
    itself when there is none."""
    start = i
    if start and tokens[start - 1].norm in _DETERMINERS:
        start -= 1
    if start and tokens[start - 1].norm in _PREPOSITIONS:
        return start - 1
    return i


def _name_like(tok: Token) -> bool:
    """A token that reads as an object name, not as a word of the request's language."""
    norm = tok.norm
    if norm in STOPWORDS or norm in COMMAND_WORDS or norm.isdigit() or norm == "__quoted__":
        return False
    return bool(_NAMESPACE_RE.fullmatch(norm))


_DESTROY = frozenset(
    "delete remove purge drop destroy nuke wipe kill erase clear clean trash terminate".split()
)
# A vague object is still the object: in "drop everything namespace dev" the namespace
# is where, never what (a vague request must not become "delete namespace dev").
_VAGUE_OBJECTS = frozenset(
    """everything anything all stuff things junk mess lot rest whatever it them old stale
unused leftovers garbage crap""".split()
)


def _other_target(
    tokens: list[Token], start: int, end: int, kinds: KindTable, *, names_count: bool = False
) -> bool:
    """Another kind (or, with `names_count`, an object name before the phrase) is named,
    so the namespace phrase is a scope rather than the object."""
    for k, tok in enumerate(tokens):
        if start <= k <= end:
            continue
        if names_count and k < start and (_name_like(tok) or tok.norm in _VAGUE_OBJECTS):
            return True
        if tok.norm in NOT_NL_KIND_WORDS:
            continue
        info = kinds.lookup(tok.norm) or kinds.lookup(tok.norm.split("/", 1)[0])
        if info is not None and info.ref.plural != "namespaces":
            return True
    return False
