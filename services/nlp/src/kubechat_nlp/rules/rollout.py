"""The rollout rule: restart, undo, pause, resume, status and history, told apart by the
opening verb, the topic words and the catalogue's everyday wording."""

from __future__ import annotations

import re

from kubechat_nlp.catalogue import default_catalogue
from kubechat_nlp.rules.common import Ctx, Result, clarify, draft_for, first_int
from kubechat_nlp.rules.cues import phrasings_pattern
from kubechat_nlp.rules.heads import main_verb, opens_with_a_look
from kubechat_nlp.rules.scaling import (
    WORD_NUM,
    mark_opening_verb,
    object_after_verb,
    skip_lead,
    word_number,
)
from kubechat_nlp.rules.settings import _QUESTION
from kubechat_nlp.utterance import Utterance
from kubechat_nlp.wording import phrasings_of

_ROLLOUT_WORDING = tuple(
    # over the text as typed, the object is any word or two ("hold the cart rollout")
    (entry.name, phrasings_pattern(phrasings_of(entry), r"(?:\S+ )?\S+"))
    for entry in default_catalogue().entries()
    if entry.name in ("rollout.pause", "rollout.resume", "rollout.undo", "rollout.history")
)


def _phrased_rollout(text: str) -> str | None:
    """The rollout entry whose everyday wording matches longest ("hold the rollout" is a
    pause), among those the ladder above has not already decided."""
    best: tuple[int, str] | None = None
    for name, pattern in _ROLLOUT_WORDING:
        for m in pattern.finditer(text):
            if best is None or len(m.group(0)) > best[0]:
                best = (len(m.group(0)), name)
    return best[1] if best else None


_RESTART_CUE = (
    r"\b(restart\w*|redeploy\w*|bounce\w*|kick\w*|reboot\w*|recycle\w*|cycle\w*|roll (the )?pods"
    r"|rolling|refresh\w*|start over|do|trigger|perform|run|new)\b"
)


# Going back and looking back said in other words, read both by the rules table (to pick
# this rule) and below (to pick the operation): "reverse the deploy", "take it back",
# "previous rollouts?", "list revs".
UNDO_SAID = (
    r"\breverse (?:the |that |this )?(?:deploy|update|rollout|change|release)\b"
    r"|\btake (?:it|them|that) back\b|\bback to the old (?:one|version|image)\b"
)
HISTORY_SAID = r"\b(?:previous|past|earlier|prior|older|old) rollouts?\b|\brevs\b"


# The opening verbs that say which rollout operation is meant ("resume deploying orders",
# "hold the cart rollout"): they decide before the topic words later in the sentence, and
# are never the object.
_HEAD_VERBS = {
    "rollout.resume": "resume unpause continue unfreeze thaw proceed carry pick".split(),
    "rollout.pause": "pause hold freeze halt suspend".split(),
}
# "did the rollout of web finish": words that ask how far it got, never a name.
# (Whole words only: a deployment called status-page keeps its name.)
_STATUS_WORDS = (
    r"(?<![\w-])(status|progress|rolling update|finish(ed)?|complete(d)?|completion|done"
    r"|rolling out|deploying|rolled out|through(?! (?:a|an|the|its|their) )|over|how far along"
    r"|out yet|updating|faring|fares|fully out|(deployed|shipped) yet"
    # "is web updated fully", "did web go out cleanly", "watch it till it completes"
    r"|updated fully|fully (rolled out|updated|deployed)|go(ne)? out cleanly|or not"
    r"|still (rolling|deploying|updating)|updated yet|up to date yet|how far|stable now|settled"
    r"|(till|until) it (completes|finishes|is done))(?![\w-])"
)


