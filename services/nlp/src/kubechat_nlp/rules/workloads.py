"""Rules for changing workloads and objects."""

from __future__ import annotations

import json
import re

from kubechat_nlp.kinds import KindInfo
from kubechat_nlp.model import Clarification, ParamValue
from kubechat_nlp.rules.common import (
    QUANTITY,
    Ctx,
    Draft,
    Result,
    clarify,
    draft_for,
    duration,
    first_int,
    kv_tokens,
)
from kubechat_nlp.slots import names_after

WORKLOADS = ("deployments", "statefulsets", "replicasets", "replicationcontrollers")


def build_scale(c: Ctx) -> Result:
    current = first_int(
        c,
        r"\bcurrent (?:size|replicas|replica count|scale) is (\d+)"
        r"|\bcurrently (?:has|at|is at|running|runs) (\d+)"
        r"|\bonly if (?:it )?(?:currently )?(?:has|is at|runs) (\d+)"
        r"|\bfrom (\d+) to\b",
    )
    replicas = first_int(
        c,
        r"\bto (\d+)\b|\b(\d+) (?:replicas?|instances|copies|pods)\b"
        r"|\breplicas? (?:to |= ?|of )?(\d+)\b",
    )
    if replicas is None and c.u.search(r"\b(down to zero|to zero|scale down completely)\b"):
        replicas = 0
    s = c.common()
    if s.files:
        d = Draft("scale", slots=s, params={"filename": s.files})
    else:
        d = draft_for(c, "scale", s, WORKLOADS)
        # "6 pods" counts replicas: only workloads scale, so another kind is not the target
        d.kinds = [k for k in d.kinds if k.ref.plural in WORKLOADS]
        if not d.kinds:
            d.kinds, d.guessed_kind = [c.kind(WORKLOADS[0])], True
    if replicas is None:
        relative = c.u.search(r"\b(double|triple|halve|quadruple|by \d+ ?(%|percent))")
        question = "How many replicas?"
        if relative:
            question = (
                f"How many replicas in total? ('{relative.group(0)}' depends on the current "
                "count, which I do not know.)"
            )
        return Clarification(question, ("1", "2", "3"), resume="{text} to {answer} replicas")
    d.params["replicas"] = replicas
    if current is not None:
        d.params["current_replicas"] = current
    if not d.names and not s.files and not s.selector:
        return clarify("Which workload should I scale?")
    return [d]


def build_rollout(c: Ctx) -> Result:
    u = c.u
    if u.search(
        r"\b(roll ?back|undo|revert|previous (revision|version|deployment))\b"
        r"|\broll\b.{0,40}\bback\b"
    ):
        verb = "rollout.undo"
    elif u.search(r"\b(history|revisions)\b"):
        verb = "rollout.history"
    elif u.search(r"\b(status|progress|rolling update|finished|complete|completion)\b"):
        verb = "rollout.status"
    elif u.search(r"\b(resume|resuming|unpause|continue)\b"):
        verb = "rollout.resume"
    elif u.search(r"\bpaused?\b|\bpausing\b"):
        verb = "rollout.pause"
    else:
        verb = "rollout.restart"
    revision = first_int(c, r"\b(?:to )?revision (?:number )?(\d+)\b")
    s = c.common()
    d = draft_for(c, verb, s, ("deployments",))
    d.kinds = [k for k in d.kinds if k.ref.plural in ("deployments", "statefulsets", "daemonsets")]
    if not d.kinds:
        pods = any(m.info.ref.plural == "pods" for m in u.mentions)
        if pods and verb == "rollout.restart":
            return clarify(
                "Pods cannot be restarted in place; delete the pod so its controller "
                "re-creates it, or restart its deployment?",
                "restart the owning deployment",
                "delete the pod",
            )
        d.kinds = [c.kind("deployments")]
        d.guessed_kind = True
    if revision is not None and verb == "rollout.undo":
        d.params["to_revision"] = revision
    every = u.search(r"\b(all|every|each)\b")
    if not d.names and not s.selector and not every:
        return clarify(f"Which {d.kinds[0].ref.kind.lower()}?")
    return [d]


