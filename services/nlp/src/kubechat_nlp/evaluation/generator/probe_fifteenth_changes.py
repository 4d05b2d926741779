"""The change half of the fifteenth probe vocabulary (`probe --vocab fifteenth`): change,
edit and create templates, and the conversation follow-ups, written without reading the
parser. "The on-call week": the SRE on a phone gives the target and the number and little
else ("paged. {target} {ns} not responding. restart", "{target} {ns} at {n} replicas
please"); the new developer asks politely ("could we have {n} replicas of {target} {ns},
please"); the manager's requests come with a reason ("we're over budget. reduce {target}
{ns} to {n} replicas"); the support engineer pastes what the customer saw and
then says what to do ("the fix is in {image}. roll it out to {target} {ns}"); and some
write two or three short sentences with the request last ("restarted the db. now restart
{target} {ns} too", "{cron} {ns} didn't run last night. start it now as job {name}").
Names are everyday words, so a cronjob called "tidy-up" or a deployment called "follow"
sits beside the verbs. The follow-ups are complete, polite little sentences ("apologies,
meant to say {n}", "likewise over in {ns}", "has it finished?"), and the thanks and
questions about the assistant must never act. Scale templates never use "replicas",
"pods" or "copies" except as the count's noun, since the generator singularises them for
a count of one. `probe_fifteenth` merges them into its `PROBE`. Entries are packed
several to a line.
"""

from __future__ import annotations

