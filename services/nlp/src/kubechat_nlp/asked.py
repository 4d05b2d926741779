"""Questions about a change are not requests for it: "should I delete pod web-1?", "did
someone scale web to 0?", "what happens if I drain node-1?", "I might delete web later",
and neither are reports of one ("web was restarted", "api keeps restarting"). Whatever
operation such a sentence names, it is answered with words, never a plan."""

from __future__ import annotations

import re

from kubechat_nlp.model import Clarification

# How a question or a hedge opens (after the courtesy is set aside: "would you …" is a
# request, "would it be ok to …" a question), or a hedge anywhere.
_ASKS = re.compile(
    # "have web run 3 replicas" orders; "have you run …" asks
    # ("were gonna need 4 of web" is "we're", typed in a hurry)
    r"^(?:should|shall|would|might|did|was|were(?! gonna| going to| about to)|has|had|does|why"
    r"|when|who|whether|if"
    r"|have(?!\s+(?!you |we |i |they )(?:\S+\s+){1,10}?run\s+\S+\s+\w)"
    r"|could it|can it|will it|is it|are they|what if|what happens|what would|what will"
    r"|how (?:would|do|does|can|could|should|to)|do you think|do (?:i|we) (?:need|have) to"
    r"|i (?:might|may)|(?:i'm|i am|we're|we are) (?:thinking|considering|planning)"
    r"|i was (?:going|planning) to|maybe|perhaps)\b"
    r"|\bnot sure\b|\bor not\??$",
    re.IGNORECASE,
)

ASKED = Clarification(
    "That reads like a question or a report, so I changed nothing. To make the change, ask "
    "for it directly (for example 'delete pod web-1 in dev'); to look first, ask to see it "
    "(for example 'why is web-1 restarting?').",
)


# "If its size is 2, scale mysql to 3": a condition, then the request itself.
_CONDITION_THEN_ASK = re.compile(r"^if\b[^?]*,\s*(?:then\s+)?[a-z]+\b(?![^?]*\?)", re.IGNORECASE)


# What happened or keeps happening, said as a statement: "web was restarted", "api keeps
# restarting", "node-1 was drained yesterday", "rollback didn't work". One clause only: a
# statement followed by a request ("web has 12 replicas, take 4 away") is a request.
_TELLS = re.compile(
    # ("web can keep rolling out now" lets it go on)
    r"(?<!can )(?<!may )\b(?:was|were|is being|are being|been|got|gets|keeps?|kept)\s+"
    r"(?:\w+\s+){0,2}?"
    r"(?:restart|roll|scal|drain|delet|cordon|paus|evict|remov|updat|kill|terminat)\w*(?![\w-])"
    r"|\b(?:restarts|restarting) (?:every|a lot|constantly|all the time|again|repeatedly)\b"
    r"|\b(?:didn't|doesn't|does not|did not|won't|isn't) (?:work|help|working|helping)\b"
    r"|\b(?:takes|took|taking) (?:forever|too long|ages)\b"
    # a state, not an order: "the rollout of api is paused", "web has 3 replicas"
    r"|\b(?:is|are) (?:paused|stuck|still|already)\b"
    r"|^(?!could |can |would |will |have |make |let |get )\S+(?: (?!should|must|needs)\S+)?"
    r" (?:has|have|runs|run|is running|is at) \d+ "
    r"(?:replicas?|pods?|copies|instances)\W*$|\brestart count\b|\brestarts (?:are|is|were)\b",
    re.IGNORECASE,
)


# A change the user says not to make ("don't restart web", "never scale web to 0"), or a
# question about a kubectl command rather than a request to run it ("explain kubectl
# drain", "what does kubectl delete do").
_ABOUT_A_COMMAND = (
    r"^(?:explain|describe)\s+(?:the\s+)?(?:command\s+)?kubectl\b"
    r"|\bwhat (?:does|would|will) (?:the command )?kubectl\b"
    # "could you explain what kubectl delete namespace staging does"
    r"|\b(?:explain|tell me|describe)\b.{0,20}\b(?:what|how)\s+(?:the (?:command )?)?`?kubectl\b"
    # "what would happen if someone ran kubectl delete pod x?"
    r"|\bwhat (?:would|will|could) happen if\b.{0,40}\bkubectl\b"
    # "explain this command to me: kubectl delete ns shop"
    r"|^(?:explain|describe|decode|break down)\b.{0,30}\b(?:command|cmd|line)\b.{0,20}\bkubectl\b"
    # "carol pinged kubectl delete deploy frontend --force, is it safe?": asked about
    r"|\bkubectl\b[^?]{0,120}[,;:-]\s*(?:is (?:it|that|this)|would (?:it|that)|should (?:i|we)"
    r"|could (?:it|that)|does (?:it|that)|what (?:does|would|will) (?:it|that))\b[^?]*\?\s*$"
    # "henrik said to run kubectl delete deployment x is that a good idea"
    r"|\bkubectl\b[^?]{0,120}\b(?:is (?:it|that|this)|would (?:it|that) be) (?:a good idea|safe"
    r"|ok|okay|wise|smart|dangerous|risky|a bad idea)\b"
)
_NOT_ASKED_FOR = re.compile(
    # said up front: "don't restart it if it exits" after a request is one of its options
    r"^(?:(?:please|pls|but|and|just|so|ok|okay|i|we|you)\s+)*"
    r"(?:don't|dont|do not|never|mustn't|must not|shouldn't|should not|no need to|not to)"
    r"\s+(?:\w+\s+){0,2}?(?:delete|remove|drain|cordon|restart|scale|kill|evict|taint|destroy|"
    r"nuke|wipe|roll\s*back|rollback|undo|touch|change|update|patch|apply|expose|label)\b"
    r"|" + _ABOUT_A_COMMAND,
    re.IGNORECASE,
)


def asks_about_a_command(text: str) -> bool:
    """True when `text` asks what a kubectl command does: answered with words, never by
    running it or anything it names."""
    return re.search(_ABOUT_A_COMMAND, text.strip(), re.IGNORECASE) is not None


def asks_about_a_change(text: str) -> bool:
    """True when `text` asks about, muses on or tells of a change rather than asking for
    one, or says not to make it."""
    text = text.strip()
    if _NOT_ASKED_FOR.search(text):
        return True
    if _CONDITION_THEN_ASK.search(text):
        return False
    if _TELLS.search(text) and not re.search(r"[,;]|\bthen\b", text):
        return True
    return _ASKS.search(text) is not None
