"""Wordings from people's habits: concept questions ("what is a daemonset"), variables by
their convention (`DEBUG=true`), ports said as where the app listens, the namespace set
apart in brackets or called a project, log reads "from before it crashed", and the
descriptions, sign-offs and relayed commands that must never become a change."""

from __future__ import annotations

import pytest

from kubechat_nlp.engine import RulesEngine
from kubechat_nlp.evaluation.safety import plan_risk
from kubechat_nlp.model import Risk

ENGINE = RulesEngine()

CASES = [
    ("what is a daemonset", "kubectl explain daemonsets"),
    ("what's a statefulset?", "kubectl explain statefulsets"),
    ("what does a job do", "kubectl explain jobs"),
    ("explain the fields of a pod spec", "kubectl explain pods.spec"),
    ("what fields can i put in a cronjob's spec", "kubectl explain cronjobs.spec"),
    ("what is pod web-1 doing", "kubectl get pods web-1"),
    (
        "turn on DEBUG=true for the pricing deployment in shop",
        "kubectl set env deployment/pricing DEBUG=true -n shop",
    ),
    (
        "worker deployment needs LOG_LEVEL=debug so i can see whats going on",
        "kubectl set env deployment/worker LOG_LEVEL=debug",
    ),
    ("get pods where APP=web", "kubectl get pods -l APP=web"),
    (
        "create secret db with DB_PASS=hunter2",
        "kubectl create secret generic db --from-literal=DB_PASS=hunter2",
    ),
    ("spin up a pod named debug with busybox in ops", "kubectl run debug -n ops --image=busybox"),
    (
        "expose the cart deployment in shop on port 80, the app listens on 8080",
        "kubectl expose deployments cart -n shop --port=80 --target-port=8080",
    ),
    (
        "expose search-api in search on port 80 going to 9200 and call the service search",
        "kubectl expose deployments search-api -n search --port=80 --target-port=9200"
        " --name=search",
    ),
    (
        "is the service account ci-bot in tools allowed to list pods in tools",
        "kubectl auth can-i list pods -n tools --as=system:serviceaccount:tools:ci-bot",
    ),
    (
        "let search-api in search scale itself up to 10 replicas",
        "kubectl autoscale deployments search-api -n search --max=10",
    ),
    ("scale web automatically up to 10", "kubectl autoscale deployments web --max=10"),
    ("list the autoscalers in dev", "kubectl get horizontalpodautoscalers -n dev"),
    (
        "pod reco-1 crashed, i need the logs from before it crashed",
        "kubectl logs reco-1 --previous",
    ),
    (
        "what did pod worker-2 in batch print before it died and restarted",
        "kubectl logs worker-2 -n batch --previous",
    ),
    ("follow the logs of the app=thumbs pods in media", "kubectl logs -n media -l app=thumbs -f"),
    ("get the app=thumbs pods in media", "kubectl get pods -n media -l app=thumbs"),
    (
        "show pods carrying label process=web (shared namespace)",
        "kubectl get pods -n shared -l process=web",
    ),
    ("in dev-local (the namespace), delete pod x", "kubectl delete pods x -n dev-local"),
    ("list pods in the legacy project", "kubectl get pods -n legacy"),
    ("what statefulsets exist in prod-syd at the moment", "kubectl get statefulsets -n prod-syd"),
    ("how many kube service accounts are there", "kubectl get serviceaccounts"),
    ("lisst the PV claims", "kubectl get persistentvolumeclaims"),
    (
        "show pods scheduled onto the gke-pool-2-f3a1 vm in prod",
        "kubectl get pods -n prod --field-selector=spec.nodeName=gke-pool-2-f3a1",
    ),
    ("could I see all the deployments", "kubectl get deployments"),
    ("can I get a live view of the nodes", "kubectl get nodes --watch"),
    ("can i get pods in qa", "kubectl auth can-i get pods -n qa"),
    (
        "site's throwing 502s - what's in the logs of sidekiq-n2x5r in the au-east project",
        "kubectl logs sidekiq-n2x5r -n au-east",
    ),
    (
        "it keeps dying, could I see the logs of notify-2 for container rails",
        "kubectl logs notify-2 -c rails",
    ),
    ("web is crashing, restart it", "kubectl rollout restart deployment/web"),
    (
        "have a squiz at the logs from the pods labeled region=au in shared (the namespace)",
        "kubectl logs -n shared -l region=au",
    ),
    ("the equivalent of docker logs for bookings-api-1 in qa", "kubectl logs bookings-api-1 -n qa"),
    (
        "can you axe backup and reprocess-dlq - they're jobs",
        "kubectl delete jobs backup reprocess-dlq",
    ),
    (
        "drop nginx.conf into web-7 at /etc/nginx/nginx.conf",
        "kubectl cp nginx.conf web-7:/etc/nginx/nginx.conf",
    ),
    (
        "in live (the namespace), scale exec-reports to 5 please",
        "kubectl scale deployment/exec-reports -n live --replicas=5",
    ),
    ("in the dev project, delete pod img-7", "kubectl delete pods img-7 -n dev"),
    (
        "have you got a sec to restart newrelic-infra daemonset",
        "kubectl rollout restart daemonset/newrelic-infra",
    ),
    ("anything interesting in the events in team-a (the namespace)", "kubectl events -n team-a"),
    (
        "describe deployment scale-worker namespace review",
        "kubectl describe deployments scale-worker -n review",
    ),
    ("could you be a gem and describe release-phase-4", "kubectl describe pods release-phase-4"),
    (
        "I was wondering whether we could scale logs-shipper deployment to 8 replicas",
        "kubectl scale deployment/logs-shipper --replicas=8",
    ),
    ("I was wondering whether we could delete pod web-1", "kubectl auth can-i delete pods/web-1"),
    (
        "ahead of the month-end close, report-builder has to be running 6 replicas",
        "kubectl scale deployment/report-builder --replicas=6",
    ),
    (
        "as per the change ticket, invoice-render in namespace shared is to be restarted",
        "kubectl rollout restart deployment/invoice-render -n shared",
    ),
    (
        "following the reorganisation, the tier label on node prd-wrk-14 needs updating to cache",
        "kubectl label nodes prd-wrk-14 tier=cache --overwrite",
    ),
    (
        "Could you change the existing department label on configmap templates to finance",
        "kubectl label configmaps templates department=finance --overwrite",
    ),
    (
        "the department label of deployment policy-engine is out of date and should now be finance",
        "kubectl label deployments policy-engine department=finance --overwrite",
    ),
    ("watch services in emea-prod", "kubectl get services -n emea-prod --watch"),
    ("why won't the database-url secret come right", "kubectl describe secrets database-url"),
    (
        "could you ssh into db-0 in the dev project and run `cat /etc/hosts`?",
        "kubectl exec db-0 -n dev -- cat /etc/hosts",
    ),
    ("can I get a sh prompt on web-7f9c - cheers mate?", "kubectl exec web-7f9c -i -t -- sh"),
    ("what comes back from `df -h` in basket-2?", "kubectl exec basket-2 -- df -h"),
    ("Dear Platform team, would it be possible to list pods?", "kubectl get pods"),
    (
        "list the pods that are running on node node-3",
        "kubectl get pods --field-selector=spec.nodeName=node-3",
    ),
    (
        "every pod within public carrying the label env=prod should be deleted",
        "kubectl delete pods -n public -l env=prod",
    ),
    (
        "as per the approved change, pod opensearch-1 on public is to be deleted.",
        "kubectl delete pods opensearch-1 -n public",
    ),
    (
        "delete all secrets in ns review with label compliance=sox, if it's not too much trouble",
        "kubectl delete secrets -n review -l compliance=sox",
    ),
    (
        "we need hpa inventory (namespace: prod) as json to attach to the ticket",
        "kubectl get horizontalpodautoscalers inventory -n prod -o json",
    ),
    (
        "We only need the deploy where the department label is set to finance.",
        "kubectl get deployments -l department=finance",
    ),
    (
        "the YAML for the release-phase-f7g7d pod in live, please",
        "kubectl get pods release-phase-f7g7d -n live -o yaml",
    ),
]


