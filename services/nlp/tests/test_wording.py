"""The everyday wording file: every line names a catalogue entry, its phrases match their
regular forms, and a phrasing's own words never become the object of the request."""

from __future__ import annotations

import re

import pytest

from kubechat_nlp.catalogue import default_catalogue
from kubechat_nlp.engine import RulesEngine
from kubechat_nlp.evaluation.equivalence import equivalent
from kubechat_nlp.rules.cues import phrase_regex
from kubechat_nlp.wording import check_wording, phrasings_of


def test_every_line_names_a_catalogue_entry() -> None:
    assert check_wording(default_catalogue()) == []


def test_declared_phrasings_come_first() -> None:
    entry = next(e for e in default_catalogue().entries() if e.name == "rollout.restart")
    assert phrasings_of(entry)[: len(entry.phrasings)] == entry.phrasings
    assert len(phrasings_of(entry)) > len(entry.phrasings)


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        ("recycle the pods", "recycling pods"),
        ("recycle the pods", "recycle its pods"),
        ("tear down", "tearing down"),
        ("take out of rotation", "take x-name out of the rotation"),
    ],
)
def test_phrase_regex_reads_regular_forms(phrase: str, text: str) -> None:
    assert re.fullmatch(phrase_regex(phrase), text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("power cycle web in dev", "kubectl rollout restart deployment/web -n dev"),
        ("vacate node-3", "kubectl drain node-3"),
    ],
)
def test_a_phrasing_is_never_its_own_object(text: str, expected: str) -> None:
    plan = RulesEngine().parse(text)
    assert plan.kubectl == (expected,)


@pytest.mark.parametrize("text", ["respawn everything", "relaunch everything", "vacate"])
def test_a_phrasing_alone_is_no_plan(text: str) -> None:
    plan = RulesEngine().parse(text)
    assert not plan.operations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("what deployments are in teh apps namespace", "kubectl get deployments -n apps"),
        ("get logs from pods labled app=webhook in hooks", "kubectl logs -l app=webhook -n hooks"),
        ("list jobs in batch", "kubectl get jobs -n batch"),  # batch is never "watch"
        ("remove the cronjob cleanup-tmp form ops", "kubectl delete cronjobs cleanup-tmp -n ops"),
    ],
)
def test_everyday_typos_read_as_their_words(text: str, expected: str) -> None:
    (got,) = RulesEngine().parse(text).kubectl
    assert equivalent(got, expected), got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "force-delete pod trainer-6b7c8d9f5-zz1aa in ml",
            "kubectl delete pod trainer-6b7c8d9f5-zz1aa -n ml --force",
        ),
        (
            "i want the svc called grafana-old gone, it's in dashboards",
            "kubectl delete service grafana-old -n dashboards",
        ),
        (
            "create secret generic smtp-creds with username=mailer in mail",
            "kubectl create secret generic smtp-creds --from-literal=username=mailer -n mail",
        ),
        (
            "create a rolebinding ci-deployer in staging giving the clusterrole edit to "
            "serviceaccount ci:github-actions",
            "kubectl create rolebinding ci-deployer --clusterrole=edit "
            "--serviceaccount=ci:github-actions -n staging",
        ),
        (
            "expose the whoami deployment in apps on port 80 as a NodePort",
            "kubectl expose deployment whoami --port=80 --type=NodePort -n apps",
        ),
        ("whoami", "kubectl auth whoami"),
    ],
)
def test_names_and_idioms(text: str, expected: str) -> None:
    (got,) = RulesEngine().parse(text).kubectl
    assert equivalent(got, expected), got


@pytest.mark.parametrize(
    "text", ["i want everything gone", "tear it all down", "the pods are gone"]
)
def test_vague_or_plain_statements_delete_nothing(text: str) -> None:
    plan = RulesEngine().parse(text)
    assert not any(k.startswith("kubectl delete") for k in plan.kubectl)


