"""Requests that look: get/list, describe, logs, events, top."""

from __future__ import annotations

from kubechat_nlp.evaluation.generator.compose import Case, Composer, Ns, kubectl
from kubechat_nlp.evaluation.generator.objects import (
    CLUSTER_SCOPED,
    SINGULAR,
    name_of,
    pod_name,
)
from kubechat_nlp.evaluation.generator.vocab import CONTAINERS, DEPLOYMENTS, LABELS, NODES, Pool

_LISTABLE = (
    "pods",
    "deployments",
    "services",
    "statefulsets",
    "daemonsets",
    "jobs",
    "cronjobs",
    "configmaps",
    "secrets",
    "ingresses",
    "persistentvolumeclaims",
    "serviceaccounts",
    "horizontalpodautoscalers",
    "replicasets",
    "nodes",
    "namespaces",
)
_LIST = Pool(
    shared=(
        "list {kind} {ns}",
        "show {kind} {ns}",
        "show me the {kind} {ns}",
        "get {kind} {ns}",
        "?what {kind} are there {ns}",
        "?which {kind} do we have {ns}",
        "display all {kind} {ns}",
        "?{kind} {ns}",
        "give me a list of {kind} {ns}",
        "print the {kind} {ns}",
        "?any {kind} {ns}",
        "show me all {kind} {ns}",
    ),
    held_out=(
        "?whats up with the {kind} {ns}",
        "?what {kind} we got {ns}",
        "gimme all {kind} {ns}",
        "enumerate {kind} {ns}",
        "run down the {kind} {ns} for me",
    ),
    dev_only=("get me the {kind} {ns}", "?i wanna see the {kind} {ns}"),
)
_GET_ONE = Pool(
    shared=("get {kind} {name} {ns}", "show {kind} {name} {ns}", "?is {kind} {name} there {ns}"),
    held_out=("?is there a {kind} named {name} {ns}", "check on {kind} {name} {ns}"),
    dev_only=("find {kind} {name} {ns}",),
)
_OUTPUT = Pool(
    shared=(
        "show {kind} {name} {ns} as {fmt}",
        "get the {fmt} of {kind} {name} {ns}",
        "print {kind} {name} {ns} in {fmt}",
        "?{fmt} for {kind} {name} {ns}",
    ),
    held_out=(
        "i need the raw {fmt} for {kind} {name} {ns}",
        "output {kind} {name} {ns} in {fmt} format",
    ),
    dev_only=("dump {kind} {name} {ns} as {fmt}",),
)
_WIDE = Pool(
    shared=(
        "list {kind} {ns} with more details",
        "show {kind} {ns}, wide output",
        "get {kind} {ns} -o wide",
        "list {kind} {ns} with extra columns",
    ),
    held_out=("list {kind} {ns} incl. node and ip", "?{kind} {ns} with all the columns"),
)
_SELECTED = Pool(
    shared=(
        "list {kind} with label {label} {ns}",
        "show {kind} labeled {label} {ns}",
        "get {kind} {ns} matching {label}",
        "?{kind} where {key} is {value} {ns}",
        "show me the {kind} that have {label} {ns}",
    ),
    held_out=(
        "narrow {kind} {ns} down to {label}",
        "?which {kind} have {key} set to {value} {ns}",
        "grab {kind} {ns} where label {label}",
    ),
    dev_only=("filter {kind} by {label} {ns}",),
)
_PHASES = Pool(
    shared=(
        "?which pods are {phase_word} {ns}",
        "show {phase_word} pods {ns}",
        "list pods {ns} that are {phase_word}",
    ),
    held_out=("?pods in {phase_word} state {ns}", "grab all the {phase_word} pods {ns}"),
)
# "running" is left out: "which pods are running" is as often a plain listing.
_PHASE_WORDS = (("pending", "Pending"), ("failed", "Failed"), ("completed", "Succeeded"))
_ON_NODE = Pool(
    shared=("list pods on node {node} {ns}", "?what pods are running on {node} {ns}"),
    held_out=("?what's scheduled on {node} {ns}", "show everything running on node {node} {ns}"),
)
_WATCH = Pool(
    shared=("watch {kind} {ns}", "watch the {kind} {ns} for changes", "get {kind} {ns} and watch"),
    held_out=("follow the {kind} {ns} live", "live view of {kind} {ns}"),
    dev_only=("stream changes to {kind} {ns}",),
)
_DESCRIBE = Pool(
    shared=(
        "describe {kind} {name} {ns}",
        "tell me everything about {kind} {name} {ns}",
        "?what's going on with {kind} {name} {ns}",
        "?details of {kind} {name} {ns}",
        "give me the details of {kind} {name} {ns}",
        "inspect {kind} {name} {ns}",
        "show me details about {kind} {name} {ns}",
        "?more info on {kind} {name} {ns}",
    ),
    # "can I get/see …" is left out: it reads as a request or as a permission question.
    held_out=(
        "?whats the deal with {kind} {name} {ns}",
        "full rundown of {kind} {name} {ns}",
        "?why is {kind} {name} acting up {ns}",
    ),
    dev_only=("describe the {name} {kind} {ns}", "?full details for {kind} {name} {ns}"),
)


