"""Namespace phrases people write that the token-level scope reader (`scope.py`) should
not have to know: said as an environment, set apart in brackets or with "@", or with a
filler verb ("deployed in prod"). Each becomes "in namespace X" or "in X" in the text."""

from __future__ import annotations

import re
from collections.abc import Callable

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
_SET_APART_SWITCHES = frozenset(
    "watch follow pause resume restart undo rollback drain cordon uncordon events sh bash".split()
)
_OUTPUT_OR_KIND = frozenset(
    {*_ABOUT_OUTPUT, "pods", "pod", "deployment", "deployments", "nodes", "node", "services"}
)


_ENV_WORDS = "|".join(sorted(ENVIRONMENTS - {"default", "load", "int", "test", "demo"}))


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
    # ("(watch)", "(pause)": a word of the request set apart, no namespace)
    if name.lower() in _OUTPUT_OR_KIND | _SET_APART_SWITCHES or name.isdigit():
        return m.group(0)
    return f" in namespace {name}{m.group(2)} "


# Verbs that "out" belongs to ("roll out", "print out", "spit out"): never a place filler.
_OUT_VERBS = frozenset(
    """roll rolls rolled rolling print prints printed printing spit spits spat spitting find
found check checked sort sorted carry carried kick kicked lay laid phase phased write writes
wrote written fan spread pour pump send sent log logged put puts get gets got take took pull
pulls keep stay stand figure try max maxed burn time timed zero wipe wiped clean cleaned
lock locked cut hand handed give gave ship shipped push pushed""".split()
)


def _out_in(m: re.Match[str]) -> str:
    """ "api out in batch" → "api in batch"; "rolling out in prod" stays."""
    before = m.group(1)
    if before.lower() in _OUT_VERBS or before.lower().endswith("ing"):
        return m.group(0)
    return f"{before} {m.group(2)}"


# Verbs that take "down" as their particle ("scale web down in prod").
_LOWERING = r"(?:scale|scaling|bring|take|turn|wind|spin|shut|cut|tone|dial|ramp|step|power)"
# The keyword, as typed in a hurry too ("namesapce", "naamespace", "nmaespace").
_NS_WORD = r"(?:namespace|ns|n(?=[a-z]{6,10}\b)(?=[a-z]*[ps])[a-z]*e\b)"

