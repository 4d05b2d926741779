"""`python -m kubechat_nlp.evaluation [--engine rules|llm|hybrid] [model options] [--failures]`.

With `--engine hybrid` (or `llm`) the configured model is asked, and latency p50/p95, the
share of answers from the model and the fallback rate are printed with the accuracy.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from kubechat.stats import percentile
from kubechat_nlp.cluster import ClusterView
from kubechat_nlp.context import ConversationContext
from kubechat_nlp.engine import Engine, RulesEngine
from kubechat_nlp.evaluation.scoring import Report, read_jsonl, score_multiturn, score_single
from kubechat_nlp.llm.config import ModelConfig, ModelsFile, TenantModels
from kubechat_nlp.llm.hybrid import HybridEngine
from kubechat_nlp.llm.metrics import format_metrics
from kubechat_nlp.llm.registry import ModelRegistry
from kubechat_nlp.model import Plan

_HERE = Path(__file__).resolve()
# The shared evaluation data sits beside the repository (../shared/eval).
_DEFAULT_FILE = Path(__file__).resolve().parents[5].parent / "shared/eval/nl2kubectl-dev.jsonl"
_DEFAULT_MULTITURN = _HERE.parents[3] / "evaluation" / "multiturn.jsonl"


class TimedEngine:
    """Records each answer's latency and which engine gave it."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.latencies_ms: list[float] = []
        self.engines: list[str] = []
        self.fallbacks = 0

    def parse(
        self,
        text: str,
        *,
        context: ConversationContext | None = None,
        cluster: ClusterView | None = None,
    ) -> Plan:
        started = time.perf_counter()
        plan = self.engine.parse(text, context=context, cluster=cluster)
        self.latencies_ms.append((time.perf_counter() - started) * 1000)
        self.engines.append(plan.engine or "rules")
        self.fallbacks += bool(plan.fallback)
        return plan

    def summary(self) -> str:
        n = len(self.latencies_ms) or 1
        llm = sum(1 for e in self.engines if e.startswith("llm:"))
        return (
            f"  latency p50 {percentile(self.latencies_ms, 0.5):.1f} ms, "
            f"p95 {percentile(self.latencies_ms, 0.95):.1f} ms; "
            f"answered by the model {llm / n:.1%}; fallback rate {self.fallbacks / n:.1%}"
        )


def _print(title: str, report: Report, failures: bool) -> None:
    print(f"== {title}: {len(report.results)} cases")
    for category, acc in report.by_category().items():
        if "#" not in category:
            print(f"  {category:<16} {acc:.3f}")
    print(f"  {'overall':<16} {report.accuracy:.3f}")
    if failures:
        for r in report.failures():
            print(f"  FAIL {r.id}: {r.query}\n     want: {r.expected}\n     got:  {r.got}")


def _engine(args: argparse.Namespace) -> RulesEngine | HybridEngine:
    if args.engine == "rules":
        return RulesEngine()
    if args.models_file is not None:
        registry = ModelRegistry(path=args.models_file)
    elif args.model:
        config = ModelConfig(
            name=args.model,
            provider=args.provider,
            base_url=args.base_url,
            model=args.model,
            api_key_env=args.api_key_env,
            structured_output=args.structured_output,
            timeout_seconds=args.timeout,
            context_tokens=args.context_tokens,
        )
        registry = ModelRegistry(
            ModelsFile(models=(config,), default=TenantModels(model=args.model))
        )
    else:
        # The configured model: the service's own settings (KUBECHAT_LLM_* environment).
        from kubechat_nlp.config import NlpSettings
        from kubechat_nlp.llm.settings import hybrid_from_settings

        settings = NlpSettings(engine=args.engine)
        if not settings.llm_model and settings.llm_models_file is None:
            raise SystemExit(
                "--engine llm/hybrid needs a model: --model/--base-url, --models-file, or "
                "KUBECHAT_LLM_MODEL/KUBECHAT_LLM_BASE_URL (or KUBECHAT_LLM_MODELS_FILE)"
            )
        return hybrid_from_settings(settings)
    return HybridEngine(
        registry, confidence_threshold=args.threshold, llm_only=args.engine == "llm"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kubechat_nlp.evaluation")
    parser.add_argument(
        "--file", type=Path, default=_DEFAULT_FILE, help="single-turn JSONL: id, query, kubectl"
    )
    parser.add_argument(
        "--multiturn",
        type=Path,
        default=_DEFAULT_MULTITURN,
        help="multi-turn JSONL: id, turns[{query, kubectl}]",
    )
    parser.add_argument("--failures", action="store_true", help="print every failed case")
    parser.add_argument("--engine", choices=("rules", "llm", "hybrid"), default="rules")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N cases")
    model = parser.add_argument_group("model (for --engine llm/hybrid)")
    model.add_argument("--models-file", type=Path, help="per-tenant models file (JSON)")
    model.add_argument("--provider", choices=("openai", "anthropic"), default="openai")
    model.add_argument("--base-url", default="", help="OpenAI-compatible base URL, .../v1")
    model.add_argument("--model", default="", help="model name sent to the endpoint")
    model.add_argument("--api-key-env", default="", help="environment variable with the key")
    model.add_argument(
        "--structured-output",
        choices=("auto", "tools", "json_schema", "json_object"),
        default="auto",
    )
    model.add_argument("--timeout", type=float, default=10.0, help="seconds per model call")
    model.add_argument("--context-tokens", type=int, default=8192, help="the model's window")
    model.add_argument("--threshold", type=float, default=0.75, help="rules confidence cut")
    args = parser.parse_args(argv)
    engine = _engine(args)
    timed = TimedEngine(engine)
    if args.file.exists():
        rows = read_jsonl(args.file)
        rows = rows[: args.limit] if args.limit else rows
        _print(str(args.file), score_single(timed, rows), args.failures)
    else:
        print(f"no such file: {args.file}", file=sys.stderr)
    if args.multiturn.exists():
        conversations = read_jsonl(args.multiturn)
        conversations = conversations[: args.limit] if args.limit else conversations
        report = score_multiturn(timed, conversations)
        print(f"== {args.multiturn}: {len(report.results)} turns")
        print(f"  {'multi-turn':<16} {report.accuracy:.3f}")
        if args.failures:
            for r in report.failures():
                print(f"  FAIL {r.id}: {r.query}\n     want: {r.expected}\n     got:  {r.got}")
    print(f"== engine {args.engine}: {len(timed.latencies_ms)} answers")
    print(timed.summary())
    if isinstance(engine, HybridEngine):
        print(format_metrics(engine.metrics.snapshot()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
