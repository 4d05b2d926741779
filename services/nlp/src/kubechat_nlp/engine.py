"""The deterministic rules engine: text → `Plan`, no model, no network."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Protocol

from kubechat_nlp.catalogue import Catalogue, Target, default_catalogue
from kubechat_nlp.cluster import ClusterView
from kubechat_nlp.context import ConversationContext
from kubechat_nlp.kinds import POD_OWNERS, STANDARD_KINDS, KindInfo, KindTable
from kubechat_nlp.lexicon import NOT_NAMES, NOT_NL_KIND_WORDS, TYPO_TARGETS
from kubechat_nlp.model import Clarification, Operation, ParamValue, Plan, Risk
from kubechat_nlp.render import render
from kubechat_nlp.resolve import resolve_name
from kubechat_nlp.reported import own_words
from kubechat_nlp.risk import operation_risk
from kubechat_nlp.rules import classify, shape
from kubechat_nlp.rules.common import Ctx, Draft
from kubechat_nlp.slots import Slots, extract_common, field_selector
from kubechat_nlp.smalltalk import smalltalk
from kubechat_nlp.text import InputError, Token, Vocabulary, clean, tokenize
from kubechat_nlp.utterance import Utterance

log = logging.getLogger(__name__)


class Engine(Protocol):
    def parse(
        self,
        text: str,
        *,
        context: ConversationContext | None = None,
        cluster: ClusterView | None = None,
    ) -> Plan: ...


_CLAUSE_VERBS = frozenset(
    """show list get describe scale restart check display tail watch roll
rollback undo set label annotate expose cordon drain uncordon top exec open print view give
fetch find pause resume""".split()
)
_NAMESPACELESS = frozenset(
    {
        "api-resources",
        "api-versions",
        "cluster-info",
        "cluster-info.dump",
        "version",
        "auth.whoami",
        "create.namespace",
        "top.node",
        "cordon",
        "uncordon",
        "drain",
        "taint",
        "explain",
    }
)
# Verbs whose kubectl line takes no namespace; other engines use it too.
NAMESPACELESS = _NAMESPACELESS
_PRONOUNS = frozenset({"it", "its", "them", "their"})
_ACTION_WORDS = frozenset(
    """delete remove create scale restart drain cordon uncordon label annotate
expose exec rollback undo set patch edit apply run pause resume roll kill destroy describe
port-forward forward copy debug top""".split()
)
_FILLER = frozenset(
    """and what about how same thing do the now also again ok okay but please
