"""The shape of a catalogue entry: what an operation is, declared once for every service.

nlp plans and renders from these entries, the LLM schema is generated from them, and the
executor registers one handler per entry. Nothing here knows about a transport.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass


class Risk(enum.IntEnum):
    """Ordered so that the risk of a plan is simply `max` of its operations."""

    READ = 0
    WRITE = 1
    DESTRUCTIVE = 2


class Target(enum.Enum):
    """How the addressed objects appear on the kubectl line."""

    NONE = "none"
    KINDS = "kinds"  # `pods,services a b`
    REFS = "refs"  # `deployment/a deployment/b`, or the bare kind when no name
    POD_OR_REF = "pod-or-ref"  # a pod by bare name, anything else as kind/name
    NAMES = "names"  # bare names, the kind is implied by the command


class ParamType(enum.Enum):
    STR = "str"
    INT = "int"
    BOOL = "bool"
    LIST = "list"  # rendered as the flag repeated, or as positionals


class Verification(enum.Enum):
    """The success condition the executor polls after the change ran.

    Named here so the catalogue, not the verb's spelling, decides how a change is
    verified; the executor's `verify.py` implements each name."""

    NONE = "none"  # reads, and what cannot run
    ACCEPTED = "accepted"  # the API server stored the change; nothing further to wait for
    EXISTS = "exists"  # the created object can be read back (workloads: their rollout)
    ROLLOUT = "rollout-complete"  # the workload's pods roll to the new template
    REPLICAS = "replicas-available"  # N/N replicas available, even when N did not change
    DELETED = "deleted"  # the object is gone (or re-created under a new uid)
    METADATA = "metadata-applied"  # the labels/annotations read back as asked
    PAUSED = "paused-as-asked"  # spec.paused reads back as asked
    SCHEDULABLE = "schedulable-as-asked"  # spec.unschedulable reads back as asked
    DRAINED = "drained"  # the node is cordoned and its evicted pods are gone


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    type: ParamType
    description: str
    # None: a positional argument after the target.
    flag: str | None = None
    # For LIST flags: one flag per item (True) or a single comma-joined value (False).
    repeat: bool = True
    # kubectl refuses the command without it (positional `{param}` words are always required).
    required: bool = False
    # The value is a credential (for `key=value` items, the part after `=`): it is cut
    # from the text, the kubectl line, history and audit (kubechat.redact_params).
    secret: bool = False


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    name: str
    description: str
    # Words after `kubectl`; `{param}` is replaced by that parameter's value.
    command: tuple[str, ...]
    target: Target
    # The class before the arguments are looked at; `operation_risk` raises or lowers it.
    risk: Risk
    params: tuple[Param, ...] = ()
    # Kinds (plurals) searched when the text names none; the first one is the default.
    default_kinds: tuple[str, ...] = ()
    # A trailing `-- cmd args` taken from the LIST parameter of this name.
    argv_param: str | None = None
    # Kinds (plurals) the operation can act on at all; empty: any kind.
    kinds: tuple[str, ...] = ()
    # False when the kubectl line never takes a namespace (nodes, cluster-scoped kinds,
    # the kubeconfig, discovery).
    namespaced: bool = True
    runnable: bool = True
    # Why KubeChat cannot run it, said to the user with the kubectl line to run themselves.
    unsupported_reason: str = ""
    verification: Verification = Verification.NONE
    # Everyday lower-case verb phrases that ask for this operation ("scale", "resize"...);
    # the parser scores requests against them and the eval generator samples them.
    phrasings: tuple[str, ...] = ()

    def param(self, name: str) -> Param | None:
        for p in self.params:
            if p.name == name:
                return p
        return None

    @property
    def required_params(self) -> tuple[str, ...]:
        positional = tuple(w[1:-1] for w in self.command if w.startswith("{") and w.endswith("}"))
        flagged = tuple(p.name for p in self.params if p.required and p.name not in positional)
        return positional + flagged


class CatalogueError(ValueError):
    """The declared entries contradict each other; raised when a catalogue is built."""


def _problems(entry: CatalogueEntry) -> Iterator[str]:
    if entry.runnable == bool(entry.unsupported_reason):
        yield "runnable entries carry no reason; unrunnable ones must say why"
    if not entry.description or not entry.command:
        yield "needs a description and kubectl command words"
    names = [p.name for p in entry.params]
    if len(set(names)) != len(names):
        yield "declares a parameter twice"
    placeholders = [w[1:-1] for w in entry.command if w.startswith("{") and w.endswith("}")]
    for key in (*placeholders, *([entry.argv_param] if entry.argv_param else [])):
        if entry.param(key) is None:
            yield f"uses undeclared parameter '{key}'"
    if not 3 <= len(entry.phrasings) <= 12:
        yield "needs 3 to 12 phrasings"
    if any(p != p.strip().lower() or not p for p in entry.phrasings):
        yield "phrasings are plain lower-case phrases"
    if len(set(entry.phrasings)) != len(entry.phrasings):
        yield "repeats a phrasing"
    if entry.risk is Risk.READ and entry.verification is not Verification.NONE:
        yield "a read has nothing to verify"
    if entry.runnable and entry.risk is not Risk.READ and entry.verification is Verification.NONE:
        yield "a runnable change must declare its verification"
    if entry.default_kinds and entry.kinds and not set(entry.default_kinds) <= set(entry.kinds):
        yield "default kinds must be among the applicable kinds"


class Catalogue:
    """Entries by name. Building one checks every entry, so a contradiction in the data is
    an import-time error in every service, not a wrong plan at run time."""

    def __init__(self, entries: Iterable[CatalogueEntry]) -> None:
        listed = tuple(entries)
        self._entries = {e.name: e for e in listed}
        if len(self._entries) != len(listed):
            raise CatalogueError("duplicate catalogue entry names")
        problems = [f"{e.name}: {p}" for e in listed for p in _problems(e)]
        if problems:
            raise CatalogueError("; ".join(problems))

    def __getitem__(self, name: str) -> CatalogueEntry:
        return self._entries[name]

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[CatalogueEntry]:
        return iter(self._entries.values())

    def get(self, name: str) -> CatalogueEntry | None:
        return self._entries.get(name)

    def entries(self) -> tuple[CatalogueEntry, ...]:
        return tuple(self._entries.values())

    def runnable(self) -> tuple[CatalogueEntry, ...]:
        """What KubeChat can run: the only operations a plan may contain."""
        return tuple(e for e in self._entries.values() if e.runnable)

    def names(self) -> frozenset[str]:
        return frozenset(self._entries)
