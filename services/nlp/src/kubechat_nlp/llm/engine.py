"""The LLM engine: text → `Plan` through a model, behind the same `Engine` interface.

The model only proposes. Its JSON is validated against the catalogue and the cluster's
kinds, risk is recomputed by the shared rules, destructive targets must be ones the user
named, and kubectl is rendered by `render.py`. Invalid output is sent back once with the
error; a second failure becomes a clarification, never a plan.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from kubechat_nlp.catalogue import Catalogue, default_catalogue
from kubechat_nlp.cluster import ClusterView
from kubechat_nlp.context import ConversationContext
from kubechat_nlp.llm.client import (
    Completion,
    ModelOutputError,
    ModelUnavailable,
    StructuredClient,
)
from kubechat_nlp.llm.config import ModelConfig
from kubechat_nlp.llm.metrics import Metrics
from kubechat_nlp.llm.prompt import budget_chars, candidates, plan_messages
from kubechat_nlp.llm.safety import redact, widening_reason
from kubechat_nlp.llm.schema import plan_schema
from kubechat_nlp.llm.validate import InvalidOutput, kind_table, plurals, to_operations
from kubechat_nlp.model import Clarification, Plan
from kubechat_nlp.render import render
from kubechat_nlp.risk import operation_risk, plan_risk
from kubechat_nlp.text import InputError, clean

log = logging.getLogger(__name__)

# A model's plan is worth less than a confident rule: the UI shows it, and policy may ask
# for a confirmation on reads too.
LLM_CONFIDENCE = 0.7


@dataclass(frozen=True, slots=True)
class LlmEngine:
    """One model. Raises `ModelUnavailable` when the endpoint does not answer, so a caller
    (the hybrid engine) can fall back; every other outcome is a `Plan`."""

    config: ModelConfig
    client: StructuredClient
    metrics: Metrics
    catalogue: Catalogue

    @classmethod
    def create(
        cls,
        config: ModelConfig,
        client: StructuredClient | None = None,
        metrics: Metrics | None = None,
    ) -> LlmEngine:
        return cls(config, client or StructuredClient(), metrics or Metrics(), default_catalogue())

    @property
    def label(self) -> str:
        return f"llm:{self.config.name}"

    def parse(
        self,
        text: str,
        *,
        context: ConversationContext | None = None,
        cluster: ClusterView | None = None,
    ) -> Plan:
        try:
            request = clean(text)  # same hygiene as the rules: pasted output is not a request
        except InputError as err:
            return Plan(clarification=Clarification(str(err)), engine=self.label)
        kinds = kind_table(cluster)
        names, namespaces = candidates(redact(request), context, cluster)
        schema = plan_schema(self.catalogue, plurals(kinds), names, namespaces)
        budget = budget_chars(self.config.context_tokens, self.config.max_output_tokens)
        messages = plan_messages(
            request,
            catalogue=self.catalogue,
            kinds=kinds,
            context=context,
            cluster=cluster,
            budget=budget,
        )
        error = ""
        for attempt in range(2):
            completion = self._complete(messages, schema)
            try:
                if completion is None:
                    raise InvalidOutput("the reply was not JSON in the requested shape")
                return self._plan(completion, request, context, cluster)
            except InvalidOutput as exc:
                error = str(exc)
                self.metrics.invalid(self.config.name, repaired=attempt == 0)
                log.info("%s: invalid output (%s), attempt %d", self.label, error, attempt + 1)
                reply = json.dumps(completion.data) if completion else "(no JSON)"
                messages = [
                    *messages[:2],
                    {"role": "assistant", "content": reply[:2000]},
                    {"role": "user", "content": f"That answer is invalid: {error}. Answer again."},
                ]
        return Plan(
            clarification=Clarification(
                f"I could not turn that into a safe operation ({error}). Could you rephrase it?"
            ),
            engine=self.label,
        )

    def _complete(
        self, messages: list[dict[str, str]], schema: dict[str, object]
    ) -> Completion | None:
        try:
            completion = self.client.complete(self.config, messages, schema)
        except ModelOutputError:
            self.metrics.request(self.config.name, latency_ms=0.0)
            return None
        except ModelUnavailable:
            self.metrics.request(self.config.name, latency_ms=0.0, error=True)
            raise
        cost = (
            completion.prompt_tokens * self.config.input_price_per_mtok
            + completion.completion_tokens * self.config.output_price_per_mtok
        ) / 1_000_000
        self.metrics.request(
            self.config.name,
            latency_ms=completion.latency_ms,
            prompt_tokens=completion.prompt_tokens,
            completion_tokens=completion.completion_tokens,
            cost_usd=cost,
        )
        return completion

    def _plan(
        self,
        completion: Completion,
        request: str,
        context: ConversationContext | None,
        cluster: ClusterView | None,
    ) -> Plan:
        kinds = kind_table(cluster)
        ops = to_operations(completion.data, self.catalogue, kinds)
        if not ops:
            question = completion.data.get("clarification")
            if isinstance(question, str) and question.strip():
                return Plan(clarification=Clarification(question.strip()[:300]), engine=self.label)
            raise InvalidOutput("no operations and no clarification question")
        for op in ops:
            reason = widening_reason(
                op, operation_risk(op, self.catalogue), request, context, kinds
            )
            if reason is not None:
                # Not repaired: a model that widens a destructive target gets no second go.
                log.warning("%s: refused %s: %s", self.label, op.verb, reason)
                return Plan(
                    clarification=Clarification(
                        f"I will not propose that change: {reason}. Please name exactly what "
                        "to change."
                    ),
                    engine=self.label,
                )
        operations = tuple(ops)
        return Plan(
            operations,
            tuple(render(op, self.catalogue) for op in operations),
            plan_risk(operations, self.catalogue),
            LLM_CONFIDENCE,
            engine=self.label,
        )
