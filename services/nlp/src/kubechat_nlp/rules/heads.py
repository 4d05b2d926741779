"""Where a request's main verb is: after the lead words ("hey, could you please just …"),
and whether it asks to look at something."""

from __future__ import annotations

# Words before the main verb of a request: "hey, could you please just …".
LEAD_WORDS = frozenset(
    """hey hi hello ok okay so yo please pls plz kindly just quickly quick now also and then
um uh could would will you u i we want wanna need like to i'd let's lets go ahead , ok,
maybe pretty mind only""".split()
)
# A request that starts by asking to look at something never becomes a change. (Not
# "only", "did", "monitor": "only delete pod x", "did you delete x?", "monitor api and
# restart it" open changes or questions about them.)
READ_HEADS = frozenset(
    """show list get display describe what what's whats which how tell check view see find
fetch print is are why who where when count look lookup inspect gimme lemme details detail
info read grab enumerate export does spit select query analyze analyse peek watch""".split()
) | frozenset(
    # a request that opens with the kind, in the plural, lists it ("pods labeled app=web")
    """pods deployments services nodes namespaces jobs cronjobs configmaps secrets
statefulsets daemonsets ingresses replicasets events pvcs endpoints""".split()
)
# Verbs that open a request to look at something ("fetch logs for web-1", "read the output
# of api", "enumerate the jobs"): the verb, never the object's name.
LOOK_VERBS = frozenset(
    """show list get display describe print view see find fetch read grab pull check look
lookup inspect enumerate give tell dump watch follow monitor track observe count gimme lemme
examine export spit select query analyze analyse peek""".split()
)


def main_verb(text: str) -> tuple[int, str, str]:
    """Character offset of the main verb, the verb and the word after it."""
    words = text.split(" ")
    offset = 0
    for i, word in enumerate(words):
        if word not in LEAD_WORDS:
            nxt = words[i + 1] if i + 1 < len(words) else ""
            return offset, word, nxt
        offset += len(word) + 1
    return offset, "", ""


def opens_with_a_look(text: str) -> bool:
    """The request opens by asking to see something ("show", "list", "what", "is"…)."""
    _, head, after = main_verb(text)
    return head in READ_HEADS and not (head == "get" and after in ("rid", "into"))