def build_autoscale(c: Ctx) -> Result:
    u = c.u
    params: dict[str, ParamValue] = {}
    m = u.search(r"\bbetween (\d+) and (\d+)\b|\bfrom (\d+) to (\d+)\b")
    if m:
        lo, hi = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        params["min"], params["max"] = int(lo), int(hi)
        u.mark_groups(m)
    for key, pattern in (
        ("min", r"\bmin(?:imum)?(?: of| =|=| replicas)? ?(\d+)\b"),
        (
            "max",
            r"\bmax(?:imum)?(?: of| =|=| replicas)? ?(\d+)\b|\bup to (\d+)\b"
            r"|\b(?:at most|no more than) (\d+)\b",
        ),
    ):
        if key not in params:
            value = first_int(c, pattern)
            if value is not None:
                params[key] = value
    m = u.search(
        rf"\bcpu(?: utilization| usage)?(?: at| of| to)? ({QUANTITY})"
        rf"|({QUANTITY}) cpu\b|\baverage cpu (?:of )?({QUANTITY})"
    )
    if m:
        raw = next(g for g in m.groups() if g)
        params["cpu"] = raw if raw.endswith(("%", "m")) else raw + "%"
    m = u.search(rf"\bmemory(?: utilization| usage)?(?: at| of| to)? ({QUANTITY})")
    if m:
        params["memory"] = u.group_text(m)
    s = c.common()
    d = draft_for(c, "autoscale", s, ("deployments",))
    d.kinds = [k for k in d.kinds if k.ref.plural != "horizontalpodautoscalers"][:1] or [
        c.kind("deployments")
    ]
    if "max" not in params:
        return clarify("Up to how many replicas?")
    d.params.update(params)
    if not d.names:
        return clarify("Which workload should I autoscale?")
    return [d]


def _image_pairs(c: Ctx) -> list[str]:
    u = c.u
    pairs = [p for p in kv_tokens(c) if not p.startswith(("app=", "tier="))]
    if pairs:
        return pairs
    # "the www container ... to image:v2, and its busybox container ... to busybox": pair the
    # named containers with the images that follow them, in order.
    containers: list[int] = []
    images: list[int] = []
    for i in range(len(u)):
        if (
            u.norms[i] in ("container", "containers")
            and i > 0
            and u.is_name(i - 1)
            and (u.norms[i - 1] not in ("all", "every", "each"))
        ):
            containers.append(i - 1)
        if (
            i > 0
            and u.norms[i - 1] in ("to", "=")
            and (u.is_name(i) or ":" in u.norms[i])
            and (containers and (not images or images[-1] < containers[-1]))
        ):
            images.append(i)
    if containers and len(containers) == len(images):
        u.used.update(images)
        return [
            f"{u.text_of(ci)}={u.text_of(ii)}" for ci, ii in zip(containers, images, strict=True)
        ]
    m = u.search(r"\bto (\S+) (?:version )?(\d[\w.-]*)(?: version)?\b")
    image: str | None = None
    if m and not re.search(r"[:/]", m.group(1)):
        image = f"{u.group_text(m, 1)}:{m.group(2)}"
        u.mark_groups(m)
    else:
        m = u.search(r"\b(?:to|with|=) (\S*[:/]\S*)")
        if m:
            image = u.group_text(m)
            u.mark_groups(m)
    if image is None:
        return []
    container = (
        "*"
        if u.search(r"\b(all|every|each) (the )?containers?\b")
        else (image.split(":")[0].rsplit("/", 1)[-1])
    )
    return [f"{container}={image}"]


def build_set_image(c: Ctx) -> Result:
    pairs = _image_pairs(c)
    s = c.common()
    every = c.u.search(r"\ball (?:the )?(?:deployments|daemonsets|statefulsets|rc|deployments')")
    d = draft_for(c, "set.image", s, ("deployments",))
    if not pairs:
        return clarify("Which image should the containers run?")
    d.params["images"] = pairs
    if every and not d.names:
        d.params["all"] = True
        d.verb = "set.image"
    if not d.names and not d.params.get("all"):
        return clarify("Which workload should I update?")
    return [d]


