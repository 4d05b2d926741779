"""A tokenized request with the lookups the rules need: regex over normalized words mapped
back to the original tokens, kind mentions, name candidates."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from kubechat_nlp.kind_table import KindTable
from kubechat_nlp.kinds import KindInfo
from kubechat_nlp.lexicon import NOT_NAMES, NOT_NL_KIND_WORDS, STOPWORDS
from kubechat_nlp.scope_terms import is_flag
from kubechat_nlp.text import Token

_OBJECT_WORDS = frozenset({"object", "objects", "obj", "objs", "resource", "resources"})
# Short names that read as a kind right after a verb that takes one.
_SHORT_AFTER_VERB = frozenset("cs ev ep sc ing cj lease leases".split())
_KIND_VERBS = frozenset(
    "get list show describe delete edit display watch explain count erase remove nuke kill "
    "destroy drop every all rm purge wipe create trigger which the".split()
)
_NAME_RE = re.compile(r"^[a-z0-9]([a-z0-9._-]*[a-z0-9])?$")
# Vague kind words that are a kind when an object's name follows ("restart workload web";
# "the workload is slow" is prose).
_NAMING_ONE = frozenset(("workload", "machine"))
_DETERMINERS = frozenset("the that this our my your their".split())
# Verbs of one object, and what may follow it, around "deploy jobs" (a deployment named jobs)
_ONE_OBJECT_VERBS = frozenset(
    "scale restart describe delete remove bounce redeploy rollback undo pause resume expose".split()
)
# What is said of an object right after its kind ("pod logs", "deployment rollout"), never
# its name.
_SAID_OF_AN_OBJECT = frozenset(
    """namespace ns logs log status events event details detail info information yaml json
spec schema manifest manifests history rollout rollouts labels label annotations annotation
image images replicas replica containers container metrics usage memory cpu utilisation
utilization consumption health restarts names name list count ip ips port ports endpoints
conditions taints instance instances copy copies object objects resource resources config
settings definition docs documentation fields field template templates revision revisions
version versions size scale state phase age owner owners describe delete restart""".split()
)
# What may come before the verb that opens a request ("please erase secret x").
_OPENING_WORDS = frozenset(
    "please pls plz can could would you u i we me let lets let's just now then and so ok okay"
    " hey hi yo".split()
)
# What may follow a name that closes its phrase.
_CLOSE_A_NAME = frozenset(
    """in on at from to for with within inside under of and then now please pls plz thanks