def _ns_for(c: Composer, plural: str, everywhere: float = 0.12) -> Ns:
    if plural in CLUSTER_SCOPED:
        return Ns()
    return c.namespace(everywhere=everywhere)


def get(c: Composer) -> Case:
    roll = c.rng.random()
    plural = c.choice(_LISTABLE)
    ns = _ns_for(c, plural)
    if roll < 0.4:
        text = c.say(c.pick(_LIST), ns, kind=c.kind(plural))
        return Case(text, kubectl("get", plural, ns.flag), "get")
    ns = _ns_for(c, plural, 0.0)
    name = name_of(c, plural)
    singular = c.kind(plural, singular=True, other=0.15)
    if roll < 0.5:
        text = c.say(c.pick(_GET_ONE), ns, kind=singular, name=name)
        return Case(text, kubectl("get", SINGULAR[plural], name, ns.flag), "get")
    if roll < 0.62:
        fmt = c.choice(("yaml", "json", "YAML", "JSON"))
        text = c.say(c.pick(_OUTPUT), ns, kind=singular, name=name, fmt=fmt)
        return Case(
            text, kubectl("get", SINGULAR[plural], name, ns.flag, f"-o {fmt.lower()}"), "get"
        )
    plural = c.choice(("pods", "deployments", "services", "nodes", "statefulsets", "jobs"))
    ns = _ns_for(c, plural)
    if roll < 0.7:
        text = c.say(c.pick(_WIDE), ns, kind=c.kind(plural))
        return Case(text, kubectl("get", plural, ns.flag, "-o wide"), "get")
    if roll < 0.8:
        label = c.pick(LABELS)
        key, value = label.split("=")
        text = c.say(c.pick(_SELECTED), ns, kind=c.kind(plural), label=label, key=key, value=value)
        return Case(text, kubectl("get", plural, f"-l {label}", ns.flag), "get")
    if roll < 0.88:
        word, phase = c.choice(tuple(f"{w}:{p}" for w, p in _PHASE_WORDS)).split(":")
        text = c.say(c.pick(_PHASES), ns, phase_word=word)
        return Case(
            text, kubectl("get pods", f"--field-selector=status.phase={phase}", ns.flag), "get"
        )
    if roll < 0.94:
        node = c.pick(NODES)
        ns = c.namespace(everywhere=0.4)
        text = c.say(c.pick(_ON_NODE), ns, node=node)
        return Case(
            text, kubectl("get pods", f"--field-selector=spec.nodeName={node}", ns.flag), "get"
        )
    text = c.say(c.pick(_WATCH), ns, kind=c.kind(plural))
    return Case(text, kubectl("get", plural, ns.flag, "-w"), "get")


