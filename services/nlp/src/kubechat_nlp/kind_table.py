"""Lookup from any spelling of a kind (plural, singular, short name, synonym, and the
spellings that follow from them) to its `KindInfo`."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from kubechat_nlp.kinds import STANDARD_KINDS, KindInfo
from kubechat_nlp.model import ResourceRef


def _derived_spellings(words: Iterable[str]) -> set[str]:
    spellings: set[str] = set()
    for word in (w.lower() for w in words):
        if " " in word:
            spellings.add(word.replace(" ", "-"))  # "stateful set" → "stateful-set"
        elif 2 <= len(word) <= 4 and word.isalpha() and not word.endswith("s"):
            spellings.add(word + "s")  # short names in the plural: "cms", "pvs", "cjs"
    return spellings


# Said before a kind word to mean the same kind: "k8s services", "kubernetes nodes".
_PLATFORM = ("k8s", "kubernetes", "kube")


class KindTable:
    """Lookup from any spelling (plural, singular, short name, synonym) to a `KindInfo`."""

    def __init__(self, kinds: Iterable[KindInfo]) -> None:
        self._by_plural: dict[str, KindInfo] = {}
        self._longest: int | None = None
        self._by_word: dict[str, KindInfo] = {}
        self._derived: set[str] = set()
        for info in kinds:
            self.add(info)

    def add(self, info: KindInfo) -> None:
        ref = info.ref
        self._by_plural[ref.plural] = info
        words = {ref.plural, ref.kind.lower(), *info.short_names, *info.synonyms}
        if ref.group:  # "deployments.apps", and as kubectl also reads it, "deployment.apps"
            words |= {f"{ref.plural}.{ref.group}", f"{ref.kind.lower()}.{ref.group}"}
        for word in words:
            if self._by_word.get(word.lower()) is None or word.lower() in self._derived:
                self._by_word[word.lower()] = info
                self._derived.discard(word.lower())
        # Spellings people write that follow from the declared ones: "stateful-set",
        # "config-maps", "cms", "crons", "k8s services". A declared word always wins over a
        # derived one.
        named = {ref.plural, ref.kind.lower()}
        # ("kube service accounts": the platform word before any of the kind's words, of two
        # words at most: a longer phrase would lengthen every utterance's kind scan)
        said = named | {w for w in info.synonyms if w.count(" ") <= 1}
        platform = {f"{p} {w}" for p in _PLATFORM for w in said}
        # "secret objects", "the deployment object", "svc resources": the kind, said as a thing
        things = {
            f"{w} {thing}"
            for w in {ref.kind.lower(), *info.short_names}
            for thing in ("object", "objects", "resource", "resources")
        }
        for word in _derived_spellings(words) | platform | things:
            if word not in self._by_word:
                self._by_word[word] = info
                self._derived.add(word)

    def lookup(self, word: str) -> KindInfo | None:
        return self._by_word.get(word.lower())

    def by_plural(self, plural: str) -> KindInfo | None:
        return self._by_plural.get(plural)

    def ref(self, plural: str) -> ResourceRef:
        info = self._by_plural[plural]
        return info.ref

    def words(self) -> Iterable[str]:
        return self._by_word.keys()

    def infos(self) -> Iterable[KindInfo]:
        return self._by_plural.values()

    def max_phrase_words(self) -> int:
        if self._longest is None:  # asked for every utterance: counted once
            self._longest = max(len(w.split()) for w in self._by_word)
        return self._longest


@cache
def standard_table() -> KindTable:
    """The built-in kinds' table, built once: a table is never changed after it is built."""
    return KindTable(STANDARD_KINDS)
