"""Rules for reading: get, describe, logs, events, top, explain, discovery."""

from __future__ import annotations

import re

from kubechat_nlp.model import Clarification
from kubechat_nlp.rules.cluster_questions import asked_about_the_cluster
from kubechat_nlp.rules.common import GUESSED_CONFIDENCE, Ctx, Draft, Result, clarify
from kubechat_nlp.rules.read_asks import asked_read
from kubechat_nlp.rules.read_fields import IMAGE_WORD as _IMAGE_WORD
from kubechat_nlp.rules.read_fields import projection as _projection
from kubechat_nlp.rules.read_filters import more_fields, more_selectors, more_views
from kubechat_nlp.rules.read_logs import LOG_WORDS as LOG_WORDS
from kubechat_nlp.rules.read_logs import build_logs as build_logs
from kubechat_nlp.rules.read_slots import (
    events_scope,
    kind_word_scope,
    naming_a_namespace,
    prepare,
    read_as_names,
    read_draft,
    said_after_kind,
    shaped_like_a_name,
)
from kubechat_nlp.utterance import Utterance

# Details asked of a list ("list the jobs with all the details").
_WITH_DETAILS = (
    r"\bwith (?:all |full |every |more |extra )?(?:the |their |its )?(?:details?|info)\b"
    r"|\bdetailed (?:list|listing|view|table|overview)\b"
)
# Detail asked of every object of a kind ("describe all pods", "details of pods in x").
_DETAIL_OF_ALL = (
    r"\b(?:describe|describing|described|descri\w*|desc|inspect\w*|details?|detailed"
    r"|descriptions?)\b"
)
# The kinds whose pods `kubectl logs` reads.
_LOGGED = frozenset(
    "pods deployments statefulsets daemonsets jobs replicasets replicationcontrollers".split()
)
# How nodes are usually named (by hand, kubeadm, cloud node pools).
_NODE_NAME = r"(?:node|worker|ip|gke|aks|eks|k8s|minikube|kind|control-plane|master)-"


def _asked_elsewhere(c: Ctx) -> Result | None:
    """The other read a look request asks for ("what did web-1 print", "what's the status
    of job reindex"), read by that read's own rule from the untouched request; None when
    it asks for a list after all."""
    ask = asked_read(c.u.text)
    if ask is None:
        return None
    fresh = Ctx(Utterance(list(c.u.tokens), c.kinds), c.kinds, c.scope)
    fresh.u.used = set(c.u.used)
    build = {"logs": build_logs, "top": build_top, "events": build_events}.get(ask, build_describe)
    result = build(fresh)
    if isinstance(result, Clarification):
        return None
    d = result[0]
    if d.verb == "describe" and not (d.names or d.slots.selector):
        return None  # "information about deployments with more details": a list
    if ask == "complaint" and not (d.verb == "describe" and d.names):
        return None  # "everything is broken": no object to describe
    if ask == "status" and d.guessed_kind:
        return None  # "the status of web-1": its row (a pod's, or the kind a cluster knows)
    if d.verb == "logs" and d.kinds and d.kinds[0].ref.plural not in _LOGGED:
        return None  # "what does the hpa web say": no log to read
    if ask == "status" and any(k.ref.plural == "pods" for k in d.kinds):
        # The state of one named object is its description; a pod's row already has its
        # status ("what is the status of pod web-1" reads its STATUS column).
        return None
    return result


