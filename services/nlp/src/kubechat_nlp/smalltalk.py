"""Greetings, thanks, help and questions about KubeChat itself: answered with help that
fits what the user can see, never with a plan."""

from __future__ import annotations

import re

from kubechat_nlp.circumstances import (
    without_circumstance,
    without_comparison,
    without_reason,
    without_trailing_context,
)
from kubechat_nlp.cluster import ClusterView
from kubechat_nlp.kind_table import KindTable, standard_table
from kubechat_nlp.lexicon import COMMAND_WORDS, KNOWN_WORDS, NOT_NAMES, PHRASING_VERBS
from kubechat_nlp.model import Clarification
from kubechat_nlp.situation import verb_said_last, without_situation
from kubechat_nlp.text import Token

_POLITE = (
    r"(?:so much|a lot|very much|please|pls|plz|thanks|thank you|again|there|team|kubechat|"
    r"bot|buddy|mate|folks)"
)
_GREETING = (
    r"(?:hi+|hello|helo|hey+|heya|hiya|yo|howdy|greetings|gm|g'?day"
    r"|(?:good )?(?:morning|afternoon|evening)|good day"
    # ("thanks all, …": the address is no "--all")
    r"|(?:thanks|cheers)(?= (?:all|everyone|guys|folks)\b))"
    # ("hello sir", "hii bro": whom the greeting is for)
    r"(?: (?:sir|madam|ma'am|maam|bro|dude|boss|chief|all|everyone|guys))?"
)
_THANKS = (
    # (thanks as it is typed in a hurry: "thnak you", "thansk", "thanx")
    r"(?:(?:cheers|thanks|thank you|ta) for (?:that|this|the help|your help|covering)|"
    r"thanks|thank you|th(?:an|na)(?:k|ks|sk|x) (?:you|u)|thansk|thanx|thx|thnx|tnx|thnks|tq|"
    r"(?:lovely|great|good|nice) stuff|"
    r"ty|cheers|great|gr8|legend|ta|ack|okk|k|kk|"
    r"awesome|cool|nice|perfect|ok|okay|got it|"
    r"bye|goodbye|see you|that's all|that is all|never ?mind|nvm|all good|sounds good|"
    r"(?:nice|good|great) one|sweet(?: as)?|lovely|excellent|wonderful|amazing|neat|fantastic|"
    r"super|bonza|bonzer|beaut|beauty|ripper|champion|cracking|smashing|magic|ace|choice|"
    r"(?:great|good|nice) (?:job|work|stuff)|well done|you rock|brilliant|(?:much )?appreciated|"
    r"appreciate it|thank you kindly|"
    r"(?:that's|that is|this is|very) (?:very |really |most )?helpful|"
    # an acknowledgement is never a request ("that works" names no deployment "works")
    r"(?:that|this|it)(?:'s|s| is)? (?:works?|worked|did it|did the trick|helps|helped|fine|good|"
    r"great|perfect|enough|it)|works for me|fine|good|all set|lgtm|makes sense|understood|"
    r"roger(?: that)?|noted|will do|gotcha|alright|all right|"
    # taking the last request back before it runs: never a request of its own
    r"cancel(?: that| it| this)?|scratch that|scrap that|forget (?:it|that)|abort(?: that| it)?"
    r"|(?:don't|do not) do (?:it|that))"
)
_META = (
    r"(?:help|help me|i need help|\?+|what can you do|what (?:else )?can you help (?:me )?with|"
    r"what do you do|what are you|who are you|how do(?:es)? (?:this|you|it) work|"
    r"how (?:do|can|should) i use (?:you|this|kubechat)|what (?:can|should|may) i (?:ask|say|type)"
    r"|what (?:can|may) i do(?: here| with you)?"
    r"|what are (?:your|the) (?:commands|options|features)"
    r"|what do you (?:know|support|understand)|(?:show )?(?:some )?examples|commands|usage|menu"
    # a question about a concept, not about the cluster: "what does draining a node mean?"
    r"|what does [a-z' -]{1,40} mean|what is the meaning of [a-z' -]{1,40}"
    r"|what(?:'s| is) the difference between [a-z' -]{1,60}"
    r"|tell me (?:a |another )?(?:joke|story|poem|riddle)|how are you(?: doing)?(?: today)?"
    r"|what are my options|what(?:'s| is) next|what now|what else(?: is there)?"
    r"|(?:are|r) (?:you|u) (?:there|a bot|an ai|human|real|alive)"
    r"|who am i (?:talking|speaking|chatting) (?:to|with)"
    r"|what can i do in (?:the )?(?P<ns>[a-z0-9][a-z0-9-]*)(?: namespace)?)"
)
_SMALLTALK_RE = re.compile(
    rf"^(?:(?:{_GREETING}|{_THANKS}|so|and|well|hmm|um|ok so|okay so)[\s,!.]*)*(?:{_META})?"
    rf"(?:[\s,!.?]*{_POLITE})*[\s!.?]*$",
    re.IGNORECASE,
)