def describe(c: Composer) -> Case:
    plural = c.choice(
        ("pods", "pods", "deployments", "deployments", "services", "nodes", "statefulsets")
        + ("configmaps", "ingresses", "jobs", "cronjobs", "namespaces", "secrets")
    )
    ns = _ns_for(c, plural, 0.0)
    name = name_of(c, plural)
    text = c.say(c.pick(_DESCRIBE), ns, kind=c.kind(plural, singular=True), name=name)
    return Case(text, kubectl("describe", SINGULAR[plural], name, ns.flag), "describe")


_LOGS = Pool(
    shared=(
        "show logs of {target} {ns}",
        "show the logs for {target} {ns}",
        "get the logs from {target} {ns}",
        "?logs of {target} {ns}",
        "?what is {target} logging {ns}",
        "let me see the logs of {target} {ns}",
        "print the logs of {target} {ns}",
        "?i'd like to see the logs of {target} {ns}",
    ),
    held_out=(
        "?whats in the logs of {target} {ns}",
        "output from {target} {ns}",
        "?what's {target} spitting out {ns}",
    ),
    dev_only=("dump the logs of {target} {ns}", "?logs for {target} {ns}"),
)
_SINCE = (
    ("from the last hour", "1h"),
    ("for the past 2 hours", "2h"),
    ("from the last 15 minutes", "15m"),
    ("since 30 minutes ago", "30m"),
    ("in the last 10 min", "10m"),
    ("from the past day", "24h"),
    ("since 45s ago", "45s"),
)


def _log_options(c: Composer) -> tuple[list[str], list[str]]:
    """Up to two options, each as words and as flags."""
    words: list[str] = []
    flags: list[str] = []
    options = ["tail", "since", "follow", "previous", "container"]
    for _ in range(c.rng.choice((0, 1, 1, 2))):
        option = c.choice(tuple(options))
        options.remove(option)
        if option == "tail":
            n = c.choice((10, 20, 50, 100, 200))
            phrase = c.choice(("last {n} lines", "only the last {n} lines", "tail {n}"))
            words.append(phrase.format(n=c.number(n)))
            flags.append(f"--tail={n}")
        elif option == "since":
            phrase, duration = _SINCE[c.rng.randrange(len(_SINCE))]
            words.append(phrase)
            flags.append(f"--since={duration}")
        elif option == "follow":
            words.append(c.choice(("and follow", "and keep streaming", "live", "-f", "follow")))
            flags.append("-f")
        elif option == "previous":
            words.append(
                c.choice(
                    ("from the previous container", "before it crashed", "of the last crash")
                    + ("from the previous instance", "--previous")
                )
            )
            flags.append("--previous")
        else:
            container = c.pick(CONTAINERS)
            words.append(
                c.choice(("for container {x}", "of the {x} container", "-c {x}")).format(
                    x=container
                )
            )
            flags.append(f"-c {container}")
    return words, flags


def logs(c: Composer) -> Case:
    ns = c.namespace(none=0.3)
    roll = c.rng.random()
    if roll < 0.7:
        pod = pod_name(c)
        target, ref = c.choice((pod, f"pod {pod}", f"the {pod} pod")), pod
    elif roll < 0.88:
        deployment = c.pick(DEPLOYMENTS)
        kind = c.kind("deployments", singular=True, other=0.2)
        target, ref = f"{kind} {deployment}", f"deployment/{deployment}"
    else:
        label = c.pick(LABELS)
        target, ref = f"the pods labeled {label}", f"-l {label}"
    words, flags = _log_options(c)
    template = c.pick(_LOGS)
    if words:
        template = template.removesuffix("{ns}").rstrip() + " {extra} {ns}"
    text = c.say(template, ns, target=target, extra=" ".join(words))
    return Case(text, kubectl("logs", ref, ns.flag, *flags), "logs")


