"""Turning a template and its values into a request the way people type it (fillers,
politeness, casing, typos, numbers as words), and the expected command into kubectl."""

from __future__ import annotations

import random
import re
import shlex
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from kubechat_nlp.evaluation.generator.vocab import (
    ALL_NS_PHRASES,
    GREETINGS,
    KINDS,
    NAMESPACES,
    NS_PHRASES,
    NUMBER_WORDS,
    POLITE,
    TAILS,
    TYPO_WORDS,
    Pool,
    Split,
)

T = TypeVar("T")

_QWERTY_NEIGHBOURS = {
    "a": "sq",
    "b": "vn",
    "c": "xv",
    "d": "sf",
    "e": "wr",
    "f": "dg",
    "g": "fh",
    "h": "gj",
    "i": "uo",
    "j": "hk",
    "k": "jl",
    "l": "k",
    "m": "n",
    "n": "bm",
    "o": "ip",
    "p": "o",
    "r": "et",
    "s": "ad",
    "t": "ry",
    "u": "yi",
    "v": "cb",
    "w": "qe",
    "x": "zc",
    "y": "tu",
    "z": "x",
}


_QUESTION_WORDS = frozenset(
    {"what", "what's", "which", "how", "is", "are", "can", "do", "does", "any", "has"}
    | {"have", "would", "am", "who", "where", "why", "could"}
)


@dataclass(frozen=True, slots=True)
class Ns:
    """A namespace choice: `name` (or every namespace) and how the request says it."""

    name: str | None = None
    everywhere: bool = False
    phrase: str = ""

    @property
    def flag(self) -> str:
        if self.everywhere:
            return "-A"
        if self.name == "default" and "the default n" in self.phrase:
            # "in the default namespace" means wherever the context points, as in the
            # public set and kubectl's own docs ("List recent events in the default
            # namespace" → `kubectl events`); "-n default" and "namespace default" name it.
            return ""
        return f"-n {self.name}" if self.name else ""


@dataclass(frozen=True, slots=True)
class Case:
    query: str
    kubectl: str | None
    category: str


def kubectl(*parts: str | None) -> str:
    """`kubectl` and the non-empty parts (each may hold several words); a `--flag=value`
    whose value a shell would split is quoted."""
    words = ["kubectl"]
    for part in parts:
        if not part:
            continue
        flag, eq, value = part.partition("=")
        if part.startswith("--") and eq and shlex.quote(value) != value:
            words.append(f"{flag}={shlex.quote(value)}")
        else:
            words.append(part)
    return " ".join(words)


class Composer:
    """One random source for one split: picks vocabulary and dresses up requests."""

    def __init__(self, rng: random.Random, split: Split) -> None:
        self.rng = rng
        self.split = split

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, pool: Pool) -> str:
        # Blind leans on its held-out instances so that they are common, not incidental.
        if self.split == "blind" and pool.held_out and self.chance(0.5):
            return self.rng.choice(pool.held_out)
        return self.rng.choice(pool.items(self.split))

    def choice(self, options: Sequence[T]) -> T:
        return self.rng.choice(options)

    def number(self, n: int, words: float = 0.3) -> str:
        if n in NUMBER_WORDS and self.chance(words):
            return NUMBER_WORDS[n]
        return str(n)

    def kind(self, plural: str, *, singular: bool = False, other: float = 0.25) -> str:
        """A word for the kind; `other` is the share of short names and spoken forms."""
        words = KINDS[plural]
        others = words.others.items(self.split)
        if others and self.chance(other):
            one, _, many = self.pick(words.others).partition("|")
            return one if singular or not many else many
        return words.singular if singular else words.plural

    def namespace(self, *, none: float = 0.25, everywhere: float = 0.0) -> Ns:
        roll = self.rng.random()
        if roll < none:
            return Ns()
        if roll < none + everywhere:
            return Ns(everywhere=True, phrase=self.pick(ALL_NS_PHRASES))
        name = self.pick(NAMESPACES)
        return Ns(name=name, phrase=self.pick(NS_PHRASES).format(ns=name))

    def say(self, template: str, ns: Ns | None = None, **slots: str) -> str:
        """Fill the template and dress it up. A template starting with `?` is a question
        or statement: politeness wrappers ("could you …") do not fit it. Slots named
        `kind…` are kind words and may get a typo; every other slot is a name and never
        does."""
        imperative = not template.startswith("?")
        template = template.lstrip("?")
        ns = ns or Ns()
        fronted = ""
        if ns.phrase.startswith("in ") and template.endswith("{ns}") and self.chance(0.12):
            fronted, slots["ns"] = ns.phrase + ", ", ""
        else:
            slots["ns"] = ns.phrase
        text = fronted + template.format(**slots)
        text = re.sub(r"\s+([,;:.])(\s|$)", r"\1\2", re.sub(r"\s+", " ", text)).strip()
        protected = {
            word.lower()
            for key, value in slots.items()
            if not key.startswith("kind") and key != "ns"
            for word in value.split()
        }
        if ns.name:
            protected.add(ns.name)
        text = self._typo(text, protected)
        question = not imperative and template.split(" ", 1)[0] in _QUESTION_WORDS
        # "could you in prod, restart web" is not how anyone talks: no wrapper then.
        if imperative and not fronted and self.chance(0.3):
            text = self.pick(POLITE).format(x=text)
            question = text.split(" ", 1)[0] in {"could", "can", "would"}
        if self.chance(0.15):
            text = f"{self.pick(GREETINGS)} {text}"
        if self.chance(0.18):
            text += self.pick(TAILS)
        return self._case_and_stop(text, protected, question)

    def _case_and_stop(self, text: str, protected: set[str], question: bool) -> str:
        first = text.split(" ", 1)[0].lower()
        if first not in protected and not first.startswith("-") and self.chance(0.35):
            text = text[0].upper() + text[1:]
        # A full stop after a path or file name would change it.
        last = text.rsplit(" ", 1)[-1]
        if text[-1].isalnum() and "/" not in last and "." not in last:
            text += self.choice(("", "?", "?", ".") if question else ("", "", "", "."))
        return text

    def _typo(self, text: str, protected: set[str]) -> str:
        if not self.chance(0.12):
            return text
        tokens = text.split(" ")
        candidates = [
            i
            for i, tok in enumerate(tokens)
            if (word := tok.lower().strip(",.?!")) in TYPO_WORDS and word not in protected
        ]
        if not candidates:
            return text
        index = self.choice(candidates)
        tokens[index] = self._misspell(tokens[index])
        return " ".join(tokens)

    def _misspell(self, word: str) -> str:
        """One edit inside the word, the first letter kept: the kind of slip that still
        reads as the word. An edit that makes another vocabulary word is retried."""
        if len(word) < 4:
            return word
        for _ in range(6):
            pos = self.rng.randrange(1, len(word) - 1)
            edit = self.choice(("swap", "drop", "double", "near"))
            if edit == "swap":
                out = word[:pos] + word[pos + 1] + word[pos] + word[pos + 2 :]
            elif edit == "drop":
                out = word[:pos] + word[pos + 1 :]
            elif edit == "double":
                out = word[:pos] + word[pos] + word[pos:]
            else:
                near = _QWERTY_NEIGHBOURS.get(word[pos].lower(), "")
                out = word[:pos] + self.choice(tuple(near)) + word[pos + 1 :] if near else word
            if out.lower() != word.lower() and out.lower() not in TYPO_WORDS:
                return out
        return word