def build_get(c: Ctx) -> Result:
    u = c.u
    asked = asked_about_the_cluster(c)
    if asked == "api-resources":
        return build_api_resources(c)
    if asked == "cluster-info":
        return build_cluster_info(c)
    if asked:
        return build_simple(asked)
    elsewhere = _asked_elsewhere(c)
    if elsewhere is not None:
        return elsewhere
    prepare(c)
    s = c.common()
    more_selectors(c, s)
    s.field_selector = more_fields(c, _field(c), s)
    more_views(c, s)
    kind_word_scope(c, s)
    show_labels = u.search(
        r"\b(?:show|with|display|including|and) (?:the |their |its )?labels\b"
        r"|\blabels (?:for|of|on)\b|\bwhat labels\b|\b(?:pod|pods|node|nodes) labels\b"
    )
    for listed in u.finditer(
        r"\b(?:the|a|an|our|my|full) (\S+) (inventory|listing|roster|catalog(?:ue)?)\b"
    ):
        said = u.kind_at(i := u.group_index(listed))
        if said is not None and u.norms[i] == said.info.ref.plural:
            u.mark(listed, 2)  # "the jobs inventory": their list ("get jobs inventory" names one)
    d = read_draft(c, "get", s, (), allow_bare=False)
    of = u.search(r"\b(?:of|for) (?:the )?([a-z0-9][a-z0-9.-]*)\s*$")
    if d.kinds and not d.names and of and u.is_name(u.group_index(of)):
        said = next((m for m in u.mentions if m.info is d.kinds[0]), None)
        plural = d.kinds[0].ref.plural
        if said and (u.norms[said.end - 1] != plural or plural == "endpoints"):
            # "the endpoints of geo-api": the one named after "of" ("the pods of api" are
            # its pods, never one named api)
            d.names = [u.group_text(of)]
            u.used.add(u.group_index(of))
    count_of = u.search(
        r"\bhow many (?:replicas|copies|instances|pods) (?:does|do|has|is) (\S+)"
        r"|\b(\S+) replica count\b|\breplica count (?:of|for) (\S+)"  # "cart's replica count"
    )
    if not d.kinds and count_of and u.is_name(u.group_index(count_of)):
        # "how many replicas does cart have": the workload's row says it (READY)
        d.kinds, d.names = [c.kind("deployments")], [u.group_text(count_of)]
        d.guessed_kind = True
    if not d.kinds:
        if u.search(_IMAGE_WORD + r"|\bphase\b|\brunning\b") or s.field_selector:
            d.kinds = [c.kind("pods")]  # "what is scheduled on node-9", "anything pending"
        elif u.search(r"\bdeployed\b"):  # "what's deployed in prod"
            d.kinds = [c.kind("deployments")]
        elif c.scope and u.search(r"^what(?: (?:is|do|we|have|got|there|exists?|lives?))*$"):
            d.kinds = [c.kind("all")]  # "what's in prod", "what do we have in qa": all of it
        elif u.search(r"\b(?:a |the )?list of (?:the |all )?(?:ns|namespaces)\b"):
            d.kinds = [c.kind("namespaces")]  # "a list of ns" (read as "of the namespace")
        elif s.output == "wide" and (bare := c.target().names):
            d.kinds, d.names = [c.kind("pods")], bare  # "what node is web-1 on"
        elif u.search(r"^(?:get|show|list)(?: me)? (?:everything|all)\b"):
            d.kinds = [c.kind("all")]
        elif d.names:
            d.kinds = [c.kind("pods")]
            d.guessed_kind = True
        elif _the_namespace_itself(c, d):  # "the yaml of namespace monitoring"
            pass
        elif c.scope and u.search(
            r"^(?:take |have |get )?(?:a |quick |short |brief |fast )*(?:look|peek|glance)$"
        ):
            # "quick look at namespace qa": the namespace (taken as the scope) is the object
            d.kinds, d.names, s.namespace = [c.kind("namespaces")], [c.scope], None
        elif c.scope and s.output in ("yaml", "json"):
            # "get the yaml of namespace monitoring": the namespace named is the object
            d.kinds, d.names, s.namespace = [c.kind("namespaces")], [c.scope], None
        else:
            return clarify(
                "Which kind of resource should I list?", "pods", "deployments", "services", "nodes"
            )
    if any(k.ref.plural == "events" for k in d.kinds) and not s.sort_by:
        return build_events(c, s)
    m = u.search(
        r"\b(?:sort|order|rank)(?:ed|ing)?(?: \S+){0,3}? by (?:their |the )?(cpu|memory|ram)\b"
    )
    if m and not s.sort_by:  # "sort pods by memory", "pods ranked by cpu"
        s.sort_by = "memory" if m.group(1) == "ram" else m.group(1)
    if s.sort_by in ("cpu", "memory") and all(k.ref.plural in ("pods", "nodes") for k in d.kinds):
        # a list can't be sorted by usage ("pods sorted by memory"): the metrics can
        top = Draft("top.node" if d.kinds[0].ref.plural == "nodes" else "top.pod", slots=s)
        top.names, top.params["sort_by"] = d.names, s.sort_by
        return [top]
    if u.search(_IMAGE_WORD) and not s.namespace and u.search(r"\bcluster\b"):
        s.all_namespaces = True
    if show_labels and not s.selector:
        d.params["show_labels"] = True
    if s.output:
        d.params["output"] = s.output
    _projection(c, d)
    if s.sort_by:
        d.params["sort_by"] = s.sort_by
    if s.watch:
        d.params["watch"] = True
    if s.files and not d.names:
        d.params["filename"] = s.files
    return [d]


