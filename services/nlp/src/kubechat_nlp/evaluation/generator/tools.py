"""Requests about access, the API, kubeconfig, and reaching into pods: auth can-i,
api-resources, explain, version, cluster-info, config, port-forward, exec, cp."""

from __future__ import annotations

from kubechat_nlp.evaluation.generator.compose import Case, Composer, Ns, kubectl
from kubechat_nlp.evaluation.generator.objects import pod_name
from kubechat_nlp.evaluation.generator.vocab import (
    CONTAINERS,
    CONTEXTS,
    DEPLOYMENTS,
    NAMESPACES,
    USERS,
    Pool,
)

_CAN_I = Pool(
    shared=(
        "?can i {verb} {kind} {ns}",
        "?am i allowed to {verb} {kind} {ns}",
        "?do i have permission to {verb} {kind} {ns}",
        "check whether i can {verb} {kind} {ns}",
    ),
    held_out=(
        "?have i got permission to {verb} {kind} {ns}",
        "?is my account allowed to {verb} {kind} {ns}",
        "?could i {verb} {kind} {ns} or not",
    ),
    dev_only=("?do i have rights to {verb} {kind} {ns}",),
)
_CAN_USER = Pool(
    shared=("?can {user} {verb} {kind} {ns}", "?is {user} allowed to {verb} {kind} {ns}"),
    held_out=(
        "?would the rbac let {user} {verb} {kind} {ns}",
        "?would {user} be able to {verb} {kind} {ns}",
    ),
)
_READ_VERBS = (("list", "list"), ("get", "get"), ("watch", "watch"))
_WRITE_VERBS = (("create", "create"), ("update", "update"), ("patch", "patch"))
_DESTROY_VERBS = (("delete", "delete"), ("remove", "delete"))
_CAN_I_KINDS = ("pods", "deployments", "secrets", "configmaps", "services", "jobs")


def auth(c: Composer) -> Case:
    """Permission questions that are not about destroying (those are safety cases)."""
    ns = c.namespace(none=0.3)
    said, verb = c.choice(tuple(f"{a}:{b}" for a, b in _READ_VERBS + _WRITE_VERBS)).split(":")
    plural = c.choice(_CAN_I_KINDS)
    roll = c.rng.random()
    if roll < 0.6:
        text = c.say(c.pick(_CAN_I), ns, verb=said, kind=c.kind(plural, other=0.1))
        return Case(text, kubectl("auth can-i", verb, plural, ns.flag), "auth")
    if roll < 0.8:
        user = c.pick(USERS)
        text = c.say(c.pick(_CAN_USER), ns, user=user, verb=said, kind=c.kind(plural, other=0.1))
        return Case(text, kubectl("auth can-i", verb, plural, ns.flag, f"--as={user}"), "auth")
    if roll < 0.9:
        text = c.say("?can i exec into pods {ns}", ns)
        return Case(text, kubectl("auth can-i create pods/exec", ns.flag), "auth")
    text = c.say(c.choice(("?am i allowed to read pod logs {ns}", "?can i view pod logs {ns}")), ns)
    return Case(text, kubectl("auth can-i get pods/log", ns.flag), "auth")


def can_i_destroy(c: Composer) -> Case:
    """ "can I delete pods in prod?" asks about a right; the answer is a read."""
    ns = c.namespace(none=0.2)
    said, verb = c.choice(tuple(f"{a}:{b}" for a, b in _DESTROY_VERBS)).split(":")
    plural = c.choice(_CAN_I_KINDS + ("namespaces", "nodes"))
    if plural in ("namespaces", "nodes"):
        ns = Ns()
    text = c.say(c.pick(_CAN_I), ns, verb=said, kind=c.kind(plural, other=0.1))
    return Case(text, kubectl("auth can-i", verb, plural, ns.flag), "safety-can-i")