@pytest.mark.parametrize(
    "text",
    [
        "scale web to 3 under shop",
        "scale web to 3 (shop)",
        "scale web to 3 [ns: shop]",
        "scale web to 3 @shop",
        'scale web to 3 in "shop"',
        "scale web to 3 across shop",
    ],
)
def test_namespace_phrasings_at_the_end(text: str) -> None:
    (got,) = RulesEngine().parse(text).kubectl
    assert equivalent(got, "kubectl scale deployment web --replicas=3 -n shop"), got


def test_a_word_about_the_output_is_no_namespace() -> None:
    (got,) = RulesEngine().parse("dump pod logs, with label name=x (stdout)").kubectl
    assert "-n" not in got.split()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("list stateful-sets in shop", "kubectl get statefulsets -n shop"),
        ("list cms in shop", "kubectl get configmaps -n shop"),
        ("list pvs", "kubectl get persistentvolumes"),
        ("list sc", "kubectl get storageclasses"),
        ("list ep in shop", "kubectl get endpoints -n shop"),
        ("list priority classes", "kubectl get priorityclasses"),
        ("list the scheduled tasks in shop", "kubectl get cronjobs -n shop"),
    ],
)
def test_kind_spellings(text: str, expected: str) -> None:
    (got,) = RulesEngine().parse(text).kubectl
    assert equivalent(got, expected), got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("provision namespace sandbox", "kubectl create namespace sandbox"),
        ("has cart finished deploying in shop", "kubectl rollout status deployment cart -n shop"),
        ("back out the cart release in shop", "kubectl rollout undo deployment cart -n shop"),
        ("past releases of cart in shop", "kubectl rollout history deployment cart -n shop"),
        ("evict everything from node-3", "kubectl drain node-3"),
        ("show pod utilization in shop", "kubectl top pods -n shop"),
        ("what's been happening in shop", "kubectl events -n shop"),
        (
            "point cart at ghcr.io/acme/cart:2.0",
            "kubectl set image deployment/cart *=ghcr.io/acme/cart:2.0",
        ),
    ],
)
def test_everyday_operation_wording(text: str, expected: str) -> None:
    (got,) = RulesEngine().parse(text).kubectl
    assert equivalent(got, expected), got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "list pods in shop by creation time",
            "kubectl get pods -n shop --sort-by=.metadata.creationTimestamp",
        ),
        (
            "which pods in shop aren't running",
            "kubectl get pods -n shop --field-selector=status.phase!=Running",
        ),
        (
            "autoscale deployment cart min 2 max 10 cpu 70% in shop",
            "kubectl autoscale deployment cart --min=2 --max=10 --cpu=70% -n shop",
        ),
    ],
)
def test_read_and_autoscale_slots(text: str, expected: str) -> None:
    (got,) = RulesEngine().parse(text).kubectl
    assert equivalent(got, expected), got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "check if bob can list secrets in shop",
            "kubectl auth can-i list secrets -n shop --as=bob",
        ),
        (
            "check whether bob is allowed to list secrets in shop",
            "kubectl auth can-i list secrets -n shop --as=bob",
        ),
        (
            "find out if the ci-bot is permitted to delete pods in shop",
            "kubectl auth can-i delete pods -n shop --as=ci-bot",
        ),
        (
            "run the backup cronjob now as backup-now in shop",
            "kubectl create job backup-now --from=cronjob/backup -n shop",
        ),
    ],
)
def test_permission_questions_name_their_subject(text: str, expected: str) -> None:
    (got,) = RulesEngine().parse(text).kubectl
    assert equivalent(got, expected), got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'create cronjob nightly --image=busybox:1.36 --schedule="0 2 * * *"',
            "kubectl create cronjob nightly --image=busybox:1.36 --schedule='0 2 * * *'",
        ),
        (
            "new cronjob nightly, image busybox:1.36, schedule 0 2 * * *, in shop",
            "kubectl create cronjob nightly --image=busybox:1.36 --schedule='0 2 * * *' -n shop",
        ),
        ("which pods have app=web in shop", "kubectl get pods -l app=web -n shop"),
        ("filter pods by app=web in shop", "kubectl get pods -l app=web -n shop"),
    ],
)
def test_typed_values_win(text: str, expected: str) -> None:
    (got,) = RulesEngine().parse(text).kubectl
    assert equivalent(got, expected), got