then too as well instead for same? there""".split()
)
# Kinds to search when a name comes without a kind and a cluster is known.
_DEFAULT_SEARCH = (
    "pods",
    "deployments",
    "statefulsets",
    "daemonsets",
    "services",
    "jobs",
    "cronjobs",
    "configmaps",
    "secrets",
)


class RulesEngine:
    """Grammar rules over tokens: verbs, kinds (with typos), names, namespaces, selectors."""

    def __init__(self, catalogue: Catalogue | None = None) -> None:
        self.catalogue = catalogue or default_catalogue()
        self._standard = KindTable(STANDARD_KINDS)
        words = set(NOT_NAMES)
        targets = set(TYPO_TARGETS)
        for word in self._standard.words():
            words.update(word.split())
            if len(word) >= 5 and word not in NOT_NL_KIND_WORDS:
                targets.update(word.split())
        self._vocab = Vocabulary(words, targets)

    # --- public ---------------------------------------------------------------------------
    def parse(
        self,
        text: str,
        *,
        context: ConversationContext | None = None,
        cluster: ClusterView | None = None,
    ) -> Plan:
        if context is not None and context.pending:
            answer = _answer(text[:200], context.pending_choices)
            resumed = replace(context, pending="", pending_choices=())
            if answer is not None:  # the reply completes the request that was asked about
                text = context.pending.replace("{answer}", answer)
            context = resumed
        try:
            cleaned = clean(text)
        except InputError as err:
            return Plan(clarification=Clarification(str(err)))
        help_answer = smalltalk(cleaned, cluster.namespaces() if cluster is not None else ())
        if help_answer is not None:
            return Plan(clarification=help_answer, confidence=0.95)
        own = own_words(cleaned)
        if not own:
            return Plan(
                clarification=Clarification(
                    "That reads like someone else's message, which I treat as data, not as "
                    "instructions. What would you like me to do?"
                )
            )
        try:
            return self._parse(own, context, cluster)
        except Exception:  # the engine must answer, never crash the turn
            log.exception("rules engine failed")
            return Plan(
                clarification=Clarification(
                    "I could not understand that request. Could you rephrase it?"
                )
            )

    # --- pipeline -------------------------------------------------------------------------
    def _kinds(self, cluster: ClusterView | None) -> KindTable:
        if cluster is None:
            return self._standard
        extra: list[KindInfo] = list(cluster.kinds())
        if not extra:
            return self._standard
        return KindTable([*STANDARD_KINDS, *extra])

    def _parse(
        self, text: str, context: ConversationContext | None, cluster: ClusterView | None
    ) -> Plan:
        kinds = self._kinds(cluster)
        tokens = tokenize(text, self._vocab)
        if not tokens:
            return Plan(clarification=Clarification("I could not find a request in that text."))
        corrected = sum(1 for t in tokens if not t.quoted and t.norm != t.text.lower())
        confidence = 0.92 - 0.05 * corrected
        if context is not None and context.last_operations:
            follow = self._refine(tokens, context, kinds) or self._follow_up(tokens, context, kinds)
            if follow is not None:
                return self._finish(follow, context, cluster, confidence - 0.05)
            tokens = self._resolve_pronouns(tokens, context)
        drafts: list[Draft] | Clarification | None = None
        clauses = self._split(tokens)
        if len(clauses) > 1:
            parts: list[Draft] = []
            for clause in clauses:
                if parts:  # "restart api and show its pods": "its" is the previous clause's
                    clause = self._resolve_pronouns(
                        clause, ConversationContext((parts[-1].build(),))
                    )
                result = self._clause(clause, kinds)
                if isinstance(result, Clarification):
                    break
                for d in result:
                    if parts and not d.slots.namespace and not d.slots.all_namespaces:
                        d.slots.namespace = parts[-1].slots.namespace
                parts.extend(result)
            else:
                drafts = parts
        if drafts is None:
            drafts = self._clause(tokens, kinds)
        last = context.last_target if context is not None else None
        if isinstance(drafts, Clarification) and last is not None and last.resource is not None:
            # "check the rollout status" right after talking about deployment api
            retry = self._clause([*tokens, *_target_tokens(last)], kinds)
            if not isinstance(retry, Clarification):
                drafts = retry
                confidence -= 0.1
        if isinstance(drafts, Clarification):
            return Plan(clarification=_resumable(drafts, text), confidence=0.5)
        plan = self._finish(drafts, context, cluster, confidence)
        if plan.clarification is not None:
            return replace(plan, clarification=_resumable(plan.clarification, text))
        return plan

    def _clause(self, tokens: list[Token], kinds: KindTable) -> list[Draft] | Clarification:
        u = Utterance(tokens, kinds)
        _, _, build = classify(shape(u))
        return build(Ctx(u, kinds))

    def _split(self, tokens: list[Token]) -> list[list[Token]]:
        clauses: list[list[Token]] = [[]]
        for i, tok in enumerate(tokens):
            nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
            nxt2 = tokens[i + 2].norm if i + 2 < len(tokens) else ""
            boundary = (
                tok.norm in (";", "then") and (nxt in _CLAUSE_VERBS or nxt2 in _CLAUSE_VERBS)
            ) or (tok.norm in ("and", ",") and nxt in _CLAUSE_VERBS)
            if boundary and clauses[-1]:
                clauses.append([])
                continue
            if tok.norm == "then" or (tok.norm == "and" and not clauses[-1]):
                continue
            clauses[-1].append(tok)
        clauses = [c for c in clauses if c]
        starts = _CLAUSE_VERBS | {"please", "now", "also", "and"}
        if len(clauses) > 1 and any(c[0].norm not in starts for c in clauses):
            return [tokens]
        return clauses

    # --- context ----------------------------------------------------------------------------
    def _resolve_pronouns(self, tokens: list[Token], context: ConversationContext) -> list[Token]:
        last = context.last_target
        if last is None or last.resource is None:
            return tokens
        out: list[Token] = []
        for tok in tokens:
            if tok.norm in _PRONOUNS and not tok.quoted:
                out.extend(_target_tokens(last))
            else:
                out.append(tok)
        return out

    def _refine(
        self, tokens: list[Token], context: ConversationContext, kinds: KindTable
    ) -> list[Draft] | None:
        """'only warnings', 'follow them', 'as json', 'with more details': the same
        operations with extra modifiers."""
        norms = {t.norm for t in tokens}
        if norms & _ACTION_WORDS:
            return None
        last_plurals = {op.resource.plural for op in context.last_operations if op.resource}
        u = Utterance(tokens, kinds)
        s = extract_common(u)
        if any(m.info.ref.plural not in last_plurals for m in u.kind_mentions()):
            return None
        fields = field_selector(u)
        drafts = [_draft_from_op(op, kinds) for op in context.last_operations]
        changed = False
        for d in drafts:
            if s.all_namespaces:
                d.slots.all_namespaces, d.slots.namespace, changed = True, None, True
            if s.selector:
                d.slots.selector, changed = s.selector, True
            if fields:
                d.slots.field_selector, changed = fields, True
            updates = _modifiers(u, d.verb, s)
            if updates:
                d.params.update(updates)
                changed = True
        if not changed:
            return None
        leftover = [i for i in range(len(u)) if u.is_name(i) and u.norms[i] not in _PRONOUNS]
        if leftover:
            return None  # a new object name: not a refinement of the last request
        return drafts

    def _follow_up(
        self, tokens: list[Token], context: ConversationContext, kinds: KindTable
    ) -> list[Draft] | None:
        """'same in staging', 'and in prod?', 'what about services?', 'now for backend'."""
        words = [t for t in tokens if t.norm not in ("?", ",", ".")]
        core = [t for t in words if t.norm not in _FILLER]
        if not core or len(core) > 3 or len(words) == len(core) and len(core) > 1:
            return None
        norms = [t.norm for t in words]
        if any(w in _CLAUSE_VERBS or w in ("delete", "create", "remove") for w in norms):
            return None
        new_ns: str | None = None
        new_kind: KindInfo | None = None
        new_name: str | None = None
        ns_words = [t for t in core if t.norm not in ("in", "namespace", "ns", "on")]
        if not ns_words:
            return None
        head = ns_words[0]
        info = kinds.lookup(" ".join(t.norm for t in ns_words)) or kinds.lookup(head.norm)
        if "in" in norms or "namespace" in norms or "ns" in norms:
            new_ns = head.text
        elif info is not None:
            new_kind = info
        elif context.last_target is not None:
            new_name = head.text
        else:
            new_ns = head.text
        drafts: list[Draft] = []
        for op in context.last_operations:
            d = _draft_from_op(op, kinds)
            if new_ns is not None:
                d.slots.namespace, d.slots.all_namespaces = new_ns, False
            if new_kind is not None:
                d.kinds, d.names = [new_kind], []
                if self.catalogue[d.verb].target is Target.NONE:
                    d.verb, d.params = "get", {}  # "events ... what about services?"
            if new_name is not None:
                d.names = [new_name]
            drafts.append(d)
        return drafts

    # --- finishing: cluster lookup, operations, risk, rendering ------------------------------
    def _finish(
        self,
        drafts: list[Draft],
        context: ConversationContext | None,
        cluster: ClusterView | None,
        confidence: float,
    ) -> Plan:
        ops: list[Operation] = []
        for d in drafts:
            if d.verb not in self.catalogue:
                return Plan(clarification=Clarification("I do not know how to do that yet."))
            namespace_typed = bool(d.slots.namespace or d.slots.all_namespaces)
            if (
                context
                and context.namespace
                and not d.slots.namespace
                and not d.slots.all_namespaces
                and not d.verb.startswith("config.")
                and d.verb not in _NAMESPACELESS
            ):
                d.slots.namespace = context.namespace
            if cluster is not None and d.names:
                resolved = self._resolve_names(d, cluster, namespace_typed)
                if isinstance(resolved, Clarification):
                    return Plan(clarification=resolved, confidence=0.5)
                ops.extend(resolved)
                continue
            if d.guessed_kind:
                confidence -= 0.15
            op = d.build()
            if d.verb.startswith("config.") or d.verb in _NAMESPACELESS:
                op = _without_namespace(op)
            ops.append(op)
        risk = max((self._risk(op) for op in ops), default=Risk.READ)
        kubectl = tuple(render(op, self.catalogue) for op in ops)
        confidence = max(0.05, min(0.99, confidence))
        return Plan(tuple(ops), kubectl, risk, round(confidence, 2))

    def _risk(self, op: Operation) -> Risk:
        return operation_risk(op, self.catalogue)

    def _resolve_names(
        self, d: Draft, cluster: ClusterView, namespace_typed: bool
    ) -> list[Operation] | Clarification:
        entry = self.catalogue[d.verb]
        if entry.target is Target.NONE or d.verb.startswith(("create", "config.", "run")):
            return [d.build()]
        if d.explicit_kind or not d.guessed_kind:
            plurals = tuple(k.ref.plural for k in d.kinds)
        elif entry.target is Target.POD_OR_REF:
            plurals = ("pods", *POD_OWNERS)
        else:
            plurals = entry.default_kinds or _DEFAULT_SEARCH
        kinds = self._kinds(cluster)
        kind_word = {k.ref.plural: k.ref.kind.lower() for k in kinds.infos()}
        ops: list[Operation] = []
        for name in d.names:
            found = resolve_name(
                name, plurals, d.slots.namespace, namespace_typed, d.verb, cluster, kind_word
            )
            if isinstance(found, Clarification):
                return found
            info = kinds.by_plural(found.plural)
            slots = replace(d.slots, namespace=found.namespace or d.slots.namespace)
            single = Draft(
                d.verb,
                [info] if info else d.kinds,
                list(found.names),
                True,
                slots,
                dict(d.params),
                d.subresource,
            )
            ops.append(single.build())
        return _merge(ops)


_NUMBER_WORDS = {
    w: str(n)
    for n, w in enumerate("zero one two three four five six seven eight nine ten".split())
}


def _answer(text: str, choices: tuple[str, ...]) -> str | None:
    """The answer to a pending question, or None when `text` is a new request: one of the
    choices offered, or a short reply (a number, a name) that names no action."""
    reply = text.strip().rstrip(".!?").strip()
    for choice in choices:
        if reply.lower() == choice.lower():
            return choice
    words = reply.split()
    if not words or len(words) > 3:
        return None
    if any(w.lower() in _ACTION_WORDS or w.lower() in _CLAUSE_VERBS for w in words):
        return None
    return " ".join(_NUMBER_WORDS.get(w.lower(), w) for w in words)


def _resumable(question: Clarification, text: str) -> Clarification:
    """A question whose answer completes `text`: the rule's own template, or, for a
    question about a name, the text with that name replaced by the answer."""
    if question.resume or not question.choices:
        return question
    quoted = question.question.split("'")
    if len(quoted) >= 3 and quoted[1] and quoted[1] in text.split():
        words = ["{answer}" if w == quoted[1] else w for w in text.split()]
        return replace(question, resume=" ".join(words))
    return replace(question, resume=text + " {answer}")


def _target_tokens(op: Operation) -> list[Token]:
    kind = op.resource.kind.lower() if op.resource else "pod"
    out = [Token(kind, kind)]
    for j, name in enumerate(op.targets):
        if j:
            out.append(Token(",", ","))
        out.append(Token(name, name.lower(), quoted=True))
    return out


def _draft_from_op(op: Operation, kinds: KindTable) -> Draft:
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


def _modifiers(u: Utterance, verb: str, s: Slots) -> dict[str, ParamValue]:
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


def _without_namespace(op: Operation) -> Operation:
    from dataclasses import replace

    return replace(op, namespace=None, all_namespaces=False)


def _merge(ops: list[Operation]) -> list[Operation]:
    """Operations that differ only by name become one operation on several names."""
    from dataclasses import replace

    merged: list[Operation] = []
    for op in ops:
        if merged:
            prev = merged[-1]
            if replace(prev, name=op.name, names=()) == op:
                merged[-1] = replace(prev, names=(*prev.names, *op.targets))
                continue
        merged.append(op)
    return merged
