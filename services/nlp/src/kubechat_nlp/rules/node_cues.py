"""The long cues of the rules table that read rights and nodes: a question about rights,
and the ways people ask to drain, cordon or uncordon a node. Kept apart so the table stays
a table."""

from __future__ import annotations

# Actions a permission question may ask about.
ACTIONS = (
    r"(create|make|add|deploy|run|list|get|read|see|view|describe|access|inspect|delete|remove"
    r"|destroy|kill|terminate|update|modify|change|edit|replace|patch|scale|restart|label"
    r"|annotate|cordon|uncordon|drain|taint|watch|exec|execute|attach|port-forward|evict)\b"
)
# The words people use for their rights ("do I have rbac to …", "do my perms cover …").
RIGHTS_WORDS = r"(rbac|access|rights?|perms?|permissions?|privileges?|authori[sz]ations?)"
# A question about rights ("can I drain node-1?") is a read, never the action.
AUTH = (
    # "can web scale itself between 2 and 5 pods": an autoscaler asked for, never a right
    # (checked once, from the start: a lookahead at every position costs a scan each)
    # ("can I get a bash prompt on web-1": a shell asked for, never a right)
    r"^(?!.*\bscal\w* (?:itself|themselves|automatically|on (?:its|their) own)\b)"
    r"(?!.*\b(?:can|could|may) (?:i|we) (?:get|have|open) (?:an? )?(?:\S+ )?(?:shell|prompt"
    r"|session|terminal|console)\b).*?(?:"
    # "can I …" always asks about a right; "can we restart web?" asks for the restart, but
    # "can we delete pod x?" is answered with the right, never the deletion
    r"\b(can|may) (i|we(?= (?:also |still |even |actually |now |really |just )?"
    r"(?:delete|remove|destroy|kill|terminate|drain|evict|wipe|nuke|purge|get rid)\b))"
    r" (also |still |even |actually |now |really |just )?"
    + ACTIONS
    # ("can auth get a service on port 80": a workload given something, never a right)
    + r"|(^|[,:;] )(\S+ ){0,3}?(can|may) (?!(you|u|ya|ye|we|i)\b)\S+ (?!get (an?|another) )"
    + ACTIONS
    + r"|\b(am i|are we) (even |really |actually |still )?(allowed|permitted|authori[sz]ed|able"
    r"|cleared|entitled)\b|\bcan-i\b"
    # "got rights to delete namespaces", "does my user get to remove pods"
    r"|^(i )?(got|have|has) (the )?(rights?|perms?|permissions?|access) to\b"
    r"|\b(do|does) (i|we|my account|my user|my role) get to\b"
    # "do I have enough access to …", "would I have the rights to …", "can my account …"
    r"|\b(do|does|would|will) (i|we|my account|my user) (have|get) (enough |sufficient |the )?"
    + RIGHTS_WORDS
    + r" (to|for)\b"
    # "do my permissions let me delete jobs", "does our role allow us to drain nodes"
    r"|\b(do|does|would|will|can|could) (my|our) ([\w-]+ )?(account|user|role|roles|identity|login|"
    + RIGHTS_WORDS
    + r") (let|allow|permit|cover|include) (me|us)?\b"
    # "will rbac let me delete nodes", "is remove on jobs permitted for me"
    + r"|\b(will|would|does|do) (the )?"
    + RIGHTS_WORDS
    + r" (let|allow|permit) (me|us)\b|\b(permitted|allowed|authori[sz]ed) for (me|us)\b"
    + r"|\b(is|are) (an? )?"
    + ACTIONS
    + r" (on|of|for) .{0,60}\b(permitted|allowed|authori[sz]ed)\b"
    # "my rbac ok to remove namespaces", "verify my access to delete nodes"
    r"|\b(my|our) (rbac|access|rights?|permissions?|privileges?|role) (is |are )?(ok|okay|good"
    r"|enough|sufficient|fine) (to|for)\b"
    r"|\b(check|verify|confirm|test|see) (my|our|\S+) "
    + RIGHTS_WORDS
    + r" ?(to|for|;|:|-|\u2014)(?= )"
    # "impersonate jkim: can they list secrets", "does ingrid have watch on pods"
    + r"|\bimpersonat\w* \S+ ?[;:,-]? (can|could|may) (they|he|she|it)\b"
    + r"|\b(does|do|can) \S+ have "
    + ACTIONS
    + r" (on|for|to|over)\b"
    r"|\bcan (my|our) (account|user|role|identity|login) (also |still |even )?"
    + ACTIONS
    # "would I be able to drain node-1", "have I got access to …", "could I …"
    + r"|\b(would|will) (i|we) be (able|allowed|permitted) to\b"
    r"|\b(have|has) (i|we) (got )?(the )?(access|permission|rights?|privileges?|rbac) to\b"
    # "am i having rights to delete …", "will i get a forbidden if i remove pods", "check
    # if i'm allowed to delete secrets"
    r"|\b(am|are) (i|we) having (the )?(enough |sufficient )?(access|permissions?|rights?"
    r"|privileges?|rbac)\b"
    r"|\b(get|hit|see|run into) (a |an )?(forbidden|403|permission denied|access denied)\b"
    r"|\b(if|whether) (i'm|im|i am|we're|we are) (allowed|permitted|authori[sz]ed|cleared) to\b"
    r"|\bis it (possible|ok|okay|allowed) for (me|us) to\b"
    r"|\bis my (account|user|login|identity|role|team) (allowed|permitted|able|authori[sz]ed) to\b"
    r"|\bcould i (also |still |even |actually |now |really |just )?"
    + ACTIONS
    + r"|\bis \S+ (allowed|permitted|authori[sz]ed|able to|entitled|cleared|empowered)\b"
    # "is the service account ci-bot in tools allowed to list pods"
    r"|\b(is|are) (the )?(user|service ?account|serviceaccount|sa|group) \S+( (in|from) (the )?\S+"
    r"( namespace)?)? (allowed|permitted|authori[sz]ed|able|cleared|entitled|empowered) to\b"
    r"|\b(if|whether) (the )?\S+ (is|are) (allowed|permitted|able|authori[sz]ed|cleared"
    r"|entitled|empowered) to\b"
    # "would tariq's account be allowed to …"
    r"|\b(would|will|is|does) \S+ (account|user|login|identity) (be )?(allowed|permitted"
    r"|able|authori[sz]ed|cleared|entitled) to\b"
    r"|\b(can|may) (the )?(\S+ )?(service ?account|sa|user|group)( \S+)? "
    + ACTIONS
    + r"|\b(do|does) (i|we|\S+) (have|got) (the )?(rights?|permissions?|access|privileges?)\b"
    r"|\b(check|see|verify|find out|know|tell me|test|confirm|determine|figure out|wonder"
    r"|wondering|curious) (if|whether|to see if) .{0,60}\b(can|may)"
    r" (\S+ )?(do |" + ACTIONS + r")|\bwho am i\b|\bsubject attributes\b"
    # "… if i can remove jobs", "whether we may delete secrets": a right asked about
    r"|\b(if|whether) (i|we) (can|could|may|am able to|am allowed to|are allowed to) "
    + ACTIONS
    + r"|\b(what|which) (user|account|identity) am i\b"
    r"|\b(list|show|tell me) what (i|we) (can|may|am allowed to) do\b"
    # "whoami" alone asks who I am; "deployment whoami", "the whoami deployment" name one
    r"|(?<!deployment )(?<!deploy )(?<!called )(?<!named )(?<!the )\bwhoami\b"
    r"(?! (deployment|deploy|pod|service|svc)\b)"
    r"|\b(can|may) (i|we) do (everything|anything)\b"
    r"|\ballowed actions\b|(?<!with )\bpermissions? to\b|\bwhat (am i|are we) allowed\b"
    # Whatever the word for the right: "do I have clearance to delete jobs", "would I be
    # authorised to …", "is it within my remit to …" (a question, so at worst a read)
    r"|\b(do|does|would|will) (i|we|my account|my user|\S+) (have|hold|get) (enough "
    r"|sufficient |the |any )?\S+ to "
    + ACTIONS
    + r"|\b(would|will|am|are|should) (i|we)( be)? \w+(ed|able) to "
    + ACTIONS
    + r"|\b(is|would) (it|that|this)( be)? (within|in) (my|our) \S+ to\b"
    r")"
)
DRAIN = (
    # ("bar node-3 from new pods, without draining it": the drain not asked for)
    r"(?<!without )(?<!not )(?<!never )(?<!no )\bdrain|\bevacuat|\bempty (out )?(the )?node\b"
    r"|\b(move|get|shift|migrate|push|"
    r"kick|clear) (all |every )?(the )?(everything|pods|workloads|things) (off|away from)\b"
    r"|\bevict (all |every )?(the )?(everything|pods|workloads)( \S+)? (from|off|on)\b"
    r"|\b(clear|empty|prepare|ready) (out )?(the )?(node )?x-name (for|before) maintenance\b"
    # "empty node-4 ignoring daemonsets": a bare name after "empty", when nothing else
    # (a queue, a bucket, a pod) is what is emptied
    r"|^(?!.*\b(pods?|deployments?|configmaps?|secrets?|services?|queues?|buckets?|jobs?"
    r"|namespaces?|statefulsets?|pvcs?|volumes?|caches?|tables?|files?|dir\w*)\b)"
    r"(\S+ ){0,6}?empty (out )?(the )?(node )?x-name\b"
    # "worker-10 needs to be emptied for maintenance", "stop sending traffic to node-4"
    r"|\bx-name (needs to|should|must) be (emptied|evacuated|cleared)\b"
    r"|\bstop sending (traffic|requests|work|load) to\b"
)
UNCORDON = (
    r"\buncordon\b|(?<!un)\bschedulable\b"
    r"|\b(undo|revert|reverse|lift|cancel|remove) (the )?cordon"
    # "open node-7 up for scheduling again"
    r"|\b(re-?)?open (\S+ )?(up )?(for|to) (scheduling|pods|workloads|new pods)\b"
    r"|\bback (in|into|to) (service|rotation|the pool)\b"
    # "return node-7 to the scheduling pool", "put node-7 back in the pool"
    r"|\b(return|restore|readmit|put|bring) (\S+ ){0,3}(back )?(to|in|into) the"
    r" (scheduling |node )?pool\b"
    r"|\b(allow|resume|re-?enable|enable|restore) (pod )?scheduling\b"
    r"|\b(let|allow|permit) (new )?\S+ (land |run |schedule |be scheduled |get scheduled )?"
    r"again\b"
    r"|\b(let|allow|permit) (new )?(pods|workloads) (to )?(schedule|land) on\b"
    # "let worker-7 take pods again", "allow node-2 to accept new workloads"
    r"|\b(let|allow|permit) \S+ (to )?(take|accept|receive|host) (new )?(pods|workloads|work)\b"
    r"|\b(let|allow|permit) \S+ (to )?(run|get) (new )?(pods|workloads|work) again\b"
    # "node-3 can take pods again", "let the scheduler use node-3 again"
    r"|\b(can|may|should|could) (take|accept|receive|host|run|get) (new )?(pods|workloads|work)"
    r" again\b|\b(let|allow) the schedul\w* (use|place pods on|schedule on(to)?)\b"
)
CORDON = (
    r"\bcordon\b|\bunschedulable\b|\bout of the (pool|cluster's pool|node pool)\b"
    # "fence off pool-b-3 so nothing new lands there", "node-4 shouldn't get any new pods"
    r"|\bfence (\S+ )?off\b|\bnothing new (lands?|gets?|goes|is scheduled)\b"
    # "bar node-3 from receiving new workloads"
    r"|\b(bar|stop|block|prevent|keep) (\S+ ){1,3}from (receiving|getting|taking|accepting"
    r"|being (given|assigned)) (any )?(new |more |further )?(pods|workloads|work)\b"
    r"|\b(shouldn't|should not|shouldnt|mustn't) (get|receive|take) (any )?(new|more) "
    r"(pods|workloads|work)\b"
    r"|\b(stop|disable|prevent|block|pause|halt) (any |new |all )?"
    r"(pods? )?(from )?(being )?schedul|\bout of (service|rotation|scheduling)\b"
    r"|\bno (more |new )pods\b|\b(don't|do not|never) schedul\w* (anything|pods|workloads)\b"
    # "prevent new pods on node-1", "keep new workloads off node-2"
    r"|\b(prevent|block|stop|disallow|forbid|keep|avoid) (any |all )?(new |more |further )?"
    r"(pods|workloads|scheduling)( from)?( landing| going| being scheduled| getting scheduled)?"
    r" (on|onto|off|to)\b(?! watch\b)"
    # the node may have been read as a namespace ("… on gke-pool-1"): the words alone
    r"|\b(prevent|block|disallow|forbid) (any |all )?(new|more|further) (pods|workloads)\b"
    r"|\b(stop|halt|keep) (any |all )?(new |more |further )?(pods|workloads) (from )?"
    r"(landing|arriving|coming|going|being scheduled|getting scheduled)\b"
    # "node-3 shouldn't get any new pods"
    r"|\b(shouldn't|should not|mustn't|must not|can't|cannot|won't|shall not) (get|take|receive"
    r"|accept|run|host) (any )?(new |more )?(pods|workloads)\b"
)
