"""Read requests in everyday words: the sentences are written for these tests (none is an
evaluation set's), one group per read operation, each reading what is asked rather than
the words it is asked in."""

from __future__ import annotations

import pytest

from kubechat_nlp import RulesEngine
from kubechat_nlp.evaluation.equivalence import equivalent

ENGINE = RulesEngine()


def kubectl(text: str) -> str | None:
    plan = ENGINE.parse(text)
    return plan.kubectl[0] if len(plan.kubectl) == 1 else None


def assert_reads_as(text: str, expected: str) -> None:
    """One command, equivalent to `expected` as kubectl would run it."""
    got = kubectl(text)
    assert got is not None and equivalent(got, expected), got


CASES = [
    # logs: the opening verb is never the pod, and what a pod printed is its log
    ("grab the logs of checkout-5d9f", "kubectl logs checkout-5d9f"),
    ("fetch the last 50 lines from api-7", "kubectl logs api-7 --tail=50"),
    ("read the logs of deployment billing in prod", "kubectl logs deployment/billing -n prod"),
    ("what did worker-3 print before it died", "kubectl logs worker-3 --previous"),
    ("what has the api deployment been saying", "kubectl logs deployment/api"),
    ("show me what payments-0 printed in the last hour", "kubectl logs payments-0 --since=1h"),
    ("pull the logs for mailer-2 in staging", "kubectl logs mailer-2 -n staging"),
    ("can you read the output of cron-runner-9", "kubectl logs cron-runner-9"),
    ("what did the pods labeled app=web print", "kubectl logs -l app=web"),
    ("grab output from ingest-4 and keep following it", "kubectl logs ingest-4 -f"),
    ("what was queue-2 complaining about", "kubectl logs queue-2"),
    ("fetch logs for statefulset kafka", "kubectl logs statefulset/kafka"),
    # describe: the state of one named object
    ("what's the state of deployment checkout", "kubectl describe deployments checkout"),
    ("how is statefulset postgres doing in db", "kubectl describe statefulsets postgres -n db"),
    ("is node worker-2 healthy", "kubectl describe nodes worker-2"),
    ("give me info on service gateway", "kubectl describe services gateway"),
    ("explain what's going on with job backfill", "kubectl describe jobs backfill"),
    (
        "what's the health of daemonset fluentd in logging",
        "kubectl describe daemonsets fluentd -n logging",
    ),
    ("what's the matter with cronjob nightly", "kubectl describe cronjobs nightly"),
    ("tell me everything you know about ingress shop", "kubectl describe ingresses shop"),
    ("what is the condition of node ip-10-0-0-5", "kubectl describe nodes ip-10-0-0-5"),
    (
        "info about configmap app-settings in prod",
        "kubectl describe configmaps app-settings -n prod",
    ),
    ("what's the status of namespace payments", "kubectl describe namespaces payments"),
    # get: lists, one object, formats, columns, labels, phases, nodes, watching
    ("enumerate the services in prod", "kubectl get services -n prod"),
    ("look up deployment checkout", "kubectl get deployments checkout"),
    ("where is secret db-creds", "kubectl get secrets db-creds"),
    ("export deployment api as yaml", "kubectl get deployments api -o yaml"),
    ("give me service web in json", "kubectl get services web -o json"),
    ("show every column for nodes", "kubectl get nodes -o wide"),
    ("list pods in wide format", "kubectl get pods -o wide"),
    ("which deployments carry the label team=core", "kubectl get deployments -l team=core"),
    (
        "are any pods failing in prod",
        "kubectl get pods -n prod --field-selector=status.phase=Failed",
    ),
    ("any pods still pending", "kubectl get pods --field-selector=status.phase=Pending"),
    ("show pods in the failed state", "kubectl get pods --field-selector=status.phase=Failed"),
    (
        "list pods whose status is completed",
        "kubectl get pods --field-selector=status.phase=Succeeded",
    ),
    ("which pods are sitting on node-4", "kubectl get pods --field-selector=spec.nodeName=node-4"),
    ("keep an eye on the pods in prod", "kubectl get pods -n prod --watch"),
    ("monitor deployments as they change", "kubectl get deployments --watch"),
    ("track the jobs in batch", "kubectl get jobs -n batch --watch"),
    # events: whether anything is happening in a namespace
    ("anything happening in prod", "kubectl events -n prod"),
    ("is anything going on in staging", "kubectl events -n staging"),
    ("what's been going on in kube-system", "kubectl events -n kube-system"),
    ("any activity in payments", "kubectl events -n payments"),
    ("what's new in monitoring", "kubectl events -n monitoring"),
    ("recent happenings in qa", "kubectl events -n qa"),
    # top: what the pods and nodes consume, ranked
    ("rank pods by memory", "kubectl top pod --sort-by=memory"),
    ("rank the nodes by cpu", "kubectl top node --sort-by=cpu"),
    ("how much cpu are the pods consuming in prod", "kubectl top pod -n prod"),
    ("how many resources do the pods use in qa", "kubectl top pod -n qa"),
    ("what are the cpu hogs in prod", "kubectl top pod -n prod --sort-by=cpu"),
    ("list pods sorted by memory", "kubectl top pod --sort-by=memory"),
    ("how hard are the nodes working", "kubectl top node"),
    ("what is eating the cpu in staging", "kubectl top pod -n staging --sort-by=cpu"),
    # asked politely: naming an object is a request to look, naming none asks about rights
    ("can i see the logs of pod cart-3 from the last hour", "kubectl logs cart-3 --since=1h"),
    ("could we get the yaml of deployment api", "kubectl get deployments api -o yaml"),
    ("can i have a look at statefulset kafka in data", "kubectl get statefulsets kafka -n data"),
    ("can i get secrets in namespace qa", "kubectl auth can-i get secrets -n qa"),
    ("can i delete pod cart-3", "kubectl auth can-i delete pods/cart-3"),
    # the logs are no namespace, details of a list are its wide columns
    ("what's in the logs of the api-2 pod", "kubectl logs api-2"),
    (
        "what's in the logs of deployment web before it crashed",
        "kubectl logs deployment/web --previous",
    ),
    ("list the jobs in batch with all the details", "kubectl get jobs -n batch -o wide"),
    ("describe pods with all the details", "kubectl describe pods"),
    ("services with env=prod in shop", "kubectl get services -n shop -l env=prod"),
    ("deployments with node and ip", "kubectl get deployments -o wide"),
    ("how is pod cart-3 doing", "kubectl describe pods cart-3"),
    ("which pods are using resources in qa", "kubectl top pod -n qa"),
    ("any warnings lately, all namespaces", "kubectl events -A --types=Warning"),
    ("jobs labelled track=stable", "kubectl get jobs -l track=stable"),
    # more ways to say it
    ("detailed list of services", "kubectl get services -o wide"),
    ("pods whose label app is web", "kubectl get pods -l app=web"),
    (
        "list pods whose phase is succeeded",
        "kubectl get pods --field-selector=status.phase=Succeeded",
    ),
    ("pods stuck in pending", "kubectl get pods --field-selector=status.phase=Pending"),
    ("which pods landed on node-8", "kubectl get pods --field-selector=spec.nodeName=node-8"),
    ("what's the deal with pod web-1", "kubectl describe pods web-1"),
    ("what's gone wrong in qa", "kubectl events -n qa --types=Warning"),
    ("how much are the pods using", "kubectl top pod"),
    ("sort pods by memory", "kubectl top pod --sort-by=memory"),
    ("biggest memory users in qa", "kubectl top pod -n qa --sort-by=memory"),
    ("is there anything wrong with deployment api", "kubectl describe deployments api"),
    ("show me pods and their nodes", "kubectl get pods -o wide"),
    ("what node is web-1 on", "kubectl get pods web-1 -o wide"),
    ("where is pod web-1 running", "kubectl get pods web-1 -o wide"),
    ("um, any pods pending?", "kubectl get pods --field-selector=status.phase=Pending"),
    (
        "what's in the logs of pod cart-5 from the previous container -c worker",
        "kubectl logs cart-5 --previous -c worker",
    ),
    ("show me what ns exist", "kubectl get namespaces"),
    ("per-node usage", "kubectl top node"),
    ("what has happened in jobs lately", "kubectl events -n jobs"),
    (
        "what serviceaccounts do we have running on internal",
        "kubectl get serviceaccounts -n internal",
    ),
    ("show the event stream in qa", "kubectl events -n qa"),
    ("how hungry are the pods in qa", "kubectl top pod -n qa"),
    ("what's happening with the cluster", "kubectl events -A"),
    ("can i get a list of pods in prod", "kubectl get pods -n prod"),
    # rollout status and history in everyday words
    ("how far along is the api rollout", "kubectl rollout status deployment/api"),
    ("past versions of deployment api", "kubectl rollout history deployment/api"),
    ("recent deploys of web", "kubectl rollout history deployment/web"),
    # the new verbs mistyped
    ("fecth logs for api-1", "kubectl logs api-1"),
    ("read the ouptut of api-1", "kubectl logs api-1"),
    ("anything hapening in prod", "kubectl events -n prod"),
    ("rnak pods by cpu", "kubectl top pod --sort-by=cpu"),
    ("how is web-1 doing", "kubectl describe pods web-1"),
    ("is web-1 ok", "kubectl describe pods web-1"),
    ("tail the logs of pod geo-1 in edge", "kubectl logs geo-1 -n edge -f"),
    ("tail 20 lines of web-1", "kubectl logs web-1 --tail=20"),
    ("show per container usage for pods in edge", "kubectl top pod -n edge --containers"),
    (
        "show me the pods for the shop app in comms, the label is app=shop",
        "kubectl get pods -n comms -l app=shop",
    ),
    ("show me the endpoints of geo-api in edge", "kubectl get endpoints geo-api -n edge"),
    (
        "top pod web-app-1 on secrets by container",
        "kubectl top pod web-app-1 -n secrets --containers",
    ),
    ("prod events", "kubectl events -n prod"),
    ("show me the staging events", "kubectl events -n staging"),
    ("show web-1 events", "kubectl events --for=pod/web-1"),
    ("only pods labeled team=a", "kubectl get pods -l team=a"),
    ("only delete pod web-1", "kubectl delete pods web-1"),
    ("notify me when pods change in qa", "kubectl get pods -n qa --watch"),
    ("anything weird in prod", "kubectl events -n prod"),
    ("show errors in qa", "kubectl events -n qa --types=Warning"),
    ("give me the busiest nodes", "kubectl top node"),
    ("show me the heaviest pods in prod", "kubectl top pod -n prod"),
    ("check on deployment api", "kubectl describe deployments api"),
    ("give me a list of ns please", "kubectl get namespaces"),
    ("more info on ns logging, cheers", "kubectl describe namespaces logging"),
    ("what's been going on on qa", "kubectl events -n qa"),
    ("what's in prod", "kubectl get all -n prod"),
    ("what do we have in qa", "kubectl get all -n qa"),
    ("status report on node node-1", "kubectl describe nodes node-1"),
    ("everything you've got on job backfill", "kubectl describe jobs backfill"),
    ("nodes cpu", "kubectl top node"),
    ("pods, wide, in prod", "kubectl get pods -n prod -o wide"),
    ("for deployment api in prod, show the logs", "kubectl logs deployment/api -n prod"),
    ("what's the load on the nodes?", "kubectl top node"),
    ("stream svc updates in any namespace", "kubectl get services -A --watch"),
    (
        "only the pods with tier=cache in the staging namespace",
        "kubectl get pods -n staging -l tier=cache",
    ),
    ("i need the last 20 lnies from pod ledger-0", "kubectl logs ledger-0 --tail=20"),
    # a fourth round of wordings: chat idioms, complaints, terse forms
    ("what's the ingest-3 pod saying", "kubectl logs ingest-3"),
    ("what is deployment mailer saying in qa", "kubectl logs deployment/mailer -n qa"),
    ("could i have a closer look at job nightly", "kubectl describe jobs nightly"),
    ("node worker-9 seems stuck", "kubectl describe nodes worker-9"),
    ("the cart deployment looks broken in shop", "kubectl describe deployments cart -n shop"),
    ("my api deployment keeps acting up", "kubectl describe deployments api"),
    ("pods in qa ranked by memory", "kubectl top pod -n qa --sort-by=memory"),
    ("pods cpu and mem", "kubectl top pod"),
    ("what are the pods using in qa", "kubectl top pod -n qa"),
    ("which pod is hogging cpu", "kubectl top pod --sort-by=cpu"),
    ("how are the nodes doing on memory", "kubectl top node"),
    ("can i get the wide view of nodes", "kubectl get nodes -o wide"),
    ("what's on gpu-node-4", "kubectl get pods --field-selector=spec.nodeName=gpu-node-4"),
    ("which pods sit on node pool-2", "kubectl get pods --field-selector=spec.nodeName=pool-2"),
    ("tail the services in qa as they change", "kubectl get services -n qa --watch"),
    ("which k8s version is this", "kubectl version"),
    ("where's the control plane", "kubectl cluster-info"),
    ("deployment api isn't working", "kubectl describe deployments api"),
    ("could i have a closer look at namespace qa", "kubectl describe namespaces qa"),
    ("what does a cronjob look like", "kubectl explain cronjobs"),
    (
        "what is the payments deployment printing in prod",
        "kubectl logs deployment/payments -n prod",
    ),
    ("show the logs of the pods labeled ring=1 last 20 lines", "kubectl logs -l ring=1 --tail=20"),
    ("tail pods for changes", "kubectl get pods --watch"),
    ("pod web-1 keeps crashing", "kubectl describe pods web-1"),
    ("who's eating the cpu in prod", "kubectl top pod -n prod --sort-by=cpu"),
    ("top memory pods in qa", "kubectl top pod -n qa --sort-by=memory"),
    ("give me a heads up when pods change in qa", "kubectl get pods -n qa --watch"),
    ("can i see the events of node worker-2", "kubectl events --for=node/worker-2"),
    ("where does the api server live", "kubectl cluster-info"),
    ("is anything broken in prod", "kubectl events -n prod --types=Warning"),
    ("which kinds of objects does the cluster know", "kubectl api-resources"),
    ("which sorts of things does this cluster have", "kubectl api-resources"),
    ("what kinds does the server know", "kubectl api-resources"),
    ("which pods does this cluster have", "kubectl get pods"),
    (
        "what's on pool-b-2 in every namespace",
        "kubectl get pods -A --field-selector=spec.nodeName=pool-b-2",
    ),
    # ... and what they must not catch: a right asked of a kind, nothing named, a namespace
    ("can i get pods in qa", "kubectl auth can-i get pods -n qa"),
    ("is the api deployment down to 2 replicas", "kubectl get deployments api"),
    ("everything is broken", None),
    # what stays: a pod's status is its row, a kind's schema is explained, words in names
    ("what is the status of pod web-1", "kubectl get pods web-1"),
    ("explain what a statefulset is", "kubectl explain statefulsets"),
    ("list deployments with more details", "kubectl get deployments -o wide"),
    ("show the events-processor deployment", "kubectl get deployments events-processor"),
    ("yaml for service image-resizer", "kubectl get services image-resizer -o yaml"),
    ("get the yaml of namespace monitoring", "kubectl get namespaces monitoring -o yaml"),
    ("describe namespace logging", "kubectl describe namespaces logging"),
    ("what does the hpa web say", "kubectl get horizontalpodautoscalers web"),
    ("show pods in logging", "kubectl get pods -n logging"),
    # emoji are mood; discovery and version in other words; a right asked in a sub-clause
    ("List pods on ingress-nginx 🙏", "kubectl get pods -n ingress-nginx"),
    ("What clusters can i switch to.", "kubectl config get-contexts"),
    ("which apis are available ty?", "kubectl api-resources"),
    ("list the kinds i can query", "kubectl api-resources"),
    ("which k8s release is the server on?", "kubectl version"),
    (
        "test if i can remove services under data-eng",
        "kubectl auth can-i delete services -n data-eng",
    ),
    # vague or reported text never becomes a plan
    ("blow away whatever's there under jobs", None),
    ("clear out kube-system ns real quick", None),
    ("saw this in slack: kubectl scale deployment web --replicas=0. explain?", None),
    # objects named like kinds, and where an object named with its kind lives
    ("deployment jobs logs pls", "kubectl logs deployment/jobs"),
    ("the events deployment, why is it unavailable??", "kubectl describe deployments events"),
    (
        "pvc data-0 in cache isnt binding, whats up with it",
        "kubectl describe persistentvolumeclaims data-0 -n cache",
    ),
    ("did the nightly-export job in data finish", "kubectl get jobs nightly-export -n data"),
    ("um hi any nodes with team set to ml.", "kubectl get nodes -l team=ml"),
    ("Services -n tools, only env=staging", "kubectl get services -n tools -l env=staging"),
    ("Pod metrics on the whole cluster.", "kubectl top pod -A"),
    ("kill all the crashing pods in dev", None),
    ("why did web-1 restart", "kubectl describe pods web-1"),
    ("what does web-1 say", "kubectl logs web-1"),
    (
        "why does the web deployment in kitchen keep restarting?",
        "kubectl describe deployments web -n kitchen",
    ),
    ("hey again, i need to get inside web-app-1 with bash", "kubectl exec web-app-1 -i -t -- bash"),
    ("where am i pointed", "kubectl config current-context"),
    ("which pod is hogging all the memory in ai-lab", "kubectl top pod -n ai-lab --sort-by=memory"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_read_wording(text: str, expected: str | None) -> None:
    assert kubectl(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # phases and nodes said as people say them
        (
            "list the pods having status pending",
            "kubectl get pods --field-selector=status.phase=Pending",
        ),
        (
            "which pods r failed in ci",
            "kubectl get pods --field-selector=status.phase=Failed -n ci",
        ),
        ("show succeeded state pods", "kubectl get pods --field-selector=status.phase=Succeeded"),
        ("pods of node gpu-3 in ml", "kubectl get pods --field-selector=spec.nodeName=gpu-3 -n ml"),
        ("node gpu-3 pods please", "kubectl get pods --field-selector=spec.nodeName=gpu-3"),
        (
            "get pods where the node is gpu-3",
            "kubectl get pods --field-selector=spec.nodeName=gpu-3",
        ),
        ("services regardless of namespace", "kubectl get services -A"),
        ("jobs everywhere in the cluster", "kubectl get jobs -A"),
        # the state of one object, however its trouble is said
        ("what is issue with deployment cart", "kubectl describe deployments cart"),
        (
            "ingress shop-web in edge having some problems",
            "kubectl describe ingresses shop-web -n edge",
        ),
        ("check job nightly, something is wrong", "kubectl describe jobs nightly"),
        ("what state is statefulset pg in", "kubectl describe statefulsets pg"),
        ("what's the damage on pod api-2", "kubectl describe pods api-2"),
        ("why is the mailer deployment unhappy", "kubectl describe deployments mailer"),
        ("why cronjob report is failing", "kubectl describe cronjobs report"),
        ("describe service edge, it's been flapping since noon", "kubectl describe services edge"),
    ],
)
def test_phases_nodes_and_trouble_in_plain_words(text: str, expected: str) -> None:
    assert_reads_as(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("list the boxes", "kubectl get nodes"),
        ("show secret objects in prod", "kubectl get secrets -n prod"),
        ("list batch jobs in etl", "kubectl get jobs -n etl"),
        ("get the storage claims", "kubectl get persistentvolumeclaims"),
        ("list credentials in shop", "kubectl get secrets -n shop"),
        ("show ingress rules in edge", "kubectl get ingresses -n edge"),
        ("where does the api server live", "kubectl cluster-info"),
    ],
)
def test_kinds_by_their_everyday_names(text: str, expected: str) -> None:
    assert_reads_as(text, expected)
