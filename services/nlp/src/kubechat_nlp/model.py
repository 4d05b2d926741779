"""The engine's typed model: what a request means, independent of any transport.

The gRPC servicer maps these to protobuf; nothing here knows about gRPC or kubectl text
beyond the human-readable rendering kept on the `Plan`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Re-exported: the catalogue's Risk is the one risk scale; nlp modules import it from here.
from kubechat.catalogue import Risk as Risk

ParamValue = str | int | bool | list[str]


@dataclass(frozen=True, slots=True)
class ResourceRef:
    """A Kubernetes resource type, as discovery names it."""

    group: str
    version: str
    kind: str
    plural: str
    namespaced: bool = True


@dataclass(frozen=True, slots=True)
class Operation:
    """One kubectl-equivalent action, as data. `verb` is a catalogue entry name."""

    verb: str
    resource: ResourceRef | None = None
    namespace: str | None = None
    name: str | None = None
    names: tuple[str, ...] = ()
    label_selector: str | None = None
    field_selector: str | None = None
    all_namespaces: bool = False
    params: dict[str, ParamValue] = field(default_factory=dict)
    subresource: str | None = None
    # kubectl's `kind1,kind2` form: the same action on several kinds at once.
    extra_resources: tuple[ResourceRef, ...] = ()

    @property
    def targets(self) -> tuple[str, ...]:
        """Every object name this operation addresses, `name` first."""
        if self.name is None:
            return self.names
        return (self.name, *self.names)


@dataclass(frozen=True, slots=True)
class Clarification:
    """A question back to the user; `choices` are ready-made answers when known."""

    question: str
    choices: tuple[str, ...] = ()
    # The request to re-read once the user answers, with `{answer}` where the answer goes
    # ("{text} to {answer} replicas", `{text}` being the request as typed). Empty: the
    # answer starts a new request.
    resume: str = ""
    # The request as typed, which a longer reply ("in finance, to three") completes.
    request: str = ""


@dataclass(frozen=True, slots=True)
class Plan:
    """The engine's answer. With a clarification, `operations` is empty."""

    operations: tuple[Operation, ...] = ()
    kubectl: tuple[str, ...] = ()
    risk: Risk = Risk.READ
    confidence: float = 0.0
    clarification: Clarification | None = None
    # Who answered: "rules", "llm:<model>", "rules (llm unavailable)". Empty means the
    # service's configured engine name applies.
    engine: str = ""
    # Why the configured engine did not answer ("llm unavailable", "llm circuit open").
    fallback: str = ""
    explanation: str = ""
    # Operations KubeChat does not run (exec, port-forward…): shown as `kubectl` for the
    # user to run, and remembered so "its logs" can follow.
    unrunnable: tuple[Operation, ...] = ()

    @property
    def needs_clarification(self) -> bool:
        return self.clarification is not None
