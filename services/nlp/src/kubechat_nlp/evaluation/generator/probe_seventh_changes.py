"""The change half of the seventh probe vocabulary (`probe --vocab seventh`): change, edit
and create templates as typed in terse team chat and by non-native English speakers
("for get-quote make replicas 4", "scale tarif on 3", "kindly rollback fatura", "please to
create ns kyc"), written without reading the parser. `probe_seventh` merges them into its
`PROBE`. Entries are packed several to a line by hand to keep the file short.
"""

from __future__ import annotations

# fmt: off
PROBE: dict[str, tuple[str, ...]] = {
    # changes
    "_SCALE": (
        "scale {target} on {n} {ns}", "?for {target} {ns} make replicas {n}",
        "?{target} {ns} replicas {n} pls", "make {target} {ns} {n} replicas",
        "?can u scale {target} {ns} upto {n}", "set replica count of {target} {ns} as {n}",
        "?{target} {ns} need {n} pods running", "?please to scale {target} {ns} with {n} replicas",
        "?replicas {n} for {target} {ns}", "change {target} {ns} replicas to {n}",
        "?kindly make {target} {ns} as {n} replicas", "?{target} {ns} -> {n} replicas",
        "run {n} pods for {target} {ns}",
    ),
    "_SCALE_TO_ZERO": (
        "scale down {target} {ns} to 0", "?{target} {ns} replicas 0 pls",
        "make {target} {ns} zero replicas", "?stop all pods of {target} {ns}, scale 0",
        "bring {target} {ns} down to zero replicas", "?{target} {ns} put 0 pods for now",
        "set {target} {ns} replicas as 0",
    ),
    "_RESTART": (
        "?restart {target} {ns} asap", "?{target} {ns} restart pls",
        "do rolling restart of {target} {ns}", "?can u bounce {target} {ns}",
        "redeploy {target} {ns} with same version", "?{target} {ns} hanging, do restart",
        "rollout restart {target} {ns}", "?kindly restart {target} {ns}, its not responding",
        "recycle pods of {target} {ns}", "?{target} {ns} need restart urgently",
        "?pls restart {target} {ns} once",
    ),
    "changes._STATUS": (
        "?rollout status {target} {ns}", "?{target} {ns} rollout done or not",
        "check rollout of {target} {ns}", "?is {target} {ns} updated fully",
        "?new version of {target} {ns} rolled out or still going",
        "?status of update for {target} {ns}",
    ),
    "changes._HISTORY": (
        "?rollout history {target} {ns}", "show revisions of {target} {ns}",
        "?{target} {ns} previous revisions list", "?how many revisions {target} {ns} have",
        "list deploy history of {target} {ns}", "?what all versions {target} {ns} had before",
    ),
    "changes._UNDO": (
        "rollback {target} {ns}", "?{target} {ns} undo last rollout",
        "revert {target} {ns} to previous", "?new version of {target} {ns} is bad, rollback pls",
        "go back to old version for {target} {ns}", "?{target} {ns} rollback to previous revision",
        "undo the deploy of {target} {ns}", "?kindly roll back {target} {ns}",
    ),
    "_UNDO_TO": (
        "rollback {target} {ns} to revision {n}", "?{target} {ns} go to rev {n}",
        "revert {target} {ns} on revision {n}", "?undo {target} {ns} till revision {n}",
        "?need {target} {ns} back at revision no {n}", "roll back {target} {ns} to version no. {n}",
    ),
    "_PAUSE": (
        "pause rollout {target} {ns}", "?{target} {ns} rollout pause pls",
        "hold the rollout of {target} {ns}", "?pause {target} {ns} rollout for some time",
        "freeze the ongoing rollout of {target} {ns}", "?kindly pause update of {target} {ns}",
    ),
    "_RESUME": (
        "resume rollout {target} {ns}", "?{target} {ns} rollout continue pls",
        "unpause {target} {ns} rollout", "?{target} {ns} rollout paused, resume it",
        "continue the paused rollout for {target} {ns}", "?pls resume {target} {ns} rollout",
    ),
    "_IMAGE_ANY": (
        "set image {image} for {target} {ns}", "?{target} {ns} image change to {image}",
        "update {target} {ns} with image {image}", "?pls deploy {image} image on {target} {ns}",
        "change image of {target} {ns} to {image}", "?{target} {ns} new image {image} pls",
        "upgrade {target} {ns} to {image}", "?kindly update image {image} in {target} {ns}",
        "?for {target} {ns} use image {image}", "?{target} {ns} -> {image}",
    ),
    "_IMAGE_CONTAINER": (
        "set image of container {container} in {target} {ns} to {image}",
        "?{target} {ns} container {container} image {image}",
        "update {container} container image to {image} for {target} {ns}",
        "?only {container} of {target} {ns} change to {image}",
        "?for {target} {ns}, {container} container should use {image}",
        "change {container} image on {target} {ns} as {image}",
    ),
    "_ENV_SET": (
        "set env {pair} on {target} {ns}", "?{target} {ns} add env {pair}",
        "?pls add {key}={value} env in {target} {ns}",
        "update env var {key} to {value} for {target} {ns}", "?for {target} {ns} env {pair} needed",
        "put {pair} in env of {target} {ns}", "?{target} {ns} set {key} as {value}",
        "add environment variable {pair} to {target} {ns}", "?env {key} = {value} on {target} {ns}",
    ),
    "_ENV_UNSET": (
        "remove env {key} from {target} {ns}", "?{target} {ns} unset {key}",
        "delete {key} env var of {target} {ns}", "?{key} not needed in {target} {ns}, remove",
        "drop env variable {key} on {target} {ns}", "?pls remove {key} from env of {target} {ns}",
    ),
    "_EXPOSE": (
        "expose {target} {ns} port {port}", "?create service for {target} {ns} port {port}",
        "?{target} {ns} expose with {port}", "make svc for {target} {ns} on {port}",
        "?need service on port {port} for {target} {ns}",
        "open {port} for {target} {ns} via service",
    ),
    "_EXPOSE_TARGET": (
        "expose {target} {ns} port {port} target port {tp}",
        "?service for {target} {ns}: port {port}, targetPort {tp}",
        "create svc for {target} {ns} from {port} to {tp}",
        "?{target} {ns} container port {tp}, expose as {port}",
        "expose {target} {ns} with port {port} and target {tp}",
        "?need service {port}->{tp} for {target} {ns}",
    ),
    "_EXPOSE_TYPE": (
        "expose {target} {ns} as {type_word} port {port}",
        "?create {type_word} for {target} {ns} on {port}",
        "?{target} {ns} need {type_word} on port {port}",
        "make {type_word} service for {target} {ns}, port {port}",
        "?expose {target} {ns} port {port} type {type_word}",
        "put {target} {ns} behind {type_word} with port {port}",
    ),
    "_AUTOSCALE": (
        "autoscale {target} {ns} min {lo} max {hi} cpu {cpu}%",
        "?hpa for {target} {ns}: {lo} to {hi} pods, cpu {cpu}%",
        "create autoscaler on {target} {ns} from {lo} to {hi} with {cpu}% cpu",
        "?{target} {ns} should auto scale {lo} to {hi} at cpu {cpu} percent",
        "set hpa {target} {ns} min={lo} max={hi} cpu-percent={cpu}",
        "?kindly enable autoscaling for {target} {ns}, min {lo}, max {hi}, target cpu {cpu}%",
    ),
    "_AUTOSCALE_RANGE": (
        "autoscale {target} {ns} between {lo} and {hi}", "?hpa {target} {ns} min {lo} max {hi}",
        "create hpa for {target} {ns} with {lo} to {hi} replicas",
        "?{target} {ns} autoscaling {lo} to {hi} pods",
        "enable auto scaling on {target} {ns}, min {lo} max {hi}",
        "?pls autoscale {target} {ns} from {lo} upto {hi}",
    ),
    # edits
    "_LABEL_ADD": (
        "label {kind} {name} {ns} {pair}", "?add label {pair} to {kind} {name} {ns}",
        "?{kind} {name} {ns} put label {pair}", "apply label {pair} on {name} {kind} {ns}",
        "?for {kind} {name} {ns} add {pair} label", "set label {pair} in {kind} {name} {ns}",
    ),
    "_LABEL_CHANGE": (
        "?{kind} {name} {ns} change label {key} to {value}",
        "overwrite label {key}={value} on {kind} {name} {ns}",
        "update {key} label of {kind} {name} {ns} as {value}",
        "?{key} label wrong on {kind} {name} {ns}, make it {value}",
        "?{kind} {name} {ns}: label {key} already there, overwrite with {pair}",
        "modify label {key} to {value} for {name} {kind} {ns}",
    ),
    "_LABEL_REMOVE": (
        "remove label {key} from {kind} {name} {ns}", "?{kind} {name} {ns} delete the {key} label",
        "unlabel {key} on {kind} {name} {ns}",
        "?{key} label not needed on {name} {kind} {ns}, remove pls",
        "drop {key} label of {kind} {name} {ns}",
        "?pls take out label {key} from {kind} {name} {ns}",
    ),
    "_ANNOTATE_ADD": (
        "add annotation {pair} to {kind} {name} {ns}", "?{kind} {name} {ns} annotation {pair} pls",
        "put annotation {pair} on {name} {kind} {ns}",
        "?for {kind} {name} {ns} set annotation {pair}", "annotate {pair} in {kind} {name} {ns}",
        "?need {pair} annotation on {kind} {name} {ns}",
    ),
    "_ANNOTATE_REMOVE": (
        "remove annotation {key} from {kind} {name} {ns}",
        "?{kind} {name} {ns} delete annotation {key}",
        "drop the {key} annotation of {name} {kind} {ns}",
        "?annotation {key} not needed on {kind} {name} {ns}, remove it",
        "unset annotation {key} on {kind} {name} {ns}",
        "?pls clear {key} annotation in {kind} {name} {ns}",
    ),
    "_DELETE": (
        "?pls delete {kind} {name} {ns}", "remove {kind} {name} {ns}, not needed",
        "?{kind} {name} {ns} delete it", "?{kind} {name} {ns} not required, delete",
        "delete the {name} {kind} {ns} permanently", "?kindly remove {kind} {name} {ns}",
        "?{kind} {name} {ns} - remove pls", "clean up {kind} {name} {ns}, delete it",
        "drop {kind} {name} {ns} from cluster", "?can u delete {name} {kind} {ns}",
        "?{name} {kind} {ns} erase it",
    ),
    "_KILL_POD": (
        "kill pod {name} {ns} now", "?{name} {ns} stuck, delete the pod",
        "?pod {name} {ns} pls kill", "delete pod {name} {ns} so it comes fresh",
        "?{name} {ns} hanging, remove pod", "?terminate the pod {name} {ns} pls",
        "?kill {name} pod {ns} asap", "?can u kill {name} pod {ns}, its in crashloop",
    ),
    "_DELETE_SELECTED": (
        "delete all {kind} with label {label} {ns}", "?remove {kind} {ns} having {label}",
        "delete {kind} by label {label} {ns}", "?all {kind} {ns} where label {label}, delete",
        "remove each {kind_one} with {label} {ns}",
        "?{kind} {ns} with selector {label} - delete all", "clean all {kind} labelled {label} {ns}",
        "?pls delete every {kind_one} having label {label} {ns}",
    ),
    "_DELETE_TWO": (
        "remove {kind} {a} & {b} {ns}", "?{kind} {a} and {b} {ns} delete both",
        "delete both {kind} {a} and {b} {ns}", "?pls remove {a} + {b} {kind} {ns}",
        "?delete {kind} {a} also {b} {ns}", "drop {kind} {a} plus {b} {ns}",
    ),
    "_CORDON": (
        "?mark {node} unschedulable", "?{node} no more scheduling pls",
        "disable scheduling on {node}", "?cordon node {node} asap", "make {node} as unschedulable",
        "?dont schedule pods on {node} from now",
    ),
    "_UNCORDON": (
        "uncordon {node}", "?make {node} schedulable again", "enable scheduling on {node}",
        "?{node} maintenance done, allow pods again", "mark {node} as schedulable",
        "?pls uncordon node {node}",
    ),
    "_DRAIN": (
        "drain {node}", "?{node} drain pls, going for maintenance", "evict all pods from {node}",
        "?empty the node {node}", "drain node {node} for patching", "?move out all pods of {node}",
    ),
    "_DRAIN_DS": (
        "drain {node} --ignore-daemonsets", "?{node} drain, ignore ds",
        "evict pods from {node} except daemonset ones", "?drain {node} but daemonsets keep",
        "drain node {node} with ignore daemonsets",
        "?pls drain {node}, daemonset pods can be ignored",
    ),
    "_TAINT": (
        "taint node {node} with {taint}", "?add taint {taint} on {node}",
        "?{node} put taint {taint}", "apply {taint} taint to node {node}",
        "?node {node} taint {taint} pls", "set taint {taint} for {node}",
    ),
    "_UNTAINT": (
        "remove taint {key} from {node}", "?{node} remove {key} taint",
        "delete the {key} taint of node {node}", "?{key} taint on {node} not needed, remove",
        "clear taint {key} on {node}", "?pls take off {key} taint from {node}",
    ),
    # creates
    "_DEPLOYMENT": (
        "create deployment {name} {ns} image {image}", "?new deploy {name} with {image} {ns}",
        "?deploy {image} with name {name} {ns}", "make deployment {name} using image {image} {ns}",
        "?create {name} deployment from {image} {ns}",
        "?need deployment {name} {ns}, image is {image}",
        "run {image} as new deployment {name} {ns}",
        "?kindly create deployment named {name} with image {image} {ns}",
    ),
    "_DEPLOYMENT_REPLICAS": (
        "create deployment {name} {ns} image {image} replicas {n}",
        "?new deploy {name} {ns} with {image}, {n} replicas",
        "deploy {image} as {name} {ns} with {n} pods",
        "?{name} deployment {ns}: image {image}, replica {n}",
        "make deployment {name} from {image} {ns}, {n} copies",
        "?need {n} replica deployment {name} {ns} using {image}",
    ),
    "_NAMESPACE": (
        "create ns {name}", "?new namespace {name} pls", "make namespace with name {name}",
        "?need ns called {name} asap", "add namespace {name}",
        "?please to create namespace {name} for our team",
    ),
    "_CONFIGMAP": (
        "create configmap {name} {ns} from literal {pairs}", "?new cm {name} {ns} with {pairs}",
        "make config map {name} {ns} having {pairs}", "?configmap {name} {ns}, data {pairs}",
        "add a configmap named {name} {ns} with values {pairs}",
        "?pls create cm {name} {ns}: {pairs}",
    ),
    "_SECRET": (
        "create secret {name} {ns} with {pairs}",
        "?new generic secret {name} {ns} from literal {pairs}",
        "make secret named {name} {ns} having {pairs}", "?secret {name} {ns}, data {pairs}",
        "store {pairs} into secret {name} {ns}", "?pls add secret {name} {ns} with {pairs}",
    ),
    "_JOB": (
        "create job {name} {ns} image {image}", "?run one time job {name} with {image} {ns}",
        "?new job {name} {ns} using {image}", "start a job {name} from image {image} {ns}",
        "?job {name} {ns} with {image} pls", "make job named {name} running {image} {ns}",
    ),
    "_JOB_FROM": (
        "create job {name} from cronjob {cron} {ns}", "?run {cron} now manually as job {name} {ns}",
        "trigger cronjob {cron} {ns}, job name {name}", "?{cron} cron run now pls, job {name} {ns}",
        "make job {name} {ns} out of cronjob {cron}",
        "?manually start cronjob {cron} {ns} with job name {name}",
    ),
    "_CRONJOB": (
        "create cronjob {name} {ns} image {image} {when}",
        "?new cron {name} {ns} running {image} {when}",
        "schedule image {image} {when}, cronjob name {name} {ns}",
        "?cronjob {name} {ns} - image {image}, run {when}",
        "make cron job named {name} with {image} that run {when} {ns}",
        "?need cronjob {name} {ns} to run {image} {when}",
    ),
    "_SERVICE_ACCOUNT": (
        "create sa {name} {ns}", "?new serviceaccount {name} {ns}",
        "?pls make new service account with name {name} {ns}", "?need sa {name} {ns} pls",
        "add service-account {name} {ns}", "?pls create serviceaccount {name} {ns}",
    ),
    "_ROLE": (
        "create role {name} {ns} with verbs {verbs} on {kind}",
        "?new role {name} {ns}, it can {verbs} {kind}",
        "make role {name} {ns} which can {verbs} {kind}", "?role {name} {ns}: {verbs} {kind}",
        "add role named {name} {ns} allowing {verbs} for {kind}",
        "?need role {name} {ns} with {verbs} access on {kind}",
    ),
    "_BINDING_USER": (
        "create rolebinding {name} {ns} role {role} user {who}",
        "?bind {role} to user {who} {ns}, name {name}",
        "give {who} the {role} role {ns} via binding {name}",
        "?user {who} need {role} {ns}, rolebinding {name}",
        "make rolebinding {name} for user {who} with role {role} {ns}",
        "?rolebinding {name} {ns}: user {who} -> role {role}",
    ),
    "_BINDING_SA": (
        "create rolebinding {name} {ns} role {role} serviceaccount {who}",
        "?bind role {role} to sa {who} {ns}, binding name {name}",
        "give service account {who} role {role} {ns} through rolebinding {name}",
        "?sa {who} needs {role} {ns}, create binding {name}",
        "make rolebinding {name} {ns} for serviceaccount {who} with {role}",
        "?rolebinding {name} {ns}: sa {who} -> role {role}",
    ),
}
# fmt: on