# A pod restarted the only way there is: "bounce pod x by deleting it".
_BY_DELETING = r"\bby (?:deleting|removing|killing|evicting) (?:it|them|the pods?)\b"
# "put the rollout of web on hold", "stop the web rollout for now": a pause said later in the
# sentence than its verb
# A paused rollout let go on: "lift the hold on the rollout", "let the paused rollout of
# web proceed", "set the rollout of web going again".
_RESUME_SAID = (
    r"\b(lift|remove|release|end|cancel|take off|drop) (the )?(hold|pause|freeze)\b"
    r"|\blet (the |its )?(paused |frozen |halted )?(\S+ ){0,8}?(proceed|continue|resume|carry on"
    r"|go ahead|roll on)\b|\b(set|get|start) (\S+ ){1,10}?(going|moving|rolling) again\b"
)
_PAUSE_SAID = (
    r"\bon hold\b|\b(stop|halt|freeze|suspend)\b (the )?(\S+ ){0,3}(rollout|roll out)\b"
    # "put the brakes on rolling out web", "pause web mid-deploy"
    r"|\b(put|hit|slam) (the )?brakes on\b|\bmid-(deploy|rollout|release)\b"
    r"|\b(stop|halt|quit) rolling out\b"  # "stop rolling out the chat deployment for now"
)


def _head_verb(u: Utterance) -> str | None:
    """The rollout operation the opening verb names, its token marked as used."""
    offset, norm, _ = main_verb(u.text)
    for verb, words in _HEAD_VERBS.items():
        if norm in words or any(norm in (w + "d", w + "ed", w + "ing") for w in words):
            u.used.add(u.index_at(offset))
            return verb
    return None


# Hyphenated words of the language rather than names ("roll-back", "mid-deploy").
_HYPHENATED_WORD = re.compile(r"-.*|(?:roll|mid|re|un|non|pre|post)-\w+|\w+-(?:in|out|up|down)")