# fmt: off
PROBE: dict[str, tuple[str, ...]] = {
    # changes
    "_SCALE": (
        "?{target} {ns} needs {n} replicas for the rest of the week",
        "?load is up {ns}. run {target} at {n} replicas",
        "?could we have {n} replicas of {target} {ns}, please",
        "?manager here: please take {target} {ns} to {n} replicas for the launch",
        "?paged for latency. {target} {ns}. {n} replicas", "take {target} {ns} to {n}",
        "?{target} {ns} at {n} replicas please", "adjust {target} {ns} so it runs {n} replicas",
        "?customer traffic doubled overnight. scale {target} {ns} up to {n}",
        "?we're over budget. reduce {target} {ns} to {n} replicas",
        "?the weekend is quiet. drop {target} {ns} to {n}",
        "?I was told to run {target} {ns} with {n} replicas. could you set that",
    ),
    "_SCALE_TO_ZERO": (
        "?nobody uses {target} {ns} on weekends. scale it to zero",
        "park {target} {ns} at 0 replicas until Monday",
        "switch off {target} {ns} by setting replicas to 0",
        "?{target} {ns} is spamming the pager. scale to 0 for now",
    ),
    "_RESTART": (
        "?{target} {ns} is wedged again. restart please",
        "kick off a rollout restart of {target} {ns}",
        "?it's stopped answering. could you restart {target} {ns}",
        "?restarted the db. now restart {target} {ns} too", "roll every pod of {target} {ns}",
        "give {target} {ns} a fresh start with a rolling restart",
        "?memory keeps climbing on {target} {ns}. restart it",
        "?paged. {target} {ns} not responding. restart",
    ),
    "changes._STATUS": (
        "?has {target} {ns} finished rolling out yet, or is it stuck",
        "?how far along is the rollout of {target} {ns}", "follow the rollout of {target} {ns}",
        "?is the new build of {target} {ns} fully out",
        "?manager asking: is {target} {ns} deployed yet",
        "report the rollout status of {target} {ns}",
    ),
    "changes._HISTORY": (
        "?what versions of {target} {ns} have we rolled out",
        "list the past rollouts of {target} {ns}", "?revision history for {target} {ns}, please",
        "?before I roll back: show the revisions of {target} {ns}",
        "?how many times has {target} {ns} been rolled out this week",
    ),
    "changes._UNDO": (
        "?today's release of {target} {ns} is broken. undo it",
        "put {target} {ns} back on its previous revision",
        "?could you roll back {target} {ns}, please", "undo the latest rollout on {target} {ns}",
        "?errors started right after the deploy. revert {target} {ns}",
    ),
    "_UNDO_TO": (
        "?{target} {ns} was last healthy at revision {n}. roll back to that",
        "return {target} {ns} to revision {n}", "undo {target} {ns} to revision number {n}",
        "?please take {target} {ns} back to rev {n}", "set {target} {ns} back to revision {n}",
    ),
    "_PAUSE": (
        "freeze the rollout of {target} {ns}",
        "?I'm making a few edits to {target} {ns}. pause its rollout first",
        "pause rolling updates on {target} {ns}", "halt further rollouts of {target} {ns} for now",
    ),
    "_RESUME": (
        "unfreeze {target} {ns} so its rollout continues",
        "?edits to {target} {ns} are done. resume rolling it out",
        "pick the rollout of {target} {ns} back up", "resume rolling updates on {target} {ns}",
    ),
    "_IMAGE_ANY": (
        "switch {target} {ns} over to {image}", "?release day: put {image} on {target} {ns}",
        "update the image that {target} {ns} runs to {image}",
        "?the fix is in {image}. roll it out to {target} {ns}",
        "point {target} {ns} at image {image}",
        "?could you bring {target} {ns} up to {image}, please",
    ),
    "_IMAGE_CONTAINER": (
        "bump just the {container} container in {target} {ns} to {image}",
        "?the {container} container of {target} {ns} needs to be on {image}",
        "for {target} {ns}, set the {container} image to {image}",
        "put {image} into the {container} container of {target} {ns} and leave the rest",
    ),
    "_ENV_SET": (
        "add {pair} to the environment {target} {ns} runs with",
        "?per the ticket, {target} {ns} needs {key} set to {value}",
        "configure {target} {ns} with the env var {pair}",
        "set the environment variable {key}={value} on {target} {ns}",
        "?support wants {pair} on {target} {ns}. set it",
    ),
    "_ENV_UNSET": (
        "take {key} out of the environment {target} {ns} runs with",
        "?{key} on {target} {ns} is no longer needed. remove it",
        "delete the {key} env var from {target} {ns}", "clear {key} from the env of {target} {ns}",
    ),
    "_EXPOSE": (
        "stand up a service in front of {target} {ns} on port {port}",
        "?the support team can't reach {target} {ns}. it needs a service on port {port}",
        "publish {target} {ns} on port {port} inside the cluster",
        "expose {target} {ns} internally at port {port}",
    ),
    "_EXPOSE_TARGET": (
        "expose {target} {ns}: service port {port}, container port {tp}",
        "?{target} {ns} serves on {tp}. expose it as {port}",
        "create a service on {port} forwarding to {tp} for {target} {ns}",
        "expose {target} {ns} with port {port} and target port {tp}",
    ),
    "_EXPOSE_TYPE": (
        "make a {type_word} service for {target} {ns} on port {port}",
        "?support needs to reach {target} {ns} from outside. {type_word} on port {port}",
        "expose {target} {ns} to the outside on {port} using a {type_word}",
    ),
    "_AUTOSCALE": (
        "autoscale {target} {ns} with min {lo}, max {hi} and {cpu}% cpu",
        "?traffic is unpredictable this week. let {target} {ns} autoscale from {lo} to {hi} at"
        " {cpu}% cpu",
        "create an hpa for {target} {ns}: {lo} to {hi} replicas, target {cpu}% cpu",
        "?manager asks that {target} {ns} scale itself between {lo} and {hi} replicas aiming at"
        " {cpu}% cpu",
        "put an autoscaler on {target} {ns}, {lo} min {hi} max, {cpu}% cpu target",
    ),
    "_AUTOSCALE_RANGE": (
        "autoscale {target} {ns} with at least {lo} and at most {hi} replicas",
        "?add an hpa to {target} {ns}, {lo} to {hi} replicas",
        "let {target} {ns} autoscale anywhere between {lo} and {hi}",
    ),
    # edits
    "_LABEL_ADD": (
        "give {kind} {name} {ns} an extra label, {pair}",
        "?{kind} {name} {ns} still needs a {pair} label before handover",
        "label the {name} {kind} {ns} {pair}", "attach label {pair} to {kind} {name} {ns}",
        "?for the handover, mark {kind} {name} {ns} with label {pair}",
    ),
    "_LABEL_CHANGE": (
        "?the {key} label on {kind} {name} {ns} is wrong. it should be {value}",
        "overwrite the existing {key} label of {kind} {name} {ns} with {value}",
        "set the {key} label on {kind} {name} {ns} to {value}, replacing the old one",
        "relabel {kind} {name} {ns} with {key}={value}, overwriting",
    ),
    "_LABEL_REMOVE": (
        "peel the {key} label off {kind} {name} {ns}",
        "?{kind} {name} {ns} shouldn't carry a {key} label. remove it",
        "take label {key} away from {kind} {name} {ns}",
        "clear the {key} label on {kind} {name} {ns}",
    ),
    "_ANNOTATE_ADD": (
        "note {pair} in an annotation on {kind} {name} {ns}",
        "?for the incident log, annotate {kind} {name} {ns} with {pair}",
        "set the annotation {pair} on {kind} {name} {ns} for the audit",
        "put an annotation {pair} on {kind} {name} {ns}",
    ),
    "_ANNOTATE_REMOVE": (
        "remove the {key} annotation we added to {kind} {name} {ns}",
        "?the {key} annotation on {kind} {name} {ns} is stale. drop it",
        "strip the {key} annotation off {kind} {name} {ns}",
    ),
    "_DELETE": (
        "?{kind} {name} {ns} was only for the demo. delete it",
        "delete the {kind} that's called {name} {ns}",
        "?please remove {kind} {name} {ns}, it's no longer used", "scrap {kind} {name} {ns}",
        "?{kind} {name} {ns} is broken and unused. delete", "drop the unused {kind} {name} {ns}",
        "throw away {kind} {name} {ns}",
    ),
    "_KILL_POD": (
        "?pod {name} {ns} is hung. delete it so it gets recreated", "remove the pod {name} {ns}",
        "bounce pod {name} {ns} by deleting it, its owner will bring it back",
        "delete {name} {ns}, the replicaset will replace it",
    ),
    "_DELETE_SELECTED": (
        "delete the {kind} {ns} that have {label}",
        "?every {kind_one} {ns} labelled {label} can go. delete them",
        "remove all {kind} {ns} with the label {label}", "purge the {kind} {ns} that match {label}",
    ),
    "_DELETE_TWO": (
        "delete both {a} and {b} {ns} ({kind})",
        "?{kind} {a} and {b} {ns} are leftovers. delete both", "delete {kind} {a}, {b} {ns}",
        "get rid of the {a} and {b} {kind} {ns}",
    ),
    "_CORDON": (
        "?{node} is throwing disk errors. cordon it",
        "stop the scheduler from putting new pods on {node}",
        "cordon the node {node} until the disk is swapped", "?please make {node} unschedulable",
        "fence off {node} from new pods",
    ),
    "_UNCORDON": (
        "make {node} schedulable again now the disk is swapped", "?{node} is fixed. uncordon it",
        "reopen {node} for new pods", "?could you uncordon node {node}, please",
    ),
    "_DRAIN": (
        "?{node} goes into maintenance at midnight. drain it",
        "drain the node {node} before the patch window",
        "evict everything from {node} with a drain", "?please drain {node}",
    ),
    "_DRAIN_DS": (
        "drain {node} and ignore daemonsets",
        "?{node} is being replaced. drain it, daemonsets can stay",
        "drain {node} passing --ignore-daemonsets", "drain {node}; ignore the daemonset pods",
    ),
    "_TAINT": (
        "apply the {taint} taint to {node} for the batch team",
        "?{node} is for batch work now. taint it {taint}", "taint {node} as {taint}",
        "put a {taint} taint on node {node}",
    ),
    "_UNTAINT": (
        "remove the taint with key {key} from {node}",
        "?{node} is general purpose again. clear the {key} taint", "untaint {node}, key {key}",
        "lift the {key} taint from {node} now the batch is done",
    ),
    # creates
    "_DEPLOYMENT": (
        "create deployment {name} {ns} running {image}",
        "?new service for the week: deployment {name} {ns}, image {image}",
        "start a deployment named {name} {ns} from {image}",
        "?could you set up a deployment {name} with {image} {ns}",
        "roll out a new deployment {name} using {image} {ns}",
    ),
    "_DEPLOYMENT_REPLICAS": (
        "create the deployment {name} {ns} from {image}, {n} replicas to start",
        "?need {name} {ns}: image {image}, {n} replicas, new deployment",
        "start {n} replicas of {image} as deployment {name} {ns}",
    ),
    "_NAMESPACE": (
        "create a fresh namespace named {name}", "?could you set up a {name} namespace",
        "?the new team needs their own namespace. call it {name}", "new namespace {name} please",
    ),
    "_CONFIGMAP": (
        "create configmap {name} {ns} holding {pairs}",
        "?we need a configmap called {name} {ns} with {pairs}",
        "make a {name} configmap {ns} containing {pairs}", "add configmap {name} {ns}: {pairs}",
    ),
    "_SECRET": (
        "create a generic secret named {name} {ns} with {pairs}",
        "?put {pairs} into a secret called {name} {ns}",
        "make secret {name} {ns} from literals {pairs}",
        "?support needs secret {name} {ns} holding {pairs}",
    ),
    "_JOB": (
        "run a job called {name} {ns} with image {image}",
        "create the job {name} {ns} from {image}", "?I need a job {name} {ns} running {image} once",
        "launch job {name} {ns} using {image}",
    ),
    "_JOB_FROM": (
        "?{cron} {ns} didn't run last night. start it now as job {name}",
        "create job {name} {ns} from the {cron} cronjob",
        "kick the {cron} cronjob {ns} manually as {name}",
        "run {cron} {ns} by hand, job name {name}",
    ),
    "_CRONJOB": (
        "create the cronjob {name} {ns} to run {image} {when}",
        "?set up a cronjob {name} {ns} with {image} {when}",
        "schedule cronjob {name} {ns}: image {image}, {when}",
    ),
    "_SERVICE_ACCOUNT": (
        "set up a serviceaccount named {name} {ns}",
        "?the new bot needs a service account {name} {ns}", "add an sa {name} {ns}",
    ),
    "_ROLE": (
        "create a role {name} {ns} that allows {verbs} on {kind}",
        "?we need role {name} {ns} granting {verbs} for {kind}",
        "define role {name} {ns}: {verbs} {kind}",
    ),
    "_BINDING_USER": (
        "create rolebinding {name} {ns} binding user {who} to {role}",
        "?{who} joins the rota. bind them to role {role} {ns} via rolebinding {name}",
        "grant {who} the {role} role {ns} with a rolebinding named {name}",
    ),
    "_BINDING_SA": (
        "bind service account {who} to {role} {ns}, rolebinding {name}",
        "create a rolebinding {name} {ns} that gives serviceaccount {who} the role {role}",
        "?the {who} sa needs {role} {ns}. name the binding {name}",
    ),
    # conversation follow-ups
    "_IT_TO": (
        "put it back at {n}", "settle it at {n}", "{n} is plenty, set that", "let's land on {n}",
        "fine, {n} then", "reset it to {n} please", "bring it back to {n}",
    ),
    "_ACTUALLY": (
        "apologies, meant to say {n}", "quick correction, {n}", "hmm, make that {n}",
        "scratch that - {n}", "second thoughts: {n}", "my mistake, it should be {n}",
        "no wait, make it {n} please",
    ),
    "_SAME_IN": (
        "now the same in {ns}", "repeat that in {ns} please", "{ns} as well please",
        "and then over in {ns}", "same thing for {ns}", "could you do {ns} as well?",
        "likewise over in {ns}",
    ),
    "conversations._UNDO": (
        "put it back how it was before", "that made things worse. revert it",
        "undo that rollout please", "roll it back please", "can we go back to the old version?",
        "revert to the last version",
    ),
    "_ITS_LOGS": (
        "and what's in its logs?", "and the logs for it please", "what is it printing?",
        "could I see its logs?", "let's see the logs for that one", "its log output, please",
    ),
    "_DELETE_IT": (
        "right, delete that pod", "ok, remove it", "kill it, the controller will replace it",
        "get rid of it please", "just delete the pod",
    ),
    "_RESTART_IT": (
        "restart it then", "please restart that deployment", "give it a rolling restart",
        "roll its pods", "ok, restart that one",
    ),
    "_DESCRIBE_IT": (
        "could you describe it for me", "what does describe say for it?",
        "and the describe output?", "tell me more about that pod", "show me its details",
    ),
    "conversations._STATUS": (
        "has it finished?", "how's the rollout looking?", "all rolled out now?",
        "did the rollout complete?", "is it fully out?",
    ),
    "conversations._HISTORY": (
        "what revisions are there now?", "show me its revisions", "its rollout history please",
        "how many versions back can we go?",
    ),
    "_GREETING": (
        "thank you, that's sorted", "brilliant, cheers for that", "lovely stuff",
        "much appreciated, thanks", "ok great, all good", "thanks, that's everything for now",
        "got it, thanks",
    ),
    "conversations._META": (
        "can you explain what you just did?", "does this show up in the audit log?",
        "who else can see this chat?", "are you connected to prod?", "how do I hand this over?",
    ),
}
# fmt: on