def _the_namespace_itself(c: Ctx, d: Draft) -> bool:
    """'of namespace qa', 'for ns services': the request is about that namespace, when no
    other object is named. `d` is turned into it."""
    said = c.u.search(r"\b(?:of|for|on|about) (?:the )?(?:namespace|ns) ([a-z0-9][a-z0-9-]*)\b")
    if said is None or d.names not in ([], [c.u.group_text(said)]):
        return False
    named = c.kinds.lookup(c.u.group_text(said).lower())
    if d.kinds and not d.guessed_kind and d.names == [] and d.kinds[0] is not named:
        return False  # "the pods of namespace shop": pods, in shop
    d.kinds, d.names = [c.kind("namespaces")], [c.u.group_text(said)]
    d.explicit_kind, d.guessed_kind, d.slots.namespace = True, False, None
    return True


def _field(c: Ctx) -> str | None:
    from kubechat_nlp.fields import field_selector

    return field_selector(c.u)


def build_describe(c: Ctx) -> Result:
    prepare(c)
    s = c.common()
    if s.files:
        return [Draft("describe", slots=s, params={"filename": s.files})]
    more_selectors(c, s)
    kind_word_scope(c, s)
    d = read_draft(c, "describe", s, ("pods",))
    if not d.names and not s.selector and c.u.search(_WITH_DETAILS) and "describe" not in c.u.norms:
        # "list deployments with all the details": a list with the wide columns
        d.verb, d.guessed_kind, d.params["output"] = "get", False, "wide"
        return [d] if d.explicit_kind else clarify("Which kind of resource should I list?")
    if s.output in ("yaml", "json") and d.names:
        # "what does deployment api look like in yaml": its manifest, which get prints
        d.verb, d.params["output"] = "get", s.output
        return [d]
    if _the_namespace_itself(c, d):  # "details of namespace qa", "… of ns services"
        return [d]
    if not d.names and c.u.search(r"\bwhat (?:does|do|would|should) an? (?:\S+ ){1,2}look like\b"):
        # "what does a cronjob look like": any one of the kind, so its schema
        d.verb, d.slots.namespace = "explain", None
        return [d] if d.kinds else clarify("Which kind should I explain?")
    if d.guessed_kind and not d.names and not s.selector and not s.all_namespaces:
        if c.scope:  # "details of namespace web": the namespace named is the object
            d.kinds, d.names, d.guessed_kind = [c.kind("namespaces")], [c.scope], False
            d.explicit_kind, d.slots.namespace = True, None
            return [d]
        if c.u.search(r"\b(?:the |my |our )?(?:cluster|everything|things)\b"):
            # "what's happening with the cluster": what happened, everywhere
            d = Draft("events", slots=s)
            d.slots.all_namespaces = d.slots.all_namespaces or bool(c.u.search(r"\bcluster\b"))
            return [d]
        # "details?" names nothing: the object of the conversation, or a question
        return clarify("Describe which object?")
    if d.explicit_kind and not (d.names or s.selector) and not c.u.search(_DETAIL_OF_ALL):
        # "how are the pods in shop doing", "state of the statefulsets": the state of a
        # whole kind is its list (each row has it); every object's description is only
        # printed when detail is asked for ("describe the pods", "details of the pods")
        d.verb = "get"
        if s.output:  # "a rundown of the nodes, in wide output"
            d.params["output"] = s.output
    return [d]


