"""Generated evaluation sets: single-turn requests and multi-turn conversations, made
from a vocabulary written independently of the parser, in two splits.

`dev` may be read and debugged against; `blind` uses another seed and vocabulary held
out from dev, and is only ever scored in aggregate. Everything is seeded: the same code
writes the same bytes, which a unit test checks against the committed files.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kubechat_nlp.evaluation.generator.conversations import generate_conversations
from kubechat_nlp.evaluation.generator.singles import generate_single
from kubechat_nlp.evaluation.generator.vocab import Split

SEEDS: dict[Split, int] = {"dev": 20_251_001, "blind": 46_028_917}
SINGLE_COUNT = 5000
CONVERSATION_COUNT = 320


def file_names(split: Split) -> tuple[str, str]:
    return f"generated-{split}.jsonl", f"generated-{split}-multiturn.jsonl"


def _write(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    path.write_text(text, encoding="utf-8", newline="\n")


def write_sets(out_dir: Path) -> list[Path]:
    """Writes both splits into `out_dir`; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for split, seed in SEEDS.items():
        single_name, multi_name = file_names(split)
        _write(out_dir / single_name, generate_single(split, seed, SINGLE_COUNT))
        # The conversations get their own stream so that changing one set leaves the
        # other's bytes alone.
        _write(out_dir / multi_name, generate_conversations(split, seed + 1, CONVERSATION_COUNT))
        written += [out_dir / single_name, out_dir / multi_name]
    return written


__all__ = ["SEEDS", "file_names", "generate_conversations", "generate_single", "write_sets"]
