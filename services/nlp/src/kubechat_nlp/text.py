"""Input hygiene and tokenization: what the rules see of the user's text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from kubechat_nlp.reported import own_words
from kubechat_nlp.scope_words import namespace_phrases

MAX_CHARS = 2000

_TOKEN_RE = re.compile(r"""(?<!\S)"([^"]*)"|(?<!\S)'([^']*)'(?!\w)|(?<!\S)`([^`]*)`|(\S+)""")
_TRAIL = ".,;:!?)]\"'"
# A word's closing punctuation that ends a sentence (not "v1.2" or "e.g.", whose stops are
# inside the word).
_SENTENCE_END_RE = re.compile(r"(?<![.\s])(?<!\.[a-z])[.!?]+[\"')\]]*$", re.IGNORECASE)
_LEAD = "([\"'"
_INJECTION_RE = re.compile(
    r"\b(ignore|disregard|forget|override)\b.{0,40}\b(instructions?|rules?|prompts?|guidelines)\b"
    r"|\bsystem prompt\b|\byou are now\b|\bact as\b|\bjailbreak\b|\bdeveloper mode\b"
    r"|\bnew instructions\b|\bpretend (that|to)\b",
    re.IGNORECASE,
)
# Lines that look like pasted program output rather than a request.
_PASTED_LINE_RE = re.compile(
    r"^\s*(\d{4}-\d{2}-\d{2}[T ]\d|\[?\d{2}:\d{2}:\d{2}|\[?(INFO|WARN|WARNING|ERROR|DEBUG|"
    r"TRACE|FATAL|CRITICAL)\b|NAME\s+READY|at [\w.$]+\(|Traceback|\{|\}|[A-Z]\d{4} )"
)


# Frequent function words of other languages, and English ones that rule them out.
_FOREIGN = frozenset(
    """sie bitte alle im der die das und ist nicht zeige mir löschen le la les
des est et pour tous toutes supprimer afficher el los las por favor todos eliminar mostrar
il che di tutti tutte mostra elimina wszystkie pokaż usuń""".split()
)
_ENGLISH = frozenset("the show delete please all in of and list get".split())


class InputError(ValueError):
    """The text cannot be turned into a request; the message is shown to the user."""


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # as typed (quotes removed)
    norm: str  # lower case, typos fixed; "__quoted__" for multi-word quoted text
    quoted: bool = False
    possessive: bool = False
    # typed with a full stop, "!" or "?" after it: a sentence ends here ("… 6 pods in docs.
    # halve it"), so a phrase it closes goes no further
    ends_sentence: bool = False

    @property
    def literal(self) -> bool:
        """Quoted text with spaces: a value, never a verb, kind or target."""
        return self.norm == "__quoted__"

    @property
    def shouted(self) -> bool:
        """Typed in capitals ("URGENT", "NOW"): emphasis, never a name (Kubernetes names
        are lower case)."""
        return len(self.text) > 1 and self.text.isalpha() and self.text.isupper()