thx ty asap , . ? ! ; : - there again too as is are was has have""".split()
)
_AFTER_ONE_OBJECT = frozenset("logs log to in on please pls , . ? ! down up back".split())


@lru_cache(maxsize=4096)
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@dataclass(frozen=True, slots=True)
class KindMention:
    start: int
    end: int  # exclusive
    info: KindInfo
    name: str | None = None  # from a `kind/name` token


class Utterance:
    def __init__(self, tokens: list[Token], kinds: KindTable) -> None:
        self.tokens = tokens
        self.norms = [t.norm for t in tokens]
        self.starts: list[int] = []
        pos = 0
        for norm in self.norms:
            self.starts.append(pos)
            pos += len(norm) + 1
        self.text = " ".join(self.norms)
        self.kinds = kinds
        self.used: set[int] = set()
        self.mentions = self._find_kinds()

    def __len__(self) -> int:
        return len(self.tokens)

    # --- regex over normalized text ---------------------------------------------------
    def search(self, pattern: str) -> re.Match[str] | None:
        return _compile(pattern).search(self.text)

    def finditer(self, pattern: str) -> list[re.Match[str]]:
        return list(_compile(pattern).finditer(self.text))

    def index_at(self, char_pos: int) -> int:
        return bisect.bisect_right(self.starts, char_pos) - 1

    @staticmethod
    def _group(m: re.Match[str], group: int | None) -> int:
        if group is not None:
            return group
        return next((g for g in range(1, (m.re.groups or 0) + 1) if m.group(g) is not None), 0)

    def group_index(self, m: re.Match[str], group: int | None = None) -> int:
        return self.index_at(m.start(self._group(m, group)))

    def group_text(self, m: re.Match[str], group: int | None = None) -> str:
        """The original text of the tokens a group spans (case and quotes preserved)."""
        group = self._group(m, group)
        first = self.index_at(m.start(group))
        last = self.index_at(max(m.end(group) - 1, m.start(group)))
        return " ".join(t.text for t in self.tokens[first : last + 1])

    def mark_groups(self, m: re.Match[str]) -> None:
        for g in range(1, (m.re.groups or 0) + 1):
            if m.group(g) is not None:
                self.mark(m, g)

    def mark(self, m: re.Match[str], group: int = 0) -> None:
        start = m.start(group)
        while start < len(self.text) and self.text[start] == " ":
            start += 1  # a pattern anchored on `(?:^| )` must not claim the previous token
        first = self.index_at(start)
        last = self.index_at(max(m.end(group) - 1, m.start(group)))
        self.used.update(range(first, last + 1))

    def has(self, *words: str) -> bool:
        return any(w in self.norms for w in words)

    # --- kinds and names --------------------------------------------------------------
    def _find_kinds(self) -> list[KindMention]:
        found: list[KindMention] = []
        longest = self.kinds.max_phrase_words()
        i = 0
        while i < len(self.norms):
            hit: KindMention | None = None
            kind, slash, name = self.norms[i].partition("/")
            if slash and name and re.fullmatch(r"[a-z0-9][\w.-]*", name):
                info = self.kinds.lookup(kind)
                if info is not None:
                    found.append(KindMention(i, i + 1, info, self.tokens[i].text.split("/", 1)[1]))
                    i += 1
                    continue
            if not self.tokens[i].literal and not self.tokens[i].quoted:
                for size in range(min(longest, len(self.norms) - i), 0, -1):
                    phrase = " ".join(self.norms[i : i + size])
                    if (
                        size == 1
                        and phrase in NOT_NL_KIND_WORDS
                        and not (
                            # "list sc", "get ep", "delete cj nightly": right after the verb a
                            # short name is the kind; elsewhere it is prose ("cs", "ep 4")
                            phrase in _SHORT_AFTER_VERB and i and self.norms[i - 1] in _KIND_VERBS
                        )
                        and not (phrase in _NAMING_ONE and self._names_next(i + 1))
                    ):
                        continue
                    info = self._lookup(phrase)
                    if info is not None:
                        end = i + size
                        # "the service object web", "secret objects": one mention
                        if end < len(self.norms) and self.norms[end] in _OBJECT_WORDS:
                            end += 1
                        hit = KindMention(i, end, info)
                        break
            if hit is not None:
                found.append(hit)
                i = hit.end
            else:
                i += 1
        return self._kind_words_as_names(found)

    def _names_next(self, i: int) -> bool:
        if i >= len(self.tokens) or self.tokens[i].literal:
            return False
        norm = self.norms[i]
        return bool(_NAME_RE.match(norm)) and norm not in NOT_NAMES and not norm.isdigit()

    def _kind_words_as_names(self, found: list[KindMention]) -> list[KindMention]:
        """'the jobs deployment', 'restart the events deployment', 'scale deploy jobs to 3':
        a kind word beside a kind named in the singular is that object's name."""
        out: list[KindMention] = []
        k = 0
        while k < len(found):
            first = found[k]
            second = found[k + 1] if k + 1 < len(found) else None
            if (
                second is None
                or second.start != first.end
                or first.end - first.start != 1
                or second.info == first.info  # "that pod pod web-1": one kind said twice
            ):
                out.append(first)
                k += 1
                continue
            before = self.norms[first.start - 1] if first.start else ""
            after = self.norms[second.end] if second.end < len(self.norms) else ""
            if (
                # "the jobs deployment": a determiner, the name, then the kind
                before in _DETERMINERS
                and self._singular(second)
                and second.end - second.start == 1
                and self._nameable(first)
            ):
                out.append(
                    KindMention(first.start, second.end, second.info, self.tokens[first.start].text)
                )
                k += 2
                continue
            if (
                # "scale deploy jobs to 3", "deployment jobs logs": the kind, then the name
                (not before or before in _ONE_OBJECT_VERBS)
                and self._singular(first)
                and second.end - second.start == 1
                and self._nameable(second)
                and (not after or after in _AFTER_ONE_OBJECT)
            ):
                out.append(
                    KindMention(first.start, second.end, first.info, self.tokens[second.start].text)
                )
                k += 2
                continue
            out.append(first)
            k += 1
        return out

    def _singular(self, m: KindMention) -> bool:
        word = self.norms[m.start]
        return word in m.info.short_names or not word.endswith("s") and m.info.ref.plural != "all"

    def _nameable(self, m: KindMention) -> bool:
        tok = self.tokens[m.start]
        plural = m.info.ref.plural
        return (
            plural not in ("all", "namespaces")
            and bool(_NAME_RE.match(tok.norm))
            and not tok.quoted
        )

    def _lookup(self, phrase: str) -> KindInfo | None:
        info = self.kinds.lookup(phrase)
        if info is None and "," in phrase and " " not in phrase:
            parts = [self.kinds.lookup(p) for p in phrase.split(",") if p]
            if parts and all(parts):
                return parts[0]
        return info

    def kind_mentions(self) -> list[KindMention]:
        return [m for m in self.mentions if not self.used.intersection(range(m.start, m.end))]

    def kind_at(self, i: int) -> KindMention | None:
        for m in self.mentions:
            if m.start <= i < m.end:
                return m
        return None

    def is_name(self, i: int) -> bool:
        if i < 0 or i >= len(self.tokens) or i in self.used:
            return False
        tok = self.tokens[i]
        if tok.literal or tok.shouted:
            return False
        if tok.quoted:
            return bool(_NAME_RE.match(tok.text.lower())) and self.kind_at(i) is None
        if self.kind_at(i) is not None or tok.norm.isdigit():
            return False
        if tok.norm in NOT_NAMES and not self.named_by_its_kind(i):
            return False
        return bool(_NAME_RE.match(tok.norm))

    def named_by_its_kind(self, i: int) -> bool:
        """A word of the language right after a kind said in full in the singular, ending
        the phrase, names that object: "logs of pod store", "erase secret sync -n qa", "is
        deployment check there?". Never what is said about an object ("pod logs",
        "deployment status"), a state or a verb ("any pod pending", "before the pod dies"),
        a word after a short name said of many ("the sts that have …", "svc pls"), the
        request going on after a name already given ("the etcd-1 pod live", "the status
        deployment up to 3"), or a question about a kind in general ("what does a service
        take?")."""
        kind = self.kind_at(i - 1) if i else None
        if kind is None or kind.end != i or kind.end - kind.start != 1 or kind.name:
            return False
        said = self.tokens[kind.start]
        word = self.norms[i]
        if (
            said.text.lower() != said.norm  # a slip ("nodeb", "noe") may be no kind at all
            or not self._singular(kind)
            or said.norm in kind.info.short_names
            or kind.info.ref.plural == "namespaces"
            or said.possessive  # "how much pod's we have"
            or word in _SAID_OF_AN_OBJECT
            or word in STOPWORDS
            or word.endswith(("ed", "ing", "able"))
            # ("before the pod dies": after "the" and a kind, a verb says what it does)
            or (word.endswith("s") and kind.start and self.norms[kind.start - 1] in _DETERMINERS)
            or not _NAME_RE.match(word)
        ):
            return False
        if kind.start:
            before = self.norms[kind.start - 1]
            if before in ("a", "an", "any", "each", "every", "which", "what"):
                return False
            # (a name before the kind said which object: "api deployment currently has 2";
            # so did a word that is not the opening verb: "the status deployment … up")
            if before not in NOT_NAMES and _NAME_RE.match(before):
                return False
            if before not in STOPWORDS and (
                kind.start > 1 and self.norms[kind.start - 2] not in _OPENING_WORDS
            ):
                return False
        after = self.norms[i + 1] if i + 1 < len(self.norms) else ""
        return not after or after in _CLOSE_A_NAME or is_flag(after)

    def text_of(self, i: int) -> str:
        return self.tokens[i].text