def build_rollout(c: Ctx) -> Result:
    u = c.u
    skip_lead(u)
    headed = _head_verb(u)
    mark_opening_verb(u)
    # "do a fresh restart of web": how the restart is done, never a name
    for how in u.finditer(
        r"(?<![\w-])(fresh|quick|full|clean|proper|complete|hard|soft|graceful|gentle)"
        r" (?=restart|reboot"
        r"|bounce|redeploy|rollout|kick)"
    ):
        u.mark(how)
    # "pause web mid-deploy", "give web a fresh set of pods", "roll the pods on web": how,
    # never what
    for how in u.finditer(
        r"(?<![\w-])mid-(?:deploy|rollout|release|update)(?![\w-])"
        r"|\b(?:till|until) (?:it|the rollout|they) (?:completes|finishes|is done|are done)\b"
        r"|\b(?:till|until)(?= (?:the )?(?:revision|rev|version)\b)"
        r"|\bfresh (?:set of |batch of )?(?:pods|containers|replicas)\b"
        r"|\broll (?:the |its |all )?(?:pods|pds|containers)\b(?: (?:on|of|for|in))?"
    ):
        u.mark(how)
    # The words that choose the subcommand, with hyphenated names blanked: "resume the
    # rollout of history-api" is no history, "restart undo-queue" no undo.
    said = " ".join(
        "x-name" if "-" in norm and not _HYPHENATED_WORD.fullmatch(norm) else norm
        for norm in u.norms
    )

    def says(pattern: str) -> re.Match[str] | None:
        return re.search(pattern, said)

    if says(
        r"\b(roll ?back|undo|undone|revert\w*|back (\S+ ){0,3}?out|previous (revision|version"
        r"|deployment))\b|\bback to before\b"
        r"|\b(?:old|previous|prior|earlier|last) (?:one|version|release|image) back\b"
        r"|\b(?:return|restore|reset|bring back|switch back|go back)\b.{0,30}\b(?:previous"
        r"|earlier|prior|last|old|older) (?:version|release|revision|one|image)\b"
        r"|\bswitch back\b(?! to)|\blast known good\b"
        r"|\broll\b.{0,40}\bback\b"
        r"|\b(restore|return|returned|reset|go back|set back|reinstate)\b.{0,60}\brevision\b"
        r"|\b(revision|rev|version|build|release)\b.{0,60}\b(reinstated|restored)\b"
        r"|\bback to (the |an? )?\S+ (version|revision|release|image)\b"
        r"|\bback (?:to|on|at) (?:the )?(?:revision|rev|version|release) \S+"
        r"|\bback (?:to )?(?:the way|how) it was\b|\bas it was before\b"
        r"|\bput (?:it|them) back\b|\bprevious\b.{0,40}\bback\b|"
        + UNDO_SAID
        # "take statefulset timescale back one release"
        + r"|\bback (?:one|a|1) (?:release|version|revision|rollout|deploy)\b"
        r"|\b(?:revision|rev) \d+\b.{0,60}\b(?:use that|again|was the good one|worked)\b"
        r"|\bon (?:revision|rev) \d+ again\b"
        # a revision wished for: "node-feeder should be on revision 4", "go to rev 7",
        # "pin api back at revision 2", "undo pg till revision 1"
        r"|\b(?:should be|needs to be|must be|go|goes|move|pin \S+(?: back)?)"
        r" (?:back )?(?:on|to|at) (?:the )?(?:revision|rev|version)\b"
        r"|\b(?:till|until|upto) (?:the )?(?:revision|rev|version)\b"
        r"|\b(?:revision|rev) \S+ was the (?:last )?(?:good|working|stable)\b"
    ):
        verb = "rollout.undo"
    elif says(
        r"\b(history|revisions|releases)\b|"
        + HISTORY_SAID
        + r"|\bhow many times\b.{0,40}\b(updated|deployed|rolled out"
        r"|released|changed)\b"
        r"|\bversions\b.{0,60}\b(deployed|released|were|have been)\b"
        r"|\b(changes?|deploys|releases|versions) (have )?(gone|went|been) out\b"
        r"|\bwhat (deploys|releases|changes?) (have there been|went out)\b"
        # "what all versions web had before", "how many rollouts has web had", "what's been
        # deployed to web over time"
        r"|\b(what|which) (all )?(versions|revisions|releases)\b|\b(had|has had|have had) before\b"
        r"|\bhow many (rollouts?|revisions|versions|deploys|releases|updates)\b"
        r"|\bbeen (deployed|released|rolled out)\b.{0,60}\bover time\b"
        r"|\b(deployed|released|shipped) before\b"  # "what did we have deployed before this"
    ):
        verb = "rollout.history"
    elif over := u.search(r"\b(?:start|kick) (?:\S+ ){1,3}?(over)\b"):
        verb = "rollout.restart"  # "start all-in-one over": again from the start
        u.mark(over, 1)
    elif headed is not None:
        verb = headed
    elif says(_RESUME_SAID + r"|\b(resume|unpause) (rolling|the rollout|rollout)\b"):
        verb = "rollout.resume"
    elif says(r"\brolling (re)?start\b|\brollout restart\b"):
        verb = "rollout.restart"  # "refresh every pod of web through a rolling restart"
    elif says(_PAUSE_SAID):
        verb = "rollout.pause"
    elif says(
        r"\b(can|may|should|could) (now )?(go ahead|continue|proceed|carry on|resume"
        r"|keep rolling( out)?)\b|\bstart the paused\b"
    ):
        verb = "rollout.resume"  # "the web rollout can go ahead now"
    elif says(
        _STATUS_WORDS + r"|\b(watch|follow|how is|how's|hows|track|monitor)\b.{0,40}"
        r"\b(rollout|roll out)\b|\b(rollout|roll out)\b.{0,50}\bgoing\b"
    ):
        verb = "rollout.status"
        for word in u.finditer(_STATUS_WORDS):
            u.mark(word)
    elif says(r"\b(resume|resuming|unpause|continue)\b"):
        verb = "rollout.resume"
    elif says(r"\bpaused?\b|\bpausing\b"):
        verb = "rollout.pause"
    elif says(r"\b(?:revision|rev) \d+\b"):
        verb = "rollout.history"  # "details of revision 3 of cart": looking at one revision
    elif phrased := _phrased_rollout(said):
        verb = phrased  # "hold the rollout", "freeze rollouts": the catalogue's wording
    elif says(r"\brollout\b|\broll out\b") and not says(_RESTART_CUE):
        verb = "rollout.status"  # "check on the rollout of web": looking never restarts
    elif says(rf"{_QUESTION}|^(?:how|what|where|any)\b|\?\s*$") and not says(
        r"\b(?:restart|bounce|redeploy|reboot|recycle|kick|cycle)\w*"
    ):
        verb = "rollout.status"  # "is it stable now?": a question never restarts anything
    else:
        verb = "rollout.restart"
    # ("the change should be reverted", "what did we have deployed before"): the cue's
    # participles are never the workload's name
    for participle in u.finditer(
        r"(?<![\w-])(?:reverted|undone|deployed|released|shipped|known good|earlier|prior|returned"
        r"|restored|reinstated|reinstate|proceed)(?![\w-])"
    ):
        u.mark(participle)
    if opens_with_a_look(u.text) and verb not in ("rollout.status", "rollout.history"):
        # "list the previous versions of web", "show revision 3": looking never changes
        verb = (
            "rollout.history"
            if u.search(r"\b(versions?|revisions?|releases?)\b")
            else ("rollout.status")
        )
    revision = first_int(
        c, r"\b(?:to |till |until |upto )?(?:revision|rev) (?:number |no\.? |#)?(\d+)\b"
    )
    if revision is None and verb == "rollout.undo":
        # "revert web to version 3": a bare number is a revision (never "version 1.25")
        revision = first_int(
            c, r"\b(?:to|till|until|at|on) (?:the )?version (?:number |no\.? |#)?(\d+)\b(?![.\d])"
        )
    worded = u.search(rf"\b(?:to )?(?:revision|rev) {WORD_NUM}\b")
    if revision is None and worded:
        revision = word_number(worded.group(1))  # "go back to revision one": a word kept as typed
        u.mark(worded)
    if verb == "rollout.restart":
        # "recycle the pods" (of whatever was talked about): the workload is restarted
        for theirs in u.finditer(
            r"\b(?:the|all the|its|their) (?:pods|containers|replicas)\b"
            r"(?! (?:of|for|behind|from|under|belonging)\b)"
        ):
            u.mark(theirs)
    s = c.common()
    d = draft_for(c, verb, s, ("deployments",))
    d.kinds = [k for k in d.kinds if k.ref.plural in ("deployments", "statefulsets", "daemonsets")]
    acts = {m.info for m in u.mentions if m.end < len(u) and u.norms[m.end] == "of"}
    if len(d.kinds) > 1 and acts and set(d.kinds) - acts:
        # "revert the last deploy of the mysql statefulset": "deploy of" is the act
        d.kinds = [k for k in d.kinds if k not in acts]
    if not d.names:
        name = object_after_verb(u)
        if name and c.kinds.lookup(name.lower()) is None:  # ("recycle the pods": no name)
            d.names = [name]
    if not d.kinds:
        # "the pods of cache" are the workload's: restarting them is restarting it
        pods = any(m.info.ref.plural == "pods" for m in u.mentions) and not u.search(
            r"\bpods (of|for|behind|from|under|belonging to)\b"
        )
        owner = u.search(r"\b(\S+) pods\b")  # "cycle the cart pods": cart's pods
        owned = owner is not None and (
            u.is_name(u.group_index(owner)) or d.names == [u.group_text(owner)]
        )  # "refresh the web pods": web was read as the pods' name
        if pods and owner and owned:
            if d.names in ([], [u.group_text(owner)]):
                d.names = [u.group_text(owner)]
                pods = False
        if pods and verb == "rollout.restart" and u.search(_BY_DELETING):
            # "bounce pod x by deleting it, its owner brings it back": the way is said
            d.verb, d.kinds = "delete", [c.kind("pods")]
            return [d]
        if pods and verb == "rollout.restart":
            return clarify(
                "Pods cannot be restarted in place; delete the pod so its controller "
                "re-creates it, or restart its deployment?",
                "restart the owning deployment",
                "delete the pod",
            )
        d.kinds = [c.kind("deployments")]
        d.guessed_kind = True
    if revision is not None and verb == "rollout.undo":
        d.params["to_revision"] = revision
    elif revision is not None and verb == "rollout.history":
        d.params["revision"] = revision  # "show revision 3 of web's history"
    # ("all rolled out now?" asks whether it is done, never about every deployment)
    every = u.search(
        r"\b(all|every|each)\b(?! (?:rolled|done|good|set|finished|through|out|complete\w*"
        r"|fine|ok|okay|up|gone|green)\b)"
    )
    if not d.names and not s.selector and not every:
        return clarify(f"Which {d.kinds[0].ref.kind.lower()}?")
    return [d]
