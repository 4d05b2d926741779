from __future__ import annotations

from pathlib import Path
from typing import Literal

from kubechat.config import ServiceSettings
from kubechat_nlp.llm.config import StructuredMode


class NlpSettings(ServiceSettings):
    grpc_port: int = 7101
    # Conversation context lives in Redis so any nlp replica can continue any conversation.
    redis_url: str = "redis://127.0.0.1:6379/0"
    context_ttl_seconds: int = 3600
    # The executor, for live cluster views gathered as the asking user (names, kinds,
    # namespaces). Empty: parse without a view, as the offline CLI does.
    executor_address: str = "127.0.0.1:7102"
    # A view slower than this is skipped for the turn (the last one, if recent, is used).
    view_timeout_seconds: float = 0.3
    view_stale_seconds: float = 60.0

    # rules: no model at all. hybrid: rules first, the model for what they cannot place.
    # llm: the model for everything (the rules still answer while it is down).
    engine: Literal["rules", "llm", "hybrid"] = "rules"
    # Per-tenant models (see kubechat_nlp.llm.config.ModelsFile); re-read when it changes,
    # so a tenant's model is switched without a restart.
    llm_models_file: Path | None = None
    # Or one model for every tenant, without a file.
    llm_provider: Literal["openai", "anthropic"] = "openai"
    llm_base_url: str = ""
    llm_model: str = ""
    llm_api_key_env: str = ""
    llm_api_key_file: Path | None = None
    llm_structured_output: StructuredMode = "auto"
    llm_timeout_seconds: float = 10.0
    llm_max_retries: int = 1
    llm_context_tokens: int = 8192
    llm_max_output_tokens: int = 384
    # A rules plan at or above this confidence never goes to a model.
    llm_confidence_threshold: float = 0.75
    llm_breaker_failures: int = 3
    llm_breaker_reset_seconds: float = 30.0
