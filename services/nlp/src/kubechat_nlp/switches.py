"""Switches: the last request again with one thing changed. "same in staging" (another
namespace), "what about services?" (another kind), "same for ad-tracker" (another object)."""

from __future__ import annotations

from kubechat_nlp.catalogue import Catalogue, Target
from kubechat_nlp.cluster import ClusterView
from kubechat_nlp.context import ConversationContext
from kubechat_nlp.followups import ACTION_WORDS, CLAUSE_VERBS, PRONOUNS, draft_from_op
from kubechat_nlp.kind_table import KindTable
from kubechat_nlp.kinds import KindInfo
from kubechat_nlp.lexicon import COMMAND_WORDS, NOT_NAMES, STOPWORDS
from kubechat_nlp.model import Operation, ParamValue, Risk
from kubechat_nlp.rules.common import Draft
from kubechat_nlp.scope_terms import DESTROY
from kubechat_nlp.scope_words import ENVIRONMENTS
from kubechat_nlp.smalltalk import ABOUT_YOU
from kubechat_nlp.text import Token

# Kind words that are also requests of their own ("events for it", "logs of it").
_VERB_KINDS = frozenset({"events", "event", "logs", "log"})
_FILLER = frozenset(
    """and what about how same thing do the now also again ok okay but please
then too as well instead for same? there repeat that ditto is needed required likewise
once more this time round""".split()
)
# Words that ask for the last request again, elsewhere ("now monitoring too", "do that for
# jobs as well", "same for prod").
_AGAIN = frozenset("same repeat again too also well likewise then do ditto once".split())
# Words that turn a bare word into a switch ("and prod", "what about api", "in qa").
_SWITCH_MARKERS = _AGAIN | frozenset(
    "and what how about for now instead in on namespace ns as same repeat".split()
)
# What "run" points back at when it means the last request again ("run that again in qa").
_BACK = frozenset("it that this them".split())
# Words for "more of the same" that name no object: a follow-up with them is no target.
_VAGUE_MORE = frozenset(
    "others other rest remaining everything everyone all lot whole them those these else".split()
)


def follow_up(
    tokens: list[Token],
    context: ConversationContext,
    kinds: KindTable,
    catalogue: Catalogue,
    cluster: ClusterView | None,
    said: str = "",
) -> list[Draft] | None:
    """'same in staging', 'and in prod?', 'what about services?', 'now for backend'.
    `said` is the turn as typed, with the courtesy ("also …, please") the tokens lack."""
    words = [t for t in tokens if t.norm not in ("?", ",", ".")]
    if [t.norm for t in words[:3]] in (["apply", "that", "to"], ["apply", "it", "to"]):
        words = words[3:]  # "please apply that to intranet as well": the same, elsewhere
        said = f"{said} again"
    pairs = list(zip(words, words[1:], strict=False))
    if any(a.norm in ("this", "that") and b.norm == "one" for a, b in pairs):
        return None  # "that one too": the object just named, for the pronoun reading
    # ("events for this pod": the one just named; "repeat that in events" is the request)
    pointing = any(t.norm in PRONOUNS for t in words) or any(
        a.norm in ("this", "that") and kinds.lookup(b.norm) is not None for a, b in pairs
    )
    if pointing and any(t.norm in _VERB_KINDS for t in words):
        return None  # "events for it": the events of the last target, not a kind switch
    # "now do it in prod": the pronoun is the last request itself, not a name
    core = [t for t in words if t.norm not in _FILLER and t.norm not in PRONOUNS]
    # "in shop" is all content but one word of it: the scope words do not count
    content = [t for t in core if t.norm not in ("in", "namespace", "ns", "on")]
    if not content or len(core) > 3 or len(words) == len(core) and len(content) > 1:
        return None
    norms = [t.norm for t in words]
    if ABOUT_YOU & set(norms):
        return None  # "how smart are you?": a question to the assistant, never a switch
    # A bare word after a change ("thnx", "legend", "prod") is not enough to do it again:
    # that needs a word saying so ("and prod", "same for api", "staging too")
    typed = set(norms) | set(said.lower().replace(",", " ").replace("?", " ").split())
    again = bool(_AGAIN & typed)
    asked = norms[0] in ("is", "are", "was", "were", "did", "does", "has", "have")
    if asked and not typed & {"again", "same", "repeat", "redo"}:
        return None  # "is it stable now?" asks how things are ("what about prod?" switches)
    if not _SWITCH_MARKERS & typed and any(
        catalogue[op.verb].risk is not Risk.READ for op in context.last_operations
    ):
        return None  # ("talk to heroku" after a delete names nothing to delete)
    # ("trash it" is a request of its own; "run it again in qa" is the last one again)
    # ("run ls in it" is an exec; "run it again in qa" the last request again)
    ran_again = [
        a
        for a, b in zip(norms, norms[1:], strict=False)
        if a in ("run", "apply", "repeat", "redo") and b in _BACK
    ]
    if any(
        w in CLAUSE_VERBS or w in DESTROY or (w in ACTION_WORDS and not ran_again) for w in norms
    ):
        return None
    ns_words = [t for t in core if t.norm not in ("in", "namespace", "ns", "on")]
    if not ns_words:
        return None
    head = ns_words[0]
    scoped = "in" in norms or "namespace" in norms or "ns" in norms
    if scoped:  # "run it again in dev": the word the scope phrase names
        after = [
            w for a, w in zip(words, words[1:], strict=False) if a.norm in ("in", "namespace", "ns")
        ]
        head = next((w for w in after if w in ns_words), head)
    if head.norm in _VAGUE_MORE:
        return None  # "and the others too", "same for everything else": no object named
    if not scoped and norms[norms.index(head.norm) + 1 : norms.index(head.norm) + 2] == ["one"]:
        # "and the api one too": another object of the same kind
        return _switched(context, kinds, catalogue, namespace=None, name=head.text)
    info = kinds.lookup(" ".join(t.norm for t in ns_words)) or kinds.lookup(head.norm)
    if info is not None and info.ref.plural == "all":
        return None  # "same for everything": never a widening to every kind
    if info is None and head.norm in NOT_NAMES and not scoped and head.norm not in ENVIRONMENTS:
        plain = again and len(ns_words) == 1  # ("make it schedulable again" is a request)
        if not plain or head.norm in COMMAND_WORDS or head.norm in _VERB_KINDS:
            return None  # "logs please", "details?": a new request about the last target
    pair = _kind_and_name(ns_words, kinds) if not scoped else None
    if pair is not None:  # "same for deploy refund": another object, of the kind named
        return _switched(context, kinds, catalogue, kind=pair[0], name=pair[1])
    if info is not None and again and not _applies(context, info, catalogue):
        info = None  # "same for services" after a restart: nobody restarts a Service
    last_kinds = {op.resource.plural for op in context.last_operations if op.resource}
    if info is not None and info.ref.plural in last_kinds and "for" in norms:
        info = None  # "same for deploys" after a deployment: a namespace named so
    namespace: str | None = head.text
    name: str | None = None
    if scoped or (cluster is not None and head.text in cluster.namespaces()):
        pass  # "what about staging?" when staging is a namespace
    elif not scoped and _sibling(head.text, context.last_target):
        namespace, name = None, head.text  # "restart ad-server", "same for ad-tracker"
    elif info is not None:
        return _switched(context, kinds, catalogue, kind=info)
    elif head.norm in ENVIRONMENTS and not any(ch.isdigit() for ch in head.norm):
        pass  # "and prod too?": without a cluster to ask, an environment
    elif context.last_target is not None and (
        # "what about backend?" names another object; "same for prod", "then mobile" the
        # same request in another namespace, and "same for worker-4" another object unless
        # the request named its namespace ("restart api in prod", "now do qa-7")
        not again or any(ch.isdigit() for ch in head.norm) and not _named_namespace(context)
    ):
        namespace, name = None, head.text
    return _switched(context, kinds, catalogue, namespace=namespace, name=name)


