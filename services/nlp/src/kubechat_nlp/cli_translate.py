"""`kubechat-nlp translate`: JSON Lines in, one line out per line in, in order. No cluster,
no network.

- `{"id", "query"}` → `{"id", "kubectl", "risk", "confidence"}` (+ `operations` when the
  plan has several, `clarification` when it asks back).
- `{"id", "turns": [{"query"}, …]}` → `{"id", "turns": [{"kubectl", "risk",
  "operations"?, "clarification"?}, …]}`: one conversation, each turn parsed with the
  context the turns before it left, so any conversation set can be scored from outside.

A line that is not one of these gets `{"id", "error"}` and the exit status becomes 1.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from kubechat_nlp.engine import Engine, RulesEngine
from kubechat_nlp.model import Plan
from kubechat_nlp.undo import offline_conversation


def _answer(plan: Plan) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kubectl": plan.kubectl[0] if plan.kubectl else None,
        "risk": plan.risk.name,
    }
    if len(plan.kubectl) > 1:
        out["operations"] = list(plan.kubectl)
    if plan.clarification is not None:
        out["clarification"] = {
            "question": plan.clarification.question,
            "choices": list(plan.clarification.choices),
        }
    return out


def _conversation(engine: Engine, row: dict[str, Any]) -> dict[str, Any]:
    turns = row["turns"]
    if not isinstance(turns, list) or not all(
        isinstance(t, dict) and isinstance(t.get("query"), str) for t in turns
    ):
        return {
            "id": row.get("id"),
            "error": "'turns' must be a list of objects with a string 'query'",
        }
    plans = offline_conversation(engine, (turn["query"] for turn in turns))
    return {"id": row.get("id"), "turns": [_answer(plan) for plan in plans]}


def translate_line(engine: Engine, line: str) -> dict[str, Any]:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as err:
        return {"id": None, "error": f"invalid JSON: {err.msg}"}
    if isinstance(row, dict) and "turns" in row:
        return _conversation(engine, row)
    if not isinstance(row, dict) or not isinstance(row.get("query"), str):
        return {
            "id": row.get("id") if isinstance(row, dict) else None,
            "error": "each line must be an object with a string 'query' or a list of 'turns'",
        }
    plan = engine.parse(row["query"])
    out = {"id": row.get("id"), **_answer(plan), "confidence": plan.confidence}
    # Keep the single-request key order stable for readers that diff outputs.
    return {
        k: out[k]
        for k in ("id", "kubectl", "risk", "confidence", "operations", "clarification")
        if k in out
    }


def run_translate(stdin: TextIO, stdout: TextIO, engine: Engine | None = None) -> int:
    """Returns the exit status: 0, or 1 when any input line was not valid."""
    engine = engine or RulesEngine()
    status = 0
    for line in stdin:
        if not line.strip():
            continue
        out = translate_line(engine, line)
        if "error" in out:
            status = 1
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        stdout.flush()
    return status
