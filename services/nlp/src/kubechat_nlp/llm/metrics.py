"""Per-model counters: latency, tokens, errors, fallbacks, estimated cost."""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass, field

from kubechat.stats import percentile


@dataclass(slots=True)
class ModelStats:
    requests: int = 0
    errors: int = 0
    fallbacks: int = 0
    invalid_outputs: int = 0
    repairs: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0
    # The last 1000 latencies are enough for p50/p95 and bound the memory.
    latencies_ms: deque[float] = field(default_factory=lambda: deque(maxlen=1000))

    @property
    def error_rate(self) -> float:
        return self.errors / self.requests if self.requests else 0.0

    def as_dict(self) -> dict[str, float | int]:
        lat = list(self.latencies_ms)
        return {
            "requests": self.requests,
            "errors": self.errors,
            "error_rate": round(self.error_rate, 4),
            "fallbacks": self.fallbacks,
            "invalid_outputs": self.invalid_outputs,
            "repairs": self.repairs,
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "cost_usd": round(self.cost_usd, 6),
            "latency_p50_ms": round(percentile(lat, 0.5), 1),
            "latency_p95_ms": round(percentile(lat, 0.95), 1),
        }


class Metrics:
    """Thread-safe: the gRPC service parses in worker threads."""

    def __init__(self) -> None:
        self._stats: dict[str, ModelStats] = {}
        self._lock = threading.Lock()

    def _get(self, model: str) -> ModelStats:
        return self._stats.setdefault(model, ModelStats())

    def request(
        self,
        model: str,
        *,
        latency_ms: float,
        prompt_tokens: int = 0,
        completion_tokens: int = 0,
        cost_usd: float = 0.0,
        error: bool = False,
    ) -> None:
        with self._lock:
            s = self._get(model)
            s.requests += 1
            s.errors += int(error)
            s.latencies_ms.append(latency_ms)
            s.prompt_tokens += prompt_tokens
            s.completion_tokens += completion_tokens
            s.cost_usd += cost_usd

    def fallback(self, model: str) -> None:
        with self._lock:
            self._get(model).fallbacks += 1

    def invalid(self, model: str, *, repaired: bool) -> None:
        with self._lock:
            s = self._get(model)
            s.invalid_outputs += 1
            s.repairs += int(repaired)

    def snapshot(self) -> dict[str, dict[str, float | int]]:
        with self._lock:
            return {name: s.as_dict() for name, s in sorted(self._stats.items())}


def format_metrics(snapshot: dict[str, dict[str, float | int]]) -> str:
    """A table for terminals: one line per model."""
    cols = (
        "requests",
        "error_rate",
        "fallbacks",
        "invalid_outputs",
        "latency_p50_ms",
        "latency_p95_ms",
        "prompt_tokens",
        "completion_tokens",
        "cost_usd",
    )
    widths = [max(len(c), 10) for c in cols]
    lines = ["model".ljust(20) + " ".join(c.rjust(w) for c, w in zip(cols, widths, strict=True))]
    for name, row in snapshot.items():
        cells = (str(row[c]).rjust(w) for c, w in zip(cols, widths, strict=True))
        lines.append(name[:20].ljust(20) + " ".join(cells))
    return "\n".join(lines)
