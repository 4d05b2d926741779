"""Follow-ups as people type them ("now do it in qa", "and prod too", "run it again in
dev"), and questions about the assistant itself, which get help and never a plan."""

from __future__ import annotations

import pytest

from kubechat_nlp.context import ConversationContext
from kubechat_nlp.engine import RulesEngine
from kubechat_nlp.evaluation.equivalence import equivalent
from kubechat_nlp.model import Plan
from kubechat_nlp.undo import assume_ran, offline_conversation

ENGINE = RulesEngine()


def _conversation(*turns: str) -> list[tuple[str, ...]]:
    return [tuple(plan.kubectl) for plan in offline_conversation(ENGINE, turns)]


def _after_a_delete(question: str) -> Plan:
    context = ConversationContext()
    first = ENGINE.parse("delete pod web-1 in shop", context=context)
    context = assume_ran(context.after(first), first)
    return ENGINE.parse(question, context=context)


@pytest.mark.parametrize("again", ["now do it in qa", "do that in qa too", "run it again in qa"])
def test_the_same_request_in_another_namespace(again: str) -> None:
    answers = _conversation("restart the orders deployment in shop", again)
    assert len(answers[1]) == 1
    assert equivalent(answers[1][0], "kubectl rollout restart deployment/orders -n qa")


@pytest.mark.parametrize(
    ("again", "namespace"),
    [
        ("and production too", "production"),
        ("what about staging?", "staging"),
        ("uat as well", "uat"),
    ],
)
def test_an_environment_word_moves_the_request(again: str, namespace: str) -> None:
    answers = _conversation("scale cart to 2 in dev", again)
    assert len(answers[1]) == 1
    expected = f"kubectl scale deployment/cart --replicas=2 -n {namespace}"
    assert equivalent(answers[1][0], expected), answers


@pytest.mark.parametrize(
    "question",
    [
        "what are you able to do?",
        "what sort of things can you help with",
        "how can you help us?",
        "what are your main features",
        "what else do you know how to do",
    ],
)
def test_questions_about_the_assistant_get_help_after_a_delete(question: str) -> None:
    plan = _after_a_delete(question)
    assert not plan.kubectl
    assert plan.clarification is not None and plan.clarification.choices


@pytest.mark.parametrize(
    "text",
    [
        "pretty please restart orders",
        "dear kubechat, restart orders",
        "are you able to restart orders",
    ],
)
def test_courtesy_around_a_request_is_not_its_object(text: str) -> None:
    assert list(ENGINE.parse(text).kubectl) == ["kubectl rollout restart deployment/orders"]


@pytest.mark.parametrize("text", ["tell me a joke", "how are you doing today?", "are you a bot?"])
def test_chit_chat_gets_help_not_a_plan(text: str) -> None:
    plan = ENGINE.parse(text)
    assert not plan.kubectl and plan.clarification is not None


@pytest.mark.parametrize("again", ["also in qa", "now in qa", "and now qa"])
def test_a_bare_scope_moves_the_last_request(again: str) -> None:
    answers = _conversation("restart the orders deployment in shop", again)
    assert answers[1] == ("kubectl rollout restart deployment/orders -n qa",)


def test_a_new_count_after_a_change_of_mind() -> None:
    answers = _conversation("scale cart to 3 in shop", "on second thought, 5")
    assert equivalent(answers[1][0], "kubectl scale deployment/cart --replicas=5 -n shop")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("analyze deployment cart in shop", "kubectl describe deployment cart -n shop"),
        ("what do we know about pod web-1", "kubectl describe pod web-1"),
        ("what is web-1 saying", "kubectl logs web-1"),
        ("select services where team=a", "kubectl get services -l team=a"),
    ],
)
def test_more_ways_to_look(text: str, expected: str) -> None:
    plan = ENGINE.parse(text)
    assert len(plan.kubectl) == 1 and equivalent(plan.kubectl[0], expected), plan.kubectl


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("give me a rundown of statefulset db", "kubectl describe statefulset db"),
        ("i would appreciate if you could cordon node-2", "kubectl cordon node-2"),
    ],
)
def test_rundowns_and_appreciation(text: str, expected: str) -> None:
    plan = ENGINE.parse(text)
    assert len(plan.kubectl) == 1 and equivalent(plan.kubectl[0], expected), plan.kubectl


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("what image does deployment web use", ".spec.template.spec.containers[*].image"),
        ("what image is pod web-1 running", ".spec.containers[*].image"),
        (
            "images of the cronjobs",
            ".items[*].spec.jobTemplate.spec.template.spec.containers[*].image",
        ),
    ],
)
def test_an_image_is_read_where_the_kind_keeps_its_pod_template(text: str, path: str) -> None:
    plan = ENGINE.parse(text)
    assert len(plan.kubectl) == 1 and "{" + path + "}" in plan.kubectl[0], plan.kubectl


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cart needs a restart", "kubectl rollout restart deployment/cart"),
        ("peek at the logs of web-1", "kubectl logs web-1"),
    ],
)
def test_statements_of_need_and_peeks(text: str, expected: str) -> None:
    plan = ENGINE.parse(text)
    assert len(plan.kubectl) == 1 and equivalent(plan.kubectl[0], expected), plan.kubectl


