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
        "ledger",
        "mailer",
        "image-resizer",
        "pricing",
        "recommender",
        "events-api",
        "chat",
        "admin-portal",
        "export-worker",
        "scale-tester",
        "queue-consumer",
    ),
    dev_only=("storefront", "profile", "feed", "uploader", "metrics-proxy", "restart-tracker"),
)
STATEFULSETS = Pool(
    shared=("postgres", "redis", "kafka", "zookeeper", "mongo"),
    held_out=("cassandra", "rabbitmq", "mysql"),
    dev_only=("elasticsearch", "etcd"),
)
DAEMONSETS = Pool(
    shared=("fluentd", "node-exporter", "log-agent"),
    held_out=("calico-node", "datadog-agent"),
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
    held_out=("logging", "events", "ingress-nginx", "sandbox", "billing", "argocd", "nodes"),
    dev_only=("test", "web", "batch", "platform", "secrets"),
)
NODES = Pool(
    shared=("node-1", "node-2", "node-4", "node-9", "worker-2", "worker-3", "ip-10-0-3-17"),
    held_out=("k8s-worker-05", "gke-prod-pool-1-x7kq", "aks-nodepool1-vmss000002"),
    dev_only=("worker-7", "node-12", "minikube-m02"),
)
CONTAINERS = Pool(
    shared=("app", "nginx", "sidecar", "istio-proxy", "main", "envoy"),
    held_out=("log-forwarder", "php-fpm", "init-db"),
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
    held_out=("httpd:2.4", "quay.io/org/worker:1.8.0", "node:20-alpine", "alpine:3.20"),
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
    held_out=("component=cache", "track=stable", "owner=data-team"),
    dev_only=("version=v2", "role=db"),
)
ANNOTATIONS = Pool(
    shared=("owner=alice", "description=legacy", "oncall=team-b"),
    held_out=("contact=ops", "ticket=OPS-1234"),
    dev_only=("reviewed=yes", "cost-center=42"),
)
ENV_VARS = Pool(
    shared=("LOG_LEVEL=debug", "FEATURE_X=true", "MAX_CONNECTIONS=100", "TZ=UTC"),
    held_out=("CACHE_TTL=300", "RETRIES=5"),
    dev_only=("DEBUG=1", "WORKERS=4"),
)
CONFIGMAPS = Pool(
    shared=("app-config", "nginx-conf", "feature-flags"),
    held_out=("settings", "proxy-rules"),
    dev_only=("app-settings", "web-config"),
)
SECRETS = Pool(
    shared=("db-creds", "api-key", "registry-token"),
    held_out=("smtp-creds", "stripe-key"),
    dev_only=("db-password", "oauth-client"),
)
USERS = Pool(shared=("alice", "bob", "carol"), held_out=("erin", "frank"), dev_only=("dave",))
SERVICE_ACCOUNTS = Pool(
    shared=("ci-bot", "deployer", "builder"), held_out=("reporter", "argo"), dev_only=("robot",)
)
ROLES = Pool(
    shared=("pod-reader", "deploy-manager", "secret-viewer"),
    held_out=("log-reader",),
    dev_only=("config-editor",),
)
CRONJOBS = Pool(
    shared=("nightly-backup", "cleanup", "report-gen"),
    held_out=("db-vacuum", "cert-renew"),
    dev_only=("weekly-export",),
)
JOBS = Pool(shared=("backup", "migrate-db", "seed-data"), held_out=("reindex",), dev_only=("etl",))
CONTEXTS = Pool(
    shared=("staging-cluster", "prod-eu", "minikube", "kind-dev"),
    held_out=("docker-desktop", "gke-acme-prod"),
    dev_only=("prod-us", "lab"),
)
LITERALS = Pool(
    shared=("LOG_LEVEL=info", "mode=fast", "region=eu-west-1"),
    held_out=("timeout=30s", "color=blue"),
    dev_only=("retries=3",),
)
CREDENTIALS = Pool(
    shared=("username=admin", "password=s3cr3t", "token=abc123"),
    held_out=("api_key=k-998",),
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
    held_out=("inside {ns}", "within the {ns} namespace", "under namespace {ns}", "ns={ns}"),
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
    held_out=("cluster-wide", "across the whole cluster", "in any namespace"),
    dev_only=("across every namespace", "--all-namespaces"),
)

# Politeness, greetings and sign-offs. `{x}` is the request.
GREETINGS = Pool(
    shared=("hey", "hi", "hey there,", "ok", "yo", "so", "quick one:", "hello,"),
    held_out=("morning!", "hey bot,", "hiya"),
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
    held_out=("kindly {x}", "do me a favor and {x}", "could you please {x}"),
    dev_only=("can u {x}", "plz {x}"),
)
TAILS = Pool(
    shared=(", thanks", " thx", " pls", " asap", " please", ", thank you", " real quick", "!"),
    held_out=(" cheers", ", ty", " when you get a chance"),
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
    "pods": KindWords("pods", "pod", Pool(("po",), ("pod instance|pod instances",))),
    "deployments": KindWords(
        "deployments",
        "deployment",
        Pool(("deploy", "deploy|deploys"), ("depl",), ("deployment object|deployment objects",)),
    ),
    "services": KindWords(
        "services", "service", Pool(("svc",), ("svc|svcs",), ("service object|service objects",))
    ),
    "statefulsets": KindWords(
        "statefulsets",
        "statefulset",
        Pool(("sts", "stateful set|stateful sets"), ("stateful-set|stateful-sets",)),
    ),
    "daemonsets": KindWords("daemonsets", "daemonset", Pool(("ds", "daemon set|daemon sets"))),
    "replicasets": KindWords("replicasets", "replicaset", Pool(("rs", "replica set|replica sets"))),
    "jobs": KindWords("jobs", "job", Pool(("batch job|batch jobs",))),
    "cronjobs": KindWords(
        "cronjobs",
        "cronjob",
        Pool(("cron job|cron jobs", "cj"), ("scheduled job|scheduled jobs",)),
    ),
    "configmaps": KindWords("configmaps", "configmap", Pool(("cm", "config map|config maps"))),
    "secrets": KindWords("secrets", "secret", Pool(())),
    "namespaces": KindWords("namespaces", "namespace", Pool(("ns",))),
    "nodes": KindWords(
        "nodes", "node", Pool((), ("worker node|worker nodes",), ("machine|machines",))
    ),
    "ingresses": KindWords("ingresses", "ingress", Pool(("ing",), ("ingress rule|ingress rules",))),
    "persistentvolumeclaims": KindWords(
        "persistentvolumeclaims",
        "persistentvolumeclaim",
        Pool(("pvc", "pvc|pvcs"), ("volume claim|volume claims",)),
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
