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
