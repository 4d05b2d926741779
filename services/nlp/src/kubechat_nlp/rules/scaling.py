"""Scaling: absolute counts ("to 5", "5 replicas", "--replicas=5", "run 5 pods") and
relative ones ("double it", "add 2 more", "by 50%", "cut it in half"), resolved against a
current count the request states ("api runs 4 pods, double it") or asked for."""

from __future__ import annotations

import re

from kubechat_nlp.entities import NUMBER_WORDS
from kubechat_nlp.lexicon import COMMAND_WORDS, STOPWORDS
from kubechat_nlp.model import Clarification
from kubechat_nlp.rules.common import Ctx, Draft, Result, clarify, draft_for
from kubechat_nlp.rules.heads import main_verb
from kubechat_nlp.utterance import Utterance

WORKLOADS = ("deployments", "statefulsets", "replicasets", "replicationcontrollers")
# A number said in a token of its own making ("2-8 replicas", "two-ten pods", "revision
# one"): number words stay words there, since the tokenizer only turns a whole count.
WORD_NUM = r"(\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"


def word_number(text: str) -> int:
    return int(text) if text.isdigit() else NUMBER_WORDS.get(text, 1)


_COUNT = r"(?:replicas?|repl\w*|instances?|copies|copy|pods?|p\w{1,3}s)"
# Interjections and fillers before the request: never the object.
_LEAD = frozenset(
    """hello hey hi yo ok okay alright so well quick one there kubechat bot , : ! . - please
pls plz um uh right sure""".split()
)
# Verbs whose object is the workload: "scale worker to 3", "bump the api to 6".
_OBJECT_VERBS = frozenset(
    """scale resize bump set put bring take increase decrease raise lower reduce grow shrink
make give restart reboot bounce kick redeploy cycle recycle rollback revert undo pause resume
unpause restore autoscale double triple halve keep turn shut""".split()
)
# "the replica count of X", "the rollout of X", "the pods of X": X is the object.
_OF_WHAT = _COUNT + r"|count|rollout|rollouts|history|status|revisions?|restart"
# Command words that are everyday names for workloads.
_NAME_LIKE = frozenset("worker workers app server client master".split())
_DOWN = (
    r"\b(down|decrease|reduce|lower|shrink|cut|drop|remove|fewer|less|minus|subtract|lose|shed"
    r"|knock)\b"
    r"|\b(take|knock) \d+ (away|off)\b"
)


def skip_lead(u: Utterance) -> None:
    """Marks the greeting and fillers that open a request ("hello, …", "quick one: …",
    "hey kubechat, …") as used, so they are never read as a name."""
    for i, norm in enumerate(u.norms):
        if norm not in _LEAD:
            return
        u.used.add(i)


def object_after_verb(u: Utterance) -> str | None:
    """The word right after the request's verb (past a determiner), when it reads as a
    name even though it is also an everyday word: "scale worker to 3"."""
    for i, norm in enumerate(u.norms):
        before = u.norms[i - 1] if i else ""
        counted = (norm == "of" and re.fullmatch(_OF_WHAT, before)) or (
            norm in ("to", "for", "on") and before in ("hpa", "autoscaler", "autoscaling")
        )
        if norm not in _OBJECT_VERBS and not counted:
            continue
        j = i + 1
        while j < len(u) and (
            u.norms[j] in ("the", "my", "our", "up", "down", "back", "object")
            or (u.kind_at(j) is not None and j + 1 < len(u) and u.norms[j + 1] != "to")
        ):
            j += 1
        if j >= len(u) or j in u.used or u.tokens[j].literal:
            continue
        norm = u.norms[j]
        if norm in STOPWORDS or norm in _OBJECT_VERBS or u.kind_at(j) is not None:
            continue
        if norm in COMMAND_WORDS and norm not in _NAME_LIKE:
            continue
        if not re.fullmatch(r"[a-z0-9]([a-z0-9.-]*[a-z0-9])?", norm) or norm.isdigit():
            continue
        u.used.add(j)
        return u.text_of(j)
    return None


