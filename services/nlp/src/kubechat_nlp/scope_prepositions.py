"""A namespace named by a preposition: "in X", "on X", "from X", "within X", with the
checks that tell it from an object ("a shell in web-1") or a value ("from 3 to 5")."""

from __future__ import annotations

import re

from kubechat_nlp.entities import NUMBER_WORDS
from kubechat_nlp.kind_table import KindTable
from kubechat_nlp.lexicon import COMMAND_WORDS, NOT_NAMES, STOPWORDS
from kubechat_nlp.scope_terms import (
    AFTER_SCOPE,
    COUNT_PARTICLES,
    DETERMINERS,
    LATE_PREPOSITIONS,
    NAMESPACE_RE,
    NOT_SCOPES,
    NS_WORDS,
    RIGHTS_WORDS,
    UNDER_IDIOMS,
    a_count_follows,
    closes,
    is_flag,
    name_like,
    other_target,
    valid_name,
)
from kubechat_nlp.scope_words import ENVIRONMENTS
from kubechat_nlp.text import Token


def preposition_scope(tokens: list[Token], kinds: KindTable) -> tuple[int, int, str] | None:
    """'in X' / 'on X' with X a name that ends the phrase: 'scale api to 3 in web please'."""
    # "in finance, restart ledger": a phrase set before the request with a comma is its
    # scope; otherwise from the end, where a scope phrase closes it ("shell in web-1 in test").
    if len(tokens) > 3 and tokens[0].norm in ("in", "on") and tokens[2].norm == ",":
        if valid_name(tokens[1], explicit=True) and tokens[1].norm not in NS_WORDS:
            return 0, 3, tokens[1].text
    # a command run inside something: "in web-1." is where it runs, not a closing scope
    runs_inside = any(t.norm in _IN_A_CONTAINER for t in tokens)
    for i in range(len(tokens) - 2, -1, -1):
        tok = tokens[i]
        if tok.norm not in ("in", "on", "from", "for") and not (
            # "scale web to 3 under shop": other prepositions name a namespace at the end,
            # after another target ("inside web-1" alone is the object); "within" scopes
            # wherever it stands ("give pod x within dev the label y")
            tok.norm in LATE_PREPOSITIONS
            and (
                i + 2 >= len(tokens) - (tokens[i + 1].norm == "the")
                or _scopes_anywhere(tokens, i, runs_inside)
            )
            and (
                other_target(tokens, i, i + 1, kinds, names_count=True)
                # "what happened under qa?": these name a scope even alone
                or (tok.norm in ("within", "under") and kinds.lookup(tokens[i + 1].norm) is None)
            )
        ):
            continue
        # "the migrate-v7 job on staging permanently", "cronjob x from monitoring - remove":
        # right after an object named with its kind, a place preposition says where it
        # lives, whatever follows
        named_before = (
            tok.norm in _PLACE_PREPOSITIONS
            and i >= 2
            and _kind_and_name(tokens[i - 2], tokens[i - 1], kinds)
        )
        if tok.norm == "from" and not (
            _from_scopes(tokens, i, kinds) or (named_before and _from_a_place(tokens, i))
        ):
            continue
        if tok.norm == "for" and not _for_scopes(tokens, i, kinds):
            continue
        if (
            tok.norm == "on"
            and i > 1
            and tokens[i - 1].norm in _MADE_FOR
            and tokens[i - 2].norm in ("a", "an", "new")
        ):
            continue  # "put an autoscaler on notifications": what a new one is put on
        j = i + 1
        if tokens[j].norm in ("the",) and j + 1 < len(tokens):
            j += 1
            if tokens[j].norm in ("logs", "log", "output", "events"):
                continue  # "what's it saying in the logs": where to look, never a namespace
        name = tokens[j]
        after = tokens[j + 1].norm if j + 1 < len(tokens) else ""
        # quoted text after the phrase is data, so the phrase ends there
        ends = (
            not after
            # "runs 6 pods in docs. halve it" (never "poke around in web-1. sh please")
            or (name.ends_sentence and not runs_inside)
            or after in AFTER_SCOPE
            or after in STOPWORDS
            or after == "__quoted__"
            or ("=" in after and not after.startswith("-"))  # "in platform reviewed=yes"
            or is_flag(after)  # "get pods in shop -l app=web"
            or a_count_follows(tokens, j + 1)  # "make web on prod-in ten replicas"
            or after in COUNT_PARTICLES  # "put cart in events back to 12 replicas"
        )
        if j > i + 1 and name.norm in ("nodes", "pods") and after not in NS_WORDS:
            continue  # "the load on the nodes": the kind itself, never a namespace
        if kinds.lookup(name.norm) is not None or (
            name.norm in COMMAND_WORDS and name.norm not in NOT_SCOPES
        ):
            # "add a label to pod api-7 in deploys", "kafka to 5 in streaming": at the end,
            # after another target, a kind or command word is a namespace named so
            about_rights = any(t.norm in RIGHTS_WORDS for t in tokens)
            # "can i remove configmaps on events": with the kind already said, "on" and a
            # kind word that ends the phrase is where, even in a question about rights
            # ("a role allowing get on deployments": what a role covers, never where)
            of_a_role = any(t.norm in ("role", "roles", "clusterrole") for t in tokens)
            kind_said = (
                tok.norm == "on" and ends and not of_a_role and _kind_before(tokens, i, kinds)
            )
            # "api has 2 replicas on events; scale up": after a name, a phrase that ends a
            # clause is where
            kind_said = kind_said or (
                (after in (",", ";", ":") or after.startswith("--"))
                and not about_rights
                and not of_a_role
                and other_target(tokens, i, j, kinds, names_count=True)
            )
            closing_on = tok.norm == "on" and (
                (closes(tokens, j + 1) and not about_rights) or kind_said
            )
            # a command word (not a kind) after "on" in mid-sentence: "scale mongo on
            # status to 2"; "on pods" stays what a role applies to
            on_a_word = tok.norm == "on" and kinds.lookup(name.norm) is None
            scoping = tok.norm in ("in", "within", "inside", "under", "from") or on_a_word
            scoping = scoping or named_before
            if name.norm in NS_WORDS or (not scoping and not closing_on):
                # "on pods" is what a role applies to; closing any other request,
                # "delete configmaps labeled x on deploys" names a namespace
                continue
            fronted = i == 0 and after == ","  # "in services, undo the rollout of web"
            placed = ends or (named_before and j == i + 1)
            if not fronted and not (placed and other_target(tokens, i, j, kinds, names_count=True)):
                continue
            if not valid_name(name, explicit=True):
                continue
        elif not valid_name(name, explicit=name.norm in UNDER_IDIOMS):
            continue  # (an idiom's word is judged with the idioms below)
        if (
            tok.norm == "on"
            and i
            and tokens[i - 1].norm in ("running", "scheduled", "placed", "landed")
        ):
            continue  # "pods running on node-2": a node
        # ("in the appcontainer" is a container; "in api-container" a namespace's name)
        in_a_container = name.norm.endswith("container") and "-" not in name.norm
        # ("statefulset redis on review.": right after an object named with its kind, "on"
        # and a word closing the phrase is where, unless "on" makes an idiom of it)
        # ("under load" is an idiom; "restart web in maintenance" a namespace so named)
        placed = ends and (
            (tok.norm == "on" and named_before and name.norm not in _ON_IDIOMS)
            or (
                name.norm in UNDER_IDIOMS
                and tok.norm in ("in", "on")
                and other_target(tokens, i, j, kinds, names_count=True)
            )
        )
        if (name.norm in NOT_SCOPES and not placed) or in_a_container or after == "of":
            continue  # "what's in the logs of web-1": a namespace is never "of" something
        beyond = tokens[j + 2].norm if j + 2 < len(tokens) else ""
        if after in ("context", "cluster", "kubeconfig", "container", "containers") or (
            after == "from" and not beyond.isdigit()  # "on qa from 2 to 8 pods" scopes
        ):
            continue  # "in the prod context", "in web from pod x", "in the app container"
        if kinds.lookup(after) or kinds.lookup(f"{name.norm} {after}"):
            continue  # "in the prod context", "in web from pod x", "on the nginx service"
        if tok.norm == "on" and not other_target(tokens, i, j, kinds, names_count=True):
            continue  # "forward port 6000 on my-pod": the object, not a namespace
        if (name.quoted and name.norm == "__quoted__") or "." in name.norm:
            continue  # a quoted phrase is data; a quoted single name ('in "shop"') is not
        if name.norm.isdigit() or "/" in name.norm:
            continue
        if re.fullmatch(r"\d{1,2}(:\d\d)?(am|pm)?|midnight|noon|night|dawn", name.norm):
            continue  # "every sunday at 3am": a time, never a namespace
        if tok.norm in ("on", "from") and _NODE_NAME.search(name.norm):
            continue  # "describe pods on node-3", "evict the pods from worker-2": a node
        if (
            after
            and not (name.ends_sentence and not runs_inside)
            and after != "__quoted__"
            and after not in AFTER_SCOPE | COMMAND_WORDS | STOPWORDS
            and not ("=" in after and not after.startswith("-"))
            and not is_flag(after)
            and not named_before
            and not a_count_follows(tokens, j + 1)
        ):
            continue
        before = tokens[i - 1].norm if i else ""
        if before in ("image", "images") and tok.norm == "in":
            continue  # "change the app image in web to …": the workload
        if before in ("containers", "file", "directory", "folder", "key"):
            continue
        return i, j + 1, name.text
    return None


