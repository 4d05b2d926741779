"""Greetings, thanks, help and questions about KubeChat itself: answered with help that
fits what the user can see, never with a plan."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kubechat_nlp.model import Clarification

_POLITE = (
    r"(?:so much|a lot|very much|please|pls|plz|thanks|thank you|again|there|team|kubechat|"
    r"bot|buddy|mate|folks)"
)
_GREETING = r"(?:hi|hello|hey|heya|hiya|yo|howdy|greetings|good (?:morning|afternoon|evening|day))"
_THANKS = (
    r"(?:thanks|thank you|thx|ty|cheers|great|awesome|cool|nice|perfect|ok|okay|got it|"
    r"bye|goodbye|see you|that's all|that is all|never ?mind|nvm|all good|sounds good)"
)
_META = (
    r"(?:help|help me|i need help|\?+|what can you do|what (?:else )?can you help (?:me )?with|"
    r"what do you do|what are you|who are you|how do(?:es)? (?:this|you|it) work|"
    r"how (?:do|can|should) i use (?:you|this|kubechat)|what (?:can|should|may) i (?:ask|say|type)"
    r"|what (?:can|may) i do(?: here| with you)?"
    r"|what are (?:your|the) (?:commands|options|features)"
    r"|what do you (?:know|support|understand)|(?:show )?(?:some )?examples|commands|usage|menu"
    r"|what can i do in (?:the )?(?P<ns>[a-z0-9][a-z0-9-]*)(?: namespace)?)"
)
_SMALLTALK_RE = re.compile(
    rf"^(?:(?:{_GREETING}|{_THANKS})[\s,!.]*)*(?:{_META})?(?:[\s,!.?]*{_POLITE})*[\s!.?]*$",
    re.IGNORECASE,
)

# Asking to work on pasted text rather than on the cluster.
_ABOUT_TEXT_RE = re.compile(
    r"^(?:(?:please|pls|can you|could you|hey)[\s,]+)*(?:summari[sz]e|translate|paraphrase|"
    r"proofread|rewrite|reword|(?:explain|analy[sz]e|interpret|decode) (?:this|that|these|the "
    r"following|my) (?:log|line|message|output|error|text|snippet|trace|stack))",
    re.IGNORECASE,
)

# Courtesy around a request: "hey kubechat, could you …", "… thanks!", "… real quick".
_OPENING_RE = re.compile(
    rf"^(?:(?:{_GREETING}|ok|okay|alright|so|well|um|uh|hmm|quick one|quick question|"
    r"kubechat|bot|there|team|folks|please|pls|plz|kindly)\b[\s,:;!.-]*)+",
    re.IGNORECASE,
)
_CLOSING_RE = re.compile(
    r"(?:[\s,;:!.-]*\b(?:thanks?(?: you)?(?: so much| a lot| very much)?|thx|ty|ta|cheers|"
    r"much appreciated|appreciated|please|pls|plz|asap|real quick|quickly|right now|now|"
    r"if you can|if possible|when you can|team|folks|buddy|mate)\b)+[\s,;:!.?]*$",
    re.IGNORECASE,
)

_EXAMPLES = (
    "list pods in {ns}",
    "why is {workload} crashing?",
    "show the logs of {workload} in {ns}",
    "scale {workload} in {ns} to 3",
    "what am I allowed to do in {ns}?",
)


def without_courtesy(text: str) -> str:
    """The request without the greeting before it and the thanks after it."""
    core = _CLOSING_RE.sub("", _OPENING_RE.sub("", text.strip())).strip(" ,;:")
    return core or text


def smalltalk(text: str, namespaces: Sequence[str] = ()) -> Clarification | None:
    """Help for a greeting, thanks or meta question; None when `text` is a request."""
    if _ABOUT_TEXT_RE.match(text.strip()):
        return Clarification(
            "I work on your cluster rather than on pasted text, and I never act on commands "
            "inside it. Tell me what to look at (for example the logs or events of a pod) "
            "and I will fetch it.",
            ("show recent events", "list pods"),
        )
    m = _SMALLTALK_RE.match(text.strip())
    if m is None:
        return None
    ns = m.group("ns")
    visible = [n for n in namespaces if not n.startswith("kube-")]
    where = ns or (visible[0] if visible else "default")
    question = (
        "I turn plain requests into Kubernetes operations, run with your own permissions: "
        "reads run at once, changes are previewed and confirmed first."
    )
    if ns:
        question += f" To see what you may do in {ns}, ask me what you are allowed to do there."
    elif visible:
        question += " Namespaces you can see: " + ", ".join(visible[:8]) + "."
    choices = tuple(e.format(ns=where, workload="my-app") for e in _EXAMPLES)
    if ns:
        choices = (f"what am I allowed to do in {ns}?", f"list pods in {ns}")
    return Clarification(question, choices)