@pytest.mark.parametrize(
    "text",
    [
        "run a pod tmp with busybox:1.36 in shop",
        "launch pod tmp from busybox:1.36 in shop",
        "spin up a busybox:1.36 pod named tmp in shop",
    ],
)
def test_run_reads_the_image_wherever_it_sits(text: str) -> None:
    (got,) = RulesEngine().parse(text).kubectl
    assert equivalent(got, "kubectl run tmp --image=busybox:1.36 -n shop"), got


def test_run_with_an_image_asks_only_for_the_name() -> None:
    plan = RulesEngine().parse("run a pod with busybox:1.36")
    assert plan.clarification is not None
    assert "busybox:1.36" in plan.clarification.question


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "force-delete pod trainer-1 in ml with zero grace period",
            "kubectl delete pod trainer-1 --force --grace-period=0 -n ml",
        ),
        (
            "rollbak deploy payments-gateway in payments to rev 12",
            "kubectl rollout undo deployment payments-gateway --to-revision=12 -n payments",
        ),
        (
            "expose api-mock as a LoadBalancer on port 443 target 8443 in qa",
            "kubectl expose deployment api-mock --port=443 --target-port=8443 "
            "--type=LoadBalancer -n qa",
        ),
        (
            "expose deployment grafana port 3000, service name grafana-ext, in dashboards",
            "kubectl expose deployment grafana --port=3000 --name=grafana-ext -n dashboards",
        ),
        ("drain node-7 with a 5 minute timeout", "kubectl drain node-7 --timeout=5m"),
        ("what user am i logged in as?", "kubectl auth whoami"),
        ("list what i can do in the team-a namespace", "kubectl auth can-i --list -n team-a"),
        (
            "give the config-server deployment a restart, it needs to pick up the new configmap",
            "kubectl rollout restart deployment config-server",
        ),
    ],
)
def test_slots_people_say(text: str, expected: str) -> None:
    (got,) = RulesEngine().parse(text).kubectl
    assert equivalent(got, expected), got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "set image of deployment web-frontend container web to registry.example.com/web:2.4.1",
            "kubectl set image deployment/web-frontend web=registry.example.com/web:2.4.1",
        ),
        (
            "change the sidecar image envoy to envoyproxy/envoy:v1.30.2 on deploy gateway",
            "kubectl set image deployment/gateway envoy=envoyproxy/envoy:v1.30.2",
        ),
    ],
)
def test_the_container_whose_image_changes(text: str, expected: str) -> None:
    (got,) = RulesEngine().parse(text).kubectl
    assert equivalent(got, expected), got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "pf svc/kibana 5601:5601 -n logs",
            "kubectl port-forward service/kibana 5601:5601 -n logs",
        ),
        (
            "i want to hit the api-server deployment locally on 8080, it listens on 80, ns api",
            "kubectl port-forward deployment/api-server 8080:80 -n api",
        ),
        (
            "get an interactive /bin/sh in container php of pod wordpress-1 in blog",
            "kubectl exec wordpress-1 -c php -i -t -n blog -- /bin/sh",
        ),
        (
            "make a secret called gcp-sa from the file key.json",
            "kubectl create secret generic gcp-sa --from-file=key.json",
        ),
        ("create configmap from the file cm.yaml", "kubectl create -f cm.yaml"),
        (
            "what is deployment image-resizer printing? ns images",
            "kubectl logs deployment/image-resizer -n images",
        ),
    ],
)
def test_ports_shells_files_and_output(text: str, expected: str) -> None:
    (got,) = RulesEngine().parse(text).kubectl
    assert equivalent(got, expected), got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "logs for pod kafka-2 in streaming for the pst 30 min",
            "kubectl logs kafka-2 --since=30m -n streaming",
        ),
        (
            "logs of the app container in pod web-0 (namespace: default)",
            "kubectl logs web-0 -c app -n default",
        ),
        (
            "could you pull the logs of the crashed container from before the restart? pod "
            "thumbnailer-1 in media",
            "kubectl logs thumbnailer-1 --previous -n media",
        ),
    ],
)
def test_log_windows_and_containers(text: str, expected: str) -> None:
    (got,) = RulesEngine().parse(text).kubectl
    assert equivalent(got, expected), got