def build_events(c: Ctx, slots: object = None) -> Result:
    from kubechat_nlp.slots import Slots

    u = c.u
    if slots is None:
        named = naming_a_namespace(c, r"events?")
        if named:  # "give me info about namespace events": nothing asks for events
            return read_as_names(c, named, "events")
        prepare(c)
    s = slots if isinstance(slots, Slots) else c.common()
    events_scope(c, s)
    d = Draft("events", slots=s)
    if s.sort_by:
        d = Draft("get", [c.kind("events")], slots=s, explicit_kind=True)
        d.params["sort_by"] = s.sort_by
        return [d]
    mentions = [m for m in u.kind_mentions() if m.info.ref.plural not in ("events", "namespaces")]
    if mentions:
        from kubechat_nlp.targets import name_before, names_after

        m = mentions[0]
        names = [m.name] if m.name else names_after(u, m.end)  # ("events for svc/web")
        u.used.update(range(m.start, m.end))
        before = name_before(u, m)  # "events for the ledger deployment"
        if not names and before:
            names = [before]
        if names:
            d.params["for"] = f"{m.info.ref.kind.lower()}/{names[0]}"
    else:
        said = u.search(r"(?:^| )([a-z0-9][a-z0-9-]*\d[a-z0-9-]*)(?: 's)? events?\b")
        if said and u.is_name(u.group_index(said)):  # "web-1 events": a pod's, named so
            d.params["for"] = f"pod/{u.group_text(said)}"
    if u.search(
        r"\b(?:warnings?|errors?|problems?|issues?|failures?|wrong)\b"
        r"|\b(?:anything|something) (?:broken|failing|crashing|down|unhealthy)\b"
    ):
        d.params["types"] = "Warning"  # "were there any errors in qa"
    if u.search(r"\bevents? stream\b") and not u.search(
        r"\b(?:watch|watching|follow|following|keep|live|as they|wait for more)\b|(?<!\S)-w\b"
    ):
        s.watch = False  # "show the event stream": the events, not a watch
    if s.watch:
        d.params["watch"] = True
    if s.output:
        d.params["output"] = s.output
    return [d]


def _top_target(u: Utterance, name: str) -> bool:
    """ "which pods taking max memory", "memory footprint of checkout": a plain word is the
    object only right after its kind or after "of"/"for" ("top pod web", "cpu of web");
    pods and nodes are otherwise named like names. A quantity is never one."""
    if re.fullmatch(r"\d+(\.\d+)?(mi|gi|ki|m|g)?", name.lower()):
        return False
    return shaped_like_a_name(name) or said_after_kind(u, name, or_after=("of", "for"))