def build_set_env(c: Ctx) -> Result:
    u = c.u
    params: dict[str, ParamValue] = {}
    m = u.search(r"\bfrom (?:the )?(secret|config ?map|configmap) (\S+)")
    if m:
        kind = "secret" if m.group(1) == "secret" else "configmap"
        params["from"] = f"{kind}/{u.group_text(m, 2)}"
        u.mark_groups(m)
    m = u.search(r"\bprefix (\S+)")
    if m:
        params["prefix"] = u.group_text(m)
        u.mark_groups(m)
    env: list[str] = []
    m = u.search(
        r"\b(?:remove|delete|unset|drop) (?:the )?(?:environment variable|env var|"
        r"variable|env) (\S+)"
    )
    if m:
        env.append(u.group_text(m) + "-")
        u.mark_groups(m)
    env += kv_tokens(c)
    m = u.search(
        r"\b(?:set|setting) (?:the )?(\S+) (?:environment variable|env var|variable) to (\S+)"
    )
    if m:
        env.append(f"{u.group_text(m, 1)}={u.group_text(m, 2)}")
        u.mark_groups(m)
    if u.search(r"\b(list|show|display|print|what)\b"):
        params["list"] = True
    s = c.common()
    d = draft_for(c, "set.env", s, ("deployments",))
    if env:
        params["env"] = env
    d.params.update(params)
    if not env and "from" not in params and "list" not in params:
        return clarify("Which environment variable, and what value?")
    if not d.names:
        return clarify("Which workload?")
    return [d]


def build_set_resources(c: Ctx) -> Result:
    u = c.u
    limits: dict[str, str] = {}
    requests: dict[str, str] = {}
    mode: dict[str, str] | None = None
    pending: str | None = None
    for i, word in enumerate(u.norms):
        if word.startswith("limit"):
            mode = limits
        elif word.startswith("request"):
            mode = requests
        elif word in ("cpu", "memory"):
            pending = word
        elif pending and re.fullmatch(QUANTITY, word):
            target = mode
            if target is None:
                ahead = " ".join(u.norms[i - 3 : i])
                target = requests if "request" in ahead else limits
            target[pending] = u.text_of(i)
            pending = None
            u.used.add(i)
    container = None
    m = u.search(r"\b(\S+) container\b|\bcontainer (\S+)")
    if m:
        idx = u.index_at(m.start(1) if m.group(1) else m.start(2))
        if u.is_name(idx):
            container = u.text_of(idx)
            u.used.add(idx)
    s = c.common()
    d = draft_for(c, "set.resources", s, ("deployments",))
    if container and not u.search(r"\ball containers\b"):
        d.params["container"] = container
    if limits:
        d.params["limits"] = ",".join(f"{k}={v}" for k, v in sorted(limits.items()))
    if requests:
        d.params["requests"] = ",".join(f"{k}={v}" for k, v in sorted(requests.items()))
    if not limits and not requests:
        return clarify("Which requests or limits (e.g. cpu=200m,memory=512Mi)?")
    if not d.names:
        if container:
            d.names = [container]
        else:
            return clarify("Which workload?")
    return [d]


def build_set_serviceaccount(c: Ctx) -> Result:
    m = c.u.search(r"\bservice ?account to (\S+)")
    if not m:
        return clarify("Which service account?")
    sa = c.u.group_text(m)
    c.u.mark_groups(m)
    s = c.common()
    d = draft_for(c, "set.serviceaccount", s, ("deployments",))
    d.kinds = [k for k in d.kinds if k.ref.plural != "serviceaccounts"] or [c.kind("deployments")]
    d.params["serviceaccount"] = sa
    return [d]