def corrected_name(u: Utterance, kinds: tuple[str, ...]) -> str | None:
    """ "scale quotes to 2": a word the speller took for a kind this rule cannot act on
    (quotas) is, when nothing else is named, the object's name as typed."""
    for m in u.mentions:  # (already read as a kind by the target finder)
        typed = u.tokens[m.start].text
        if (
            m.end - m.start == 1
            and m.name is None
            and m.info.ref.plural not in kinds
            and typed.lower() != u.norms[m.start]
            and re.fullmatch(r"[a-z][a-z0-9-]*", typed.lower())
        ):
            u.used.add(m.start)
            return typed
    return None


def _int(m: re.Match[str] | None) -> int | None:
    if m is None:
        return None
    return next((int(g) for g in m.groups() if g is not None and g.isdigit()), None)


def current_count(text: str) -> int | None:
    """The count the request says the workload has now: "api has 4 replicas", "is at 6",
    "currently runs 3 pods", "its current size is 2", "from 3 to 5"."""
    m = re.search(
        r"\bcurrent (?:size|replicas|replica count|count|scale) (?:is |of )?(?:at )?(\d+)"
        r"|\b(?:currently |now |already )?(?:has|have|had|is at|are at|at|runs|run|running|"
        r"is running|sits at|with) (?:only |just |about )?(\d+)\b(?! ?(?:%|percent))"
        rf"|\b(\d+) {_COUNT} (?:currently|right now|now|at the moment|today)\b"
        r"|\bfrom (\d+) to\b",
        text,
    )
    return _int(m)


def _ones(text: str) -> str:
    """ "one more", "remove one", "add a replica": the count 1 spelled as a word."""
    text = re.sub(rf"\b(?:one|an?)(?= (?:more|fewer|less|extra|additional|{_COUNT})\b)", "1", text)
    return re.sub(
        r"\b(add|plus|another|remove|minus|subtract|drop|lose|shed|cut|knock off|take|knock"
        r"|give it)"
        r" (?:one|an?)\b",
        r"\1 1",
        text,
    )


def relative_change(text: str, current: int) -> int | None:
    """The new count when `text` asks for one relative to `current`: "double it" → 2×,
    "halve it" → ½, "by 50%" → 1.5×, "add 2 more" → +2, "scale it down by 1" → −1."""
    text = _ones(text)
    down = re.search(_DOWN, text) is not None  # (after the ones: "take one away")
    text = _after_current(text)
    m = re.search(r"\bby (\d+) ?(?:%|percent)", text)
    if m:
        change = current * int(m.group(1)) / 100
        return max(0, round(current - change if down else current + change))
    factors = (
        (r"\b(double|doubled|doubling|twice|2x|x2)\b", 2.0),
        (r"\b(triple|tripled|tripling|thrice|3x|x3)\b", 3.0),
        (r"\b(quadruple|4x|x4)\b", 4.0),
        (r"\b(halve|halved|halving|half)\b", 0.5),
    )
    for pattern, factor in factors:
        if re.search(pattern, text):
            return max(0, round(current * factor))
    m = re.search(r"\b(\d+) times (?:as many|more|the)\b", text)
    if m:
        return current * int(m.group(1))
    m = re.search(
        rf"\b(?:add|adding|plus|another|give it|give them|with) (\d+)(?: more| extra| {_COUNT})?\b"
        rf"|\b(\d+) (?:more|extra|additional|fewer|less)\b|\bby (\d+)(?! ?(?:%|percent))\b"
        rf"|\b(?:remove|removing|minus|subtract|drop|take away|take off|kill|lose|shed|cut"
        rf"|knock off) (\d+)\b"
        r"|\b(?:take|knock) (\d+) (?:away|off)\b",
        text,
    )
    delta = _int(m)
    if delta is None:
        return None
    return max(0, current - delta if down else current + delta)


