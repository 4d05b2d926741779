"""NlpSettings → the hybrid engine: one model from the settings, or the per-tenant file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kubechat_nlp.llm.config import ModelConfig, ModelsFile, TenantModels
from kubechat_nlp.llm.hybrid import HybridEngine
from kubechat_nlp.llm.registry import ModelRegistry

if TYPE_CHECKING:
    from kubechat_nlp.config import NlpSettings


def registry_from_settings(settings: NlpSettings) -> ModelRegistry:
    if settings.llm_models_file is not None:
        return ModelRegistry(path=settings.llm_models_file)
    if not settings.llm_model:
        return ModelRegistry()
    single = ModelConfig(
        name=settings.llm_model,
        provider=settings.llm_provider,
        base_url=settings.llm_base_url,
        model=settings.llm_model,
        api_key_env=settings.llm_api_key_env,
        api_key_file=settings.llm_api_key_file,
        structured_output=settings.llm_structured_output,
        timeout_seconds=settings.llm_timeout_seconds,
        max_retries=settings.llm_max_retries,
        context_tokens=settings.llm_context_tokens,
        max_output_tokens=settings.llm_max_output_tokens,
    )
    return ModelRegistry(ModelsFile(models=(single,), default=TenantModels(model=single.name)))


def hybrid_from_settings(settings: NlpSettings) -> HybridEngine:
    return HybridEngine(
        registry_from_settings(settings),
        confidence_threshold=settings.llm_confidence_threshold,
        breaker_failures=settings.llm_breaker_failures,
        breaker_reset_seconds=settings.llm_breaker_reset_seconds,
        llm_only=settings.engine == "llm",
    )
