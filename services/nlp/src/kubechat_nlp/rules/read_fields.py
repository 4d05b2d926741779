"""Fields a list is asked to show instead of whole objects ("the images of the pods", "the
taints of the nodes", "the value of key x in configmap y"): jsonpath or custom columns."""

from __future__ import annotations

from kubechat_nlp.rules.common import Ctx, Draft

# The word image, never part of a name ("service image-resizer"); the other field words
# likewise ("pod release-phase-7f…").
IMAGE_WORD = r"(?<![\w-])images?(?![\w-])"

# Where a kind keeps its pod template: a deployment's images are under .spec.template.spec,
# a cronjob's one level deeper; a pod's under .spec.
_POD_SPEC = {
    "deployments": ".spec.template.spec",
    "statefulsets": ".spec.template.spec",
    "daemonsets": ".spec.template.spec",
    "replicasets": ".spec.template.spec",
    "replicationcontrollers": ".spec.template.spec",
    "jobs": ".spec.template.spec",
    "cronjobs": ".spec.jobTemplate.spec.template.spec",
}


def projection(c: Ctx, d: Draft) -> None:
    """Fields the user asked to see instead of whole objects (jsonpath / custom-columns)."""
    u = c.u
    fields: list[tuple[str, str]] = []
    m = u.search(r"\bthe (\S+) label of\b|\blabel (\S+) of\b")
    if m:
        key = m.group(1) or m.group(2)
        fields.append((key.upper(), f".metadata.labels.{key}"))
    m = u.search(
        r"\b(?:value of )?(?:the )?key (?:with dots )?(\S+) (?:from|in|of) (?:the )?"
        r"(?:configmap|config map|secret)"
    )
    if m:
        key = u.group_text(m).replace(".", "\\.")
        fields.append(("VALUE", f".data.{key}"))
        u.mark_groups(m)
    if u.search(r"\bexternal ?ips?\b|\bexternal (ip )?addresses\b"):
        fields.append(("EXTERNAL_IP", '.status.addresses[?(@.type=="ExternalIP")].address'))
    if u.search(r"\binternal ?ips?\b|\binternal (ip )?addresses\b"):
        fields.append(("INTERNAL_IP", '.status.addresses[?(@.type=="InternalIP")].address'))
    spec = _POD_SPEC.get(d.kinds[0].ref.plural, ".spec") if d.kinds else ".spec"
    if u.search(r"\b(container names? and images?|names? and images? of (the )?containers?)\b"):
        fields.append(("CONTAINER", f"{spec}.containers[*].name"))
        fields.append(("IMAGE", f"{spec}.containers[*].image"))
    elif u.search(IMAGE_WORD) and not u.search(r"\bimages? (to|=)"):
        fields.append(("IMAGE", f"{spec}.containers[*].image"))
    if u.search(r"(?<![\w-])(phase|status phase)(?![\w-])") and not d.slots.field_selector:
        fields.append(("PHASE", ".status.phase"))
    if u.search(r"\bwhich nodes are ready\b|\bready (status|condition)\b|\bnodes? readiness\b"):
        fields.append(("STATUS", '.status.conditions[?(@.type=="Ready")].status'))
    if u.search(r"(?<![\w-])taints?(?![\w-])"):
        fields += [
            ("TAINT_KEY", ".spec.taints[*].key"),
            ("TAINT_VALUE", ".spec.taints[*].value"),
            ("TAINT_EFFECT", ".spec.taints[*].effect"),
        ]
    if u.search(r"\bpod ips?\b|\bip address(es)? of (the )?pods?\b"):
        fields.append(("IP", ".status.podIP"))
    if not fields:
        return
    table = u.search(
        r"\bcustom[- ]columns?\b|\bcolumns\b|\bgrouped by\b|\bper pod\b|\btable\b"
        r"|\btaints?\b|\bwhich nodes are ready\b"
    )
    if table:
        cols = [] if "CONTAINER" in dict(fields) else [("NAME", ".metadata.name")]
        spec = ",".join(f"{h}:{p}" for h, p in [*cols, *fields])
        d.params["output"] = f"custom-columns={spec}"
        return
    single = bool(d.names)
    paths = " ".join(p for _, p in fields)
    prefix = "" if single else ".items[*]"
    d.params["output"] = "jsonpath={" + prefix + paths + "}"
