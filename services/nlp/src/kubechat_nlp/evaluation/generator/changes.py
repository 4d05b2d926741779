"""Requests that change workloads: scale (absolute and relative), rollout, set, expose,
autoscale."""

from __future__ import annotations

from kubechat_nlp.evaluation.generator.compose import Case, Composer, kubectl
from kubechat_nlp.evaluation.generator.objects import workload
from kubechat_nlp.evaluation.generator.vocab import CONTAINERS, ENV_VARS, IMAGES, Pool

SCALABLE = ("deployments", "statefulsets", "replicasets")
ROLLABLE = ("deployments", "statefulsets", "daemonsets")

_SCALE = Pool(
    shared=(
        "scale {target} to {n} {ns}",
        "scale {target} to {n} replicas {ns}",
        "set {target} to {n} replicas {ns}",
        "bump {target} to {n} pods {ns}",
        "?i need {n} replicas of {target} {ns}",
        "make {target} run {n} pods {ns}",
        "resize {target} to {n} {ns}",
        "run {n} copies of {target} {ns}",
        "change the replica count of {target} {ns} to {n}",
        "give {target} {n} replicas {ns}",
        "put {target} {ns} back to {n} replicas",
        "scale {target} {ns} --replicas={n}",
    ),
    held_out=(
        "?{target} {ns} needs {n} replicas",
        "?could we get {target} up to {n} replicas {ns}",
        "go to {n} replicas on {target} {ns}",
        "scale up {target} to {n} {ns}",
        "?we need {n} pods of {target} running {ns}",
    ),
    dev_only=("increase {target} to {n} replicas {ns}", "bring {target} {ns} to {n} replicas"),
)
_SCALE_TO_ZERO = Pool(
    shared=("scale {target} down to zero {ns}", "scale {target} to 0 {ns}"),
    held_out=(
        "shut {target} down completely, 0 replicas {ns}",
        "?{target} {ns} should have zero pods",
    ),
)


def scale(c: Composer) -> Case:
    target = workload(c, SCALABLE)
    ns = c.namespace(none=0.3)
    if c.chance(0.06):
        text = c.say(c.pick(_SCALE_TO_ZERO), ns, target=target.phrase)
        return Case(text, kubectl("scale", target.ref, "--replicas=0", ns.flag), "scale")
    n = c.choice((1, 2, 3, 4, 5, 6, 8, 10, 12, 20))
    template = c.pick(_SCALE)
    said = str(n) if "--" in template else c.number(n)
    if n == 1:
        template = template.replace("replicas", "replica").replace("pods", "pod")
        template = template.replace("copies", "copy")
    text = c.say(template, ns, target=target.phrase, n=said)
    return Case(text, kubectl("scale", target.ref, f"--replicas={n}", ns.flag), "scale")


# Relative changes state the current size: without a cluster view nothing else tells it.
_RELATIVE: tuple[tuple[str, str], ...] = (
    ("double", "{target} has {cur} replicas {ns}, double it"),
    ("double", "{target} is running {cur} pods {ns}; double that"),
    ("half", "{target} has {cur} replicas {ns}, cut it in half"),
    ("half", "{target} runs {cur} pods {ns}. halve it"),
    ("pct50", "{target} is at {cur} replicas {ns}, scale it up by 50%"),
    ("pct100", "{target} has {cur} replicas {ns}; scale up by 100 %"),
    ("plus", "{target} currently has {cur} replicas {ns}, add {k} more"),
    ("plus", "{target} runs {cur} pods {ns}: give it {k} more"),
    ("minus", "{target} has {cur} replicas {ns}, remove {k}"),
    ("minus", "{target} is at {cur} pods {ns}; scale it down by {k}"),
)


def scale_relative(c: Composer) -> Case:
    target = workload(c, ("deployments", "statefulsets"))
    ns = c.namespace(none=0.3)
    how, template = _RELATIVE[c.rng.randrange(len(_RELATIVE))]
    cur = c.choice((2, 4, 6, 8, 10))
    k = c.choice((1, 2, 3))
    new = {
        "double": cur * 2,
        "half": cur // 2,
        "pct50": cur + cur // 2,
        "pct100": cur * 2,
        "plus": cur + k,
        "minus": cur - k,
    }[how]
    text = c.say("?" + template, ns, target=target.phrase, cur=c.number(cur), k=c.number(k))
    return Case(text, kubectl("scale", target.ref, f"--replicas={new}", ns.flag), "scale-relative")