def clean(text: str) -> str:
    """Returns the request part of the text, or raises `InputError`."""
    if "\x00" in text:
        raise InputError("That looks like binary data, not a request.")
    if len(text) > MAX_CHARS:
        raise InputError(f"That request is too long ({len(text)} characters); please shorten it.")
    text = "".join(ch if ch in "\n\t" or unicodedata.category(ch)[0] != "C" else " " for ch in text)
    text = re.sub(r"```.*?(```|$)", " ", text, flags=re.DOTALL)
    lines = [ln for ln in text.splitlines() if ln.strip()]
    kept: list[str] = []
    for line in lines:
        if kept and _PASTED_LINE_RE.match(line):
            break  # everything from here on is pasted output, not instructions
        kept.append(line)
    text = " ".join(kept).strip()
    if not text:
        raise InputError("The request is empty. What would you like to do?")
    letters = [ch for ch in text if ch.isalpha()]
    if letters and sum(1 for ch in letters if ch.isascii()) / len(letters) < 0.6:
        raise InputError("I can only understand requests in English for now.")
    if not letters:
        raise InputError("I could not find a request in that text.")
    words = set(re.findall(r"[a-zäöüßéèàçñ]+", text.lower()))
    if len(words & _FOREIGN) >= 2 and not words & _ENGLISH:
        raise InputError("I can only understand requests in English for now.")
    # written shorthand: "deploys w/ label x", "pods w/o limits"
    text = re.sub(r"(?<!\S)w/o(?!\S)", "without", text, flags=re.IGNORECASE)
    text = re.sub(r"(?<!\S)w/(?!\S)", "with", text, flags=re.IGNORECASE)
    # run together in a hurry: "scale web upto 5"
    text = re.sub(r"(?<!\S)upto(?!\S)", "up to", text, flags=re.IGNORECASE)
    # emoticons are mood, not words: "list pods in shop :-)"
    text = re.sub(r"[:;]-?[()DPp](?=\s|$)|<3(?=\s|$)", " ", text)
    # and so are emoji and pictographs: "list pods on shop 🙏"
    text = "".join(" " if unicodedata.category(ch) == "So" else ch for ch in text).strip()
    text = namespace_phrases(text)
    for pattern, replacement in _REWRITES:
        text = pattern.sub(replacement, text)
    text = own_words(text)
    if not text:
        raise InputError(
            "That reads like someone else's message, which I treat as data, not as "
            "instructions. What would you like me to do?"
        )
    if _INJECTION_RE.search(text):
        raise InputError(
            "That reads like instructions to the assistant rather than a cluster request."
        )
    # the command's own name ("kubectl create ns x", "k get po"), never an object's
    return _KUBECTL_RE.sub("", text)


def _rewrite(pattern: str, replacement: str) -> tuple[re.Pattern[str], str]:
    return re.compile(pattern, re.IGNORECASE), replacement


# Wordings said another way, rewritten to the words the rules read, in this order.
_REWRITES = (
    # an idiom for watching: "keep an eye on the pods in shop"
    _rewrite(r"\bkeep an eye on\b", "watch"),
    # a kind said with its API group and version, as in a manifest: "the apps/v1 deployment"
    _rewrite(
        r"(?<!\S)(?:apps|batch|core|autoscaling|policy|extensions|(?:networking|storage"
        r"|rbac\.authorization)\.k8s\.io)/v\d+(?:(?:alpha|beta)\d+)?\s+(?=[a-z])",
        "",
    ),
    # "take label owner away from web": the label taken off
    _rewrite(
        r"\btake (the )?(labels?|annotations?) (\S+) (?:away|off) from\b", r"remove \1\2 \3 from"
    ),
    # "throw away namespace x": the plain word for it
    _rewrite(r"\bthrow (?:away|out)\b", "delete"),
    # going over a list aloud: "run down the deployments", "run me through our jobs"
    _rewrite(
        r"\brun (?:me )?(?:down|through)(?= (?:the|all|our|my|every|each|what|which)\b)", "list"
    ),
    # "henceforth", "going forward": from now on
    _rewrite(
        r"\b(?:henceforth|hereafter|going forward|from here on(?: in| out)?)\b", "from now on"
    ),
    # a modal said another way: "web ought to have 3 replicas"
    _rewrite(r"\bought to\b", "should"),
    # "re-provision web at 3 replicas", "re-size api to 2": provisioned, sized again
    _rewrite(r"(?<![\w-])re-?(provision)(s|ed|ing)?(?![\w-])", r"\1\2"),
    _rewrite(r"(?<![\w-])re-(size)(s|d|ing)?(?![\w-])", r"re\1\2"),
    # a hyphenated verb is still the verb: "force-delete pod x", "power-cycle node-3"
    _rewrite(r"\bforce-(delete|remove|kill)", r"force \1"),
    _rewrite(r"\bpower-cycle", "power cycle"),
    # ... and so are kubectl's two words, hyphenated: "rollout-restart web"
    _rewrite(
        r"(?<![\w-])(rollout|rolling)-(restart|update|undo|status|history|pause|resume)(?![\w-])",
        r"\1 \2",
    ),
    # the tools people know for it: "kubens qa", "kubectx prod"; "my working namespace" is
    # the context's default one
    _rewrite(r"^kubens\s+(?=\S)", "switch namespace to "),
    _rewrite(r"^kubectx\s+(?=\S)", "use context "),
    _rewrite(r"\b(my|our) (?:working|home|usual) (?:namespace|ns)\b", r"\1 default namespace"),
    # chat shorthand: "img", "evts", "ctx", "perms"
    *(
        _rewrite(rf"(?<![\w./:=-]){short}(?![\w./:=-])", word)
        for short, word in (
            ("img", "image"),
            ("imgs", "images"),
            ("evts", "events"),
            ("ctx", "context"),
            ("perms", "permissions"),
        )
    ),
    # a prefixed verb: "un-taint node-9", "re-start web" (never a name such as
    # "re-deploy-bot")
    _rewrite(
        r"(?<![\w-])(un|re)-(taint|cordon|pause|label|annotate|start|deploy|scale|launch|drain"
        r"|schedule)(s|ed|ing)?(?![\w-])",
        r"\1\2\3",
    ),
)
_KUBECTL_RE = re.compile(
    # (at the start only: "bob said to run kubectl delete …", "explain this: kubectl …"
    # quote one)
    r"^(?:kubectl|k|kc|kctl|oc)\s+(?=(?:get|describe|create|delete|apply|logs|scale"
    r"|rollout|exec|edit|label|annotate|expose|run|top|cordon|uncordon|drain|taint|port-forward"
    r"|cp|set|autoscale|patch|explain|api-resources|api-versions|config|auth|events|wait|debug"
    r"|attach|replace|diff)\b)",
    re.IGNORECASE,
)


