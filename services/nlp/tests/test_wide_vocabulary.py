"""Requests in a wide vocabulary: verbs kubectl never uses ("expunge the job", "dissect
the pod", "the transcript of web-1"), a label taken away by any verb ("erase the tier
label from …"), rights asked in other words ("do I have clearance to …", "is it within my
rights to …"), and the state of a whole kind, which is its list. Their follow-ups live in
`test_followup_talk`."""

from __future__ import annotations

import pytest

from kubechat_nlp.engine import RulesEngine

ENGINE = RulesEngine()

CASES = [
    # a label taken "from" or "off" an object is taken away, whatever the verb
    ("erase label tier from pod web-1 in shop", "kubectl label pods web-1 tier- -n shop"),
    ("detach label tier from pod web-1", "kubectl label pods web-1 tier-"),
    ("pull the tier label from pod web-1", "kubectl label pods web-1 tier-"),
    (
        "show the tier label of pod web-1",
        "kubectl get pods web-1 -o jsonpath={.metadata.labels.tier}",
    ),
    # the state of a whole kind is its list; detail asked for describes every object
    ("health of the pods in shop", "kubectl get pods -n shop"),
    ("state of the statefulsets in shop", "kubectl get statefulsets -n shop"),
    ("tell me about the pods in shop", "kubectl get pods -n shop"),
    ("describe the pods in shop", "kubectl describe pods -n shop"),
    ("details on the pods in shop", "kubectl describe pods -n shop"),
    ("tell me about pod web-1 in shop", "kubectl describe pods web-1 -n shop"),
    # describing, listing, deleting and reading logs in other words
    (
        "dissect the cronjob backup-rotation in research",
        "kubectl describe cronjobs backup-rotation -n research",
    ),
    ("the particulars of the secret smtp-creds", "kubectl describe secrets smtp-creds"),
    ("a full dossier on the job reindex", "kubectl describe jobs reindex"),
    (
        "draw up a detailed profile of deployment web: status, conditions, events",
        "kubectl describe deployments web",
    ),
    (
        "the events of deployment web, without the full description",
        "kubectl events --for=deployment/web",
    ),
    ("expunge the job import-glossary in ops", "kubectl delete jobs import-glossary -n ops"),
    ("eradicate the configmap old-settings", "kubectl delete configmaps old-settings"),
    ("the transcript of pod kafka-2 in archive", "kubectl logs kafka-2 -n archive"),
    ("what console output is coming out of pod web-1?", "kubectl logs web-1"),
    # a name that spells a rollout word never chooses the subcommand
    ("resume the rollout of history-api", "kubectl rollout resume deployment/history-api"),
    ("restart undo-queue in shop", "kubectl rollout restart deployment/undo-queue -n shop"),
    ("is history-api done rolling out?", "kubectl rollout status deployment/history-api"),
    # rollouts let go on, restarted through a rolling restart, reinstated
    ("lift the hold on the rollout of web", "kubectl rollout resume deployment/web"),
    ("set the rollout of web in qa going again", "kubectl rollout resume deployment/web -n qa"),
    (
        "refresh every pod of statefulset redis through a rolling restart",
        "kubectl rollout restart statefulset/redis",
    ),
    ("reinstate revision 3 of quill", "kubectl rollout undo deployment/quill --to-revision=3"),
    (
        "I'd like revision 4 of web reinstated",
        "kubectl rollout undo deployment/web --to-revision=4",
    ),
    ("how is the rollout of web faring?", "kubectl rollout status deployment/web"),
    # a replica count wished for in other words
    (
        "web in research ought to have 20 replicas",
        "kubectl scale deployment/web -n research --replicas=20",
    ),
    ("re-provision web at 3 replicas", "kubectl scale deployment/web --replicas=3"),
    ("adjust web so that it runs 6 replicas", "kubectl scale deployment/web --replicas=6"),
    ("can you resize quotes to 2", "kubectl scale deployment/quotes --replicas=2"),
    # nodes: where pods reside, cordoned without a drain, back in the pool, daemonsets left
    ("which pods reside on node-2", "kubectl get pods --field-selector=spec.nodeName=node-2"),
    (
        "the pods hosted by node rke2-agent-12",
        "kubectl get pods --field-selector=spec.nodeName=rke2-agent-12",
    ),
    ("bar worker-3 from receiving new workloads, without draining it", "kubectl cordon worker-3"),
    ("return worker-7 to the scheduling pool", "kubectl uncordon worker-7"),
    ("drain node-1, disregarding the daemonset pods", "kubectl drain node-1 --ignore-daemonsets"),
    (
        "drain node-1 and pass over the daemonset-managed pods",
        "kubectl drain node-1 --ignore-daemonsets",
    ),
    # contexts, defaults, new images, new objects
    ("make prod-eu@atlas the active context", "kubectl config use-context prod-eu@atlas"),
    (
        "henceforth, default to the namespace services",
        "kubectl config set-context --current --namespace=services",
    ),
    (
        "update web in library to run node:22",
        "kubectl set image deployment/web *=node:22 -n library",
    ),
    (
        "could deployment web adopt the image nginx:1.27",
        "kubectl set image deployment/web *=nginx:1.27",
    ),
    ("establish the serviceaccount deployer in qa", "kubectl create serviceaccount deployer -n qa"),
    ("bring the namespace staging-new into existence", "kubectl create namespace staging-new"),
    ("carve out a namespace staging-tmp", "kubectl create namespace staging-tmp"),
    ("observe the deployments continuously", "kubectl get deployments --watch"),
    # labels taken off or changed in other words
    (
        "the service backend inside the research namespace no longer needs its tier label",
        "kubectl label services backend tier- -n research",
    ),
    ("could the app label come off pod web-1", "kubectl label pods web-1 app-"),
    (
        "replace the existing env label on pod db-1 with prod",
        "kubectl label pods db-1 env=prod --overwrite",
    ),
    (
        "relabel deployment web so that app becomes api",
        "kubectl label deployments web app=api --overwrite",
    ),
    # a Service's port and where its traffic lands, said in words
    (
        "front web in qa with a service on 8080 directing traffic to port 5000",
        "kubectl expose deployments web -n qa --port=8080 --target-port=5000",
    ),
    (
        "I'd like deployment web exposed on 443, with the traffic landing on 8000",
        "kubectl expose deployments web --port=443 --target-port=8000",
    ),
    (
        "put LOG_LEVEL=info and locale=en_GB into a fresh configmap named flags",
        "kubectl create configmap flags --from-literal=LOG_LEVEL=info --from-literal=locale=en_GB",
    ),
    # a namespace said before a flag
    ("get pods in shop -l app=web", "kubectl get pods -n shop -l app=web"),
    ("get pods from shop -l app=web", "kubectl get pods -n shop -l app=web"),
    # a label taken off in still other words, never the object deleted
    ("delete the tier key from the labels on pod web-1", "kubectl label pods web-1 tier-"),
    ("strip pod web-1 of its tier label", "kubectl label pods web-1 tier-"),
    ("delete the label with key tier on pod web-1", "kubectl label pods web-1 tier-"),
    ("remove the tier=cache label from pod web-1", "kubectl label pods web-1 tier-"),
    ("remove the labels tier and app from pod web-1", "kubectl label pods web-1 tier- app-"),
    ("drain node-2 even though daemonsets run there", "kubectl drain node-2 --ignore-daemonsets"),
    # events asked for, with a rollout or a history as the time they cover
    ("events since the last rollout in shop", "kubectl events -n shop"),
    ("what's the history of events in shop", "kubectl events -n shop"),
    (
        "events for deployment web in shop during its last rollout",
        "kubectl events -n shop --for=deployment/web",
    ),
    ("show the events log for shop", "kubectl events -n shop"),
    # a request put politely is still the request
    ("might I ask you to list deployments", "kubectl get deployments"),
    ("I'd be grateful if you would scale web to 4", "kubectl scale deployment/web --replicas=4"),
    ("be so good as to elaborate on deployment web", "kubectl describe deployments web"),
    ("may I delete pod x", "kubectl auth can-i delete pods/x"),
    # rights asked in other words are a read
    (
        "do I have clearance to remove jobs on research?",
        "kubectl auth can-i delete jobs -n research",
    ),
    ("is it within my rights to delete namespaces", "kubectl auth can-i delete namespaces"),
    (
        "would I be authorised to remove jobs in staging",
        "kubectl auth can-i delete jobs -n staging",
    ),
    ("is the user alice entitled to create pods?", "kubectl auth can-i create pods --as=alice"),
    (
        "check tomasz's authorisation to watch services",
        "kubectl auth can-i watch services --as=tomasz",
    ),
    (
        "does bob have the authority to patch deployments",
        "kubectl auth can-i patch deployments --as=bob",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_wide_vocabulary(text: str, expected: str) -> None:
    assert " && ".join(ENGINE.parse(text).kubectl).replace("'", "") == expected
