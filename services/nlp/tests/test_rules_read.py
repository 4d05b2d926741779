"""Reading requests said in everyday words: greetings and typos around the verb, kinds in
prose, namespaces named like kinds, selectors and phases in words, logs, events, top and
discovery phrasings."""

from __future__ import annotations

import pytest

from kubechat_nlp import RulesEngine

ENGINE = RulesEngine()


@pytest.mark.parametrize(
    ("text", "kubectl"),
    [
        # greetings and a mistyped verb are never the object
        ("hey, shwo me the cronjobs in ns billing", "kubectl get cronjobs -n billing"),
        ("yo describe deployment cart", "kubectl describe deployments cart"),
        # kinds in prose or one letter off
        ("list the machines", "kubectl get nodes"),
        ("describe machine gpu-4", "kubectl describe nodes gpu-4"),
        ("ponds in ns billing", "kubectl get pods -n billing"),
        # a namespace named like a kind after another target
        ("show the configmaps in jobs", "kubectl get configmaps -n jobs"),
        ("describe namespace secrets", "kubectl describe namespaces secrets"),
        # selectors and phases said in words
        ("daemonsets where tier is edge", "kubectl get daemonsets -l tier=edge"),
        ("pods that have team=search", "kubectl get pods -l team=search"),
        (
            "which pods are pending in ns billing",
            ("kubectl get pods -n billing --field-selector=status.phase=Pending"),
        ),
        # logs
        ("what is pod cart-7 logging", "kubectl logs cart-7"),
        ("lgos of queue-2 for container app", "kubectl logs queue-2 -c app"),
        (
            "logs of deployment worker from the last crash",
            ("kubectl logs deployment/worker --previous"),
        ),
        ("logs of cart-7 from the past day", "kubectl logs cart-7 --since=24h"),
        # events
        ("what happened in billing recently", "kubectl events -n billing"),
        ("any warnings ledger ns", "kubectl events -n ledger --types=Warning"),
        ("show me the event log", "kubectl events"),
        # usage
        ("how loaded is node gpu-4", "kubectl top node gpu-4"),
        ("which pods eat the most memory", "kubectl top pod --sort-by=memory"),
        # discovery
        ("which resources are cluster-scoped", "kubectl api-resources --namespaced=false"),
        ("what does job.spec.backoffLimit mean", "kubectl explain job.spec.backofflimit"),
        ("where is the control plane", "kubectl cluster-info"),
    ],
)
def test_reads_in_everyday_words(text: str, kubectl: str) -> None:
    plan = ENGINE.parse(text)
    assert plan.clarification is None, plan.clarification
    assert plan.kubectl == (kubectl,)


def test_more_info_is_a_describe_not_a_wide_list() -> None:
    plan = ENGINE.parse("more info on service checkout")
    assert plan.kubectl == ("kubectl describe services checkout",)
