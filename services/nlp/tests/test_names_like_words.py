"""An object's or a namespace's name that spells a word of the language ("media-dir",
"history-api", "json-api", "api-watch", "env-eu") is read as a name: the request means what
it means with a plain name. Every cue word is tried at both ends of a name, in the common
requests."""

from __future__ import annotations

import pytest

from kubechat_nlp.engine import RulesEngine

ENGINE = RulesEngine()

# Words the rules read as cues: output formats, watching, files, rollout subcommands,
# logs, kinds and verbs.
WORDS = """dir folder file logs log status history undo restart events event describe label
labels image env port service node nodes top watch wide yaml json all config secret scale
replicas delete copy exec shell run pods pod deploy rollout revision previous follow tail
since container metrics usage cpu memory drain cordon taint expose forward debug patch edit
apply create new old stale backup list get show default kube system prod dev test api web data
cache queue job cron ingress volume claim role binding account auth token cert key user group
admin rbac policy network quota limit request resource sort name type output format context
cluster version explain wait attach proxy cp set""".split()

TEMPLATES = [
    "scale {name} in qa to 3",
    "restart {name} in qa",
    "logs of {name} in qa",
    "describe deployment {name} in qa",
    "delete deployment {name} in qa",
    "set image of {name} in qa to nginx:1",
    "show deployment {name} in qa",
    "rollout status of {name} in qa",
    "roll back {name} in qa",
    "expose deployment {name} in qa on port 80",
    "logs of pod {name} in qa",
    "delete pod {name} in qa",
    "describe configmap {name} in qa",
    "restart statefulset {name} in qa",
    "events for pod {name} in qa",
    # the namespace's name
    "show pods in {name}",
    "list deployments in namespace {name}",
    "scale web in namespace {name} to 3",
    "restart web in {name}",
]


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_name_spelling_a_cue_word_is_a_name(template: str) -> None:
    plain = " && ".join(ENGINE.parse(template.format(name="zeta")).kubectl)
    assert plain, template
    misread = []
    for word in WORDS:
        for name in (f"{word}-api", f"api-{word}"):
            got = " && ".join(ENGINE.parse(template.format(name=name)).kubectl)
            if got != plain.replace("zeta", name):
                misread.append(f"{name}: {got!r}")
    assert not misread
