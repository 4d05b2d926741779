"""A binding's role and subject, read from the words around them: "bind user bob to role
viewer", "tying user priya to rollout-operator", "sa ci-bot -> pod-reader", "the flux
service account needs secret-viewer"."""

from __future__ import annotations

from kubechat_nlp.model import ParamValue
from kubechat_nlp.utterance import Utterance

_SUBJECT_WORD = r"(?:user|group|service|sa|serviceaccount|role|binding|the|a|an)\b"
_ROLE_PATTERNS = (
    r"\b(?:using|with|to|for|of|the) (?:the )?(?!grant|give|assign|bind|a |an )(\S+)"
    r" (?:cluster ?role|role)\b"
    r"|\b(?:cluster ?role|role) (?!binding)(?:named |called )?(\S+)"
    r"|\b(?:granting|grants?|giving|gives?) (?:the )?(\S+) to\b",
    # the role after the subject: "tying user priya to rollout-operator", "sa x -> r",
    # "for serviceaccount ci with cm-editor", "siobhan needs release-manager"
    rf"\b(?:to|->|with) (?!{_SUBJECT_WORD})([a-z0-9][a-z0-9.-]*)\b",
    rf"\bneeds (?!{_SUBJECT_WORD})([a-z0-9][a-z0-9.-]*)\b",
)
_USER_PATTERNS = (
    r"\buser (\S+)",
    # "leo needs the viewer role", "siobhan needs release-manager": leo is the user
    r"^(?!service ?account\b|sa\b|serviceaccount\b|group\b|the\b)(\S+) needs\b",
    r"\b(?:give|gives|giving) (?!user\b|group\b|service\b|the\b|an?\b)(\S+) the \S+"
    r" (?:cluster ?)?role",  # "give bob the view clusterrole"
    rf"\bbind (?!{_SUBJECT_WORD})(\S+) to\b",  # "bind wei to role job-runner"
)


def binding_subjects(u: Utterance) -> tuple[dict[str, ParamValue], str]:
    """The role (or clusterrole), the user or the service account; and a service account
    named without its namespace, which takes the binding's once the scope is read."""
    params: dict[str, ParamValue] = {}
    bare_account = ""
    for pattern in _ROLE_PATTERNS:
        m = u.search(pattern)
        if m:
            key = "clusterrole" if u.search(r"\bcluster ?role\b") else "role"
            params[key] = u.group_text(m, next(g for g in range(1, 4) if m.group(g)))
            break
    m = u.search(r"\b(?:service ?account|serviceaccount|sa) (\S+:\S+)")
    if m:
        params["serviceaccount"] = u.group_text(m)
    else:  # "to service account builder in ns shop": kubectl spells it shop:builder
        m = u.search(
            r"\b(?:service ?accounts?|serviceaccount|sa) (?:named |called )?"
            r"(?!(?:needs|to|with|for|in|on|and|as|role)\b)([a-z0-9][a-z0-9.-]*)\b"
        ) or u.search(r"\bthe ([a-z0-9][a-z0-9.-]*) (?:service ?account|serviceaccount|sa)\b")
        if m:
            bare_account = u.group_text(m)
    if not bare_account and "serviceaccount" not in params:
        for pattern in _USER_PATTERNS:
            m = u.search(pattern)
            if m:
                params["user"] = u.group_text(m)
                break
    role = params.get("role")
    if role and role in (bare_account, params.get("user")):
        del params["role"]  # "bind sa x to …": the subject is never its own role
    return params, bare_account
