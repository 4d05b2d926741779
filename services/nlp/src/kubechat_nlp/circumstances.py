"""What is told around a request without being part of it: the reason after it ("…,
because the pods are stuck"), the trouble before or after it ("prod is down, …"), the
circumstance or event it is timed against ("following the incident, …", "… before the
exec call at 9"), and a comparison with another tool ("like heroku ps:scale, …")."""

from __future__ import annotations

import re

# The reason given after a request: ", it needs to pick up the new configmap", ", because
# the pods are stuck". It explains the request and never adds to it.
_REASON_RE = re.compile(
    # (", i need to get inside web-1" is the request itself, never its reason)
    r"(?:[,;]\s*(?:(?:it|they|we|this|that|he|she)(?:'s| is| are)? (?:needs?|has|have|must|"
    r"should|got|keeps?|seems?|looks?) to\b|because\b|since\b|so that\b|as (?:it|they|we)\b"
    # ", it's been misbehaving since the deploy", ", it's leaking memory"
    r"|(?:it|they)(?:'s|s| is| are|'re|'ve| have| has) (?:been|leaking|crashing|flapping|broken"
    r"|slow|acting up|misbehaving)\b"
    # ", I need to diff it", ", i need them for the audit": what the user will do after
    r"|i (?:need|want|have) to (?:diff|compare|check|review|audit|attach|share|send|paste"
    r"|read|debug|investigate|understand|analy[sz]e|look at|go over) (?:it|them|this|that)\b"
    r"|i need (?:it|them|this|that) (?:for|to)\b"
    # ", the replicaset will replace it", ", its owner will bring it back": what follows
    r"|(?:the|its) [\w-]+ (?:will|should|would|is going to) (?:replace|recreate|re-create"
    r"|bring back|reschedule|respawn|restart|bring) (?:it|them)\b"
    r"|otherwise\b)"
    # "… LOG_LEVEL=debug so i can see what's going on", "… because it's stuck": no comma
    r"|(?<=\S)\s+(?:so (?:that )?(?:i|we|you|they|the team) (?:can|could|may|might|will)\b"
    r"|because\b)).*$",
    re.IGNORECASE,
)


# The trouble told before the request, set apart by a comma or a dash, by a subject that
# names no object ("it keeps dying, could I see …", "site's throwing 502s - what's in the
# logs of …"): it says why, never what. ("web is crashing, restart it" keeps its object.)
_TROUBLE = (
    r"(?:it|something|everything|stuff|things|this|that|the site|site|the website|website"
    r"|the app|our app|the service|prod|production|the cluster)"
    r"(?:'s|s| is| are| keeps?| kept| has been| have been| was| were| seems?(?: to be)?)"
    r" (?:\w+ ){0,2}?(?:crash\w*|dying|died|down|fail\w*|throwing|throws|erroring|broken"
    r"|flaky|slow|timing out|returning|acting up|misbehaving|restarting|stuck|hanging|flapping"
    r"|dead|oom\w*|leaking|on fire|borked|busted)\b"
)
_TROUBLE_FIRST_RE = re.compile(
    rf"^{_TROUBLE}[^,;:\u2014]*?(?:\s*[,;:]|\s+-+|\s*\u2014)\s+(?=\S)", re.IGNORECASE
)
# The same trouble told after the request ("restart web — prod is down!").
_TROUBLE_AFTER_RE = re.compile(
    rf"(?:\s*[,;:.]|\s+-+|\s*\u2014)\s*{_TROUBLE}[\w' ]{{0,30}}[.!?]*$", re.IGNORECASE
)
# An event the request is timed against ("before the exec call at 9", "ahead of
# tomorrow's standup", "after the release"): when, never what.
_EVENT = (
    r"(?:before|after|ahead of|by|until|till|in time for) (?:the|our|my|this|today's|"
    r"tonight's|tomorrow's|monday's|friday's) (?:[\w-]+ ){0,2}?(?:call|meeting|standup|"
    r"stand-up|demo|sync|review|retro|huddle|bridge|presentation|release|launch|cutover|"
    r"window|deadline|handover|board meeting|all-hands)(?: at [\w:.]+| (?:today|tonight|"
    r"tomorrow|this (?:morning|afternoon|evening)))?"
)
_EVENT_FIRST_RE = re.compile(rf"^{_EVENT}\b[,;:]?\s+(?=\S)", re.IGNORECASE)
_EVENT_AFTER_RE = re.compile(rf"(?:\s*[,;]\s*|\s+){_EVENT}\b(?=\W*$|\W*[,;])", re.IGNORECASE)


