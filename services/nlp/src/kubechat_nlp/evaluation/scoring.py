"""Scoring single-turn (JSONL of id/query/kubectl) and multi-turn conversation files."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kubechat_nlp.context import ConversationContext
from kubechat_nlp.engine import Engine
from kubechat_nlp.evaluation.equivalence import equivalent


@dataclass(frozen=True, slots=True)
class CaseResult:
    id: str
    query: str
    expected: str
    got: str
    correct: bool


@dataclass(slots=True)
class Report:
    results: list[CaseResult] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return sum(r.correct for r in self.results) / len(self.results) if self.results else 0.0

    def by_category(self) -> dict[str, float]:
        groups: dict[str, list[bool]] = defaultdict(list)
        for r in self.results:
            groups[r.id.rsplit("-", 1)[0]].append(r.correct)
        return {k: sum(v) / len(v) for k, v in sorted(groups.items())}

    def failures(self) -> list[CaseResult]:
        return [r for r in self.results if not r.correct]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rows.append(json.loads(line))
    return rows


def score_single(engine: Engine, rows: Iterable[dict[str, Any]]) -> Report:
    report = Report()
    for row in rows:
        plan = engine.parse(row["query"])
        got = plan.kubectl[0] if plan.kubectl else ""
        ok = bool(got) and equivalent(got, row["kubectl"])
        report.results.append(CaseResult(row["id"], row["query"], row["kubectl"], got, ok))
    return report


def score_multiturn(engine: Engine, conversations: Iterable[dict[str, Any]]) -> Report:
    """Each conversation: {"id", "turns": [{"query", "kubectl"}]}; every turn is a case.

    `kubectl` may be a list when a turn yields several operations, or null when the turn
    must be answered with a clarifying question.
    """
    report = Report()
    for conv in conversations:
        context = ConversationContext()
        for n, turn in enumerate(conv["turns"], 1):
            plan = engine.parse(turn["query"], context=context)
            expected = turn["kubectl"]
            if expected is None:
                ok = plan.clarification is not None
                got = "<clarification>" if ok else " && ".join(plan.kubectl)
                exp_text = "<clarification>"
            else:
                exp_list = expected if isinstance(expected, list) else [expected]
                exp_text = " && ".join(exp_list)
                got = " && ".join(plan.kubectl)
                ok = len(plan.kubectl) == len(exp_list) and all(
                    equivalent(a, b) for a, b in zip(plan.kubectl, exp_list, strict=True)
                )
            report.results.append(CaseResult(f"{conv['id']}#{n}", turn["query"], exp_text, got, ok))
            context = context.after(plan)
    return report