# Asking to work on pasted text rather than on the cluster.
_ABOUT_TEXT_RE = re.compile(
    r"^(?:(?:please|pls|can you|could you|hey)[\s,]+)*(?:summari[sz]e"
    # ("summarize deployment web" describes it; "summarize this log" is pasted text)
    r"(?= (?:this|that|these|the following|the above|my|it|what)\b|\s*[:\n]|$)"
    r"|translate|paraphrase|"
    r"proofread|rewrite|reword|(?:explain|analy[sz]e|interpret|decode) (?:this|that|these|the "
    r"following|my) (?:log|line|message|output|error|text|snippet|trace|stack))",
    re.IGNORECASE,
)

# Courtesy around a request: "hey kubechat, could you …", "… thanks!", "… real quick".
_OPENING_RE = re.compile(
    r"^(?:(?:"
    # who is talking, set apart: "on call here:", "new on the team here.", "quick one from
    # support:", "morning from the night shift,"
    r"(?:(?:i'm|im|i am) )?(?:new|on[- ]call)(?: here| on the team(?: here)?| this week"
    r"| today| tonight)(?=\s*[:,.!\u2014-]\s)|(?:i'm |im |i am )?on call(?=\s*:\s)|"
    r"(?:the |your )?(?:manager|boss|lead|team lead|sre|dev|developer|support|ops|on[- ]call)"
    r" (?:here|asking|speaking)(?=\s*[:,.!\u2014-]\s)|"
    r"(?:quick (?:one|q|question)|(?:good )?(?:morning|evening|afternoon)|hi|hello|hey)"
    r" from (?:the )?[\w-]+(?: [\w-]+)?(?=\s*[:,!\u2014-]\s)|"
    rf"{_GREETING}|ok|okay|alright|so|well|um|uh|hmm|ahh?|oh|quick one|quick question|"
    r"real quick|"
    r"i mean|"
    r"(?:dear|hey|hi|hello|ok|okay) (?:kubechat|bot|team|folks|all)|pretty please|"
    r"(?:dear|hi|hello) (?:\w+ )?(?:team|folks|all|colleagues|everyone)|"
    r"(?:are|r) (?:you|u) able to|(?:we|i|you) (?:gotta|have to|need to|must)|"
    r"if (?:possible|you can|you could|you don't mind|that's ok|thats ok)|nvm|never ?mind|"
    r"if (?:it's|its|it is) (?:no|not too much) (?:trouble|bother)|when convenient|"
    r"(?:i|we)(?: would|'d|d| will) be (?:very |most |so |much |really )?(?:grateful|thankful"
    r"|obliged) if (?:you|u) (?:could|would|can|'d)|"
    # "might I ask you to …", "may we ask that you …", "be so good as to …", "would you be
    # so kind as to …": a request put politely
    r"(?:might|may|could|can) (?:i|we) (?:ask|request|trouble) (?:you |u )?(?:to|that you"
    r"|that u)|(?:would|could|will) (?:you|u) (?:be so (?:kind|good)|kindly) (?:as to|and)?|"
    r"be so (?:kind|good) as to|"
    r"(?:i was |i'm |i am |we were |we're )?wondering (?:if|whether) (?:you|u) (?:could|would"
    r"|can|might)(?: possibly)?|"
    # ("… whether we could delete pod x" stays a question about rights)
    r"(?:i was |i'm |i am |we were |we're )?wondering (?:if|whether) (?:we|i) (?:could|can"
    r"|might)(?: possibly)?(?! (?:delete|remove|destroy|kill|terminate|drain|evict|wipe|nuke"
    r"|purge|get rid)\b)|"
    r"(?:have (?:you|u) got|do (?:you|u) have|got) a (?:sec|second|minute|moment|mo)(?: to)?|"
    # "id like you to describe x", "im confused, what do you do"
    r"(?:i'd|id|i would|we'd) like (?:you |u )?(?:to )?(?=\w)|"
    r"(?:i'm|im|i am) (?:confused|lost|new here|new to this|stuck)|"
    r"(?:sorry|apologies) (?:to|for) (?:bug|bother|trouble|pester|interrupt|ping)\w*"
    r" (?:you|u|y'all)(?: again)?|"
    r"i meant|i mean|sorry|oops|no wait|actually|kubechat|bot|there|team|folks|please|pls|plz|"
    r"kindly|"
    # "i request you to show pods", "sir, …"
    r"(?:i |we )?(?:request|beg|ask) (?:you|u) (?:to|kindly to|please to)|sir|madam|ma'am|maam|"
    r"morning|evening(?: all)?|afternoon(?: all)?|sup|wassup|btw|by the way|quickly|"
    r"quick (?:q|favou?r|ask|request|thing)|(?:a )?favou?r to ask|"
    # a label set before the request ("sanity check: …", "ping — …", "k8s q: …")
    r"(?:sanity check|ping|k8s q(?:uestion)?|q|fyi|heads up|note)(?=\s*[:\u2014\u2013-]\s)|"
    # "one more: list pods" (never "one more replica")
    r"(?:one more|another one)(?: thing| question| request)?(?=\s*[:,])|"
    r"(?:mind if you|try to|try and|gotta|got to|wanna|(?:can|may|could) i ask (?:you )?to)|"
    r"(?:i'd|i would|we'd) (?:appreciate|love|like) (?:it )?if (?:you|u) (?:could|would|can)|"
    r"(?:i was|i'm|i am|we were|we're) (?:hoping|wondering if|wondering whether) (?:you|u)"
    r" (?:could|would|can)|"
    r"(?:i'm|i am|we're|we are)? ?(?:trying|asking you|looking) to|mind|"
    r"could i get (?:you|u) to|(?:when|whenever|if) you (?:get|have) a (?:chance|sec|second|"
    r"minute|moment)|do me a favou?r|(?:could|would|can) (?:you|u) possibly|"
    r"good (?:morning|afternoon|evening)|excuse me|one more thing|also|and now|and|now|next|"
    # asking the assistant to do it ("could you please …"), never "can I …" (a question)
    r"(?:would|could|can|will|won't) (?:you|u|ya)(?: please| kindly| maybe| just| quickly)?"
    r"(?: (?:mind|be able to|be so kind as to|help me|go ahead and))?"
    r"|(?:i'd|i would|i want|i wanna|i need|we need|we want|i'd love|i would love) (?:you |u )?"
    r"(?:to )?(?:please )?(?=\w)|would it be possible to|is it possible to|do me a favou?r and|"
    r"go ahead and|help me|let's|lets|just|(?:i was |i'm |i am )?wondering if (?:you|u) could|"
    r"if (?:you|u) could|if (?:you|u) can|at your (?:earliest )?convenience|"
    r"(?:can|could|would) (?:you|u) do me a favou?r and|be a (?:dear|star|pal|gem|legend|champ"
    r"|love|sport|mate) and)"
    # a courtesy word ends the word ("team-a" is a name, not "team" and "-a")
    r"(?:(?<=\s)|(?![\w-]))(?:[\s,:;!.]|-(?![\w-]))*)+",
    re.IGNORECASE,
)
_CLOSING_RE = re.compile(
    # A sign-off stands apart: after a space or punctuation, never "owner=comms-team"
    # (never right after a colon: "untaint node-7: team" names the taint key)
    r"(?:(?:^|(?<!:)[\s,;!.(&]+)(?:thanks?(?: you)?(?: so much| a lot| very much| heaps| muchly"
    r"| a heap)?|thx|ty|ta(?: muchly| heaps)?|cheers(?: heaps| muchly)?|"
    r"much appreciated|appreciated|please|pls|plz|asap|real quick|quickly|right now|now|"
    r"at the (?:moment|mo)|at present|currently|as of now|"
    r"if you can|if possible|when you can|team|folks|buddy|mate|for me|for us|if you don't mind|"
    r"if you would|when you get a chance|when you have a (?:sec|second|minute|moment)|"
    r"thanks in advance|in advance|much obliged|cheers mate|if that's ok|if that is ok|kthx|"
    r"ok\?|okay\?|right away|straight away|immediately|pronto|at your (?:earliest )?convenience|"
    r"when (?:you've|you have|you) got a (?:sec|second|minute|moment)|"
    r"if that's (?:alright|ok|fine)|if (?:it's|it is|that's|that is) (?:not too much|no) trouble|"
    r"thanks a (?:bunch|lot|ton|million)|many thanks|thank u|"
    r"would be (?:great|nice|lovely|ideal|perfect|best|good|appreciated)|"
    r"k ?thx|kk|tia|lol|haha|xoxo|urgent(?:-?ish)?|it'?s urgent(?:-?ish)?|merci|danke|gracias|"
    r"grazie|legend|(?:cheers|thanks|thank you|ta) for (?:that|this|the help|your help)|"
    r"whenever you can|when you can|whenever|- ?thanks|- ?thx|-|"
    r"please and thank you|that'd be great|that would be great|no rush|whenever|m8)\b)+"
    r"[\s,;:!.?)]*$",
    re.IGNORECASE,
)