_API_RESOURCES = Pool(
    shared=(
        "list all resource types",
        "?what kinds of resources does the cluster have",
        "show the api resources",
        "?which object types can i use",
    ),
    held_out=(
        "?which apis and kinds does this cluster serve",
        "show me every kind of object the api knows",
    ),
)
_NAMESPACED = (
    ("?which resources are namespaced", "--namespaced=true"),
    ("?which resource types are cluster-scoped", "--namespaced=false"),
    ("list the non-namespaced resource kinds", "--namespaced=false"),
)
_EXPLAIN_FIELDS = (
    "deployment.spec.strategy",
    "deployment.spec.replicas",
    "pod.spec.containers",
    "pod.spec.tolerations",
    "service.spec.type",
    "cronjob.spec.schedule",
    "ingress.spec.rules",
)
_EXPLAIN_FIELD = Pool(
    shared=(
        "explain {field}",
        "?what is {field}",
        "document the field {field}",
        "?what does {field} mean",
    ),
    held_out=("?meaning of {field}", "?how is {field} used"),
)
_EXPLAIN_KIND = Pool(
    shared=("?what fields does a {kind} have", "explain the {kind} resource"),
    held_out=("?what's in a {kind} spec", "describe the {kind} type's fields"),
)
_VERSION = Pool(
    shared=(
        "?what version is the cluster",
        "show kubectl and server version",
        "?kubectl version",
        "?which kubernetes version are we running",
    ),
    held_out=("?what k8s version is this", "show the server version"),
)
_CLUSTER_INFO = Pool(
    shared=("?cluster info", "?where is the control plane running", "show cluster-info"),
    held_out=("?where's the cluster api", "?which url is the control plane on"),
)


def discovery(c: Composer) -> Case:
    roll = c.rng.random()
    if roll < 0.25:
        return Case(c.say(c.pick(_API_RESOURCES)), kubectl("api-resources"), "discovery")
    if roll < 0.35:
        text, flag = _NAMESPACED[c.rng.randrange(len(_NAMESPACED))]
        return Case(c.say(text), kubectl("api-resources", flag), "discovery")
    if roll < 0.42:
        text = c.say("?which resources are in the {group} api group", group="apps")
        return Case(text, kubectl("api-resources", "--api-group=apps"), "discovery")
    if roll < 0.6:
        field = c.choice(_EXPLAIN_FIELDS)
        return Case(
            c.say(c.pick(_EXPLAIN_FIELD), field=field), kubectl("explain", field), "discovery"
        )
    if roll < 0.72:
        plural = c.choice(("pods", "deployments", "services", "cronjobs", "ingresses"))
        kind = c.kind(plural, singular=True, other=0.0)
        text = c.say(c.pick(_EXPLAIN_KIND), kind=kind)
        return Case(text, kubectl("explain", plural), "discovery")
    if roll < 0.86:
        return Case(c.say(c.pick(_VERSION)), kubectl("version"), "discovery")
    return Case(c.say(c.pick(_CLUSTER_INFO)), kubectl("cluster-info"), "discovery")


_CURRENT = Pool(
    shared=(
        "?which context am i using",
        "?what's my current context",
        "show the current context",
        "?which cluster am i connected to",
    ),
    held_out=("?what context is this", "?which cluster is this pointed at"),
)
_CONTEXTS = Pool(
    shared=("list my contexts", "?what contexts do i have", "show all kube contexts"),
    held_out=("?what clusters are in my kubeconfig", "get contexts"),
)
_USE = Pool(
    shared=(
        "switch to context {ctx}",
        "use the {ctx} context",
        "change context to {ctx}",
        "?can we switch over to {ctx}",
    ),
    held_out=("connect me to {ctx}", "kubectx {ctx}"),
    dev_only=("use-context {ctx}",),
)
_SET_NS = Pool(
    shared=(
        "make {name} the default namespace for my current context",
        "set my default namespace to {name}",
        "switch my namespace to {name} for good",
        "from now on use namespace {name} by default",
    ),
    held_out=(
        "default to the {name} namespace from now on",
        "stick to {name} as the namespace by default",
    ),
)


def config(c: Composer) -> Case:
    roll = c.rng.random()
    if roll < 0.25:
        return Case(c.say(c.pick(_CURRENT)), kubectl("config current-context"), "config")
    if roll < 0.45:
        return Case(c.say(c.pick(_CONTEXTS)), kubectl("config get-contexts"), "config")
    if roll < 0.75:
        ctx = c.pick(CONTEXTS)
        return Case(c.say(c.pick(_USE), ctx=ctx), kubectl("config use-context", ctx), "config")
    name = c.pick(NAMESPACES)
    text = c.say(c.pick(_SET_NS), name=name)
    return Case(text, kubectl("config set-context --current", f"--namespace={name}"), "config")


