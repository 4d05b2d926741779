"""Requests that create objects: deployment, namespace, configmap, secret, job, cronjob,
service account, role, role binding."""

from __future__ import annotations

from kubechat_nlp.evaluation.generator.compose import Case, Composer, kubectl
from kubechat_nlp.evaluation.generator.vocab import (
    CONFIGMAPS,
    CREDENTIALS,
    CRONJOBS,
    DEPLOYMENTS,
    IMAGES,
    JOBS,
    LITERALS,
    NAMESPACES,
    ROLES,
    SECRETS,
    SERVICE_ACCOUNTS,
    USERS,
    Pool,
)

_DEPLOYMENT = Pool(
    shared=(
        "create a deployment {name} with image {image} {ns}",
        "spin up {name} using {image} {ns}",
        "deploy {image} as {name} {ns}",
        "create deployment {name} --image={image} {ns}",
        "run {image} as a deployment called {name} {ns}",
    ),
    held_out=(
        "get {name} running on {image} {ns}",
        "create {name} from the {image} image {ns}",
        "?i want a deployment {name} with {image} {ns}",
    ),
    dev_only=("?new deployment {name} from {image} {ns}",),
)
_DEPLOYMENT_REPLICAS = Pool(
    shared=(
        "create a deployment {name} with image {image} and {n} replicas {ns}",
        "spin up {n} replicas of {image} as {name} {ns}",
    ),
    held_out=(
        "deploy {name} ({image}) with {n} replicas {ns}",
        "{n} replicas of {image} please, name it {name} {ns}",
    ),
)
_NAMESPACE = Pool(
    shared=(
        "create namespace {name}",
        "make a new namespace called {name}",
        "add a {name} namespace",
        "create the namespace {name}",
    ),
    held_out=("?can we get a {name} namespace", "create ns {name}"),
    dev_only=("?new namespace {name}",),
)
_CONFIGMAP = Pool(
    shared=(
        "create a configmap {name} with {pairs} {ns}",
        "make configmap {name} from literal {pairs} {ns}",
        "create config map {name} {ns} containing {pairs}",
    ),
    held_out=(
        "create cm {name} {ns} with {pairs}",
        "put {pairs} into a config map named {name} {ns}",
    ),
)
_SECRET = Pool(
    shared=(
        "create a secret {name} with {pairs} {ns}",
        "create a generic secret {name} {ns} containing {pairs}",
        "store {pairs} in a new secret called {name} {ns}",
    ),
    held_out=("add a secret {name} {ns} with {pairs}", "secret {name} {ns}: {pairs}"),
)
_JOB = Pool(
    shared=(
        "create a job {name} with image {image} {ns}",
        "run a one-off job {name} using {image} {ns}",
    ),
    held_out=("fire off a job {name} with {image} {ns}", "one-time job {name}, image {image} {ns}"),
)
_JOB_FROM = Pool(
    shared=(
        "run cronjob {cron} now as job {name} {ns}",
        "trigger the {cron} cronjob manually, call the job {name} {ns}",
        "create job {name} from cronjob {cron} {ns}",
    ),
    held_out=(
        "run the {cron} cron right now as {name} {ns}",
        "manually trigger cronjob {cron} {ns} (job name {name})",
    ),
)
_CRONJOB = Pool(
    shared=(
        "create a cronjob {name} with image {image} that runs {when} {ns}",
        "schedule {image} to run {when} as cronjob {name} {ns}",
    ),
    held_out=(
        "run {image} {when} as a cronjob called {name} {ns}",
        "new cronjob {name}: {image}, {when} {ns}",
    ),
)
_SCHEDULES = (
    ("every 5 minutes", "*/5 * * * *"),
    ("every minute", "* * * * *"),
    ("every hour", "0 * * * *"),
    ("hourly", "0 * * * *"),
    ("every day at midnight", "0 0 * * *"),
    ("daily at 2am", "0 2 * * *"),
    ("every sunday at midnight", "0 0 * * 0"),
    ("on the schedule '*/10 * * * *'", "*/10 * * * *"),
)
_SERVICE_ACCOUNT = Pool(
    shared=(
        "create a service account {name} {ns}",
        "make an sa called {name} {ns}",
        "add service account {name} {ns}",
    ),
    held_out=("?i need a service account called {name} {ns}", "new serviceaccount {name} {ns}"),
)
_ROLE = Pool(
    shared=(
        "create a role {name} that can {verbs} {kind} {ns}",
        "make role {name} {ns} allowing {verbs} on {kind}",
    ),
    held_out=(
        "create a {name} role {ns} that allows {verbs} on {kind}",
        "role {name} {ns}: {verbs} {kind}",
    ),
)
_ROLE_RULES = (
    ("get, list and watch", "get,list,watch", "pods"),
    ("get and list", "get,list", "deployments"),
    ("delete", "delete", "pods"),
    ("get", "get", "secrets"),
    ("list", "list", "configmaps"),
)
_BINDING_USER = Pool(
    shared=(
        "create a rolebinding {name} giving user {who} the {role} role {ns}",
        "bind role {role} to user {who} {ns}, call it {name}",
    ),
    held_out=(
        "give user {who} the {role} role {ns} (binding name {name})",
        "hook up user {who} to role {role} {ns} with binding {name}",
    ),
)
_BINDING_SA = Pool(
    shared=("create rolebinding {name} granting {role} to service account {who} {ns}",),
    held_out=(
        "let service account {who} use role {role} {ns} via rolebinding {name}",
        "rolebinding {name} {ns} for sa {who} with role {role}",
    ),
)


