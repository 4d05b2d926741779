"""Follow-ups that ask nothing of the last object ("lifesaver", "what are your limits?")
never act on it; a cue said about a pronoun ("dig into it") is a request of its own about
the last object, never a switch to an object called "dig"."""

from __future__ import annotations

import pytest

from kubechat_nlp.engine import RulesEngine
from kubechat_nlp.undo import offline_conversation

ENGINE = RulesEngine()

_RESTARTED = "restart deployment web in shop"
_RESTARTED_API = "kubectl rollout restart deployment/api -n shop"
CONVERSATIONS = [
    (("scale web to 3 in qa", "lifesaver"), None),
    (("scale web to 3 in qa", "phew thanks"), None),
    (("delete pod api-1 in uat", "what are your limits?"), None),
    (("delete pod api-1 in uat", "how does this bot work"), None),
    (("show pod web-1 in qa", "dig into it"), "kubectl describe pods web-1 -n qa"),
    (("show pod web-1 in qa", "logz pls"), "kubectl logs web-1 -n qa"),
    # what still completes from the last object
    (("describe pod web-1", "more details pls"), "kubectl describe pods web-1"),
    (("restart deployment api", "all done?"), "kubectl rollout status deployment/api"),
    (("scale web to 3", "back to 4"), "kubectl scale deployment/web --replicas=4"),
    (("scale web to 3 in qa", "and in prod"), "kubectl scale deployment/web -n prod --replicas=3"),
    # an answer with courtesy around it still answers; "i mean …" says the request again
    (
        ("restart it", "hi team, the api deployment on the payments namespace, if possible"),
        "kubectl rollout restart deployment/api -n payments",
    ),
    (
        ("delete stuff", "i mean dekete the pods labeled role=db namespace web"),
        "kubectl delete pods -n web -l role=db",
    ),
    # going back, and what went out before, in other words
    (
        ("set image of deployment web to nginx:1.27", "take it back to before"),
        "kubectl rollout undo deployment/web",
    ),
    (
        ("set image of deployment web to nginx:1.27", "the change should be reverted"),
        "kubectl rollout undo deployment/web",
    ),
    (("restart deployment web", "still rolling or stuck"), "kubectl rollout status deployment/web"),
    (
        ("restart deployment web", "return to the earlier version"),
        "kubectl rollout undo deployment/web",
    ),
    (("restart deployment web", "switch back"), "kubectl rollout undo deployment/web"),
    (
        ("restart deployment web", "revert to last known good"),
        "kubectl rollout undo deployment/web",
    ),
    (("show pod web-1 in qa", "why's it unhappy"), "kubectl describe pods web-1 -n qa"),
    (
        ("restart deployment web", "what did we have deployed before this"),
        "kubectl rollout history deployment/web",
    ),
    # a rollout or an object just talked about, said the way kubectl users say it
    (
        ("restart deployment web in shop", "any progress"),
        "kubectl rollout status deployment/web -n shop",
    ),
    (
        ("restart deployment web in shop", "is it rolling?"),
        "kubectl rollout status deployment/web -n shop",
    ),
    (
        ("restart deployment web in shop", "previous rollouts?"),
        "kubectl rollout history deployment/web -n shop",
    ),
    (("logs of web-1 in dev", "more on that pod"), "kubectl describe pods web-1 -n dev"),
    (("logs of web-1 in dev", "look closer"), "kubectl describe pods web-1 -n dev"),
    # a question after a restart asks how things are; it never restarts anything
    ((_RESTARTED, "is it stable now"), "kubectl rollout status deployment/web -n shop"),
    ((_RESTARTED, "how far is it"), "kubectl rollout status deployment/web -n shop"),
    ((_RESTARTED, "update finished?"), "kubectl rollout status deployment/web -n shop"),
    (
        ("set the image of web to nginx:1.25 in shop", "reverse the deploy"),
        "kubectl rollout undo deployment/web -n shop",
    ),
    (
        ("set the image of web to nginx:1.25 in shop", "take it back"),
        "kubectl rollout undo deployment/web -n shop",
    ),
    # "scrap that" takes the last request back; it never deletes what was talked about
    (("set the image of web to nginx:1.25 in shop", "scrap that"), None),
    # what a pod printed on its console is its log, never an object called "console"
    (("describe pod web-1 in shop", "its console output, please"), "kubectl logs web-1 -n shop"),
    # a new number said around a reference or a correction in other words
    (
        ("scale worker to 3 in qa", "the one we just scaled — 5 now, please"),
        "kubectl scale deployment/worker -n qa --replicas=5",
    ),
    (("scale api to 4", "I misspoke; 6 replicas"), "kubectl scale deployment/api --replicas=6"),
    (("scale api to 4", "pardon me, 5"), "kubectl scale deployment/api --replicas=5"),
    # "this workload", "that pod": the object just named, whatever the request around it
    (("restart deployment api in shop", "reboot this workload"), _RESTARTED_API),
    (
        ("describe pod web-1 in shop", "the particulars of that pod, please"),
        "kubectl describe pods web-1 -n shop",
    ),
    (("restart deployment api in qa", "once more, in shop this time"), _RESTARTED_API),
    # how the rollout is doing, in other words
    (("set image of web to nginx:2", "has it settled?"), "kubectl rollout status deployment/web"),
    (
        ("set image of web to nginx:2", "how's the rollout looking"),
        "kubectl rollout status deployment/web",
    ),
    (
        ("set image of web to nginx:2", "progress report on the rollout?"),
        "kubectl rollout status deployment/web",
    ),
    # a container named after a log read reads the same logs from it
    (("logs of web-1 in qa", "from the proxy container"), "kubectl logs web-1 -n qa -c proxy"),
    (("logs of web-1 in qa", "the sidecar container's"), "kubectl logs web-1 -n qa -c sidecar"),
    (("logs of web-1 in qa", "previous container please"), "kubectl logs web-1 -n qa --previous"),
    (
        ("describe pod web-1 in qa", "what did it log before it died"),
        "kubectl logs web-1 -n qa --previous",
    ),
    # a question about the assistant after a change never acts on what was changed
    (("delete pod api-1 in uat", "do you ever run things without asking?"), None),
    (("delete pod api-1 in uat", "how do you decide which command to run?"), None),
]


@pytest.mark.parametrize(("turns", "expected"), CONVERSATIONS)
def test_follow_up(turns: tuple[str, str], expected: str | None) -> None:
    last = list(offline_conversation(ENGINE, turns))[-1]
    if expected is None:
        assert not last.kubectl
    else:
        assert " && ".join(last.kubectl) == expected