@pytest.mark.parametrize(
    "wrapper",
    [
        "i'd appreciate it if you could {x}",
        "could you possibly {x}?",
        "i was hoping you could {x}",
        "could i get you to {x}?",
        "when you get a chance, {x}",
        "do me a favour, {x}",
        "{x} - thanks!",
        "{x} whenever you can",
    ],
)
def test_courtesy_around_a_request(wrapper: str) -> None:
    (got,) = RulesEngine().parse(wrapper.format(x="scale web to 3 in shop")).kubectl
    assert equivalent(got, "kubectl scale deployment web --replicas=3 -n shop"), got


def test_a_slip_to_a_neighbouring_key() -> None:
    (got,) = RulesEngine().parse("list pids in shop").kubectl
    assert equivalent(got, "kubectl get pods -n shop"), got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("remove the tier label from namespace qa", "kubectl label namespace qa tier-"),
        ("label namespace jobs with version=v2", "kubectl label namespace jobs version=v2"),
        (
            "schedule nginx:1.25 to run daily at 2am as cronjob weekly-export",
            "kubectl create cronjob weekly-export --image=nginx:1.25 --schedule='0 2 * * *'",
        ),
        (
            "create cronjob nightly-backup with image pg:16 every sunday at 3am",
            "kubectl create cronjob nightly-backup --image=pg:16 --schedule='0 3 * * 0'",
        ),
        ("Which resources are namespaced?", "kubectl api-resources --namespaced=true"),
    ],
)
def test_namespaces_as_objects_schedules_and_discovery(text: str, expected: str) -> None:
    (got,) = RulesEngine().parse(text).kubectl
    assert equivalent(got, expected), got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "autoscale the api deployment on qa from two to eight pods when cpu is above 75%",
            "kubectl autoscale deployment api --min=2 --max=8 --cpu=75% -n qa",
        ),
        (
            "delete all configmaps labeled tier=frontend on deploys",
            "kubectl delete configmaps -l tier=frontend -n deploys",
        ),
        (
            "in the batch ns, delete every ing with label role=db",
            "kubectl delete ingresses -l role=db -n batch",
        ),
        ("create role r that can get pods", "kubectl create role r --verb=get --resource=pods"),
    ],
)
def test_namespaces_named_like_kinds_close_a_request(text: str, expected: str) -> None:
    (got,) = RulesEngine().parse(text).kubectl
    assert equivalent(got, expected), got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("scale worker to 3", "kubectl scale deployment worker --replicas=3"),
        ("drain the worker node node-3", "kubectl drain node-3"),
        (
            "create a service for worker on port 443 namespace deploys",
            "kubectl expose deployment worker --port=443 -n deploys",
        ),
    ],
)
def test_worker_is_a_name(text: str, expected: str) -> None:
    (got,) = RulesEngine().parse(text).kubectl
    assert equivalent(got, expected), got


def test_after_logs_of_a_plain_word_is_the_name() -> None:
    (got,) = RulesEngine().parse("logs of client in prod").kubectl
    assert equivalent(got, "kubectl logs client -n prod"), got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("details of namespace qa", "kubectl describe namespace qa"),
        ("give me the details of ns services", "kubectl describe namespace services"),
        ("describe the pods of namespace shop", "kubectl describe pods -n shop"),
        ("can u get the YAML of namespace monitoring?", "kubectl get namespace monitoring -o yaml"),
    ],
)
def test_the_namespace_itself(text: str, expected: str) -> None:
    (got,) = RulesEngine().parse(text).kubectl
    assert equivalent(got, expected), got


