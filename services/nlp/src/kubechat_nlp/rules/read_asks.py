"""Questions the get rule receives that ask for another read. A request that opens by
asking to look ("what", "show", "read") reaches the get fallback whenever no rule's cue
matched, so the other reads are recognised here by what they ask about: what a workload
printed (logs), the state of one named object (describe), what the pods consume (top),
whether anything is happening (events), and the catalogue's everyday wording for those
operations said right after the opening verb ("show me the console output of web")."""

from __future__ import annotations

import re
from functools import cache

from kubechat_nlp.catalogue import default_catalogue
from kubechat_nlp.model import Clarification
from kubechat_nlp.rules.common import Ctx, Result
from kubechat_nlp.rules.cues import phrasings_pattern, rule_of
from kubechat_nlp.rules.heads import LEAD_WORDS, LOOK_VERBS, READ_HEADS
from kubechat_nlp.utterance import Utterance
from kubechat_nlp.wording import phrasings_of

# The reads this module can send a request to (each built in `read.py`).
READS = ("logs", "describe", "top", "events")

# Words a program's output is said with ("what did web print", "what is it saying").
_SAID = (
    r"(?:print|prints|printed|printing|output|outputs|outputted|outputting|log|logs|logged"
    r"|say|says|said|saying|write|writes|wrote|written|writing|emit|emits|emitted|emitting"
    r"|spit out|spits out|spat out|spitting out|dump|dumped|dumping|complain|complained"
    r"|complaining)"
)
_LOGS = (
    # "what did the web-1 pod print", "what has deployment api been saying"
    r"\bwhat (?:did|does|do|has|have|is|was|were|had) (?:\S+ ){1,5}?(?:been )?" + _SAID + r"\b"
    # "show me what web-1 printed"
    r"|\bwhat (?:\S+ ){1,5}?(?:printed|outputted|logged|wrote|said|emitted|spat out)\b"
    # "what's web-1 saying" (the tokenizer drops the "'s": "what web-1 saying")
    r"|\bwhat (?:\S+ ){1,5}?(?:been )?(?:saying|printing|outputting|writing|emitting"
    r"|spitting out|complaining about)\b"
    # "the output of web-1", "console output from api" (never the yaml output of a kind)
    r"|(?<!yaml )(?<!json )(?<!wide )(?<!table )\boutput (?:of|from)\b"
    # "what console output is coming out of web-1", "the transcript of pod x"
    r"|\bconsole (?:output|logs?|transcripts?|messages)\b"
    r"|\b(?:transcripts?|printouts?) (?:of|from)\b"
)
# The state of one object: asked of a named object, it is described.
_STATE = (
    r"\b(?:status|state|condition|health|situation|shape) (?:of|for|on)\b"
    r"|\bhow (?:is |are )?(?:\S+ ){1,4}?(?:doing|holding up|looking|getting on)\b"
    r"|\b(?:is|are) (?:\S+ ){1,4}?(?:healthy|ok|okay|fine|alright|all right|working)\b"
    r"|\b(?:happening|going on|going wrong|up) (?:with|to)\b"
    r"|\b(?:info|information|the lowdown|the scoop) (?:about|on|for|regarding)\b"
    r"|\b(?:the deal|the story|wrong|amiss) with\b"
    # "what is issue with deployment x", "any problems with job y", "the damage on pod z"
    r"|\b(?:the |an? |any |some )?(?:problems?|issues?|trouble|matter) (?:with|on|in)\b"
    r"|\b(?:the |any )?damage (?:on|with|to|for|at)\b"
    # "what state is deployment x in", "secret y status and details"
    r"|\bwhat (?:state|status|condition|shape) (?:is|are)\b"
    r"|\b(?:status|state) and (?:details|info|information|description)\b"
    r"|\b(?:health |full )?report (?:on|for|about)\b"
    # "could I have a closer look at job x": looking closely at one object describes it
    # (the "at" may have gone with the namespace: "a closer look at namespace qa")
    r"|\b(?:closer|close|good|proper|deeper|careful|thorough|detailed) look(?: at| into|$)"
)
# "node-4 seems stuck", "api looks broken": a complaint about one object's state (only
# when an object is named: "everything is broken" names none)
_COMPLAINT = (
    r"\b(?:seems?|looks?|appears?|is|are|keeps?|got|gets)(?: to be)? (?:stuck|broken|hung"
    r"|wedged|unhappy|unhealthy|flaky|sick|off|weird|acting up|misbehaving|in trouble"
    r"|not working|not ready|not starting|not coming up|down|crashing|crashlooping)\b"
    r"|\bkeeps? (?:crashing|failing|dying|restarting|falling over|timing out)\b"
    # "x under logs having some problem", "x is failing", "check x, something wrong"
    r"|\bhaving (?:some |a |any |big |real )?(?:problems?|issues?|trouble|difficulties)\b"
    r"|\b(?:is|are) (?:failing|erroring|dying)\b"
    r"|[,;-] (?:there(?:'s| is) )?something(?:'s| is)? (?:wrong|off|broken|up)\b"
    r"|\b(?:isn't|isnt|aren't|arent|is not|are not|won't|wont|doesn't|does not) (?:be )?(?:working"
    r"|ready|starting|start|coming up|come up|responding|respond|healthy|work)\b"
)
# What the pods consume: resource usage, never their limits or requests.
_USAGE = (
    r"\b(?:resources?|cpu|memory|ram)\b (?:\S+ ){0,4}?(?:consume|consumes|consumed|consuming"
    r"|use|uses|used|using|eat|eats|eating|burn|burns|burning|take up|takes up)\b"
    r"|\b(?:consume|consumes|consuming|eat|eats|eating|burn|burns|burning|hog|hogs|hogging"
    r"|use|uses|using)"
    r" (?:the )?(?:most |more |least |much |a lot of )?(?:resources|cpu|memory|ram)\b"
    r"|\bhow much (?:\S+ ){0,3}?(?:using|use|consuming|consume|eating)\b"
    r"|\bhow (?:hungry|greedy|heavy|demanding)\b|\bload (?:on|of) (?:the |each |every )?(?:nodes?"
    r"|pods?|cluster)\b|\b(?:per|each|every)[- ](?:node|pod|container) (?:usage|load|utili[sz]ation"
    r"|metrics|consumption)\b"
    # "pods cpu and mem", "node memory usage" (the whole request)
    r"|\b(?:nodes?|pods?) (?:cpu|memory|ram|mem)(?: (?:and|&|/) (?:cpu|memory|ram|mem))?"
    r"(?: usage| use| stats| numbers)?$"
    # "what are the pods using", "what is node-3 consuming right now"
    r"|\bwhat (?:are|is|do|does) (?:the |my |our |all )?(?:\S+ )?(?:pods?|nodes?|containers?)"
    r" (?:using|consuming|eating|burning|use|consume)(?: (?:right )?now| currently)?$"
    # "how are the nodes doing on cpu", "the biggest cpu users among the pods"
    r"|\b(?:doing|looking|faring) (?:on|for|with|in terms of) (?:cpu|memory|ram|mem|resources)\b"
    r"|\b(?:biggest|heaviest|largest|greediest) (?:cpu|memory|ram|mem|resource) (?:users"
    r"|consumers|hogs|eaters)\b"
)
_NOT_USAGE = r"\b(?:limits?|requests?|quotas?|requested)\b"
# Activity in a namespace: events ("anything happening in prod?").
_ACTIVITY = (
    r"\b(?:anything|something|stuff|what(?: is| has been| was)?) (?:been )?"
    r"(?:happening|going on|happened|occurring|going wrong|gone wrong|went wrong)\b"
    r"(?! (?:with|to)\b)"
    r"|\bany (?:activity|news|incidents|trouble|errors|problems|issues|failures)\b"
    r"|\b(?:anything|something) (?:weird|odd|unusual|strange|suspicious|bad|wrong|broken"
    r"|failing|crashing|down|unhealthy)\b"
    r"|^(?:show|list|display|see|get)(?: me)? (?:the |all |recent |any )*(?:errors|problems"
    r"|issues|failures|incidents)\b"
)


