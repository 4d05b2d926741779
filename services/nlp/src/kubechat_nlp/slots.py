"""Slot extractors shared by the intent rules: namespace, selectors, output, sort, files,
names. Each marks the tokens it consumed so later extractors do not reuse them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kubechat_nlp.lexicon import COMMAND_WORDS, STOPWORDS, TROUBLE_WORDS
from kubechat_nlp.utterance import Utterance

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
    "permitted",  # "is remove on jobs in staging permitted for me"
    "allowed",
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

# Words for a pod's phase, one table for every reader of them.
PHASES = {
    "running": "Running",
    "pending": "Pending",
    "failed": "Failed",
    "failing": "Failed",
    "succeeded": "Succeeded",
    "completed": "Succeeded",
    "complete": "Succeeded",
    "finished": "Succeeded",
    "done": "Succeeded",
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


def extract_common(u: Utterance, *, scoped: bool = False) -> Slots:
    """The slots every rule reads. `scoped`: the request's namespace was already taken out,
    so a bare "in X" left over names an object ("set git-sync to node:20 in pod-janitor in
    ns jobs"), never a second namespace."""
    s = Slots()
    _files(u, s)
    _namespace(u, s, scoped=scoped)
    _selector(u, s)
    _output(u, s)
    _sort(u, s)
    s.watch = bool(
        u.search(
            # "live" watches; "pods that live in shop" are where they are, "the live json" is
            # the object as it is now
            # (whole words: "show deployment watch-api" names one)
            r"(?<![\w-])(watch|watching|stream|streaming|(?<!that )(?<!which )(?<!it )(?<!is )live"
            r"(?! (in|on|under|yet|json|yaml|state|spec|object|manifest|config|definition)\b)"
            r"|as they (arrive|happen)"
            r"|wait for more"
            r"|keep (watching|following)|until (it )?(completes|completion|done))(?![\w-])"
            r"|(^| )(-w|--watch)( |$)"
        )
    ) and not u.search(r"^(?:\S+ )?(?:what|which) (?:\S+ ){1,2}live\b(?! (?:watch|view|feed))")
    # ("what svc live in qa" asks what exists; "keep jobs on watch", "live-watch pods" watch)
    for said in u.finditer(r"\bon watch\b|(?<![\w-])live-?watch(?:ing)?(?![\w-])"):
        s.watch = True
        u.mark(said)
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
    # (whole words: "scale media-dir to 3" names a workload, never a folder)
    m = u.search(r"(?<![\w-])(?:folder|directory|dir)(?: path| named| called)? (\S+)")
    if m and u.tokens[u.group_index(m)].norm not in ("containing", "with", "of"):
        path = _value(u, m)
        if path not in s.files:
            s.files.append(path)
        u.mark(m)
    if u.search(r"\bkustomiz"):
        dirs = [f.rsplit("/", 1)[0] for f in s.files if "/" in f]
        kdir = next(iter(dirs), None)
        if kdir is None:
            m = u.search(r"(?<![\w-])(?:directory|folder|dir) (\S+)")
            kdir = _value(u, m) if m else "."
        s.kustomize = kdir
        s.files = []


_NOT_AFTER_TROUBLE = "".join(f"(?<!{word} )" for word in sorted(TROUBLE_WORDS))


def _namespace(u: Utterance, s: Slots, *, scoped: bool = False) -> None:
    m = u.search(
        r"\b(?:in|from|across|for|on|of|to) (?:all|any|every|each) (?:the )?(?:namespaces?)\b"
        r"|\bacross (?:the )?namespaces\b|\bcluster-?wide\b"
        r"|\b(?:in|across|throughout) (?:a|the|whole|entire|the whole|the entire|my) cluster\b"
        r"|\bon the (?:whole|entire) cluster\b"
        r"|\bno matter (?:which|what) (?:namespace|ns)\b"
        r"|(?:^| )(?:-a|--all-namespaces)(?= |$)|\bcluster wide\b"
        # ("errors everywhere, roll it back" reports, it names no scope)
        + r"|"
        + _NOT_AFTER_TROUBLE
        + r"\b(?:every|any)where\b(?! from\b)(?! between\b)"
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
        r"(?:namespace|ns|cluster)(?![\w-])"  # ("logs of cluster-api" names a pod)
    )
    if m:
        u.mark(m)
        return
    for m in () if scoped else u.finditer(r"\b(?:in|inside|within) (\S+)"):
        idx = u.group_index(m)
        nxt = u.norms[idx + 1] if idx + 1 < len(u.norms) else ""
        prev = u.norms[idx - 2] if idx >= 2 else ""
        if (
            u.is_name(idx)
            and (nxt in _STOP_AFTER_IN or nxt in COMMAND_WORDS)
            and prev not in ("container", "containers")
            and not u.tokens[idx].quoted
            and "." not in u.norms[idx]
            and u.norms[idx] not in ("phase", "state", "status")  # "pods in phase failed"
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


# Verbs that lead a selector phrase in, never a name: "pods carrying label app=web".
_CARRY_WORDS = frozenset("carrying bearing wearing having with have has".split())


# Keys of an object's fields that people write like labels ("pods where nodeName=node-2").
_FIELD_KEY_RE = re.compile(r"(?:spec\.)?nodename ?==?", re.IGNORECASE)


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
        m = u.search(  # the kind word before stays the kind (only the phrase is read)
            rf"(?:(?<=\bpods )|(?<=\bnodes )|(?<=\bdeployments )|(?<=\bservices ))(?:with|having)"
            rf" ({KV})\b"
        )
    if m is None:  # "which pods have app=web", "filter pods by app=web", "pods for app=web"
        m = u.search(
            rf"\b(?:have|has|by|for|carry|carries|carrying|bear|bears|bearing|tagged|marked)"
            rf" (?:the )?(?:label )?({KV})\b"
        )
    if m is None:  # "the app=thumbs pods": a label right before the kind picks its objects
        m = next(
            (k for k in u.finditer(rf"(?<![\w=-])({KV}) ") if u.kind_at(u.group_index(k) + 1)),
            None,
        )
    if m is not None and _FIELD_KEY_RE.match(u.group_text(m)):
        m = None  # "where nodeName=node-2": a field of the object, never a label
    if m is not None and u.group_index(m) not in u.used:
        s.selector = _kv_list(u, m)
        u.mark(m)
        before = u.index_at(m.start()) - 1
        if before >= 1 and u.norms[before] in ("the", "a") and u.norms[before - 1] in _CARRY_WORDS:
            before -= 1  # "pods carrying the label x=y"
        if before >= 0 and u.norms[before] in _CARRY_WORDS:  # "pods carrying label x=y"
            u.used.add(before)
        return
    m = u.search(
        r"\b(?:exclude|excluding|without|lacking|not having)\b.{0,40}?\blabels?"
        r"(?: named| called| key)? (\S+)"
    )
    if m:
        s.selector = "!" + _value(u, m)
        u.mark(m)


def _output(u: Utterance, s: Slots) -> None:
    m = u.search(r"(?:^| )(?:-o|--output)(?: |=)(\S+)|(?:^| )-o(yaml|json|wide|name)\b")
    if m:
        # "-owide" is one token: its value is the part after "-o", never the token
        s.output = _value(u, m, 1) if m.group(1) else m.group(2)
        if s.output.lower() in ("yaml", "json", "wide", "name"):
            s.output = s.output.lower()  # "-o YAML"
        u.mark(m)
        return
    m = u.search(r"(?<![\w-])(yaml|json)(?![\w-])")  # ("json-api" is a name)
    if m:
        s.output = m.group(1)
        u.mark(m)
        return
    m = u.search(
        # ("more detail on it": a description of one object, never wider columns)
        r"\b(?:more|extra|additional|wider|full)(?: details?| info| information| columns"
        r"| output)\b(?! (?:on|about) (?:it|that|this|them)\b)|(?<![\w-])wide(?![\w-])"
        r"|\bwith (?:their |the )?(?:node names?|ips?|ip addresses)\b"
        r"|\bwith (?:their |the )?ips? and (?:their )?nodes\b"
        r"|\bwith (?:their |the )?node (?:info|information|details)\b"
        r"|\bincluding (?:their |the )?(?:node names?|ips?|ip addresses)\b"
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
    flag = u.search(r"(?:^| )--sort-by(?:=| )(cpu|memory|\.\S+)(?= |$)")
    if flag is not None:  # kubectl's own flag, said as it is: "top pods --sort-by=memory"
        said = u.text_of(u.group_index(flag))  # (a JSONPath keeps its case)
        s.sort_by = said.rsplit("=", 1)[-1] if said.startswith("--") else said
        u.mark(flag)
        return
    m = u.search(
        r"\b(?:sorted|sort|sorting|ordered|order)(?: it| them| the results?| the list)?"
        r" by (?:the |their |its |highest |most )?((?:\S+ ?){1,3})"
    )
    if m is None:
        m = u.search(r"\b(?:using|consuming|uses|use) the most (\S+)")
    if m is None:
        m = u.search(
            r"\b(newest|oldest|youngest) first\b|\bby (restart count|restarts|creation time|age)\b"
        )
    if m is None:
        return
    phrase = next((g for g in m.groups() if g), "")  # the alternative that matched
    for words, path in _SORT_KEYS:
        if any(w in phrase for w in words):
            s.sort_by = path
            u.mark(m)
            return
