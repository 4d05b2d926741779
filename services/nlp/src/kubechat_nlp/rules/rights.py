"""The rule for questions about rights: "can I drain node-1?", "does ingrid have watch on
pods", "would alice get forbidden …" are `kubectl auth can-i` (a read), never the action."""

from __future__ import annotations

from kubechat_nlp.lexicon import STOPWORDS
from kubechat_nlp.rules.common import Ctx, Draft, Result, clarify
from kubechat_nlp.rules.group_words import mark_group_words
from kubechat_nlp.rules.node_cues import RIGHTS_WORDS
from kubechat_nlp.rules.read_asks import shown_on_request

# Everyday action words → the API verb `kubectl auth can-i` checks (and, for actions on a
# subresource or on nodes, the resource the action needs).
_API_VERBS = {
    "create": "create",
    "make": "create",
    "add": "create",
    "deploy": "create",
    "run": "create",
    "list": "list",
    "get": "get",
    "read": "get",
    "see": "get",
    "view": "get",
    "describe": "get",
    "access": "get",
    "inspect": "get",
    "delete": "delete",
    "remove": "delete",
    "destroy": "delete",
    "kill": "delete",
    "terminate": "delete",
    "update": "update",
    "modify": "update",
    "change": "update",
    "edit": "update",
    "replace": "update",
    "patch": "patch",
    "scale": "patch",
    "restart": "patch",
    "label": "patch",
    "annotate": "patch",
    "cordon": "patch",
    "uncordon": "patch",
    "drain": "patch",
    "taint": "patch",
    "watch": "watch",
    "exec": "create",
    "execute": "create",
    "attach": "create",
    "port-forward": "create",
    "evict": "create",
}
_SUBRESOURCE_VERBS = {
    "exec": "pods/exec",
    "execute": "pods/exec",
    "attach": "pods/attach",
    "port-forward": "pods/portforward",
    "evict": "pods/eviction",
}
_NODE_VERBS = frozenset({"cordon", "uncordon", "drain", "taint"})
_NOT_WHO = frozenset({"i", "we", "you", "u", "me", "current", "the", "my", "our"})


def _subject(c: Ctx, d: Draft) -> None:
    """`--as`: 'can bob …', 'if jane can …', 'is ci-bot allowed to …', a service account."""
    u = c.u
    m = u.search(r"\bservice ?account (\S+) (?:of|in|from) (?:the )?namespace (\S+)")
    if m:
        d.params["as"] = f"system:serviceaccount:{u.group_text(m, 2)}:{u.group_text(m, 1)}"
        u.mark(m)
        return
    # The most specific way of naming the subject first: in "check if bob can list", the
    # "if bob can" says who, not a "can" found anywhere in the sentence.
    m = u.search(r"\b(?:can|may|is|does) (?:the )?(?:service ?account|sa) (\S+)")
    if m and u.group_text(m).count(":") == 1:  # "can serviceaccount ci:github-actions …"
        d.params["as"] = f"system:serviceaccount:{u.group_text(m)}"
        u.mark(m)
        return
    # "can the ci service account list secrets in build": a bare account is the request's
    # namespace's (kubectl names it system:serviceaccount:NS:NAME)
    m = u.search(
        r"\b(?:can|may|is|does) (?:the )?(?:service ?account|sa) ([a-z0-9][a-z0-9.-]*)\b"
    ) or u.search(r"\b(?:can|may|is|does) (?:the )?([a-z0-9][a-z0-9.-]*) (?:service ?account|sa)\b")
    if m and u.group_text(m) not in STOPWORDS:
        namespace = c.scope or "default"
        d.params["as"] = f"system:serviceaccount:{namespace}:{u.group_text(m)}"
        u.mark(m)
        return
    for pattern in (
        r"\b(?:can|may|is|does) (?:the )?user (\S+)",  # "can user jane list secrets"
        r"\b(?:user|as) (\S+) (?:can|may)\b",
        r"\b(?:if|whether) (?:the )?(\S+) (?:can|may|is allowed|is permitted|is able"
        r"|is cleared|is authori[sz]ed|is entitled)\b",
        r"\b(\S+) (?:account|user|login) (?:be |is )?(?:allowed|permitted|able|cleared)\b",
        r"\b(?:is|does) (\S+) (?:allowed|permitted|able|have|entitled|cleared|empowered)\b",
        # "check tomasz's authorisation to watch services" (the "'s" is gone by now)
        rf"\b(?:check|verify|confirm|test|see) (\S+) {RIGHTS_WORDS} (?:to|for)\b",
        # "impersonate jkim: can they …", "would alice get forbidden …", "… as farid"
        r"\bimpersonat\w* (\S+)",
        r"\bwould (\S+) (?:get|hit|see|run into) (?:a |an )?(?:forbidden|403|denied)\b",
        r"\bas (\S+)\W*$",
        r"(?:^|[,:;] )(?:\S+ ){0,3}?(?:can|may) (\S+) \w+",
    ):
        m = u.search(pattern)
        if not m:
            continue
        idx = u.group_index(m)
        who = u.norms[idx]
        if who in _NOT_WHO or who in STOPWORDS or u.kind_at(idx) is not None or who in _API_VERBS:
            continue
        d.params["as"] = u.group_text(m)
        u.mark_groups(m)
        return