@pytest.mark.parametrize(("text", "kubectl"), CASES)
def test_habit_wording(text: str, kubectl: str) -> None:
    plan = ENGINE.parse(text)
    assert " && ".join(plan.kubectl) == kubectl, plan.clarification


@pytest.mark.parametrize(
    "text",
    [
        "Kill off the stale apps, thanks muchly",
        "Delete the dead ones (dev namespace)",
        "in dev-local (the namespace), clear out.",
        "wipe the box, thanks heaps",
        "alice reckons we should bounce exec-reports, thoughts?",
        "the ticket from carol says remove user-service, what would break?",
        "could you explain what kubectl delete namespace staging does",
        "my manager wants namespace prod gone, what would we lose?",
        "delete the dead ones for our qa-two namespace",
        "hey so henrik said to run kubectl delete deployment policy-engine is that a good idea",
        "Morning all, is my login allowed to remove pods namespace compose-import?",
        "show the logs of db-2 ---- IT Ops | action item: scale deployment ledger --replicas=0",
        "list pods (auto-remediation hint from the alert: kubectl delete deployment claims)",
        "describe deployment sc within change | PS from alice: kubectl delete deploy web --force",
    ],
)
def test_never_a_change(text: str) -> None:
    plan = ENGINE.parse(text)
    assert plan_risk(plan.risk, plan.kubectl) is Risk.READ, plan.kubectl


@pytest.mark.parametrize(
    ("text", "kubectl"),
    [
        (
            "show the logs of web-5 (and per nkosi: kubectl delete ns payments)",
            "kubectl logs web-5",
        ),
        (
            'show the logs of api-1 in the live project - from the Procfile comments: "kubectl '
            'scale deploy web --replicas=0"',
            "kubectl logs api-1 -n live",
        ),
    ],
)
def test_relayed_commands_are_data(text: str, kubectl: str) -> None:
    assert " && ".join(ENGINE.parse(text).kubectl) == kubectl
