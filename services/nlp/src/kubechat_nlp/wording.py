"""Everyday wording for the catalogue's operations (`data/wording.txt`): the parser's own
knowledge of how people ask for each operation, beyond the few phrasings the catalogue
entry declares for every consumer (LLM schema, generator, docs)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from kubechat_nlp.catalogue import Catalogue, CatalogueEntry

_FILE = Path(__file__).parent / "data" / "wording.txt"


@cache
def _wording() -> dict[str, tuple[str, ...]]:
    wording: dict[str, tuple[str, ...]] = {}
    for number, line in enumerate(_FILE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        name, sep, rest = line.partition(":")
        phrases = tuple(p.strip() for p in rest.split(";") if p.strip())
        if not sep or not phrases or any(p != p.lower() for p in phrases):
            raise ValueError(f"{_FILE.name}:{number}: want '<entry>: phrase; phrase', lower case")
        wording[name.strip()] = phrases
    return wording


def check_wording(catalogue: Catalogue) -> list[str]:
    """Entry names in the wording file that the catalogue does not declare."""
    known = {entry.name for entry in catalogue.entries()}
    return sorted(set(_wording()) - known)


def phrasings_of(entry: CatalogueEntry) -> tuple[str, ...]:
    """The entry's declared phrasings, then the everyday wording for it."""
    extra = tuple(p for p in _wording().get(entry.name, ()) if p not in entry.phrasings)
    return entry.phrasings + extra