def _kind_before(tokens: list[Token], i: int, kinds: KindTable) -> bool:
    """A kind other than namespaces is named before `i` ("… pods on events")."""
    return any(
        (k := kinds.lookup(t.norm)) is not None and k.ref.plural != "namespaces" for t in tokens[:i]
    )


# Prepositions that say where an object just named lives ("pvc data-0 in cache isnt
# binding", "statefulset pg-main on kube-system -> 4").
_PLACE_PREPOSITIONS = frozenset("in on from under within inside".split())
# Words "on" makes an idiom of ("put cronjob x on hold", "scale on demand", "on weekends").
_ON_IDIOMS = frozenset(
    "hold demand time schedule call fire pause record point track turn line watch resume sync"
    " standby top weekend weekends weekday weekdays monday tuesday wednesday thursday friday"
    " saturday sunday mondays tuesdays wednesdays thursdays fridays saturdays sundays".split()
)


def _from_a_place(tokens: list[Token], i: int) -> bool:
    """'from X' names a place, not a source, a time or a starting value."""
    j = i + 2 if i + 2 < len(tokens) and tokens[i + 1].norm == "the" else i + 1
    nxt = tokens[j + 1].norm if j + 1 < len(tokens) else ""
    # ("from 3 to 5" is a change of value; "from deploys to 4 replicas" a place and a count)
    return tokens[j].norm not in _FROM_SOURCES and (nxt != "to" or a_count_follows(tokens, j + 2))