_RESTART = Pool(
    shared=(
        "restart {target} {ns}",
        "bounce {target} {ns}",
        "redeploy {target} {ns}",
        "do a rolling restart of {target} {ns}",
        "rollout restart {target} {ns}",
        "cycle the pods of {target} {ns}",
    ),
    held_out=(
        "restart all pods of {target} {ns}",
        "?{target} is stuck {ns}, restart it",
        "roll {target} {ns}",
    ),
    dev_only=("reboot {target} {ns}", "kick {target} {ns}"),
)
_STATUS = Pool(
    shared=(
        "?how is the rollout of {target} going {ns}",
        "check the rollout status of {target} {ns}",
        "?is {target} done rolling out {ns}",
        "rollout status {target} {ns}",
    ),
    held_out=("?did {target} roll out ok {ns}", "?is the new version of {target} live yet {ns}"),
    dev_only=("watch the rollout of {target} {ns}",),
)
_HISTORY = Pool(
    shared=(
        "show the rollout history of {target} {ns}",
        "list revisions of {target} {ns}",
        "?what revisions does {target} have {ns}",
        "rollout history {target} {ns}",
    ),
    held_out=(
        "show {target}'s deploy history {ns}",
        "?how many revisions of {target} are there {ns}",
    ),
)
_UNDO = Pool(
    shared=(
        "roll back {target} {ns}",
        "undo the last rollout of {target} {ns}",
        "go back to the previous version of {target} {ns}",
        "revert {target} {ns}",
        "rollback {target} {ns}",
    ),
    held_out=(
        "?the last deploy of {target} broke things {ns}, roll it back",
        "put {target} back the way it was {ns}",
    ),
    dev_only=("undo the deploy of {target} {ns}",),
)
_UNDO_TO = Pool(
    shared=(
        "roll back {target} to revision {n} {ns}",
        "rollback {target} {ns} to revision {n}",
        "restore {target} to revision {n} {ns}",
    ),
    held_out=(
        "restore revision {n} of {target} {ns}",
        "?can you pin {target} back to revision {n} {ns}",
    ),
)
_PAUSE = Pool(
    shared=("pause the rollout of {target} {ns}", "pause {target} rollout {ns}"),
    held_out=("put the rollout of {target} on hold {ns}", "stop rolling out {target} for now {ns}"),
)
_RESUME = Pool(
    shared=("resume the rollout of {target} {ns}", "unpause {target} {ns}"),
    held_out=(
        "carry on with the rollout of {target} {ns}",
        "let the rollout of {target} proceed {ns}",
    ),
)


def rollout(c: Composer) -> Case:
    ns = c.namespace(none=0.3)
    roll = c.rng.random()
    if roll < 0.3:
        target = workload(c, ROLLABLE)
        text = c.say(c.pick(_RESTART), ns, target=target.phrase)
        return Case(text, kubectl("rollout restart", target.ref, ns.flag), "rollout")
    if roll < 0.45:
        target = workload(c, ROLLABLE)
        text = c.say(c.pick(_STATUS), ns, target=target.phrase)
        return Case(text, kubectl("rollout status", target.ref, ns.flag), "rollout")
    if roll < 0.58:
        target = workload(c, ROLLABLE)
        text = c.say(c.pick(_HISTORY), ns, target=target.phrase)
        return Case(text, kubectl("rollout history", target.ref, ns.flag), "rollout")
    if roll < 0.73:
        target = workload(c, ROLLABLE)
        text = c.say(c.pick(_UNDO), ns, target=target.phrase)
        return Case(text, kubectl("rollout undo", target.ref, ns.flag), "rollout")
    if roll < 0.86:
        target = workload(c, ROLLABLE)
        n = c.choice((1, 2, 3, 4, 5, 7))
        text = c.say(c.pick(_UNDO_TO), ns, target=target.phrase, n=c.number(n, 0.15))
        return Case(
            text, kubectl("rollout undo", target.ref, f"--to-revision={n}", ns.flag), "rollout"
        )
    target = workload(c, ("deployments",))
    if roll < 0.93:
        text = c.say(c.pick(_PAUSE), ns, target=target.phrase)
        return Case(text, kubectl("rollout pause", target.ref, ns.flag), "rollout")
    text = c.say(c.pick(_RESUME), ns, target=target.phrase)
    return Case(text, kubectl("rollout resume", target.ref, ns.flag), "rollout")


