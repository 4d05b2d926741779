"""Slots read by their type when no wording marks them: a scale request's one free number is
its count, a create's one free name is the new object's, a copy's pod is the name beside
the paths; an opening comparison with another tool ("like heroku ps:scale, …") is how the
user knows it, never the request; "run through the jobs" looks at them."""

from __future__ import annotations

import pytest

from kubechat_nlp.engine import RulesEngine
from kubechat_nlp.undo import offline_conversation

ENGINE = RulesEngine()

CASES = [
    ("run 10 of the mongo statefulset", "kubectl scale statefulset/mongo --replicas=10"),
    (
        "set replica count of the inventory deploy as 5",
        "kubectl scale deployment/inventory --replicas=5",
    ),
    ("scale the frontend deployment on 10", "kubectl scale deployment/frontend --replicas=10"),
    ("scale restart-bot down to nothing", "kubectl scale deployment/restart-bot --replicas=0"),
    (
        "like heroku ps:scale, put clock at six replicas",
        "kubectl scale deployment/clock --replicas=6",
    ),
    (
        "like docker run redis:7.2, but as a deployment called cache",
        "kubectl create deployment cache --image=redis:7.2",
    ),
    (
        "create events-api deployment from quay.io/kassa/otp:v3 under stg",
        "kubectl create deployment events-api -n stg --image=quay.io/kassa/otp:v3",
    ),
    (
        "can you stand up top-charts in ns sandbox - python:3.12-slim, 3 pods?",
        "kubectl create deployment top-charts -n sandbox --image=python:3.12-slim --replicas=3",
    ),
    (
        "cp app.log to /var/log/app.log on zookeeper-0 in monitoring",
        "kubectl cp app.log zookeeper-0:/var/log/app.log -n monitoring",
    ),
    (
        "upload app.log to /var/log/app.log in top-up-6trr8xkn8f-42cxb",
        "kubectl cp app.log top-up-6trr8xkn8f-42cxb:/var/log/app.log",
    ),
    (
        "upload dump.hprof to /tmp/dump.hprof in worker-4 in namespace live",
        "kubectl cp dump.hprof worker-4:/tmp/dump.hprof -n live",
    ),
    (
        "download /var/log/app.log of rabbit-2 as app.log",
        "kubectl cp rabbit-2:/var/log/app.log app.log",
    ),
    ("use gke-stg context", "kubectl config use-context gke-stg"),
    # resource figures: top, whatever the wording, and a plain word is no pod's name
    ("biggest cpu pods in the cdn namespace", "kubectl top pod -n cdn --sort-by=cpu"),
    ("memory and cpu for pods inside hotfix", "kubectl top pod -n hotfix"),
    ("whats the load on each node", "kubectl top node"),
    ("are the machines busy?", "kubectl top node"),
    ("are any nodes running hot", "kubectl top node"),
    ("whos using all the cpu", "kubectl top pod --sort-by=cpu"),
    ("cpu mem of all pods in uat ns", "kubectl top pod -n uat"),
    (
        "autoscale jobs-runner in batch, floor 3, ceiling 6",
        "kubectl autoscale deployments jobs-runner -n batch --min=3 --max=6",
    ),
    ("autoscale web 2 minimum, 7 maximum", "kubectl autoscale deployments web --min=2 --max=7"),
    (
        "print the data-0 persistentvolumeclaim as json, I need to diff it",
        "kubectl get persistentvolumeclaims data-0 -o json",
    ),
    ("run through the daemonsets in qa for me", "kubectl get daemonsets -n qa"),
    (
        "relabel pod rabbitmq-2 in the qa namespace: env is now prod",
        "kubectl label pods rabbitmq-2 env=prod -n qa --overwrite",
    ),
    (
        "node worker-03 has tier set wrong, overwrite the label with worker",
        "kubectl label nodes worker-03 tier=worker --overwrite",
    ),
]

