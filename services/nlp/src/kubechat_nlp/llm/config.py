"""Which model answers for whom: provider, endpoint, model name, key reference, prices.

Keys are never in the config itself, only a reference to where the secret lives (an
environment variable or a mounted secret file), so the file can be shown and versioned.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

StructuredMode = Literal["auto", "tools", "json_schema", "json_object"]

_ANTHROPIC_OPENAI_URL = "https://api.anthropic.com/v1/"


class ModelConfig(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    # The name metrics and plans show ("gemma-local", "gpt-4o-mini"); unique per file.
    name: str
    # "openai" covers every OpenAI-compatible server (vLLM, Ollama, llama.cpp, OpenAI);
    # "anthropic" uses Anthropic's OpenAI-compatible endpoint unless base_url says otherwise.
    provider: Literal["openai", "anthropic"] = "openai"
    base_url: str = ""
    model: str
    api_key_env: str = ""
    api_key_file: Path | None = None
    structured_output: StructuredMode = "auto"
    timeout_seconds: float = 10.0
    max_retries: int = 1
    backoff_seconds: float = 0.2
    # The model's window; prompts are cut to fit it (chars/3 as a conservative token guess).
    context_tokens: int = 2048
    max_output_tokens: int = 384
    temperature: float = 0.0
    seed: int | None = 1
    # USD per million tokens, for the estimated cost in metrics.
    input_price_per_mtok: float = 0.0
    output_price_per_mtok: float = 0.0

    def endpoint(self) -> str:
        if self.base_url:
            return self.base_url
        return _ANTHROPIC_OPENAI_URL if self.provider == "anthropic" else ""

    def api_key(self) -> str:
        """Read the key at request time: a rotated secret file works without a restart."""
        if self.api_key_file is not None:
            return self.api_key_file.read_text(encoding="utf-8").strip()
        if self.api_key_env:
            return os.environ.get(self.api_key_env, "")
        # Local servers (llama.cpp, Ollama, vLLM without auth) accept any key.
        return "unused"


class TenantModels(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    model: str
    # A/B: this share (0..100) of conversations goes to `b_model`, by conversation-id hash.
    b_model: str | None = None
    b_percent: int = Field(default=0, ge=0, le=100)


class ModelsFile(BaseModel):
    """The models file: `{"models": [...], "default": {...}, "tenants": {"acme": {...}}}`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    models: tuple[ModelConfig, ...] = ()
    default: TenantModels | None = None
    tenants: dict[str, TenantModels] = Field(default_factory=dict)

    def by_name(self) -> dict[str, ModelConfig]:
        return {m.name: m for m in self.models}
