"""The change half of the twelfth probe vocabulary (`probe --vocab twelfth`): change, edit
and create templates, and the conversation follow-ups, as typed by kubectl-literate power
users and platform engineers ("{target} {ns} -> {n} replicas", "k rollout undo …",
"label {kind}/{name} {ns} {key}-", "set env … {key}-", "create cj {name} … {when}",
"drain node/{node}, ignore ds", "same thing, ns={ns}"), with short names, slash forms,
flags pasted or spelled out, and the namespace placed anywhere, written without reading
the parser. `probe_twelfth` merges them into its `PROBE`. Entries are packed several to a
line.
"""

from __future__ import annotations

# fmt: off
PROBE: dict[str, tuple[str, ...]] = {
    # changes
    "_SCALE": (
        "?{target} {ns} -> replicas {n}", "k scale {target} {ns} to {n}",
        "set {target} {ns} to {n} repl", "bump {target} {ns} to {n} replicas",
        "?{target} {ns}: want {n} pods", "resize {target} {ns} to {n}",
        "?{n} replicas on {target} {ns} pls", "scale {target} {ns}; target {n} replicas",
        "?desired count for {target} {ns} = {n}", "?can we run {target} {ns} at {n} replicas",
        "?{ns} scale {target} to {n}", "take {target} {ns} to {n} replicas, hpa is off",
    ),
    "_SCALE_TO_ZERO": (
        "?{target} {ns} -> 0 replicas", "scale {target} {ns} down to nothing (0)",
        "zero out {target} {ns}", "k scale {target} {ns} to 0",
        "park {target} {ns} at zero replicas",
        "?{target} {ns}: replicas to 0",
    ),
    "_RESTART": (
        "rollout-restart {target} {ns} pls", "k rollout restart {target} {ns}",
        "bounce {target} {ns} (rollout restart)",
        "roll all pods of {target} {ns}", "restart {target} {ns} -> fresh pods",
        "recycle the pods of {target} {ns}", "?can you rolling-restart {target} {ns}",
        "redeploy {target} {ns} with the same spec", "?{target} {ns}: rollout restart",
    ),
    "changes._STATUS": (
        "?rollout status -> {target} {ns}", "?is {target} {ns} fully rolled out",
        "k rollout status {target} {ns}", "?{target} {ns} rollout progress",
        "check on the rollout of {target} {ns}", "?are all replicas of {target} {ns} updated yet",
    ),
    "changes._HISTORY": (
        "rollout history for {target} {ns}", "?revisions of {target} {ns}",
        "k rollout history {target} {ns}", "?how many revisions does {target} {ns} have",
        "?past rollouts of {target} {ns}", "list revs for {target} {ns}",
    ),
    "changes._UNDO": (
        "rollout undo {target} {ns}", "k rollout undo {target} {ns}",
        "revert {target} {ns} to the previous rev", "back out the last rollout of {target} {ns}",
        "?can we roll {target} {ns} back one revision", "?{target} {ns}: undo last deploy",
        "rollback {target} {ns} -> previous",
    ),
    "_UNDO_TO": (
        "rollout undo {target} {ns} to rev {n}", "?{target} {ns} back to revision {n}",
        "revert {target} {ns} -> rev {n}", "k rollout undo {target} {ns}, to-revision {n}",
        "restore revision {n} of {target} {ns}", "roll {target} {ns} back to rev {n} pls",
    ),
    "_PAUSE": (
        "rollout pause on {target} {ns}", "k rollout pause {target} {ns}",
        "put {target} {ns} rollouts on hold (pause)", "freeze {target} {ns} rollout",
        "pause {target} {ns} -> want to batch a few changes",
        "?can you pause rollouts on {target} {ns}",
    ),
    "_RESUME": (
        "rollout resume on {target} {ns}", "k rollout resume {target} {ns}",
        "unfreeze {target} {ns} rollout", "let {target} {ns} roll out again (resume)",
        "resume {target} {ns}, changes are batched", "un-pause {target} {ns}",
    ),
    "_IMAGE_ANY": (
        "set image {target} {ns} to {image}", "k set image {target} {ns} *={image}",
        "bump {target} {ns} img -> {image}", "?{target} {ns}: image={image}",
        "roll {image} out to {target} {ns}", "update img on {target} {ns} to {image}",
        "point {target} {ns} at {image}", "?can we move {target} {ns} to img {image}",
        "ship img {image} onto {target} {ns}",
    ),
    "_IMAGE_CONTAINER": (
        "set image {target} {ns} {container}={image}",
        "?{container} container of {target} {ns} -> {image}",
        "swap the {container} img in {target} {ns} to {image}",
        "k set image {target} {ns} {container}={image}",
        "update container {container} ({target} {ns}) to {image}",
        "?only the {container} container on {target} {ns}: image {image}",
    ),
    "_ENV_SET": (
        "set env {target} {ns} {pair}", "k set env {target} {ns} {pair}",
        "?env {pair} on {target} {ns}", "?{target} {ns}: add env {key}={value}",
        "inject {key}={value} into the env of {target} {ns}",
        "set {key} to {value} in the env of {target} {ns}", "?can {target} {ns} get env var {pair}",
    ),
    "_ENV_UNSET": (
        "set env {target} {ns} {key}-", "k set env {target} {ns} {key}-",
        "drop the {key} env from {target} {ns}", "?{target} {ns}: unset {key}",
        "remove env {key} on {target} {ns}", "nuke the {key} env var on {target} {ns}",
    ),
    "_EXPOSE": (
        "expose {target} {ns} --port={port}", "k expose {target} {ns} port {port}",
        "?svc for {target} {ns} on {port}",
        "put a ClusterIP svc in front of {target} {ns}, port {port}",
        "expose {target} {ns} :{port}", "?can {target} {ns} get a service on {port}",
    ),
    "_EXPOSE_TARGET": (
        "expose {target} {ns} --port={port} --target-port={tp}",
        "?svc {port}->{tp} for {target} {ns}", "expose {target} {ns}: port {port}, targetPort {tp}",
        "k expose {target} {ns} port {port} target {tp}",
        "?service on {port} for {target} {ns}, backend port {tp}",
        "front {target} {ns} with a svc, {port} -> container {tp}",
    ),
    "_EXPOSE_TYPE": (
        "expose {target} {ns} type {type_word} port {port}",
        "k expose {target} {ns} as {type_word}, port {port}",
        "?{type_word} svc for {target} {ns} on {port}",
        "?need {target} {ns} reachable via {type_word} on {port}",
        "expose {target} {ns} on {port} with a {type_word}",
        "front {target} {ns} with a {type_word}, port {port}",
    ),
    "_AUTOSCALE": (
        "autoscale {target} {ns}: min {lo}, max {hi}, cpu {cpu}%",
        "?hpa for {target} {ns}: {lo} to {hi} replicas @ {cpu}% cpu",
        "k autoscale {target} {ns} min {lo} max {hi} cpu-percent {cpu}",
        "add an hpa on {target} {ns}, {lo} to {hi} pods, target cpu {cpu}%",
        "?autoscale {target} {ns} with floor {lo}, ceiling {hi}, {cpu} percent cpu",
        "scale {target} {ns} automatically between {lo} and {hi}, cpu target {cpu}%",
    ),
    "_AUTOSCALE_RANGE": (
        "autoscale {target} {ns} --min={lo} --max={hi}", "?hpa {target} {ns} {lo}-{hi}",
        "k autoscale {target} {ns} min {lo} max {hi}",
        "?autoscaling for {target} {ns}: floor {lo}, ceiling {hi}",
        "let {target} {ns} autoscale from {lo} up to {hi}",
        "?can {target} {ns} autoscale {lo} to {hi} replicas",
    ),
    # edits
    "_LABEL_ADD": (
        "label {kind}/{name} {ns} {pair}", "k label {kind} {name} {ns} {pair}",
        "add {pair} to the labels of {kind}/{name} {ns}",
        "tag {kind}/{name} {ns} with label {pair}",
        "?{kind}/{name} {ns}: +label {pair}", "stick {pair} on {kind} {name} {ns} as a label",
    ),
    "_LABEL_CHANGE": (
        "label {kind}/{name} {ns} {key}={value} --overwrite",
        "k label {kind} {name} {ns} {key}={value} --overwrite",
        "relabel {kind}/{name} {ns}: {key} -> {value}",
        "overwrite {key} on {kind} {name} {ns} with {value}",
        "?{kind}/{name} {ns} has the wrong {key} label; set it to {value}",
        "change label {key} of {kind}/{name} {ns} to {value}, overwriting",
    ),
    "_LABEL_REMOVE": (
        "label {kind}/{name} {ns} {key}-", "k label {kind} {name} {ns} {key}-",
        "unlabel {kind}/{name} {ns}: {key}", "drop label {key} from {kind}/{name} {ns}",
        "?{kind} {name} {ns} -> remove the {key} label",
        "take {key} off the labels of {kind}/{name} {ns}",
    ),
    "_ANNOTATE_ADD": (
        "annotate {kind}/{name} {ns} {pair}", "k annotate {kind} {name} {ns} {pair}",
        "add annotation {pair} to {kind}/{name} {ns}", "?{kind}/{name} {ns}: +annotation {pair}",
        "set the {pair} annotation on {kind} {name} {ns}",
        "put {pair} in the annotations of {kind}/{name} {ns}",
    ),
    "_ANNOTATE_REMOVE": (
        "annotate {kind}/{name} {ns} {key}-", "k annotate {kind} {name} {ns} {key}-",
        "drop annotation {key} from {kind}/{name} {ns}", "un-annotate {kind}/{name} {ns}: {key}",
        "?{kind} {name} {ns} -> remove annotation {key}",
        "clear the {key} annotation off {kind}/{name} {ns}",
    ),
    "_DELETE": (
        "delete {kind}/{name} {ns}", "k delete {kind} {name} {ns}", "rm {kind}/{name} {ns}",
        "tear down {kind}/{name} {ns}", "?{kind}/{name} {ns} -> delete",
        "?can you rm {kind}/{name} {ns}", "delete the {name} {kind} {ns}, it's unused",
        "remove {kind}/{name} {ns} from the cluster", "drop {kind} {name} {ns}",
        "?{ns} delete {kind}/{name}",
    ),
    "_KILL_POD": (
        "delete po/{name} {ns}", "k delete po {name} {ns}",
        "kill po {name} {ns}, let it get recreated", "bounce pod {name} {ns} by deleting it",
        "?po/{name} {ns} is wedged — delete it", "zap po/{name} {ns}",
    ),
    "_DELETE_SELECTED": (
        "delete {kind} {ns} -l {label}", "k delete {kind} {ns} -l {label}",
        "delete every {kind_one} {ns} with selector {label}", "rm all {kind} {ns} matching {label}",
        "?{kind} {ns} where {label} -> delete them", "purge the {kind} labelled {label} {ns}",
    ),
    "_DELETE_TWO": (
        "delete {kind} {a} {b} {ns}", "k delete {kind} {a} {b} {ns}", "rm {kind} {a} + {b} {ns}",
        "delete both {kind}: {a}, {b} {ns}", "drop {kind} {a} and {b} {ns}",
        "?{kind} {a} & {b} {ns} -> delete",
    ),
    "_CORDON": (
        "cordon node/{node}", "k cordon {node}", "mark node/{node} as unschedulable",
        "?{node}: cordon, no drain yet", "no new workloads onto {node} (cordon)",
        "cordon {node} pls, disk pressure",
    ),
    "_UNCORDON": (
        "uncordon node/{node}", "k uncordon {node}", "mark {node} schedulable again",
        "?{node} -> back in rotation (uncordon)", "flip scheduling back on for node/{node}",
        "?{node} is patched, lift the cordon",
    ),
    "_DRAIN": (
        "drain node/{node}", "k drain {node}", "evict everything from {node} (drain)",
        "?{node}: drain it for the kernel upgrade", "empty {node} out via drain",
        "drain {node} before the reboot",
    ),
    "_DRAIN_DS": (
        "drain {node}, --ignore-daemonsets", "k drain {node} --ignore-daemonsets",
        "drain node/{node}, ignore ds", "drain {node}; skip the ds pods",
        "?{node} -> drain, ignoring daemonsets",
        "drain {node} but don't choke on the daemonsets (ignore them)",
    ),
    "_TAINT": (
        "taint node/{node} {taint}", "k taint nodes {node} {taint}",
        "put {taint} on {node} as a taint", "?{node}: taint {taint}", "taint {node} -> {taint}",
        "mark {node} with taint {taint}",
    ),
    "_UNTAINT": (
        "taint nodes {node} {key}-", "k taint node {node} {key}-", "untaint {node} key {key}",
        "drop the {key} taint on node/{node}", "?{node}: remove taint {key}",
        "lift taint {key} off {node}",
    ),
    # creates
    "_DEPLOYMENT": (
        "create deploy {name} {ns} --image={image}",
        "k create deployment {name} {ns} --image {image}",
        "new deploy {name} {ns} img {image}", "spin up {name} {ns} as a deployment, image {image}",
        "?deployment {name} {ns} -> image {image}, create it",
        "bootstrap a deployment called {name} {ns} on {image}",
        "?can you create deploy/{name} {ns} running {image}",
    ),
    "_DEPLOYMENT_REPLICAS": (
        "create deploy {name} {ns} image {image} replicas {n}",
        "k create deployment {name} {ns} --image {image}, {n} replicas",
        "?deployment {name} {ns} with {n} replicas of {image}",
        "stand up {name} as a deployment {ns}, image {image}, {n} replicas",
        "create deploy/{name} {ns} ({image}, {n} repl)",
    ),
    "_NAMESPACE": (
        "k create ns {name}", "spin up a fresh ns {name}", "?ns {name} -> create",
        "add a namespace named {name}",
        "provision namespace {name}", "?can we have ns {name} created",
    ),
    "_CONFIGMAP": (
        "create cm {name} {ns} --from-literal {pairs}",
        "k create configmap {name} {ns} with {pairs}",
        "new cm {name} {ns}: {pairs}", "?cm {name} {ns} holding {pairs}",
        "create configmap/{name} {ns} from literals {pairs}",
        "make a cm called {name} {ns}, data {pairs}",
    ),
    "_SECRET": (
        "create secret generic {name} {ns} --from-literal {pairs}",
        "k create secret generic {name} {ns} with {pairs}",
        "new generic secret {name} {ns}: {pairs}",
        "store {pairs} in a secret called {name} {ns}",
        "?secret/{name} {ns} from literals {pairs}, create it",
        "create an opaque secret {name} {ns} with {pairs}",
    ),
    "_JOB": (
        "create job {name} {ns} --image={image}", "k create job {name} {ns} --image {image}",
        "one-shot job {name} {ns} on {image}", "run {image} as job/{name} {ns}",
        "new job {name} {ns} -> image {image}", "kick off a batch job {name} {ns} using {image}",
    ),
    "_JOB_FROM": (
        "create job {name} {ns} --from=cronjob/{cron}", "k create job {name} --from=cj/{cron} {ns}",
        "trigger cj/{cron} {ns} now as job {name}",
        "?manual run of cronjob {cron} {ns}, job name {name}", "job {name} {ns} from cj {cron}",
        "fire {cron} {ns} off-schedule as job {name}",
    ),
    "_CRONJOB": (
        "create cj {name} {ns} image {image} {when}",
        "k create cronjob {name} {ns} --image {image}, runs {when}",
        "new cronjob {name} {ns}: {image}, {when}", "schedule {image} {when} as cj/{name} {ns}",
        "?cron {name} {ns} -> {image} {when}", "set up cronjob {name} {ns} running {image} {when}",
    ),
    "_SERVICE_ACCOUNT": (
        "create sa/{name} {ns}", "k create serviceaccount {name} {ns}",
        "need an sa called {name} {ns}",
        "?sa {name} {ns} -> create", "add a service account named {name} {ns}",
        "provision serviceaccount/{name} {ns}",
    ),
    "_ROLE": (
        "create role {name} {ns} verbs {verbs} on {kind}",
        "k create role {name} {ns}: {verbs} on {kind}",
        "?role {name} {ns} granting {verbs} for {kind}",
        "new rbac role {name} {ns} -> {verbs} {kind}",
        "define role {name} {ns} that allows {verbs} on {kind}",
        "?rbac: role {name} {ns}, rules {verbs} / {kind}",
    ),
    "_BINDING_USER": (
        "create rolebinding {name} {ns} --role={role} --user={who}",
        "k create rolebinding {name} {ns} role {role} user {who}",
        "bind {who} to role {role} {ns}, binding name {name}",
        "?rolebinding {name} {ns}: {role} -> user {who}",
        "grant user {who} the {role} role {ns} (rolebinding {name})",
        "new rb {name} {ns} for user {who}, role {role}",
    ),
    "_BINDING_SA": (
        "create rolebinding {name} {ns} --role={role} for serviceaccount {who}",
        "k create rolebinding {name} {ns} role {role} sa {who}",
        "bind sa {who} to role {role} {ns} as rolebinding {name}",
        "?rolebinding {name} {ns}: {role} -> serviceaccount {who}",
        "grant the {who} service account role {role} {ns} via rolebinding {name}",
        "new rb {name} {ns} for sa {who} with role {role}",
    ),
    # conversation follow-ups
    "_IT_TO": (
        "-> {n}", "{n} repl", "now {n}", "replicas={n}", "scale it {n}", "set to {n}",
        "k, {n} replicas", "go {n}",
    ),
    "_ACTUALLY": (
        "nah, {n}", "correction -> {n}", "wait — {n}, not that", "err {n}", "typo, meant {n}",
        "make it {n} instead, my bad", "actually -> {n}", "no — {n}",
    ),
    "_SAME_IN": (
        "same in ns {ns}", "ditto -n {ns}", "now {ns}", "{ns} too", "repeat for ns {ns}",
        "and again in {ns}", "same thing, ns={ns}", "rinse, repeat: {ns}",
    ),
    "conversations._UNDO": (
        "rollout undo", "revert to prev rev", "back that change out", "undo pls",
        "k rollout undo that",
        "go back one rev", "that broke it, undo", "roll back",
    ),
    "_ITS_LOGS": (
        "logs for that po", "its logs?", "k logs on that", "stdout?", "logs of that one",
        "and its output",
        "what's it printing", "show me what it logged",
    ),
    "_DELETE_IT": (
        "rm it", "k delete that", "delete that po", "kill that po", "zap it", "nuke that po",
        "delete it, controller will recreate",
    ),
    "_RESTART_IT": (
        "rollout restart on it", "restart that deploy", "roll it", "recycle it",
        "k rollout restart that", "bounce the deploy", "restart pls",
    ),
    "_DESCRIBE_IT": (
        "describe that one pls", "k describe it", "full details", "deep-dive on that one",
        "inspect it",
        "describe the po", "describe-level info pls",
    ),
    "conversations._STATUS": (
        "rollout status on it?", "fully rolled out yet?", "progress?", "k rollout status",
        "did the rollout complete", "all replicas updated?",
    ),
    "conversations._HISTORY": (
        "rollout history on it", "revs?", "k rollout history", "list revisions",
        "show the revision list", "what revs exist",
    ),
    "_GREETING": (
        "tyvm", "ta muchly", "perfecto", "nice, ty", "+1", "lgtm", "sweet, ty", "kk thx",
        "cool, all good", "gg",
    ),
    "conversations._META": (
        "do you do helm too?", "are you kubectl under the hood", "what else do you support",
        "any docs on your syntax", "do you handle CRDs", "do you keep a log of what i type",
    ),
}
# fmt: on
