"""The Helm chart (charts/kubechat): lint it, render it and check what a cluster would get.

helm is built from the Go module proxy by scripts/install-helm.sh into the cache outside the
repo. Without it these tests are skipped with that command, unless KUBECHAT_REQUIRE_HELM=1
(CI), which turns the skip into a failure. The last test applies every rendered object to the
real test bed API server as a server-side dry run, so the API server validates the schema.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from kubernetes import client
from kubernetes.dynamic import DynamicClient

from kubechat.config import DEMO_SECRETS
from kubechat_audit.config import AuditSettings
from kubechat_devstack.bus import NATS_PERMISSIONS, REDIS_ACCESS, deployed_nats_authorization
from kubechat_devstack.cluster import ClusterHandle
from kubechat_devstack.processes import cache_dir
from kubechat_executor.config import ExecutorSettings
from kubechat_gateway.config import GatewaySettings
from kubechat_identity.config import IdentitySettings
from kubechat_nlp.config import NlpSettings

ROOT = Path(__file__).parent.parent
CHART = ROOT / "charts" / "kubechat"
INSTALL = ROOT / "scripts" / "install-helm.sh"
RELEASE = "kc"
NAMESPACE = "kubechat-chart"
SETTINGS: dict[str, type[Any]] = {
    "gateway": GatewaySettings,
    "nlp": NlpSettings,
    "executor": ExecutorSettings,
    "audit": AuditSettings,
    "identity": IdentitySettings,
}
GRPC_SERVICES = ("nlp", "executor", "audit", "identity")
# What a production install sets: the chart refuses to render without these.
PRODUCTION = {
    "secrets.existingSecret": "kubechat-secrets",
    "config.oidcIssuer": "https://sso.example.com/realms/kubechat",
}

Manifest = dict[str, Any]
Render = Callable[..., list[Manifest]]


def helm_path() -> Path | None:
    version = re.search(r"HELM_VERSION:-([0-9.]+)}", INSTALL.read_text())
    assert version, "scripts/install-helm.sh names no default HELM_VERSION"
    built = cache_dir() / f"helm-v{version.group(1)}" / "helm"
    if built.exists():
        return built
    found = shutil.which("helm")
    return Path(found) if found else None


@pytest.fixture(scope="module")
def helm() -> Path:
    path = helm_path()
    if path is None:
        message = "helm is missing; run: bash scripts/install-helm.sh"
        if os.environ.get("KUBECHAT_REQUIRE_HELM") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return path


def run_helm(helm: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own binary and arguments
        [str(helm), *args], capture_output=True, text=True, timeout=120, check=False
    )


def set_args(values: dict[str, str]) -> list[str]:
    return [arg for key, value in values.items() for arg in ("--set-string", f"{key}={value}")]


@pytest.fixture(scope="module")
def render(helm: Path) -> Render:
    def render(values: dict[str, str] | None = None) -> list[Manifest]:
        result = run_helm(
            helm, "template", RELEASE, str(CHART), "--namespace", NAMESPACE,
            *set_args(PRODUCTION if values is None else values),
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        return [doc for doc in yaml.safe_load_all(result.stdout) if doc]

    return render


@pytest.fixture(scope="module")
def manifests(render: Render) -> list[Manifest]:
    return render()


def one(manifests: list[Manifest], kind: str, name: str) -> Manifest:
    found = [m for m in manifests if m["kind"] == kind and m["metadata"]["name"] == name]
    assert len(found) == 1, f"expected one {kind} {name}, found {len(found)}"
    return found[0]


def name_of(service: str) -> str:
    return f"{RELEASE}-kubechat-{service}"


def container(manifests: list[Manifest], service: str) -> Manifest:
    pod = one(manifests, "Deployment", name_of(service))["spec"]["template"]["spec"]
    (only,) = pod["containers"]
    return dict(only)


def env_of(manifests: list[Manifest], service: str) -> dict[str, Manifest]:
    return {e["name"]: e for e in container(manifests, service)["env"]}


def labels_match(selector: dict[str, str], labels: dict[str, str]) -> bool:
    return selector.items() <= labels.items()


def test_lint_passes_for_production_values(helm: Path) -> None:
    result = run_helm(helm, "lint", "--strict", str(CHART), *set_args(PRODUCTION))
    assert result.returncode == 0, result.stdout + result.stderr


def test_each_service_scales_on_its_own(manifests: list[Manifest]) -> None:
    for service in SETTINGS:
        name = name_of(service)
        deployment = one(manifests, "Deployment", name)
        pod_labels = deployment["spec"]["template"]["metadata"]["labels"]
        # Replicas belong to the HPA; a fixed count would fight it on every upgrade.
        assert "replicas" not in deployment["spec"]
        assert labels_match(deployment["spec"]["selector"]["matchLabels"], pod_labels)
        hpa = one(manifests, "HorizontalPodAutoscaler", name)
        assert hpa["spec"]["scaleTargetRef"] == {
            "apiVersion": "apps/v1",
            "kind": "Deployment",
            "name": name,
        }
        assert hpa["spec"]["minReplicas"] >= 2  # a PDB with minAvailable 1 needs two
        pdb = one(manifests, "PodDisruptionBudget", name)
        assert labels_match(pdb["spec"]["selector"]["matchLabels"], pod_labels)
        assert labels_match(one(manifests, "Service", name)["spec"]["selector"], pod_labels)
        policy = one(manifests, "NetworkPolicy", name)
        assert labels_match(policy["spec"]["podSelector"]["matchLabels"], pod_labels)
        account = one(manifests, "ServiceAccount", name)
        pod = deployment["spec"]["template"]["spec"]
        assert pod["serviceAccountName"] == name
        assert account["automountServiceAccountToken"] is (service == "executor")


def test_grpc_probes_use_each_services_plaintext_health_port(manifests: list[Manifest]) -> None:
    # kubelet's grpc probes present no client certificate, so they cannot pass the mTLS
    # port; each service also serves health alone, in plaintext, on the health port.
    config = one(manifests, "ConfigMap", f"{RELEASE}-kubechat-config")["data"]
    health = int(config["KUBECHAT_HEALTH_PORT"])
    for service in GRPC_SERVICES:
        port = SETTINGS[service]().grpc_port
        main = container(manifests, service)
        for probe in ("startupProbe", "livenessProbe", "readinessProbe"):
            assert main[probe]["grpc"] == {"port": health}, (service, probe)
        assert main["ports"] == [
            {"name": "grpc", "containerPort": port},
            {"name": "health", "containerPort": health},
        ]
        assert env_of(manifests, service)["KUBECHAT_GRPC_PORT"]["value"] == str(port)
        service_ports = one(manifests, "Service", name_of(service))["spec"]["ports"]
        assert [p["port"] for p in service_ports] == [port]


def test_gateway_probes_http_and_serves_both_apis(manifests: list[Manifest]) -> None:
    defaults = GatewaySettings()
    main = container(manifests, "gateway")
    ports = {p["name"]: p["containerPort"] for p in main["ports"]}
    assert ports == {"http": defaults.http_port, "grpc": defaults.public_grpc_port}
    assert main["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}
    assert main["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "http"}
    service = one(manifests, "Service", name_of("gateway"))
    assert {p["port"] for p in service["spec"]["ports"]} == set(ports.values())


def test_the_public_grpc_port_serves_tls_from_its_own_secret(
    manifests: list[Manifest], render: Render
) -> None:
    pod = one(manifests, "Deployment", name_of("gateway"))["spec"]["template"]["spec"]
    volumes = {v["name"]: v for v in pod["volumes"]}
    assert volumes["public-tls"]["secret"]["secretName"] == f"{name_of('gateway')}-public-tls"
    mounts = {m["name"]: m["mountPath"] for m in container(manifests, "gateway")["volumeMounts"]}
    config = one(manifests, "ConfigMap", f"{RELEASE}-kubechat-config")["data"]
    for setting, file in (("CERT", "tls.crt"), ("KEY", "tls.key")):
        assert config[f"KUBECHAT_PUBLIC_GRPC_TLS_{setting}"] == f"{mounts['public-tls']}/{file}"
    assert "KUBECHAT_PUBLIC_GRPC_PLAINTEXT" not in {**config, **env_of(manifests, "gateway")}
    off = render({**PRODUCTION, "gateway.publicGrpcPort": "0"})
    pod = one(off, "Deployment", name_of("gateway"))["spec"]["template"]["spec"]
    assert "public-tls" not in {v["name"] for v in pod["volumes"]}


def test_every_service_verifies_nats_and_redis_against_the_bus_ca(
    manifests: list[Manifest], helm: Path
) -> None:
    config = one(manifests, "ConfigMap", f"{RELEASE}-kubechat-config")["data"]
    for service in SETTINGS:
        pod = one(manifests, "Deployment", name_of(service))["spec"]["template"]["spec"]
        volumes = {v["name"]: v for v in pod["volumes"]}
        assert volumes["bus-ca"]["secret"]["secretName"] == f"{RELEASE}-kubechat-bus-ca"
        mounts = {m["name"]: m["mountPath"] for m in container(manifests, service)["volumeMounts"]}
        for setting in ("KUBECHAT_NATS_TLS_CA", "KUBECHAT_REDIS_TLS_CA"):
            assert config[setting] == f"{mounts['bus-ca']}/ca.crt"
    # Off only where the URLs themselves ask for TLS (--set: a boolean, not a string).
    off = ("--set", "bus.tls.enabled=false")
    plain = run_helm(helm, "template", RELEASE, str(CHART), *set_args(PRODUCTION), *off)
    assert plain.returncode != 0 and "bus.tls.enabled=false is refused" in plain.stderr
    by_url = {
        **PRODUCTION,
        "config.natsUrl": "tls://nats.example:4222",
        "config.redisUrl": "rediss://redis.example:6380/0",
    }
    rendered = run_helm(helm, "template", RELEASE, str(CHART), *set_args(by_url), *off)
    assert rendered.returncode == 0, rendered.stderr


def test_production_values_carry_no_demo_secret(manifests: list[Manifest]) -> None:
    rendered = yaml.safe_dump_all(manifests)
    values = (CHART / "values.yaml").read_text()
    for secret in DEMO_SECRETS:
        assert secret not in rendered and secret not in values, secret


def test_gateway_reaches_each_peer_at_its_service(manifests: list[Manifest]) -> None:
    config = one(manifests, "ConfigMap", f"{RELEASE}-kubechat-config")["data"]
    for peer in GRPC_SERVICES:
        host, port = config[f"KUBECHAT_{peer.upper()}_ADDRESS"].split(":")
        service = one(manifests, "Service", host)
        # Headless: the gateway's round_robin channel sees every replica, not one virtual IP.
        assert service["spec"]["clusterIP"] == "None"
        assert int(port) == SETTINGS[peer]().grpc_port
    assert config["KUBECHAT_ENVIRONMENT"] == "production"
    assert config["KUBECHAT_GRPC_HOST"] == config["KUBECHAT_HTTP_HOST"] == "0.0.0.0"  # noqa: S104


# Who may call each internal service: the gateway, and nlp for the executor's cluster views.
CALLERS = {"executor": ("gateway", "nlp")}


def test_only_the_gateway_may_call_the_internal_services(manifests: list[Manifest]) -> None:
    for service in GRPC_SERVICES:
        policy = one(manifests, "NetworkPolicy", name_of(service))["spec"]
        assert policy["policyTypes"] == ["Ingress"]
        (rule,) = policy["ingress"]
        callers = CALLERS.get(service, ("gateway",))
        assert len(rule["from"]) == len(callers)
        for peer, caller in zip(rule["from"], callers, strict=True):
            assert set(peer) == {"podSelector"}, "no namespace or IP block may call it"
            for other in ("gateway", *GRPC_SERVICES):
                other_pods = one(manifests, "Deployment", name_of(other))["spec"]["template"]
                assert labels_match(
                    peer["podSelector"]["matchLabels"], other_pods["metadata"]["labels"]
                ) == (other == caller), (service, caller, other)
        assert rule["ports"] == [{"port": "grpc", "protocol": "TCP"}]
    # The gateway is the entry point: open to everyone on its two ports by default.
    gateway = one(manifests, "NetworkPolicy", name_of("gateway"))["spec"]
    (rule,) = gateway["ingress"]
    assert "from" not in rule
    assert {p["port"] for p in rule["ports"]} == {"http", "grpc"}


def test_each_service_mounts_its_own_certificate_and_only_the_gateway_the_signing_key(
    manifests: list[Manifest],
) -> None:
    config = one(manifests, "ConfigMap", f"{RELEASE}-kubechat-config")["data"]
    for service in SETTINGS:
        pod = one(manifests, "Deployment", name_of(service))["spec"]["template"]["spec"]
        volumes = {v["name"]: v for v in pod["volumes"]}
        assert volumes["mesh-tls"]["secret"]["secretName"] == f"{name_of(service)}-tls"
        caller = volumes["caller-key"]["secret"]
        assert caller["secretName"] == f"{RELEASE}-kubechat-caller-keys"
        wanted = "signing.key" if service == "gateway" else "signing.pub"
        assert [item["key"] for item in caller["items"]] == [wanted]
        mounts = {m["name"]: m["mountPath"] for m in container(manifests, service)["volumeMounts"]}
        for setting in ("KUBECHAT_TLS_CERT", "KUBECHAT_TLS_KEY", "KUBECHAT_TLS_CA"):
            assert config[setting].startswith(mounts["mesh-tls"] + "/")
        setting = "KUBECHAT_CALLER_" + ("SIGNING_KEY" if service == "gateway" else "PUBLIC_KEY")
        assert config[setting] == f"{mounts['caller-key']}/{wanted}"
    assert "KUBECHAT_INSECURE_INTERNAL" not in config


def test_the_executor_may_only_impersonate(manifests: list[Manifest]) -> None:
    roles = [m for m in manifests if m["kind"] in ("ClusterRole", "Role")]
    assert [r["metadata"]["name"] for r in roles] == [f"{name_of('executor')}-impersonate"]
    (rule,) = roles[0]["rules"]
    assert rule == {
        "apiGroups": [""],
        "resources": ["users", "groups", "serviceaccounts"],
        "verbs": ["impersonate"],
    }
    bindings = [m for m in manifests if m["kind"] in ("ClusterRoleBinding", "RoleBinding")]
    (binding,) = bindings
    assert binding["roleRef"]["name"] == roles[0]["metadata"]["name"]
    assert binding["subjects"] == [
        {"kind": "ServiceAccount", "name": name_of("executor"), "namespace": NAMESPACE}
    ]
    kubeconfig = one(manifests, "ConfigMap", f"{name_of('executor')}-kubeconfig")
    user = yaml.safe_load(kubeconfig["data"]["config"])["users"][0]["user"]
    # Its own projected token, read from the file the kubelet keeps fresh; no stored secret.
    assert user == {"tokenFile": "/var/run/secrets/kubernetes.io/serviceaccount/token"}


def test_more_secrets_are_wired_by_key_never_by_value(render: Render) -> None:
    hec = "audit.secretEnv.KUBECHAT_SPLUNK_HEC_TOKEN"
    env = env_of(render({**PRODUCTION, hec: "splunk-hec-token"}), "audit")
    assert env["KUBECHAT_SPLUNK_HEC_TOKEN"]["valueFrom"]["secretKeyRef"] == {
        "name": PRODUCTION["secrets.existingSecret"],
        "key": "splunk-hec-token",
    }


def test_secrets_come_only_from_the_existing_secret(manifests: list[Manifest]) -> None:
    assert not [m for m in manifests if m["kind"] == "Secret"]
    expected = {
        "gateway": {"KUBECHAT_DATABASE_URL", "KUBECHAT_CONFIRMATION_SEAL_KEY"},
        "executor": {"KUBECHAT_DATABASE_URL", "KUBECHAT_ENCRYPTION_KEY"},
        "identity": {"KUBECHAT_KEYCLOAK_ADMIN_CLIENT_SECRET"},
    }
    for service, names in expected.items():
        env = env_of(manifests, service)
        for name in names:
            ref = env[name]["valueFrom"]["secretKeyRef"]
            assert ref["name"] == PRODUCTION["secrets.existingSecret"]
            assert "optional" not in ref, f"{service} must not start without {name}"
    for service in SETTINGS:
        for name, entry in env_of(manifests, service).items():
            if "value" in entry:
                assert not re.search(r"(KEY|SECRET|PASSWORD|TOKEN|DATABASE_URL)$", name), name


def test_every_setting_the_chart_sets_exists(manifests: list[Manifest]) -> None:
    # A misspelt KUBECHAT_* name is silently ignored by pydantic-settings.
    fields = {
        service: {f"KUBECHAT_{name.upper()}" for name in settings.model_fields}
        for service, settings in SETTINGS.items()
    }
    shared = one(manifests, "ConfigMap", f"{RELEASE}-kubechat-config")["data"]
    for name in shared:
        assert any(name in known for known in fields.values()), f"{name} is not a setting"
    for service in SETTINGS:
        for name in env_of(manifests, service):
            assert name in fields[service], f"{service}: {name} is not a setting"


def test_pods_run_as_non_root_with_a_read_only_root(manifests: list[Manifest]) -> None:
    for service in SETTINGS:
        pod = one(manifests, "Deployment", name_of(service))["spec"]["template"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert pod["securityContext"]["runAsUser"] != 0
        main = container(manifests, service)
        assert main["securityContext"]["readOnlyRootFilesystem"] is True
        assert main["securityContext"]["allowPrivilegeEscalation"] is False
        assert main["securityContext"]["capabilities"] == {"drop": ["ALL"]}
        assert {"cpu", "memory"} <= set(main["resources"]["requests"])
        assert {"cpu", "memory"} <= set(main["resources"]["limits"])
        assert main["image"] == f"kubechat/{service}:0.1.0"


@pytest.mark.parametrize(
    ("values", "complaint"),
    [
        ({}, "secrets.existingSecret is required"),
        ({**PRODUCTION, "secrets.keys.encryptionKey": ""}, "secrets.keys.encryptionKey"),
        ({**PRODUCTION, "config.oidcIssuer": ""}, "config.oidcIssuer is required"),
        ({**PRODUCTION, "config.clickhouseUrl": ""}, "config.clickhouseUrl is required"),
        ({**PRODUCTION, "gateway.authMode": "dev"}, "gateway.authMode must be oidc"),
        ({**PRODUCTION, "bus.natsPasswordKeys.audit": ""}, "bus.natsPasswordKeys.audit"),
        ({**PRODUCTION, "bus.redisPasswordKeys.nlp": ""}, "bus.redisPasswordKeys.nlp"),
        ({**PRODUCTION, "executor.env.KUBECHAT_ENCRYPTION_KEY": "x"}, "looks like a secret"),
        ({"environment": "staging"}, "environment must be dev, test or production"),
    ],
)
def test_production_refuses_to_render_without_real_secrets(
    helm: Path, values: dict[str, str], complaint: str
) -> None:
    result = run_helm(helm, "template", RELEASE, str(CHART), *set_args(values))
    assert result.returncode != 0
    assert complaint in result.stderr


def test_dev_renders_without_a_secret(render: Render) -> None:
    manifests = render({"environment": "dev", "gateway.authMode": "dev"})
    env = env_of(manifests, "executor")
    assert "KUBECHAT_ENCRYPTION_KEY" not in env  # the service falls back to its dev key
    config = one(manifests, "ConfigMap", f"{RELEASE}-kubechat-config")["data"]
    assert config["KUBECHAT_ENVIRONMENT"] == "dev"
    # The root filesystem is read-only: SQLite must live in the pod's /tmp volume.
    assert config["KUBECHAT_DATABASE_URL"] == "sqlite:////tmp/kubechat.db"


def test_each_service_reaches_nats_and_redis_as_its_own_user(manifests: list[Manifest]) -> None:
    for service in SETTINGS:
        env = env_of(manifests, service)
        for store, users in (("nats", NATS_PERMISSIONS), ("redis", REDIS_ACCESS)):
            user, password = f"KUBECHAT_{store.upper()}_USER", f"KUBECHAT_{store.upper()}_PASSWORD"
            if service not in users:
                assert user not in env and password not in env, (service, store)
                continue
            assert env[user]["value"] == service
            assert env[password]["valueFrom"]["secretKeyRef"] == {
                "name": PRODUCTION["secrets.existingSecret"],
                "key": f"{store}-{service}-password",
            }
    # The NATS users and permissions the chart ships are the ones the dev stack enforces.
    shipped = one(manifests, "ConfigMap", f"{RELEASE}-kubechat-nats-authorization")["data"]
    assert shipped["nats-authorization.conf"] == deployed_nats_authorization().rstrip("\n")


# -- the real API server ----------------------------------------------------------------


@pytest.fixture(scope="module")
def chart_namespace(kube_cluster: ClusterHandle) -> Iterator[client.ApiClient]:
    api = kube_cluster.api_client("admin")
    core = client.CoreV1Api(api)
    core.create_namespace(client.V1Namespace(metadata=client.V1ObjectMeta(name=NAMESPACE)))
    try:
        yield api
    finally:
        core.delete_namespace(NAMESPACE)
        api.close()  # type: ignore[no-untyped-call]


@pytest.mark.e2e
def test_the_api_server_accepts_every_object(
    manifests: list[Manifest], chart_namespace: client.ApiClient
) -> None:
    """Server-side dry run: the API server validates schema, probes and RBAC objects."""
    dynamic = DynamicClient(chart_namespace)  # type: ignore[no-untyped-call]
    refused = []
    for manifest in manifests:
        resource = dynamic.resources.get(api_version=manifest["apiVersion"], kind=manifest["kind"])
        namespace = NAMESPACE if resource.namespaced else None
        try:
            dynamic.create(  # type: ignore[no-untyped-call]
                resource, body=manifest, namespace=namespace, dry_run="All"
            )
        except client.ApiException as exc:
            refused.append(f"{manifest['kind']} {manifest['metadata']['name']}: {exc.body}")
    assert not refused, "\n".join(refused)


@pytest.mark.e2e
def test_the_executor_account_can_impersonate_and_nothing_else(
    manifests: list[Manifest], chart_namespace: client.ApiClient
) -> None:
    """Apply the executor's account and RBAC for real and ask the authorizer what it may do."""
    dynamic = DynamicClient(chart_namespace)  # type: ignore[no-untyped-call]
    rbac = [
        m
        for m in manifests
        if m["kind"] in ("ClusterRole", "ClusterRoleBinding")
        or (m["kind"] == "ServiceAccount" and m["metadata"]["name"] == name_of("executor"))
    ]
    created = []
    try:
        for manifest in rbac:
            resource = dynamic.resources.get(
                api_version=manifest["apiVersion"], kind=manifest["kind"]
            )
            namespace = NAMESPACE if resource.namespaced else None
            dynamic.create(resource, body=manifest, namespace=namespace)  # type: ignore[no-untyped-call]
            created.append((resource, manifest["metadata"]["name"], namespace))
        account = f"system:serviceaccount:{NAMESPACE}:{name_of('executor')}"
        authorization = client.AuthorizationV1Api(chart_namespace)

        def allowed(verb: str, resource: str, group: str = "") -> bool:
            review = client.V1SubjectAccessReview(
                spec=client.V1SubjectAccessReviewSpec(
                    user=account,
                    groups=["system:serviceaccounts", f"system:serviceaccounts:{NAMESPACE}"],
                    resource_attributes=client.V1ResourceAttributes(
                        verb=verb, resource=resource, group=group, namespace="default"
                    ),
                )
            )
            answer = authorization.create_subject_access_review(review)
            return answer.status is not None and bool(answer.status.allowed)

        assert allowed("impersonate", "users")
        assert allowed("impersonate", "groups")
        assert allowed("impersonate", "serviceaccounts")
        assert not allowed("list", "pods")
        assert not allowed("get", "secrets")
        assert not allowed("patch", "deployments", "apps")
        assert not allowed("create", "clusterrolebindings", "rbac.authorization.k8s.io")
    finally:
        for resource, name, namespace in reversed(created):
            dynamic.delete(resource, name=name, namespace=namespace)  # type: ignore[no-untyped-call]