# Readings the typed fallbacks must leave alone.
UNCHANGED = [
    # two free numbers: which one is the count is a question
    ("scale web 3 or 4", None),
    # an image for an object that exists is a new image, never a new object
    (
        "can the cart deployment run httpd:2.4 instead?",
        "kubectl set image deployment/cart *=httpd:2.4",
    ),
    (
        "create a service exposing the billing deployment on port 443",
        "kubectl expose deployments billing --port=443",
    ),
    # a remote path names its pod: "in monitoring" stays the namespace
    (
        "copy gateway-4:/tmp/dump.hprof in monitoring to dump.hprof",
        "kubectl cp gateway-4:/tmp/dump.hprof dump.hprof -n monitoring",
    ),
    # "all" addressing people is no "--all": vague, so a question, never a delete
    ("morning all, delete the pods", None),
    ("thanks all, delete the pods", None),
    ("morning all, wipe the box", None),
    # what to do with the logs is never the pod
    ("Yo eyeball the logs from redis-cluster-1", "kubectl logs redis-cluster-1"),
    (
        "pls share logs of the pods labeled owner=ivan -n it-ops",
        "kubectl logs -n it-ops -l owner=ivan",
    ),
    (
        "required for the incident review: the logs of pod cassandra-ring-0 --previous",
        "kubectl logs cassandra-ring-0 --previous",
    ),
    ("web logs", "kubectl logs web"),
    # a role that grants rights is a role; a binding's role and subject around "to"
    (
        "add a role called config-editor granting get, list and watch on pods",
        "kubectl create role config-editor --verb=get,list,watch --resource=pods",
    ),
    (
        "create rolebinding rb under the dev namespace tying user priya to rollout-operator",
        "kubectl create rolebinding rb -n dev --role=rollout-operator --user=priya",
    ),
    (
        "can you bind wei to role job-runner within logging, binding called jr-binding",
        "kubectl create rolebinding jr-binding -n logging --role=job-runner --user=wei",
    ),
    (
        "the flux service account needs secret-viewer in namespace ops, create rolebinding sv",
        "kubectl create rolebinding sv -n ops --role=secret-viewer --serviceaccount=ops:flux",
    ),
    (
        "bootstrap ledger-sync with four copies of envoyproxy/envoy:v1.31",
        "kubectl create deployment ledger-sync --image=envoyproxy/envoy:v1.31 --replicas=4",
    ),
    (
        "create deployment geo with nginx:1.25 x2",
        "kubectl create deployment geo --image=nginx:1.25 --replicas=2",
    ),
    # the machine named in the circumstance is what "on it" points at
    (
        "before I reboot node-4, which pods are on it in namespace monitoring",
        "kubectl get pods -n monitoring --field-selector=spec.nodeName=node-4",
    ),
    ("jobs in prod-in ns with squad as checkout", "kubectl get jobs -n prod-in -l squad=checkout"),
    ("filter the services on the label tier=frontend", "kubectl get services -l tier=frontend"),
    (
        "give me YAML for the api ingress in release, want to paste it in the ticket",
        "kubectl get ingresses api -n release -o yaml",
    ),
    # the default namespace, however it is said
    ("scope me to events by default", "kubectl config set-context --current --namespace=events"),
    ("from now on assume canary", "kubectl config set-context --current --namespace=canary"),
    ("pin my namespace to release", "kubectl config set-context --current --namespace=release"),
    (
        "switch my namespace to default for good",
        "kubectl config set-context --current --namespace=default",
    ),
    # ("in the default ns to 6" is a scale, never a default namespace of 6)
    (
        "can you scale router over in the default ns to 6",
        "kubectl scale deployment/router --replicas=6",
    ),
    # a kind's spec with no object is its schema
    ("whats in a service spec", "kubectl explain services.spec"),
    ("how is a pod defined", "kubectl explain pods"),
    ("rewind deployment web", "kubectl rollout undo deployment/web"),
    ("get inside pod web-1", "kubectl exec web-1 -i -t -- /bin/sh"),
    ("power-cycle the api deployment in prod", "kubectl rollout restart deployment/api -n prod"),
    # a figure that is set or bounded is no look at usage
    ("set memory of web to 512Mi", "kubectl set resources deployments web --limits=memory=512Mi"),
    (
        "hpa for mailroom, 1..5 replicas, 70% cpu target",
        "kubectl autoscale deployments mailroom --min=1 --max=5 --cpu=70%",
    ),
    # only a location points at the machine: "restart it" stays a question
    ("following the incident on web-2, restart it", None),
    # a colon with a space after it still introduces a note, which is data
    ("describe web. ps: delete web too", "kubectl describe pods web"),
]


@pytest.mark.parametrize(("text", "expected"), CASES + UNCHANGED)
def test_typed_slot(text: str, expected: str | None) -> None:
    plan = ENGINE.parse(text)
    if expected is None:
        assert plan.clarification is not None and not plan.kubectl
    else:
        assert " && ".join(plan.kubectl).replace("'", "") == expected


@pytest.mark.parametrize("thanks", ["sweet as", "bonza", "ripper", "champion"])
def test_acknowledgement_after_a_scale_changes_nothing(thanks: str) -> None:
    plans = list(offline_conversation(ENGINE, ("please scale puma-web to two", thanks)))
    assert not plans[1].kubectl


def test_a_resource_figure_with_no_cue_is_a_guess() -> None:
    """Read offline, but below the hybrid engine's threshold: a model is asked first."""
    plan = ENGINE.parse("memory footprint of checkout in prod")
    assert plan.kubectl == ("kubectl top pod -n prod",)
    assert plan.confidence < 0.75
