"""Namespace phrases people write that the token-level scope reader (`scope.py`) should
not have to know: said as an environment, set apart in brackets or with "@", or with a
filler verb ("deployed in prod"). Each becomes "in namespace X" or "in X" in the text."""

from __future__ import annotations

import re

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


def namespace_phrases(text: str) -> str:
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


def _set_apart_namespace(m: re.Match[str]) -> str:
    """ "(shop)" → " in namespace shop"; a word about the output ("(stdout)", "(yaml)") or
    a kind stays as written."""
    name = m.group(1)
    if name.lower() in _OUTPUT_OR_KIND or name.isdigit():
        return m.group(0)
    return f" in namespace {name}{m.group(2)} "