# An opening aside before a comma, colon or "!" ("right,", "morning!", "quick favour:"):
# short, and naming no object, namespace, number or action.
_ASIDE_RE = re.compile(r"^\s*([a-z' ]{1,30}?)\s*[,:!]\s+(?=\S)", re.IGNORECASE)
_NOT_ASIDE = re.compile(
    r"\b(in|on|from|for|to|at|namespace|ns|all|every|pods?|deploy\w*|services?|nodes?|jobs?|"
    r"delete|remove|scale|restart|show|list|get|describe|logs?|create|drain|cordon|label|"
    r"set|run|expose|why|what|which|how|can|may|is|are|no|not|yes)\b",
    re.IGNORECASE,
)


# The words an opening aside is made of; any other word ("pull up the ingresses, …")
# makes it part of the request.
_ASIDE_WORDS = frozenset(
    """right morning evening afternoon good quick favour favor hey hi hello ok okay alright
so well then cool great thanks thank you team folks all everyone there guys yo um uh hmm
oh ah ahh sorry oops listen look btw also and now next one more thing question q request
kubechat bot buddy mate friend dear please pls ask another heya hiya howdy sup cheers righto
ta yo sweet lovely brilliant nice pal chief boss""".split()
)


def _asks_nothing(word: str, kinds: KindTable) -> bool:
    """A word no request is made of: no kind and no word of the request language."""
    return word not in NOT_NAMES and word not in KNOWN_WORDS and kinds.lookup(word) is None