def build_auth(c: Ctx) -> Result:
    """A question about rights is always a read (`auth can-i`), never the action itself."""
    if (shown := shown_on_request(c)) is not None:  # "can I see the logs of web-1?"
        return shown
    u = c.u
    mark_group_words(u)  # "may i delete batch jobs": the jobs, not jobs/batch
    if u.search(
        r"\bwho ?am ?i\b(?! (?:talking|speaking|chatting))|\bsubject attributes\b"
        r"|\b(what|which) (user|account|identity) am i\b"
    ) or (  # "what is my user", never "can my user delete pods"
        u.search(r"\bmy (identity|user)\b")
        and not u.search(
            r"\b(can|may|could|allow|allows|let|lets|permit|permits|able|permissions?|permitted"
            r"|allowed|rights?|access|privileges?)\b"
        )
    ):
        return [Draft("auth.whoami")]
    # "does my role allow me to …": whose rights, never the kind asked about
    mine = u.search(
        r"\b(?:my|our) (?:[\w-]+ (?=role\b))?(?:account|user|role|roles|identity|login|access"
        r"|rights?|permissions?"
        r"|privileges?|rbac)\b"
    )
    if mine:
        u.mark(mine)
    s = c.common()
    d = Draft("auth.can-i", slots=s)
    _subject(c, d)
    if u.search(
        r"\b(list|show) (?:all )?(?:the )?(?:allowed|permitted) actions\b|\bwhat can i do\b"
        r"|\ball (my )?(permissions|rights)\b|\bwhat (am i|are we) allowed to do\b"
        r"|\bwhat (i|we) (can|may|am allowed to) do\b"
    ):
        d.params["list"] = True
        return [d]
    if u.search(r"\b(do )?(everything|anything)\b|\"\*\"|'\*'"):
        d.params["verb"] = "*"
        d.params["resource"] = "*"
        return [d]
    known = "|".join(_API_VERBS)
    m = (
        u.search(rf"\btrying to ({known})\b")
        or u.search(
            rf"\b(?:can|may|could|able to|allowed to|permitted to|authori[sz]ed to|rights? to|"
            rf"permissions? to|access to|privileges? to|can-i|(?:ok|okay|access|rights?"
            rf"|permissions?|privileges?) for|(?:if|when|whether) (?:i|we))(?: \S+)?? ({known})\b"
        )
        or u.search(rf"\b({known})\b")
    )
    if m is None:
        return clarify("Which action should I check?", "get", "list", "create", "delete")
    word = m.group(1)
    u.mark(m, 1)
    d.params["verb"] = _API_VERBS[word]
    t = c.target(allow_bare=False)
    if word in _SUBRESOURCE_VERBS:
        d.params["resource"] = _SUBRESOURCE_VERBS[word]
    elif u.search(r"\blogs?\b"):
        d.params["resource"] = "pods"
        d.params["subresource"] = "log"
    elif t.kinds:
        # "can I delete namespace finance": that object (kubectl reads TYPE/NAME)
        named = f"/{t.names[0]}" if len(t.names) == 1 else ""
        d.params["resource"] = t.kinds[0].ref.plural + named
    elif word in _NODE_VERBS:
        d.params["resource"] = "nodes"
    else:
        return clarify("On which kind of resource?")
    return [d]


__all__ = ["build_auth"]
