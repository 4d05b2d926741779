"""Conversation: what a turn inherits from the ones before it. Pronouns ("scale it"),
refinements ("only warnings", "as json"), new amounts ("actually make it 6") and answers to
the question the last turn asked. Switches ("same in staging") are in `switches`."""

from __future__ import annotations

import re
from dataclasses import replace

from kubechat_nlp.context import ConversationContext
from kubechat_nlp.entities import NUMBER_WORDS
from kubechat_nlp.fields import field_selector
from kubechat_nlp.kind_table import KindTable
from kubechat_nlp.lexicon import STOPWORDS
from kubechat_nlp.model import Clarification, Operation, ParamValue
from kubechat_nlp.rules.common import Ctx, Draft
from kubechat_nlp.rules.read_logs import container_named
from kubechat_nlp.rules.scaling import is_relative, relative_change
from kubechat_nlp.scope_terms import DESTROY
from kubechat_nlp.slots import Slots, extract_common
from kubechat_nlp.smalltalk import without_courtesy
from kubechat_nlp.text import Token
from kubechat_nlp.utterance import Utterance

CLAUSE_VERBS = frozenset(
    """show list get describe scale restart check display tail watch roll
rollback undo set label annotate expose cordon drain uncordon top exec open print view give
fetch find pause resume""".split()
)
PRONOUNS = frozenset({"it", "its", "them", "their"})
ACTION_WORDS = frozenset(
    """delete remove create scale restart drain cordon uncordon label annotate
expose exec rollback undo set patch edit apply run pause resume roll kill destroy describe
port-forward forward copy debug top""".split()
)


# "that one", "this workload": the object just named, by a word for any object.
ONE_WORDS = frozenset("one workload app application object resource thing".split())


def points_back(tokens: list[Token], kinds: KindTable) -> bool:
    """'it', 'them', 'that pod', 'this workload': the turn points at the last object."""
    pairs = zip(tokens, tokens[1:], strict=False)
    return any(t.norm in PRONOUNS for t in tokens) or any(
        a.norm in ("this", "that") and (b.norm in ONE_WORDS or kinds.lookup(b.norm) is not None)
        for a, b in pairs
    )


# "the one you just showed", "the one we looked at": the object the last answer was about.
_ONE_JUST_SEEN = re.compile(
    r"(?:(?:you|we|i) (?:just )?(?:showed|described|listed|mentioned|looked at|saw|checked"
    r"|restarted|scaled|named|found)|(?:just )?(?:shown|described|listed|mentioned)|from before"
    r"|above)\b"
)


def resolve_pronouns(tokens: list[Token], context: ConversationContext) -> list[Token]:
    # the last objects named, or else the last selection ("pods with app=web", "them")
    last = context.last_target or next(
        (op for op in reversed(context.last_operations) if op.label_selector), None
    )
    if last is None:
        return tokens
    out: list[Token] = []
    kind = last.resource.kind.lower() if last.resource else ""
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
        seen = " ".join(t.norm for t in tokens[i + 2 : i + 6])
        just_seen = _ONE_JUST_SEEN.match(seen) if tok.norm == "the" and nxt == "one" else None
        if tok.norm in PRONOUNS and not tok.quoted:
            out.extend(target_tokens(last))
        elif tok.norm in ("that", "this") and kind and nxt in (kind, kind + "s") and last.targets:
            out.extend(target_tokens(last))  # "tell me about that pod": the one just named
            i += 1
        elif tok.norm in ("that", "this") and nxt in ONE_WORDS and last.targets:
            out.extend(target_tokens(last))  # "logs on that one", "reboot this workload"
            i += 1
        elif just_seen is not None and last.targets:  # "logs of the one you just showed"
            out.extend(target_tokens(last))
            i += 1 + len(just_seen.group(0).split())
        else:
            out.append(tok)
        i += 1
    return out


# Parts of an object that "it" may point back at instead of the object.
_PARTS = frozenset(
    "label labels annotation annotations taint taints variable variables env".split()
)
_VARIABLE_NAME = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+")
# What points back at an object named earlier in the same sentence.
_BACK = frozenset("it them those these that".split())


