"""Slot extractors shared by the intent rules: namespace, selectors, output, sort, files,
names. Each marks the tokens it consumed so later extractors do not reuse them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kubechat_nlp.kinds import KindInfo
from kubechat_nlp.lexicon import COMMAND_WORDS, NOT_NAMES, STOPWORDS
from kubechat_nlp.utterance import KindMention, Utterance

KV = r"[\w./*:-]+(?:!=|==|=)[\w./:*-]*"
_STOP_AFTER_IN = {
    "",
    "pls",
    "plz",
    "thanks",
    "thx",
    "asap",
    "quickly",
    "ok",
    "okay",
    "!",
    ".",
    ",",
    "and",
    "with",
    "sorted",
    "please",
    "too",
    "as",
    "using",
    "that",
    "which",
    "where",
    "now",
    "then",
    "right",
    "?",
    "only",
    "instead",
    "also",
    "sort",
    "ordered",
    "in",
    "-o",
    "--output",
    "showing",
    "including",
    "for",
    "from",
    "since",
    "over",
    "during",
    "by",
    "to",
}

_PHASES = {
    "running": "Running",
    "pending": "Pending",
    "failed": "Failed",
    "failing": "Failed",
    "succeeded": "Succeeded",
    "completed": "Succeeded",
    "successful": "Succeeded",
    "crashed": "Failed",
    "unknown": "Unknown",
}

_SORT_KEYS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("restart",), ".status.containerStatuses[0].restartCount"),
    (("capacity", "size", "storage"), ".spec.capacity.storage"),
    (
        ("time", "timestamp", "age", "creation", "created", "date", "newest", "oldest"),
        ".metadata.creationTimestamp",
    ),
    (("cpu", "processor"), "cpu"),
    (("memory", "mem", "ram"), "memory"),
    (("name", "alphabetical", "alphabetically"), ".metadata.name"),
    (("namespace",), ".metadata.namespace"),
    (("node",), ".spec.nodeName"),
)


@dataclass(slots=True)
class Slots:
    namespace: str | None = None
    all_namespaces: bool = False
    selector: str | None = None
    field_selector: str | None = None
    output: str | None = None
    sort_by: str | None = None
    watch: bool = False
    files: list[str] = field(default_factory=list)
    kustomize: str | None = None
    context: str | None = None


def _value(u: Utterance, m: re.Match[str], group: int | None = None) -> str:
    return u.group_text(m, group)


def extract_common(u: Utterance) -> Slots:
    s = Slots()
    _files(u, s)
    _namespace(u, s)
    _selector(u, s)
    _output(u, s)
    _sort(u, s)
    s.watch = bool(
        u.search(
            r"\b(watch|watching|stream|streaming|live|as they (arrive|happen)|wait for more"
            r"|keep (watching|following)|until (it )?(completes|completion|done))\b"
            r"|(^| )(-w|--watch)( |$)"
        )
    )
    m = u.search(r"\b(?:in|using|with|on|for) (?:the )?(\S+) (?:kube)?context\b")
    if m and u.is_name(u.group_index(m)):
        s.context = _value(u, m)
        u.mark(m)
    return s


def _files(u: Utterance, s: Slots) -> None:
    for i, tok in enumerate(u.tokens):
        low = tok.norm if not tok.literal else ""
        is_path = re.search(r"\.(ya?ml|json)$", low) or low.startswith(
            ("./", "../", "~/", "http://", "https://")
        )
        if low.startswith("/") and u.search(r"\b(directory|folder|manifests?)\b"):
            is_path = True
        if is_path:
            s.files.append(tok.text)
            u.used.add(i)
    m = u.search(r"\b(?:folder|directory|dir)(?: path| named| called)? (\S+)")
    if m and u.tokens[u.group_index(m)].norm not in ("containing", "with", "of"):
        path = _value(u, m)
        if path not in s.files:
            s.files.append(path)
        u.mark(m)
    if u.search(r"\bkustomiz"):
        dirs = [f.rsplit("/", 1)[0] for f in s.files if "/" in f]
        kdir = next(iter(dirs), None)
        if kdir is None:
            m = u.search(r"\b(?:directory|folder|dir) (\S+)")
            kdir = _value(u, m) if m else "."
        s.kustomize = kdir
        s.files = []


def _namespace(u: Utterance, s: Slots) -> None:
    m = u.search(
        r"\b(?:in|from|across|for|on|of|to) (?:all|any|every|each) (?:the )?(?:namespaces?)\b"
        r"|\bacross (?:the )?namespaces\b|\bcluster-?wide\b"
        r"|\b(?:in|across|throughout) (?:a|the|whole|entire|the whole|the entire|my) cluster\b"
        r"|(?:^| )(?:-a|--all-namespaces)(?= |$)|\beverywhere\b|\bcluster wide\b"
    )
    if m is None and any(k.info.ref.plural != "namespaces" for k in u.kind_mentions()):
        # "services, all namespaces please": namespaces are the scope, not the object
        m = u.search(r"(?:^|,? )(?:all|every|each) (?:the )?namespaces?\b")
    if m:
        s.all_namespaces = True
        u.mark(m)
        return
    patterns = (
        r"(?:^| )(?:-n|--namespace)(?: |=)(\S+)",
        r"\b(?:in|from|within|inside|for|under|of|into|to) (?:the |my |a )?(?:namespace|ns)"
        r"(?: named| called| of)? (\S+)",
        r"\bnamespace: (\S+)",
        r"\b(?:in|from|within|inside|for|under|into|to) (?:the |my |your )?(\S+) "
        r"(?:namespace|ns)\b",
    )
    for pattern in patterns:
        for m in u.finditer(pattern):
            idx = u.group_index(m)
            word = u.norms[idx]
            named_first = "namespace" in m.group(0).split()[:3]
            if word == "default" and named_first:
                pass
            elif word in ("current", "default", "same", "this", "that", "the", "my", "your"):
                if word in ("current", "default", "same", "this", "that"):
                    u.mark(m)
                    return
                continue
            if (
                idx in u.used
                or u.tokens[idx].literal
                or not (
                    u.is_name(idx)
                    or word == "default"
                    or u.tokens[idx].quoted
                    or _named_namespace(u, idx, pattern is patterns[0] or named_first)
                )
            ):
                continue
            before = u.norms[idx - 2] if idx >= 2 else ""
            if pattern.startswith(r"\b(?:in|from|within") and "of" in m.group(0).split()[:1]:
                continue
            if before == "account" or (idx >= 3 and u.norms[idx - 3] == "account"):
                continue
            s.namespace = u.tokens[idx].text
            u.mark(m)
            return
    m = u.search(
        r"\b(?:in|within|from|of) (?:the |this |my |your )?(?:current |default |same )?"
        r"(?:namespace|ns|cluster)\b"
    )
    if m:
        u.mark(m)
        return
    for m in u.finditer(r"\b(?:in|inside|within) (\S+)"):
        idx = u.group_index(m)
        nxt = u.norms[idx + 1] if idx + 1 < len(u.norms) else ""
        prev = u.norms[idx - 2] if idx >= 2 else ""
        if (
            u.is_name(idx)
            and (nxt in _STOP_AFTER_IN or nxt in COMMAND_WORDS)
            and prev not in ("container", "containers")
            and not u.tokens[idx].quoted
            and "." not in u.norms[idx]
            and not u.norms[idx].endswith("-container")
        ):
            s.namespace = u.tokens[idx].text
            u.mark(m)
            return


def _named_namespace(u: Utterance, idx: int, explicit: bool) -> bool:
    """After `namespace`, `ns` or `-n`, any valid namespace name is one, even a word that is
    also a kind or a command ("namespace jobs", "-n deploys")."""
    tok = u.tokens[idx]
    if not explicit or tok.literal or idx in u.used:
        return False
    if u.norms[idx] in STOPWORDS:
        return False
    return bool(re.fullmatch(r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?", tok.text))


def _kv_list(u: Utterance, m: re.Match[str], group: int | None = None) -> str:
    raw = _value(u, m, group)
    parts = [p for p in re.split(r",|\s+and\s+|\s+", raw) if p and p != "and"]
    return ",".join(parts)


def _selector(u: Utterance, s: Slots) -> None:
    m = u.search(r"(?:^| )(?:-l|--selector)(?: |=)(\S+)")
    if m is None:
        m = u.search(
            rf"\b(?:labels?|labell?ed|selector|matching|having|where)(?: selector)?(?: of| with)?"
            rf"(?: the)?(?: label)? ({KV}(?:(?: ,| and|,)? {KV})*)"
        )
    if m is None:
        m = u.search(rf"\bwith (?:the )?({KV}) labels?\b")
    if m is None:
        m = u.search(rf"\b(?:pods|nodes|deployments|services) (?:with|having) ({KV})\b")
    if m is not None and u.group_index(m) not in u.used:
        s.selector = _kv_list(u, m)
        u.mark(m)
        return
    m = u.search(
        r"\b(?:exclude|excluding|without|lacking|not having)\b.{0,40}?\blabels?"
        r"(?: named| called| key)? (\S+)"
    )
    if m:
        s.selector = "!" + _value(u, m)
        u.mark(m)


def field_selector(u: Utterance) -> str | None:
    parts: list[str] = []
    m = u.search(r"\b(not running|non-running)\b")
    if m:
        parts.append("status.phase!=Running")
        u.mark(m)
    else:
        m = u.search(
            r"\b(running|pending|failed|failing|succeeded|completed|successful|crashed)"
            r" (?:pods?|jobs?|ones)\b|\bpods? (?:that are|which are|in|with|in the|with "
            r"the) (?:status |phase |state )?(running|pending|failed|succeeded|completed)"
            r"\b"
        )
        if m:
            phase = m.group(1) or m.group(2)
            parts.append(f"status.phase={_PHASES[phase]}")
            u.mark_groups(m)
    m = u.search(r"\b(?:on|running on|scheduled on|scheduled to) (?:the )?node (\S+)")
    if m and u.is_name(u.group_index(m)):
        parts.append(f"spec.nodeName={_value(u, m)}")
        u.mark(m)
    return ",".join(parts) or None


def _output(u: Utterance, s: Slots) -> None:
    m = u.search(r"(?:^| )(?:-o|--output)(?: |=)(\S+)|(?:^| )-o(yaml|json|wide|name)\b")
    if m:
        group = 1 if m.group(1) else 2
        s.output = _value(u, m, group)
        u.mark(m)
        return
    m = u.search(r"\b(yaml|json)\b")
    if m:
        s.output = m.group(1)
        u.mark(m)
        return
    m = u.search(
        r"\b(?:more|extra|additional|wider|full)(?: details?| info| information| columns"
        r"| output)\b|\bwide\b|\bwith (?:their |the )?(?:node names?|ips?|ip addresses)\b"
        r"|\bwith (?:their |the )?ips? and (?:their )?nodes\b"
    )
    if m:
        s.output = "wide"
        u.mark(m)
        return
    m = u.search(
        r"\b(?:only|just)(?: the)? names?\b|\bnames only\b|\b(?:context|pod|node|"
        r"deployment|service|namespace|resource|object) names\b"
    )
    if m:
        s.output = "name"
        u.mark(m)


def _sort(u: Utterance, s: Slots) -> None:
    m = u.search(
        r"\b(?:sorted|sort|sorting|ordered|order)(?: it| them| the results?| the list)?"
        r" by (?:the |their |its |highest |most )?((?:\S+ ?){1,3})"
    )
    if m is None:
        m = u.search(r"\b(?:using|consuming|uses|use) the most (\S+)")
    if m is None:
        m = u.search(r"\b(newest|oldest) first\b|\bby (restart count|restarts|creation time)\b")
    if m is None:
        return
    phrase = m.group(1)
    for words, path in _SORT_KEYS:
        if any(w in phrase for w in words):
            s.sort_by = path
            u.mark(m)
            return


def names_after(u: Utterance, start: int) -> list[str]:
    """Names starting at token `start`, across lists like `foo, bar and baz`."""
    names: list[str] = []
    i = start
    while i < len(u):
        if u.norms[i] in ("named", "called", "the", "name", "names") and not names:
            i += 1
            continue
        # "the app container" names a container; "web-1 container app" names the pod first
        container_after = i + 1 < len(u) and u.norms[i + 1] in ("container", "containers")
        named_after = i + 2 < len(u) and u.norms[i + 2] not in NOT_NAMES
        if u.is_name(i) and not (container_after and not named_after):
            names.append(u.text_of(i))
            u.used.add(i)
            i += 1
            if i < len(u) and u.norms[i] in (",", "and", "&") and i + 1 < len(u):
                j = i + 1 if u.norms[i] != "," or u.norms[i + 1] != "and" else i + 2
                after = u.norms[j + 1] if j + 1 < len(u) else ""
                listy = u.norms[i] != "," or after in ("", ",", "and", "to", "in", "from", "on")
                if u.is_name(j) and listy:
                    i = j
                    continue
            break
        break
    return names


def name_before(u: Utterance, mention: KindMention) -> str | None:
    i = mention.start - 1
    prev = u.norms[i - 1] if i >= 1 else ""
    if i >= 0 and prev in ("the", "a", "an") and _named_between(u, i):
        u.used.add(i)  # "the logs deployment": between an article and a kind, a name
        return u.text_of(i)
    if i < 0 or not u.is_name(i):
        return None
    if u.tokens[i].norm in ("default",):
        return None
    if prev in ("the", "a", "an", "of", "for", "this", "that", "paused", "existing", "") or (
        u.tokens[i].quoted or i == 0 or prev in ("restart", "scale", "delete", "describe")
    ):
        u.used.add(i)
        return u.text_of(i)
    return None


def _default_named(u: Utterance, i: int) -> list[str]:
    """'deployment default': right after a kind, "default" is that object's name unless a
    namespace is meant ("the default namespace")."""
    if i >= len(u) or i in u.used or u.norms[i] != "default":
        return []
    if i + 1 < len(u) and u.norms[i + 1] in ("namespace", "ns", "context"):
        return []
    u.used.add(i)
    return [u.text_of(i)]


def _named_between(u: Utterance, i: int) -> bool:
    tok = u.tokens[i]
    if i in u.used or tok.literal or u.kind_at(i) is not None:
        return False
    if tok.norm in STOPWORDS and tok.norm != "default":
        return False
    return bool(re.fullmatch(r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?", tok.norm))


@dataclass(slots=True)
class Target:
    kinds: list[KindInfo]
    names: list[str]
    explicit_kind: bool


def find_target(u: Utterance, *, allow_bare: bool = True, after: int = 0) -> Target:
    """The kinds and names a request addresses."""
    kinds: list[KindInfo] = []
    names: list[str] = []
    for mention in u.kind_mentions():
        if mention.start < after:
            continue
        if mention.info not in kinds:
            if kinds and names:
                break  # a second kind after names belongs to another phrase
            kinds.append(mention.info)
        u.used.update(range(mention.start, mention.end))
        if mention.name is not None:
            names.append(mention.name)
            continue
        after_names = names_after(u, mention.end) or _default_named(u, mention.end)
        if after_names:
            names.extend(after_names)
        elif not names:
            before = name_before(u, mention)
            if before:
                names.append(before)
    for m in u.finditer(r"\b(?:named|called) (\S+)"):
        idx = u.group_index(m)
        if u.is_name(idx):
            names.extend(names_after(u, idx))
        elif not names and _named_between(u, idx):  # "the deployment called default"
            u.used.add(idx)
            names.append(u.text_of(idx))
    if not names and allow_bare:
        for i in range(after, len(u)):
            if u.is_name(i) and not u.norms[i].startswith("-"):
                names.extend(names_after(u, i))
                break
    return Target(kinds, names, bool(kinds))