def _named_namespace(context: ConversationContext) -> bool:
    return any(op.namespace for op in context.last_operations)


def _applies(context: ConversationContext, kind: KindInfo, catalogue: Catalogue) -> bool:
    """Whether the last request's operations apply to `kind` at all."""
    for op in context.last_operations:
        entry = catalogue[op.verb]
        if entry.target is Target.NONE or (entry.kinds and kind.ref.plural not in entry.kinds):
            return False
    return True


def _switched(
    context: ConversationContext,
    kinds: KindTable,
    catalogue: Catalogue,
    *,
    namespace: str | None = None,
    kind: KindInfo | None = None,
    name: str | None = None,
) -> list[Draft]:
    """The last operations again, in another namespace, of another kind or on another
    object."""
    drafts: list[Draft] = []
    for op in context.last_operations:
        d = draft_from_op(op, kinds)
        if namespace is not None:  # ("Mobile as well": namespaces are lower case)
            d.slots.namespace, d.slots.all_namespaces = namespace.lower(), False
        if kind is not None:
            d.kinds, d.names = [kind], []
            d.verb, d.params = _verb_for_kind(d.verb, d.params, kind, catalogue)
        if name is not None:
            d.names = [name]
        drafts.append(d)
    return drafts


def _kind_and_name(words: list[Token], kinds: KindTable) -> tuple[KindInfo, str] | None:
    """'deploy refund', 'pod web-2': a kind word and a name after it."""
    if len(words) != 2:
        return None
    kind, name = kinds.lookup(words[0].norm), words[1]
    if kind is None or kind.ref.plural == "all" or kinds.lookup(name.norm) is not None:
        return None
    if name.norm in NOT_NAMES or name.norm in _VAGUE_MORE or not name.norm[0].isalnum():
        return None
    return kind, name.text


def _sibling(word: str, last: Operation | None) -> bool:
    """'ad-tracker' after 'ad-server': a name of the same family as the object just named
    (same first part, both hyphenated), so another object rather than a namespace."""
    if last is None or "-" not in word:
        return False
    family = word.lower().split("-", 1)[0]
    if family in STOPWORDS:
        return False  # "my-team" after "my-app": a word, no family
    return any(
        "-" in t and t.lower() != word.lower() and t.lower().split("-", 1)[0] == family
        for t in last.targets
    )


def _verb_for_kind(
    verb: str, params: dict[str, ParamValue], kind: KindInfo, catalogue: Catalogue
) -> tuple[str, dict[str, ParamValue]]:
    """The same request about another kind ("and the nodes?"), or a plain listing when the
    operation does not apply to that kind ("scale api" then "and pods there?")."""
    sibling = {"top.pod": "top.node", "top.node": "top.pod"}.get(verb)
    if sibling and kind.ref.plural in catalogue[sibling].kinds:
        return sibling, {}
    entry = catalogue[verb]
    if entry.target is Target.NONE or (entry.kinds and kind.ref.plural not in entry.kinds):
        return "get", {}
    return verb, params