def build_label(c: Ctx) -> Result:
    u = c.u
    annotate = bool(u.search(r"\bannotat"))
    verb = "annotate" if annotate else "label"
    noun = r"(?:annotations?|labels?)"
    pairs: list[str] = []
    m = u.search(
        rf"\b(?:remove|delete|removing|deleting|drop|clear)\w* (?:the |an? )?{noun}"
        rf"(?: named| called| key)? (\S+)"
    )
    if m:
        pairs.append(u.group_text(m) + "-")
        u.mark_groups(m)
    m = u.search(rf"\b{noun} (\S+) and (?:the )?value (\S+)")
    if m:
        pairs.append(f"{u.group_text(m, 1)}={u.group_text(m, 2)}")
        u.mark_groups(m)
    m = u.search(rf"\b{noun} (?:of )?(\S+) (?:on \S+ \S+ )?with (?:the )?(?:new )?(?:value )?(\S+)")
    if m and not pairs and "=" not in m.group(1) + m.group(2):
        pairs.append(f"{u.group_text(m, 1)}={u.group_text(m, 2)}")
        u.mark_groups(m)
    selector = None
    m = u.search(r"\b(?:with|having|matching) (?:the )?labels? (\S+=\S*)")
    if m and u.search(r"\bwith (?:the )?labels? \S+=\S* (?:with|to|as) \S+=") or (m and annotate):
        selector = u.group_text(m)
        u.mark_groups(m)
    if not pairs:
        pairs = kv_tokens(c)
    if not pairs:
        m = u.search(r"\bwith (\S+) ('?)(__quoted__)")
        if m:
            idx = u.index_at(m.start(3))
            pairs.append(f"{u.group_text(m, 1)}={u.tokens[idx].text}")
            u.mark_groups(m)
    s = c.common()
    if selector:
        s.selector = selector
    d = draft_for(c, verb, s, ("pods",), allow_bare=True)
    d.kinds = d.kinds[:1]
    if u.search(rf"\b(list|show|display|what)\b.*\b{noun}\b"):
        d.params["list"] = True
        return [d] if d.names else clarify("Of which object?")
    if u.search(r"\b(overwrite|overwriting|replace|replacing|overwritten)\b"):
        d.params["overwrite"] = True
    if not pairs:
        return clarify(f"Which {verb} (key=value)?")
    d.params["annotations" if annotate else "labels"] = pairs
    if not d.names and not s.selector:
        if u.search(r"\b(all|every|each)\b"):
            d.params["all"] = True
        else:
            return clarify("On which object?")
    return [d]


_PROBE_RE = r"\b(liveness|readiness|startup) ?probe\b"


def build_patch(c: Ctx) -> Result:
    u = c.u
    patch: object | None = None
    ptype: str | None = None
    sub: str | None = None
    json_mode = bool(u.search(r"\bjson patch\b"))
    lit = next((t.text for t in u.tokens if t.text.strip()[:1] in "{["), None)
    if lit:
        try:
            patch = json.loads(lit)
        except ValueError:
            patch = None
    if patch is None:
        if u.search(r"\bunschedulable\b"):
            patch = {"spec": {"unschedulable": True}}
        elif u.search(r"\bschedulable\b"):
            patch = {"spec": {"unschedulable": False}}
        elif u.search(r"\bfinalizers?\b"):
            patch = {"metadata": {"finalizers": []}}
            ptype = "merge"
        elif u.search(r"\breplica"):
            n = first_int(c, r"\bto (\d+)\b|(\d+) replicas")
            patch = {"spec": {"replicas": n}}
            if u.search(r"\bscale subresource\b"):
                sub, ptype = "scale", "merge"
        elif m := u.search(_PROBE_RE):
            probe = m.group(1) + "Probe"
            ptype = "json"
            pod = u.search(r"\bpods?\b")
            base = "/spec/containers/0" if pod else "/spec/template/spec/containers/0"
            patch = [{"op": "remove", "path": f"{base}/{probe}"}]
        elif m := u.search(r"\bimage\b.*\bwith (\S+:\S+)|\bimage\b.*\bto (\S+:\S+)"):
            image = m.group(1) or m.group(2)
            idx = u.index_at(m.start(1) if m.group(1) else m.start(2))
            image = u.text_of(idx)
            u.used.add(idx)
            pod = u.search(r"\bpods?\b")
            base = "/spec/containers/0" if pod else "/spec/template/spec/containers/0"
            if json_mode or u.search(r"\bpositional\b"):
                ptype = "json"
                patch = [{"op": "replace", "path": f"{base}/image", "value": image}]
            else:
                return clarify("Use `set image` for image changes?")
    if patch is None:
        return clarify("What should the patch change?")
    if json_mode and ptype is None:
        ptype = "json"
    elif ptype is None and u.search(r"\bmerge patch\b"):
        ptype = "merge"
    s = c.common()
    d = draft_for(c, "patch", s, ("deployments",))
    d.kinds = d.kinds[:1]
    if ptype:
        d.params["type"] = ptype
    if sub:
        d.params["subresource"] = sub
    d.params["patch"] = json.dumps(patch, separators=(",", ":"))
    if not d.names:
        return clarify("Which object should I patch?")
    return [d]


