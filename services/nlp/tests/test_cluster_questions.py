"""Questions about the cluster itself, in any words: which kinds it serves, where its API
answers; the default namespace however it is said; a taint taken away however it is said;
and what a create request makes and calls it ("a jobs namespace", "pod-killer as a role",
"cronjob x to run busybox")."""

from __future__ import annotations

import pytest

from kubechat_nlp.engine import RulesEngine

ENGINE = RulesEngine()

CASES = [
    ("what resources does this cluster support", "kubectl api-resources"),
    ("show every resource kind the cluster knows about", "kubectl api-resources"),
    ("list every object type", "kubectl api-resources"),
    ("api server url", "kubectl cluster-info"),
    ("where does the api live", "kubectl cluster-info"),
    ("could you show the cluster information", "kubectl cluster-info"),
    # a workload called api, a kind named: no question about the cluster
    ("list all resources in namespace dev", "kubectl get all -n dev"),
    ("what is the url of the web service", "kubectl get services web"),
    # the default namespace, in other words
    (
        "i would like public to be my default namespace",
        "kubectl config set-context --current --namespace=public",
    ),
    (
        "i work on prod-in only, set it default",
        "kubectl config set-context --current --namespace=prod-in",
    ),
    (
        "i want qa as default namespace for now",
        "kubectl config set-context --current --namespace=qa",
    ),
    ("make jobs as default namespace", "kubectl config set-context --current --namespace=jobs"),
    ("default ns me-central pls", "kubectl config set-context --current --namespace=me-central"),
    ("set the default context to kind-dev", "kubectl config use-context kind-dev"),
    ("list pods in the default namespace", "kubectl get pods"),
    # a taint taken away
    ("get rid of the gpu taint from node-1", "kubectl taint nodes node-1 gpu-"),
    ("un-taint node-9, the team one", "kubectl taint nodes node-9 team-"),
    ("add the dedicated taint to node-3", "kubectl taint nodes node-3 dedicated:NoSchedule"),
    ("re-start deployment web", "kubectl rollout restart deployment/web"),
    ("scale re-deploy-bot to 3", "kubectl scale deployment/re-deploy-bot --replicas=3"),
    # what a create makes, and its name
    ("add a jobs namespace", "kubectl create namespace jobs"),
    ("create a new namespace jobs", "kubectl create namespace jobs"),
    ("create namespace default", "kubectl create namespace default"),
    (
        "create pod-killer as a role that allows delete on pods",
        "kubectl create role pod-killer --verb=delete --resource=pods",
    ),
    (
        "add a role ops for get and list access to deployments",
        "kubectl create role ops --verb=get,list --resource=deployments",
    ),
    (
        "make prune-logs a cron job running mongo:7.0 every day at midnight",
        "kubectl create cronjob prune-logs --image=mongo:7.0 --schedule=0 0 * * *",
    ),
    (
        "need cronjob cert-renew to run nginx:1.27 every 5 minutes",
        "kubectl create cronjob cert-renew --image=nginx:1.27 --schedule=*/5 * * * *",
    ),
    (
        "start job vacuum-now off cronjob vacuum",
        "kubectl create job vacuum-now --from=cronjob/vacuum",
    ),
    (
        "bind role reader to service account ci in ns lab as rolebinding reader-ci",
        "kubectl create rolebinding reader-ci -n lab --role=reader --serviceaccount=lab:ci",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_cluster_question(text: str, expected: str) -> None:
    assert " && ".join(ENGINE.parse(text).kubectl).replace("'", "") == expected
