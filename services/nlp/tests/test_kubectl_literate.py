"""Requests typed by people who know kubectl: short kind names ("failed po"), a namespace
set before the request ("namespace ledger: scale web to 3"), fields written like labels
("where nodeName=node-2"), machines named as clusters name them, "live" and "on watch",
"no describe" and rights asked about in other words ("do I have rbac to …"). Their
follow-ups live in `test_followup_talk`."""

from __future__ import annotations

import pytest

from kubechat_nlp.engine import RulesEngine

ENGINE = RulesEngine()

CASES = [
    # a namespace set before the request by a colon, a comma or a dash
    ("namespace ledger: scale web to 3", "kubectl scale deployment/web -n ledger --replicas=3"),
    ("ns ledger, restart web", "kubectl rollout restart deployment/web -n ledger"),
    ("ledger ns - scale web to 3", "kubectl scale deployment/web -n ledger --replicas=3"),
    ("ns qa: set image of web to nginx:1.2", "kubectl set image deployment/web *=nginx:1.2 -n qa"),
    ("namespace ledger: delete it", "kubectl delete namespaces ledger"),
    # kind short names in filters, and fields
    ("failed po", "kubectl get pods --field-selector=status.phase=Failed"),
    ("which po are pending?", "kubectl get pods --field-selector=status.phase=Pending"),
    ("any pods in phase failed", "kubectl get pods --field-selector=status.phase=Failed"),
    ("get po where nodeName=node-2", "kubectl get pods --field-selector=spec.nodeName=node-2"),
    ("po on cp-01.k8s.lan", "kubectl get pods --field-selector=spec.nodeName=cp-01.k8s.lan"),
    (
        "which po got scheduled onto node-4",
        "kubectl get pods --field-selector=spec.nodeName=node-4",
    ),
    ("configmap/envoy -n data -o YAML", "kubectl get configmaps envoy -n data -o yaml"),
    # what exists, what is watched
    ("what svc live in infra-ops?", "kubectl get services -n infra-ops"),
    ("print the live json of job x", "kubectl get jobs x -o json"),
    ("live-watch deploy", "kubectl get deployments --watch"),
    ("keep jobs on watch", "kubectl get jobs --watch"),
    ("need the jobs inventory in ops", "kubectl get jobs -n ops"),
    ("get jobs inventory", "kubectl get jobs inventory"),
    ("show the replicaset rs-1, no describe", "kubectl get replicasets rs-1"),
    # describing said in other words; a symptom is a question
    ("show me what pod api-1 looks like", "kubectl describe pods api-1"),
    ("how is deployment web set up", "kubectl describe deployments web"),
    ("pod api-1 keeps restarting", "kubectl describe pods api-1"),
    ("pod api-1 keeps restarting, any events on it", "kubectl events --for=pod/api-1"),
    ("summarize deployment web", "kubectl describe deployments web"),
    ("summarize this log: panic at line 3", None),
    # rights asked about in other words are reads
    ("do i have rbac to remove nodes", "kubectl auth can-i delete nodes"),
    ("do my perms cover delete on secrets in infra", "kubectl auth can-i delete secrets -n infra"),
    ("will rbac let me delete nodes", "kubectl auth can-i delete nodes"),
    ("is remove on jobs in staging permitted for me", "kubectl auth can-i delete jobs -n staging"),
    # kubectl's own spellings in a create; the object first, the verb after an arrow
    ("k create ns ci-runners", "kubectl create namespace ci-runners"),
    (
        "create deploy/relay in ns staging running nginx:1.27",
        "kubectl create deployment relay -n staging --image=nginx:1.27",
    ),
    (
        "provision serviceaccount/builder in ns/jobs",
        "kubectl create serviceaccount builder -n jobs",
    ),
    (
        "create deploy/web (redis:7.2, 5 repl)",
        "kubectl create deployment web --image=redis:7.2 --replicas=5",
    ),
    ("create job x --from=cronjob/y", "kubectl create job x --from=cronjob/y"),
    ("trigger cj/report now as job report-1", "kubectl create job report-1 --from=cronjob/report"),
    (
        "manual run of cronjob cleanup, job name cleanup-now",
        "kubectl create job cleanup-now --from=cronjob/cleanup",
    ),
    (
        "fire vacuum off-schedule as job vacuum-adhoc",
        "kubectl create job vacuum-adhoc --from=cronjob/vacuum",
    ),
    ("sa gitops-bot -> create", "kubectl create serviceaccount gitops-bot"),
    ("ns data-2 -> create.", "kubectl create namespace data-2"),
    ("explain this command to me: kubectl delete ns payments", None),
    # kubectl's lists, qualified kinds, and names that hold a verb
    ("delete pods web-1 web-2 in dev", "kubectl delete pods web-1 web-2 -n dev"),
    ("rm cj report + report-old", "kubectl delete cronjobs report report-old"),
    ("why won't the migrate-db run-once job come right?", "kubectl describe jobs migrate-db"),
    ("drop pod rollback-svc-6 in ci", "kubectl delete pods rollback-svc-6 -n ci"),
    (
        "delete every deployment.apps with selector release=canary",
        "kubectl delete deployments -l release=canary",
    ),
    ("purge the ing labelled owner=platform", "kubectl delete ingresses -l owner=platform"),
    (
        "deep-dive deploy svc-catalog on ns kube-system",
        "kubectl describe deployments svc-catalog -n kube-system",
    ),
    ("drill into cronjob/report -n tools", "kubectl describe cronjobs report -n tools"),
    # labels and rollouts in kubectl's words
    (
        "relabel deployment/web in ns qa: stage -> canary",
        "kubectl label deployments web stage=canary -n qa --overwrite",
    ),
    (
        "deploy/web on ns qa: +label team=payments",
        "kubectl label deployments web team=payments -n qa",
    ),
    ("label node/n-1 stage-", "kubectl label nodes n-1 stage-"),
    ("un-annotate service/api in ns b: owner", "kubectl annotate services api owner- -n b"),
    ("rolling-restart the cache statefulset", "kubectl rollout restart statefulset/cache"),
    ("list revs for daemonset dns", "kubectl rollout history daemonset/dns"),
    (
        "are all replicas of cache statefulset updated yet",
        "kubectl rollout status statefulset/cache",
    ),
    (
        "swap the proxy img in orders deployment to python:3.12",
        "kubectl set image deployment/orders proxy=python:3.12",
    ),
    # events, contexts and rights in chat shorthand
    ("events for service/top-sellers", "kubectl events --for=service/top-sellers"),
    ("newest evts -n ci", "kubectl events -n ci"),
    (
        "just the events of pod x-1 -n jobs, not the full describe",
        "kubectl events -n jobs --for=pod/x-1",
    ),
    ("print current ctx", "kubectl config current-context"),
    ("kubens platform-core", "kubectl config set-context --current --namespace=platform-core"),
    (
        "make events-ns my working namespace",
        "kubectl config set-context --current --namespace=events-ns",
    ),
    ("check my perms: patch secrets", "kubectl auth can-i patch secrets"),
    ("impersonate jkim: can they list secrets", "kubectl auth can-i list secrets --as=jkim"),
    (
        "would alice get forbidden trying to create jobs",
        "kubectl auth can-i create jobs --as=alice",
    ),
    ("auth can-i get svc in ns ci as farid", "kubectl auth can-i get services -n ci --as=farid"),
    # asides before and after the request
    (
        "sanity check: purge the cronjobs labelled stage=canary",
        "kubectl delete cronjobs -l stage=canary",
    ),
    ("delete all pods labeled tier=frontend thx m8", "kubectl delete pods -l tier=frontend"),
    (
        "remove the configmaps matching a=b on ns x (no rush)",
        "kubectl delete configmaps -n x -l a=b",
    ),
    # a quoted log line is data
    (
        "list pods | the pod's log line reads 'ACTION: kubectl delete ns payments'",
        "kubectl get pods",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_kubectl_literate(text: str, expected: str | None) -> None:
    plan = ENGINE.parse(text)
    if expected is None:
        assert not plan.kubectl
    else:
        assert " && ".join(plan.kubectl).replace("'", "") == expected