def _split_word(raw: str) -> tuple[str, bool]:
    word = raw
    possessive = False
    if word.lower().endswith(("'s", "\u2019s")) and len(word) > 2:
        word, possessive = word[:-2], True
    word = word.rstrip(".,;!?)]\"'")
    if word.endswith(":") and len(word) > 1:
        word = word[:-1]
    word = word.lstrip("([\"'")
    return word, possessive


def tokenize(text: str, vocabulary: Vocabulary) -> list[Token]:
    tokens: list[Token] = []
    # `--schedule="0 2 * * *"`: the flag, then its quoted value as one token
    text = re.sub(r"(?<!\S)(--?[a-z][\w-]*)=([\"'])", r"\1 \2", text, flags=re.IGNORECASE)
    for m in _TOKEN_RE.finditer(text):
        quoted = next((g for g in m.groups()[:3] if g is not None), None)
        if quoted is not None:
            value = quoted.strip()
            if not value:
                continue
            norm = "__quoted__" if re.search(r"\s", value) else value.lower()
            tokens.append(Token(value, norm, quoted=True))
            if m.group(0)[-1:] == "," or text[m.end() : m.end() + 1] == ",":
                tokens.append(Token(",", ","))
            continue
        raw = m.group(4)
        comma = raw.endswith(",") and len(raw) > 1
        # "dev ns: min 2", "in prod; then…": a colon or semicolon ends a phrase (never a list)
        stop = raw.endswith((":", ";")) and len(raw) > 1 and "://" not in raw
        word, possessive = _split_word(raw)
        if word:
            # "deployment quotes": the word a kind word names is a name, never a slip
            norm = vocabulary.normalize(word)
            named = bool(tokens) and tokens[-1].norm in _NAMING_WORDS
            if named and norm != word.lower() and norm not in _ABOUT_AN_OBJECT:
                norm = word.lower()
            elif norm in _CHAT_SPELLINGS and not (tokens and tokens[-1].norm in _NAMED_ONE):
                # "which pods r failed", "what sts r there", never "role r"
                norm = _CHAT_SPELLINGS[norm]
            ends = bool(_SENTENCE_END_RE.search(raw)) and not possessive
            tokens.append(Token(word, norm, possessive=possessive, ends_sentence=ends))
        if comma:
            tokens.append(Token(",", ","))
        elif stop:
            tokens.append(Token(";", ";"))
    return tokens


# Words after which the next word is an object's name.
_NAMING_WORDS = frozenset(
    """pod deployment deploy service svc statefulset sts daemonset ds job cronjob cj
configmap cm secret node namespace ingress pvc replicaset rs serviceaccount sa hpa named
called role clusterrole rolebinding user group context""".split()
)
# Words after which a word is one object's name ("role r", "pod r"): the naming words but
# the short names, which are said in the plural too ("what sts r there").
_NAMED_ONE = _NAMING_WORDS - frozenset("deploy svc sts ds cj cm pvc rs sa hpa".split())
# Chat spellings of function words ("r u a bot", "what jobs r there").
_CHAT_SPELLINGS = {"r": "are", "ur": "your", "abt": "about", "logz": "logs"}


