"""The JSON schema a model must answer in, built from the catalogue and the known kinds.

Enums keep grammar-constrained servers (llama.cpp) from inventing verbs, kinds, names or
namespaces; length caps on the remaining free strings keep a small model from rambling
until the token limit. Endpoints that ignore the schema are caught by `validate.py`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kubechat_nlp.catalogue import Catalogue

TOOL_NAME = "propose_plan"

_PARAM_VALUE: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "maxLength": 100},
        {"type": "integer"},
        {"type": "boolean"},
        {"type": "array", "items": {"type": "string", "maxLength": 100}, "maxItems": 8},
    ]
}


def _choice(values: Iterable[str], *, empty: bool = False) -> dict[str, Any]:
    options = sorted(set(values))
    return {"type": "string", "enum": ["", *options] if empty else options}


def plan_schema(
    catalogue: Catalogue,
    kinds: Iterable[str],
    names: Iterable[str] = (),
    namespaces: Iterable[str] = (),
) -> dict[str, Any]:
    """`names` and `namespaces`: what the request, the conversation and the cluster offer.
    The model picks from them instead of writing free text: it cannot invent a target, and
    a small model cannot ramble inside a string."""
    name_list = sorted(set(names))
    name_items: dict[str, Any] = (
        {"type": "array", "items": _choice(name_list), "maxItems": 5}
        if name_list
        else {"type": "array", "maxItems": 0}
    )
    operation = {
        "type": "object",
        "properties": {
            # Only runnable operations: the model cannot propose what KubeChat cannot run.
            "verb": {"type": "string", "enum": [e.name for e in catalogue.runnable()]},
            # "" when the verb takes no kind (events, version, ...).
            "kind": {"type": "string", "enum": ["", *sorted(set(kinds))]},
            "names": name_items,
            "namespace": _choice(namespaces, empty=True),
            "all_namespaces": {"type": "boolean"},
            "label_selector": {"type": "string"},
            "params": {"type": "object", "additionalProperties": _PARAM_VALUE},
        },
        "required": ["verb", "kind", "names", "namespace"],
    }
    return {
        "type": "object",
        "properties": {
            "operations": {"type": "array", "items": operation, "maxItems": 4},
            # The model may ask instead of guessing; that becomes a clarification.
            "clarification": {"type": "string"},
        },
        "required": ["operations"],
    }


def diagnosis_schema(evidence_count: int) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            "summary": {"type": "string"},
            "evidence": {
                "type": "array",
                "items": {"type": "integer", "minimum": 1, "maximum": max(1, evidence_count)},
                "maxItems": max(1, evidence_count),
            },
        },
        "required": ["summary", "evidence"],
    }