_IMAGE_ANY = Pool(
    shared=(
        "set the image of {target} to {image} {ns}",
        "update {target} to {image} {ns}",
        "change {target}'s image to {image} {ns}",
        "upgrade {target} {ns} to {image}",
        "roll out {image} on {target} {ns}",
    ),
    held_out=("move {target} {ns} onto {image}", "?{target} {ns} should be running {image}"),
    dev_only=("use {image} for {target} {ns}",),
)
_IMAGE_CONTAINER = Pool(
    shared=(
        "set the {container} container of {target} to {image} {ns}",
        "update container {container} in {target} to image {image} {ns}",
        "use image {image} for the {container} container in {target} {ns}",
    ),
    held_out=(
        "?{target} {ns}: {container} should run {image}",
        "swap the {container} image in {target} for {image} {ns}",
    ),
)
_ENV_SET = Pool(
    shared=(
        "set env var {pair} on {target} {ns}",
        "add environment variable {pair} to {target} {ns}",
        "set {key} to {value} on {target} {ns}",
        "set env {pair} in {target} {ns}",
    ),
    held_out=("give {target} the env {pair} {ns}", "add {pair} to the env of {target} {ns}"),
    dev_only=("export {pair} on {target} {ns}",),
)
_ENV_UNSET = Pool(
    shared=("remove env var {key} from {target} {ns}", "unset {key} on {target} {ns}"),
    held_out=(
        "get rid of env {key} on {target} {ns}",
        "strip {key} out of the env of {target} {ns}",
    ),
)
_RESOURCES = (
    ("set the cpu limit of {target} to 500m {ns}", "--limits=cpu=500m"),
    ("limit {target} to 500m cpu and 512Mi memory {ns}", "--limits=cpu=500m,memory=512Mi"),
    ("set the memory request of {target} to 256Mi {ns}", "--requests=memory=256Mi"),
    ("give {target} {ns} a cpu request of 250m", "--requests=cpu=250m"),
    ("cap {target}'s memory at 1Gi {ns}", "--limits=memory=1Gi"),
)


def set_(c: Composer) -> Case:
    ns = c.namespace(none=0.3)
    target = workload(c, ("deployments", "statefulsets", "daemonsets"), bare=0.4)
    roll = c.rng.random()
    if roll < 0.25:
        image = c.pick(IMAGES)
        text = c.say(c.pick(_IMAGE_ANY), ns, target=target.phrase, image=image)
        return Case(text, kubectl("set image", target.ref, f"*={image}", ns.flag), "set")
    if roll < 0.45:
        image, container = c.pick(IMAGES), c.pick(CONTAINERS)
        text = c.say(
            c.pick(_IMAGE_CONTAINER), ns, target=target.phrase, image=image, container=container
        )
        return Case(text, kubectl("set image", target.ref, f"{container}={image}", ns.flag), "set")
    pair = c.pick(ENV_VARS)
    key, value = pair.split("=")
    if roll < 0.65:
        text = c.say(c.pick(_ENV_SET), ns, target=target.phrase, pair=pair, key=key, value=value)
        return Case(text, kubectl("set env", target.ref, pair, ns.flag), "set")
    if roll < 0.8:
        text = c.say(c.pick(_ENV_UNSET), ns, target=target.phrase, key=key)
        return Case(text, kubectl("set env", target.ref, f"{key}-", ns.flag), "set")
    template, flag = _RESOURCES[c.rng.randrange(len(_RESOURCES))]
    text = c.say(template, ns, target=target.phrase)
    return Case(text, kubectl("set resources", target.ref, flag, ns.flag), "set")


