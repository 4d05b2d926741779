"""Rules for creating things: `create <kind>` (a pod or a Service for a workload are made by
`run_expose`)."""

from __future__ import annotations

import re

from kubechat_nlp.model import Clarification, ParamValue
from kubechat_nlp.rules import create_slots as cs
from kubechat_nlp.rules.bindings import binding_subjects
from kubechat_nlp.rules.common import Ctx, Draft, Result, clarify, first_int, kv_tokens
from kubechat_nlp.rules.job_from_cronjob import job_from_cronjob
from kubechat_nlp.rules.run_expose import build_expose, build_run
from kubechat_nlp.slots import Slots
from kubechat_nlp.utterance import KindMention

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


_CREATE_VERBS = frozenset(
    """create make add new set start request generate launch deploy scheduled schedule spin
run provision define declare""".split()
)
_BINDINGS = ("rolebindings", "clusterrolebindings")


def _workload(c: Ctx, verb: str, mention: KindMention | None, kind: str) -> Result:
    """A Deployment, Job or CronJob: image, name, replicas, port, schedule, command."""
    u = c.u
    if mention is not None:
        u.used.update(range(mention.start, mention.end))
    params: dict[str, ParamValue] = {}
    m = u.search(r"\bfrom (?:a |the )?(?:cron ?job|cron|cj)(?: named| called)? (\S+)")
    if m and verb == "create.job":
        params["from"] = f"cronjob/{u.group_text(m)}"
        u.mark_groups(m)
    found_image = cs.image(c)
    if found_image:
        params["image"] = found_image
    name = (mention.name if mention is not None else None) or cs.object_name(
        c, mention.end if mention is not None else len(u)
    )
    replicas = first_int(
        c,
        # (never the tag of "postgres:16 replicas 3")
        r"(?<![\w.:/-])(\d+)[ -](?:replicas?|repl|reps|instances?|copies|pods)\b"
        r"|\b(?:replicas?|repl|reps)[ =](\d+)\b"
        r"|(?<![\w.:/-])x ?(\d+)\b|\b(\d+) ?x(?![\w.:/-])",  # "nginx:1.25 x2"
    )
    if replicas is not None and verb == "create.deployment":
        params["replicas"] = replicas
    port, _ = cs.ports(c)
    if port is not None and verb == "create.deployment":
        params["port"] = port
    if verb == "create.cronjob":
        sched = cs.schedule(c)
        if sched is None:
            return clarify("On what schedule (e.g. every 5 minutes)?")
        params["schedule"] = sched
    argv = cs.argv(c)
    if argv:
        params["argv"] = argv
    if "image" not in params and "from" not in params:
        return clarify("Which container image?")
    s = c.common()
    if not name and not u.search(r"\b(instead|new image|image on|use)\b"):
        # ("can web run nginx:1.27 instead": an image for an object that exists)
        name = cs.only_free_name(u, verb.removeprefix("create.") + "s")
    if not name:
        return clarify(f"What should the new {kind} be called?")
    return [Draft(verb, names=[name], slots=s, params=params)]


# The words after which a role's rights are said ("allows get on pods", "for delete access
# to pods", "granting list on secrets").
_RIGHTS_FOLLOW = frozenset(
    """perform allows allow allowed can to verbs verb for with granting grants giving gives
lets letting permits permitting allowing enabling""".split()
)


