"""One structured-output call to an OpenAI-compatible endpoint, whatever it supports.

Endpoints differ in how they constrain output: OpenAI, vLLM and Anthropic honour a forced
tool call; Ollama and vLLM honour `response_format: json_schema`; llama-cpp-python's server
answers json_schema with HTTP 500 and wants `{"type": "json_object", "schema": ...}`. The
first mode that works is remembered per (endpoint, model), so detection costs one failed
request per process, not one per question.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

import openai

from kubechat_nlp.llm.config import ModelConfig, StructuredMode
from kubechat_nlp.llm.schema import TOOL_NAME

log = logging.getLogger(__name__)

_MODES: tuple[StructuredMode, ...] = ("tools", "json_schema", "json_object")


class ModelUnavailable(Exception):
    """The endpoint did not answer (down, timeout, 5xx, auth): fall back to the rules."""


class ModelOutputError(Exception):
    """The endpoint answered, but not with JSON in the requested shape."""


@dataclass(frozen=True, slots=True)
class Completion:
    data: dict[str, Any]
    mode: StructuredMode
    prompt_tokens: int
    completion_tokens: int
    latency_ms: float


class StructuredClient:
    def __init__(self) -> None:
        self._modes: dict[tuple[str, str], StructuredMode] = {}
        self._clients: dict[tuple[str, str], openai.OpenAI] = {}
        self._lock = threading.Lock()

    def known_mode(self, config: ModelConfig) -> StructuredMode | None:
        return self._modes.get((config.endpoint(), config.model))

    def complete(
        self, config: ModelConfig, messages: list[dict[str, str]], schema: dict[str, Any]
    ) -> Completion:
        key = (config.endpoint(), config.model)
        if config.structured_output != "auto":
            return self._with_retries(config, config.structured_output, messages, schema)
        known = self._modes.get(key)
        if known is not None:
            return self._with_retries(config, known, messages, schema)
        last: Exception | None = None
        for mode in _MODES:
            try:
                result = self._with_retries(config, mode, messages, schema, detecting=True)
            except _ModeRejected as exc:
                log.info("%s: %s output not supported (%s)", config.name, mode, exc)
                last = exc
                continue
            self._modes[key] = mode
            log.info("%s: structured output through %s", config.name, mode)
            return result
        raise ModelUnavailable(f"no structured-output mode works: {last}")

    # --- one mode, with retries ---------------------------------------------------------
    def _with_retries(
        self,
        config: ModelConfig,
        mode: StructuredMode,
        messages: list[dict[str, str]],
        schema: dict[str, Any],
        *,
        detecting: bool = False,
    ) -> Completion:
        attempt = 0
        while True:
            try:
                return self._once(config, mode, messages, schema, detecting=detecting)
            except _ModeRejected:
                raise
            except ModelUnavailable:
                if attempt >= config.max_retries:
                    raise
                # Exponential backoff: a restarting server gets a moment, a dead one is
                # given up on quickly (the breaker then stops asking altogether).
                time.sleep(config.backoff_seconds * (2**attempt))
                attempt += 1

    def _client(self, config: ModelConfig) -> openai.OpenAI:
        key = (config.endpoint(), config.model)
        with self._lock:
            client = self._clients.get(key)
            if client is None:
                client = openai.OpenAI(
                    base_url=config.endpoint() or None,
                    api_key=config.api_key(),
                    max_retries=0,  # our own retry loop, so the breaker sees each failure
                    timeout=config.timeout_seconds,
                )
                self._clients[key] = client
        client.api_key = config.api_key()
        return client

    def _once(
        self,
        config: ModelConfig,
        mode: StructuredMode,
        messages: list[dict[str, str]],
        schema: dict[str, Any],
        *,
        detecting: bool,
    ) -> Completion:
        kwargs: dict[str, Any] = {
            "model": config.model,
            "messages": messages,
            "temperature": config.temperature,
            "max_tokens": config.max_output_tokens,
        }
        if config.seed is not None:
            kwargs["seed"] = config.seed
        if mode == "tools":
            kwargs["tools"] = [
                {
                    "type": "function",
                    "function": {
                        "name": TOOL_NAME,
                        "description": "Propose the operations that fulfil the request",
                        "parameters": schema,
                    },
                }
            ]
            kwargs["tool_choice"] = {"type": "function", "function": {"name": TOOL_NAME}}
        elif mode == "json_schema":
            kwargs["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": TOOL_NAME, "schema": schema, "strict": False},
            }
        else:
            kwargs["response_format"] = {"type": "json_object", "schema": schema}
        started = time.perf_counter()
        try:
            response = self._client(config).chat.completions.create(**kwargs)
        except (openai.APIConnectionError, openai.APITimeoutError, openai.RateLimitError) as exc:
            raise ModelUnavailable(f"{type(exc).__name__}: {exc}") from exc
        except openai.APIStatusError as exc:
            if detecting and exc.status_code in (400, 404, 415, 422, 500, 501):
                raise _ModeRejected(f"HTTP {exc.status_code}") from exc
            raise ModelUnavailable(f"HTTP {exc.status_code}: {exc.message}") from exc
        latency_ms = (time.perf_counter() - started) * 1000
        text = _payload(response, mode)
        if text is None:
            if detecting:
                raise _ModeRejected("no structured payload in the reply")
            raise ModelOutputError("the reply holds no structured payload")
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise ModelOutputError(f"the reply is not JSON: {exc}") from exc
        if not isinstance(data, dict):
            raise ModelOutputError("the reply is not a JSON object")
        usage = response.usage
        return Completion(
            data,
            mode,
            usage.prompt_tokens if usage else 0,
            usage.completion_tokens if usage else 0,
            latency_ms,
        )


class _ModeRejected(ModelUnavailable):
    """This endpoint does not do this structured-output mode; try the next one."""


def _payload(response: Any, mode: StructuredMode) -> str | None:
    if not response.choices:
        return None
    message = response.choices[0].message
    if mode == "tools":
        calls = message.tool_calls or []
        for call in calls:
            if getattr(call, "function", None) and call.function.name == TOOL_NAME:
                return str(call.function.arguments)
        return None
    content: str | None = message.content
    return content or None