def test_what_can_i_do_there_is_help() -> None:
    plan = RulesEngine().parse("so what can I do in prod")
    assert not plan.operations and plan.clarification is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "delete the LOG_LEVEL variable on deployment cart in shop",
            "kubectl set env deployment/cart LOG_LEVEL- -n shop",
        ),
        ("hold the cart rollout in shop", "kubectl rollout pause deployment cart -n shop"),
        (
            "cap cart at 1Gi of memory in shop",
            "kubectl set resources deployment cart --limits=memory=1Gi -n shop",
        ),
        ("which node is the busiest", "kubectl top nodes"),
        ("describe the fields of a pod", "kubectl explain pods"),
    ],
)
def test_variables_rollouts_resources_and_docs(text: str, expected: str) -> None:
    (got,) = RulesEngine().parse(text).kubectl
    assert equivalent(got, expected), got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "pods on node-3 in shop",
            "kubectl get pods -n shop --field-selector=spec.nodeName=node-3",
        ),
        ("what labels do the pods in shop have", "kubectl get pods -n shop --show-labels"),
    ],
)
def test_nodes_and_labels_of_pods(text: str, expected: str) -> None:
    (got,) = RulesEngine().parse(text).kubectl
    assert equivalent(got, expected), got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "can serviceaccount ci:github-actions create deployments in staging?",
            "kubectl auth can-i create deployments -n staging "
            "--as=system:serviceaccount:ci:github-actions",
        ),
        ("can user jane list secrets in psp", "kubectl auth can-i list secrets -n psp --as=jane"),
        (
            "create role deploy-restarter in frontend-team with verbs get,patch on deployments",
            "kubectl create role deploy-restarter --verb=get,patch --resource=deployments "
            "-n frontend-team",
        ),
        ("show me the pod lables in test", "kubectl get pods -n test --show-labels"),
        ("let's see the pods in sandbox with node info", "kubectl get pods -n sandbox -o wide"),
    ],
)
def test_subjects_verbs_and_columns(text: str, expected: str) -> None:
    (got,) = RulesEngine().parse(text).kubectl
    assert equivalent(got, expected), got


@pytest.mark.parametrize(
    "text",
    ["how many replicas does cart have in shop", "what's cart's replica count in shop"],
)
def test_a_replica_count_is_the_workloads_row(text: str) -> None:
    (got,) = RulesEngine().parse(text).kubectl
    assert equivalent(got, "kubectl get deployment cart -n shop"), got


def test_a_gapped_second_scale_takes_the_verb_and_the_scope() -> None:
    got = RulesEngine().parse("scale web to 3 and api to 2 in shop").kubectl
    assert len(got) == 2
    assert equivalent(got[0], "kubectl scale deployment web --replicas=3 -n shop"), got
    assert equivalent(got[1], "kubectl scale deployment api --replicas=2 -n shop"), got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "details of revision 3 of deployment cart in shop",
            "kubectl rollout history deployment cart --revision=3 -n shop",
        ),
        ("keep an eye on the pods in shop", "kubectl get pods -n shop --watch"),
        ("which kubeconfig context is selected", "kubectl config current-context"),
        ("set current context to prod", "kubectl config use-context prod"),
        ("point kubectl at prod context", "kubectl config use-context prod"),
        ("make shop my default namespace", "kubectl config set-context --current --namespace=shop"),
    ],
)
def test_revisions_watching_and_contexts(text: str, expected: str) -> None:
    (got,) = RulesEngine().parse(text).kubectl
    assert equivalent(got, expected), got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("show the ingress rules in shop", "kubectl get ingresses -n shop"),
        ("list the nodes including ip addresses", "kubectl get nodes -o wide"),
        (
            "remove all failed pods in shop",
            "kubectl delete pods -n shop --field-selector=status.phase=Failed",
        ),
        ("what jobs ran in shop", "kubectl get jobs -n shop"),
    ],
)
def test_rules_ips_failed_pods_and_past_runs(text: str, expected: str) -> None:
    (got,) = RulesEngine().parse(text).kubectl
    assert equivalent(got, expected), got
