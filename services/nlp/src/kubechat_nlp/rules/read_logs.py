"""The logs rule: which pod or workload, which container, and the options said in words
(tail, since, follow, previous, timestamps)."""

from __future__ import annotations

import re

from kubechat_nlp.lexicon import STOPWORDS
from kubechat_nlp.rules.common import Ctx, Result, clarify, duration, first_int
from kubechat_nlp.rules.read_filters import more_selectors
from kubechat_nlp.rules.read_slots import (
    kind_word_scope,
    naming_a_namespace,
    prepare,
    read_as_names,
    read_draft,
    said_after_kind,
    shaped_like_a_name,
)
from kubechat_nlp.utterance import Utterance

_MONTHS = {
    m: i
    for i, m in enumerate(
        (
            "january february march april may june july august september october november december"
        ).split(),
        1,
    )
}


def _since_time(c: Ctx) -> str | None:
    m = c.u.search(
        r"\b(" + "|".join(_MONTHS) + r") (\d{1,2})(?:st|nd|rd|th)?(?: ,)? (\d{4})(?: ,)?"
        r"(?: at)? (\d{1,2}):(\d{2})(?::(\d{2}))?"
    )
    if not m:
        m2 = c.u.search(r"\b(\d{4}-\d{2}-\d{2}t[\d:]+z?)\b")
        return m2.group(1).upper() if m2 else None
    month, day, year = _MONTHS[m.group(1)], int(m.group(2)), m.group(3)
    sec = m.group(6) or "00"
    c.u.mark_groups(m)
    return f"{year}-{month:02d}-{day:02d}T{int(m.group(4)):02d}:{m.group(5)}:{sec}Z"


# "logs" mistyped by one letter ("lgos", "loogs", "losg"), or said as "logging".
LOG_WORDS = (
    r"\b(?:logs?|logging|lo?gs|l?ogs|lgos|losg|olgs|lo+g+s|lohs|lofs)\b"
    r"(?<!\blog(?= into| onto| in to| on to))"
    # "pull up whatever pod web-1 logged" (never "who logged in")
    r"|\blogged\b(?! in\b| into\b| on\b)"
)
_CONTAINER = r"[a-z0-9]([a-z0-9-]*[a-z0-9])?"
_NOT_CONTAINERS = frozenset(
    "previous first each every since logs log last tail crash crashed failed dead old current "
    "new before after when while until and then container containers follow following live "
    "stream streaming".split()
)


# Words that ask for what a program wrote, besides the log words.
_ASKS_FOR_OUTPUT = (
    r"\b(?:stdout|stderr|output\w*|print\w*|tail|lines?|sa(?:y|ys|id|ying)|wr(?:ite|ites"
    r"|ote|itten|iting)|complain\w*|emit\w*|spit\w*|spat|dump\w*|-f|--follow|--previous"
    # the options a log read takes ("last hour only" after a log read, "the last 20 lnies")
    r"|last|past|since|previous|latest|recent|hours?|minutes?|mins?|days?|ago|crash\w*|follow\w*"
    r"|stream\w*|live|timestamps?|transcripts?|chatter|messages)\b"
)


def container_named(c: Ctx) -> str | None:
    """'-c proxy', 'container app', 'the sidecar container': after the word container
    any container name is one, even a word like 'app' or 'server'."""
    u = c.u
    for pattern in (
        # overlapping ("the previous container container worker" names worker)
        r"(?<!\S)(?:container|-c|--container)(?=(?: named| called|=| )(\S+))",
        r"(?<!\S)(?=(\S+) container(?![\w-]))",
    ):
        for m in u.finditer(pattern):
            i = u.group_index(m)
            tok = u.tokens[i]
            if i in u.used or tok.literal or not re.fullmatch(_CONTAINER, tok.text.lower()):
                continue
            if u.norms[i] in STOPWORDS or u.norms[i] in _NOT_CONTAINERS:
                continue
            word = i + 1 if pattern.endswith(r"container(?![\w-]))") else u.index_at(m.start())
            if u.kind_at(word) is not None:
                continue  # "the container instance x": a kind said in words (a pod)
            u.used.update((i, word))  # the name and the word container
            return tok.text
    return None


def _mark_all(c: Ctx, pattern: str) -> bool:
    """Whether `pattern` occurs; its plain words are marked as read (flags, not names)."""
    found = False
    text = c.u.text
    for m in c.u.finditer(pattern):
        # ("zookeeper-live-0", "crash-reporter": a word inside a name is the name's)
        if text[m.start() - 1 : m.start()] in ("-", ".") or text[m.end() : m.end() + 1] in (
            "-",
            ".",
        ):
            continue
        found = True
        if m.group(0).strip().isalpha() or " " in m.group(0).strip():
            c.u.mark(m)
    return found


_DETERMINERS = frozenset("the its their some any all me us".split())


def _verb_of_the_logs(u: Utterance, name: str, *, selected: bool) -> bool:
    """ "eyeball the logs from redis-1", "provide the log output of x", "share logs of the
    pods labeled y": a plain word before the logs, or beside a selector, is what to do with
    them, never the pod ("web logs" and "pod web" keep theirs)."""
    if shaped_like_a_name(name) or said_after_kind(u, name):
        return False
    if selected:
        return True
    for i, tok in enumerate(u.tokens):
        if tok.text != name:
            continue
        j = i + 1 + (i + 1 < len(u) and u.norms[i + 1] in _DETERMINERS)
        if j < len(u) and re.fullmatch(LOG_WORDS, u.norms[j]):
            # "eyeball the logs", "share logs of x"; "web logs" names its pod, and so does
            # "web logs from the last hour" (a time, not the pod they are from)
            return j > i + 1 or (
                j + 2 < len(u)
                and u.norms[j + 1] in ("of", "for", "from")
                and not _a_time_follows(u, j + 2)
            )
    return False


