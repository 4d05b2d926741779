"""Slots of a create request: the new object's name, its image, command, schedule, ports."""

from __future__ import annotations

import re

from kubechat_nlp.lexicon import STOPWORDS
from kubechat_nlp.rules.common import Ctx, first_int
from kubechat_nlp.utterance import Utterance

_K8S_NAME = re.compile(r"[a-z0-9]([a-z0-9.-]*[a-z0-9])?")
# `name:tag`, `registry/path/name:tag`, `name@sha256:…` (a port pair `80:8080` is no image).
IMAGE_REF = re.compile(
    r"(?:[a-z0-9.-]+(?::\d+)?/)*[a-z0-9][a-z0-9._-]*(?:/[a-z0-9._-]+)*"
    r"(?::[\w][\w.-]{0,127}|@sha256:[a-f0-9]{16,})"
)


def _said_name(u: Utterance, i: int, *, kinds_too: bool = False) -> bool:
    """After 'named'/'called' any Kubernetes name is the name, even a word ('hello') or,
    with `kinds_too`, a kind word ('a namespace called services')."""
    if u.is_name(i):
        return True
    tok = u.tokens[i]
    if u.kind_at(i) is not None and tok.text.lower() != tok.norm and tok.text.isalpha():
        return i not in u.used  # "as quotes": a word the speller took for a kind (quotas)
    return (
        i not in u.used
        and not tok.literal
        # ("create namespace default": with kinds, a word of the language is a name too)
        and (tok.norm not in STOPWORDS or (kinds_too and tok.norm == "default"))
        and (kinds_too or u.kind_at(i) is None)
        and _K8S_NAME.fullmatch(tok.norm) is not None
    )


def object_name(c: Ctx, after: int) -> str | None:
    """'named x' / 'called x' / 'call it x' / 'as x', else the name right after the kind."""
    u = c.u
    for pattern in (
        r"\b(?:named|called|name) (\S+)",
        r"^(?:a )?new (?:app|application) (\S+)",  # "new app receipts, image nginx:1.27"
        r"\bget (\S+) (?:up and )?running (?:on|with|from|using)\b",  # "get chat running on …"
        r"\b(?:call|name|naming) (?:it|the \S+) (\S+)",
        r"\bas (?:an? |the )?(?:new )?(?:(?:cron ?job|job|deployment|namespace) )?(\S+)",
    ):
        for said in u.finditer(pattern):
            idx = u.group_index(said)
            if _said_name(u, idx, kinds_too=pattern.startswith(r"\b(?:named")):
                u.mark_groups(said)
                return u.group_text(said)
    for said in u.finditer(
        r"\b(\S+) as (?:an? |the )(?:new )?(\S+)|\bmake (\S+) (?:into )?(?:an? |the )(\S+)"
    ):
        # "create pod-killer as a role that …", "make prune-logs a cron job running …": the
        # name, then what it is made as
        first = 1 if said.group(1) else 3
        idx = u.group_index(said, first)
        kind_at = u.group_index(said, first + 1)
        # ("… as a rolebinding named x" says the name after the kind)
        named_after = kind_at + 1 < len(u) and (
            u.is_name(kind_at + 1) or u.norms[kind_at + 1] in ("named", "called")
        )
        if u.kind_at(kind_at) is not None and u.is_name(idx) and not named_after:
            u.used.add(idx)
            return u.text_of(idx)
    if after < len(u) and u.norms[after] in (":", ";"):  # (the tokenizer reads ":" as ";")
        after += 1  # "new namespace: uat"
    for i in range(after, min(after + 2, len(u))):
        if u.is_name(i) and (u.tokens[i].quoted or not u.norms[i].isalpha() or i == after):
            u.used.add(i)
            return u.text_of(i)
    if after < len(u) and after == len(u) - 1 and _said_name(u, after, kinds_too=True):
        # "create namespace logs", "create the namespace deploys": the last word after the
        # kind is its name, even a kind's word
        u.used.add(after)
        return u.text_of(after)
    if (
        after + 1 < len(u)
        # ("create deployment whoami image traefik/whoami": a word is a name there too)
        and u.norms[after + 1] in ("from", "with", "using", "holding", "containing", "image")
        and _said_name(u, after)
    ):
        u.used.add(after)  # "make configmap limits from literal …": a word is a name there
        return u.text_of(after)
    mention = u.kind_at(after - 1) if after else None
    before = mention.start - 1 if mention is not None else -1
    if before > 0 and u.is_name(before) and u.norms[before - 1] in ("a", "an", "new", "the"):
        u.used.add(before)  # "add a qa-2 namespace"
        return u.text_of(before)
    m = u.search(r"\b(\S+) (?:using|from|with) (?:the )?(?:image )?\S+")
    if m and u.is_name(u.group_index(m)) and not IMAGE_REF.fullmatch(u.norms[u.group_index(m)]):
        u.mark_groups(m)
        return u.group_text(m)
    return None


