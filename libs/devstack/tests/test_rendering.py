"""Unit tests for the pure pieces of the test bed: tokens, kubeconfigs, manifests, kwok config."""

from __future__ import annotations

import ssl
from pathlib import Path

import yaml
from cryptography import x509

from kubechat_devstack import cluster, crds, pki, rbac, seed

UPSTREAM_POD_READY = """
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: pod-ready
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - key: '.metadata.deletionTimestamp'
      operator: 'DoesNotExist'
---
"""


def test_tokens_csv_round_trip_keeps_groups() -> None:
    users = [
        pki.TokenUser("admin", "t1", "1", ("system:masters",)),
        pki.TokenUser("alice", "t2", "2"),
        pki.TokenUser("svc", "t3", "3", ("a", "b")),
    ]
    text = pki.render_tokens_csv(users)
    # Several groups are one quoted CSV field, as kube-apiserver expects.
    assert 't3,svc,3,"a,b"' in text.splitlines()
    assert pki.parse_tokens_csv(text) == users


def test_kubeconfig_uses_token_and_ca(tmp_path: Path) -> None:
    ca = tmp_path / "ca.crt"
    text = pki.render_kubeconfig(
        server="https://127.0.0.1:6443", ca_file=ca, user="alice", token="tok"
    )
    config = yaml.safe_load(text)
    assert config["clusters"][0]["cluster"] == {
        "server": "https://127.0.0.1:6443",
        "certificate-authority": str(ca),
    }
    assert config["users"] == [{"name": "alice", "user": {"token": "tok"}}]
    assert config["current-context"] == config["contexts"][0]["name"]


def test_pki_serving_cert_verifies_against_ca(tmp_path: Path) -> None:
    paths = pki.make_pki(tmp_path)
    cert = x509.load_pem_x509_certificate(paths.apiserver_crt.read_bytes())
    sans = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert "localhost" in sans.get_values_for_type(x509.DNSName)
    assert {str(ip) for ip in sans.get_values_for_type(x509.IPAddress)} == {
        "127.0.0.1",
        pki.KUBERNETES_SERVICE_IP,
    }
    # The same check a client does: the CA file loads and the private keys are not world-readable.
    ssl.create_default_context(cafile=str(paths.ca_crt))
    assert paths.ca_key.stat().st_mode & 0o077 == 0


def test_token_users_cover_control_plane_and_personas() -> None:
    keys = [*cluster.CONTROL_PLANE_USERS, *(p.user for p in rbac.PERSONAS)]
    users = cluster.token_users({k: f"tok-{k}" for k in keys})
    by_name = {u.name: u for u in users}
    assert by_name["kubechat-admin"].groups == ("system:masters",)
    assert by_name[rbac.EXECUTOR_USER].groups == ()
    # Persona tokens carry no groups: group bindings are tested through impersonation.
    assert by_name["alice"].groups == ()
    assert len({u.token for u in users}) == len(users)


def test_rbac_objects_match_persona_table() -> None:
    objects = rbac.rbac_objects()
    bindings = {
        (o["kind"], o["metadata"].get("namespace"), o["roleRef"]["name"])
        for o in objects
        if "roleRef" in o
    }
    assert ("RoleBinding", "dev", "view") in bindings
    assert ("RoleBinding", "staging", "edit") in bindings
    assert ("RoleBinding", "prod", "edit") in bindings
    assert ("ClusterRoleBinding", None, "cluster-admin") in bindings
    impersonator = next(o for o in objects if o["kind"] == "ClusterRole")
    assert impersonator["rules"] == [
        {
            "apiGroups": [""],
            "resources": ["users", "groups", "serviceaccounts"],
            "verbs": ["impersonate"],
        }
    ]
    assert not any(
        o["kind"] == "RoleBinding"
        and o["metadata"]["namespace"] == "prod"
        and any(s["name"] == "alice" for s in o["subjects"])
        for o in objects
    )


def test_seed_objects_are_complete_and_unique() -> None:
    objects = seed.seed_objects()
    kinds = {o["kind"] for o in objects}
    assert {
        "Namespace",
        "Deployment",
        "Service",
        "ConfigMap",
        "Secret",
        "StatefulSet",
        "DaemonSet",
        "Job",
        "CronJob",
        "HorizontalPodAutoscaler",
        "Ingress",
        "PersistentVolumeClaim",
    } <= kinds
    keys = [(o["kind"], o["metadata"].get("namespace"), o["metadata"]["name"]) for o in objects]
    assert len(keys) == len(set(keys))
    assert objects[0]["kind"] == "Namespace"


def test_custom_resources_have_their_crds_and_roles_for_the_personas() -> None:
    definitions = {
        (o["spec"]["group"], o["spec"]["names"]["kind"]): o
        for o in crds.crd_objects()
        if o["kind"] == "CustomResourceDefinition"
    }
    for obj in crds.custom_objects():
        group, _, version = obj["apiVersion"].partition("/")
        definition = definitions[(group, obj["kind"])]
        assert obj["metadata"]["name"] and obj["metadata"]["namespace"] in seed.NAMESPACES
        assert [v["name"] for v in definition["spec"]["versions"]] == [version]
    roles = {o["metadata"]["name"]: o for o in crds.crd_objects() if o["kind"] == "ClusterRole"}
    view = roles["kubechat-seed:crds-view"]
    assert view["metadata"]["labels"]["rbac.authorization.k8s.io/aggregate-to-view"] == "true"
    assert set(view["rules"][0]["resources"]) == {"certificates", "kafkatopics"}
    assert "list" in view["rules"][0]["verbs"]


def test_cri_log_format() -> None:
    assert seed.cri_log(["a", "b"]) == (
        f"{seed.LOG_TIMESTAMP} stdout F a\n{seed.LOG_TIMESTAMP} stdout F b\n"
    )


def test_kwok_config_excludes_simulated_pods_from_pod_ready(tmp_path: Path) -> None:
    log_config = seed.write_log_files(tmp_path)
    docs = list(yaml.safe_load_all(cluster.kwok_config(UPSTREAM_POD_READY, log_config)))
    ready = next(d for d in docs if d["metadata"]["name"] == "pod-ready")
    assert {
        "key": f'.metadata.labels["{seed.SIMULATE_LABEL}"]',
        "operator": "DoesNotExist",
    } in ready["spec"]["selector"]["matchExpressions"]
    names = {d["metadata"]["name"] for d in docs}
    assert {"kubechat-crashloop-start", "kubechat-crashloop-restart", "kubechat-seed-logs"} <= names
    entry = next(e for e in docs[-1]["spec"]["logs"] if e.get("containers") == ["checkout"])
    assert "order placed" in Path(entry["logsFile"]).read_text()


def test_cluster_ports_are_distinct() -> None:
    ports = cluster.ClusterPorts.auto()
    values = list(vars(ports).values())
    assert len(set(values)) == len(values)


def test_cli_parses_cluster_commands() -> None:
    from kubechat_devstack.__main__ import build_parser

    args = build_parser().parse_args(["cluster-up", "--name", "x", "--nodes", "2", "--no-seed"])
    assert (args.name, args.nodes, args.seed) == ("x", 2, False)
