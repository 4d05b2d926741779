"""`python -m kubechat_nlp.evaluation.generator [--out DIR]`: write the generated sets and
the fallback's training sets from the probe vocabularies (default: the package's
`evaluation/data`, where they are committed)."""

from __future__ import annotations

import argparse
from pathlib import Path

from kubechat_nlp.evaluation.generator import write_sets
from kubechat_nlp.evaluation.generator.probe import write_training_sets

DATA_DIR = Path(__file__).resolve().parents[1] / "data"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kubechat_nlp.evaluation.generator")
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="directory to write into")
    args = parser.parse_args(argv)
    for path in [*write_sets(args.out), *write_training_sets(args.out)]:
        lines = sum(1 for _ in path.open(encoding="utf-8"))
        print(f"{path}: {lines} lines")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