def fronted_object(tokens: list[Token], kinds: KindTable) -> list[Token]:
    """'Pods with team=ml: delete them', 'we dont need namespace cdn anymore, delete it':
    the object comes first and the request after it, pointing back. Read as the request
    about that object ("delete Pods with team=ml"); anything else is left as it is."""
    for i in range(len(tokens) - 1, 0, -1):
        if tokens[i].norm not in (",", ";", ":", "-", "->") or i + 1 >= len(tokens):
            continue
        verb, back = tokens[i + 1], tokens[i + 2] if i + 2 < len(tokens) else None
        head = tokens[:i]
        acts = verb.norm in CLAUSE_VERBS or verb.norm in ACTION_WORDS or verb.norm in DESTROY
        # "sa ci-bot -> create": an arrow points at the request, with nothing after it
        arrowed = tokens[i].norm == "->" and all(
            t.norm in STOPWORDS or not t.norm.isalnum() for t in tokens[i + 2 :]
        )
        if arrowed and acts:
            back = None
        elif not acts or back is None or back.norm not in _BACK or back.quoted:
            return tokens
        if any(t.norm in CLAUSE_VERBS or t.norm in ACTION_WORDS for t in head):
            return tokens  # "restart web, then describe it": two requests
        if any(t.norm in _PARTS or _VARIABLE_NAME.fullmatch(t.text) for t in head):
            return tokens  # "web doesnt need LOG_LEVEL anymore, remove it": the variable
        named = any(
            t.quoted
            or ((k := kinds.lookup(t.norm)) is not None and k.ref.plural != "all")
            or any(c in t.norm for c in "-=0123456789")
            for t in head
        )
        if not named:
            return tokens  # "ok all patched, uncordon it": the object is the last one
        if any(t.norm not in STOPWORDS and t.norm.isalnum() for t in tokens[i + 3 :]):
            return tokens  # "zookeeper runs 6 pods in qa: give it 2 more" says more
        return [verb, *head, *tokens[i + (2 if back is None else 3) :]]
    return tokens


def refine(
    tokens: list[Token], context: ConversationContext, kinds: KindTable
) -> list[Draft] | None:
    """'only warnings', 'follow them', 'as json', 'with more details': the same
    operations with extra modifiers."""
    norms = {t.norm for t in tokens}
    if norms & ACTION_WORDS:
        return None
    last_plurals = {op.resource.plural for op in context.last_operations if op.resource}
    u = Utterance(tokens, kinds)
    s = extract_common(u)
    if any(m.info.ref.plural not in last_plurals for m in u.kind_mentions()):
        return None
    fields = field_selector(u)
    drafts = [draft_from_op(op, kinds) for op in context.last_operations]
    changed = False
    for d in drafts:
        if s.all_namespaces:
            d.slots.all_namespaces, d.slots.namespace, changed = True, None, True
        if s.selector:
            d.slots.selector, changed = s.selector, True
        if fields:
            d.slots.field_selector, changed = fields, True
        updates = modifiers(u, d.verb, s)
        if updates:
            d.params.update(updates)
            changed = True
    if not changed:
        return None
    leftover = [i for i in range(len(u)) if u.is_name(i) and u.norms[i] not in PRONOUNS]
    if leftover:
        return None  # a new object name: not a refinement of the last request
    return drafts


# Words around a new number in "actually make it 6", "no, 4 instead", "change that to 2".
_AMOUNT_WORDS = frozenset(
    """actually make it that them this instead no rather wait change set to please pls now ok
of plan scratch nope nah hmm ugh typo my bad
okay let's lets do how about go with replicas replica pods copies instances oh sorry i meant and
mean use on second thought thoughts correction oops hmm nah nope better maybe just
small quick correct corrected is should be then only settle settled fix wanted intended
meant really count number total wrong right err erm uh um hang ah should've shouldve been have
run go bugger damn dang darn shoot whoops crap blast amend correct correction let me
misspoke misspeak misspoken pardon excuse slip mistake mistyped misread miscounted fat-fingered
finger fingers brain i'm im was were revise revised revision amended update updated adjust
adjusted tweak tweaked rethink reconsider second guess gonna want need prefer preferred go
""".split()
)
# "the one we just scaled — 5 now", "this workload, 4 please": the last object named by a
# reference rather than by name, around a new number.
_REFERENCE_RE = re.compile(
    r"\b(?:the|that|this|same) (?:same )?(?:one|workload|app|application|object|resource|thing)"
    r"(?: (?:you|we|i) (?:just )?\w+)?\b"
)