def says_nothing(tokens: list[Token], kinds: KindTable) -> bool:
    """Only courtesy and words no request is made of ("lifesaver", "phew thanks", "cheers
    heaps"): no kind, verb, number, name or word of the request language."""
    return all(
        t.norm in _ASIDE_WORDS or (t.norm.isalpha() and _asks_nothing(t.norm, kinds))
        for t in tokens
        if t.norm not in ("?", "!", ".", ",")
    )


# A headline set before the request as a sentence of its own ("traffic spike!! scale …"):
# words no request is made of, and nothing else.
_HEADLINE_RE = re.compile(r"^([a-z' ]{3,40}?)\s*(?:[.!?]+|\s[-\u2013\u2014]+)\s+(?=\S)", re.I)


def _is_headline(words: str) -> bool:
    said = words.lower().split()
    return len(said) >= 2 and all(_asks_nothing(w, _STANDARD_KINDS) for w in said)


def _is_aside(words: str) -> bool:
    said = words.lower().split()
    if len(said) > 4 or _NOT_ASIDE.search(words):
        return False
    if any(w not in _ASIDE_WORDS for w in said):
        return False
    # ("cheers" and "kubechat" are never names, but never verbs either)
    return not any(
        (w in COMMAND_WORDS or w in PHRASING_VERBS) and w not in ("cheers", "kubechat")
        for w in said
    )