def build_edit(c: Ctx) -> Result:
    s = c.common()
    d = draft_for(c, "edit", s, ("deployments",))
    d.kinds = d.kinds[:1]
    if s.output:
        d.params["output"] = s.output
    if c.u.search(r"\bsave\b.*\b(config|annotation)\b"):
        d.params["save_config"] = True
    if not d.names:
        return clarify("Which object should I edit?")
    return [d]


def build_delete(c: Ctx) -> Result:
    u = c.u
    s = c.common()
    from kubechat_nlp.slots import field_selector

    s.field_selector = field_selector(u)
    params: dict[str, ParamValue] = {}
    if s.files:
        params["filename"] = s.files
    if s.kustomize:
        params["kustomize"] = s.kustomize
    if u.search(r"\bforce\w*\b|\bforcefully\b"):
        params["force"] = True
    grace = first_int(c, r"\bgrace period (?:of )?(\d+)")
    if grace is not None:
        params["grace_period"] = grace
    elif u.search(r"\b(no grace period|immediately|right now|without waiting)\b"):
        params["now"] = True
    if u.search(r"\b(confirm|confirms|interactive|interactively|ask me)\b"):
        params["interactive"] = True
    if params.get("filename") or params.get("kustomize"):
        return [Draft("delete", slots=s, params=params)]
    t = c.target(allow_bare=True)
    kinds = [k for k in t.kinds if k.ref.plural != "all"]
    if not kinds:
        if t.names:
            return clarify(
                f"What kind of object is {t.names[0]}?",
                *(f"{k} {t.names[0]}" for k in ("pod", "deployment", "service")),
            )
        return clarify(
            "What exactly should I delete? Name the kind and the objects, e.g. "
            "'delete pod web-1 in prod'."
        )
    d = Draft("delete", kinds, t.names, True, s, params)
    if not d.names and not s.selector and not s.field_selector:
        if u.search(r"\b(all|every|each)\b"):
            d.params["all"] = True
        else:
            return clarify(f"Which {kinds[0].ref.plural}?", f"all {kinds[0].ref.plural}")
    return [d]


def build_apply(c: Ctx) -> Result:
    u = c.u
    s = c.common()
    if u.search(r"\blast[- ]applied\b"):
        d = draft_for(c, "apply.view-last-applied", s, ("deployments",))
        if s.output:
            d.params["output"] = s.output
        return [d]
    if s.kustomize:
        return [Draft("apply", slots=s, params={"kustomize": s.kustomize})]
    if not s.files:
        return clarify("Which manifest file, directory or URL?")
    d = Draft("apply", slots=s, params={"filename": s.files})
    if u.search(r"\b(prune|delete all other|remove all other|not in the file)\b"):
        d.params["prune"] = True
    return [d]


def build_file_verb(c: Ctx, verb: str) -> Result:
    s = c.common()
    if not s.files:
        return clarify("Which manifest file?")
    d = Draft(verb, slots=s, params={"filename": s.files})
    if verb == "replace" and c.u.search(r"\bforce"):
        d.params["force"] = True
    return [d]


def _command_argv(c: Ctx) -> list[str]:
    u = c.u
    for i, tok in enumerate(u.tokens):
        if (
            tok.quoted
            and i not in u.used
            and (
                (i > 0 and u.norms[i - 1] in ("run", "running", "execute", "the", "to", "command"))
                or (i + 1 < len(u) and u.norms[i + 1] == "command")
            )
        ):
            u.used.add(i)
            return tok.text.split()
    m = u.search(
        r"\b(?:run|running|execute|executing)(?: the)?(?: command)? (.+?) (?:in|on|inside|"
        r"from|within|against) (?:the |an? |existing |running |first )*(?:pod|container"
        r"|deployment|service|\S+-\S+)"
    )
    if m:
        words = u.group_text(m).split()
        u.mark_groups(m)
        return words
    m = u.search(r"\bcommand (.+?) (?:in|on|inside) ")
    if m:
        u.mark_groups(m)
        return u.group_text(m).split()
    return []


