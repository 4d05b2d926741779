"""A fourth probe vocabulary for reads and tools (`probe --vocab fourth-reads`), written
after the first three had been tuned on, so the read rules meet wordings no rule has met.
Only the read/tool pools are new; names, dressing and change pools come from the third
probe so that no pool falls back to its held-out instances.
"""

from __future__ import annotations

PROBE: dict[str, tuple[str, ...]] = {
    "_LIST": (
        "?{kind} {ns}, what have we got",
        "i want to know which {kind} exist {ns}",
        "?could i have a look at the {kind} {ns}",
    ),
    "_GET_ONE": (
        "?is there a {kind} called {name} {ns}",
        "quick look at {kind} {name} {ns}",
        "i need to see {kind} {name} {ns}",
    ),
    "_OUTPUT": (
        "?could you dump {kind} {name} {ns} in {fmt}",
        "i want the {fmt} of {kind} {name} {ns}",
        "{kind} {name} {ns} as {fmt} pls",
    ),
    "_WIDE": (
        "?can i get the wide view of {kind} {ns}",
        "{kind} {ns} but wide",
        "i need {kind} {ns} with the extra columns",
    ),
    "_SELECTED": (
        "?which {kind} have the {label} label {ns}",
        "just the {kind} labelled {label} {ns}",
        "i only want {kind} with {label} {ns}",
    ),
    "_PHASES": (
        "?got pods that are {phase_word} {ns}",
        "i think some pods are {phase_word} {ns}, show me",
        "?pods {phase_word} {ns}",
    ),
    "_ON_NODE": (
        "?what's on {node} {ns}",
        "i want to see the pods running on {node} {ns}",
        "?which pods sit on node {node} {ns}",
    ),
    "_WATCH": (
        "keep watching the {kind} {ns}",
        "?can you watch {kind} {ns} for me",
        "tail the {kind} {ns} as they change",
    ),
    "_DESCRIBE": (
        "{kind} {name} {ns} seems stuck, what's up",
        "?could i have a closer look at {kind} {name} {ns}",
        "i want to know more about {kind} {name} {ns}",
    ),
    "_LOGS": (
        "?what's {target} saying {ns}",
        "i need the logs for {target} {ns}",
        "?mind showing me the logs of {target} {ns}",
    ),
    "_EVENTS": (
        "?what's new {ns}",
        "i want to see the events {ns}",
        "?could i have a look at the events {ns}",
    ),
    "_WARNINGS": (
        "?anything going wrong {ns}",
        "just the warning events {ns}",
        "?seen any warnings {ns}",
    ),
    "_EVENTS_FOR": (
        "?what events are there for {kind} {name} {ns}",
        "i want the events of {kind} {name} {ns}",
        "?any recent events on {kind} {name} {ns}",
    ),
    "_TOP_PODS": (
        "?what are the pods using {ns}",
        "i want to see how much the pods use {ns}",
        "?pods cpu and mem {ns}",
    ),
    "_TOP_SORTED": (
        "?which pod is hogging {res} {ns}",
        "pods {ns} ranked by {res}",
        "i want the biggest {res} users among the pods {ns}",
    ),
    "_TOP_NODES": (
        "?how are the nodes doing on cpu and memory",
        "i want to see node usage",
        "?nodes cpu and mem",
    ),
    "_CAN_I": (
        "?am i permitted to {verb} {kind} {ns}",
        "i want to know if i can {verb} {kind} {ns}",
        "?do i have the rights to {verb} {kind} {ns}",
    ),
    "_CAN_USER": (
        "?does {user} have the rights to {verb} {kind} {ns}",
        "i want to know if {user} can {verb} {kind} {ns}",
        "?may {user} {verb} {kind} {ns}",
    ),
    "_API_RESOURCES": (
        "?what object types are there",
        "i want to see the resource types",
        "?which resources does this cluster support",
    ),
    "_EXPLAIN_FIELD": (
        "?what's the meaning of {field}",
        "i want to understand {field}",
        "?can you explain {field}",
    ),
    "_EXPLAIN_KIND": (
        "?what does a {kind} look like",
        "i want to see the fields of a {kind}",
        "?can you explain what a {kind} is",
    ),
    "_VERSION": (
        "?what k8s version are we on",
        "i want to know the kubernetes version",
        "?server version",
    ),
    "_CLUSTER_INFO": (
        "?where's the api server running",
        "i want to see the cluster info",
        "?what are the cluster endpoints",
    ),
    "_CURRENT": (
        "?which context is this",
        "i want to know my current context",
        "?what context am i in",
    ),
    "_CONTEXTS": (
        "?which contexts can i use",
        "i want to see all my contexts",
        "?contexts",
    ),
}