def _kind_and_name(first: Token, second: Token, kinds: KindTable) -> bool:
    """'pvc data-0', 'the search-api autoscaler': a kind word and a name, either way round."""

    def kind(tok: Token) -> bool:
        info = kinds.lookup(tok.norm)
        return info is not None and info.ref.plural not in ("all", "namespaces")

    def name(tok: Token) -> bool:
        return valid_name(tok, explicit=False) and kinds.lookup(tok.norm) is None

    return (kind(first) and name(second)) or (name(first) and kind(second))


# Verbs whose object may follow "from" ("remove the label app from web", "copy x from
# web-1"): after them, "from X" names a namespace only beside a kind word.
_FROM_TAKERS = frozenset(
    """remove delete unset drop strip take copy cp download evict detach unbind revoke
pull fetch grab get read unlabel untaint""".split()
)
# Where "inside X" is the place a command runs ("run ls inside web-1"), not a scope.
_IN_A_CONTAINER = frozenset("run exec execute shell bash sh command copy cp open poke".split())


def _scopes_anywhere(tokens: list[Token], i: int, runs_inside: bool) -> bool:
    """'within X' and 'under X' are a scope wherever they stand; 'inside X' too, unless a
    command runs inside something."""
    if tokens[i].norm in ("within", "under"):
        return True
    return tokens[i].norm == "inside" and not runs_inside


def _from_scopes(tokens: list[Token], i: int, kinds: KindTable) -> bool:
    """'from X' closing a request names its namespace ("scale api to 3 from dev", "the
    logs of web-2 from the last hour from apps") when another target is named before it;
    after a verb that takes its object from somewhere, only another kind word counts."""
    j = i + 2 if i + 2 < len(tokens) and tokens[i + 1].norm == "the" else i + 1
    if j >= len(tokens):
        return False
    closing = all(t.norm in AFTER_SCOPE | STOPWORDS for t in tokens[j + 1 :])
    if not closing and not _from_scopes_midway(tokens, j, kinds):
        return False
    if other_target(tokens, i, j, kinds):
        return True
    # a "from" already spent on the object leaves the last one to the scope
    takes_from = any(t.norm in _FROM_TAKERS for t in tokens[:i]) and not any(
        t.norm == "from" for t in tokens[:i]
    )
    return not takes_from and other_target(tokens, i, j, kinds, names_count=True)


_THANKING = frozenset("cheers thanks thank thx ty ta kudos props".split())
# Objects made for a workload: "a service for api", "an hpa for web", "dynos for web".
_MADE_FOR = frozenset(
    "service svc services hpa hpas autoscaler autoscalers dynos dyno ingress route".split()
)
# Verbs that make something: "for X" after them is whom it is for ("create a service
# account for jenkins"), unless the new object is named besides.
_MAKING = frozenset("create make add new generate setup set-up spin provision".split())


