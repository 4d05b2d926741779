"""The change half of the fourteenth probe vocabulary (`probe --vocab fourteenth`): change,
edit and create templates, and the conversation follow-ups, written without reading the
parser. "The reporter" tells what is going on before saying what to do, in one message
("{target} in tasks can't keep up; bump it to {n} replicas", "traffic spike — {target}
needs {n} replicas", "{target} broke after the deploy — roll it back", "{node} is going
down for a kernel update; drain it", "{cron} missed its run; kick it off now as job
{name}"), and the phone typist writes "scale {target} to {n} pls", "nuke the {kind}
{name}", "new deploy {name} with {image}", "create an sa {name}", "hpa for {target}". The
follow-ups are short and sloppy ("ok {n} now", "wait no, {n}!", "same for {ns} pls",
"logs for it?", "nuke it", "is it done yet?"), and the thanks and questions about the
assistant must never act. Scale templates never use "replicas", "pods" or "copies" except
as the count's noun, since the generator singularises them for a count of one.
`probe_fourteenth` merges them into its `PROBE`. Entries are packed several to a line.
"""

from __future__ import annotations

# fmt: off
PROBE: dict[str, tuple[str, ...]] = {
    # changes
    "_SCALE": (
        "?scale {target} {ns} to {n} pls", "?{target} {ns} can't keep up; bump it to {n} replicas",
        "?traffic spike {ns} — {target} needs {n} replicas",
        "?{target} {ns} is overprovisioned, take it down to {n}", "?{target} {ns} to {n} replicas",
        "?{target} {ns}: replica count {n} pls",
        "?{target} {ns} keeps timing out under load. scale it to {n}",
        "?we need {n} replicas of {target} {ns} before the sale",
        "?only {n} replicas for {target} {ns} from now on", "grow {target} {ns} to {n} replicas",
        "shrink {target} {ns} to {n}", "?{n} replicas on {target} {ns} rn",
        "?{target} {ns} is at the wrong size. should be {n} replicas",
    ),
    "_SCALE_TO_ZERO": (
        "?{target} {ns} isn't needed tonight — scale it to 0",
        "turn {target} {ns} off by scaling to 0", "zero out the replicas of {target} {ns}",
        "bring {target} {ns} down to 0 replicas", "?{target} {ns} to 0 replicas pls",
    ),
    "_RESTART": (
        "?{target} {ns} is stuck — restart it", "?restart {target} {ns} pls",
        "?{target} {ns} picked up a bad config; do a rollout restart",
        "run a rollout restart on {target} {ns}",
        "?{target} {ns} leaked memory overnight. rolling restart pls",
        "give {target} {ns} a quick restart", "restart {target} {ns}, the configmap changed",
        "?{target} {ns} hangs again: restart",
    ),
    "changes._STATUS": (
        "?is {target} {ns} rolled out yet", "?did the rollout of {target} {ns} finish",
        "?{target} {ns} just got a new image; check the rollout status",
        "?rollout status for {target} {ns} pls", "?{target} {ns} still rolling out",
        "wait for {target} {ns} to finish rolling out",
    ),
    "changes._HISTORY": (
        "show {target} {ns} rollout history", "?how many revisions has {target} {ns} got",
        "?need the revision list for {target} {ns} before I decide anything",
        "?past versions of {target} {ns}", "list the rollout revisions of {target} {ns}",
    ),
    "changes._UNDO": (
        "?{target} {ns} broke after the deploy — roll it back",
        "revert the last change to {target} {ns}",
        "?the new version of {target} {ns} is bad. go back to the previous one",
        "step {target} {ns} back one revision", "roll {target} {ns} back to what it was before",
    ),
    "_UNDO_TO": (
        "roll {target} {ns} back to rev {n}",
        "?{target} {ns} was fine at revision {n}; go back to it",
        "revert {target} {ns} to revision {n}", "pin {target} {ns} back to revision {n}",
        "go back to revision {n} on {target} {ns}",
    ),
    "_PAUSE": (
        "pause rollout of {target} {ns}, need to batch some changes",
        "hold the rollout on {target} {ns}", "?can we pause rolling out {target} {ns}",
        "?rollout pause {target} {ns} pls",
        "stop {target} {ns} from rolling out further for now (pause)",
    ),
    "_RESUME": (
        "resume rollouts for {target} {ns}", "unpause rollouts on {target} {ns}",
        "?done with changes on {target} {ns}, resume the rollout",
        "let {target} {ns} continue rolling out", "continue the paused rollout on {target} {ns}",
    ),
    "_IMAGE_ANY": (
        "bump the image on {target} {ns} to {image}", "deploy {image} onto {target} {ns}",
        "?{target} {ns} is on an old build; move it to {image}",
        "set image {image} on {target} {ns}", "ship {image} on {target} {ns}",
        "?new tag for {target} {ns}: {image}",
    ),
    "_IMAGE_CONTAINER": (
        "bump the {container} container of {target} {ns} up to {image}",
        "set image {container}={image} on {target} {ns}",
        "?{container} in {target} {ns} needs {image}",
        "swap the {container} container's image in {target} {ns} to {image}",
        "?{target} {ns}: change the {container} image to {image}",
    ),
    "_ENV_SET": (
        "tack {pair} onto the env of {target} {ns}", "put {pair} into {target}'s env {ns}",
        "?{target} {ns} needs {key}={value} in its env", "?env {pair} on {target} {ns} pls",
        "?{target} {ns} is missing {key}; set it to {value}",
    ),
    "_ENV_UNSET": (
        "drop {key} from {target} {ns}", "remove the {key} env from {target} {ns}",
        "?{target} {ns} shouldn't have {key} anymore — unset it",
        "unset env {key} on {target} {ns}", "get {key} out of the env of {target} {ns}",
    ),
    "_EXPOSE": (
        "expose {target} {ns} to the cluster on port {port}",
        "make a service for {target} {ns} on {port}",
        "?{target} {ns} has no service yet; expose it on {port}",
        "?svc for {target} {ns}, port {port}", "open {target} {ns} up on port {port}",
    ),
    "_EXPOSE_TARGET": (
        "expose {target} {ns} port {port} -> {tp}",
        "?service for {target} {ns}: {port} to container port {tp}",
        "?{target} {ns} listens on {tp}; expose it as port {port}",
        "expose {target} {ns} on {port} with targetPort {tp}",
        "map service port {port} to pod port {tp} for {target} {ns}",
    ),
    "_EXPOSE_TYPE": (
        "expose {target} {ns} through a {type_word} on {port}",
        "?{target} {ns} needs outside access: {type_word} service on port {port}",
        "put a {type_word} in front of {target} {ns}, port {port}",
        "expose {target} {ns} via a {type_word}, port {port}",
    ),
    "_AUTOSCALE": (
        "?hpa for {target} {ns}: {lo} to {hi} replicas, {cpu}% cpu",
        "autoscale {target} {ns}, min {lo}, max {hi}, cpu target {cpu}%",
        "?{target} {ns} gets spiky traffic; autoscale it {lo} to {hi} at {cpu}% cpu",
        "keep {target} {ns} around {cpu}% cpu, anywhere from {lo} to {hi} replicas",
        "set up autoscaling on {target} {ns} ({lo} to {hi}, target {cpu}% cpu)",
    ),
    "_AUTOSCALE_RANGE": (
        "?hpa on {target} {ns}, min {lo} max {hi}", "autoscale {target} {ns} {lo} to {hi}",
        "let {target} {ns} scale itself between {lo} and {hi}",
        "?{target} {ns} should autoscale, never below {lo} or above {hi}",
    ),
    # edits
    "_LABEL_ADD": (
        "stick label {pair} onto {kind} {name} {ns}", "tag {kind} {name} {ns} as {pair}",
        "?{kind} {name} {ns} is missing the {pair} label, add it",
        "put the {pair} label on {kind} {name} {ns}",
        "add {pair} to the labels of {kind} {name} {ns}",
    ),
    "_LABEL_CHANGE": (
        "change the {key} label of {kind} {name} {ns} to {value}",
        "?{kind} {name} {ns} has the wrong {key} label; should be {value}",
        "relabel {kind} {name} {ns}: {key}={value}, overwrite",
        "update label {key} on {kind} {name} {ns} to {value}",
    ),
    "_LABEL_REMOVE": (
        "drop label {key} off {kind} {name} {ns}", "unlabel {key} from {kind} {name} {ns}",
        "?{kind} {name} {ns} shouldn't be labelled {key}, take it off",
        "remove label {key} on {kind} {name} {ns}",
    ),
    "_ANNOTATE_ADD": (
        "annotate {kind} {name} {ns} w/ {pair}", "add annotation {pair} on {kind} {name} {ns}",
        "?{kind} {name} {ns} is missing annotation {pair}; add it",
        "stick {pair} in the annotations of {kind} {name} {ns}",
    ),
    "_ANNOTATE_REMOVE": (
        "drop the annotation {key} from {kind} {name} {ns}",
        "?{kind} {name} {ns} still has the {key} annotation; remove it",
        "delete annotation {key} on {kind} {name} {ns}",
        "pull the {key} annotation off {kind} {name} {ns}",
    ),
    "_DELETE": (
        "?delete {kind} {name} {ns} pls", "nuke the {kind} {name} {ns}",
        "?{kind} {name} {ns} is left over from the migration; delete it",
        "get rid of that {name} {kind} {ns}", "kill off {kind} {name} {ns}",
        "toss out {kind} {name} {ns}", "?we don't need {kind} {name} {ns} anymore — remove it",
        "del {kind} {name} {ns}",
    ),
    "_KILL_POD": (
        "kill pod {name} {ns}, it'll come back",
        "delete pod {name} {ns}, the deployment will recreate it",
        "?{name} {ns} is wedged; delete the pod", "recycle pod {name} {ns} by deleting it",
        "zap the pod {name} {ns}, it'll respawn",
    ),
    "_DELETE_SELECTED": (
        "delete all {kind} {ns} labelled {label}", "nuke every {kind_one} {ns} with {label}",
        "?the {kind} {ns} with {label} are stale, delete them", "remove {kind} {ns} -l {label}",
        "clean out the {kind} {ns} matching {label}",
    ),
    "_DELETE_TWO": (
        "del {kind} {a} {b} {ns}", "nuke the {kind} {a} and {b} {ns}",
        "?{a} and {b} {ns} ({kind}) can go, delete them", "remove both {kind} {a} + {b} {ns}",
        "get rid of {kind} {a} & {b} {ns}",
    ),
    "_CORDON": (
        "?cordon {node} pls", "?{node} is flaky; stop scheduling onto it", "?no new pods on {node}",
        "?mark {node} unschedulable rn", "cordon off {node} before I patch it",
    ),
    "_UNCORDON": (
        "?uncordon {node} pls", "?{node} is patched, let pods schedule there again",
        "put {node} back in rotation", "let {node} take new pods again",
    ),
    "_DRAIN": (
        "?drain {node} pls", "?{node} is going down for a kernel update; drain it",
        "empty out {node} with a drain", "get everything off {node} (drain)",
    ),
    "_DRAIN_DS": (
        "drain {node} w/ --ignore-daemonsets", "drain {node}, skip the daemonsets",
        "?{node} needs a reboot — drain it and ignore daemonset pods",
        "drain {node} but leave the ds pods alone",
    ),
    "_TAINT": (
        "taint {node} w/ {taint}", "?{node} is reserved now; taint it {taint}",
        "stick taint {taint} on {node}", "add the {taint} taint to {node}",
    ),
    "_UNTAINT": (
        "untaint {node} {key}", "take the {key} taint off {node}",
        "?{node} is back to general use, remove its {key} taint", "drop taint {key} from {node}",
    ),
    # creates
    "_DEPLOYMENT": (
        "?new deploy {name} {ns} with {image}", "create deploy {name} {ns} image {image}",
        "spin up {name} as a deploy {ns} from {image}",
        "?we need a deployment called {name} {ns} running {image}",
        "deploy {image} named {name} {ns}",
    ),
    "_DEPLOYMENT_REPLICAS": (
        "create deployment {name} {ns} --image {image} with {n} replicas",
        "spin up {n} replicas of {image} called {name} {ns}",
        "?{name} {ns} should be a new deployment of {image} with {n} replicas",
        "new deploy {name} {ns}: {image}, {n} replicas",
    ),
    "_NAMESPACE": (
        "create ns {name} for me", "?new ns: {name}", "make a namespace {name}",
        "?gotta have a namespace called {name}", "add a new namespace named {name}",
    ),
    "_CONFIGMAP": (
        "create cm {name} {ns} with {pairs}", "?new cm {name} {ns} holding {pairs}",
        "make a configmap {name} {ns} from literal {pairs}",
        "?{name} configmap {ns} with {pairs} pls",
    ),
    "_SECRET": (
        "create secret generic {name} {ns} with {pairs}", "?new secret {name} {ns} w/ {pairs}",
        "store {pairs} in a secret {name} {ns}", "make a generic secret {name} {ns} from {pairs}",
    ),
    "_JOB": (
        "create job {name} {ns} with {image}", "kick off job {name} {ns} on {image}",
        "?new job {name} {ns} image {image}", "spin up a job {name} {ns} from image {image}",
    ),
    "_JOB_FROM": (
        "run cronjob {cron} {ns} now as {name}", "trigger {cron} {ns} manually, job name {name}",
        "create job {name} {ns} --from cronjob/{cron}",
        "?{cron} {ns} missed its run; kick it off now as job {name}",
        "?job {name} {ns} from cron {cron} pls",
    ),
    "_CRONJOB": (
        "create cronjob {name} {ns} {image} {when}", "?schedule {name} {ns}: {image} {when}",
        "?new cronjob {name} {ns} that runs {image} {when}",
        "have {image} run {when} as cronjob {name} {ns}",
    ),
    "_SERVICE_ACCOUNT": (
        "create an sa {name} {ns}", "?new serviceaccount pls: {name} {ns}",
        "make a serviceaccount {name} {ns}", "?gotta have a service account named {name} {ns}",
    ),
    "_ROLE": (
        "create role {name} {ns} with {verbs} on {kind}",
        "?new role {name} {ns} - {verbs} on {kind}",
        "make a role {name} {ns} allowed to {verbs} {kind}",
        "?role {name} {ns} that can {verbs} {kind}",
    ),
    "_BINDING_USER": (
        "bind {who} to role {role} {ns} as {name}",
        "create a rolebinding {name} {ns} giving user {who} role {role}",
        "give user {who} the {role} role {ns} (binding {name})",
        "?rolebinding {name} {ns}: user {who} -> {role}",
    ),
    "_BINDING_SA": (
        "bind sa {who} to role {role} {ns} as {name}",
        "create a rolebinding {name} {ns}: serviceaccount {who}, role {role}",
        "give the {who} service account role {role} {ns}, binding name {name}",
        "?rolebinding {name} {ns}: sa {who} -> {role}",
    ),
    # conversation follow-ups
    "_IT_TO": (
        "{n} of them pls", "ok {n} now", "bump that to {n}", "set that to {n}", "make it {n} then",
        "same deploy, set it to {n}", "ok now {n}", "and set it to {n}", "take that one to {n}",
    ),
    "_ACTUALLY": (
        "wait no, {n}!", "oops, {n}", "nvm, {n}", "typo — {n}", "meant {n} sorry", "actually {n}",
        "no no, {n}", "ugh wrong number, {n}",
    ),
    "_SAME_IN": (
        "same for {ns} pls", "next: {ns}", "also do it in {ns}", "do {ns} as well",
        "same deal over in {ns}", "and {ns} ns", "repeat it for ns {ns}", "same but -n {ns}",
    ),
    "conversations._UNDO": (
        "undo it quick", "roll that back", "revert that pls", "that broke it, go back",
        "back to the previous version", "undo the rollout we just did",
    ),
    "_ITS_LOGS": (
        "logs for it?", "pull up its logs", "what's it been logging", "show me that pod's logs",
        "and its logs pls", "that one's logs",
    ),
    "_DELETE_IT": (
        "delete it pls", "kill that pod", "nuke it", "remove that one", "zap it, it'll respawn",
        "delete that pod pls",
    ),
    "_RESTART_IT": (
        "restart it pls", "bounce that deployment", "rolling restart on it", "restart that one pls",
        "give it a bounce", "restart the same deploy",
    ),
    "_DESCRIBE_IT": (
        "desc it", "details on that one pls", "desc that pod", "what's wrong with it, describe",
        "more info on that one", "describe that pod pls",
    ),
    "conversations._STATUS": (
        "is it done yet?", "is it rolled out?", "rollout done?", "did it go through?",
        "all pods updated yet?", "still rolling?",
    ),
    "conversations._HISTORY": (
        "its history?", "show its rollout history", "which revisions does it have",
        "past revisions pls", "how many rollouts has it had",
    ),
    "_GREETING": (
        "thx!!", "tyvm!!", "cool thanks", "perfect ty", "okie dokie", "nice one, cheers", "gotcha",
        "great, that's it", "ta mate",
    ),
    "conversations._META": (
        "what else are u good for", "r u logging this?", "can you remember my namespace?",
        "do you run stuff automatically?", "are you gpt?", "who do I report bugs to?",
    ),
}
# fmt: on