@cache
def _read_phrasings() -> re.Pattern[str]:
    """The everyday wording of the reads, as named groups by rule."""
    by_rule: dict[str, set[str]] = {}
    for entry in default_catalogue().entries():
        rule = rule_of(entry.name)
        if rule in READS:
            # the tokenizer drops a contraction's "'s" ("what's new" reads "what new")
            by_rule.setdefault(rule, set()).update(
                p.replace("'s ", " ") for p in phrasings_of(entry)
            )
    groups = [f"(?P<{rule}>{phrasings_pattern(words).pattern})" for rule, words in by_rule.items()]
    # a phrasing is whole words, never part of a name ("the events-processor deployment")
    return re.compile(r"(?<![\w-])(?:" + "|".join(groups) + r")(?![\w-])")


# Words between the opening verb and what it asks for ("show me all the …").
_FILLER = frozenset("me us the a an all some any of out up just quickly again".split())


def _look_offsets(text: str) -> tuple[int, ...]:
    """Where what a look request asks for may start: at its opening word ("|what's new in
    prod") and just after the opening look verb and its filler words ("can you show me
    the |console output …"); none when the request does not open with a look."""
    words = text.split(" ")
    i = 0
    while i < len(words) and (words[i] in LEAD_WORDS or words[i] in ("can", "may")):
        i += 1
    if i >= len(words) or (words[i] not in LOOK_VERBS and words[i] not in READ_HEADS):
        return ()
    head = sum(len(w) + 1 for w in words[:i])
    i += 1
    while i < len(words) and (words[i] in _FILLER or words[i] in LOOK_VERBS):
        i += 1
    return head, sum(len(w) + 1 for w in words[:i])