# The circumstance set before the request ("following the incident this morning, …", "as
# per the change ticket, …", "ahead of the month-end close, …"): when, why or on whose say,
# never what.
_CIRCUMSTANCE_FIRST_RE = re.compile(
    r"^(?:following|after|ahead of|before|as per|per|as agreed(?: with)?|as discussed"
    r"|as requested(?: by)?|in line with|due to|because of|given|pending|until|till"
    r"|in preparation for|as part of|in response to|to comply with|once|when convenient"
    # where the user types from: "on my phone, scale …"
    r"|(?:on|from|via|using) my (?:phone|laptop|mobile|cell|tablet|ipad|computer|pc|mac|desktop)"
    r"|(?:required|needed|wanted|requested) for"  # "required for the incident review: …"
    r"|for (?:traceability|compliance|audit(?:ing)? purposes|the record|the (?:cost|audit"
    r"|compliance|change|incident|security)\b))\b[^,;:]{0,60}[,;:]\s+(?=\S)",
    re.IGNORECASE,
)


# A comparison set before the request ("like heroku ps:scale, …", "same as docker compose
# up, …", "the equivalent of oc new-project: …"): how the user knows it elsewhere, never
# what to do here.
_COMPARISON_FIRST_RE = re.compile(
    r"^(?:just |much |kind of |sort of |a bit )?(?:like|similar to|same as|the same as"
    r"|the (?:k8s |kubernetes )?equivalent of|as (?:you'd|you would|we'd|we would|i'd|i would)"
    # (a colon inside a word belongs to it; "…, but as a deployment" still says what)
    r" (?:do )?(?:with|in|on))\s+(?:[^,;:]|:(?=\S)){1,50}?[,;]\s+(?!but\b)(?=\S)",
    re.IGNORECASE,
)


# What the request may point back at in the circumstance set before it ("before I reboot
# node-4, which pods are on it").
_POINTER_RE = re.compile(
    r"(?<=\bon )it\b|\bit(?= (?:hosts|runs|carries)\b)"
    r"|\b(?:that|this) (?:box|node|machine|host|server|vm)\b",
    re.IGNORECASE,
)


def _without_circumstance_first(text: str) -> str:
    """The request without the circumstance set before it; a pointer back at the one
    machine-like name the circumstance named ("on it") becomes that name."""
    m = _CIRCUMSTANCE_FIRST_RE.match(text)
    if m is None:
        return text
    rest = text[m.end() :]
    named = re.findall(r"(?<![\w.-])[a-z][a-z0-9.-]*\d[a-z0-9.-]*(?![\w.-])", m.group(0), re.I)
    if len(named) == 1:
        rest = _POINTER_RE.sub(f"node {named[0].rstrip('.')}", rest, count=1)
    return rest


def without_reason(text: str) -> str:
    return _REASON_RE.sub("", text)


# The same comparison after the request ("…, like dynos on heroku"); never an amount
# ("…, like 5 of them").
_COMPARISON_AFTER_RE = re.compile(
    r",\s*(?:just |much |kind of |sort of )?like (?![^,]*\d)[^,;:]{1,40}?[.!]*$", re.IGNORECASE
)


def without_comparison(text: str) -> str:
    return _COMPARISON_AFTER_RE.sub("", _COMPARISON_FIRST_RE.sub("", text))


def without_circumstance(text: str) -> str:
    """The request without the circumstance or the trouble told before it."""
    return _TROUBLE_FIRST_RE.sub("", _without_circumstance_first(text))


def without_trailing_context(text: str) -> str:
    """The request without the trouble told after it and the events it is timed against."""
    return _EVENT_FIRST_RE.sub("", _EVENT_AFTER_RE.sub("", _TROUBLE_AFTER_RE.sub("", text)))
