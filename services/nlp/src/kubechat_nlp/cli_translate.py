"""`kubechat-nlp translate`: JSON Lines `{"id", "query"}` in, `{"id", "kubectl", "risk",
"confidence"}` out. No cluster, no network; one line out per line in, in order."""

from __future__ import annotations

import json
from typing import Any, TextIO

from kubechat_nlp.engine import Engine, RulesEngine


def translate_line(engine: Engine, line: str) -> dict[str, Any]:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as err:
        return {"id": None, "error": f"invalid JSON: {err.msg}"}
    if not isinstance(row, dict) or not isinstance(row.get("query"), str):
        return {
            "id": row.get("id") if isinstance(row, dict) else None,
            "error": "each line must be an object with a string 'query'",
        }
    plan = engine.parse(row["query"])
    out: dict[str, Any] = {
        "id": row.get("id"),
        "kubectl": plan.kubectl[0] if plan.kubectl else None,
        "risk": plan.risk.name,
        "confidence": plan.confidence,
    }
    if len(plan.kubectl) > 1:
        out["operations"] = list(plan.kubectl)
    if plan.clarification is not None:
        out["clarification"] = {
            "question": plan.clarification.question,
            "choices": list(plan.clarification.choices),
        }
    return out


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