_TIME_WORDS = frozenset("last past previous recent latest today yesterday".split())


def _a_time_follows(u: Utterance, k: int) -> bool:
    """ "(from) the last hour", "(for) 15 minutes", "(since) yesterday"."""
    if u.norms[k] in ("the", "a") and k + 1 < len(u):
        k += 1
    return u.norms[k] in _TIME_WORDS or u.norms[k].isdigit()


def build_logs(c: Ctx) -> Result:
    u = c.u
    named = naming_a_namespace(c, LOG_WORDS)
    if named:  # "what's the status of namespace logging": nothing asks for logs
        return read_as_names(c, named, "logs")
    if not u.search(LOG_WORDS) and u.search(
        r"\bas (?:they|it|the \S+) (?:change|changes|update|updates)\b|\bfor (?:any )?changes?\b"
    ):
        # "tail the services as they change": the list, watched (no log is asked for)
        from kubechat_nlp.rules.read import build_get

        return build_get(c)
    if not u.search(LOG_WORDS + "|" + _ASKS_FOR_OUTPUT):
        # a guess with no word for output ("only the pods with tier=cache"): not logs
        return clarify("Logs of which pod or workload?")
    prepare(c)
    for i, norm in enumerate(u.norms):
        if re.fullmatch(LOG_WORDS, norm):  # the word itself, not a name like logs-shipper-4
            u.used.add(i)
    params: dict[str, object] = {}
    container = container_named(c)
    if container:
        params["container"] = container
    unit = r"(?! ?(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)\b)"
    tail = first_int(
        c,
        r"\b(?:last|most recent|latest|recent|tail|final|--tail) (?:an? )?(\d+)\b"
        + unit
        # "200 last lines", never the 5 of "web-app-5 last 200 lines"
        + r"|(?<![\w=.:-])(\d+) (?:most recent|latest|last|recent)\b",
    )
    since_time = _since_time(c)
    since = None
    # The first "last …" that is a duration: "last 20 lines in the last 10 min" is 10m.
    for m in u.finditer(
        r"\b(?:last|past|newer than|since|previous|within the last|in the last|from "
        r"the last) ((?:\d+ ?\S+)|an? \S+|hour|minute|day|\d+[smhd])\b"
    ):
        since = None if since_time else duration(m.group(0).replace("last hour", "1 hour"))
        if since:
            u.mark(m)
            break
    # Words that ask to follow or to see the previous run are flags, never the pod's name
    # ("the etcd-1 pod live", "of the last crash").
    follow = _mark_all(
        c,
        r"\b(stream|streaming|follow|following|live|watch|keep watching)\b|(^| )(-f|--follow)"
        r"( |$)",
    )
    previous = _mark_all(
        c,
        r"\b(previous|terminated|crash(ed|es)?|prior|last run|died|dead)\b"
        # "from before it crashed", "before the pod was restarted", "before the oom kill"
        r"|\b(from |right |just )?before (it|they|the (pod|container|app|crash|restart|oom"
        r"|failure))( \S+)?( (crash\w*|died|restart\w*|went down|fell over|exited|failed"
        r"|was (re)?started|was killed|got killed|oom\w*))?\b",
    )
    s = c.common()
    more_selectors(c, s)
    kind_word_scope(c, s)
    if u.search(
        r"\ball (?:the )?pods? (?:in|of) (?:the )?(?:deployment|statefulset|daemonset|job|"
        r"replicaset)\b"
    ):
        params["all_pods"] = True
    d = read_draft(c, "logs", s, ())
    # (one pod said twice, "what did it log before it died", is one pod)
    d.names = list(
        dict.fromkeys(n for n in d.names if not _verb_of_the_logs(u, n, selected=bool(s.selector)))
    )
    owners = [k for k in d.kinds if k.ref.plural not in ("events", "pods")]
    d.kinds = owners[:1] or [k for k in d.kinds if k.ref.plural == "pods"][:1]
    if not d.kinds:
        d.kinds = [c.kind("pods")]
        d.guessed_kind = True
    if follow or (
        # "tail the logs of web-1" follows them; with an amount ("tail the logs of web-1
        # from the past hour", "tail 20") it reads their end
        tail is None and not since and u.search(r"\btail (?:the |its |their )?(?:logs?|output)\b")
    ):
        params["follow"] = True
    if previous:
        params["previous"] = True
    if tail is not None:
        params["tail"] = tail
    if since:
        params["since"] = since
    if since_time:
        params["since_time"] = since_time
    if u.search(r"\btimestamps?\b"):
        params["timestamps"] = True
    if u.search(r"\b(all|every|each|multi|multiple) (the )?containers?\b"):
        params["all_containers"] = True
    if not d.names and not s.selector:
        # "logs of client": after "logs of" a plain word is the name, even one like "server"
        said = u.search(r"\blogs? (?:of|for|from) (?:the )?([a-z][a-z0-9-]*)$")
        i = u.group_index(said) if said else -1
        if said and i not in u.used and u.kind_at(i) is None and u.norms[i] not in STOPWORDS:
            d.names = [u.group_text(said)]
            u.used.add(i)
    if not d.names and not s.selector:
        return clarify("Logs of which pod or workload?")
    d.params.update({k: v for k, v in params.items() if isinstance(v, (str, int, bool))})
    return [d]
