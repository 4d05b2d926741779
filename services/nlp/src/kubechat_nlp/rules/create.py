"""Rules for creating things: create <kind>, run, expose."""

from __future__ import annotations

import re

from kubechat_nlp.lexicon import STOPWORDS
from kubechat_nlp.model import ParamValue
from kubechat_nlp.rules.common import Ctx, Draft, Result, clarify, first_int, kv_tokens
from kubechat_nlp.slots import Slots
from kubechat_nlp.utterance import Utterance

_K8S_NAME = re.compile(r"[a-z0-9]([a-z0-9.-]*[a-z0-9])?")

_CREATE_KINDS = {
    "namespaces": "create.namespace",
    "deployments": "create.deployment",
    "jobs": "create.job",
    "cronjobs": "create.cronjob",
    "configmaps": "create.configmap",
    "serviceaccounts": "create.serviceaccount",
    "ingresses": "create.ingress",
    "poddisruptionbudgets": "create.poddisruptionbudget",
    "resourcequotas": "create.quota",
    "roles": "create.role",
    "clusterroles": "create.clusterrole",
    "rolebindings": "create.rolebinding",
    "clusterrolebindings": "create.clusterrolebinding",
    "secrets": "create.secret.generic",
    "services": "create.service",
}


def _said_name(u: Utterance, i: int) -> bool:
    """After 'named'/'called' any Kubernetes name is the name, even a word ('hello')."""
    if u.is_name(i):
        return True
    tok = u.tokens[i]
    return (
        i not in u.used
        and not tok.literal
        and tok.norm not in STOPWORDS
        and u.kind_at(i) is None
        and _K8S_NAME.fullmatch(tok.norm) is not None
    )


def _object_name(c: Ctx, after: int) -> str | None:
    u = c.u
    m = u.search(r"\b(?:named|called|name) (\S+)")
    if m and _said_name(u, u.group_index(m)):
        u.mark_groups(m)
        return u.group_text(m)
    for i in range(after, min(after + 2, len(u))):
        if u.is_name(i) and (u.tokens[i].quoted or not u.norms[i].isalpha() or i == after):
            u.used.add(i)
            return u.text_of(i)
    return None


def _image(c: Ctx) -> str | None:
    u = c.u
    for pattern in (
        r"\bimage[: ]+(?:of )?(\S+)",
        r"\b(?:runs|run|running|with|using) (?:the )?(\S+)"
        r" image\b",
        r"\b(\S+) image\b",
        r"\busing (\S+)",
    ):
        m = u.search(pattern)
        if not m:
            continue
        idx = u.group_index(m)
        if u.tokens[idx].literal or u.norms[idx] in (
            "the",
            "a",
            "an",
            "new",
            "same",
            "container",
            "with",
            "and",
            "that",
            "to",
        ):
            continue
        u.mark_groups(m)
        return u.text_of(idx)
    return None


def _argv(c: Ctx) -> list[str]:
    u = c.u
    m = u.search(r"\b(?:prints?|echoe?s?|says?|outputs?) (\S+)")
    if m:
        idx = u.group_index(m)
        u.mark_groups(m)
        return ["echo", u.text_of(idx)]
    m = u.search(r"\b(?:command|runs the command) (\S+)")
    if m and u.tokens[u.group_index(m)].quoted:
        u.mark_groups(m)
        return u.text_of(u.group_index(m)).split()
    return []


def _schedule(c: Ctx) -> str | None:
    u = c.u
    m = u.search(r"\bevery (\d+) minutes?\b")
    if m:
        return f"*/{m.group(1)} * * * *"
    if u.search(r"\bevery minute\b"):
        return "*/1 * * * *"
    m = u.search(r"\bevery (\d+) hours?\b")
    if m:
        return f"0 */{m.group(1)} * * *"
    if u.search(r"\b(every hour|hourly)\b"):
        return "0 * * * *"
    if u.search(r"\b(every day|daily|nightly|at midnight)\b"):
        return "0 0 * * *"
    if u.search(r"\b(every week|weekly)\b"):
        return "0 0 * * 0"
    m = u.search(r"\bschedule (\S+)")
    return u.group_text(m) if m else None


