"""The change half of the fifth probe vocabulary (`probe --vocab fifth`): change, edit
and create templates, new phrasings written without reading the parser. `probe_fifth`
merges them into its `PROBE`.
"""

from __future__ import annotations

PROBE: dict[str, tuple[str, ...]] = {
    # changes
    "_SCALE": (
        "?can we get {target} {ns} to {n} replicas",
        "?{target} {ns} -> {n} replicas",
        "bump {target} {ns} to {n} instances",
        "?{target} {ns} should have {n} pods",
        "set replicas={n} on {target} {ns}",
        "scale {target} {ns} so it has {n} pods",
    ),
    "_SCALE_TO_ZERO": (
        "turn off {target} {ns} by scaling it to zero",
        "?can you zero out {target} {ns}",
        "take {target} {ns} to zero replicas",
    ),
    "_RESTART": (
        "?can you give {target} {ns} a restart",
        "restart all the pods of {target} {ns}",
        "?{target} {ns} needs a restart",
        "roll the pods of {target} {ns}",
        "trigger a rollout restart for {target} {ns}",
    ),
    "changes._STATUS": (
        "?did the {target} rollout finish {ns}",
        "?is the rollout of {target} {ns} done yet",
        "?whats the rollout state of {target} {ns}",
    ),
    "changes._HISTORY": (
        "?what versions of {target} {ns} have been rolled out",
        "show past revisions of {target} {ns}",
        "?revision history for {target} {ns}",
    ),
    "changes._UNDO": (
        "?the last deploy of {target} {ns} broke things, go back",
        "undo {target} {ns}",
        "roll {target} {ns} back one version",
        "?can we go back to the previous {target} release {ns}",
    ),
    "_UNDO_TO": (
        "put {target} {ns} back on revision {n}",
        "?can you restore revision {n} of {target} {ns}",
        "rollback {target} {ns} --to-revision={n}",
    ),
    "_PAUSE": (
        "hold the rollout of {target} {ns}",
        "?can we freeze the {target} rollout {ns}",
        "rollout pause {target} {ns}",
    ),
    "_RESUME": (
        "continue the rollout of {target} {ns}",
        "rollout resume {target} {ns}",
        "?can you let the {target} rollout carry on {ns}",
    ),
    "_IMAGE_ANY": (
        "deploy {image} to {target} {ns}",
        "?can you switch {target} {ns} over to {image}",
        "change the image on {target} {ns} to {image}",
        "?can {target} {ns} run {image} instead",
    ),
    "_IMAGE_CONTAINER": (
        "?can you switch container {container} in {target} {ns} to {image}",
        "set {container} to {image} in {target} {ns}",
        "update the {container} image of {target} {ns} to {image}",
    ),
    "_ENV_SET": (
        "put {pair} in the env of {target} {ns}",
        "add env {pair} to {target} {ns}",
        "?{target} {ns} needs {key} set to {value}",
        "?can you set {pair} on {target} {ns}",
    ),
    "_ENV_UNSET": (
        "drop the {key} env var on {target} {ns}",
        "?can you unset {key} in {target} {ns}",
        "delete env {key} from {target} {ns}",
    ),
    "_EXPOSE": (
        "?can you expose {target} {ns} on {port}",
        "make a service for {target} {ns} on port {port}",
        "publish {target} {ns} on port {port}",
    ),
    "_EXPOSE_TARGET": (
        "expose {target} {ns} port {port}, target port {tp}",
        "?service for {target} {ns} mapping {port} to {tp}",
        "make {target} {ns} reachable on {port}, forwarding to container port {tp}",
    ),
    "_EXPOSE_TYPE": (
        "?can you expose {target} {ns} via {type_word} on port {port}",
        "create a {type_word} service for {target} {ns} on port {port}",
        "put {target} {ns} behind a {type_word} on {port}",
    ),
    "_AUTOSCALE": (
        "?set up autoscaling for {target} {ns}: {lo}-{hi} replicas, {cpu}% cpu",
        "?hpa {target} {ns} min {lo} max {hi} cpu {cpu}%",
        "?can {target} {ns} scale itself between {lo} and {hi} pods aiming at {cpu}% cpu",
    ),
    "_AUTOSCALE_RANGE": (
        "autoscale {target} {ns} between {lo} and {hi}",
        "?hpa for {target} {ns} with {lo} to {hi} replicas",
        "let {target} {ns} autoscale, min {lo}, max {hi}",
    ),
    # edits
    "_LABEL_ADD": (
        "?can you label {kind} {name} {ns} {pair}",
        "add the {pair} label on {kind} {name} {ns}",
        "stick label {pair} on {kind} {name} {ns}",
    ),
    "_LABEL_CHANGE": (
        "?can you update the {key} label on {kind} {name} {ns} to {value}",
        "relabel {kind} {name} {ns}: {key} is now {value}",
        "set label {key} to {value} on {kind} {name} {ns}, overwrite the old one",
    ),
    "_LABEL_REMOVE": (
        "?can you take the {key} label off {kind} {name} {ns}",
        "delete label {key} from {kind} {name} {ns}",
        "strip the {key} label from {kind} {name} {ns}",
    ),
    "_ANNOTATE_ADD": (
        "?can you add the annotation {pair} on {kind} {name} {ns}",
        "put annotation {pair} on {kind} {name} {ns}",
        "annotate {kind} {name} {ns} {pair}",
    ),
    "_ANNOTATE_REMOVE": (
        "drop the {key} annotation from {kind} {name} {ns}",
        "?can you remove annotation {key} on {kind} {name} {ns}",
        "strip annotation {key} off {kind} {name} {ns}",
    ),
    "_DELETE": (
        "trash {kind} {name} {ns}",
        "?can you delete {kind} {name} {ns}",
        "?{kind} {name} {ns} needs to go",
        "toss {kind} {name} {ns}",
        "delete that {kind} {name} {ns}",
    ),
    "_KILL_POD": (
        "kill that stuck pod {name} {ns}",
        "?can you kill pod {name} {ns}",
        "terminate pod {name} {ns}",
        "delete the crashing pod {name} {ns}",
    ),
    "_DELETE_SELECTED": (
        "delete any {kind_one} labelled {label} {ns}",
        "?can you remove all {kind} with {label} {ns}",
        "clean out the {kind} tagged {label} {ns}",
        "purge {kind} matching {label} {ns}",
    ),
    "_DELETE_TWO": (
        "delete both {kind} {a} and {b} {ns}",
        "remove the {kind} {a} & {b} {ns}",
        "?can you delete {kind} {a} plus {b} {ns}",
    ),
    "_CORDON": (
        "?can you cordon node {node}",
        "make {node} unschedulable",
        "block scheduling on {node}",
    ),
    "_UNCORDON": (
        "make {node} schedulable",
        "?can you uncordon node {node}",
        "re-enable scheduling on {node}",
    ),
    "_DRAIN": (
        "?can you drain node {node}",
        "evict all pods from {node}",
        "empty {node} so we can reboot it",
    ),
    "_DRAIN_DS": (
        "drain {node} but skip the daemonsets",
        "drain node {node} with --ignore-daemonsets",
        "evict everything from {node}, daemonsets excepted",
    ),
    "_TAINT": (
        "put taint {taint} on {node}",
        "?can you taint {node} with {taint}",
        "add the {taint} taint to node {node}",
    ),
    "_UNTAINT": (
        "remove taint {key} from {node}",
        "?can you drop the {key} taint on node {node}",
        "take {key} off {node}'s taints",
    ),
    # creates
    "_DEPLOYMENT": (
        "?can you create deployment {name} from image {image} {ns}",
        "make a deployment named {name} with {image} {ns}",
        "deploy {name} using the {image} image {ns}",
        "start a new deployment {name} ({image}) {ns}",
    ),
    "_DEPLOYMENT_REPLICAS": (
        "create deployment {name} {ns} with {image} x{n}",
        "?can you deploy {image} as {name} with {n} replicas {ns}",
        "make a {n}-replica deployment {name} running {image} {ns}",
    ),
    "_NAMESPACE": (
        "?can you create a namespace named {name}",
        "?new namespace: {name}",
        "set up a {name} namespace",
    ),
    "_CONFIGMAP": (
        "make a config map {name} {ns} with {pairs}",
        "?can you create configmap {name} {ns} from {pairs}",
        "?new cm {name} {ns} with {pairs}",
    ),
    "_SECRET": (
        "make a secret called {name} {ns} with {pairs}",
        "?can you create secret {name} {ns} from literals {pairs}",
        "?new secret {name} {ns} holding {pairs}",
    ),
    "_JOB": (
        "start a job {name} {ns} using image {image}",
        "?can you run {image} once as job {name} {ns}",
        "create job {name} {ns} from image {image}",
    ),
    "_JOB_FROM": (
        "kick off cronjob {cron} by hand as job {name} {ns}",
        "?can you run {cron} now, job name {name} {ns}",
        "make job {name} out of the {cron} cronjob {ns}",
    ),
    "_CRONJOB": (
        "add a cronjob {name} {ns} running {image} {when}",
        "?can you schedule {image} {when} as {name} {ns}",
        "create cronjob {name} {ns}, image {image}, {when}",
    ),
    "_SERVICE_ACCOUNT": (
        "?can you make a service account named {name} {ns}",
        "create sa {name} {ns}",
        "set up serviceaccount {name} {ns}",
    ),
    "_ROLE": (
        "create role {name} {ns} that lets people {verbs} {kind}",
        "?can you make a role {name} {ns} to {verbs} {kind}",
        "?new role {name} {ns}: {verbs} {kind}",
    ),
    "_BINDING_USER": (
        "give user {who} the {role} role {ns} via rolebinding {name}",
        "?can you bind {who} to role {role} {ns}, binding called {name}",
        "create a rolebinding {name} {ns} for user {who} with role {role}",
    ),
    "_BINDING_SA": (
        "give service account {who} the {role} role {ns} via binding {name}",
        "?can you bind sa {who} to {role} {ns} as {name}",
        "create rolebinding {name} {ns} for serviceaccount {who}, role {role}",
    ),
}
