"""Words left out of a second request come from the first: "scale web to 3 and api to 2"
is two scales, "restart web and api" one restart of both (the rules read that already)."""

from __future__ import annotations

import re

_SCALE_HEAD = re.compile(r"^(?:scale|resize|set)\b", re.IGNORECASE)
# ", and api to 2", "and api to 2": a name and a count with no verb of its own
_CLOSING_SCOPE = re.compile(
    r"\s+((?:in|on|-n|--namespace|namespace)\s+(?:the\s+)?[a-z0-9][a-z0-9-]*(?:\s+(?:namespace|ns))?)"
    r"\s*[.!]?\s*$",
    re.IGNORECASE,
)
_GAPPED_COUNT = re.compile(
    r"(?:,\s*|\s+)(?:and\s+)?([a-z0-9][a-z0-9-]*)\s+to\s+(\d+)\b", re.IGNORECASE
)


def with_verbs_restored(text: str) -> str:
    """`text` with a left-out verb written back into each gapped clause."""
    if not _SCALE_HEAD.match(text):
        return text
    first = _GAPPED_COUNT.search(text)
    if first is None:
        return text
    verb = text.split(maxsplit=1)[0]
    # "… and api to 2 in shop": the closing scope is every clause's
    scope = _CLOSING_SCOPE.search(text)
    where = f" {scope.group(1)}" if scope else ""
    if scope:
        text = text[: scope.start()]
    head, rest = text[: first.end()], text[first.end() :]
    rest = _GAPPED_COUNT.sub(lambda m: f" and {verb} {m.group(1)} to {m.group(2)}{where}", rest)
    return head + where + rest