def _relative_scale(
    tokens: list[Token], context: ConversationContext, kinds: KindTable
) -> list[Draft] | None:
    """'double it', 'twice as many please', 'add 1 more' right after a scale: the new
    count from the one the last turn set. A turn naming its own target is a new request."""
    if len(context.last_operations) != 1 or context.last_operations[0].verb != "scale":
        return None
    last = context.last_operations[0]
    current = last.params.get("replicas")
    text = " ".join(t.norm for t in tokens)
    if not isinstance(current, int) or isinstance(current, bool) or not is_relative(text):
        return None
    if any(kinds.lookup(t.norm) for t in tokens) or any("-" in t.norm for t in tokens):
        return None
    replicas = relative_change(text, current)
    if replicas is None:
        return None
    d = draft_from_op(last, kinds)
    d.params["replicas"] = replicas
    return [d]


def new_amount(
    tokens: list[Token], context: ConversationContext, kinds: KindTable
) -> list[Draft] | None:
    """'actually make it 6': the last operation again with its number changed. Only when
    the turn is a number and words about changing it, and the last operation has exactly
    one whole-number parameter."""
    relative = _relative_scale(tokens, context, kinds)
    if relative is not None:
        return relative
    words = " ".join(t.norm for t in tokens)
    reference = _REFERENCE_RE.search(words)
    if reference:  # the words of "the one we just scaled" are neither a number nor a name
        first = words[: reference.start()].count(" ")
        tokens = tokens[:first] + tokens[first + len(reference.group(0).split()) :]
    numbers = [t for t in tokens if t.norm.isdigit() or t.norm in NUMBER_WORDS]
    rest = [t for t in tokens if t not in numbers and not re.fullmatch(r"\W+", t.norm)]
    if len(numbers) != 1 or any(t.norm not in _AMOUNT_WORDS for t in rest):
        return None
    if len(context.last_operations) != 1:
        return None
    last = context.last_operations[0]
    counts = [k for k, v in last.params.items() if isinstance(v, int) and not isinstance(v, bool)]
    if len(counts) != 1:
        return None
    d = draft_from_op(last, kinds)
    said = numbers[0].norm
    d.params[counts[0]] = NUMBER_WORDS[said] if said in NUMBER_WORDS else int(said)
    return [d]


_TAKE_OFF_RE = re.compile(
    r"\b(remove|delete|drop|undo|unset|clear|take|strip|get rid of)\b"
    r".*\b(labels?|annotations?|tags?|it|that|them|those|this)\b"
)
_KV_RE = re.compile(r"[\w./-]+=")


def remove_last_labels(
    tokens: list[Token], context: ConversationContext, kinds: KindTable
) -> list[Draft] | None:
    """'now remove that label', 'take the annotation off again': the keys the last
    label/annotate operation set, removed (`key-`) from the same objects."""
    if len(context.last_operations) != 1:
        return None
    last = context.last_operations[0]
    key = {"label": "labels", "annotate": "annotations"}.get(last.verb)
    values = last.params.get(key or "")
    text = " ".join(t.norm for t in tokens)
    if key is None or not isinstance(values, list) or not _TAKE_OFF_RE.search(text):
        return None
    if any(_KV_RE.match(t.norm) or t.norm.endswith("-") for t in tokens):
        return None  # names its own keys: an ordinary request
    keys = [v.split("=", 1)[0] + "-" for v in values if "=" in v]
    if not keys:
        return None
    d = draft_from_op(last, kinds)
    d.params = {key: keys}
    return [d]