def _owner_first(kinds: list[KindInfo]) -> list[KindInfo]:
    """'the first pod of service x': the addressed object is the owner, not the pod."""
    owners = [k for k in kinds if k.ref.plural != "pods"]
    return owners[:1] or kinds[:1]


def _exec_target(c: Ctx, d: Draft) -> None:
    u = c.u
    m = u.search(
        r"\b(?:in |from |of )?(?:the )?container (\S+)|\bthe (\S+) container\b"
        r"|\b(?:in|from|into) (\S+-container)\b|\b-c (\S+)"
    )
    if m:
        g = next(i for i in (1, 2, 3, 4) if m.group(i))
        idx = u.index_at(m.start(g))
        if u.is_name(idx) and u.norms[idx] not in ("first", "running"):
            d.params["container"] = u.text_of(idx)
            u.mark_groups(m)


def build_exec(c: Ctx) -> Result:
    u = c.u
    d = Draft("exec")
    _exec_target(c, d)
    shell = u.search(
        r"\b(shell|bash|sh|zsh|terminal|console|ssh|interactive|interactively)\b"
        r"|\b(?:exec|get|go|hop) (into)\b"
    )
    argv = _command_argv(c)
    if not argv and shell:
        word = shell.group(1) or ""
        argv = [word] if word in ("bash", "sh", "zsh") else ["/bin/sh"]
    if shell or u.search(r"(^| )-it( |$)"):
        d.params["stdin"] = True
        d.params["tty"] = True
    s = c.common()
    t = c.target()
    d.kinds, d.names, d.explicit_kind, d.slots = (
        _owner_first(t.kinds),
        t.names[:1],
        t.explicit_kind,
        s,
    )
    if not d.kinds:
        d.kinds = [c.kind("pods")]
        d.guessed_kind = True
    if not argv:
        return clarify("Which command should I run?", "/bin/sh")
    d.params["argv"] = argv
    if not d.names:
        return clarify("In which pod?")
    return [d]


def build_attach(c: Ctx) -> Result:
    d = Draft("attach")
    _exec_target(c, d)
    if c.u.search(r"\battach\b|\binteractive|\bstdin\b"):
        d.params["stdin"] = True
    s = c.common()
    t = c.target()
    d.kinds, d.names, d.slots = t.kinds[:1] or [c.kind("pods")], t.names[:1], s
    if not d.names:
        return clarify("Attach to which pod?")
    return [d]


def build_port_forward(c: Ctx) -> Result:
    u = c.u
    local = None
    remote = None
    m = u.search(r"\b(\d+|:\d+):(\d+|\w[\w-]*)\b")
    if m:
        local, remote = m.group(1), m.group(2)
    else:
        m = u.search(
            r"\b(?:on|local) (?:local )?port (\d+)"
            r"|\bforward(?:ing)? (?:local )?(?:port )?(\d+) to\b"
        )
        if m:
            local = m.group(1) or m.group(2)
            u.mark_groups(m)
        elif u.search(r"\brandom (local )?port\b"):
            local = ""
        m = u.search(
            r"\bto (?:the )?(?:port |targetport )?(\d+)\b|\btarget port with name (\S+)"
            r"|\bport named (\S+)|\bforward(?:ing)? to (?:port )?(\d+)"
        )
        if m:
            g = next(i for i in (1, 2, 3, 4) if m.group(i))
            remote = u.group_text(m, g)
            u.mark_groups(m)
        if remote is None:
            free = [m2 for m2 in u.finditer(r"\bport (\d+)") if m2.group(1) != local]
            if free:
                remote = free[-1].group(1)
                u.mark_groups(free[-1])
        if local is None:
            local = remote
    if remote is None:
        return clarify("Which port should I forward?")
    ports = remote if local == remote else f"{local}:{remote}"
    d = Draft("port-forward", params={"ports": [ports]})
    if u.search(r"\ball addresses\b|\b0\.0\.0\.0\b"):
        d.params["address"] = "0.0.0.0"
    owner = u.search(r"\b(?:created|managed|owned) by (?:the )?(?:deployment )?(\S+)")
    s = c.common()
    if owner and u.is_name(u.group_index(owner)):
        d.kinds, d.names, d.slots = [c.kind("deployments")], [u.group_text(owner)], s
        return [d]
    t = c.target()
    d.kinds, d.names, d.slots = _owner_first(t.kinds) or [c.kind("pods")], t.names[:1], s
    if not d.names:
        return clarify("Forward to which pod or service?")
    return [d]


