"""The deterministic rules engine: text → `Plan`, no model, no network."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

from kubechat_nlp.asked import ASKED, asks_about_a_change, asks_about_a_command
from kubechat_nlp.catalogue import Catalogue, default_catalogue
from kubechat_nlp.clauses import split_clauses, without_trailing_aside
from kubechat_nlp.cluster import ClusterView
from kubechat_nlp.context import ConversationContext
from kubechat_nlp.ellipsis import with_verbs_restored
from kubechat_nlp.entities import flags_as_words, numbers_as_digits
from kubechat_nlp.followups import (
    answer_to,
    completions,
    fronted_object,
    new_amount,
    points_back,
    refine,
    remove_last_labels,
    resolve_pronouns,
    resumable,
    rollout_progress,
)
from kubechat_nlp.intent_model import shared_model
from kubechat_nlp.kind_table import KindTable, standard_table
from kubechat_nlp.kinds import STANDARD_KINDS, KindInfo
from kubechat_nlp.lexicon import (
    KNOWN_WORDS,
    NOT_NAMES,
    NOT_NL_KIND_WORDS,
    SWAP_TARGETS_SHORT,
    TYPO_TARGETS,
)
from kubechat_nlp.model import Clarification, Operation, Plan, Risk
from kubechat_nlp.render import render
from kubechat_nlp.resolve import resolve_draft
from kubechat_nlp.risk import operation_risk
from kubechat_nlp.rules import classify, compile_phrases, shape
from kubechat_nlp.rules.choose import cue_at_head, only_fallback, rule_named
from kubechat_nlp.rules.common import GUESSED_CONFIDENCE, Ctx, Draft, Result
from kubechat_nlp.rules.cues import rule_of
from kubechat_nlp.scope import Scope, take_scope
from kubechat_nlp.smalltalk import says_nothing, smalltalk, without_courtesy
from kubechat_nlp.switches import follow_up
from kubechat_nlp.text import InputError, Token, Vocabulary, clean, tokenize
from kubechat_nlp.undo import undo_last_change
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


# How sure the statistical fallback must be before its reading is taken; a reading that
# changes something must be surer ("i'm going to need you to do the thing from yesterday"
# is no restart).
_MODEL_CONFIDENCE = 0.8
_CHANGE_CONFIDENCE = 0.9
_READ_RULES = frozenset(
    "describe logs events top auth explain api-resources version cluster-info config".split()
)
_NEVER_GUESSED = frozenset({"", "get", "vague", "delete", "drain", "taint", "patch", "replace"})
_NODE_RULES = frozenset({"cordon", "uncordon", "drain", "taint"})
_KIND_TABLES_KEPT = 64  # clusters with their own kinds, each table a few hundred KiB


class RulesEngine:
    """Grammar rules over tokens: verbs, kinds (with typos), names, namespaces, selectors."""

    def __init__(self, catalogue: Catalogue | None = None) -> None:
        self.catalogue = catalogue or default_catalogue()
        self._standard = standard_table()
        # A cluster's own kinds (CRDs) change rarely: its table is built once per set of them
        self._with_extra: dict[tuple[KindInfo, ...], KindTable] = {}
        words = set(NOT_NAMES) | KNOWN_WORDS
        targets = set(TYPO_TARGETS)
        for word in self._standard.words():
            words.update(word.split())
            if len(word) >= 4 and word not in NOT_NL_KIND_WORDS:
                # ("kube workload" makes no typo target of "workload" either)
                targets.update(w for w in word.split() if w not in NOT_NL_KIND_WORDS)
        self._vocab = Vocabulary(words, targets, SWAP_TARGETS_SHORT)
        # The catalogue's phrasings: an entry no rule builds is read from its declaration.
        self._phrases = compile_phrases(self.catalogue)

    def warmed(self) -> RulesEngine:
        """Trains the statistical fallback now (about half a second) rather than on the
        first request that needs it; a service calls this at start."""
        shared_model(self.catalogue, self._shape_text, rule_of)
        return self

    # --- public ---------------------------------------------------------------------------
    def parse(
        self,
        text: str,
        *,
        context: ConversationContext | None = None,
        cluster: ClusterView | None = None,
    ) -> Plan:
        if context is not None and context.pending:
            answer = answer_to(text[:200], context.pending_choices)
            resumed = replace(context, pending="", pending_choices=(), pending_request="")
            if answer is not None:  # the reply completes the request that was asked about
                phrase = len(answer.split()) > 2 and answer not in context.pending_choices
                text = (
                    f"{context.pending_request} {answer}"  # "in finance, to three"
                    if phrase and context.pending_request
                    else context.pending.replace("{answer}", answer)
                )
            context = resumed
        try:
            cleaned = clean(text)
        except InputError as err:
            return Plan(clarification=Clarification(str(err)))
        core = without_courtesy(cleaned)
        help_answer = smalltalk(cleaned, cluster, core)
        if help_answer is not None:
            return Plan(clarification=help_answer, confidence=0.95)
        try:
            return self._parse(with_verbs_restored(core), context, cluster, said=cleaned)
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
        extra = tuple(cluster.kinds())
        if not extra:
            return self._standard
        table = self._with_extra.get(extra)
        if table is None:
            if len(self._with_extra) >= _KIND_TABLES_KEPT:
                self._with_extra.clear()
            table = self._with_extra[extra] = KindTable([*STANDARD_KINDS, *extra])
        return table

    def _parse(
        self,
        text: str,
        context: ConversationContext | None,
        cluster: ClusterView | None,
        said: str = "",
    ) -> Plan:
        kinds = self._kinds(cluster)
        tokens = tokenize(text, self._vocab)
        logs = any(t.norm in ("logs", "log", "logging") for t in tokens)
        tokens = without_trailing_aside(
            numbers_as_digits(flags_as_words(tokens, logs=logs)), self._vocab
        )
        tokens = fronted_object(tokens, kinds)
        if not tokens:
            return Plan(clarification=Clarification("I could not find a request in that text."))
        corrected = sum(1 for t in tokens if not t.quoted and t.norm != t.text.lower())
        confidence = 0.92 - 0.05 * corrected
        undone = undo_last_change(text, context, self.catalogue)  # the last change that ran
        if undone is not None:
            return undone
        if context is not None and context.last_operations:
            follow = (
                new_amount(tokens, context, kinds)
                or remove_last_labels(tokens, context, kinds)
                or rollout_progress(tokens, context, kinds)
                or refine(tokens, context, kinds)
                or (
                    None
                    if self._acts_on_a_pronoun(tokens, kinds)
                    else follow_up(tokens, context, kinds, self.catalogue, cluster, said)
                )
            )
            if follow is not None:
                return self._finish(follow, context, cluster, confidence - 0.05)
            tokens = resolve_pronouns(tokens, context)
        drafts: list[Draft] | Clarification | None = None
        clauses = split_clauses(tokens)
        if len(clauses) > 1:
            parts: list[Draft] = []
            for clause in clauses:
                if parts:  # "restart api and show its pods": "its" is the previous clause's
                    clause = resolve_pronouns(clause, ConversationContext((parts[-1].build(),)))
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
        # ("lifesaver", "phew thanks" ask nothing of the last object)
        asks = isinstance(drafts, Clarification) and not says_nothing(tokens, kinds)
        for completed in completions(tokens, context) if asks else ():
            # "check the rollout status" right after talking about deployment api
            retry = self._clause(completed, kinds)
            if not isinstance(retry, Clarification):
                drafts = retry
                confidence -= 0.1
                break
        if isinstance(drafts, Clarification):
            return Plan(clarification=resumable(drafts, text), confidence=0.5)
        if (
            asks_about_a_command(text)
            or asks_about_a_change(text)
            and any(
                d.verb in self.catalogue and self.catalogue[d.verb].risk is not Risk.READ
                for d in drafts
            )
        ):
            return Plan(clarification=ASKED, confidence=0.5)
        plan = self._finish(drafts, context, cluster, confidence)
        if plan.clarification is not None:
            return replace(plan, clarification=resumable(plan.clarification, text))
        return plan

    def _acts_on_a_pronoun(self, tokens: list[Token], kinds: KindTable) -> bool:
        """'dig into it', 'logs of that': a request of its own about the last target (a
        cue of a rule besides the list), never the last request switched to a new name."""
        norms = {t.norm for t in tokens}
        # "the particulars of that pod", "reboot this workload": pointing as a pronoun does
        if not points_back(tokens, kinds) or norms & {
            "again",
            "too",
            "also",
            "same",
            "repeat",
            "redo",
        }:
            return False  # ("run it again in qa" is the last request again)
        return classify(shape(Utterance(tokens, kinds)), self._phrases)[0] not in ("get", "vague")

    def _model_reading(
        self, shaped: str, tokens: list[Token], kinds: KindTable, *, scoped: bool
    ) -> tuple[str, Callable[[Ctx], Result]] | None:
        """Wording no cue knows: the statistical model's rule, when it is confident and
        that rule's builder can read the request."""
        model = shared_model(self.catalogue, self._shape_text, rule_of)
        label, probability = model.predict(shaped)
        # A guess never destroys: those readings need a cue the user actually typed.
        rule = rule_named(label) if label not in _NEVER_GUESSED else None
        needed = _MODEL_CONFIDENCE if label in _READ_RULES else _CHANGE_CONFIDENCE
        if rule is None or probability < needed:
            return None
        # nothing named (no kind, no object, no namespace): "everything is broken" is talk
        named = scoped or any(
            ((k := kinds.lookup(t.norm)) is not None and k.ref.plural != "all")
            or any(ch.isdigit() or ch == "-" for ch in t.norm)
            for t in tokens
        )
        if not named:
            return None
        marked = self._verb_marked(Utterance(list(tokens), kinds), label, shaped)
        trial = rule[2](Ctx(marked, kinds))
        return None if isinstance(trial, Clarification) else (label, rule[2])

    def _shape_text(self, text: str) -> str:
        tokens = tokenize(without_courtesy(text), self._vocab)
        return shape(Utterance(numbers_as_digits(tokens), self._standard))

    def _verb_marked(self, u: Utterance, rule: str, shaped: str) -> Utterance:
        """The verb that opens the request is never its object ("trash secrets with …",
        "size web to 3", "power cycle web"), whichever synonym it is. `shaped` is
        `shape(u)`."""
        span = cue_at_head(shaped, rule, self._phrases) if rule != "get" else None
        for i in span or ():
            if i < len(u) and u.kind_at(i) is None:
                tok = u.tokens[i]
                if tok.norm.isalpha() and not tok.quoted:
                    u.used.add(i)
        return u

    def _clause(self, tokens: list[Token], kinds: KindTable) -> list[Draft] | Clarification:
        name, _, build = classify(shape(Utterance(tokens, kinds)), self._phrases)
        if name in ("config", "cp"):  # they spell the namespace themselves
            return build(Ctx(Utterance(tokens, kinds), kinds))
        scoped, scope = take_scope(tokens, kinds)
        first = name
        if name != "vague":  # "reset in services": still vague once the scope is out
            name, _, build = classify(shape(Utterance(scoped, kinds)), self._phrases)
        if scope.guessed and first in _NODE_RULES:  # "evict everything from node-2, …"
            name, _, build = classify(shape(Utterance(tokens, kinds)), self._phrases)
        if scope.guessed and name in _NODE_RULES:
            scoped, scope = tokens, Scope()  # "cordon … on node-4": nodes have no namespace
        shaped = shape(Utterance(scoped, kinds))
        modelled = False  # the statistical model chose the reading, not a cue
        if name == "get" and only_fallback(shaped):
            guessed = self._model_reading(shaped, scoped, kinds, scoped=scope != Scope())
            if guessed is not None:
                (name, build), modelled = guessed, True
        marked = self._verb_marked(Utterance(scoped, kinds), name, shaped)
        said = bool(scope.namespace) and not scope.guessed
        result = build(Ctx(marked, kinds, scope.namespace, scope_said=said))
        if isinstance(result, Clarification) and name not in ("vague", "auth"):
            # The rule could not read it ("Which kind should I list?"): a confident
            # reading from the model, when its builder can
            guessed = self._model_reading(shaped, scoped, kinds, scoped=scope != Scope())
            if guessed is not None and guessed[0] != name:
                (name, build), modelled = guessed, True
                result = build(
                    Ctx(self._verb_marked(Utterance(scoped, kinds), name, shaped), kinds)
                )
        if scope.guessed and isinstance(result, Clarification):
            # "open a shell in web-1": the bare "in X" was the object the rule missed
            retry = build(Ctx(Utterance(tokens, kinds), kinds))
            if not isinstance(retry, Clarification):
                return retry
        if isinstance(result, list):
            for d in result:
                if modelled:  # a guess: a configured language model is asked first
                    d.confidence = min(d.confidence, GUESSED_CONFIDENCE)
                if not d.slots.namespace and not d.slots.all_namespaces:
                    d.slots.namespace = scope.namespace or None
                    d.slots.all_namespaces = scope.all_namespaces
        return result

    # --- context ----------------------------------------------------------------------------
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
            if d.guessed_kind and context is not None:
                self._kind_from_context(d, context)
            if (
                context
                and context.namespace
                and not d.slots.namespace
                and not d.slots.all_namespaces
                and self.catalogue[d.verb].namespaced
            ):
                d.slots.namespace = context.namespace
            confidence = min(confidence, d.confidence)
            if cluster is not None and d.names:
                resolved = resolve_draft(
                    d, self.catalogue[d.verb], cluster, self._kinds(cluster), namespace_typed
                )
                if isinstance(resolved, Clarification):
                    return Plan(clarification=resolved, confidence=0.5)
                ops.extend(resolved)
                continue
            if d.guessed_kind:
                confidence -= 0.15
            op = d.build()
            if not self.catalogue[d.verb].namespaced:  # declared once, in the catalogue
                op = _without_namespace(op)
            ops.append(op)
        risk = max((self._risk(op) for op in ops), default=Risk.READ)
        kubectl = tuple(render(op, self.catalogue) for op in ops)
        confidence = round(max(0.05, min(0.99, confidence)), 2)
        unrunnable = next((op for op in ops if not self.catalogue[op.verb].runnable), None)
        if unrunnable is not None:
            # Never planned: the reason, and the command for the user to run themselves.
            reason = self.catalogue[unrunnable.verb].unsupported_reason
            question = f"I can't run that for you: {reason}. You can run it yourself:"
            lines = "\n".join(kubectl)
            return Plan(
                (),
                kubectl,
                risk,
                confidence,
                Clarification(f"{question}\n{lines}"),
                unrunnable=tuple(ops),
            )
        return Plan(tuple(ops), kubectl, risk, confidence)

    def _kind_from_context(self, d: Draft, context: ConversationContext) -> None:
        """'describe mailer-settings' right after listing configmaps: a name without a kind
        is of the kind the conversation was just about, when the operation applies to it."""
        last = context.last_operations[-1] if context.last_operations else None
        if last is None or last.resource is None:
            return
        applies = self.catalogue[d.verb].kinds
        info = self._standard.by_plural(last.resource.plural)
        if info is not None and (not applies or info.ref.plural in applies):
            d.kinds, d.guessed_kind = [info], False

    def _risk(self, op: Operation) -> Risk:
        return operation_risk(op, self.catalogue)


def _without_namespace(op: Operation) -> Operation:
    from dataclasses import replace

    return replace(op, namespace=None, all_namespaces=False)