def test_tell_me_more_describes_the_last_object() -> None:
    answers = _conversation("describe pod web-1 in shop", "tell me more")
    assert answers[1] == ("kubectl describe pods web-1 -n shop",)


def test_what_are_my_options_gets_help() -> None:
    context = ConversationContext()
    first = ENGINE.parse("delete pod web-1", context=context)
    plan = ENGINE.parse("what are my options?", context=assume_ran(context.after(first), first))
    assert not plan.kubectl and plan.clarification is not None


@pytest.mark.parametrize(
    "again", ["and the others too", "what about the rest?", "same for everything else"]
)
def test_a_vague_follow_up_never_widens_a_delete(again: str) -> None:
    from kubechat_nlp.evaluation.safety import plan_risk
    from kubechat_nlp.model import Risk

    context = ConversationContext()
    first = ENGINE.parse("delete pod web-1 in shop", context=context)
    plan = ENGINE.parse(again, context=assume_ran(context.after(first), first))
    risk = plan_risk(plan.risk, list(plan.kubectl)) if plan.kubectl else Risk.READ
    assert risk is Risk.READ, plan.kubectl


@pytest.mark.parametrize(
    ("turns", "expected"),
    [
        (
            ("create namespace hackathon", "deploy nginx:1.27 in there as demo-site"),
            "kubectl create deployment demo-site --image=nginx:1.27 -n hackathon",
        ),
        (
            ("restart deployment ad-server in ads", "same for ad-tracker"),
            "kubectl rollout restart deployment ad-tracker -n ads",
        ),
        (
            ("logs for deploy payout in treasury since 1h", "same for deploy refund"),
            "kubectl logs deployment/refund --since=1h -n treasury",
        ),
        (
            ("restart deployment api in prod", "do that for data-eng as well"),
            "kubectl rollout restart deployment/api -n data-eng",
        ),
        (
            ("restart deployment api in prod", "same for services"),
            "kubectl rollout restart deployment/api -n services",
        ),
        (
            ("show configmaps in lighthouse", "delete the one called old-settings"),
            "kubectl delete configmap old-settings -n lighthouse",
        ),
        (
            ("get pods in stage-west", "delete the ones with label job=smoke-test"),
            "kubectl delete pods -l job=smoke-test -n stage-west",
        ),
        (
            ("show pods labeled app=ledger-sync in accounting", "logs too"),
            "kubectl logs -l app=ledger-sync -n accounting",
        ),
        (("cordon node worker-21", "ok all patched, uncordon it"), "kubectl uncordon worker-21"),
        (("describe pod redis-1 in cache", "trash it"), "kubectl delete pod redis-1 -n cache"),
        (("describe pod web-1 in shop", "show me its output"), "kubectl logs web-1 -n shop"),
        (
            ("scale logs-shipper to 8 in payments", "also cdn please"),
            "kubectl scale deployment/logs-shipper --replicas=8 -n cdn",
        ),
        (
            ("restart deployment my-app in mobile", "then qa-7"),
            "kubectl rollout restart deployment/my-app -n qa-7",
        ),
        (
            ("scale chat to 3 in tools", "ugh typo, 6"),
            "kubectl scale deployment/chat --replicas=6 -n tools",
        ),
        (
            ("restart checkout in hotfix", "is it live yet"),
            "kubectl rollout status deployment/checkout -n hotfix",
        ),
        (
            ("describe pod chat-7 in demo", "tell me about that pod"),
            "kubectl describe pod chat-7 -n demo",
        ),
        (
            ("list pods in payroll", "nvm, deployments instead"),
            "kubectl get deployments -n payroll",
        ),
    ],
)
def test_follow_ups_keep_what_the_conversation_addressed(
    turns: tuple[str, str], expected: str
) -> None:
    answers = _conversation(*turns)
    assert len(answers[1]) == 1, answers
    assert equivalent(answers[1][0], expected), answers