# What may follow a kind word besides a name ("the pod lables", "daemonset namespaec x"):
# slips of these are still corrected.
_ABOUT_AN_OBJECT = frozenset(
    """namespace namespaces labels label logs log events event status image images
annotations annotation replicas containers container details yaml json revisions history
rollout""".split()
)


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance (Damerau-Levenshtein without substring edits)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


class Vocabulary:
    """Known words; unknown alphabetic words close to one are read as that word.

    Words of five letters or more may be one edit from a target. Shorter words are riskier
    (many short names are unknown words: api, web, db), so a four-letter word is corrected
    only by a swapped pair ("ndoe" → node), a dropped letter ("scle" → scale) or a slip
    to a neighbouring key ("pids" → pods), a
    three-letter one only by a dropped letter ("pos" → pods), and both keep the target's
    first letter ("ops" is never pods)."""

    def __init__(
        self, words: Iterable[str], targets: Iterable[str], three: Iterable[str] = ()
    ) -> None:
        self._words = {w for w in words if w.isalpha()}
        # three-letter words also read through one swapped pair ("teh" → the)
        self._three = {t for t in three if len(t) == 3}
        self._index: dict[str, set[str]] = {}
        self._short: dict[str, set[str]] = {}
        self._four = {t for t in targets if t.isalpha() and len(t) == 4}
        # long words also read through two slips ("confmaps", "deplyomnets")
        self._long = sorted(t for t in targets if t.isalpha() and len(t) >= 9)
        for word in {t for t in targets if t.isalpha()}:
            if len(word) >= 5:
                for key in _deletes(word) | {word}:
                    self._index.setdefault(key, set()).add(word)
            if 4 <= len(word) <= 5:
                for key in _deletes(word) | _swaps(word) | _slips(word):
                    if key[0] == word[0] and key != word:
                        self._short.setdefault(key, set()).add(word)
        self.normalize = lru_cache(maxsize=8192)(self._normalize)

    def __contains__(self, word: str) -> bool:
        return word in self._words

    def _normalize(self, word: str) -> str:
        low = word.lower()
        if low in self._words or not low.isalpha():
            return low
        if len(low) < 5:
            short = self._short.get(low, set()) if len(low) >= 3 else set()
            if not short and len(low) == 3:
                short = {t for t in self._three if low in _swaps(t)}
            return next(iter(short)) if len(short) == 1 else low
        if len(low) == 5:  # a letter too many in a four-letter word: "poods", "liist"
            shorter = {d for d in _deletes(low) if d in self._four and d[0] == low[0]}
            if len(shorter) == 1:
                return shorter.pop()
        candidates: set[str] = set()
        for key in _deletes(low) | {low}:
            candidates |= self._index.get(key, set())
        # A short word keeps its first letter ("batch" is never watch); a long one may not.
        best = sorted(
            (
                c
                for c in candidates
                if edit_distance(low, c) == 1 and (len(low) > 6 or c[0] == low[0])
            ),
            key=lambda c: (c[0] != low[0], c),
        )
        if best:
            return best[0]
        if len(low) >= 7:
            far = [t for t in self._long if t[0] == low[0] and edit_distance(low, t) == 2]
            if len(far) == 1:
                return far[0]
        return low


# Neighbouring keys on a QWERTY keyboard: a four-letter word hit one key off ("shoe" for
# show is a word, but "pids" for pods, "lofs" for logs are slips).
_NEIGHBOURS = {
    row[i]: row[max(0, i - 1) : i] + row[i + 1 : i + 2]
    for row in ("qwertyuiop", "asdfghjkl", "zxcvbnm")
    for i in range(len(row))
}


def _slips(word: str) -> set[str]:
    """The word with one letter (not the first) replaced by a neighbouring key."""
    return {
        word[:i] + near + word[i + 1 :]
        for i in range(1, len(word))
        for near in _NEIGHBOURS.get(word[i], "")
    }


def _swaps(word: str) -> set[str]:
    return {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
