"""API group words said before a kind ("every batch job", "the apps deployments",
"rbac roles"): they qualify the kind, so a rule never takes them for an object's name."""

from __future__ import annotations

from kubechat_nlp.utterance import Utterance

# The API groups people name in front of a kind (kubectl's own groups, short forms).
_GROUPS = frozenset("batch apps core networking rbac policy autoscaling storage extensions".split())


def mark_group_words(u: Utterance) -> None:
    """Marks a group word right before a kind word as used: "delete every batch job"."""
    for mention in u.mentions:
        i = mention.start - 1
        if i >= 0 and u.norms[i] in _GROUPS and u.kind_at(i) is None and not u.tokens[i].quoted:
            u.used.add(i)