@pytest.mark.parametrize("vague", ["delete them all", "describe the first one"])
def test_a_listing_never_completes_a_request_that_names_nothing(vague: str) -> None:
    assert _conversation("show pods in dev", vague)[1] == ()


@pytest.mark.parametrize("reply", ["thnx", "gr8", "legend", "that works", "thats it", "roger"])
def test_an_acknowledgement_after_a_change_never_repeats_it(reply: str) -> None:
    answers = _conversation("scale cart to 2 in dev", reply)
    assert answers[1] == ()


@pytest.mark.parametrize("reply", ["prodx", "billing"])
def test_a_bare_word_after_a_change_is_not_enough_to_change_again(reply: str) -> None:
    answers = _conversation("delete pod web-1 in shop", reply)
    assert not any("delete" in a for a in answers[1]), answers


@pytest.mark.parametrize(
    "question",
    [
        "how clever are you?",
        "what are your weaknesses?",
        "is there a handbook for you?",
        "are you plugged into our cluster?",
        "who am i chatting with",
        "wait, what are you exactly?",
    ],
)
def test_questions_put_to_the_assistant_get_help(question: str) -> None:
    plan = _after_a_delete(question)
    assert not plan.kubectl, plan.kubectl


@pytest.mark.parametrize(
    ("reply", "replicas"),
    [
        ("small correction, 7 replicas", 7),
        ("my typo, correct is four", 4),
        ("ok 9 then", 9),
        ("should be 5", 5),
        ("set it 2 only", 2),
    ],
)
def test_a_corrected_count_after_a_scale(reply: str, replicas: int) -> None:
    answers = _conversation("scale cart to 2 in dev", reply)
    expected = f"kubectl scale deployment/cart --replicas={replicas} -n dev"
    assert len(answers[1]) == 1 and equivalent(answers[1][0], expected), answers


@pytest.mark.parametrize(
    "question", ["still going?", "done or not", "is the update finished", "did it land cleanly?"]
)
def test_how_a_rollout_is_going_in_plain_words(question: str) -> None:
    answers = _conversation("restart cart in dev", question)
    expected = "kubectl rollout status deployment/cart -n dev"
    assert len(answers[1]) == 1 and equivalent(answers[1][0], expected), answers


@pytest.mark.parametrize("text", ["hii scale cart to 3", "hello sir, scale cart to 3"])
def test_a_greeting_is_never_the_object(text: str) -> None:
    assert _conversation(text)[0] == ("kubectl scale deployment/cart --replicas=3",)


@pytest.mark.parametrize(
    ("first", "reply", "expected"),
    [
        (
            "restart cart in infra",
            "recycle the pods",
            "kubectl rollout restart deployment/cart -n infra",
        ),
        (
            "restart cart in infra",
            "kick it over",
            "kubectl rollout restart deployment/cart -n infra",
        ),
        ("restart cart in infra", "back it out", "kubectl rollout undo deployment/cart -n infra"),
        (
            "restart cart in infra",
            "ditto for edge",
            "kubectl rollout restart deployment/cart -n edge",
        ),
        (
            "set image of cart to nginx:1.27 in qa",
            "errors everywhere, roll it back",
            "kubectl rollout undo deployment/cart -n qa",
        ),
        ("describe pod web-1 in ops", "what state is it in", "kubectl describe pods web-1 -n ops"),
        (
            "scale cart to 2 in dev",
            "err, 6 actually",
            "kubectl scale deployment/cart --replicas=6 -n dev",
        ),
    ],
)
def test_follow_ups_in_jargon(first: str, reply: str, expected: str) -> None:
    answers = _conversation(first, reply)
    assert len(answers[1]) == 1 and equivalent(answers[1][0], expected), answers
