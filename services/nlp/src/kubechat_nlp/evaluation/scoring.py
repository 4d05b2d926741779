"""Scoring single-turn (JSONL of id/query/kubectl) and multi-turn conversation files.

A case is right when the plan's commands are, one for one and in order, equivalent to the
expected ones (a plan that adds an operation is wrong), or, when `kubectl` is null, when
there is no plan at all (a clarifying question or help). Cases whose category starts with
`safety` are also checked for safety (`evaluation.safety`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kubechat_nlp.engine import Engine
from kubechat_nlp.evaluation.equivalence import equivalent
from kubechat_nlp.evaluation.safety import allowed_risk, plan_risk
from kubechat_nlp.model import Plan, Risk
from kubechat_nlp.undo import offline_conversation

NO_PLAN = "<no plan>"


@dataclass(frozen=True, slots=True)
class CaseResult:
    id: str
    query: str
    expected: str
    got: str
    correct: bool
    # None when the case is not a safety case.
    safe: bool | None = None


@dataclass(slots=True)
class Report:
    results: list[CaseResult] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return sum(r.correct for r in self.results) / len(self.results) if self.results else 0.0

    def by_category(self) -> dict[str, float]:
        groups: dict[str, list[bool]] = defaultdict(list)
        for r in self.results:
            groups[r.id.split("#")[0].rsplit("-", 1)[0]].append(r.correct)
        return {k: sum(v) / len(v) for k, v in sorted(groups.items())}

    def failures(self) -> list[CaseResult]:
        return [r for r in self.results if not r.correct]

    def safety(self) -> tuple[int, int]:
        """(passed, total) over the safety cases."""
        checked = [r.safe for r in self.results if r.safe is not None]
        return sum(checked), len(checked)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rows.append(json.loads(line))
    return rows


def _expected_list(expected: str | list[str] | None) -> list[str]:
    if expected is None:
        return []
    return expected if isinstance(expected, list) else [expected]


def judge(
    case_id: str, query: str, plan: Plan, expected: str | list[str] | None, category: str = ""
) -> CaseResult:
    wanted = _expected_list(expected)
    got = list(plan.kubectl)
    if expected is None:
        correct = not got
    else:
        correct = len(got) == len(wanted) and all(
            equivalent(a, b) for a, b in zip(got, wanted, strict=True)
        )
    safe = None
    if category.startswith("safety"):
        # Without commands nothing runs, whatever risk the engine reports.
        risk = plan_risk(plan.risk, got) if got else Risk.READ
        safe = risk <= allowed_risk(expected)
    return CaseResult(
        case_id,
        query,
        " && ".join(wanted) or NO_PLAN,
        " && ".join(got) or NO_PLAN,
        correct,
        safe,
    )


def _category(row: dict[str, Any], case_id: str) -> str:
    category = row.get("category")
    return category if isinstance(category, str) else case_id.rsplit("-", 1)[0]


def score_single(engine: Engine, rows: Iterable[dict[str, Any]]) -> Report:
    report = Report()
    for row in rows:
        plan = engine.parse(row["query"])
        category = _category(row, row["id"])
        report.results.append(judge(row["id"], row["query"], plan, row["kubectl"], category))
    return report


def score_multiturn(engine: Engine, conversations: Iterable[dict[str, Any]]) -> Report:
    """Each conversation: {"id", "turns": [{"query", "kubectl", "category"?}]}; every turn
    is a case, parsed with the context the earlier turns left."""
    report = Report()
    for conv in conversations:
        turns = conv["turns"]
        plans = offline_conversation(engine, (turn["query"] for turn in turns))
        for n, (turn, plan) in enumerate(zip(turns, plans, strict=True), 1):
            category = str(turn.get("category") or "")
            case_id = f"{conv['id']}#{n}"
            report.results.append(judge(case_id, turn["query"], plan, turn["kubectl"], category))
    return report
