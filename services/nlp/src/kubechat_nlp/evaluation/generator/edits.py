"""Requests that edit or remove objects: label, annotate, delete, and node operations."""

from __future__ import annotations

from kubechat_nlp.evaluation.generator.compose import Case, Composer, Ns, kubectl
from kubechat_nlp.evaluation.generator.objects import CLUSTER_SCOPED, SINGULAR, name_of, pod_name
from kubechat_nlp.evaluation.generator.vocab import ANNOTATIONS, LABELS, NODES, Pool

_LABEL_ADD = Pool(
    shared=(
        "label {kind} {name} with {pair} {ns}",
        "add label {pair} to {kind} {name} {ns}",
        "tag {kind} {name} {ns} with {pair}",
        "put the label {pair} on {kind} {name} {ns}",
    ),
    held_out=(
        "slap label {pair} on {kind} {name} {ns}",
        "?{kind} {name} {ns} should be labeled {pair}",
    ),
    dev_only=("apply label {pair} to {kind} {name} {ns}",),
)
_LABEL_CHANGE = Pool(
    shared=(
        "change the {key} label of {kind} {name} to {value} {ns}",
        "overwrite label {pair} on {kind} {name} {ns}",
    ),
    held_out=(
        "set label {key} on {kind} {name} to {value} {ns}, overwrite it",
        "relabel {kind} {name} {ns} so {key} is {value}",
    ),
)
_LABEL_REMOVE = Pool(
    shared=(
        "remove the {key} label from {kind} {name} {ns}",
        "drop label {key} from {kind} {name} {ns}",
        "unlabel {key} on {kind} {name} {ns}",
    ),
    held_out=(
        "?{kind} {name} {ns} shouldn't have the {key} label",
        "?the {key} label on {kind} {name} {ns} has to go",
    ),
)
_ANNOTATE_ADD = Pool(
    shared=(
        "annotate {kind} {name} with {pair} {ns}",
        "add annotation {pair} to {kind} {name} {ns}",
    ),
    held_out=(
        "record {pair} as an annotation on {kind} {name} {ns}",
        "annotate the {kind} {name} {ns}: {pair}",
    ),
)
_ANNOTATE_REMOVE = Pool(
    shared=("remove the {key} annotation from {kind} {name} {ns}",),
    held_out=(
        "strip annotation {key} from {kind} {name} {ns}",
        "unannotate {key} from {kind} {name} {ns}",
    ),
)
_LABELLED = ("pods", "pods", "deployments", "services", "nodes", "namespaces", "configmaps")


def label(c: Composer) -> Case:
    plural = c.choice(_LABELLED)
    ns = Ns() if plural in CLUSTER_SCOPED else c.namespace(none=0.3)
    name = name_of(c, plural)
    kind = c.kind(plural, singular=True, other=0.15)
    verb = "label"
    roll = c.rng.random()
    if roll < 0.7:
        pair = c.pick(LABELS)
        pools = (_LABEL_ADD, _LABEL_CHANGE, _LABEL_REMOVE)
    else:
        verb, pair = "annotate", c.pick(ANNOTATIONS)
        pools = (_ANNOTATE_ADD, _ANNOTATE_ADD, _ANNOTATE_REMOVE)
    key, value = pair.split("=")
    which = c.rng.choice((0, 0, 1, 2)) if verb == "label" else c.rng.choice((0, 2))
    text = c.say(c.pick(pools[which]), ns, kind=kind, name=name, pair=pair, key=key, value=value)
    ref = (SINGULAR[plural], name)
    if which == 1:
        return Case(text, kubectl(verb, *ref, pair, "--overwrite", ns.flag), "label")
    if which == 2:
        return Case(text, kubectl(verb, *ref, f"{key}-", ns.flag), "label")
    return Case(text, kubectl(verb, *ref, pair, ns.flag), "label")


_DELETE = Pool(
    shared=(
        "delete {kind} {name} {ns}",
        "remove {kind} {name} {ns}",
        "get rid of {kind} {name} {ns}",
        "nuke {kind} {name} {ns}",
        "destroy {kind} {name} {ns}",
        "delete the {name} {kind} {ns}",
    ),
    held_out=(
        "kill off {kind} {name} {ns}",
        "?{kind} {name} {ns} isn't needed anymore, remove it",
        "scrap {kind} {name} {ns}",
        "axe the {kind} {name} {ns}",
    ),
    dev_only=("erase {kind} {name} {ns}", "rm {kind} {name} {ns}"),
)
_KILL_POD = Pool(
    shared=("kill pod {name} {ns}", "kill {name} {ns}"),
    held_out=("take out pod {name} {ns}", "bin the pod {name} {ns}"),
)
_DELETE_SELECTED = Pool(
    shared=(
        "delete every {kind_one} with label {label} {ns}",
        "delete all {kind} labeled {label} {ns}",
        "remove the {kind} matching {label} {ns}",
    ),
    held_out=(
        "delete any {kind_one} that has {label} {ns}",
        "purge {kind} with label {label} {ns}",
    ),
    dev_only=("delete {kind} with {label} {ns}",),
)
_DELETE_TWO = Pool(
    shared=("delete {kind} {a} and {b} {ns}", "remove {kind} {a} and {b} {ns}"),
    held_out=("delete the {kind} {a} & {b} {ns}", "remove {kind} {a} plus {b} {ns}"),
)
_DELETABLE: tuple[str, ...] = (
    "pods",
    "pods",
    "deployments",
    "services",
    "configmaps",
    "secrets",
    "jobs",
    "cronjobs",
    "namespaces",
    "ingresses",
    "persistentvolumeclaims",
)