def asked_read(text: str) -> str | None:
    """The read a look request (`text`, normalized) asks for, other than get: 'logs',
    'describe', 'top', 'events', 'state' (a describe when one object is named), 'status'
    (a state named by the word status), 'complaint' (a state complained of), or None."""
    if re.search(_LOGS, text):
        return "logs"
    if re.search(_USAGE, text) and not re.search(_NOT_USAGE, text):
        return "top"
    for offset in _look_offsets(text):
        m = _read_phrasings().match(text, offset)
        if m and m.lastgroup:
            return m.lastgroup
    if re.search(r"\bstatus (?:report |update )?(?:of|for|on)\b", text):
        return "status"
    if re.search(_STATE, text):
        return "state"
    if re.search(_COMPLAINT, text):
        return "complaint"
    if re.search(_ACTIVITY, text):
        return "events"
    return None


# "can I see …", "could we get …": a look asked for politely, or a question about rights.
_MAY_I_LOOK = (
    r"\b(?:can|could|may) (?:i|we) (?:please |just |quickly |also |now )?"
    r"(?=(?:see|view|get|have|read|check|grab|fetch|look|take|pull|peek)\b)"
)


def shown_on_request(c: Ctx) -> Result | None:
    """'can I see the logs of web-1', 'could we get the yaml of namespace billing': asking
    to look at a named object (or the objects a selector picks) is a polite request, read
    as the look it asks for; 'can I get secrets in team-a', naming none, asks about rights
    (None)."""
    u = c.u
    m = re.search(_MAY_I_LOOK, u.text)
    if m is None:
        return None
    first, last = u.index_at(m.start()), u.index_at(max(m.end() - 1, m.start()))
    rest = Utterance([t for i, t in enumerate(u.tokens) if not first <= i <= last], c.kinds)
    from kubechat_nlp.rules.choose import classify, shape  # the table imports this module

    rule = classify(shape(rest))
    if rule[0] not in ("get", "logs", "describe", "events", "top"):
        return None
    result = rule[2](Ctx(rest, c.kinds, c.scope))
    if isinstance(result, Clarification) or not result:
        return None
    slots = result[0].slots
    listed = re.search(
        r"\b(?:a|the) (?:\S+ )?(?:list|listing|rundown|look|view|overview|snapshot) (?:of|at)\b"
        # "could I see all the deployments": particular objects, asked to be shown ("can I
        # get pods" asks about rights)
        r"|^\S+(?: (?:at|into|a look at|over))? (?:all (?:of )?)?the\b",
        rest.text,
    )
    # (a right is never asked in a format: "can I get the wide view of nodes" asks to see)
    shown = listed or result[0].params.get("output") or result[0].params.get("for")
    if not (result[0].names or slots.selector or slots.field_selector or shown):
        return None  # (unless it asks for "a list of" them: a request, never a right)
    return result