def create(c: Composer) -> Case:
    roll = c.rng.random()
    ns = c.namespace(none=0.3)
    if roll < 0.18:
        name, image = c.pick(DEPLOYMENTS), c.pick(IMAGES)
        text = c.say(c.pick(_DEPLOYMENT), ns, name=name, image=image)
        return Case(text, kubectl("create deployment", name, f"--image={image}", ns.flag), "create")
    if roll < 0.26:
        name, image, n = c.pick(DEPLOYMENTS), c.pick(IMAGES), c.choice((2, 3, 4, 5))
        text = c.say(c.pick(_DEPLOYMENT_REPLICAS), ns, name=name, image=image, n=c.number(n))
        flags = (f"--image={image}", f"--replicas={n}")
        return Case(text, kubectl("create deployment", name, *flags, ns.flag), "create")
    if roll < 0.36:
        name = c.pick(NAMESPACES) + c.choice(("", "-2", "-new", "-tmp"))
        return Case(
            c.say(c.pick(_NAMESPACE), name=name), kubectl("create namespace", name), "create"
        )
    if roll < 0.5:
        secret = roll >= 0.43
        pool = CREDENTIALS if secret else LITERALS
        pairs = [c.pick(pool)]
        if c.chance(0.4):
            extra = c.pick(pool)
            if extra.split("=")[0] != pairs[0].split("=")[0]:
                pairs.append(extra)
        said = " and ".join(pairs)
        name = c.pick(SECRETS if secret else CONFIGMAPS)
        text = c.say(c.pick(_SECRET if secret else _CONFIGMAP), ns, name=name, pairs=said)
        literal = tuple(f"--from-literal={p}" for p in pairs)
        command = ("create secret generic" if secret else "create configmap", name, *literal)
        return Case(text, kubectl(*command, ns.flag), "create")
    if roll < 0.58:
        name, image = c.pick(JOBS), c.pick(IMAGES)
        text = c.say(c.pick(_JOB), ns, name=name, image=image)
        return Case(text, kubectl("create job", name, f"--image={image}", ns.flag), "create")
    if roll < 0.66:
        cron = c.pick(CRONJOBS)
        name = f"{cron}-{c.choice(('manual', 'now', 'adhoc', '001'))}"
        text = c.say(c.pick(_JOB_FROM), ns, name=name, cron=cron)
        return Case(text, kubectl("create job", name, f"--from=cronjob/{cron}", ns.flag), "create")
    if roll < 0.76:
        name, image = c.pick(CRONJOBS), c.pick(IMAGES)
        when, schedule = _SCHEDULES[c.rng.randrange(len(_SCHEDULES))]
        text = c.say(c.pick(_CRONJOB), ns, name=name, image=image, when=when)
        flags = (f"--image={image}", f"--schedule={schedule}")
        return Case(text, kubectl("create cronjob", name, *flags, ns.flag), "create")
    if roll < 0.84:
        name = c.pick(SERVICE_ACCOUNTS)
        text = c.say(c.pick(_SERVICE_ACCOUNT), ns, name=name)
        return Case(text, kubectl("create serviceaccount", name, ns.flag), "create")
    if roll < 0.92:
        name = c.pick(ROLES)
        said, verbs, plural = _ROLE_RULES[c.rng.randrange(len(_ROLE_RULES))]
        text = c.say(c.pick(_ROLE), ns, name=name, verbs=said, kind=c.kind(plural, other=0.0))
        flags = (f"--verb={verbs}", f"--resource={plural}")
        return Case(text, kubectl("create role", name, *flags, ns.flag), "create")
    role = c.pick(ROLES)
    binding = f"{role}-binding" if c.chance(0.5) else f"{role}-{c.choice(('for-ci', 'grant'))}"
    ns = c.namespace(none=0.0)
    if c.chance(0.5):
        who = c.pick(USERS)
        text = c.say(c.pick(_BINDING_USER), ns, name=binding, role=role, who=who)
        flags = (f"--role={role}", f"--user={who}")
    else:
        who = c.pick(SERVICE_ACCOUNTS)
        text = c.say(c.pick(_BINDING_SA), ns, name=binding, role=role, who=who)
        flags = (f"--role={role}", f"--serviceaccount={ns.name}:{who}")
    return Case(text, kubectl("create rolebinding", binding, *flags, ns.flag), "create")