_RELATIVE_CUE = re.compile(
    r"\b(double|doubled|doubling|twice|triple|tripled|quadruple|halve|halved|half|thrice)\b"
    r"|\bby \d+ ?(%|percent)|\b\d+ times (as many|more)\b"
    r"|\b(add|plus|another|give it|give them) \d+\b|\b\d+ (more|extra|additional|fewer|less)\b"
    r"|\b(up|down|increase|decrease|raise|lower|reduce|grow|shrink|bump)( \S+)? by \d+\b"
    r"|\b(remove|minus|subtract|take away|take off|drop|lose|shed|cut|knock off) \d+\b"
    r"|\b(take|knock) \d+ (away|off)\b"
)


def is_relative(text: str) -> bool:
    return _RELATIVE_CUE.search(_ones(text)) is not None


_ABSOLUTE = (
    r"--replicas?[= ](\d+)\b|\breplicas?=(\d+)\b",
    rf"\bto (\d+)(?: {_COUNT})?\b(?! ?(?:%|percent|gi|mi|m\b))",
    rf"\b(\d+) {_COUNT}\b",
    r"\breplicas? (?:to |= ?|of |count (?:to |of )?)?(\d+)\b",
    r"\b(?:down to|to) (zero|none|nothing|nil)\b|^(zero|0) (?:it |them )?out\b"
    # (only the verb: the object between it and "down"/"off" stays to be read)
    r"|^(?:shut(?= (?:\S+ ){0,3}?down\b(?! and))|turn(?= (?:\S+ ){1,3}off\b(?! and)))()",
    r"^(\d+) of\b|\b(?:need|want|like) (\d+) of\b",  # "(we need) 12 of mailer"
    rf"\bto (?:a |one )?(single|lone) {_COUNT}\b",
    r"\bat (\d+)\b(?! ?(?:%|percent|gi|mi|m\b))",
    # "web needs more pods, make it 5"
    r"\b(?:make|take|bring|put|have) (?:it|that|them) (?:to |at )?(\d+)\b(?! ?(?:%|percent|gi|mi))",
)


def _absolute(u: Utterance) -> int | None:
    for pattern in _ABSOLUTE:
        m = u.search(pattern)
        if m is None:
            continue
        u.mark(m)
        if any(
            g in ("zero", "none", "nothing", "nil", "") for g in m.groups()
        ):  # ("" : shut down, turn off)
            return 0
        if any(g in ("single", "lone") for g in m.groups()):
            return 1
        return _int(m)
    return _lone_number(u)


# What a number that counts something other than replicas is followed or preceded by.
_NOT_A_COUNT_AFTER = frozenset(
    "% percent gi mi m s h min mins minute minutes sec secs second seconds hour hours day "
    "days lines line cpu cpus cores core millicores times x".split()
)
_NOT_A_COUNT_BEFORE = frozenset("port ports last tail since revision version by".split())


def _lone_number(u: Utterance) -> int | None:
    """No wording says which number is the count ("run 4 of the kafka statefulset", "set
    the replica count of web as 5", "scale web on 3"): a scale request's one free number
    is its count. Two free numbers are a question, not a guess."""
    free = [
        i
        for i, tok in enumerate(u.tokens)
        if i not in u.used
        and tok.norm.isdigit()
        and not tok.quoted
        and (i + 1 >= len(u) or u.norms[i + 1] not in _NOT_A_COUNT_AFTER)
        and (i == 0 or u.norms[i - 1] not in _NOT_A_COUNT_BEFORE)
    ]
    if len(free) != 1:
        return None
    u.used.add(free[0])
    return int(u.norms[free[0]])


_DETERMINER = frozenset("the my our its their this that these those".split())
_PARTICLE = frozenset("up down out in back off over".split())
# What may close the object of an opening verb: "pump api up to 10", "nudge api along".
_AFTER_OBJECT = _PARTICLE | frozenset(
    "to by at along with a an now again on in within inside from".split()
)


