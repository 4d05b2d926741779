"""Settings and container rules: the kubectl rendered for set/label/exec/port-forward/cp
requests phrased in everyday words (sentences written for these tests)."""

from __future__ import annotations

import pytest

from kubechat_nlp import RulesEngine
from kubechat_nlp.model import Risk

ENGINE = RulesEngine()


def kubectl(text: str) -> str | None:
    plan = ENGINE.parse(text)
    return plan.kubectl[0] if len(plan.kubectl) == 1 else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the side the pod is on follows the preposition before it
        (
            "copy /srv/out.txt from pod batch-7 to out.txt",
            "kubectl cp batch-7:/srv/out.txt out.txt",
        ),
        (
            "copy notes.md into pod batch-7 at /srv/notes.md",
            "kubectl cp notes.md batch-7:/srv/notes.md",
        ),
        ("copy batch-7:/srv/out.txt to ./out.txt", "kubectl cp batch-7:/srv/out.txt ./out.txt"),
        # a download with no destination keeps the file's name
        (
            "download /srv/report.csv from pod batch-7",
            "kubectl cp batch-7:/srv/report.csv report.csv",
        ),
        (
            "copy /srv/out.txt from pod batch-7 in namespace jobs to out.txt",
            "kubectl cp batch-7:/srv/out.txt out.txt -n jobs",
        ),
        (
            "copy batch-7:/srv/out.txt lab ns to out.txt",
            "kubectl cp batch-7:/srv/out.txt out.txt -n lab",
        ),
    ],
)
def test_cp(text: str, expected: str) -> None:
    assert kubectl(text) == expected


def test_cp_upload_without_a_destination_asks() -> None:
    assert ENGINE.parse("upload notes.md to pod batch-7").clarification is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the shell the user names is the one run
        ("exec into cache-3 with bash", "kubectl exec cache-3 -i -t -- bash"),
        ("give me a shell in pod cache-3", "kubectl exec cache-3 -i -t -- /bin/sh"),
        # a quoted command, and a container named by an ordinary word
        (
            "run `uname -a` in the app container of pod cache-3 -n lab",
            "kubectl exec cache-3 -n lab -c app -- uname -a",
        ),
        ("execute 'hostname' inside cache-3 -n lab", "kubectl exec cache-3 -n lab -- hostname"),
    ],
)
def test_exec(text: str, expected: str) -> None:
    assert kubectl(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the port on localhost is the local side, the object's port the remote one
        (
            "open localhost:7000 to service ledger port 80",
            "kubectl port-forward service/ledger 7000:80",
        ),
        # an everyday word right after a kind word is the object's name
        ("open localhost:5000 to svc worker port 5000", "kubectl port-forward service/worker 5000"),
    ],
)
def test_port_forward(text: str, expected: str) -> None:
    assert kubectl(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no container named: every container gets the image
        (
            "roll out shop/cart:3.1 on the cart deployment",
            "kubectl set image deployment/cart '*=shop/cart:3.1'",
        ),
        (
            "point statefulset ledger to image ledger:9",
            "kubectl set image statefulset/ledger '*=ledger:9'",
        ),
        # a container named before or after the word "container"
        (
            "use image proxy:2 for the edge container in deployment gate",
            "kubectl set image deployment/gate edge=proxy:2",
        ),
        (
            "update container edge in deployment gate to image proxy:2",
            "kubectl set image deployment/gate edge=proxy:2",
        ),
    ],
)
def test_set_image(text: str, expected: str) -> None:
    assert kubectl(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("unset CACHE_DIR on deployment gate", "kubectl set env deployment/gate CACHE_DIR-"),
        ("export RETRIES=5 on the gate deployment", "kubectl set env deployment/gate RETRIES=5"),
        ("set MODE to strict on deployment gate", "kubectl set env deployment/gate MODE=strict"),
        ("drop env var MODE from gate", "kubectl set env deployment/gate MODE-"),
    ],
)
def test_set_env(text: str, expected: str) -> None:
    assert kubectl(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the amount goes with the resource word beside it, in either order
        (
            "limit deployment gate to 2 cpu and 1Gi memory",
            "kubectl set resources deployments gate --limits=cpu=2,memory=1Gi",
        ),
        (
            "cap gate's memory at 300Mi",
            "kubectl set resources deployments gate --limits=memory=300Mi",
        ),
        (
            "set a memory request of 128Mi on deployment gate",
            "kubectl set resources deployments gate --requests=memory=128Mi",
        ),
    ],
)
def test_set_resources(text: str, expected: str) -> None:
    assert kubectl(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "strip the owner annotation from service ledger",
            "kubectl annotate services ledger owner-",
        ),
        ("unlabel stage on deployment gate", "kubectl label deployments gate stage-"),
        # changing a label's value overwrites it
        (
            "change the stage label of deployment gate to beta",
            "kubectl label deployments gate stage=beta --overwrite",
        ),
        ("apply label stage=beta to service ledger", "kubectl label services ledger stage=beta"),
        ("tag deployment gate with stage=beta", "kubectl label deployments gate stage=beta"),
        ("please label pod cache-3 with stage=beta", "kubectl label pods cache-3 stage=beta"),
    ],
)
def test_label(text: str, expected: str) -> None:
    assert kubectl(text) == expected


