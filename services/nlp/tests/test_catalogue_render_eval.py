"""Catalogue data, kubectl rendering, the equivalence scorer and the translate CLI."""

from __future__ import annotations

import io
import json

import pytest

from kubechat_nlp import Operation, Risk, default_catalogue, render, run_translate
from kubechat_nlp.evaluation import equivalent
from kubechat_nlp.kind_table import standard_table


def test_catalogue_covers_the_operations_we_promise() -> None:
    catalogue = default_catalogue()
    assert len(catalogue) >= 60
    for name in (
        "get",
        "describe",
        "logs",
        "exec",
        "scale",
        "rollout.undo",
        "delete",
        "create.secret.generic",
        "drain",
        "taint",
        "top.pod",
        "events",
        "set.image",
        "autoscale",
        "patch",
        "auth.can-i",
        "port-forward",
        "config.use-context",
        "api-resources",
        "explain",
    ):
        assert name in catalogue
    for entry in catalogue.entries():
        assert entry.description and entry.command
    assert catalogue["delete"].risk is Risk.DESTRUCTIVE
    assert catalogue["get"].risk is Risk.READ


def test_render_quotes_what_a_shell_would_split() -> None:
    pods = standard_table().ref("pods")
    op = Operation(
        "get",
        pods,
        namespace="prod",
        label_selector="app in (a,b)",
        params={"output": "jsonpath={.items[*].metadata.name}"},
    )
    text = render(op, default_catalogue())
    assert text == (
        "kubectl get pods -n prod -l 'app in (a,b)' "
        "--output='jsonpath={.items[*].metadata.name}'".replace("--output=", "-o ")
    )


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("kubectl get po -n x", "kubectl get pods --namespace=x", True),
        ("kubectl logs my-pod", "kubectl logs pod/my-pod", True),
        ("kubectl scale --replicas=5 rc/foo rc/bar", "kubectl scale rc foo bar --replicas 5", True),
        ("kubectl -n ns delete pod,svc --all", "kubectl delete services,pods --all -n ns", True),
        ("kubectl exec p -it -- bash", "kubectl exec --stdin --tty p -- bash", True),
        ("kubectl get deploy -l app=x", "kubectl get deployments.apps --selector app=x", True),
        ("kubectl get pods", "kubectl get pods -A", False),
        ("kubectl delete pod a", "kubectl delete pod b", False),
        ("kubectl logs -f p", "kubectl logs p", False),
        ("kubectl scale deploy/a --replicas=3", "kubectl scale deploy/a --replicas=4", False),
    ],
)
def test_equivalence(a: str, b: str, same: bool) -> None:
    assert equivalent(a, b) is same


def test_translate_cli_emits_one_line_per_request() -> None:
    stdin = io.StringIO(
        '{"id": "1", "query": "show pods in prod"}\n'
        '{"id": "2", "query": "restart deployment api and then show its rollout status"}\n'
        '{"id": "3", "query": "delete everything"}\n'
        "not json\n"
    )
    stdout = io.StringIO()
    status = run_translate(stdin, stdout)
    rows = [json.loads(line) for line in stdout.getvalue().splitlines()]
    assert status == 1
    assert rows[0] == {
        "id": "1",
        "kubectl": "kubectl get pods -n prod",
        "risk": "READ",
        "confidence": rows[0]["confidence"],
    }
    assert len(rows[1]["operations"]) == 2 and rows[1]["kubectl"] == rows[1]["operations"][0]
    assert rows[2]["kubectl"] is None and "clarification" in rows[2]
    assert "error" in rows[3]
