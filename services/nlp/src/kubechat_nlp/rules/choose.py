"""Choosing the rule for a clause: the shaped text, the opening verb, and the catalogue's
phrasings where no cue matches."""

from __future__ import annotations

import re

from kubechat_nlp.catalogue import Catalogue, default_catalogue
from kubechat_nlp.lexicon import NOT_NAMES, STOPWORDS
from kubechat_nlp.rules.create_slots import IMAGE_REF
from kubechat_nlp.rules.cues import phrase_cues, unruled_entries
from kubechat_nlp.rules.generic import entry_builder
from kubechat_nlp.rules.heads import LOOK_VERBS as _LOOK_VERBS
from kubechat_nlp.rules.heads import READ_HEADS as _READ_HEADS
from kubechat_nlp.rules.heads import main_verb as _head
from kubechat_nlp.rules.table import RULES, Rule
from kubechat_nlp.utterance import Utterance

# Hyphenated words of the language, as whole tokens ("rollback-svc-6" is a name).
_KEEP_HYPHEN = re.compile(
    r"^-|^(?:port-forward|cluster-info|current-context|api-(resources|versions)|"
    r"can-i|(?:view-|edit-|set-)?last-applied\S*|dry-run\S*|custom-columns\S*|auto-scal\w*"
    r"|cluster-wide|roll-?back|non-running|re-create|set-context|use-context|get-contexts"
    r"|deep-dive|live-watch|off-schedule"
    r"|re-\w+)$"
)