def test_pods_with_a_label_stay_a_read() -> None:
    assert kubectl("show pods with label stage=beta") == "kubectl get pods -l stage=beta"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an underscored key is a variable, not a replica count
        ("set POOL_SIZE to 20 on deployment gate", "kubectl set env deployment/gate POOL_SIZE=20"),
        # the resource word may stand far before its amount
        (
            "set the memory limit of the ledger stateful set to 2Gi",
            "kubectl set resources statefulsets ledger --limits=memory=2Gi",
        ),
        # an everyday word next to a kind word is the object's name
        (
            "set the image of deployment worker to ops/w:2",
            "kubectl set image deployment/worker '*=ops/w:2'",
        ),
    ],
)
def test_set_names_and_keys(text: str, expected: str) -> None:
    assert kubectl(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # label words win over the verbs they share with other commands
        (
            "attach the annotation team=ops to service ledger",
            "kubectl annotate services ledger team=ops",
        ),
        ("get rid of the stage label on node n7", "kubectl label nodes n7 stage-"),
        ("take the stage label off pod cache-3", "kubectl label pods cache-3 stage-"),
        ("mark pod cache-3 with stage=beta", "kubectl label pods cache-3 stage=beta"),
        # a variable is no object to delete
        (
            "remove the variable TRACE from deployment gate",
            "kubectl set env deployment/gate TRACE-",
        ),
        # a change verb on "cpu limit" is about resources, not replicas
        (
            "raise the cpu limit of gate to 2",
            "kubectl set resources deployments gate --limits=cpu=2",
        ),
    ],
)
def test_words_shared_with_other_commands(text: str, expected: str) -> None:
    assert kubectl(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("run df -h in pod cache-3", "kubectl exec cache-3 -- df -h"),
        ("exec hostname in pod cache-3 container app", "kubectl exec cache-3 -c app -- hostname"),
        ("forward port 6000 to pod cache-3", "kubectl port-forward cache-3 6000"),
        ("download /srv/a.txt from cache-3", "kubectl cp cache-3:/srv/a.txt a.txt"),
    ],
)
def test_container_phrasings(text: str, expected: str) -> None:
    assert kubectl(text) == expected


def test_looking_at_labels_changes_nothing() -> None:
    plan = ENGINE.parse("what labels does deployment gate have")
    assert plan.operations and plan.risk == Risk.READ


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "set the service account of deployment gate to deployer",
            "kubectl set serviceaccount deployments gate deployer",
        ),
        (
            "use serviceaccount deployer for deployment gate",
            "kubectl set serviceaccount deployments gate deployer",
        ),
        ("open deployment gate in an editor", "kubectl edit deployment/gate"),
        (
            "swap the container image for deployment gate with ops/g:4",
            "kubectl set image deployment/gate '*=ops/g:4'",
        ),
        ("set TRACE=1 in the gate deployment", "kubectl set env deployment/gate TRACE=1"),
        # "requests" said after the amounts still applies to them
        (
            "set 64Mi memory and 50m cpu as requests for deployment gate",
            "kubectl set resources deployments gate --requests=cpu=50m,memory=64Mi",
        ),
        ("port-forward pod cache-3 6379", "kubectl port-forward cache-3 6379"),
        # "deployment image" is the deployment's image, not a deployment named image
        (
            "change worker deployment image to ops/w:5",
            "kubectl set image deployment/worker '*=ops/w:5'",
        ),
    ],
)
def test_more_phrasings(text: str, expected: str) -> None:
    assert kubectl(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "did someone remove the stage label from pod cache-3",
        "did anyone change the image of deployment gate to ops/g:9",
        "was the TRACE env var set on deployment gate",
    ],
)
def test_questions_about_changes_change_nothing(text: str) -> None:
    assert ENGINE.parse(text).risk == Risk.READ