def mark_opening_verb(u: Utterance) -> None:
    """ "pump api up to 10", "beef up checkout", "nudge the cart deployment": the opening
    word is a verb, never the object, when the object follows it (after a determiner or a
    particle, or as a name that a particle, "to" or "a …" closes). "web should have 3
    replicas" and "cart up to 5" open with their object and stay as they are."""
    offset, head, after = main_verb(u.text)
    i = u.index_at(offset) if head else -1
    if i < 0 or i in u.used or not head.isalpha() or u.kind_at(i) is not None:
        return
    nxt = u.norms[i + 2] if i + 2 < len(u) else ""
    if (
        after in _DETERMINER
        or (after in _PARTICLE and (u.is_name(i + 2) or nxt in _DETERMINER))
        or (u.is_name(i + 1) and (nxt in _AFTER_OBJECT or u.kind_at(i + 2) is not None))
    ):
        u.used.add(i)


def build_scale(c: Ctx) -> Result:
    u = c.u
    skip_lead(u)
    mark_opening_verb(u)
    text = u.text
    conditional = re.search(r"\b(if|only when|provided|as long as)\b", text) is not None
    current = current_count(text)
    replicas: int | None = None
    relative = is_relative(text) and not conditional
    if relative:
        if current is not None:
            replicas = relative_change(text, current)
        else:  # the total given in answer to the question: "… by 50% to 6 replicas"
            total = re.search(rf"\bto (\d+) {_COUNT}$", text)
            replicas = int(total.group(1)) if total else None
        # "api has 4 replicas", "by 50%" and "2 more" are not the target count
        for m in u.finditer(rf"\b\d+\b(?: ?(?:%|percent))?(?: {_COUNT})?|\bin half\b"):
            u.mark(m)
        for m in _RELATIVE_CUE.finditer(text):  # "twice as many" is no name either
            for i in range(u.index_at(m.start()), u.index_at(max(m.end() - 1, m.start())) + 1):
                if not u.is_name(i) or i == u.index_at(m.start()):
                    u.used.add(i)  # "up web-app by 2": the workload in the middle stays
    else:
        if conditional and current is not None:
            cm = u.search(
                r"\b(?:current (?:size|replicas|replica count|count|scale)\S*|currently|only if)"
                r"(?: \S+){0,3}? (\d+)(?: " + _COUNT + r")?"
            )
            if cm:
                u.mark(cm)
        replicas = _absolute(u)
    # "change the replica count of X", "5 copies of X": the count words are no name
    for m in u.finditer(rf"\breplica count\b|\b{_COUNT} of\b|\bscale (up|down)\b"):
        u.mark(m)
    s = c.common()
    if s.files:
        d = Draft("scale", slots=s, params={"filename": s.files})
    else:
        d = draft_for(c, "scale", s, WORKLOADS)
        # "6 pods" counts replicas: only workloads scale, so another kind is not the target
        d.kinds = [k for k in d.kinds if k.ref.plural in WORKLOADS]
        if not d.kinds:
            d.kinds, d.guessed_kind = [c.kind(WORKLOADS[0])], True
        if not d.names:
            name = object_after_verb(u) or corrected_name(u, WORKLOADS)
            if name:
                d.names = [name]
    if replicas is None:
        question = "How many replicas?"
        cue = re.search(r"\bby \d+ ?(?:%|percent)", text) or _RELATIVE_CUE.search(text)
        if relative and cue:
            question = (
                f"How many replicas in total? ('{cue.group(0)}' depends on the current "
                "count, which I do not know.)"
            )
        return Clarification(question, ("1", "2", "3"), resume="{text} to {answer} replicas")
    d.params["replicas"] = replicas
    if conditional and current is not None:
        d.params["current_replicas"] = current
    if not d.names and not s.files and not s.selector:
        return clarify("Which workload should I scale?")
    return [d]


def _after_current(text: str) -> str:
    """The text after the statement of the current count, so "has 4 replicas" is not read
    as "4 more"."""
    m = re.search(
        rf"\b(?:has|have|had|is at|are at|at|runs|run|running|sits at|with|current \S+(?: is)?)"
        rf" (?:only |just |about )?\d+(?: {_COUNT})?\b",
        text,
    )
    if m is None:
        return text
    # "double it, it has 3 now": the change may come before the statement as well
    return text[: m.start()] + " " + text[m.end() :]
