"""Cues from the catalogue: every entry's everyday phrasings ("recycle the pods",
"take out of rotation") also select the rule that builds that entry, so a new phrasing is
a catalogue edit, not a new regex."""

from __future__ import annotations

import re

from kubechat_nlp.catalogue import Catalogue, CatalogueEntry
from kubechat_nlp.wording import phrasings_of

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


# The entries the hand-written rules build. Any other entry (one added to the catalogue
# later) is read by the generic builder from its own declaration.
_HAND_BUILT = frozenset(
    """get describe logs top.pod top.node events explain api-resources api-versions cluster-info
cluster-info.dump version rollout.status rollout.history apply.view-last-applied diff wait
auth.can-i auth.whoami config.view config.get-contexts config.current-context
config.get-clusters config.use-context config.set-context config.set-cluster
config.rename-context config.delete-context config.unset scale autoscale rollout.restart
rollout.undo rollout.pause rollout.resume set.image set.env set.resources set.serviceaccount
label annotate patch edit exec attach port-forward cp debug apply create create.namespace
create.deployment create.job create.cronjob create.configmap create.secret.generic
create.secret.tls create.service create.serviceaccount create.ingress
create.poddisruptionbudget create.quota create.role create.clusterrole create.rolebinding
create.clusterrolebinding create.token run expose replace cordon uncordon taint drain
delete""".split()
)


def rule_of(entry_name: str) -> str | None:
    if entry_name not in _HAND_BUILT:
        return None
    return _RULE_OF.get(entry_name) or _RULE_OF.get(entry_name.split(".", 1)[0])


# Words a phrasing's reader may add or leave out: "recycle the pods", "recycle its pods",
# "recycle pods" are one phrasing.
_DETERMINERS = frozenset(
    "a an the its it's their his her my our your this that these those all".split()
)
_DETERMINER = r"(?: (?:" + "|".join(sorted(_DETERMINERS)) + r"))*"
# Endings of the opening verb: "bouncing", "restarted" read as their phrasing (never a
# plural: "deploys in prod" asks for deployments).
_ENDINGS = r"(?:d|ed|ing)?"


def phrase_regex(phrase: str, object_slot: str = r"(?:it|them|x-name)") -> str:
    """A phrasing as a pattern over the shaped text: determiners optional between its words,
    the opening word in any of its regular forms, and room for the object after it."""
    words = [w for w in phrase.split() if w not in _DETERMINERS] or phrase.split()
    first = re.escape(words[0])
    if words[0].isalpha() and len(words[0]) > 2:
        # "restart" → restarted/restarting; a final "e" drops before "ing"
        stem = first[:-1] + "(?:e|(?=ing))" if words[0].endswith("e") else first
        first = stem + _ENDINGS
    if len(words) > 1:
        # the object may sit inside a phrasal verb: "take node-3 out of rotation"
        first += rf"(?: {object_slot})?"
    rest = "".join(_DETERMINER + " " + re.escape(w) for w in words[1:])
    return first + rest


def phrasings_pattern(
    phrasings: set[str] | tuple[str, ...], object_slot: str = r"(?:it|them|x-name)"
) -> re.Pattern[str]:
    words = sorted(phrasings, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(phrase_regex(p, object_slot) for p in words) + r")\b")


def phrase_cues(catalogue: Catalogue) -> dict[str, re.Pattern[str]]:
    """Rule name → the phrasings of the entries it builds."""
    phrases: dict[str, set[str]] = {}
    for entry in catalogue.entries():
        rule = rule_of(entry.name)
        if rule is not None:
            phrases.setdefault(rule, set()).update(phrasings_of(entry))
    return {rule: phrasings_pattern(words) for rule, words in phrases.items()}


def unruled_entries(catalogue: Catalogue) -> list[tuple[CatalogueEntry, re.Pattern[str]]]:
    """Entries no hand-written rule builds, with their phrasings (`get` excepted: it is
    the fallback, and "show"/"list" need no cue)."""
    return [
        (entry, phrasings_pattern(phrasings_of(entry)))
        for entry in catalogue.entries()
        if entry.name not in _HAND_BUILT and entry.phrasings
    ]