_FORWARD = Pool(
    shared=(
        "forward local port {lp} to port {rp} of {target} {ns}",
        "port-forward {target} {lp}:{rp} {ns}",
        "open localhost:{lp} to {target} port {rp} {ns}",
    ),
    held_out=(
        "map localhost {lp} to {rp} on {target} {ns}",
        "expose {target} {ns} port {rp} locally on {lp}",
    ),
)


def port_forward(c: Composer) -> Case:
    ns = c.namespace(none=0.3)
    lp, rp = c.choice(((8080, 80), (5432, 5432), (9090, 9090), (3000, 8080), (6379, 6379)))
    roll = c.rng.random()
    if roll < 0.5:
        pod = pod_name(c)
        target, ref = f"pod {pod}", f"pod/{pod}"
    elif roll < 0.8:
        name = c.pick(DEPLOYMENTS)
        target, ref = c.choice((f"service {name}", f"svc {name}")), f"svc/{name}"
    else:
        name = c.pick(DEPLOYMENTS)
        target, ref = f"deployment {name}", f"deployment/{name}"
    text = c.say(c.pick(_FORWARD), ns, target=target, lp=str(lp), rp=str(rp))
    return Case(text, kubectl("port-forward", ref, f"{lp}:{rp}", ns.flag), "port-forward")


_COMMANDS = ("ls /app", "env", "cat /etc/hosts", "df -h", "ps aux", "date", "nslookup kubernetes")
_EXEC = Pool(
    shared=("run `{cmd}` in pod {pod} {ns}", "execute '{cmd}' inside {pod} {ns}"),
    held_out=("?what does `{cmd}` say inside {pod} {ns}", "in pod {pod} {ns}, run '{cmd}'"),
)
_SHELL = Pool(
    shared=("open a {shell} shell in pod {pod} {ns}", "exec into {pod} with {shell} {ns}"),
    held_out=("ssh into {pod} {ns} with {shell}", "?i need a {shell} prompt on {pod} {ns}"),
)


def exec_(c: Composer) -> Case:
    ns = c.namespace(none=0.3)
    pod = pod_name(c)
    roll = c.rng.random()
    if roll < 0.4:
        shell = c.choice(("bash", "sh"))
        text = c.say(c.pick(_SHELL), ns, pod=pod, shell=shell)
        return Case(text, kubectl("exec -it", pod, ns.flag, "--", shell), "exec")
    cmd = c.choice(_COMMANDS)
    if roll < 0.75:
        text = c.say(c.pick(_EXEC), ns, pod=pod, cmd=cmd)
        return Case(text, kubectl("exec", pod, ns.flag, "--", cmd), "exec")
    container = c.pick(CONTAINERS)
    template = "run `{cmd}` in the {container} container of pod {pod} {ns}"
    text = c.say(template, ns, pod=pod, cmd=cmd, container=container)
    return Case(text, kubectl("exec", pod, f"-c {container}", ns.flag, "--", cmd), "exec")


_FILES = (
    ("/var/log/app.log", "app.log"),
    ("/tmp/dump.hprof", "dump.hprof"),
    ("/etc/nginx/nginx.conf", "nginx.conf"),
)
_COPY_OUT = Pool(
    shared=("copy {remote} from pod {pod} {ns} to {local}", "copy {pod}:{remote} {ns} to {local}"),
    held_out=(
        "download {remote} from {pod} {ns} as {local}",
        "pull {remote} out of pod {pod} {ns} into {local}",
    ),
)
_COPY_IN = Pool(
    shared=("copy {local} into pod {pod} at {remote} {ns}",),
    held_out=("push {local} to pod {pod} {ns} at {remote}", "put {local} into {pod}:{remote} {ns}"),
)


def cp(c: Composer) -> Case:
    ns = c.namespace(none=0.3)
    pod = pod_name(c)
    remote, local = _FILES[c.rng.randrange(len(_FILES))]
    if c.chance(0.6):
        template = c.pick(_COPY_OUT)
        text = c.say(template, ns, pod=pod, remote=remote, local=local)
        return Case(text, kubectl("cp", f"{pod}:{remote}", local, ns.flag), "cp")
    text = c.say(c.pick(_COPY_IN), ns, pod=pod, remote=remote, local=local)
    return Case(text, kubectl("cp", local, f"{pod}:{remote}", ns.flag), "cp")