def _ports(c: Ctx) -> tuple[int | None, str | None]:
    u = c.u
    port = first_int(
        c,
        r"\b(?:on|serves on|serving on|expose|exposing|listen on|listens on|"
        r"as) (?:the )?(?:container )?port (\d+)\b|\bport (\d+)\b",
    )
    target = None
    m = u.search(
        r"\b(?:target(?:ing)?|connects? to|forwarding to|to)(?: the containers on)?"
        r"(?: container)? (?:target )?port (\d+)\b|\bcontainer port (\d+) as port (\d+)"
        r"|\btargeting (\d+)\b"
    )
    if m:
        if m.group(3):
            target, port = m.group(2), int(m.group(3))
        else:
            target = m.group(1) or m.group(4)
        u.mark_groups(m)
    return port, target


def build_create(c: Ctx) -> Result:
    u = c.u
    create_at = next(
        (
            i
            for i, w in enumerate(u.norms)
            if w
            in ("create", "make", "add", "new", "set", "start", "request", "generate", "launch")
        ),
        0,
    )
    mention = next((m for m in u.kind_mentions() if m.start >= create_at), None)
    if u.search(r"\btoken\b"):
        m = u.search(r"\bservice ?account (\S+)")
        if m:
            return [Draft("create.token", names=[u.group_text(m)], slots=c.common())]
    files_only = mention is None or u.search(
        r"\b(from|using|in) (?:the )?(?:resource )?"
        r"(?:definition )?files?\b"
    )
    s0 = Slots()
    if files_only:
        s0 = c.common()
        if s0.files:
            return [Draft("create", slots=s0, params={"filename": s0.files})]
    if mention is None:
        m = u.search(r"\b(?:single|one) instance of (\S+)|\bdeploy (\S+)")
        if m:
            name = u.group_text(m, 1 if m.group(1) else 2)
            return [
                Draft("create.deployment", names=[name], slots=c.common(), params={"image": name})
            ]
        return clarify("What should I create?", "deployment", "namespace", "configmap", "secret")
    plural = mention.info.ref.plural
    if plural == "pods":
        return build_run(c)
    verb = _CREATE_KINDS.get(plural)
    if verb is None:
        return clarify(
            f"I cannot create a {mention.info.ref.kind} from a description; "
            "give me a manifest file."
        )
    u.used.update(range(mention.start, mention.end))
    params: dict[str, ParamValue] = {}
    service_type = None
    if plural == "services":
        m = u.search(r"\b(clusterip|nodeport|loadbalancer|externalname)\b")
        service_type = m.group(1) if m else "clusterip"
        if m:
            u.mark_groups(m)
        if u.search(
            r"\bfor (?:the |a |an )?(?:\S+ )?(?:deployment|pod|replica|rc|rs|service|"
            r"replication|replicated)"
        ):
            return build_expose(c)
    tls = plural == "secrets" and u.search(r"\btls\b")
    obj_name = _object_name(c, mention.end)
    if verb in ("create.deployment", "create.job", "create.cronjob"):
        found_image = _image(c)
        if found_image:
            params["image"] = found_image
        replicas = first_int(c, r"\b(\d+) replicas?\b|\breplicas? (\d+)\b")
        if replicas is not None and verb == "create.deployment":
            params["replicas"] = replicas
        port, _ = _ports(c)
        if port is not None and verb == "create.deployment":
            params["port"] = port
        m = u.search(r"\bfrom (?:a |the )?cron ?job(?: named| called)? (\S+)")
        if m and verb == "create.job":
            params["from"] = f"cronjob/{u.group_text(m)}"
            u.mark_groups(m)
        if verb == "create.cronjob":
            sched = _schedule(c)
            if sched is None:
                return clarify("On what schedule (e.g. every 5 minutes)?")
            params["schedule"] = sched
        argv = _argv(c)
        if argv:
            params["argv"] = argv
        if "image" not in params and "from" not in params:
            return clarify("Which container image?")
    elif verb in ("create.configmap", "create.secret.generic"):
        if tls:
            verb = "create.secret.tls"
            files = [t.text for t in u.tokens if re.search(r"\.(crt|pem|cert)$", t.norm)]
            keys = [t.text for t in u.tokens if t.norm.endswith(".key")]
            if files:
                params["cert"] = files[0]
            if keys:
                params["key"] = keys[0]
        else:
            literals = kv_tokens(c)
            if literals:
                params["from_literal"] = literals
            for m in u.finditer(r"\b(?:folder|directory|file|files|path|dir)(?: path)? (\S+)"):
                if not literals and u.norms[u.group_index(m)] not in ("in", "the", "for"):
                    params["from_file"] = [u.group_text(m)]
                    u.mark_groups(m)
                    break
    elif verb == "create.service":
        port, target = _ports(c)
        if port is None:
            return clarify("On which port?")
        params["tcp"] = [f"{port}:{target or port}"]
    elif verb == "create.ingress":
        host = next(
            (
                t.text
                for t in u.tokens
                if re.match(r"^[\w-]+(\.[\w-]+)+(/\S*)?$", t.text)
                and not t.norm.endswith((".yaml", ".json"))
            ),
            None,
        )
        backend = next((t.text for t in u.tokens if re.match(r"^[\w-]+:\d+$", t.text)), None)
        if not host or not backend:
            return clarify("Which host/path and which service:port?")
        rule = f"{host}={backend}"
        m = u.search(r"\btls secret (\S+)|\bsecret (\S+)")
        if m:
            rule += f",tls={u.group_text(m, 1 if m.group(1) else 2)}"
        params["rule"] = [rule]
    elif verb == "create.poddisruptionbudget":
        kv = kv_tokens(c)
        if kv:
            params["selector"] = kv[0]
        m = u.search(r"\bat least (one|\d+%?)")
        if m:
            params["min_available"] = "1" if m.group(1) == "one" else m.group(1)
        m = u.search(r"\bat most (one|\d+%?) (?:\S+ )?unavailable")
        if m:
            params["max_unavailable"] = "1" if m.group(1) == "one" else m.group(1)
    elif verb == "create.quota":
        hard = [
            f"{m.group(2)}={m.group(1)}"
            for m in u.finditer(r"\b(\d+\w*) (pods|services|secrets|configmaps|cpu|memory)\b")
        ]
        if hard:
            params["hard"] = ",".join(hard)
        m = u.search(r"\b(?:with )?(?:the )?(\S+) scopes?\b")
        if m:
            params["scopes"] = u.group_text(m)
    elif verb in ("create.role", "create.clusterrole"):
        start = next(
            (
                i
                for i, w in enumerate(u.norms)
                if w in ("perform", "allows", "allow", "allowed", "can", "to")
            ),
            0,
        )
        verbs = [
            w
            for w in u.norms[start:]
            if w
            in ("get", "list", "watch", "create", "update", "patch", "delete", "deletecollection")
        ]
        if verbs:
            params["verb"] = sorted(set(verbs), key=verbs.index)
        resources = [
            m.info.ref.plural
            for m in u.mentions
            if m.info.ref.plural not in ("roles", "clusterroles")
        ]
        if resources:
            params["resource"] = resources
    elif verb in ("create.rolebinding", "create.clusterrolebinding"):
        m = u.search(
            r"\b(?:using|with|to|for|of) (?:the )?(\S+) (?:cluster ?role|role)\b"
            r"|\b(?:cluster ?role|role) (?!binding)(?:named |called )?(\S+)"
        )
        if m:
            key = "clusterrole" if u.search(r"\bcluster ?role\b") else "role"
            params[key] = u.group_text(m, 1 if m.group(1) else 2)
        m = u.search(r"\bservice ?account (\S+:\S+)")
        if m:
            params["serviceaccount"] = u.group_text(m)
        m = u.search(r"\buser (\S+)")
        if m:
            params["user"] = u.group_text(m)
    if service_type:
        params["type"] = service_type
    s = c.common()
    if not obj_name:
        return clarify(f"What should the new {mention.info.ref.kind} be called?")
    if verb == "create.namespace":
        s.namespace = None
    return [Draft(verb, names=[obj_name], slots=s, params=params)]