def build_create(c: Ctx) -> Result:
    u = c.u
    create_at = next(
        (
            i
            for i, w in enumerate(u.norms)
            # "… that runs x on the schedule '*/10 * * * *'": a noun, never the verb
            if w in _CREATE_VERBS and not (i and u.norms[i - 1] in ("the", "a", "an", "its"))
        ),
        0,
    )
    from_cronjob = job_from_cronjob(c)
    if from_cronjob is not None:
        return from_cronjob
    mention = next((m for m in u.kind_mentions() if m.start >= create_at), None)
    if mention is None and create_at and u.norms[create_at - 1] in ("to", "that", "which"):
        # "need cronjob x to run busybox hourly": what runs was named before the verb
        mention = next(iter(u.kind_mentions()), None)
    # "add a jobs namespace": two kind words in a row are one object, the last word its
    # kind and the one before it its name
    named_by_a_kind = None
    if mention is not None and mention.end - mention.start == 1 and mention.start:
        head = next((m for m in u.kind_mentions() if m.start == mention.end), None)
        # ("a new namespace jobs" names its namespace after the kind: the plural word is
        # the name)
        plural_first = (
            u.norms[mention.start].endswith("s") and not u.norms[head.start].endswith("s")
            if head is not None
            else False
        )
        if (
            head is not None
            and plural_first
            and u.norms[mention.start - 1] in ("a", "an", "the", "new")
        ):
            named_by_a_kind = u.text_of(mention.start)
            u.used.add(mention.start)
            mention = head
    binding = next((m for m in u.kind_mentions() if m.info.ref.plural in _BINDINGS), None)
    if binding is not None:
        # "bind service account ci to role viewer via a rolebinding named ci-view": the
        # binding is what is made, whatever kind is named first
        mention = binding
    made_as = next(
        (m for m in u.kind_mentions() if m.start and u.norms[m.start - 1] in ("as", "a")), None
    )
    if mention is not None and mention.info.ref.plural == "pods" and made_as is not None:
        mention = made_as  # "3 pods of redis:7 as deployment cache": the pods are its replicas
    imaged = any(cs.IMAGE_REF.fullmatch(t.text.lower()) for t in u.tokens)
    if mention is None and imaged and u.search(r"^(?:\S+ ){0,4}?schedul"):
        # "schedule nightly with reporter:1.0 at midnight": a CronJob
        return _workload(c, "create.cronjob", None, "cronjob")
    if mention is None and imaged:
        # "spin up 3 replicas of redis:7.2 as cache": an image and no kind is a deployment
        return _workload(c, "create.deployment", None, "deployment")
    if u.search(r"\btoken\b"):
        m = u.search(r"\bservice ?account (?!token)(\S+)") or u.search(
            r"\b(?:for|of) (?:the )?(\S+) service ?account\b"  # "for the ci service account"
        )
        if m and u.is_name(u.group_index(m)):
            return [Draft("create.token", names=[u.group_text(m)], slots=c.common())]
    # "a secret called gcp-sa from the file key.json" is --from-file, not `create -f`
    keyed = (
        mention is not None
        and mention.info.ref.plural in ("secrets", "configmaps")
        # a manifest (yaml/json) is `create -f` unless the new object is named
        and (
            u.search(r"\b(called|named)\b") is not None
            or not any(re.search(r"\.(ya?ml|json)$", t.norm) for t in u.tokens)
        )
    )
    files_only = (
        mention is None
        or not keyed
        and u.search(
            r"\b(from|using|in) (?:the )?(?:resource )?"
            r"(?:definition )?files?\b"
        )
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
    # "bind role viewer to bob" makes a binding; "a role granting get and list on pods"
    # defines the role's rights
    rights = u.search(
        r"\bgrant\w* (?:\S+ )?(?:get|list|watch|create|delete|update|patch|read|write|edit)\b"
        r"|\b(?:get|list|watch|create|delete|update|patch|read|write|edit) (?:access )?(?:on|to)\b"
    )
    granted = u.search(r"\b(bind|binds|binding|assign)|\bgive (user|group|service ?account)") or (
        u.search(r"\bgrant") and not rights
    )
    roles = [m for m in u.mentions if m.info.ref.plural in ("roles", "clusterroles")]
    if plural in ("serviceaccounts", "users") and granted and roles:
        mention, plural = roles[0], roles[0].info.ref.plural  # "bind service account x to role y"
    if plural in ("roles", "clusterroles") and granted:
        # "bind role viewer to bob", "grant the role viewer to …": a binding of that role
        plural = plural[:-1] + "bindings"
    verb = _CREATE_KINDS.get(plural)
    if verb is None:
        return clarify(
            f"I cannot create a {mention.info.ref.kind} from a description; "
            "give me a manifest file."
        )
    u.used.update(range(mention.start, mention.end))
    params: dict[str, ParamValue] = {}
    service_type = None
    bare_account = ""  # a service account named without its namespace
    if plural == "services":
        m = u.search(r"\b(cluster ?ip|node ?port|load ?balancer|externalname)\b")
        service_type = m.group(1).replace(" ", "") if m else "clusterip"
        if m:
            u.mark_groups(m)
        after_for = u.search(r"\bfor (?:the |a |an )?(\S+)")
        if u.search(
            r"\bfor (?:the |a |an )?(?:\S+ )?(?:deployment|pod|replica|rc|rs|service|"
            r"replication|replicated)"
        ) or (after_for and u.is_name(u.group_index(after_for))):
            # "a load balancer service for web on 443": a Service in front of web is
            # `kubectl expose`
            return build_expose(c)
    if verb in ("create.deployment", "create.job", "create.cronjob"):
        return _workload(c, verb, mention, mention.info.ref.kind)
    # "tls" alone, never inside a name ("a secret called tls-cert with user=admin")
    tls = plural == "secrets" and u.search(r"(?<![\w-])tls(?![\w-])")
    if plural == "secrets":
        # "create secret generic smtp-creds": the secret's type, never its name
        for i in range(mention.end, min(mention.end + 1, len(u.norms))):
            if u.norms[i] in ("generic", "tls", "docker-registry"):
                u.used.add(i)
    # ("create sa/ci-bot": kubectl's own spelling names it)
    obj_name = mention.name or named_by_a_kind or cs.object_name(c, mention.end)
    if plural.endswith("bindings") and mention.info.ref.plural in ("roles", "clusterroles"):
        # "hook sa x up to role r with binding r-x": the binding's own name, said after it
        m = u.search(r"\bbinding (?:name |named |called )?(\S+)")
        if m and u.is_name(u.group_index(m)):
            obj_name = u.group_text(m)
            u.mark(m)
    if verb in ("create.configmap", "create.secret.generic"):
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
            said = u.search(
                r"\b(password|passwd|token|username|user|api ?key|key) (?:of |is |= ?)?(\S+)"
                r" (?:in|into|as|for)\b"
            )
            if not literals and said and u.is_name(u.group_index(said, 2)):
                # "store the password s3cr3t in a secret named db-pass"
                literals = [f"{said.group(1).replace(' ', '')}={u.group_text(said, 2)}"]
                u.mark_groups(said)
            if literals:
                params["from_literal"] = literals
            for m in u.finditer(
                r"(?<![\w-])(?:folder|directory|file|files|path|dir)(?: path)? (\S+)"
            ):
                if not literals and u.norms[u.group_index(m)] not in ("in", "the", "for"):
                    params["from_file"] = [u.group_text(m)]
                    u.mark_groups(m)
                    break
    elif verb == "create.service":
        pair = u.search(r"(?:^| )(?:tcp )?(\d+):(\d+)(?= |$)")  # "with tcp 8080:80"
        port, target = (int(pair.group(1)), pair.group(2)) if pair else cs.ports(c)
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
        m = u.search(r"\bmin(?:imum)? available (?:of )?(one|\d+%?)\b")
        if m and "min_available" not in params:
            params["min_available"] = "1" if m.group(1) == "one" else m.group(1)
        owner = u.search(r"\bfor (?:the )?(\S+)")
        if not obj_name and owner and u.is_name(u.group_index(owner)):
            obj_name = u.group_text(owner)  # "a pdb for web": named after what it guards
            u.mark_groups(owner)
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
                if w in _RIGHTS_FOLLOW
                and i > mention.start  # "i'd like you to create a role …": after the role
            ),
            create_at + 1,  # never the "create" that asked for the role
        )
        verbs = [
            v
            for w in u.norms[start:]
            for v in w.split(",")  # "with verbs get,patch"
            if v
            in ("get", "list", "watch", "create", "update", "patch", "delete", "deletecollection")
        ]
        if verbs:
            params["verb"] = sorted(set(verbs), key=verbs.index)
        elif obj_name:  # the name first ("What should the new Role be called?"), then this
            return Clarification(
                "What may the role do? Name the verbs and the kinds, e.g. 'get and list pods'.",
                ("get and list pods", "get, list and watch deployments"),
                resume="{text} that can {answer}",
            )
        resources = [
            m.info.ref.plural
            for m in u.mentions
            if m.info.ref.plural not in ("roles", "clusterroles")
        ]
        if resources:
            params["resource"] = resources
    elif verb in ("create.rolebinding", "create.clusterrolebinding"):
        found, bare_account = binding_subjects(u)
        params.update(found)
    if service_type:
        params["type"] = service_type
    s = c.common()
    if bare_account:
        params["serviceaccount"] = f"{c.scope or s.namespace or 'default'}:{bare_account}"
    if not obj_name:
        return clarify(f"What should the new {mention.info.ref.kind} be called?")
    if verb == "create.namespace":
        s.namespace = None
    return [Draft(verb, names=[obj_name], slots=s, params=params)]