_EXPOSE = Pool(
    shared=(
        "expose {target} on port {port} {ns}",
        "create a service for {target} on port {port} {ns}",
        "make {target} reachable on port {port} {ns}",
    ),
    held_out=(
        "front {target} with a service on port {port} {ns}",
        "make a service for {target} listening on {port} {ns}",
    ),
)
_EXPOSE_TARGET = Pool(
    shared=(
        "expose {target} on port {port} targeting {tp} {ns}",
        "create a service for {target} {ns}: port {port} to container port {tp}",
    ),
    held_out=(
        "expose {target} {ns}, service port {port}, target port {tp}",
        "service for {target} {ns} mapping {port} -> {tp}",
    ),
)
_EXPOSE_TYPE = Pool(
    shared=("expose {target} as a {type_word} on port {port} {ns}",),
    held_out=(
        "expose {target} {ns} via {type_word} on {port}",
        "make {target} a {type_word} on port {port} {ns}",
    ),
)


def expose(c: Composer) -> Case:
    ns = c.namespace(none=0.3)
    target = workload(c, ("deployments",), bare=0.3)
    port = c.choice((80, 443, 8080, 3000, 9090))
    ref = f"deployment {target.name}"
    roll = c.rng.random()
    if roll < 0.45:
        text = c.say(c.pick(_EXPOSE), ns, target=target.phrase, port=str(port))
        return Case(text, kubectl("expose", ref, f"--port={port}", ns.flag), "expose")
    if roll < 0.75:
        tp = c.choice((8080, 8000, 3000, 5000))
        text = c.say(c.pick(_EXPOSE_TARGET), ns, target=target.phrase, port=str(port), tp=str(tp))
        return Case(
            text, kubectl("expose", ref, f"--port={port}", f"--target-port={tp}", ns.flag), "expose"
        )
    type_word, svc_type = c.choice(("nodeport:NodePort", "load balancer:LoadBalancer")).split(":")
    text = c.say(
        c.pick(_EXPOSE_TYPE), ns, target=target.phrase, port=str(port), type_word=type_word
    )
    return Case(
        text, kubectl("expose", ref, f"--port={port}", f"--type={svc_type}", ns.flag), "expose"
    )


_AUTOSCALE = Pool(
    shared=(
        "autoscale {target} between {lo} and {hi} replicas at {cpu}% cpu {ns}",
        "add an hpa to {target} {ns}: min {lo}, max {hi}, target cpu {cpu}%",
        "autoscale {target} {ns} from {lo} to {hi} pods when cpu is above {cpu}%",
    ),
    held_out=(
        "set up autoscaling for {target} {ns}, {lo} to {hi} replicas, {cpu}% cpu target",
        "hpa for {target} {ns}: {lo}-{hi} pods at {cpu}% cpu",
    ),
)
_AUTOSCALE_RANGE = Pool(
    shared=("keep {target} between {lo} and {hi} pods automatically {ns}",),
    held_out=(
        "let {target} autoscale from {lo} up to {hi} {ns}",
        "hpa {target} {ns} min {lo} max {hi}",
    ),
)


def autoscale(c: Composer) -> Case:
    ns = c.namespace(none=0.3)
    target = workload(c, ("deployments",), bare=0.4)
    lo, hi = c.choice(((1, 5), (2, 10), (3, 6), (2, 8), (4, 20)))
    cpu = c.choice((50, 60, 70, 75, 80))
    ref = f"deployment {target.name}"
    if c.chance(0.7):
        text = c.say(
            c.pick(_AUTOSCALE),
            ns,
            target=target.phrase,
            lo=c.number(lo, 0.2),
            hi=c.number(hi, 0.2),
            cpu=str(cpu),
        )
        flags = (f"--min={lo}", f"--max={hi}", f"--cpu-percent={cpu}")
        return Case(text, kubectl("autoscale", ref, *flags, ns.flag), "autoscale")
    text = c.say(c.pick(_AUTOSCALE_RANGE), ns, target=target.phrase, lo=str(lo), hi=str(hi))
    return Case(text, kubectl("autoscale", ref, f"--min={lo}", f"--max={hi}", ns.flag), "autoscale")
