"""How people on call write: the situation told first in a sentence of its own, who is
talking, where the namespace is said as a condition or after the team that owns it, and a
few everyday verbs. Sentences here are written for the tests, varied on purpose; none is
taken from an evaluation set."""

from __future__ import annotations

import pytest

from kubechat_nlp.engine import RulesEngine

ENGINE = RulesEngine()


def _plan(text: str) -> str:
    plan = ENGINE.parse(text)
    return " && ".join(plan.kubectl) if plan.kubectl else "<no plan>"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the situation first, then a request that names its own object
        (
            "the queue is backing up. scale drain-worker to 9",
            "kubectl scale deployment/drain-worker --replicas=9",
        ),
        (
            "Sales doubled this week. run cart deployment at 7 replicas",
            "kubectl scale deployment/cart --replicas=7",
        ),
        (
            "restarted the cache. now restart the api deployment",
            "kubectl rollout restart deployment/api",
        ),
        # kept when the request points back at it, or when it says where
        ("web is down. restart it", "kubectl rollout restart deployment/web"),
        ("api-2 keeps crashing. show its logs", "kubectl logs api-2"),
        ("something broke over in billing. list the pods", "kubectl get pods -n billing"),
        # a request of its own in the first sentence is no situation
        ("could you show the logs of web-1? in shop", "kubectl logs web-1 -n shop"),
    ],
)
def test_the_situation_told_first_is_not_the_request(text: str, expected: str) -> None:
    assert _plan(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on call here: describe deployment web", "kubectl describe deployments web"),
        ("new on the team here - list the jobs", "kubectl get jobs"),
        ("quick one from payments: restart web", "kubectl rollout restart deployment/web"),
        ("evening from the ops desk, list pods", "kubectl get pods"),
        (
            "the lead asking: is deployment web deployed yet",
            "kubectl rollout status deployment/web",
        ),
        # a name that looks like a speaker stays a name
        ("on-call - 2 replicas", "kubectl scale deployment/on-call --replicas=2"),
    ],
)
def test_who_is_talking_is_set_aside(text: str, expected: str) -> None:
    assert _plan(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("list jobs where the namespace is batch-7", "kubectl get jobs -n batch-7"),
        ("restart web whose ns is qa", "kubectl rollout restart deployment/web -n qa"),
        ("describe pod web-1 in the data team's namespace", "kubectl describe pods web-1 -n data"),
        (
            "scale api in the search team namespace to 4",
            "kubectl scale deployment/api -n search --replicas=4",
        ),
        ("list services in the ml team's namepsace", "kubectl get services -n ml"),
        ("show me the jobs whatever the namespace", "kubectl get jobs -A"),
        ("configmaps no matter the namespace", "kubectl get configmaps -A"),
        (
            "the api deployment down in search is broken. undo it",
            "kubectl rollout undo deployment/api -n search",
        ),
        ("scale web down in prod to 3", "kubectl scale deployment/web -n prod --replicas=3"),
    ],
)
def test_where_the_namespace_is_said(text: str, expected: str) -> None:
    assert _plan(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after an object, "for X" says where
        (
            "delete configmap old-flags for payments",
            "kubectl delete configmaps old-flags -n payments",
        ),
        (
            "restart the api deployment for search too",
            "kubectl rollout restart deployment/api -n search",
        ),
        ("get the deployments for data, please", "kubectl get deployments -n data"),
        # never whom or what it is for
        (
            "an hpa for web, 2..6 replicas, 70% cpu",
            "kubectl autoscale deployments web --min=2 --max=6 --cpu=70%",
        ),
        ("run 3 pods for api", "kubectl scale deployment/api --replicas=3"),
        ("a service on port 80 for web", "kubectl expose deployments web --port=80"),
        ("describe node worker-1 for troubleshooting", "kubectl describe nodes worker-1"),
        ("describe deployment web, cheers for covering", "kubectl describe deployments web"),
        ("scale web to 3 for now", "kubectl scale deployment/web --replicas=3"),
    ],
)
def test_for_a_namespace_and_for_a_purpose(text: str, expected: str) -> None:
    assert _plan(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("run down the cronjobs in qa", "kubectl get cronjobs -n qa"),
        ("drop the api deployment to 2", "kubectl scale deployment/api --replicas=2"),
        ("drop pod web-1", "kubectl delete pods web-1"),
        ("bounce pod web-1 by deleting it", "kubectl delete pods web-1"),
        (
            "delete web-7f9c8d6b5-x2k9q, the replicaset will recreate it",
            "kubectl delete pods web-7f9c8d6b5-x2k9q",
        ),
        ("reopen worker-3 for new pods", "kubectl uncordon worker-3"),
        ("is the api deployment fully out?", "kubectl rollout status deployment/api"),
        ("resume rolling out web", "kubectl rollout resume deployment/web"),
        ("list the apps/v1 deployments in qa", "kubectl get deployments -n qa"),
        ("expose web internally on port 80", "kubectl expose deployments web --port=80"),
        ("would sam's account be allowed to list pods", "kubectl auth can-i list pods --as=sam"),
        ("check whether lee is cleared to delete jobs", "kubectl auth can-i delete jobs --as=lee"),
        ("does my on-call role let me patch services?", "kubectl auth can-i patch services"),
        ("show usage for every node", "kubectl top node"),
        ("pods a-1 and b-2 are leftovers. delete both", "kubectl delete pods a-1 b-2"),
        ("jobs x-1 and y-2 look done; delete both", "kubectl delete jobs x-1 y-2"),
        ("take label owner away from namespace qa", "kubectl label namespaces qa owner-"),
        (
            "autoscale web, two min six max, 60% cpu",
            "kubectl autoscale deployments web --min=2 --max=6 --cpu=60%",
        ),
        (
            "put an autoscaler on api, 1 min 4 max",
            "kubectl autoscale deployments api --min=1 --max=4",
        ),
        ("bridge my 9000 to port 80 of pod web-1", "kubectl port-forward web-1 9000:80"),
        ("port-forward svc web, local 8080 remote 80", "kubectl port-forward service/web 8080:80"),
        ("connect localhost 5000 to pod db-0 on 5432", "kubectl port-forward db-0 5000:5432"),
    ],
)
def test_everyday_verbs(text: str, expected: str) -> None:
    assert _plan(text) == expected


@pytest.mark.parametrize(
    "text",
    ["kill the noisy ones in namespace growth", "delete the slow ones", "nuke the old ones"],
)
def test_ones_described_are_never_deleted_by_a_guess(text: str) -> None:
    plan = ENGINE.parse(text)
    assert not plan.operations and plan.clarification is not None


@pytest.mark.parametrize(
    "text", ["cheers for that", "Brilliant, thanks for the help", "lovely stuff"]
)
def test_thanks_in_other_words_act_on_nothing(text: str) -> None:
    assert not ENGINE.parse(text).operations


def test_all_rolled_out_asks_about_one_rollout_not_every_deployment() -> None:
    plan = ENGINE.parse("all rolled out now?")
    assert not plan.operations and plan.clarification is not None