def build_cp(c: Ctx) -> Result:
    u = c.u
    paths = [(i, t.text) for i, t in enumerate(u.tokens) if t.text.startswith(("/", "./", "~/"))]
    m = u.search(r"\bpod (\S+)")
    if len(paths) != 2 or not m:
        return clarify("Copy what, from where to where?")
    pod = u.group_text(m)
    u.mark_groups(m)
    m_ns = u.search(r"\bnamespace (\S+)")
    if m_ns:
        pod = f"{u.group_text(m_ns)}/{pod}"
        u.mark_groups(m_ns)
    (i_a, a), (i_b, b) = paths
    between = " ".join(u.norms[i_a:i_b])
    remote_first = (
        bool(re.search(r"\bfrom (?:the )?(?:remote )?pod\b", between))
        or bool(u.search(r"\bfrom (?:the )?remote pod\b"))
        and not re.search(r"\bto\b", between[:3])
    )
    d = Draft("cp")
    if remote_first:
        d.params.update(source=f"{pod}:{a}", destination=b)
    else:
        d.params.update(source=a, destination=f"{pod}:{b}")
    cm = u.search(r"\bcontainer (\S+)")
    if cm:
        d.params["container"] = u.group_text(cm)
    return [d]


def build_debug(c: Ctx) -> Result:
    u = c.u
    d = Draft("debug")
    m = u.search(r"\bcopy of (\S+) named (\S+)")
    if m:
        d.names = [u.group_text(m, 1)]
        d.params["copy_to"] = u.group_text(m, 2)
        u.mark_groups(m)
    m = u.search(r"\b(?:using|image) (\S+)")
    if m and "copy_to" not in d.params:
        d.params["image"] = u.group_text(m)
        u.mark_groups(m)
    m = u.search(r"\bimages? to (\S+)")
    if m:
        d.params["set_image"] = f"*={u.group_text(m)}"
        u.mark_groups(m)
    if u.search(r"\binteractive|attach\b"):
        d.params["interactive"] = True
    s = c.common()
    d.slots = s
    if not d.names:
        t = c.target()
        d.kinds, d.names = t.kinds[:1] or [c.kind("pods")], t.names[:1]
    else:
        d.kinds = [c.kind("pods")]
    if not d.names:
        return clarify("Debug which pod or node?")
    return [d]


def build_wait(c: Ctx) -> Result:
    u = c.u
    d = Draft("wait")
    timeout = None
    m = u.search(r"\btimeout (?:of )?(\S+)")
    if m:
        timeout = duration(m.group(1))
        u.mark_groups(m)
    if u.search(r"\b(be |is |get )?deleted\b|\bdeletion\b|\bgone\b"):
        d.params["for"] = "delete"
    else:
        m = u.search(
            r"\bcondition (?:of type )?(\S+)|\b(?:become|becomes|be|is) (ready|available|"
            r"complete)\b"
        )
        cond = (m.group(1) or m.group(2)) if m else "ready"
        idx = u.index_at(m.start(1) if m and m.group(1) else m.start(2)) if m else -1
        text = u.text_of(idx) if m and m.group(1) else cond
        d.params["for"] = f"condition={text}"
        if m:
            u.mark_groups(m)
    if timeout:
        d.params["timeout"] = timeout
    s = c.common()
    t = c.target()
    d.kinds, d.names, d.slots = t.kinds[:1] or [c.kind("pods")], t.names[:1], s
    if not d.names:
        return clarify("Wait for which object?")
    return [d]


__all__ = ["names_after"]