def only_free_name(u: Utterance, kind: str) -> str | None:
    """No wording marks the name ("stand up top-charts in sandbox - python:3.12, 3 pods",
    "create events-api deployment from …"): the one word left that can be a name, once
    the verb, the kind, the image and the namespace are read, is the new `kind`'s name.
    Two are a question, and a name beside another kind is an object that exists ("a
    service exposing the cart deployment")."""
    free = [i for i in range(len(u)) if u.is_name(i) and not IMAGE_REF.fullmatch(u.norms[i])]
    if len(free) != 1 or any(
        (m := u.kind_at(j)) is not None and m.info.ref.plural != kind
        for j in (free[0] - 1, free[0] + 1)
    ):
        return None
    u.used.add(free[0])
    return u.text_of(free[0])


def image(c: Ctx) -> str | None:
    u = c.u
    for i, tok in enumerate(u.tokens):
        if tok.text.lower().startswith("--image="):
            u.used.add(i)
            return tok.text.split("=", 1)[1]
    for pattern in (
        # (whole words: "image-resizer" is a name)
        # ("image is busybox:1.36", "image = redis:7", "image should be nginx")
        r"(?<![\w-])image[: ]+(?:of |is |= |should be |will be |to be )?(\S+)",
        r"\b(?:runs|run|running|with|using) (?:the )?(\S+)"
        r" image(?![\w-])",
        r"\b(\S+) image(?![\w-])",
        r"\busing (\S+)",
    ):
        m = u.search(pattern)
        if not m:
            continue
        idx = u.group_index(m)
        if u.tokens[idx].literal or u.norms[idx] in (
            "the",
            "a",
            "an",
            "new",
            "same",
            "container",
            "with",
            "and",
            "that",
            "to",
        ):
            continue
        u.mark_groups(m)
        return u.text_of(idx)
    # An image reference anywhere ('deploy redis:7.2 as cache', '3 replicas of
    # ghcr.io/acme/api:v2'): a tag, a digest or a registry path.
    for i, tok in enumerate(u.tokens):
        if i not in u.used and not tok.literal and IMAGE_REF.fullmatch(tok.text.lower()):
            u.used.add(i)
            return tok.text
    return None


def argv(c: Ctx) -> list[str]:
    u = c.u
    m = u.search(r"\b(?:prints?|echoe?s?|says?|outputs?) (\S+)")
    if m:
        idx = u.group_index(m)
        u.mark_groups(m)
        return ["echo", u.text_of(idx)]
    m = u.search(r"\b(?:command|runs the command) (\S+)")
    if m and u.tokens[u.group_index(m)].quoted:
        u.mark_groups(m)
        return u.text_of(u.group_index(m)).split()
    return []


_DAYS = {
    d: i for i, d in enumerate("sunday monday tuesday wednesday thursday friday saturday".split())
}


def _time_of_day(c: Ctx) -> tuple[int, int] | None:
    """'at 2am', 'at 14:30', 'at 3 pm', 'at midnight', 'at noon' → (hour, minute)."""
    u = c.u
    if u.search(r"\b(at )?midnight\b"):
        return 0, 0
    if u.search(r"\b(at )?noon\b|\bmidday\b"):
        return 12, 0
    m = u.search(r"\bat (\d{1,2})(?::(\d\d))? ?(am|pm|a\.m\.|p\.m\.)?(?=\W|$)")
    if m is None:
        m = u.search(r"\b(\d{1,2})(?::(\d\d))? ?(am|pm)\b")
    if m is None:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if m.group(3) and m.group(3).startswith("p") and hour < 12:
        hour += 12
    if m.group(3) and m.group(3).startswith("a") and hour == 12:
        hour = 0
    return (hour, minute) if hour < 24 and minute < 60 else None


# Five cron fields, at least one of them not a plain number.
_CRON = re.compile(r"(?=[^*]*\*|.*[/,-])[\d*/,-]+(?: [\d*/,-]+){4}")


