"""The JSON schema a model must answer in, built from the catalogue and the known kinds.

Enums keep grammar-constrained servers (llama.cpp) from inventing verbs or kinds; length
caps keep a small model from rambling inside a string until the token limit.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kubechat_nlp.catalogue import Catalogue

TOOL_NAME = "propose_plan"

_PARAM_VALUE: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "maxLength": 200},
        {"type": "integer"},
        {"type": "boolean"},
        {"type": "array", "items": {"type": "string", "maxLength": 200}, "maxItems": 8},
    ]
}


def plan_schema(catalogue: Catalogue, kinds: Iterable[str]) -> dict[str, Any]:
    operation = {
        "type": "object",
        "properties": {
            "verb": {"type": "string", "enum": [e.name for e in catalogue.entries()]},
            # "" when the verb takes no kind (events, version, ...).
            "kind": {"type": "string", "enum": ["", *sorted(set(kinds))]},
            "names": {
                "type": "array",
                "items": {"type": "string", "maxLength": 63},
                "maxItems": 5,
            },
            "namespace": {"type": "string", "maxLength": 63},
            "all_namespaces": {"type": "boolean"},
            "label_selector": {"type": "string", "maxLength": 120},
            "params": {"type": "object", "additionalProperties": _PARAM_VALUE},
        },
        "required": ["verb", "kind", "names", "namespace"],
    }
    return {
        "type": "object",
        "properties": {
            "operations": {"type": "array", "items": operation, "maxItems": 4},
            # The model may ask instead of guessing; that becomes a clarification.
            "clarification": {"type": "string", "maxLength": 300},
        },
        "required": ["operations"],
    }


def diagnosis_schema(evidence_count: int) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            "summary": {"type": "string", "maxLength": 600},
            "evidence": {
                "type": "array",
                "items": {"type": "integer", "minimum": 1, "maximum": max(1, evidence_count)},
                "maxItems": max(1, evidence_count),
            },
        },
        "required": ["summary", "evidence"],
    }
