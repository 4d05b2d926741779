"""A fourth probe vocabulary for change and tool requests (`probe --vocab fourth-changes`),
written before the parser met it. Reads, dressing and kind words are the third probe's
(already tuned on), so that what fails here is the change wording and the fresh names;
every change, edit, create and tool template pool gets new phrasings as people type them
in a chat: statements of need, indirect requests, idioms and terse forms. Statements are
marked `?` like questions: a politeness wrapper ("could you …") does not fit them.
"""

from __future__ import annotations

from kubechat_nlp.evaluation.generator import probe_third

_FRESH: dict[str, tuple[str, ...]] = {
    # names and values
    "DEPLOYMENTS": ("billing-api", "crawler", "avatars", "ledger", "mailroom"),
    "NAMESPACES": ("fin", "stage-b", "tenant-x", "ml", "edge-eu"),
    "NODES": ("worker-a1", "ip-172-31-4-9", "big-node-3"),
    "CONTAINERS": ("proxy", "init-migrate", "log-forwarder"),
    "IMAGES": ("traefik:v3.1", "docker.io/library/alpine:3.20", "ghcr.io/corp/ledger:2.0.1"),
    "LABELS": ("team=core", "version=v2", "env=qa"),
    "ANNOTATIONS": ("owner=dana", "jira=KC-99"),
    "ENV_VARS": ("DEBUG=1", "WORKERS=8"),
    "CONFIGMAPS": ("ledger-config", "crawl-rules"),
    "SECRETS": ("stripe-key", "ldap-bind"),
    "SERVICE_ACCOUNTS": ("argo-sync", "scanner"),
    "USERS": ("kim", "leo"),
    "ROLES": ("cm-writer",),
    "CRONJOBS": ("weekly-digest", "cache-flush"),
    "JOBS": ("reindex-all", "seed"),
    "CONTEXTS": ("eks-staging", "rancher-desktop"),
    "LITERALS": ("threads=4", "theme=dark"),
    "CREDENTIALS": ("secret=s3same",),
    "STATEFULSETS": ("etcd", "elasticsearch"),
    "DAEMONSETS": ("datadog-agent", "kube-proxy"),
    # changes
    "_SCALE": (
        "?{target} {ns} needs more pods, make it {n}",
        "?could you take {target} {ns} up to {n} replicas",
        "?{n} replicas for {target} {ns} please",
        "?we want {target} {ns} at {n} replicas",
    ),
    "_SCALE_TO_ZERO": (
        "shut {target} {ns} down, zero replicas",
        "?{target} {ns} can go to zero replicas for now",
        "take {target} {ns} down to 0 pods",
    ),
    "_RESTART": (
        "?{target} {ns} is acting up, restart it",
        "kick {target} {ns}",
        "?mind restarting {target} {ns}",
        "recycle {target} {ns}",
    ),
    "_UNDO": (
        "?the new {target} release {ns} is broken, roll it back",
        "back out the last change to {target} {ns}",
        "?can we revert {target} {ns} to what it was before",
    ),
    "_UNDO_TO": (
        "?{target} {ns} needs to go back to revision {n}",
        "?can you roll {target} {ns} back to rev {n}",
        "revert {target} {ns} to version {n}",
    ),
    "_PAUSE": (
        "stop the {target} rollout {ns} for now",
        "put the rollout of {target} {ns} on hold",
        "?can you pause {target} {ns}",
    ),
    "_RESUME": (
        "carry on with the {target} rollout {ns}",
        "unfreeze the {target} rollout {ns}",
        "?the {target} rollout {ns} can go ahead now",
    ),
    "_IMAGE_ANY": (
        "?{target} {ns} should run {image}",
        "bump {target} {ns} to {image}",
        "?can we get {image} onto {target} {ns}",
    ),
    "_IMAGE_CONTAINER": (
        "?the {container} container in {target} {ns} needs {image}",
        "point container {container} of {target} {ns} at {image}",
        "swap the {container} image on {target} {ns} for {image}",
    ),
    "_ENV_SET": (
        "?{target} {ns} needs {pair} in its environment",
        "export {pair} on {target} {ns}",
        "?can you add {pair} to the env of {target} {ns}",
    ),
    "_ENV_UNSET": (
        "?{target} {ns} shouldn't have {key} set anymore",
        "clear the {key} env var from {target} {ns}",
        "take {key} out of the environment of {target} {ns}",
    ),
    "_EXPOSE": (
        "open port {port} on {target} {ns}",
        "?can {target} {ns} get a service on port {port}",
        "?{target} {ns} needs a service listening on {port}",
    ),
    "_EXPOSE_TARGET": (
        "route port {port} to {tp} on {target} {ns}",
        "expose {target} {ns}: {port} -> {tp}",
        "put a service in front of {target} {ns}, port {port} going to container port {tp}",
    ),
    "_EXPOSE_TYPE": (
        "?{target} {ns} needs a {type_word} on port {port}",
        "expose {target} {ns} port {port} with type {type_word}",
        "?could {target} {ns} get a {type_word} on {port}",
    ),
    "_AUTOSCALE": (
        "?{target} {ns} should autoscale from {lo} to {hi} pods at {cpu}% cpu",
        "?hpa for {target} {ns}, {lo}..{hi} replicas, {cpu}% cpu target",
        "scale {target} {ns} on cpu: keep it at {cpu}% with {lo} to {hi} replicas",
    ),
    "_AUTOSCALE_RANGE": (
        "?can {target} {ns} autoscale between {lo} and {hi}",
        "let {target} {ns} grow to {hi} replicas and shrink to {lo}",
        "?{target} {ns}: autoscaling, min {lo} max {hi}",
    ),
    # edits
    "_LABEL_ADD": (
        "?{kind} {name} {ns} needs the label {pair}",
        "mark {kind} {name} {ns} with label {pair}",
        "slap {pair} on {kind} {name} {ns} as a label",
    ),
    "_LABEL_CHANGE": (
        "flip the {key} label on {kind} {name} {ns} to {value}",
        "change label {key} to {value} for {kind} {name} {ns}",
        "?the {key} label of {kind} {name} {ns} should be {value} now",
    ),
    "_LABEL_REMOVE": (
        "?{kind} {name} {ns} shouldn't carry the {key} label",
        "unset label {key} on {kind} {name} {ns}",
        "get the {key} label off {kind} {name} {ns}",
    ),
    "_ANNOTATE_ADD": (
        "?{kind} {name} {ns} needs the annotation {pair}",
        "annotate {kind} {name} {ns}: {pair}",
        "record {pair} on {kind} {name} {ns} as an annotation",
    ),
    "_ANNOTATE_REMOVE": (
        "unannotate {key} on {kind} {name} {ns}",
        "get rid of the {key} annotation on {kind} {name} {ns}",
        "?{kind} {name} {ns} doesn't need the {key} annotation anymore, remove it",
    ),
    "_DELETE": (
        "?{kind} {name} {ns} can go, delete it",
        "?could you wipe {kind} {name} {ns}",
        "?we don't need {kind} {name} {ns} anymore, remove it",
    ),
    "_KILL_POD": (
        "?pod {name} {ns} is hung, kill it",
        "zap pod {name} {ns}",
        "delete the stuck pod {name} {ns}",
    ),
    "_DELETE_SELECTED": (
        "wipe out all {kind} that have {label} {ns}",
        "delete {kind} where {label} {ns}",
        "?the {kind} tagged {label} {ns} can all be deleted",
    ),
    "_DELETE_TWO": (
        "delete {kind} {a} as well as {b} {ns}",
        "?{kind} {a} and {b} {ns} can both be deleted",
        "get rid of both {kind} {a} and {b} {ns}",
    ),
    "_CORDON": (
        "take {node} out of scheduling",
        "?{node} shouldn't get any new pods",
        "?can you cordon {node}",
    ),
    "_UNCORDON": (
        "?{node} can take pods again",
        "let the scheduler use {node} again",
        "bring {node} back into rotation",
    ),
    "_DRAIN": (
        "clear all pods off {node}",
        "?{node} is going down for maintenance, drain it",
        "?could you drain {node}",
    ),
    "_DRAIN_DS": (
        "drain {node} and leave the daemonsets alone",
        "empty out {node} except for daemonsets",
        "drain {node} --ignore-daemonsets",
    ),
    "_TAINT": (
        "apply taint {taint} to {node}",
        "?{node} needs the taint {taint}",
        "mark {node} with the taint {taint}",
    ),
    "_UNTAINT": (
        "?{node} shouldn't have the {key} taint anymore",
        "clear taint {key} off {node}",
        "take the {key} taint off node {node}",
    ),
    # creates
    "_DEPLOYMENT": (
        "?i need a deployment {name} {ns} running {image}",
        "?new deployment {name} {ns}, image {image}",
        "?can you deploy {image} under the name {name} {ns}",
    ),
    "_DEPLOYMENT_REPLICAS": (
        "?{n} pods of {image} as deployment {name} {ns}",
        "?new deployment {name} {ns}: {image}, {n} replicas",
        "launch {name} with {image} and {n} replicas {ns}",
    ),
    "_NAMESPACE": (
        "?we need a {name} namespace",
        "?new ns {name}",
        "?could you set up namespace {name} for me",
    ),
    "_CONFIGMAP": (
        "put {pairs} into a new configmap {name} {ns}",
        "?configmap {name} {ns} with {pairs}, please",
        "?i need a config map called {name} {ns} holding {pairs}",
    ),
    "_SECRET": (
        "?new secret {name} {ns}: {pairs}",
        "keep {pairs} in a secret named {name} {ns}",
        "?can you make a secret {name} {ns} from {pairs}",
    ),
    "_JOB": (
        "fire off a job {name} {ns} with {image}",
        "?one-time job {name} {ns}, image {image}",
        "?i need a job called {name} that runs {image} {ns}",
    ),
    "_JOB_FROM": (
        "run the {cron} cronjob right now as {name} {ns}",
        "spawn job {name} from the {cron} cronjob {ns}",
        "?can you fire {cron} manually, job name {name} {ns}",
    ),
    "_CRONJOB": (
        "?i need a cronjob called {name} {ns} that runs {image} {when}",
        "?new cronjob {name} {ns}: image {image}, {when}",
        "?cron {name} {ns} running {image} {when}",
    ),
    "_SERVICE_ACCOUNT": (
        "?we need a service account called {name} {ns}",
        "?new sa {name} {ns}",
        "?could you add a serviceaccount named {name} {ns}",
    ),
    "_ROLE": (
        "?i need a role {name} {ns} to {verbs} {kind}",
        "?role {name} {ns} with {verbs} on {kind}",
        "add a role named {name} {ns} that lets you {verbs} {kind}",
    ),
    "_BINDING_USER": (
        "let user {who} have role {role} {ns}, binding name {name}",
        "?rolebinding {name} {ns}: user {who} -> role {role}",
        "?{who} needs the {role} role {ns}, create rolebinding {name}",
    ),
    "_BINDING_SA": (
        "?service account {who} needs role {role} {ns}, call the binding {name}",
        "?rolebinding {name} {ns}: serviceaccount {who} -> {role}",
        "hook service account {who} up to role {role} {ns} with binding {name}",
    ),
    # tools
    "_USE": (
        "hop over to context {ctx}",
        "?i want to be on the {ctx} context",
        "set my context to {ctx}",
    ),
    "_SET_NS": (
        "default me to namespace {name}",
        "?i want {name} as my default namespace",
        "stay in {name} by default from now on",
    ),
    "_FORWARD": (
        "?i want to hit {target} {ns} port {rp} on localhost:{lp}",
        "map local {lp} to {rp} on {target} {ns}",
        "let me reach port {rp} of {target} {ns} from local port {lp}",
    ),
    "_EXEC": (
        "?in pod {pod} {ns}, run `{cmd}`",
        "?`{cmd}` on pod {pod} {ns}",
        "?can you execute `{cmd}` on {pod} {ns}",
    ),
    "_SHELL": (
        "?i need a {shell} prompt in {pod} {ns}",
        "drop me into {pod} {ns} with {shell}",
        "shell into {pod} {ns} using {shell}",
    ),
    "_COPY_OUT": (
        "grab {remote} from {pod} {ns} and save it as {local}",
        "pull {remote} off pod {pod} {ns} to {local}",
        "?i need {remote} from pod {pod} {ns} copied to {local}",
    ),
    "_COPY_IN": (
        "put {local} in pod {pod} {ns} at {remote}",
        "send {local} to pod {pod} {ns} as {remote}",
        "copy {local} over to {pod} {ns} under {remote}",
    ),
}

PROBE: dict[str, tuple[str, ...]] = {**probe_third.PROBE, **_FRESH}
PROBE_KINDS: dict[str, tuple[str, ...]] = dict(probe_third.PROBE_KINDS)