# What a rollout is called, and the states it is asked about ("is the update done?", "still
# going?", "completed or not", "did it go out cleanly?").
_ROLLING_THING = (
    r"(?:it|its|that|this|everything|the (?:rollout|update|change|restart|deploy|deployment"
    r"|release|upgrade|new version))"
)
_STATUS_RE = re.compile(
    r"^(?:(?:and|so|ok|okay|now|is|has|was|are|did) )*(?:" + _ROLLING_THING + r" )?(?:still )?"
    r"(?:done|finished|complete|completed|over|ready|through|status|progress|rolled out|live"
    r"|out|going|in progress|progressing|landed"
    # "has it settled?", "is it stable yet", "all green now?"
    r"|settled|settled down|stable|stabili[sz]ed|steady|healthy|green|all green|calm|calmed down"
    r"|converged|caught up|finished up|wrapped up|up|good|all good|ok|okay|fine|happy)"
    r"(?: yet| now| already| or not| again)?$"
    # "check the status", "how's that going", "did it work?", "show me the progress"
    r"|^(?:(?:and|so|ok|now) )*(?:check|show|show me|get|what(?:'s|s| is)?|how(?:'s|s| is)?|"
    r"watch|track|follow) (?:on )?(?:the |its |it's )?(?:rollout )?(?:status|progress)"
    r"(?: of (?:it|that|the rollout))?$"
    r"|^(?:(?:and|so|ok|now) )*how(?:'s|s| is)? " + _ROLLING_THING + r" (?:going|coming along"
    r"|doing|progressing|looking|shaping up|getting on|coming on)(?: now| so far)?$"
    # "progress report on the rollout?", "a status update on it"
    r"|^(?:(?:and|so|ok|now) )*(?:an? |the )?(?:progress|status) (?:report|update|check)"
    r" (?:on|of|for) " + _ROLLING_THING + r"$"
    r"|^(?:(?:and|so|ok|now) )*(?:did|has) "
    + _ROLLING_THING
    + r" (?:been )?(?:work|worked|finish|finished"
    r"|succeed|succeeded|go through|gone through|go out|gone out|roll out|rolled out|land|landed)"
    r"(?: cleanly| ok| okay| fine| well| yet| alright| successfully)?$"
    # "are all the new pods up?"
    r"|^(?:are|r) (?:all )?(?:the )?new (?:pods|replicas|ones) (?:up|ready|running|there)(?: yet)?$"
    # "check how that went", "how did it go?", "let me know how the restart goes"
    r"|^(?:(?:and|so|ok|now|check|see|tell me|let me know|show me) )*how (?:did )?"
    + _ROLLING_THING
    + r" (?:went|go|goes|is going|turned out|worked out)$"
)
_ROLLING = frozenset({"deployments", "statefulsets", "daemonsets"})


def rollout_progress(
    tokens: list[Token], context: ConversationContext, kinds: KindTable
) -> list[Draft] | None:
    """'is it done?', 'is the rollout finished?', 'and its status?' right after a change to
    a workload: the status of its rollout."""
    last = context.last_target
    text = " ".join(t.norm for t in tokens if t.norm not in ("?", ".", "!", ","))
    if last is None or last.resource is None or last.resource.plural not in _ROLLING:
        return None
    if not _STATUS_RE.match(text):
        return None
    d = draft_from_op(last, kinds)
    d.verb, d.params = "rollout.status", {}
    return [d]


def answer_to(text: str, choices: tuple[str, ...]) -> str | None:
    """The answer to a pending question, or None when `text` is a new request: one of the
    choices offered, or a short reply (a number, a name) that names no action."""
    reply = text.strip().rstrip(".!?").strip()
    for choice in choices:
        if reply.lower() == choice.lower():
            return choice
    if re.match(r"(?:i mean|i meant|actually|what i (?:mean|want) is)\b", reply, re.IGNORECASE):
        return None  # "i mean delete the pods labeled x": the request said again, in full
    # ("hi team, the web deployment in shop when you get a chance": the courtesy is no part)
    reply = without_courtesy(reply).rstrip(".!?").strip()
    words = reply.split()
    if not words or len(words) > 8:
        return None
    if any(w.lower().strip(",") in ACTION_WORDS | CLAUSE_VERBS for w in words):
        return None
    numbers = [str(NUMBER_WORDS.get(w.lower(), w)) for w in words]
    digits = [n for n in numbers if n.isdigit()]
    if len(digits) == 1 and all(
        n.isdigit() or n.lower().strip(",") in _AMOUNT_WORDS for n in numbers
    ):
        return digits[0]  # "make it 3", "let's go with three": the number is the answer
    return " ".join(numbers)


def resumable(question: Clarification, text: str) -> Clarification:
    """A question whose answer completes `text`: the rule's own template, or, for a
    question about a name, the text with that name replaced by the answer."""
    question = replace(question, request=text)
    if question.resume:  # the rule's template; `{text}` is the request as typed
        return replace(question, resume=question.resume.replace("{text}", text))
    if not question.choices:
        # "Which image?" → "mailer:2.0.0": the reply completes the request as typed
        asks = question.question.split(" ", 1)[0].lower() in ("which", "what", "how", "in")
        return replace(question, resume=text + " {answer}") if asks else question
    quoted = question.question.split("'")
    if len(quoted) >= 3 and quoted[1] and quoted[1] in text.split():
        words = ["{answer}" if w == quoted[1] else w for w in text.split()]
        return replace(question, resume=" ".join(words))
    return replace(question, resume=text + " {answer}")


