"""Rules first, the model for the long tail, the rules again when the model is down.

A confident rules answer costs microseconds and is never sent to a model. What the rules
cannot place goes to the tenant's model (A/B by conversation). A slow or failing model
trips a per-model circuit breaker, and answers fall back to the rules immediately, marked
so the UI can say so; a half-open probe brings the model back by itself.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import replace

from kubechat_nlp.cluster import ClusterView
from kubechat_nlp.context import ConversationContext
from kubechat_nlp.engine import RulesEngine
from kubechat_nlp.llm.breaker import CircuitBreaker
from kubechat_nlp.llm.client import ModelUnavailable, StructuredClient
from kubechat_nlp.llm.config import ModelConfig
from kubechat_nlp.llm.diagnose import Diagnosis, diagnose, evidence_plan, is_why_question
from kubechat_nlp.llm.engine import LlmEngine
from kubechat_nlp.llm.metrics import Metrics
from kubechat_nlp.llm.registry import ModelRegistry
from kubechat_nlp.model import Plan
from kubechat_nlp.text import InputError, clean
from kubechat_nlp.undo import undo_last_change

log = logging.getLogger(__name__)

FALLBACK_ENGINE = "rules (llm unavailable)"


class HybridEngine:
    def __init__(
        self,
        registry: ModelRegistry,
        *,
        rules: RulesEngine | None = None,
        client: StructuredClient | None = None,
        metrics: Metrics | None = None,
        confidence_threshold: float = 0.75,
        breaker_failures: int = 3,
        breaker_reset_seconds: float = 30.0,
        llm_only: bool = False,
    ) -> None:
        self.registry = registry
        self.rules = rules or RulesEngine().warmed()
        self.client = client or StructuredClient()
        self.metrics = metrics or Metrics()
        self.threshold = confidence_threshold
        # llm_only: every request goes to the model (evaluation of the model alone); the
        # rules still answer when it is down.
        self.llm_only = llm_only
        self._breaker_failures = breaker_failures
        self._breaker_reset = breaker_reset_seconds
        self._breakers: dict[tuple[str, str], CircuitBreaker] = {}
        self._lock = threading.Lock()

    def breaker(self, config: ModelConfig) -> CircuitBreaker:
        key = (config.name, config.endpoint())
        with self._lock:
            if key not in self._breakers:
                self._breakers[key] = CircuitBreaker(self._breaker_failures, self._breaker_reset)
            return self._breakers[key]

    def parse(
        self,
        text: str,
        *,
        context: ConversationContext | None = None,
        cluster: ClusterView | None = None,
        tenant: str = "",
        conversation_id: str = "",
    ) -> Plan:
        if is_why_question(text):
            # "Why is checkout crashing?" wants evidence first (describe, events, logs,
            # rollout status), then `diagnose` over what the executor returned.
            return evidence_plan(text, self.rules.catalogue, context=context, cluster=cluster)
        rules_plan = self.rules.parse(text, context=context, cluster=cluster)
        if undo_last_change(text, context, self.rules.catalogue) is not None:
            # What ran is known exactly; a model would only guess at the undo.
            return replace(rules_plan, engine="rules")
        if not self.llm_only and self._confident(rules_plan):
            return replace(rules_plan, engine="rules")
        try:
            clean(text)
        except InputError:
            # Empty, binary, too long, injection phrasing: refused before any model sees it.
            return replace(rules_plan, engine="rules")
        config = self.registry.choose(tenant, conversation_id)
        if config is None:
            return replace(rules_plan, engine="rules")
        breaker = self.breaker(config)
        if not breaker.allow():
            self.metrics.fallback(config.name)
            return replace(rules_plan, engine=FALLBACK_ENGINE, fallback="llm circuit open")
        llm = LlmEngine(config, self.client, self.metrics, self.rules.catalogue)
        try:
            plan = llm.parse(text, context=context, cluster=cluster)
        except ModelUnavailable as exc:
            breaker.failure()
            self.metrics.fallback(config.name)
            log.warning("%s unavailable, rules answer instead: %s", config.name, exc)
            return replace(rules_plan, engine=FALLBACK_ENGINE, fallback="llm unavailable")
        breaker.success()
        return plan

    def diagnose(
        self,
        question: str,
        evidence: list[tuple[str, str]],
        *,
        tenant: str = "",
        conversation_id: str = "",
    ) -> Diagnosis:
        config = self.registry.choose(tenant, conversation_id)
        if config is None:
            return Diagnosis("No model is configured for diagnoses.", (), "none")
        breaker = self.breaker(config)
        if not breaker.allow():
            self.metrics.fallback(config.name)
            return Diagnosis("The model is unavailable; see the evidence.", (), FALLBACK_ENGINE)
        try:
            result = diagnose(
                question, evidence, config=config, client=self.client, metrics=self.metrics
            )
        except ModelUnavailable:
            breaker.failure()
            self.metrics.fallback(config.name)
            return Diagnosis("The model is unavailable; see the evidence.", (), FALLBACK_ENGINE)
        breaker.success()
        return result

    def _confident(self, plan: Plan) -> bool:
        if plan.clarification is not None:
            # The rules' questions are generic ("Which kind should I list?"); a model may
            # place the request. Unsafe requests are refused before, in `clean`.
            return False
        return plan.confidence >= self.threshold