# "get daemonsets (prod is on fire)": a sentence in brackets tells the situation, it names
# nothing the request acts on ("(namespace is shop)" does, and stays).
_SITUATION_IN_BRACKETS = re.compile(
    r"\s*\((?![^()]*(?:\bnamespace\b|\bns\b|=|\B-n\b))"
    r"(?=[^()]*\b(?:is|are|was|were|has|have|had|seems|looks|keeps)\b)[^()]{3,80}\)"
)


def without_courtesy(text: str) -> str:
    """The request without the greeting before it, the trouble told before it, the thanks
    after it, and the reason given for it."""
    core = _OPENING_RE.sub("", without_reason(text.strip()) or text.strip())
    core = verb_said_last(without_situation(core))
    core = _OPENING_RE.sub("", without_comparison(core))
    core = _OPENING_RE.sub("", without_circumstance(core))
    core = _SITUATION_IN_BRACKETS.sub("", without_trailing_context(core))
    aside = _ASIDE_RE.match(core)
    if aside and _is_aside(aside.group(1)):
        core = _OPENING_RE.sub("", core[aside.end() :])
    headline = _HEADLINE_RE.match(core)
    if headline and _is_headline(headline.group(1)):
        core = core[headline.end() :]
    core = _CLOSING_RE.sub("", core).strip(" ,;:")
    return core or text


# The words of a question about the assistant itself ("what are you able to do?", "how
# can you help me?", "what sort of things can I ask you?"): function words and words for
# abilities, none naming a kind, an object or an operation.
ABOUT_YOU = frozenset(
    {"you", "your", "yourself", "u", "ur", "ya", "kubechat", "bot", "chatbot", "assistant"}
)
_META_WORDS = ABOUT_YOU | frozenset(
    """what which how who whom are is am was can could do does did will would should may
might able to capable of capabilities abilities ability features feature skills skill
functions functionality help helping me us with know else kind kinds sort sorts type types
things thing stuff i we ask tell about good at support supported handle understand
commands command options requests questions the a an all exactly really actually here for
anything everything so again please there work works use using typically usually offer
ok okay well um uh hmm hi hey then right our my up cluster clusters kubernetes k8s this
that human robot person real r
provide have got any tools tricks other more list your main basic some even yet be in
where find documentation docs manual guide readme
""".split()
)


_STANDARD_KINDS = standard_table()
# A question put to the assistant: "how smart are you?", "what are your limits?", "is
# there a manual for you?", "are you hooked up to our cluster?".
_PUT_TO_YOU = re.compile(
    r"^\W*(?:(?:wait|so|ok|okay|hey|hi|um|and|but|hmm|also)[\s,]+)*"
    r"(?:how|what|who|are|r|is|were|do|does|have|has|where|why)\b[^?]*?\b(?:you|u|your|ur|yourself)\b",
    re.IGNORECASE,
)


