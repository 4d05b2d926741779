"""Namespace phrases people write that the token-level scope reader (`scope.py`) should
not have to know: said as an environment, set apart in brackets or with "@", or with a
filler verb ("deployed in prod"). Each becomes "in namespace X" or "in X" in the text."""

from __future__ import annotations

import re

# How teams name their environments' namespaces: after a request, "what about staging?"
# moves it there; "the staging pods" and "prod's services" are scoped there.
ENVIRONMENTS = frozenset(
    """prod production prd staging stage stg dev develop development qa test testing uat
sandbox preprod pre-prod demo default kube-system canary perf load integration int""".split()
)
# Said as an adjective ("the staging pods"), only the unmistakable ones: "the test pod"
# may be a pod called test.
_ENV_ADJECTIVES = "prod|production|staging|dev|development|qa|uat|sandbox|preprod"
_NAME = r"([a-z0-9][a-z0-9-]{0,62})"
_KIND_AFTER = (
    r"(?:the |a |an )?(?:deployments?|deploy|statefulsets?|daemonsets?|jobs?|cronjobs?|"
    r"replicasets?|services?|svc|nodes?|pods?|namespaces?)\b"
)
# Words about the output, never a namespace in brackets: "(stdout)", "(yaml)".
_ABOUT_OUTPUT = frozenset("stdout stderr yaml json wide optional required default all".split())
_OUTPUT_OR_KIND = frozenset(
    {*_ABOUT_OUTPUT, "pods", "pod", "deployment", "deployments", "nodes", "node", "services"}
)


_ENV_WORDS = "|".join(sorted(ENVIRONMENTS - {"default", "load", "int", "test", "demo"}))


def namespace_phrases(text: str) -> str:
    # a scope set before the request moves after it, so the request's own opening is first:
    # "in lab, i need to see deployment api" → "i need to see deployment api in namespace lab"
    text = re.sub(
        rf"^((?:in|within|inside|on) (?:the )?{_NAME}(?: (?:namespace|ns))?)\s*,\s*(.+)$",
        _fronted_scope_last,
        text,
        flags=re.IGNORECASE,
    )
    # terse: "pods qa?", "deployments prod"
    text = re.sub(
        rf"^({_KINDS}|{_KIND_WORD}) ({_ENV_WORDS})\s*([?.!]*)$",
        r"\1 in namespace \2\3",
        text,
        flags=re.IGNORECASE,
    )
    # "prod's services", "the staging pods", "restart the prod web deployment"
    text = re.sub(rf"\b({_ENV_ADJECTIVES})'s (?=[a-z])", r"in namespace \1 the ", text, flags=re.I)
    text = re.sub(
        rf"\bthe ({_ENV_ADJECTIVES}) ([a-z][a-z0-9-]*(?: {_KIND_WORD})?)\b"
        r"(?! (?:namespace|ns|env)\b)",
        _env_adjective,
        text,
        flags=re.IGNORECASE,
    )
    # "pods that live in qa", "deployments living in qa" (never "logs … live", a follow)
    text = re.sub(rf"\b({_KINDS}) (?:that |which )?live in\b", r"\1 in", text, flags=re.I)
    # where teams say environment for namespace: "in the staging env", "in prod env"
    text = re.sub(
        rf"\b(in|on|within|inside|from|for|under) (?:the )?{_NAME} (?:env|environment)\b",
        r"\1 the \2 namespace",
        text,
        flags=re.IGNORECASE,
    )
    # "over in prod", "over at prod"; "inside of prod"; "deployed in prod", "that lives in
    # prod": the filler before the place
    text = re.sub(r"\bover (in|on)\b(?= [a-z0-9])", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(r"\bover at\b(?= [a-z0-9])", "in", text, flags=re.IGNORECASE)
    text = re.sub(r"\binside of\b", "inside", text, flags=re.IGNORECASE)
    text = re.sub(
        r"(?<!what's )(?<!whats )(?<!what is )(?<!what are )"
        r"\b(?:(?:that|which) (?:is|are|was|were) |(?:that|which) )?"
        r"(?:deployed|located|living|lives|hosted|sitting|sits|residing|resides) in\b",
        "in",
        text,
        flags=re.IGNORECASE,
    )
    # "belonging to prod" (not "belonging to the web deployment": an owner)
    text = re.sub(
        rf"\b(?:(?:that|which) (?:is |are )?)?(?:belonging|belongs|belong) to (?!{_KIND_AFTER})",
        "in ",
        text,
        flags=re.IGNORECASE,
    )
    # kubectl's own spelling of an object: "ns/prod", "namespace/prod"
    text = re.sub(rf"(?<!\S)(?:ns|namespaces?)/{_NAME}\b", r"namespace \1", text, flags=re.I)
    # "@ shop": an address sign before a name, never inside an email or a tag
    text = re.sub(rf"(?<!\S)@\s*{_NAME}\b(?!@|\.\w)", r"in namespace \1", text)
    # with its keyword, anywhere: "describe web (ns: shop) please"
    text = re.sub(
        rf"(?:^|\s+)[(\[]\s*(?:in |in namespace |namespace:?|ns:?)\s*{_NAME}\s*[)\]]",
        r" in namespace \1 ",
        text,
        flags=re.IGNORECASE,
    ).strip()
    # a bare name in brackets: "(shop)", "restart web [prod] now"
    return re.sub(
        rf"(?:^|\s+)[(\[]\s*{_NAME}\s*[)\]](\s*[.!?]*)",
        _set_apart_namespace,
        text,
        flags=re.IGNORECASE,
    ).strip()


_KIND_WORD = (
    r"(?:deployments?|deploy|statefulsets?|daemonsets?|jobs?|cronjobs?|replicasets?|"
    r"services?|svc|pods?|configmaps?|secrets?|ingress(?:es)?)"
)


_KINDS = r"(?:deployments|statefulsets|daemonsets|jobs|cronjobs|services|pods|configmaps|secrets)"


def _fronted_scope_last(m: re.Match[str]) -> str:
    """The fronted scope phrase after the request, as written ("in the default namespace"
    keeps its meaning); a phrase that is no scope ("in short, …") stays in front."""
    if m.group(2).lower() in _NOT_PLACES:
        return m.group(0)
    rest = m.group(3).rstrip()
    stop = rest[-1] if rest[-1] in "?.!" else ""
    return f"{rest.rstrip('?.!')} {m.group(1)}{stop}"


_NOT_PLACES = frozenset("short general fact case particular addition summary brief total".split())


def _env_adjective(m: re.Match[str]) -> str:
    """ "the staging pods" → "the pods in namespace staging"; "the prod namespace" stays."""
    word = m.group(2).lower()
    if word.startswith(("nam", "ns", "env", "cluster", "context")):
        return m.group(0)  # "the prod namespace", also misspelt ("the dev namespce")
    return f"the {m.group(2)} in namespace {m.group(1)}"


def _set_apart_namespace(m: re.Match[str]) -> str:
    """ "(shop)" → " in namespace shop"; a word about the output ("(stdout)", "(yaml)") or
    a kind stays as written."""
    name = m.group(1)
    if name.lower() in _OUTPUT_OR_KIND or name.isdigit():
        return m.group(0)
    return f" in namespace {name}{m.group(2)} "
