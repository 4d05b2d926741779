"""Creating workloads and objects in everyday words."""

from __future__ import annotations

import pytest

from kubechat_nlp import RulesEngine

ENGINE = RulesEngine()


def _kubectl(text: str) -> str | None:
    plan = ENGINE.parse(text)
    return " && ".join(plan.kubectl) if plan.operations else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an image and no kind word: a deployment, named by 'as', 'called' or 'X using'
        ("deploy httpd:2.4 as intranet", "kubectl create deployment intranet --image=httpd:2.4"),
        (
            "please spin up two replicas of quay.io/org/tool:1.0 as toolbox",
            "kubectl create deployment toolbox --image=quay.io/org/tool:1.0 --replicas=2",
        ),
        (
            "spin up intranet using httpd:2.4",
            "kubectl create deployment intranet --image=httpd:2.4",
        ),
        (
            "run httpd:2.4 as a deployment called intranet",
            "kubectl create deployment intranet --image=httpd:2.4",
        ),
        (
            "new deployment intranet from httpd:2.4",
            "kubectl create deployment intranet --image=httpd:2.4",
        ),
        (
            "run a one-off job reindex using alpine:3.20",
            "kubectl create job reindex --image=alpine:3.20",
        ),
        # a Job made from a CronJob, said two ways
        (
            "run cronjob reindex now as job reindex-once",
            "kubectl create job reindex-once --from=cronjob/reindex",
        ),
        (
            "kick off the reindex cronjob by hand, call the job reindex-manual",
            "kubectl create job reindex-manual --from=cronjob/reindex",
        ),
        # the name before the kind word
        ("add a sandbox-3 namespace", "kubectl create namespace sandbox-3"),
        ("make a new namespace called sandbox", "kubectl create namespace sandbox"),
        # a role that may delete is a create, never a delete
        (
            "make role janitor allowing delete on jobs",
            "kubectl create role janitor --verb=delete --resource=jobs",
        ),
    ],
)
def test_creates_in_plain_words(text: str, expected: str) -> None:
    assert _kubectl(text) == expected


@pytest.mark.parametrize(
    ("text", "schedule"),
    [
        ("every 15 minutes", "*/15 * * * *"),
        ("hourly", "0 * * * *"),
        ("daily at 3am", "0 3 * * *"),
        ("every night at 11pm", "0 23 * * *"),
        ("every monday at 9:30", "30 9 * * 1"),
        ("on weekdays at 6pm", "0 18 * * 1-5"),
    ],
)
def test_cron_schedules_from_words(text: str, schedule: str) -> None:
    got = _kubectl(f"schedule alpine:3.20 to run {text} as cronjob tick")
    assert got == f"kubectl create cronjob tick --image=alpine:3.20 --schedule='{schedule}'"


def test_an_image_put_on_an_existing_deployment_is_no_create() -> None:
    got = _kubectl("deploy httpd:2.5 to intranet")
    assert got is None or "create" not in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("expose intranet on port 80", "kubectl expose deployments intranet --port=80"),
        (
            "expose the intranet deployment as a load balancer on port 443",
            "kubectl expose deployments intranet --port=443 --type=LoadBalancer",
        ),
        (
            "create a service for intranet: port 80 to container port 8080",
            "kubectl expose deployments intranet --port=80 --target-port=8080",
        ),
        (
            "make the intranet deployment reachable on port 8080",
            "kubectl expose deployments intranet --port=8080",
        ),
    ],
)
def test_expose_in_plain_words(text: str, expected: str) -> None:
    assert _kubectl(text) == expected