# A question whose subject is the assistant ("do you ever run things without asking?",
# "how do you decide what to run?"), unlike a request put to it ("can you run nginx?").
_ASKED_OF_YOU = re.compile(
    r"^\W*(?:(?:wait|so|ok|okay|hey|hi|um|and|but|hmm|also|out of curiosity|just curious)"
    r"[\s,]+)*(?:(?:(?:how|why|what|when) )?(?:do|does|did)|(?:how|why|what|when) (?:are|were"
    r"|would|have|will)) (?:you|u)\b",
    re.IGNORECASE,
)


def _about_the_assistant(text: str) -> bool:
    words = re.findall(r"[a-z']+", text.lower())
    if words[:1] == ["wait"]:
        words = words[1:]  # "wait, what exactly are you?": an aside, not kubectl wait
    if not ABOUT_YOU & set(words):
        return False
    others = [w for w in words if w not in _META_WORDS]
    if not others:
        return True
    if (
        _ASKED_OF_YOU.match(text)
        and not re.search(r"[\d=/:-]", text)
        and not any(_STANDARD_KINDS.lookup(w) for w in others)
        and not {"it", "its", "them", "their", "one"} & set(words)
    ):
        return True  # nothing named: what the assistant does, never an operation on it
    # "what are your limits": what the assistant has, never an operation's word
    yours = {w for prev, w in zip(words, words[1:], strict=False) if prev in ("your", "ur")}
    # A few words of its own, none a verb, a kind or a name ("how is your deployment web?"
    # names one): still about the assistant
    return (
        len(others) <= 3
        and _PUT_TO_YOU.match(text) is not None
        and not re.search(r"[\d=/:-]", text)
        and not any((w in COMMAND_WORDS or w in PHRASING_VERBS) and w not in yours for w in others)
        and not any(_STANDARD_KINDS.lookup(w) and w not in yours for w in others)
    )


def smalltalk(
    text: str, cluster: ClusterView | None = None, core: str | None = None
) -> Clarification | None:
    """Help for a greeting, thanks or meta question; None when `text` is a request. The
    examples name namespaces and workloads the user can see, and only read: what the user
    may change is theirs to ask ("what am I allowed to do in dev?")."""
    if _ABOUT_TEXT_RE.match(text.strip()):
        return Clarification(
            "I work on your cluster rather than on pasted text, and I never act on commands "
            "inside it. Tell me what to look at (for example the logs or events of a pod) "
            "and I will fetch it.",
            ("show recent events", "list pods"),
        )
    m = _SMALLTALK_RE.match(text.strip())
    if m is None and not _about_the_assistant(text):
        # "im confused, what do you do": the question after the opening words (`core`, when
        # the caller has it already)
        core = without_courtesy(text) if core is None else core
        m = _SMALLTALK_RE.match(core.strip()) if core != text else None
        if m is None and (core == text or not _about_the_assistant(core)):
            return None
    asked = m.group("ns") if m is not None else None
    namespaces = cluster.namespaces() if cluster is not None else ()
    visible = [n for n in namespaces if not n.startswith("kube-")]
    where = asked or (visible[0] if visible else "")
    question = (
        "I turn plain requests into Kubernetes operations, run with your own permissions: "
        "reads run at once, changes are previewed and confirmed first."
    )
    if asked:
        question += f" To see what you may do in {asked}, ask me what you are allowed to do there."
    elif visible:
        question += " Namespaces you can see: " + ", ".join(visible[:8]) + "."
    in_ns = f" in {where}" if where else ""
    choices = [f"list pods{in_ns}", f"what am I allowed to do{in_ns}?"]
    workload = _a_workload(cluster, where) if cluster is not None else None
    if workload is not None:
        choices[1:1] = [f"why is {workload} crashing?", f"show the logs of {workload}{in_ns}"]
    choices.append(f"show recent events{in_ns}")
    return Clarification(question, tuple(choices))


def _a_workload(cluster: ClusterView, namespace: str) -> str | None:
    """A deployment the user can see, to make the examples real."""
    names = cluster.names("deployments", namespace or None)
    return sorted(names)[0] if names else None