def shape(u: Utterance) -> str:
    """The normalized text with object names blanked, so a pod called `rollout-test` or a
    quoted message cannot trigger a rule."""
    words: list[str] = []
    for i, tok in enumerate(u.tokens):
        norm = tok.norm
        if tok.literal:
            words.append("__quoted__")
        elif re.search(r"\.(ya?ml|json)$|^(\.{0,2}/|~/|https?://)", norm):
            words.append("x-file")
        elif re.search(r"\S:(noschedule|prefernoschedule|noexecute)-?$", norm):
            words.append("x-taint")  # "dedicated=gpu:NoSchedule" is a taint, whatever the verb
        elif re.fullmatch(r"[A-Z][A-Z0-9_]*=[^\s]*", tok.text):
            words.append("x-envkv")  # "DEBUG=true": a variable's setting by its convention
        elif re.fullmatch(r"[\w./-]+(=|!=)[^\s]*", norm):
            words.append("x-kv")
        elif re.fullmatch(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+", tok.text):
            words.append("x-var")  # "needs CACHE_TTL set to 300": a variable, never a count
        elif re.fullmatch(r"(localhost|127\.0\.0\.1|0\.0\.0\.0):\d+", norm):
            words.append("localhost")  # "on localhost:3000" is this machine, never an image
        elif IMAGE_REF.fullmatch(norm) and not re.fullmatch(r"\d*:\d+", norm):
            words.append("x-image")
        elif ("-" in norm or any(ch.isdigit() for ch in norm) or tok.quoted) and not (
            _KEEP_HYPHEN.search(norm) or norm.isdigit() or re.fullmatch(r"\d+[a-z%]{0,3}", norm)
        ):
            words.append("x-name")
        elif i and u.tokens[i - 1].norm in ("called", "named") and norm not in STOPWORDS:
            words.append("x-name")  # "a namespace called events": a name, even a kind's word
        elif norm in NOT_NAMES and u.named_by_its_kind(i):
            words.append("x-name")  # "scale deployment update to 3": the deployment's name
        else:
            words.append(norm)
    return " ".join(words)


# Rules that only ever change something (rules that also read, like `label --list`, are
# left to their own builders).
_CHANGE_RULES = frozenset(
    """patch drain uncordon cordon autoscale scale set-image set-resources set-serviceaccount
expose delete create run apply replace edit""".split()
)
# Rules keyed on a plain verb rather than a topic.
_VERB_RULES = frozenset(
    "patch drain uncordon cordon vague logs run scale delete create describe events get".split()
)
# The user's own destructive verb, in the passive, closing the request.
_PASSIVE_DELETE = re.compile(
    r"\b(can|should|may) (all |both |now |safely )*be (deleted|removed|destroyed|nuked)\W*$"
    r"|\b((is|are) to|(needs?|has|have|must)( to)?) be (deleted|removed|destroyed|terminated"
    r"|purged)\W*$"
    # "secrets a and b can both go", "get pvc x out of here"
    r"|\b((needs?|has|have) to|can|should|must|may) (all |both |now )*go\W*$|\bout of here\W*$"
)
# Light verbs say little by themselves ("start a rolling restart", "do a rollback"): the
# more specific cue after them decides.
_LIGHT_VERBS = frozenset("start do make perform trigger initiate kick begin issue have".split())


def only_fallback(text: str) -> bool:
    """No rule's cue matched and the request does not open by asking to see something:
    the table has no reading for it."""
    _, head, _ = _head(text)
    if head in _READ_HEADS:
        return False
    return not any(RULES[i][0] != "get" and p.search(text) for i, p in _COMPILED)


def rule_named(name: str) -> Rule | None:
    return next((rule for rule in RULES if rule[0] == name), None)


def cue_at_head(text: str, rule: str, phrases: PhraseRules | None = None) -> range | None:
    """The word indexes of the main verb when it is the rule's own cue ("trash secrets …"
    for delete, "power cycle web" for restart), None when the verb is something else or
    the object ("queue has 4 replicas, add 3 more")."""
    offset, head, after = _head(text)
    if not head:
        return None
    noun = _noun_after_article(offset, head, after)
    by_rule = _cues_by_rule(DEFAULT_PHRASES if phrases is None else phrases)
    for pattern, whole in by_rule.get(rule, ()):
        # anchored at the verb (lookbehinds still see the text before it)
        m = pattern.match(text, offset)
        if m is None and whole and noun is not None:
            m = pattern.match(text, noun)
        if m is not None:
            first = text[: m.start()].count(" ")
            return range(first, first + 1 + (m.group(0).count(" ") if whole else 0))
    return None


def _noun_after_article(offset: int, head: str, after: str) -> int | None:
    """Where the noun starts when an article opens the request ("the particulars of that
    pod", "a dossier on job y"): a catalogue phrasing may open there."""
    return offset + len(head) + 1 if offset == 0 and head in ("the", "a", "an") and after else None


# Keyed by the phrasings' identity: hashing the whole tuple on every parse cost more than
# the lookup saved. The tuple is kept beside its entry so the id cannot be reused.
_CUES: dict[int, tuple[PhraseRules, dict[str, list[tuple[re.Pattern[str], bool]]]]] = {}


def _cues_by_rule(phrases: PhraseRules) -> dict[str, list[tuple[re.Pattern[str], bool]]]:
    """Each rule's cues, its table cue first, once per set of phrasings rather than on every
    parse. A table cue marks its verb; a phrasing marks all its own words (the bool)."""
    cached = _CUES.get(id(phrases))
    if cached is not None and cached[0] is phrases:
        return cached[1]
    by_rule: dict[str, list[tuple[re.Pattern[str], bool]]] = {}
    for i, pattern in _COMPILED:
        by_rule.setdefault(RULES[i][0], []).append((pattern, False))
    for pattern, phrased in phrases:
        by_rule.setdefault(phrased[0], []).append((pattern, True))
    _CUES[id(phrases)] = (phrases, by_rule)
    return by_rule


# The last few readings: a parse classifies the same shaped text more than once (before and
# after its scope is taken out, when there is none); a few entries serve one parse and
# never an earlier request.
_LAST_READINGS: dict[tuple[int, str], tuple[PhraseRules, Rule]] = {}


def classify(text: str, phrases: PhraseRules | None = None) -> Rule:
    phrases = DEFAULT_PHRASES if phrases is None else phrases
    known = _LAST_READINGS.get((id(phrases), text))
    if known is not None and known[0] is phrases:
        return known[1]
    rule = _classify(text, phrases)
    if len(_LAST_READINGS) >= 4:
        _LAST_READINGS.clear()
    _LAST_READINGS[(id(phrases), text)] = (phrases, rule)
    return rule


# Events named before anything else is asked of a rollout.
_EVENTS_FIRST = re.compile(
    r"^(?:\S+ ){0,6}?(?:the |recent |latest |any )?events?\b(?!.*\b(?:undo|restart|pause|resume)\b)"
)
# A label key taken off an object: "unlabel KEY from", "drop label KEY off", "the KEY label
# from".
_LABEL_KEY_TAKEN = re.compile(
    r"\b(?:un-?label|(?:drop|remove|delete|strip|take) (?:the )?labels?) \S+ (?:from|off)\b"
    r"|\b(?:the )?\S+ label (?:from|off)\b"
)
# A role defined by what it allows, opening the request.
_ROLE_DEFINED = re.compile(
    r"^(?:\S+ ){0,2}?(?:a |an |new |the )?(?:cluster ?)?role \S+ .{0,60}?\b(?:that|which)"
    r" (?:can|may|could|is allowed to|allows?|lets?|grants?)\b"
)
_THROUGH_HEADS = frozenset("run go look read skim flick page walk scan".split())


def _classify(text: str, phrases: PhraseRules) -> Rule:
    """The rule that reads this clause best. Rules keyed on a topic (contexts, env vars,
    rollouts, images…) are specific and go first. Among rules keyed on a plain verb, the
    verb that opens the request wins over verbs later in the sentence ("describe api, then
    the lead wants it deleted" is a describe). A request that opens by asking to see
    something never takes a rule that only changes things."""
    offset, head, after = _head(text)
    head_end = offset + len(head)
    matching = [rule for rule in _COMPILED if rule[1].search(text)]
    if _EVENTS_FIRST.search(text):
        # "events since the last rollout", "the history of events": the events are asked
        # for, the rollout is when
        matching = [r for r in matching if RULES[r[0]][0] != "rollout"]
    if _LABEL_KEY_TAKEN.search(text):
        # "unlabel rollout from pod x", "drop label rollout off web": the key is a word
        # of the label, not a rollout
        matching = [r for r in matching if RULES[r[0]][0] != "rollout"]
    if _ROLE_DEFINED.search(text):
        # "role secret-peeker that can delete pods": what the role may do, never done now
        matching = [r for r in matching if RULES[r[0]][0] not in ("delete", "vague")]
    # Vague destruction is a way of opening a request ("clean up prod", "nuke it all"),
    # never a noun later on ("schedule a cronjob cleanup").
    matching = [
        r
        for r in matching
        if RULES[r[0]][0] != "vague" or any(m.start() <= head_end for m in r[1].finditer(text))
    ]
    opening = next(
        (
            rule
            for rule in matching
            if RULES[rule[0]][0] in _VERB_RULES
            and RULES[rule[0]][0] != "get"
            and any(m.start() <= head_end for m in rule[1].finditer(text))
        ),
        None,
    )
    if opening is not None and head not in _LIGHT_VERBS:
        matching = [r for r in matching if r is opening or RULES[r[0]][0] not in _VERB_RULES]
    reading = head in _READ_HEADS and not (head == "get" and after in ("rid", "into", "inside"))
    # "run through the daemonsets", "go over the jobs in qa": a look, whatever the verb
    reading = reading or (head in _THROUGH_HEADS and after in ("through", "over"))
    if reading and head not in _LOOK_VERBS and _PASSIVE_DELETE.search(text):
        reading = False  # "cronjobs a and b can both be deleted": a plural kind opens it

    if head == "get" and text[offset:].rstrip(" .!?").endswith("out of here"):
        reading = False  # "get pvc x out of here" throws it out
    if head == "get" and re.match(
        r"get \S+ (up and )?running (on|with|from|using)\b", text[offset:]
    ):
        reading = False  # "get chat running on busybox:1.36" starts it
    if head == "get" and (
        re.match(r"get \d+ (replicas?|instances?|copies|copy)\b", text[offset:])
        or re.search(r"\b(up )?to \d+ (replicas?|instances?|copies|pods)\b", text[offset:])
    ):
        reading = False  # "could we get 2 instances of billing", "get web up to 8 replicas"
    if head == "get" and re.match(
        r"get (an? |the )?(\S+ )?(shell|prompt|session|terminal|console)\b", text[offset:]
    ):
        reading = False  # "get a bash prompt in web-1" opens one
    if text[offset:].startswith("why ") or text.startswith("why "):
        # "why does web keep restarting", "why did web-1 restart": a diagnosis is a look at
        # the object, whatever change the question names
        describe = next((r for r in matching if RULES[r[0]][0] == "describe"), None)
        if describe is not None:
            return RULES[describe[0]]
    for rule in matching:
        if reading and RULES[rule[0]][0] in _CHANGE_RULES:
            continue
        if RULES[rule[0]][0] == "scale" and "x-image" in text.split():
            continue  # a scale names no image: "bootstrap web with 4 copies of nginx:1.27"
        if RULES[rule[0]][0] == "get" and not reading:
            break  # nothing but the fallback: try the catalogue's phrasings first
        return RULES[rule[0]]
    # Words the table has no cue for: a catalogue phrasing that opens the request
    # ("recycle the web pods", "take node-3 out of rotation"), after an article when a
    # noun opens it ("the transcript of pod x", "a dossier on job y").
    if _noun_after_article(offset, head, after) is not None:
        head_end += 1 + len(after)
    for pattern, phrased in phrases:
        if any(m.start() <= head_end for m in pattern.finditer(text)):
            return phrased
    return RULES[-1]


PhraseRules = tuple[tuple[re.Pattern[str], Rule], ...]


def compile_phrases(catalogue: Catalogue) -> PhraseRules:
    """The catalogue's phrasings, each leading to the rule that builds its entry, or, for
    an entry no rule builds, to the generic builder reading that entry's declaration."""
    cues = phrase_cues(catalogue)
    ruled = tuple((cues[rule[0]], rule) for rule in RULES if rule[0] in cues)
    generic = tuple(
        (pattern, (f"entry:{entry.name}", "", entry_builder(entry)))
        for entry, pattern in unruled_entries(catalogue)
    )
    return generic + ruled


_COMPILED = tuple((i, re.compile(r[1])) for i, r in enumerate(RULES))
DEFAULT_PHRASES = compile_phrases(default_catalogue())
