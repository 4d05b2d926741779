"""`python -m kubechat_nlp.evaluation [--file F] [--multiturn M] [--failures]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kubechat_nlp.engine import RulesEngine
from kubechat_nlp.evaluation.scoring import Report, read_jsonl, score_multiturn, score_single

_HERE = Path(__file__).resolve()
_DEFAULT_FILE = Path("/work/shared/eval/nl2kubectl-dev.jsonl")
_DEFAULT_MULTITURN = _HERE.parents[3] / "evaluation" / "multiturn.jsonl"


def _print(title: str, report: Report, failures: bool) -> None:
    print(f"== {title}: {len(report.results)} cases")
    for category, acc in report.by_category().items():
        if "#" not in category:
            print(f"  {category:<16} {acc:.3f}")
    print(f"  {'overall':<16} {report.accuracy:.3f}")
    if failures:
        for r in report.failures():
            print(f"  FAIL {r.id}: {r.query}\n     want: {r.expected}\n     got:  {r.got}")


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
    args = parser.parse_args(argv)
    engine = RulesEngine()
    if args.file.exists():
        _print(str(args.file), score_single(engine, read_jsonl(args.file)), args.failures)
    else:
        print(f"no such file: {args.file}", file=sys.stderr)
    if args.multiturn.exists():
        report = score_multiturn(engine, read_jsonl(args.multiturn))
        print(f"== {args.multiturn}: {len(report.results)} turns")
        print(f"  {'multi-turn':<16} {report.accuracy:.3f}")
        if args.failures:
            for r in report.failures():
                print(f"  FAIL {r.id}: {r.query}\n     want: {r.expected}\n     got:  {r.got}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