def schedule(c: Ctx) -> str | None:
    """A cron schedule from words: 'every 5 minutes', 'hourly', 'daily at 2am', 'every
    sunday at midnight', 'weekdays at 9', or one typed out ('schedule "*/10 * * * *"')."""
    u = c.u

    def said(words: str) -> bool:
        # a word of the schedule, never part of a name ("cronjob weekly-export daily at 2")
        return u.search(rf"(?<![\w-])(?:{words})(?![\w-])") is not None

    m = u.search(r"\bscheduled? (?:of |is )?(\S+)")
    if m and u.tokens[u.group_index(m)].quoted:
        return u.group_text(m)
    # A cron line typed out, quoted or not, wins over words ("cronjob nightly … 0 2 * * *")
    for tok in u.tokens:
        if _CRON.fullmatch(tok.text.strip()):
            return " ".join(tok.text.split())
    m = re.search(r"(?:^| )(" + _CRON.pattern + r")(?= |$)", " ".join(t.text for t in u.tokens))
    if m:
        return m.group(1)
    m = u.search(r"\bevery (\d+) (?:minutes?|mins?)\b")
    if m:
        return f"*/{m.group(1)} * * * *"
    if said(r"every minute"):
        return "* * * * *"
    m = u.search(r"\bevery (\d+) (?:hours?|hrs?)\b")
    if m:
        return f"0 */{m.group(1)} * * *"
    if said(r"every hour|hourly|each hour"):
        m = u.search(r"\bat (\d{1,2}) (?:minutes )?past\b|\bat :(\d\d)\b")
        return f"{int(next(g for g in m.groups() if g)) if m else 0} * * * *"
    at = _time_of_day(c)
    hour, minute = at if at else (0, 0)
    days = [d for d in _DAYS if said(rf"{d}s?")]
    if days:
        return f"{minute} {hour} * * {','.join(str(_DAYS[d]) for d in days)}"
    if said(r"weekdays?|every work ?day"):
        return f"{minute} {hour} * * 1-5"
    if said(r"weekends?"):
        return f"{minute} {hour} * * 0,6"
    if said(r"every week|weekly|once a week"):
        return f"{minute} {hour} * * 0"
    if said(r"every month|monthly|once a month"):
        return f"{minute} {hour} 1 * *"
    if at or said(r"every day|daily|nightly|every night|once a day|each day"):
        return f"{minute} {hour} * * *"
    m = u.search(r"\bscheduled? (\S+)")
    return u.group_text(m) if m and "*" in u.group_text(m) else None


def ports(c: Ctx) -> tuple[int | None, str | None]:
    u = c.u
    # "route port 443 to 8080", "expose web: 80 -> 3000": the port, then the target port
    # ("3000 goes to 5000", "takes 3000 and forwards to 8000")
    m = u.search(
        r"\b(?:route |map )?(?:port )?(\d+) (?:->|=>|to|goes? to|maps? to|forwards? to)"
        r" (?:port )?(\d+)\b"
        r"|\b(?:takes?|accepts?|listens? on|on) (?:port )?(\d+) and"
        r" (?:forwards?|sends?|routes?|pass\w*) (?:it |them )?to (?:port )?(\d+)\b"
    )
    if m and not u.search(r"\b(?:local|locally|localhost)\b"):
        u.mark_groups(m)
        return (int(m.group(1)), m.group(2)) if m.group(1) else (int(m.group(3)), m.group(4))
    # "on 3000 with target port 5000": the target port is never the port
    port = first_int(
        c,
        r"\b(?:on|serves on|serving on|expose|exposing|listen on|listens on|listening on|"
        r"as) (?:the )?(?:container )?port (\d+)\b|(?<!target )(?<!to )\bport (\d+)\b",
    )
    if port is None:  # "expose session-cache on 6379"
        port = first_int(c, r"\bon (\d{2,5})\b(?! (?:minutes?|seconds?|hours?|replicas?|pods?))")
    target = None
    m = u.search(
        r"\b(?:target(?:ing)?|connects? to|forwarding to|to)(?: the containers on)?"
        r"(?: container)? (?:target )?port (\d+)\b|\bcontainer port (\d+) as port (\d+)"
        r"|\b(?:targeting|target|forwarding to|forwarded to|forward to|mapped to|mapping to"
        r"|pointing to|pointing at|routing to|sending traffic to|going to|through to) (\d+)\b"
        # "directing traffic to port 5000", "routes to port 8000", "the traffic landing on 8000"
        r"|\b(?:direct|route|send|forward|pass|steer)(?:s|ed|ing)? (?:the )?(?:traffic |requests )?"
        r"(?:on )?to (?:the )?(?:pods'? )?(?:port )?(\d+)\b"
        r"|\b(?:traffic|requests?) (?:landing|arriving|ending up|going) (?:on|at|to)"
        r" (?:port )?(\d+)\b"
        # "on port 80, the app listens on 8080": where the pods listen is the target port
        r"|\b(?:app|application|container|pods?|process|server|it)(?: itself)?"
        r" (?:listens|is listening|listening|serves|is serving|runs|binds) on (?:port )?(\d+)\b"
    )
    if m:
        if m.group(3):
            target, port = m.group(2), int(m.group(3))
        else:
            target = m.group(1) or m.group(4) or m.group(5) or m.group(6) or m.group(7)
        u.mark(m)  # ("the traffic landing on 8000": no word of it names the object)
    return port, target