def build_run(c: Ctx) -> Result:
    u = c.u
    params: dict[str, ParamValue] = {}
    name = None
    m = u.search(r"\b(?:named|called) (\S+)")
    if m:
        name = u.group_text(m)
        u.mark_groups(m)
    image = None
    m = u.search(r"\(image (\S+)\)|\bimage (\S+)|\busing (\S+)")
    if m:
        g = next(i for i in (1, 2, 3) if m.group(i))
        image = u.text_of(u.index_at(m.start(g)))
        u.mark_groups(m)
    m = u.search(r"\b(?:an?|single instance of|one) (\S+) pod\b|\b(\S+) pod\b")
    word = None
    if m:
        g = 1 if m.group(1) else 2
        idx = u.index_at(m.start(g))
        if u.is_name(idx) or u.norms[idx] in ("nginx",):
            word = u.text_of(idx)
            u.used.add(idx)
    name = name or word
    image = image or word
    if not name or not image:
        return clarify("Which image should the pod run, and what should it be called?")
    params["image"] = image
    port = first_int(c, r"\bport (\d+)\b")
    if port is not None:
        params["port"] = port
    env = kv_tokens(c)
    m = u.search(r"\bsetting (?:the )?(\S+) (?:environment variable|env var|variable) to (\S+)")
    if m:
        env.append(f"{u.group_text(m, 1)}={u.group_text(m, 2)}")
    if env:
        params["env"] = env
    if u.search(r"\b(don't|do not|never) restart\b|\bno restarts?\b"):
        params["restart"] = "Never"
    if u.search(r"\b(interactive|shell|foreground|attach)\b"):
        params["stdin"] = True
        params["tty"] = True
    if u.search(r"\bshell\b"):
        params["argv"] = ["sh"]
    if u.search(r"\b(dry[- ]run|without creating|preview)\b"):
        params["dry_run"] = "client"
    s = c.common()
    return [Draft("run", names=[name], slots=s, params=params)]