def completions(tokens: list[Token], context: ConversationContext | None) -> list[list[Token]]:
    """A request the rules could not finish, completed from the conversation: with the
    object last talked about ("check the rollout status"), or, right after a listing, with
    the kind listed when the request names its objects ("delete the one called old-settings",
    "delete the ones with label job=smoke-test"). Never for a request that names nothing
    ("delete them all" stays a question: every pod listed is too much to infer) or picks by
    position ("describe the first one")."""
    if context is None:
        return []
    out: list[list[Token]] = []
    # the last objects named, or else the last selection ("pods with app=web", "logs too")
    last = context.last_target or next(
        (op for op in reversed(context.last_operations) if op.label_selector), None
    )
    if last is not None:
        out.append([*tokens, *target_tokens(last)])
    listed = context.last_operations[-1] if context.last_operations else None
    if listed is None or listed.verb != "get" or listed.resource is None or listed.targets:
        return out
    norms = {t.norm for t in tokens}
    if norms & _POSITIONS:
        return out
    names = any(
        t.quoted or "=" in t.norm or any(ch.isdigit() or ch == "-" for ch in t.norm) for t in tokens
    )
    if names:
        kind = listed.resource.kind.lower()
        out.append([*tokens, Token(kind, kind)])
    return out


# Words that pick from a listing by position: the listing's rows are not in the context.
_POSITIONS = frozenset("first second third last top bottom next previous other".split())


def target_tokens(op: Operation) -> list[Token]:
    # "create configmap x" then "describe it": the kind the create named
    created = op.verb.split(".")[1] if op.verb.startswith("create.") else ""
    kind = op.resource.kind.lower() if op.resource else (created or "pod")
    out = [Token(kind, kind)]
    for j, name in enumerate(op.targets):
        if j:
            out.append(Token(",", ","))
        out.append(Token(name, name.lower(), quoted=True))
    if not op.targets and op.label_selector:
        # "show pods with app=web" then "describe them": the same selection
        sel = op.label_selector
        out += [Token("with", "with"), Token("label", "label"), Token(sel, sel.lower())]
    return out


def draft_from_op(op: Operation, kinds: KindTable) -> Draft:
    d = Draft(op.verb, params=dict(op.params), subresource=op.subresource)
    if op.resource is not None:
        info = kinds.by_plural(op.resource.plural)
        d.kinds = [info] if info else []
        d.explicit_kind = True
    d.names = list(op.targets)
    d.slots.namespace = op.namespace
    d.slots.selector = op.label_selector
    d.slots.field_selector = op.field_selector
    d.slots.all_namespaces = op.all_namespaces
    return d


def modifiers(u: Utterance, verb: str, s: Slots) -> dict[str, ParamValue]:
    """Parameters a follow-up adds to an operation of kind `verb`."""
    out: dict[str, ParamValue] = {}
    if verb == "logs":
        if u.search(r"\b(follow|stream|streaming|live|tail -f|keep watching)\b"):
            out["follow"] = True
        if u.search(r"\b(previous|terminated|crashed|prior|last run)\b"):
            out["previous"] = True
        m = u.search(r"\b(?:last|recent|latest|tail) (\d+)\b|\b(\d+) lines\b")
        if m:
            out["tail"] = int(m.group(1) or m.group(2))
        if u.search(r"\btimestamps?\b"):
            out["timestamps"] = True
        # "from the proxy container", "the sidecar container's": read as the logs rule reads it
        container = container_named(Ctx(u, u.kinds))
        if container:
            out["container"] = container
    elif verb == "events":
        if u.search(r"\bwarnings?\b"):
            out["types"] = "Warning"
        if s.watch:
            out["watch"] = True
    elif verb in ("get", "top.pod", "top.node"):
        if s.output and verb == "get":
            out["output"] = s.output
        if s.sort_by:
            out["sort_by"] = s.sort_by
        if s.watch and verb == "get":
            out["watch"] = True
        if verb == "get" and u.search(r"\b(labels)\b"):
            out["show_labels"] = True
    return out
