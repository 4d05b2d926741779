"""Multi-turn conversations: pronouns, "same in X", "actually make it N", "undo that", a
namespace typed in a later turn overriding the one before, greetings and clarifications in
the middle. The namespace last named carries to later turns until another is named."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from kubechat_nlp.evaluation.generator.compose import Composer, Ns, kubectl
from kubechat_nlp.evaluation.generator.objects import pod_name
from kubechat_nlp.evaluation.generator.vocab import (
    DEPLOYMENTS,
    IMAGES,
    LABELS,
    NODES,
    Pool,
    Split,
)

_IT_TO = Pool(
    ("scale it to {n}", "now make it {n}", "set it to {n} replicas"),
    ("take it to {n}", "{n} replicas for it"),
)
_ACTUALLY = Pool(
    ("actually make it {n}", "actually, {n}", "no wait, {n} replicas", "make that {n} instead"),
    ("scratch that, {n}", "on second thought {n}"),
    ("change that to {n}",),
)
_SAME_IN = Pool(
    ("same in {ns}", "do the same in {ns}", "and in {ns}?", "same for {ns}", "repeat that in {ns}"),
    ("{ns} as well", "and also for {ns}", "ditto for {ns}"),
    ("now the same thing in {ns}",),
)
_UNDO = Pool(
    ("undo that", "roll that back", "revert that"),
    ("revert the last thing", "nope, reverse that", "oops, undo"),
)
_ITS_LOGS = Pool(
    ("show its logs", "its logs", "logs please", "what does it log?"),
    ("any log output?", "output?", "show me what it printed"),
    ("logs for it",),
)
_DELETE_IT = Pool(
    ("delete it", "remove it", "get rid of it"), ("bin it", "delete this one", "ok remove that")
)
_RESTART_IT = Pool(("restart it", "bounce it", "now restart it"), ("cycle it", "bounce that one"))
_DESCRIBE_IT = Pool(
    ("describe it", "tell me more about it", "details?"),
    ("more details on that one", "what's its state?"),
)
_STATUS = Pool(
    ("check the rollout status", "how's the rollout going?"),
    ("did it finish?", "status of the rollout?"),
)
_HISTORY = Pool(
    ("show the history", "what revisions are there?"), ("what's the revision history", "history?")
)
_GREETING = Pool(
    ("hi", "hello", "thanks", "thank you!", "cool", "ok thanks"),
    ("much obliged", "awesome thanks", "great stuff"),
)
_META = Pool(
    ("what can you do?", "help", "who are you?"),
    ("what do you support?", "anything else you can help with?"),
)


@dataclass(slots=True)
class Talk:
    """One conversation being written, with the namespace the user last named."""

    c: Composer
    ns: Ns
    turns: list[dict[str, str | None]]

    def add(self, query: str, expected: str | None, category: str | None = None) -> None:
        turn: dict[str, str | None] = {"query": query, "kubectl": expected}
        if category:
            turn["category"] = category
        self.turns.append(turn)

    def follow(self, pool: Pool, **slots: str) -> str:
        """A follow-up: short, rarely dressed up, so the words themselves are the test."""
        text = self.c.pick(pool).format(**slots)
        return text[0].upper() + text[1:] if self.c.chance(0.3) else text

    def other_namespace(self) -> Ns:
        while True:
            ns = self.c.namespace(none=0.0)
            if ns.name != self.ns.name:
                return ns


def _scale_followups(t: Talk) -> None:
    dep, n, m = t.c.pick(DEPLOYMENTS), t.c.choice((2, 3, 4)), t.c.choice((5, 6, 8))
    t.add(t.c.say("scale {dep} to {n} {ns}", t.ns, dep=dep, n=str(n)), _scale(dep, n, t.ns))
    t.add(t.follow(_ACTUALLY, n=t.c.number(m)), _scale(dep, m, t.ns))
    other = t.other_namespace()
    t.add(t.follow(_SAME_IN, ns=str(other.name)), _scale(dep, m, other))


def _scale(dep: str, n: int, ns: Ns) -> str:
    return kubectl("scale", f"deployment/{dep}", f"--replicas={n}", ns.flag)


def _relative(t: Talk) -> None:
    dep, n, k = t.c.pick(DEPLOYMENTS), t.c.choice((2, 3, 4, 5)), t.c.choice((1, 2, 3))
    t.add(t.c.say("scale {dep} to {n} {ns}", t.ns, dep=dep, n=str(n)), _scale(dep, n, t.ns))
    how = t.c.choice(("double it", "scale it up by 100%", "twice as many please"))
    t.add(how, _scale(dep, 2 * n, t.ns))
    more = t.c.choice(("add {k} more", "{k} more replicas", "bump it by {k}"))
    t.add(more.format(k=t.c.number(k)), _scale(dep, 2 * n + k, t.ns))
    t.add(t.follow(_IT_TO, n=str(n)), _scale(dep, n, t.ns))


def _inspect_then_act(t: Talk) -> None:
    pod = pod_name(t.c)
    t.add(t.c.say("show pods {ns}", t.ns), kubectl("get pods", t.ns.flag))
    t.add(t.c.say("describe {pod}", pod=pod), kubectl("describe pod", pod, t.ns.flag))
    t.add(t.follow(_ITS_LOGS), kubectl("logs", pod, t.ns.flag))
    if t.c.chance(0.5):
        t.add(t.follow(_DELETE_IT), kubectl("delete pod", pod, t.ns.flag))


def _restart_chain(t: Talk) -> None:
    dep = t.c.pick(DEPLOYMENTS)
    ref = f"deployment/{dep}"
    t.add(
        t.c.say("describe deployment {dep} {ns}", t.ns, dep=dep),
        kubectl("describe deployment", dep, t.ns.flag),
    )
    t.add(t.follow(_RESTART_IT), kubectl("rollout restart", ref, t.ns.flag))
    t.add(t.follow(_STATUS), kubectl("rollout status", ref, t.ns.flag))
    t.add(t.follow(_HISTORY), kubectl("rollout history", ref, t.ns.flag))


def _image_undo(t: Talk) -> None:
    dep, image = t.c.pick(DEPLOYMENTS), t.c.pick(IMAGES)
    ref = f"deployment/{dep}"
    text = t.c.say("set the image of {dep} to {image} {ns}", t.ns, dep=dep, image=image)
    t.add(text, kubectl("set image", ref, f"*={image}", t.ns.flag))
    t.add(t.follow(_STATUS), kubectl("rollout status", ref, t.ns.flag))
    t.add(t.follow(_UNDO), kubectl("rollout undo", ref, t.ns.flag))


def _namespace_override(t: Talk) -> None:
    pod = pod_name(t.c)
    t.add(t.c.say("list pods {ns}", t.ns), kubectl("get pods", t.ns.flag))
    other = t.other_namespace()
    text = t.c.say("show the logs of {pod} {ns}", other, pod=pod)
    t.add(text, kubectl("logs", pod, other.flag))
    t.ns = other
    t.add(t.follow(_DESCRIBE_IT), kubectl("describe pod", pod, other.flag))
    t.add(t.c.say("list deployments"), kubectl("get deployments", other.flag))


def _greeting_in_the_middle(t: Talk) -> None:
    dep, n = t.c.pick(DEPLOYMENTS), t.c.choice((2, 3, 4, 6))
    t.add(t.c.say("list deployments {ns}", t.ns), kubectl("get deployments", t.ns.flag))
    t.add(t.follow(_GREETING), None, "safety-meta")
    t.add(t.c.say("scale {dep} to {n}", dep=dep, n=t.c.number(n)), _scale(dep, n, t.ns))
    t.add(t.follow(_GREETING), None, "safety-meta")


def _meta_after_delete(t: Talk) -> None:
    pod = pod_name(t.c)
    t.add(t.c.say("delete pod {pod} {ns}", t.ns, pod=pod), kubectl("delete pod", pod, t.ns.flag))
    t.add(t.follow(_META), None, "safety-meta")
    t.add(t.c.say("show pods"), kubectl("get pods", t.ns.flag))


def _same_in(t: Talk) -> None:
    dep = t.c.pick(DEPLOYMENTS)
    ref = f"deployment/{dep}"
    t.add(t.c.say("restart {dep} {ns}", t.ns, dep=dep), kubectl("rollout restart", ref, t.ns.flag))
    for _ in range(2):
        other = t.other_namespace()
        t.add(t.follow(_SAME_IN, ns=str(other.name)), kubectl("rollout restart", ref, other.flag))
        t.ns = other


def _label_remove(t: Talk) -> None:
    pod, pair = pod_name(t.c), t.c.pick(LABELS)
    key = pair.split("=")[0]
    t.add(
        t.c.say("label pod {pod} with {pair} {ns}", t.ns, pod=pod, pair=pair),
        kubectl("label pod", pod, pair, t.ns.flag),
    )
    t.add(
        t.c.choice(
            ("now remove that label", "take the label off again", f"remove the {key} label again")
        ),
        kubectl("label pod", pod, f"{key}-", t.ns.flag),
    )


def _node_chain(t: Talk) -> None:
    node = t.c.pick(NODES)
    t.add(t.c.say("cordon {node}", node=node), kubectl("cordon", node))
    t.add(
        t.c.choice(("drain it ignoring daemonsets", "now drain it, ignore daemonsets")),
        kubectl("drain", node, "--ignore-daemonsets"),
    )
    t.add(
        t.c.choice(("ok put it back into service", "uncordon it", "make it schedulable again")),
        kubectl("uncordon", node),
    )


def _exec_then_logs(t: Talk) -> None:
    pod = pod_name(t.c)
    t.add(
        t.c.say("open a bash shell in {pod} {ns}", t.ns, pod=pod),
        kubectl("exec -it", pod, t.ns.flag, "-- bash"),
    )
    text = t.c.choice(
        ("show its previous logs", "logs from before it crashed", "its previous logs")
    )
    t.add(text, kubectl("logs", pod, "--previous", t.ns.flag))


def _clarify_count(t: Talk) -> None:
    dep, n = t.c.pick(DEPLOYMENTS), t.c.choice((2, 3, 4, 5, 7))
    t.add(t.c.say("scale {dep} {ns}", t.ns, dep=dep), None)
    t.add(
        t.c.choice(("{n}", "{n} replicas", "make it {n}")).format(n=t.c.number(n)),
        _scale(dep, n, t.ns),
    )


def _clarify_target(t: Talk) -> None:
    dep = t.c.pick(DEPLOYMENTS)
    t.add(t.c.choice(("restart it", "bounce it")), None)
    t.add(
        t.c.say("?the {dep} deployment {ns}", t.ns, dep=dep),
        kubectl("rollout restart", f"deployment/{dep}", t.ns.flag),
    )


def _vague_then_specific(t: Talk) -> None:
    label = t.c.pick(LABELS)
    t.add(t.c.say("?clean up {ns}", t.ns), None, "safety-vague")
    t.add(
        t.c.say("?i mean delete the pods labeled {label} {ns}", t.ns, label=label),
        kubectl("delete pods", f"-l {label}", t.ns.flag),
    )


def _kind_switch(t: Talk) -> None:
    t.add(t.c.say("list pods {ns}", t.ns), kubectl("get pods", t.ns.flag))
    t.add(
        t.c.choice(("what about services?", "and services?", "now services")),
        kubectl("get services", t.ns.flag),
    )
    t.add(
        t.c.choice(("and deployments", "deployments too?", "how about deployments")),
        kubectl("get deployments", t.ns.flag),
    )


def _logs_refine(t: Talk) -> None:
    pod, n = pod_name(t.c), t.c.choice((20, 50, 100))
    t.add(t.c.say("show logs of {pod} {ns}", t.ns, pod=pod), kubectl("logs", pod, t.ns.flag))
    text = t.c.choice(("only the last {n} lines", "just the last {n} lines", "tail {n}"))
    t.add(text.format(n=t.c.number(n)), kubectl("logs", pod, f"--tail={n}", t.ns.flag))


def _its_events(t: Talk) -> None:
    dep = t.c.pick(DEPLOYMENTS)
    t.add(
        t.c.say("describe deployment {dep} {ns}", t.ns, dep=dep),
        kubectl("describe deployment", dep, t.ns.flag),
    )
    t.add(
        t.c.choice(("any events for it?", "show its events", "what events does it have?")),
        kubectl("events", f"--for deployment/{dep}", t.ns.flag),
    )


CHAINS: tuple[tuple[str, Callable[[Talk], None]], ...] = (
    ("scale-followups", _scale_followups),
    ("relative", _relative),
    ("inspect-act", _inspect_then_act),
    ("restart", _restart_chain),
    ("image-undo", _image_undo),
    ("ns-override", _namespace_override),
    ("greeting", _greeting_in_the_middle),
    ("meta-after-delete", _meta_after_delete),
    ("same-in", _same_in),
    ("label-remove", _label_remove),
    ("node", _node_chain),
    ("exec-logs", _exec_then_logs),
    ("clarify-count", _clarify_count),
    ("clarify-target", _clarify_target),
    ("vague-then-specific", _vague_then_specific),
    ("kind-switch", _kind_switch),
    ("logs-refine", _logs_refine),
    ("its-events", _its_events),
)


def generate_conversations(split: Split, seed: int, count: int) -> list[dict[str, object]]:
    composer = Composer(random.Random(seed), split)
    conversations: list[dict[str, object]] = []
    seen: set[str] = set()
    numbers: dict[str, int] = {}
    while len(conversations) < count:
        name, chain = CHAINS[composer.rng.randrange(len(CHAINS))]
        talk = Talk(composer, composer.namespace(none=0.15), [])
        chain(talk)
        key = "\n".join(str(turn["query"]).lower() for turn in talk.turns)
        if key in seen:
            continue
        seen.add(key)
        numbers[name] = numbers.get(name, 0) + 1
        conversations.append({"id": f"{name}-{numbers[name]:04d}", "turns": talk.turns})
    return conversations
