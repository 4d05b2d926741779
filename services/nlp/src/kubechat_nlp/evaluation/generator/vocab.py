"""The words the generated requests are made of, written from how people talk about
Kubernetes, independently of the parser's lexicon.

Every list is a `Pool`: `shared` instances appear in both splits, `held_out` ones only in
the blind split and `dev_only` ones only in the dev split, so a rule tuned on the dev
split meets names, namespaces, phrasings and fillers in blind that it has never seen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Split = Literal["dev", "blind"]


@dataclass(frozen=True, slots=True)
class Pool:
    shared: tuple[str, ...]
    held_out: tuple[str, ...] = ()
    dev_only: tuple[str, ...] = ()

    def items(self, split: Split) -> tuple[str, ...]:
        return self.shared + (self.held_out if split == "blind" else self.dev_only)


# Names. Several collide on purpose with kind words, verbs and function words.
DEPLOYMENTS = Pool(
    shared=(
        "api",
        "web",
        "checkout",
        "frontend",
        "backend",
        "payments-worker",
        "cart",
        "jobs-runner",
        "auth",
        "search-api",
        "inventory",
        "notifications",
        "orders",
        "gateway",
        "billing",
        "web-app",
        "worker",
        "top-sellers",
        "logs-shipper",
        "user-service",
    ),
    held_out=(
        "my-app",
        "rollout-gate",
        "get-quote",
        "deploy-hooks",
        "fraud-check",
        "shipping",
        "pdf-render",
        "promo-engine",
        "on-call-bot",
        "cron-ui",
        "geo",
        "svc-directory",
        "relay",
    ),
    dev_only=("storefront", "profile", "feed", "uploader", "metrics-proxy", "restart-tracker"),
)
STATEFULSETS = Pool(
    shared=("postgres", "redis", "kafka", "zookeeper", "mongo"),
    held_out=("neo4j", "couchdb", "influxdb", "vault"),
    dev_only=("elasticsearch", "etcd"),
)
DAEMONSETS = Pool(
    shared=("fluentd", "node-exporter", "log-agent"),
    held_out=("weave-net", "aws-node", "csi-node-driver"),
    dev_only=("kube-proxy-extra", "filebeat"),
)
NAMESPACES = Pool(
    shared=(
        "prod",
        "staging",
        "dev",
        "shop",
        "payments",
        "deploys",
        "jobs",
        "services",
        "kube-system",
        "monitoring",
        "default",
        "team-a",
        "qa",
    ),
    held_out=(
        "observability",
        "istio-system",
        "ingress",
        "external-secrets",
        "data",
        "preview",
        "tools",
        "rollouts",
    ),
    dev_only=("test", "web", "batch", "platform", "secrets"),
)
NODES = Pool(
    shared=("node-1", "node-2", "node-4", "node-9", "worker-2", "worker-3", "ip-10-0-3-17"),
    held_out=(
        "ip-192-168-12-40.eu-west-1.compute.internal",
        "gke-staging-default-pool-3f2a9c1d-k2lm",
        "edge-rpi-03",
        "control-plane-1",
    ),
    dev_only=("worker-7", "node-12", "minikube-m02"),
)
CONTAINERS = Pool(
    shared=("app", "nginx", "sidecar", "istio-proxy", "main", "envoy"),
    held_out=("linkerd-proxy", "wait-for-db", "vector-agent", "certbot"),
    dev_only=("server", "proxy"),
)
IMAGES = Pool(
    shared=(
        "nginx:1.25",
        "nginx:1.27.1",
        "redis:7.2",
        "busybox:1.36",
        "postgres:16",
        "ghcr.io/acme/api:v2.3.1",
        "registry.example.com/shop/checkout:2024.06.1",
        "python:3.12-slim",
    ),
    held_out=(
        "mcr.microsoft.com/dotnet/aspnet:8.0",
        "docker.io/library/mariadb:11.4",
        "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:build-482",
        "grafana/grafana:10.4.2",
        "bitnami/kafka:3.7.0",
    ),
    dev_only=("golang:1.22", "ghcr.io/acme/web:v5.0.0", "traefik:v3.0"),
)
LABELS = Pool(
    shared=(
        "app=web",
        "tier=frontend",
        "env=prod",
        "team=payments",
        "release=canary",
        "tier=cache",
    ),
    held_out=("squad=growth", "canary=true", "app.kubernetes.io/component=db", "cost=low"),
    dev_only=("version=v2", "role=db"),
)
ANNOTATIONS = Pool(
    shared=("owner=alice", "description=legacy", "oncall=team-b"),
    held_out=("runbook=wiki/ops-42", "last-audit=2024-05", "slack=platform-alerts"),
    dev_only=("reviewed=yes", "cost-center=42"),
)
ENV_VARS = Pool(
    shared=("LOG_LEVEL=debug", "FEATURE_X=true", "MAX_CONNECTIONS=100", "TZ=UTC"),
    held_out=("GIN_MODE=release", "SENTRY_DSN=off", "HTTP_PORT=8081"),
    dev_only=("DEBUG=1", "WORKERS=4"),
)
CONFIGMAPS = Pool(
    shared=("app-config", "nginx-conf", "feature-flags"),
    held_out=("kube-root-ca.crt", "envoy-bootstrap", "grafana-dashboards"),
    dev_only=("app-settings", "web-config"),
)
SECRETS = Pool(
    shared=("db-creds", "api-key", "registry-token"),
    held_out=("wildcard-tls", "sendgrid-token", "docker-pull"),
    dev_only=("db-password", "oauth-client"),
)
USERS = Pool(
    shared=("alice", "bob", "carol"), held_out=("mei", "oscar", "tomas"), dev_only=("dave",)
)
SERVICE_ACCOUNTS = Pool(
    shared=("ci-bot", "deployer", "builder"),
    held_out=("flux", "prometheus", "gh-actions"),
    dev_only=("robot",),
)
ROLES = Pool(
    shared=("pod-reader", "deploy-manager", "secret-viewer"),
    held_out=("ingress-admin", "node-viewer"),
    dev_only=("config-editor",),
)
CRONJOBS = Pool(
    shared=("nightly-backup", "cleanup", "report-gen"),
    held_out=("log-rotate", "sitemap-gen", "expire-carts"),
    dev_only=("weekly-export",),
)
JOBS = Pool(
    shared=("backup", "migrate-db", "seed-data"),
    held_out=("warm-cache", "db-upgrade"),
    dev_only=("etl",),
)
CONTEXTS = Pool(
    shared=("staging-cluster", "prod-eu", "minikube", "kind-dev"),
    held_out=(
        "arn:aws:eks:us-east-1:123456789012:cluster/prod",
        "do-fra1-k8s-demo",
        "oidc@corp-prod",
    ),
    dev_only=("prod-us", "lab"),
)
LITERALS = Pool(
    shared=("LOG_LEVEL=info", "mode=fast", "region=eu-west-1"),
    held_out=("max_items=50", "lang=de", "ENABLE_CACHE=yes"),
    dev_only=("retries=3",),
)
CREDENTIALS = Pool(
    shared=("username=admin", "password=s3cr3t", "token=abc123"),
    held_out=("client_secret=xyz789", "db_pass=hunter2"),
    dev_only=("user=svc",),
)

# How a namespace is said. `{ns}` is its name.
NS_PHRASES = Pool(
    shared=(
        "in {ns}",
        "in the {ns} namespace",
        "in namespace {ns}",
        "namespace {ns}",
        "-n {ns}",
        "{ns} ns",
        "in ns {ns}",
        "on {ns}",
    ),
    held_out=(
        "at {ns}",
        "from the {ns} namespace",
        "(ns {ns})",
        "on the {ns} namespace",
        "ns: {ns}",
    ),
    dev_only=("in the {ns} ns", "for namespace {ns}", "--namespace {ns}"),
)
ALL_NS_PHRASES = Pool(
    shared=(
        "across all namespaces",
        "in all namespaces",
        "everywhere",
        "-A",
        "in every namespace",
        ", all namespaces",
    ),
    held_out=("for every ns", "regardless of namespace", "all over the cluster", "all ns"),
    dev_only=("across every namespace", "--all-namespaces"),
)

# Politeness, greetings and sign-offs. `{x}` is the request.
GREETINGS = Pool(
    shared=("hey", "hi", "hey there,", "ok", "yo", "so", "quick one:", "hello,"),
    held_out=("good afternoon,", "evening,", "greetings,", "howdy,"),
    dev_only=("hey kubechat,", "alright,"),
)
POLITE = Pool(
    shared=(
        "please {x}",
        "could you {x}",
        "can you {x}",
        "pls {x}",
        "would you {x}",
        "i need you to {x}",
        "i want to {x}",
        "go ahead and {x}",
        "let's {x}",
    ),
    held_out=(
        "could you maybe {x}",
        "could ya {x}",
        "if you could {x}",
        "any chance you could {x}",
    ),
    dev_only=("can u {x}", "plz {x}"),
)
TAILS = Pool(
    shared=(", thanks", " thx", " pls", " asap", " please", ", thank you", " real quick", "!"),
    held_out=(" tia", " if possible", " :)", " thanks in advance"),
    dev_only=(" ta", ", much appreciated"),
)

NUMBER_WORDS: dict[int, str] = {
    0: "zero",
    1: "one",
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
    11: "eleven",
    12: "twelve",
    15: "fifteen",
    20: "twenty",
    30: "thirty",
    50: "fifty",
    100: "a hundred",
}


@dataclass(frozen=True, slots=True)
class KindWords:
    """How people name one kind: `singular`, `plural`, then what else they type, each as
    `singular|plural` or one word used for both (abbreviations: `po`, `svc`)."""

    plural: str
    singular: str
    others: Pool


KINDS: dict[str, KindWords] = {
    "pods": KindWords("pods", "pod", Pool(("po",), ("k8s pod|k8s pods",))),
    "deployments": KindWords(
        "deployments",
        "deployment",
        Pool(
            ("deploy", "deploy|deploys"), ("dep|deps",), ("deployment object|deployment objects",)
        ),
    ),
    "services": KindWords(
        "services", "service", Pool(("svc",), ("srv|srvs",), ("service object|service objects",))
    ),
    "statefulsets": KindWords(
        "statefulsets",
        "statefulset",
        Pool(("sts", "stateful set|stateful sets"), ("stateful workload|stateful workloads",)),
    ),
    "daemonsets": KindWords("daemonsets", "daemonset", Pool(("ds", "daemon set|daemon sets"))),
    "replicasets": KindWords("replicasets", "replicaset", Pool(("rs", "replica set|replica sets"))),
    "jobs": KindWords("jobs", "job", Pool(("batch job|batch jobs",))),
    "cronjobs": KindWords(
        "cronjobs",
        "cronjob",
        Pool(("cron job|cron jobs", "cj"), ("crontab|crontabs",)),
    ),
    "configmaps": KindWords("configmaps", "configmap", Pool(("cm", "config map|config maps"))),
    "secrets": KindWords("secrets", "secret", Pool(())),
    "namespaces": KindWords("namespaces", "namespace", Pool(("ns",))),
    "nodes": KindWords("nodes", "node", Pool((), ("host|hosts",), ("machine|machines",))),
    "ingresses": KindWords(
        "ingresses", "ingress", Pool(("ing",), ("ingress resource|ingress resources",))
    ),
    "persistentvolumeclaims": KindWords(
        "persistentvolumeclaims",
        "persistentvolumeclaim",
        Pool(("pvc", "pvc|pvcs"), ("persistent volume claim|persistent volume claims",)),
    ),
    "serviceaccounts": KindWords(
        "serviceaccounts", "serviceaccount", Pool(("sa", "service account|service accounts"))
    ),
    "horizontalpodautoscalers": KindWords(
        "horizontalpodautoscalers",
        "horizontalpodautoscaler",
        Pool(("hpa", "autoscaler|autoscalers")),
    ),
}

# Words a typo may hit: verbs and kind words, never names.
TYPO_WORDS: frozenset[str] = frozenset(
    {
        "show",
        "list",
        "describe",
        "scale",
        "restart",
        "delete",
        "remove",
        "logs",
        "events",
        "rollout",
        "deployment",
        "deployments",
        "pods",
        "service",
        "services",
        "namespace",
        "replicas",
        "statefulset",
        "configmap",
        "secret",
        "secrets",
        "image",
        "label",
        "cordon",
        "uncordon",
        "drain",
        "expose",
        "create",
        "nodes",
        "node",
        "history",
        "status",
        "annotate",
        "autoscale",
        "container",
        "previous",
        "follow",
    }
)
