"""The operations KubeChat knows, declared as data: name, description, parameters, how
kubectl spells them, and the risk class. `catalogue_data.py` holds the table."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from kubechat_nlp.model import Risk


class Target(Enum):
    """How the addressed objects appear on the kubectl line."""

    NONE = "none"
    KINDS = "kinds"  # `pods,services a b`
    REFS = "refs"  # `deployment/a deployment/b`, or the bare kind when no name
    POD_OR_REF = "pod-or-ref"  # a pod by bare name, anything else as kind/name
    NAMES = "names"  # bare names, the kind is implied by the command


class ParamType(Enum):
    STR = "str"
    INT = "int"
    BOOL = "bool"
    LIST = "list"  # rendered as the flag repeated, or as positionals


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    type: ParamType
    description: str
    # None: a positional argument after the target.
    flag: str | None = None
    # For LIST flags: one flag per item (True) or a single comma-joined value (False).
    repeat: bool = True


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    name: str
    description: str
    # Words after `kubectl`; `{param}` is replaced by that parameter's value.
    command: tuple[str, ...]
    target: Target
    risk: Risk
    params: tuple[Param, ...] = ()
    # Kinds the operation applies to when the text names none (first one is the default).
    default_kinds: tuple[str, ...] = ()
    # A trailing `-- cmd args` taken from the LIST parameter of this name.
    argv_param: str | None = None

    def param(self, name: str) -> Param | None:
        for p in self.params:
            if p.name == name:
                return p
        return None


class Catalogue:
    def __init__(self, entries: tuple[CatalogueEntry, ...]) -> None:
        self._entries = {e.name: e for e in entries}
        if len(self._entries) != len(entries):
            raise ValueError("duplicate catalogue entry names")

    def __getitem__(self, name: str) -> CatalogueEntry:
        return self._entries[name]

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def entries(self) -> tuple[CatalogueEntry, ...]:
        return tuple(self._entries.values())


def default_catalogue() -> Catalogue:
    from kubechat_nlp.catalogue_data import ENTRIES

    return Catalogue(ENTRIES)
