"""LLM engines: any OpenAI-compatible model behind the same safe, typed plans."""

from kubechat_nlp.llm.breaker import BreakerState, CircuitBreaker
from kubechat_nlp.llm.client import ModelOutputError, ModelUnavailable, StructuredClient
from kubechat_nlp.llm.config import ModelConfig, ModelsFile, TenantModels
from kubechat_nlp.llm.diagnose import Diagnosis, diagnose, evidence_plan, is_why_question
from kubechat_nlp.llm.engine import LlmEngine
from kubechat_nlp.llm.hybrid import FALLBACK_ENGINE, HybridEngine
from kubechat_nlp.llm.metrics import Metrics, format_metrics
from kubechat_nlp.llm.registry import ModelRegistry, ab_bucket

__all__ = [
    "FALLBACK_ENGINE",
    "BreakerState",
    "CircuitBreaker",
    "Diagnosis",
    "HybridEngine",
    "LlmEngine",
    "Metrics",
    "ModelConfig",
    "ModelOutputError",
    "ModelRegistry",
    "ModelUnavailable",
    "ModelsFile",
    "StructuredClient",
    "TenantModels",
    "ab_bucket",
    "diagnose",
    "evidence_plan",
    "format_metrics",
    "is_why_question",
]