def build_top(c: Ctx) -> Result:
    u = c.u
    prepare(c)
    s = c.common()
    per_node = u.search(r"\b(?:per|each|every)[- ]node\b")
    if per_node:  # "per-node usage": the nodes, never one named per-node
        u.mark(per_node)
    kind_word_scope(c, s)  # "top pod web-1 on secrets by container"
    for m in u.finditer(
        r"\b(?:busiest|heaviest|hungriest|greediest|biggest|hottest|largest|busy|loaded"
        r"|load|usage|hows|how's|whos|who's|maxed)\b"
    ):
        u.mark(m)  # "the busiest nodes", "the load on each node": never a name
    t = read_draft(c, "top", s, (), allow_bare=False)
    # "which pods taking max memory", "report resource consumption": a plain word is a
    # name only right after its kind ("top pod web"); pods and nodes are named like names
    t.names = [n for n in t.names if _top_target(u, n)]
    if not t.kinds and not t.names:
        # "how loaded is node-2": a bare name, a node when it is named like one
        t.names = [n for n in c.target().names if _top_target(u, n)][:1]
        if t.names and re.match(_NODE_NAME, t.names[0].lower()):
            t.kinds = [c.kind("nodes")]
    node = any(k.ref.plural == "nodes" for k in t.kinds) or (not t.kinds and bool(per_node))
    d = Draft("top.node" if node else "top.pod", slots=s, names=t.names)
    if not node and u.search(r"\bcontainers?\b"):
        d.params["containers"] = True
    if s.sort_by in ("cpu", "memory"):
        d.params["sort_by"] = s.sort_by
    elif u.search(
        r"\b(by|most|highest|max|worst|hogging|hogs|hog) cpu\b"
        r"|\bcpu (users|consumers|hogs|eaters)\b"
        r"|\b(hogging|hogs|hog|eating|burning|chewing) (all |up )?(the )?cpu\b"
        r"|\b(?:top|biggest|largest|hungriest|heaviest) cpu\b"
        r"|\bwho(?: is| s|s)? (?:eating|using|burning|taking) (?:all )?(?:the )?cpu\b"
    ):
        d.params["sort_by"] = "cpu"  # "which pod is hogging cpu": the top of the ranking
    elif u.search(
        r"\b(by|most|highest|max|worst|hogging|hogs|hog|top) (memory|ram|mem)\b"
        r"|\b(hogging|hogs|hog|eating|burning|chewing) (all |up )?(the )?(memory|ram|mem)\b"
        r"|\bwho(?: is| s|s)? (?:eating|using|burning|taking) (?:all )?(?:the )?(?:memory|ram)\b"
        r"|\b(?:biggest|largest|hungriest|heaviest) (?:memory|ram|mem)\b"
        r"|\b(memory|ram|mem) (users|consumers|hogs)\b"
    ):
        d.params["sort_by"] = "memory"
    return [d]


def build_resource_figures(c: Ctx) -> Result:
    """The top of last resort: a resource figure named with no cue of its own ("memory
    footprint of checkout"). A guess, so a configured language model is asked first."""
    result = build_top(c)
    for d in result if isinstance(result, list) else ():
        d.confidence = min(d.confidence, GUESSED_CONFIDENCE)
    return result


def build_explain(c: Ctx) -> Result:
    if c.u.search(
        r"\bexplain (?:to me |for me )?(?:what(?:'s| is| was)? (?:happening|going on|going wrong"
        r"|wrong|up)|why|how come)\b"
    ):
        # "explain what is happening with statefulset db": a named object's state, not the
        # schema of its kind
        described = build_describe(c)
        if not isinstance(described, Clarification) and described[0].names:
            return described
    s = c.common()
    m = c.u.search(r"\b([a-z]+(?:\.[a-z]+)+)\b")
    d = read_draft(c, "explain", s, (), allow_bare=False)
    if m and not d.kinds:
        return [Draft("explain", slots=s, names=[m.group(1)])]
    if not d.kinds:
        return clarify("Which kind should I explain?", "pods", "deployments", "services")
    d.slots.namespace = None
    field = c.u.search(r"\b(spec|status|metadata)\b")
    if field and len(d.kinds) == 1:
        # "the fields of a pod spec", "what goes in a cronjob's spec": that part's schema
        return [
            Draft("explain", slots=d.slots, names=[f"{d.kinds[0].ref.plural}.{field.group(1)}"])
        ]
    d.names = []
    return [d]


def build_api_resources(c: Ctx) -> Result:
    d = Draft("api-resources")
    if c.u.search(r"\b(non-namespaced|cluster-scoped|not namespaced|cluster-wide)\b"):
        d.params["namespaced"] = "false"
    elif c.u.search(
        r"\b(all |only )?namespaced (resources|kinds|types)\b|\bonly namespaced\b"
        r"|\b(which|what) \S+ (are|is) namespaced\b"  # "which resources are namespaced?"
    ):
        d.params["namespaced"] = "true"
    return [d]


def build_simple(verb: str) -> Result:
    return [Draft(verb)]


def build_cluster_info(c: Ctx) -> Result:
    if c.u.search(r"\b(dump|state|everything)\b"):
        return [Draft("cluster-info.dump")]
    return [Draft("cluster-info")]