def delete(c: Composer) -> Case:
    roll = c.rng.random()
    if roll < 0.15:
        ns = c.namespace(none=0.3)
        name = pod_name(c)
        text = c.say(c.pick(_KILL_POD), ns, name=name)
        return Case(text, kubectl("delete pod", name, ns.flag), "delete")
    plural = c.choice(_DELETABLE)
    ns = Ns() if plural in CLUSTER_SCOPED else c.namespace(none=0.3)
    if roll < 0.65:
        name = name_of(c, plural)
        kind = c.kind(plural, singular=True, other=0.15)
        text = c.say(c.pick(_DELETE), ns, kind=kind, name=name)
        return Case(text, kubectl("delete", SINGULAR[plural], name, ns.flag), "delete")
    if plural in CLUSTER_SCOPED:
        plural, ns = "pods", c.namespace(none=0.3)
    if roll < 0.85:
        selector = c.pick(LABELS)
        text = c.say(
            c.pick(_DELETE_SELECTED),
            ns,
            kind=c.kind(plural),
            kind_one=c.kind(plural, singular=True),
            label=selector,
        )
        return Case(text, kubectl("delete", plural, f"-l {selector}", ns.flag), "delete")
    first, second = name_of(c, plural), name_of(c, plural)
    if first == second:
        second = f"{second}-old"
    text = c.say(c.pick(_DELETE_TWO), ns, kind=c.kind(plural), a=first, b=second)
    return Case(text, kubectl("delete", plural, first, second, ns.flag), "delete")


_CORDON = Pool(
    shared=(
        "cordon {node}",
        "cordon node {node}",
        "mark {node} unschedulable",
        "stop scheduling new pods on {node}",
        "don't schedule anything on node {node}",
    ),
    held_out=("?no more pods on {node} please", "quarantine {node}", "no new pods on node {node}"),
    dev_only=("take {node} out of scheduling",),
)
_UNCORDON = Pool(
    shared=(
        "uncordon {node}",
        "put {node} back into service",
        "mark node {node} schedulable again",
        "allow pods on {node} again",
    ),
    held_out=("?{node} is fixed, make it schedulable", "reopen {node} for scheduling"),
    dev_only=("let pods land on {node} again",),
)
_DRAIN = Pool(
    shared=("drain {node}", "drain node {node}", "evacuate node {node} for maintenance"),
    held_out=(
        "drain {node}, it's going down for a kernel upgrade",
        "kick all pods off node {node}",
    ),
    dev_only=("move everything off node {node}",),
)
_DRAIN_DS = Pool(
    shared=("drain {node} ignoring daemonsets", "drain node {node}, ignore the daemonsets"),
    held_out=(
        "drain node {node} but leave daemonsets alone",
        "drain {node} and don't worry about daemonset pods",
    ),
)
_TAINT = Pool(
    shared=("taint node {node} with {taint}", "add taint {taint} to {node}"),
    held_out=("taint {node} {taint}", "apply the taint {taint} on node {node}"),
)
_UNTAINT = Pool(
    shared=("remove the {key} taint from node {node}", "untaint {node}: {key}"),
    held_out=("take the {key} taint off {node}", "untaint node {node} ({key})"),
)


def node(c: Composer) -> Case:
    name = c.pick(NODES)
    roll = c.rng.random()
    if roll < 0.25:
        return Case(c.say(c.pick(_CORDON), node=name), kubectl("cordon", name), "node")
    if roll < 0.45:
        return Case(c.say(c.pick(_UNCORDON), node=name), kubectl("uncordon", name), "node")
    if roll < 0.6:
        return Case(c.say(c.pick(_DRAIN), node=name), kubectl("drain", name), "node")
    if roll < 0.75:
        text = c.say(c.pick(_DRAIN_DS), node=name)
        return Case(text, kubectl("drain", name, "--ignore-daemonsets"), "node")
    key = c.choice(("dedicated", "gpu", "maintenance", "team"))
    if roll < 0.9:
        effect = c.choice(("NoSchedule", "NoSchedule", "PreferNoSchedule", "NoExecute"))
        taint = f"{key}={c.choice(('true', 'infra', 'batch'))}:{effect}"
        text = c.say(c.pick(_TAINT), node=name, taint=taint)
        return Case(text, kubectl("taint nodes", name, taint), "node")
    text = c.say(c.pick(_UNTAINT), node=name, key=key)
    return Case(text, kubectl("taint nodes", name, f"{key}-"), "node")