_I = re.IGNORECASE
# Each phrase rewritten in turn, compiled once: (pattern, replacement) in the order they
# must run (a fronted scope moves first, so later rules see the request's own opening).
_REWRITES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    # "where the namespace is night-shift", "whose ns is qa": said as a condition
    (
        re.compile(rf"\b(?:where|whose|with) (?:the )?{_NS_WORD} (?:is|=) {_NAME}\b", _I),
        r" in namespace \1",
    ),
    # "in the qa team's namespace": the team's namespace is called after the team
    (re.compile(rf"\b{_NAME} team(?:'s)? ({_NS_WORD})\b", _I), r"\1 \2"),
    # the keyword alone, naming the word before: "in dev-local (the namespace)"
    (
        re.compile(rf"\b{_NAME}\s*[(\[]\s*(?:the |a )?(?:namespace|ns)\s*[)\]]", _I),
        r"\1 namespace",
    ),
    # the name and its keyword in brackets: "delete the dead ones (dev namespace)"
    (
        re.compile(rf"(?:^|\s+)[(\[]\s*(?:the )?{_NAME} (?:namespace|ns)\s*[)\]]", _I),
        r" in namespace \1 ",
    ),
    # "in lab, i need to see deployment api" → "i need to see deployment api in lab"
    (
        re.compile(
            rf"^((?:in|within|inside|on) (?:the )?{_NAME}"
            r"(?: (?:namespace|ns|project|env))?)\s*,"
            r"\s*(.+)$",
            _I,
        ),
        _fronted_scope_last,
    ),
    # "on the events side", "over on the prod side": the side is the namespace
    (
        re.compile(rf"\b(?:over )?(?:on|from|in) (?:the )?{_NAME}(?:'s)? side\b", _I),
        r"in the \1 namespace",
    ),
    # "what state is it in": the closing "in" names no place
    (re.compile(r"^(what (?:state|status|condition|shape) (?:is|are) .+?) in(\W*)$", _I), r"\1\2"),
    # terse: "pods qa?", "deployments prod"
    (
        re.compile(rf"^({_KINDS}|{_KIND_WORD}) ({_ENV_WORDS})\s*([?.!]*)$", _I),
        r"\1 in namespace \2\3",
    ),
    # "prod's services", "the staging pods", "restart the prod web deployment"
    (re.compile(rf"\b({_ENV_ADJECTIVES})'s (?=[a-z])", _I), r"in namespace \1 the "),
    (
        re.compile(
            rf"\bthe ({_ENV_ADJECTIVES})"
            r" (?!(?:space|env|environment|namespace|ns|cluster|project)\b)"
            rf"([a-z][a-z0-9-]*(?: {_KIND_WORD})?)\b"
            r"(?! (?:namespace|ns|env)\b)",
            _I,
        ),
        _env_adjective,
    ),
    # "pods that live in qa" (never "logs … live", a follow)
    (re.compile(rf"\b({_KINDS}) (?:that |which )?live in\b", _I), r"\1 in"),
    # where teams say environment for namespace: "in the staging env", "in prod env"
    (
        re.compile(
            # ("in the env of web" is the variables' place, no namespace)
            rf"\b(in|on|within|inside|from|for|under) (?:the )?(?!(?:the|its|their|his|her)\b)"
            # ("on openshift project qa-two": the keyword before its own name)
            rf"{_NAME} (?:env|environment|space|project)(?![\w-])(?! [a-z0-9]+[-\d])",
            _I,
        ),
        r"\1 the \2 namespace",
    ),
    # "scoped to edge", "limited to the qa namespace": where the request applies
    (re.compile(r"\b(?:scoped|limited|restricted|confined) to\b(?= (?:the )?[a-z0-9])", _I), "in"),
    # the filler before the place: "over in prod", "over at prod", "inside of prod",
    # "deployed in prod", "that lives in prod"
    (re.compile(r"\bover (in|on)\b(?= [a-z0-9])", _I), r"\1"),
    # "api out in batch" (never "rolling out in prod", "spitting out in json")
    (re.compile(r"(?<![\w-])(\S+) out (in|on)\b(?= (?:the )?[a-z0-9])", _I), _out_in),
    (re.compile(r"\bover at\b(?= [a-z0-9])", _I), "in"),
    # "fetch down in front-desk is broken" (never "scale web down in prod": the change)
    (
        re.compile(
            rf"^(?!.*\b{_LOWERING}\b.*\bdown (?:in|on)\b)(.*?)\bdown (in|on)\b(?= [a-z0-9])", _I
        ),
        r"\1\2",
    ),
    (re.compile(r"\binside of\b", _I), "inside"),
    (
        re.compile(
            r"(?<!what's )(?<!whats )(?<!what is )(?<!what are )"
            r"\b(?:(?:that|which) (?:is|are|was|were) |(?:that|which) )?"
            r"(?:deployed|located|living|lives|hosted|sitting|sits|residing|resides) in\b",
            _I,
        ),
        "in",
    ),
    # "belonging to prod" (not "belonging to the web deployment": an owner)
    (
        re.compile(
            r"\b(?:(?:that|which) (?:is |are )?)?(?:belonging|belongs|belong) to "
            rf"(?!{_KIND_AFTER})",
            _I,
        ),
        "in ",
    ),
    # "the namespace is shop; list pods", "(ns is qa)": said on its own, set apart (never
    # "the web namespace is acting up", "what namespace is web in")
    (
        re.compile(
            rf"(?:^|(?<=[(;.]))\s*(?:the )?(?:namespace|ns) is {_NAME}(?=\s*(?:[);,.:]|$))", _I
        ),
        r" in namespace \1",
    ),
    # kubectl's own spelling of an object: "ns/prod", "namespace/prod"
    (re.compile(rf"(?<!\S)(?:ns|namespaces?)/{_NAME}\b", _I), r"namespace \1"),
    # "@ shop": an address sign before a name, never inside an email or a tag
    (re.compile(rf"(?<!\S)@\s*{_NAME}\b(?!@|\.\w)"), r"in namespace \1"),
    # with its keyword, anywhere: "describe web (ns: shop) please"
    (
        re.compile(
            rf"(?:^|\s+)[(\[]\s*(?:in |in namespace |namespace:?|ns:?)\s*{_NAME}\s*[)\]]", _I
        ),
        r" in namespace \1 ",
    ),
    # a bare name in brackets: "(shop)", "restart web [prod] now"
    (re.compile(rf"(?:^|\s+)[(\[]\s*{_NAME}\s*[)\]](\s*[.!?]*)", _I), _set_apart_namespace),
)


def namespace_phrases(text: str) -> str:
    for pattern, replacement in _REWRITES:
        text = pattern.sub(replacement, text)
    return text.strip()