_EVENTS = Pool(
    shared=(
        "show events {ns}",
        "list recent events {ns}",
        "?what happened {ns} recently",
        "get events {ns}",
        "show me the event log {ns}",
    ),
    held_out=("?what's been happening {ns}", "?anything going on {ns}"),
    dev_only=("?recent events {ns}",),
)
_WARNINGS = Pool(
    shared=("?any warnings {ns}", "show warning events {ns}", "?only warnings {ns}, please"),
    held_out=("warnings only {ns}", "?anything flagged as a warning {ns}"),
)
_EVENTS_FOR = Pool(
    shared=("events for {kind} {name} {ns}", "show the events of {kind} {name} {ns}"),
    held_out=("timeline of events for {kind} {name} {ns}", "event history for {kind} {name} {ns}"),
)


def events(c: Composer) -> Case:
    roll = c.rng.random()
    ns = c.namespace(everywhere=0.15)
    if roll < 0.45:
        text = c.say(c.pick(_EVENTS), ns)
        return Case(text, kubectl("events", ns.flag), "events")
    if roll < 0.65:
        text = c.say(c.pick(_WARNINGS), ns)
        return Case(text, kubectl("events", ns.flag, "--types=Warning"), "events")
    if roll < 0.8:
        text = c.say("watch events {ns}", ns)
        return Case(text, kubectl("events", ns.flag, "-w"), "events")
    ns = c.namespace()
    plural = c.choice(("pods", "deployments", "services"))
    name = name_of(c, plural)
    text = c.say(c.pick(_EVENTS_FOR), ns, kind=c.kind(plural, singular=True), name=name)
    return Case(text, kubectl("events", f"--for {SINGULAR[plural]}/{name}", ns.flag), "events")


_TOP_PODS = Pool(
    shared=(
        "top pods {ns}",
        "?how much cpu and memory are the pods using {ns}",
        "show resource usage of pods {ns}",
        "?pod metrics {ns}",
    ),
    held_out=("?pods resource consumption {ns}", "?pod cpu/ram {ns}"),
    dev_only=("?cpu and memory of pods {ns}",),
)
_TOP_SORTED = Pool(
    shared=("?which pods use the most {res} {ns}", "top pods {ns} sorted by {res}"),
    held_out=("?biggest {res} users among the pods {ns}", "rank pods by {res} {ns}"),
)
_TOP_NODES = Pool(
    shared=("top nodes", "?how loaded are the nodes", "show node resource usage", "?node metrics"),
    held_out=("?how much headroom do the nodes have", "?node utilization"),
)


def top(c: Composer) -> Case:
    roll = c.rng.random()
    if roll < 0.35:
        ns = c.namespace(everywhere=0.15)
        return Case(c.say(c.pick(_TOP_PODS), ns), kubectl("top pods", ns.flag), "top")
    if roll < 0.55:
        ns = c.namespace()
        res = c.choice(("cpu", "memory"))
        text = c.say(c.pick(_TOP_SORTED), ns, res=res)
        return Case(text, kubectl("top pods", ns.flag, f"--sort-by={res}"), "top")
    if roll < 0.75:
        return Case(c.say(c.pick(_TOP_NODES)), kubectl("top nodes"), "top")
    if roll < 0.87:
        node = c.pick(NODES)
        text = c.say(
            c.choice(("show usage of node {node}", "?how loaded is node {node}")), node=node
        )
        return Case(text, kubectl("top node", node), "top")
    ns = c.namespace(none=0.1)
    pod = pod_name(c)
    template = c.choice(
        ("?cpu and memory per container of pod {pod} {ns}", "top pod {pod} {ns} by container")
    )
    return Case(
        c.say(template, ns, pod=pod), kubectl("top pod", pod, ns.flag, "--containers"), "top"
    )
