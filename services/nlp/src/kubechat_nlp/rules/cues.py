"""Cues from the catalogue: every entry's everyday phrasings ("recycle the pods",
"take out of rotation") also select the rule that builds that entry, so a new phrasing is
a catalogue edit, not a new regex."""

from __future__ import annotations

import re

from kubechat_nlp.catalogue import Catalogue

# The rule that builds each catalogue entry (by entry name, or by the prefix before ".").
_RULE_OF: dict[str, str] = {
    "describe": "describe",
    "logs": "logs",
    "top": "top",
    "events": "events",
    "explain": "explain",
    "api-resources": "api-resources",
    "api-versions": "api-versions",
    "cluster-info": "cluster-info",
    "version": "version",
    "rollout": "rollout",
    "apply.view-last-applied": "apply-view",
    "diff": "diff",
    "wait": "wait",
    "auth": "auth",
    "config": "config",
    "scale": "scale",
    "autoscale": "autoscale",
    "set.image": "set-image",
    "set.env": "set-env",
    "set.resources": "set-resources",
    "set.serviceaccount": "set-serviceaccount",
    "label": "label",
    "annotate": "label",
    "patch": "patch",
    "edit": "edit",
    "exec": "exec",
    "attach": "attach",
    "port-forward": "port-forward",
    "cp": "cp",
    "debug": "debug",
    "apply": "apply",
    "create": "create",
    "run": "run",
    "expose": "expose",
    "replace": "replace",
    "cordon": "cordon",
    "uncordon": "uncordon",
    "taint": "taint",
    "drain": "drain",
    "delete": "delete",
}


def rule_of(entry_name: str) -> str | None:
    return _RULE_OF.get(entry_name) or _RULE_OF.get(entry_name.split(".", 1)[0])


def phrase_cues(catalogue: Catalogue) -> dict[str, str]:
    """Rule name → one regex alternative over all phrasings of the entries it builds."""
    phrases: dict[str, set[str]] = {}
    for entry in catalogue.entries():
        rule = rule_of(entry.name)
        if rule is None:
            continue  # `get` is the fallback: its phrasings ("show", "list") need no cue
        phrases.setdefault(rule, set()).update(entry.phrasings)
    return {
        rule: r"\b(?:"
        + "|".join(re.escape(p) for p in sorted(words, key=len, reverse=True))
        + r")\b"
        for rule, words in phrases.items()
    }
