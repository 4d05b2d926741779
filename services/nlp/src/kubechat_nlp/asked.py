"""Questions about a change are not requests for it: "should I delete pod web-1?", "did
someone scale web to 0?", "what happens if I drain node-1?", "I might delete web later".
Whatever operation such a sentence names, it is answered with words, never a plan."""

from __future__ import annotations

import re

from kubechat_nlp.model import Clarification

# How a question or a hedge opens (after the courtesy is set aside: "would you …" is a
# request, "would it be ok to …" a question), or a hedge anywhere.
_ASKS = re.compile(
    r"^(?:should|shall|would|might|did|was|were|has|have|had|does|why|when|who|whether|if"
    r"|could it|can it|will it|is it|are they|what if|what happens|what would"
    r"|how (?:would|do|does|can|could|should|to)|do you think|do (?:i|we) (?:need|have) to"
    r"|i (?:might|may)|(?:i'm|i am|we're|we are) (?:thinking|considering|planning)"
    r"|i was (?:going|planning) to|maybe|perhaps)\b"
    r"|\bnot sure\b|\bor not\??$",
    re.IGNORECASE,
)

ASKED = Clarification(
    "That reads like a question, so I changed nothing. To make the change, ask for it "
    "directly (for example 'delete pod web-1 in dev'); to look first, ask to see it.",
)


# "If its size is 2, scale mysql to 3": a condition, then the request itself.
_CONDITION_THEN_ASK = re.compile(r"^if\b[^?]*,\s*(?:then\s+)?[a-z]+\b(?![^?]*\?)", re.IGNORECASE)


def asks_about_a_change(text: str) -> bool:
    """True when `text` asks about or muses on a change rather than asking for one."""
    text = text.strip()
    if _CONDITION_THEN_ASK.search(text):
        return False
    return _ASKS.search(text) is not None