def build_expose(c: Ctx) -> Result:
    u = c.u
    svc_name = None
    m = u.search(r"\bwith the name (\S+)|\bnamed (\S+)|\bcalled (\S+)")
    if m:
        g = next(i for i in (1, 2, 3) if m.group(i))
        svc_name = u.text_of(u.index_at(m.start(g)))
        u.mark_groups(m)
    port, target = _ports(c)
    m = u.search(r"\b(udp|tcp|sctp)\b")
    protocol = m.group(1).upper() if m else None
    s = c.common()
    params: dict[str, ParamValue] = {}
    if s.files:
        d = Draft("expose", slots=s)
        d.params["filename"] = s.files
    else:
        mentions = list(u.kind_mentions())
        target_mention = next((m for m in mentions[1:] if m.info.ref.plural != "services"), None)
        if target_mention is None and len(mentions) > 1:
            target_mention = mentions[1]
        if target_mention is None and mentions and mentions[0].info.ref.plural != "services":
            target_mention = mentions[0]
        if target_mention is None:
            return clarify("Expose which deployment or pod?")
        for m2 in mentions:
            u.used.update(range(m2.start, m2.end))
        from kubechat_nlp.slots import name_before, names_after

        names = names_after(u, target_mention.end) or [
            n for n in [name_before(u, target_mention)] if n
        ]
        if not names:
            return clarify("Expose which object?")
        d = Draft("expose", [target_mention.info], names[:1], True, s)
    if port is not None:
        params["port"] = port
    if target:
        params["target_port"] = target
    if svc_name:
        params["service_name"] = svc_name
    if protocol:
        params["protocol"] = protocol
    d.params.update(params)
    return [d]
