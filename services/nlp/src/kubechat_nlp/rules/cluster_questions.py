"""Questions about the cluster itself rather than its objects: which kinds it serves
(`api-resources`), where its API answers (`cluster-info`), its version."""

from __future__ import annotations

from kubechat_nlp.rules.common import Ctx

# Questions about the cluster itself that reach the list fallback ("what k8s version are
# we on", "where's the api server running": the tokenizer reads k8s as a name and drops
# the "'s", so the tools' cues miss them).
_ABOUT_THE_CLUSTER = (
    (r"\b(?:k8s|kube|kubernetes) versions?\b(?! label)", "version"),
    (
        r"^(?:where|what) (?:is |s |does )?the (?:api ?server|control plane|master)\b",
        "cluster-info",
    ),
    # "which kinds of objects does the cluster know", "what kinds can i create"
    (
        r"\b(?:which|what) (?:kinds?|types?|sorts?) of (?:objects?|resources?|things)"
        r" (?:does|do|can|are|is|exist)\b|^(?:which|what) kinds (?:can|does|do|are|exist)\b"
        # "which resources does this cluster support", "which resources are in the apps
        # api group" (the catalogue has no --api-group: all of them)
        r"|\b(?:which|what) (?:resources|kinds|types|objects) (?:does|do|can|will) (?:this |the "
        r"|our |my )?(?:cluster|server|api server) (?:support|know|have|offer|serve|handle)\b"
        r"|\b(?:which|what) (?:resources|kinds|types) (?:are |exist )?in the \S+ api ?group\b",
        "api-resources",
    ),
)


# The same questions in any words: a word for kinds of objects beside a word for what the
# cluster serves ("every resource type the cluster knows about", "what resources cluster
# supports"), or a word for the API beside one for where it answers ("where does the api
# live", "api server url", "the cluster information").
_KINDS_OF = frozenset("kind kinds type types".split())
_RESOURCES = frozenset("resource resources object objects".split())
_SERVED = frozenset(
    """support supports supported know knows known serve serves served offer offers offered
understand understands exist exists registered installed""".split()
)
_EVERY = frozenset("every all available".split())
# ("where does api live" asks about a workload called api)
_API_RE = r"\b(?:the|kube|k8s|kubernetes) api\b|\bapi[- ]?server\b|\bmaster\b|\bcontrol plane\b"
_ANSWERS_AT = frozenset(
    "url urls address addresses endpoint endpoints live lives hosted where ip reachable".split()
)


def asked_about_the_cluster(c: Ctx) -> str | None:
    """The tool a question about the cluster itself asks for, if it is one."""
    u = c.u
    if u.kind_mentions():
        return None
    for pattern, verb in _ABOUT_THE_CLUSTER:
        if u.search(pattern):
            return verb
    words = set(u.norms)
    if (words & _KINDS_OF and words & (_SERVED | _EVERY)) or (
        words & _RESOURCES and words & _SERVED
    ):
        return "api-resources"
    if u.search(_API_RE) and words & _ANSWERS_AT:
        return "cluster-info"
    if u.search(r"\bcluster (?:info|information|details)\b"):
        return "cluster-info"
    return None
