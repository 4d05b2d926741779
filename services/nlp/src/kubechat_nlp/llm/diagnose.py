""" "Why is checkout crashing in prod?": which read-only evidence to gather, and a short
diagnosis from a model that cites that evidence.

The executor runs the evidence operations (they are ordinary read-only plan operations)
and hands the (kubectl, output) pairs back to `diagnose`. Outputs are redacted and cut to
the model's window before anything is sent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kubechat_nlp.catalogue import Catalogue
from kubechat_nlp.cluster import ClusterView
from kubechat_nlp.context import ConversationContext
from kubechat_nlp.kind_table import standard_table
from kubechat_nlp.llm.client import ModelOutputError, ModelUnavailable, StructuredClient
from kubechat_nlp.llm.config import ModelConfig
from kubechat_nlp.llm.metrics import Metrics
from kubechat_nlp.llm.prompt import budget_chars, diagnosis_messages
from kubechat_nlp.llm.schema import diagnosis_schema
from kubechat_nlp.model import Clarification, Operation, Plan, Risk
from kubechat_nlp.render import render

_WHY = re.compile(r"^\s*(why|what('?s| is) wrong with|what happened to)\b", re.IGNORECASE)
_SUBJECT = re.compile(
    r"^\s*(?:why|what(?:'?s| is) wrong with|what happened to)\s+(?:is|are|does|do|did|was|"
    r"were|has|have|can'?t|isn'?t|won'?t)?\s*(?:my|the|our)?\s*(?P<name>[a-z0-9][a-z0-9.-]*)",
    re.IGNORECASE,
)
_NAMESPACE = re.compile(r"\b(?:in|namespace|ns|-n)\s+(?:the\s+)?(?P<ns>[a-z0-9][a-z0-9-]*)\b")
_NOT_NAMES = frozenset("it this that pod pods deployment deployment the my our".split())
_WORKLOADS = ("deployments", "statefulsets", "daemonsets", "pods")
LOG_TAIL = 100


def is_why_question(text: str) -> bool:
    return bool(_WHY.search(text))


def evidence_plan(
    question: str,
    catalogue: Catalogue,
    *,
    context: ConversationContext | None = None,
    cluster: ClusterView | None = None,
) -> Plan:
    """The read-only operations whose output explains the object the question is about."""
    ns_match = _NAMESPACE.search(question)
    namespace = ns_match.group("ns") if ns_match else (context.namespace if context else None)
    subject = _SUBJECT.search(question)
    name = subject.group("name").lower() if subject else None
    if (name is None or name in _NOT_NAMES) and context and context.last_target:
        name = context.last_target.targets[0]
    if name is None or name in _NOT_NAMES:
        return Plan(clarification=Clarification("Which workload should I look at?"))
    plural, full = "deployments", name
    if cluster is not None:
        found = [
            (p, live)
            for p in _WORKLOADS
            for live in cluster.names(p, namespace)
            if live == name or live.startswith(name)
        ]
        if not found:
            where = f" in namespace {namespace}" if namespace else ""
            return Plan(clarification=Clarification(f"I found no workload named '{name}'{where}."))
        plural, full = found[0]
    ref = standard_table().ref(plural)
    target = Operation("describe", ref, namespace, full)
    ops = [
        target,
        Operation("events", None, namespace, params={"for": f"{ref.kind.lower()}/{full}"}),
        Operation("logs", ref, namespace, full, params={"tail": LOG_TAIL}),
    ]
    if plural != "pods":
        ops.append(Operation("rollout.status", ref, namespace, full))
    operations = tuple(op for op in ops if op.verb in catalogue)
    return Plan(
        operations,
        tuple(render(op, catalogue) for op in operations),
        Risk.READ,
        0.8,
        engine="rules (diagnose)",
        explanation=f"Gathering evidence about {ref.kind.lower()}/{full} to explain it.",
    )


@dataclass(frozen=True, slots=True)
class Diagnosis:
    summary: str
    # 1-based indexes into the evidence the summary relies on.
    cited: tuple[int, ...]
    engine: str


def diagnose(
    question: str,
    evidence: list[tuple[str, str]],
    *,
    config: ModelConfig,
    client: StructuredClient,
    metrics: Metrics,
) -> Diagnosis:
    """Raises `ModelUnavailable` when the model does not answer."""
    budget = budget_chars(config.context_tokens, config.max_output_tokens)
    messages = diagnosis_messages(question, evidence, budget=budget)
    try:
        completion = client.complete(config, messages, diagnosis_schema(len(evidence)))
    except ModelUnavailable:
        metrics.request(config.name, latency_ms=0.0, error=True)
        raise
    except ModelOutputError:
        metrics.request(config.name, latency_ms=0.0)
        metrics.invalid(config.name, repaired=False)
        return Diagnosis("The model's answer could not be read.", (), f"llm:{config.name}")
    metrics.request(
        config.name,
        latency_ms=completion.latency_ms,
        prompt_tokens=completion.prompt_tokens,
        completion_tokens=completion.completion_tokens,
        cost_usd=(
            completion.prompt_tokens * config.input_price_per_mtok
            + completion.completion_tokens * config.output_price_per_mtok
        )
        / 1_000_000,
    )
    summary = completion.data.get("summary")
    cited_raw = completion.data.get("evidence")
    # Citations outside the evidence list are dropped: they would point at nothing.
    cited = tuple(
        sorted(
            {
                c
                for c in (cited_raw if isinstance(cited_raw, list) else [])
                if isinstance(c, int) and not isinstance(c, bool) and 1 <= c <= len(evidence)
            }
        )
    )
    text = summary.strip()[:600] if isinstance(summary, str) else ""
    return Diagnosis(text or "No diagnosis.", cited, f"llm:{config.name}")