def _for_scopes(tokens: list[Token], i: int, kinds: KindTable) -> bool:
    """'for X' closing a request, after a kind, names its namespace ("delete configmap
    checklist for rehearsal", "i need 12 replicas of deployment fetch for night-shift");
    never "for the app", "for me", "for now", "for 10 minutes", or what a new object is
    for when it has no name of its own."""
    j = i + 1
    if j >= len(tokens) or tokens[j].norm in DETERMINERS or tokens[j].quoted:
        return False
    name = tokens[j]
    if name.norm in NOT_NAMES or not valid_name(name, explicit=False):
        return False
    if name.norm.endswith("ing") and name.norm not in ENVIRONMENTS:
        return False  # "for debugging", "for testing": a purpose (but "for staging")
    after = tokens[j + 1].norm if j + 1 < len(tokens) else ""
    if after and not (after in AFTER_SCOPE or after in STOPWORDS or is_flag(after)):
        return False
    before = tokens[:i]
    if not any(kinds.lookup(t.norm) is not None for t in before):
        return False
    if before[-1].norm in _THANKING:
        return False  # "cheers for covering": thanks, never a place
    # "run 4 pods for get-quote", "a service on port 3000 for api": what the pods or the
    # service are for is the object; after an object already named, "for" is where
    named = any(
        kinds.lookup(t.norm) is None
        and (
            # ("cellar-0", never "80" or "->")
            (re.search(r"[-\d]", t.norm) is not None and re.fullmatch(r"[a-z][a-z0-9-]*", t.norm))
            or (
                k
                and kinds.lookup(before[k - 1].norm) is not None
                and t.norm not in STOPWORDS
                and not t.norm.isdigit()
            )
        )
        for k, t in enumerate(before)
    )
    counted = any(
        (t.norm.isdigit() or t.norm in NUMBER_WORDS)
        and k + 1 < len(before)
        and kinds.lookup(before[k + 1].norm) is not None
        for k, t in enumerate(before)
    )
    one_new = any(t.norm in _MADE_FOR for t in before)
    if not named and (counted or one_new):
        return False
    # "hpa for mailroom", "a service for web": right after a kind said of one, "for" names
    # its object (not "the deployments for kitchen", nor after an object named with its
    # kind: "the backend deployment for support")
    kind = kinds.lookup(before[-1].norm)
    if (
        kind is not None
        and (before[-1].norm in kind.short_names or not before[-1].norm.endswith("s"))
        and not (
            len(before) >= 2 and name_like(before[-2]) and kinds.lookup(before[-2].norm) is None
        )
    ):
        return False
    return named or not any(t.norm in _MAKING for t in before)


# What "from X" takes X from when it is no namespace: a source, a time, a starting value.
_FROM_SOURCES = frozenset(
    """literal literals file files env-file revision image template stdin scratch backup
snapshot source url git registry disk local localhost here there now then last past
previous start beginning earlier yesterday today midnight noon node host machine""".split()
)
# Words that may follow "from X" when X is a namespace in mid-sentence ("raise web from
# dev to 3 replicas", "set up a cronjob x from shop running busybox").
# How node names look: node-3, k8s-worker-5, ip-10-0-1-2, gke-…-pool-…, aks-nodepool1-….
_NODE_NAME = re.compile(r"(?:^|-)(?:node|worker)s?-?\d|^ip-\d|-pool-|nodepool|vmss|^gke-|^aks-")
_AFTER_MIDWAY_SCOPE = frozenset(
    """with in by running should is has that a an as , : ; and using called named which
gets get needs wants could would must the run via somewhere showing back image containing
holding daily hourly every""".split()
)


def _from_scopes_midway(tokens: list[Token], j: int, kinds: KindTable) -> bool:
    """'from X' in mid-sentence: X a plain name (no kind, source or time word) followed
    by a new phrase; before "to", only when a count or an image follows ("from dev to 5
    replicas"), since "from a to b" is usually a change of value."""
    name = tokens[j].norm
    if name in _FROM_SOURCES or kinds.lookup(name) is not None or not NAMESPACE_RE.fullmatch(name):
        return False
    nxt = tokens[j + 1].norm if j + 1 < len(tokens) else ""
    if nxt == "to":
        beyond = tokens[j + 2].norm if j + 2 < len(tokens) else ""
        # "from dev to 5 replicas", "… to revision 2", "… to image x", "… to nginx:1.27"
        return (
            beyond.isdigit()
            or beyond in ("image", "the", "version", "revision")
            or (":" in beyond and not beyond.endswith(":"))
        )
    # ("get pods from shop -l app=web": a flag ends the phrase too)
    return nxt in _AFTER_MIDWAY_SCOPE or is_flag(nxt) or a_count_follows(tokens, j + 1)
