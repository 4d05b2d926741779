"""The rules table: (name, regex cue over the shaped text, builder), specific before
generic. `choose.classify` picks one per clause."""

from __future__ import annotations

from collections.abc import Callable

from kubechat_nlp.kind_table import standard_table
from kubechat_nlp.lexicon import NOT_NL_KIND_WORDS
from kubechat_nlp.rules import (
    admin,
    change_cues,
    containers,
    copying,
    create,
    labels,
    node_cues,
    patching,
    read,
    rollout,
    run_expose,
    settings,
    workloads,
)
from kubechat_nlp.rules.common import Ctx, Result

Rule = tuple[str, str, Callable[[Ctx], Result]]

# Verbs that delete, read the same way by the delete rule and by the vague rule ("ditch
# pod x" is a delete; "ditch everything" is a question).
_DELETE_VERBS = (
    r"delete|remove|destroy|kill|terminate|erase|purge|axe|trash|nuke|scrap|zap|ditch"
    r"|do away with|wipe out|wipe|tear down|blow away|toss|clean out|clear out|bin|del"
)


def _kind_words() -> set[str]:
    words = standard_table().words()
    return {w for w in words if " " not in w and w not in NOT_NL_KIND_WORDS}


# Every word for a kind (the kind table's, declared once in kinds.py), longest first.
_KINDS = "(" + "|".join(sorted({*_kind_words(), "resources"}, key=lambda w: (-len(w), w))) + ")"
# ("web keeps restarting" reports a symptom: no restart is asked for)
_NOT_AFTER_DONT = r"(?<!don't )(?<!not )(?<!never )(?<!by )(?<!of )(?<!keeps )(?<!keep )"

# (name, regex over the normalized text, builder). First match wins.
RULES: tuple[Rule, ...] = (
    # First: a question about rights ("can I drain node-1?") is a read, never the action.
    ("auth", node_cues.AUTH, admin.build_auth),
    # "patched" reports a state ("ok all patched, uncordon it"), it does not ask for one
    ("patch", r"\bpatch(ing)?\b|\bpartially update\b", patching.build_patch),
    ("drain", node_cues.DRAIN, admin.build_drain),
    ("uncordon", node_cues.UNCORDON, lambda c: admin.build_node_state(c, "uncordon")),
    ("cordon", node_cues.CORDON, lambda c: admin.build_node_state(c, "cordon")),
    (
        "config",
        r"\b(kubeconfig|contexts?|ctxs?|current-context|kubectl config)\b"
        r"|(?<!replica )(?<!stateful )(?<!statefull )(?<!daemon )\b(switch|change"
        # "scale the web replica set in the qa namespace to 5": a count, never a namespace
        r"|set|use)\b.{0,20}\bnamespace to\b(?! (\d+|x-image)\b)|\bswitch to (the )?\S+ namespace\b"
        r"|\bclusters? (that )?"
        r"kubectl\b|\bproxy\b.*\bcluster\b|\b(delete|remove) user\b|\bpassword for\b"
        r"|(?<!\bin )(?<!inside )(?<!within )\b(my|our|the) default namespace (to|is|should)\b"
        r"|\b(make|set) (my|our|the) default namespace\b"
        r"(?! \d+ )"
        r"|\b(make|use|set) \S+ (as )?(my|the) default namespace\b|\bdefault me to\b"
        r"|\b\S+ as (my|our|the) default namespace\b|\b(stay|remain) in \S+ by default\b"
        r"|\bnamespace \S+ (by |as (the |my )?)default\b"
        # a default said in other words: "qa as default namespace", "x to be my default
        # namespace", "default everything to canary", "stay in x from now on", "default ns x"
        r"|\b(as|be|is) (my |our |the )?default (namespace|ns)\b|\bdefault (everything|all) to\b"
        r"|\b(stay|remain|work) in \S+ (from now on|for good|permanently|by default)\b"
        r"|^(\S+ )?default (namespace|ns) \S+\W*((pls|please|now|asap)\W*)?$"
        r"|\bset it (as )?(the |my )?default\b|\bmake (it|that) (the |my )?default\b"
        # "scope me to qa", "pin my namespace to release", "set the default ns to x", "from
        # now on assume canary", "i'm living in batch today, make it my default"
        r"|\b(scope|pin) (me|us|my (namespace|ns)) to\b"
        r"|\b(set|change|make|switch) (the |my |our )?default ns to\b"
        r"|\bfrom now on\b.*\b(assume|use|go to|target|work in)\b|\bmake it my default\b"
        r"|\bmy (namespace|ns) to \S+ (for good|permanently|from now on|by default)\b"
        r"|\b(which|what) cluster (am i|are we|is this)\b|\b(connected|hooked up|plugged in) to\b"
        r"|\bswitch (over )?to (the )?\S+( cluster| context)?( please| pls| now)?\W*$"
        # "use prod-ap" (a context's name and nothing else), "which clusters can i switch to"
        r"|^use (the )?x-name( cluster| context)?\W*$"
        # "take me to eks-prod", "where am i pointed", "what cluster is kubectl talking to"
        r"|\b(take|move|switch|put|point|send|bring) me (over )?to (the )?x-name\b"
        r"|\bwhere am i pointed\b|\bwhat cluster is kubectl (talking|pointed|pointing|connected)\b"
        r"|\bclusters (i|we) can (get|switch|connect|go) to\b|\bdefault (me )?to \S+ from now on\b"
        r"|\b(which|what) (clusters|contexts) (can|could) (i|we) (switch|use|pick|choose|connect)"
        r"|\b(use|make|set|have) \S+ (as )?(my|our) (default )?namespace\b"
        r"|\b\S+ be (my|our|the) default namespace\b"
        # "point me at minikube", "jump to eks-prod", "i need to be on staging-eu now", "am i
        # pointed at prod", "which clusters have i got configured"
        r"|^(\S+ ){0,3}(point|jump|hop|switch|take|move) (me |us )?(over )?(to|at|onto) "
        r"(the )?\S+( cluster| context)?( now| please| pls)?\W*$"
        r"|^((i|we) (need|want|have|would like) to )?be (on|at) (the )?\S+( cluster| context)?"
        r"( now| please| pls)?\W*$"
        r"|\bam i (pointed|pointing|hooked up) (at|to)\b"
        r"|\bclusters (have|do|did) (i|we)\b|\bclusters (i|we) (have|got)\b"
        r"|\bclusters (are )?(set up|configured|available)\b|\bother clusters\b",
        admin.build_config,
    ),
    (
        "api-resources",
        r"\bapi[- ]resources?\b|\bresource types\b|\bsupported (resource|kinds)|"
        r"\b(which|what) apis\b|\bapis (are )?(available|supported|served)\b"
        r"|\bkinds (i|we|you) can (query|use|list|get|ask about)\b|"
        r"\b(all |only )?namespaced (resources|kinds|types)\b|\bshort ?names\b"
        r"|\bkinds of resources\b|\b(resources|kinds|types|objects) (are|is) (not )?(x-name|"
        r"namespaced|global)\b|\b(object|resource) (types|kinds)\b",
        read.build_api_resources,
    ),
    (
        "api-versions",
        r"\bapi[- ]versions\b|\bapi groups\b|\bsupported (api )?versions\b",
        lambda c: read.build_simple("api-versions"),
    ),
    (
        "cluster-info",
        r"\bcluster[- ]info\b|\baddress(es)? of the (master|control plane)|"
        r"\bcluster state\b|\b(master|control plane|cluster) (address|url|endpoint)s?\b"
        r"|\bwhere is the (control plane|master|api server)\b",
        read.build_cluster_info,
    ),
    (
        "version",
        r"\b(kubectl|kubernetes|server|client|cluster|k8s) versions?\b(?! label)|"
        r"\bversion of (kubectl|kubernetes|the (server|cluster)|k8s)\b|"
        r"\bwhat version\b(?!.*label)|\b(k8s|kubernetes) release\b"
        r"|\brelease (is|of) the (server|cluster)\b",
        lambda c: read.build_simple("version"),
    ),
    (
        "explain",
        r"\b(explain|documentation|docs|schema|document)\b|\b(what|which) fields\b"
        r"|\bfields of (an? |the )?\w+\b|\bwhat is (an? |the )?\w+ spec\b"
        r"|\b[a-z]+\.(spec|status|metadata)\b"
        # a kind's spec with no object named: "walk me through the deployment spec", "whats
        # in a service spec", "how is a pod defined", "what can you configure on a pod"
        r"|\b(an?|the) "
        + _KINDS
        + r" spec\W*$|\bhow (is|are) (an? )?"
        + _KINDS
        + r" (defined|specified|structured|described)\b"
        r"|\bwhat can (you|i|we) (configure|set|specify) (on|in|for) an? " + _KINDS + r"\b"
        # "what is a daemonset", "what are configmaps for", "what does a job do": the kind
        # itself, never a list of its objects
        r"|^(so |ok |and |but )?what(?:'?s| is)? an? " + _KINDS + r"( (in|for) (kubernetes|k8s)"
        r"| exactly| used for| for| again)?\W*$|^(so |ok |and )?what are "
        + _KINDS
        + r" (used )?for\W*$|^what does an? "
        + _KINDS
        + r" do\W*$",
        read.build_explain,
    ),
    ("wait", r"\bwait (for|until)\b(?! more)", containers.build_wait),
    (
        "debug",
        r"^(please )?debug\b|\bdebugging\b|\bdebug (pod|node|container|session)\b"
        r"|\bcopy of \S+ named\b",
        containers.build_debug,
    ),
    (
        "cp",
        # "run one copy of web" counts replicas
        r"(?<!\d )(?<!one )\bcop(y|ied)\b|\bcp\b"
        r"|\b(download|upload)(s|ed|ing)?\b.{0,60}\b(pod|container)\b"
        r"|\b(download|upload|grab|fetch)\b.{0,40}\bx-file\b"
        # "pull /data/r.csv from the reports-0 pod": a path to or from a pod (never a
        # manifest pushed to the cluster)
        r"|\b(push|put|send|place|drop)\b \S+ (into|onto|to) (the )?(pod|container)\b"
        r"|\b(push|put|send|place|upload)\b x-file (into|onto|to) (the )?(pod )?x-name\b"
        # "drop nginx.conf into web-1 at /etc/nginx/nginx.conf": a file given a path there
        r"|\b(push|put|send|place|upload|drop)\b \S+ (into|onto|to|in) (the )?(pod )?x-name\b"
        r".{0,40}\b(at|as|under) x-file\b"
        r"|\b(pull|push|retrieve|bring|send|save)\b.{0,40}\bx-file\b.{0,30}"
        r"\b(pod|container|from|into|onto|off)\b(?!.*\b(cluster|namespace)\b)",
        copying.build_cp,
    ),
    (
        "port-forward",
        # "expose port 80 of web, forwarding to port 8080" is a Service's target port
        r"\bport[- ]?forward|^(?!.*\bexpose\b).*\bforward(ing)?\b.{0,40}\bport"
        r"|(?<!service )(?<!svc )\blisten(ing)? on\b|^pf\b"
        r"|\blocally on (port )?\d+\b"
        r"|\b(open|map|bind|tunnel|reach|expose)\b (up )?(local ?host|x-image|port \d+) to\b"
        r"|\blocal ?host\b|\btunnel\b|\bforward(ing)? \d+ to \d+\b"
        # "reach its port 8080 on my laptop", "open port 5432 of db-0 locally"
        r"|\bport \d+\b.{0,40}\b(locally|on my (machine|laptop|computer|box|workstation))\b"
        r"|\b(locally|on my (machine|laptop|computer|box|workstation))\b.{0,40}\bport\b"
        r"|\bon my (machine|laptop|computer|box|workstation) (at|on) (port )?\d+\b",
        containers.build_port_forward,
    ),
    (
        "edit",
        # never the role called edit ("giving the clusterrole edit to …")
        r"(?<!role )\bedit\b(?! (cluster ?)?roles?\b)|\beditor\b"
        r"|\b(open|modify|change)\b.{0,40}\bin (an? |my |the )?"
        r"(editor|vim?|nano|emacs)\b",
        patching.build_edit,
    ),
    # "apply label k=v to x" is a label, not `kubectl apply`
    ("label-apply", r"\bapply (the |a |an |new )?(labels?|annotations?)\b", labels.build_label),
    ("apply-view", r"\blast[- ]applied\b", workloads.build_apply),
    ("diff", r"\b(diff|compare)\b", lambda c: workloads.build_file_verb(c, "diff")),
    (
        "replace",
        r"\breplace\b.{0,40}\.(ya?ml|json)\b|\bforce replace\b",
        lambda c: workloads.build_file_verb(c, "replace"),
    ),
    (
        "apply",
        # ("apply taint k=v:NoSchedule to node-3" is a taint)
        r"\bapply\b(?! (the |a |an |new )?(taints?|x-taint)\b)"
        r"|\bcreate (resource\S*|objects?|from)\b.{0,40}\b(from|in|files?) "
        r"(url |(all )?(manifest )?files? (in )?)?x-file",
        workloads.build_apply,
    ),
    # Before the verb rules: an image to run, a CronJob to run now, or a kind to make
    # ("deploy redis:7 as cache", "add a qa-2 namespace", "make role r allowing delete").
    ("create", change_cues.CREATE, create.build_create),
    (
        "vague",
        r"\b(clean ?up|tidy up|reset (everything|it all|all|the cluster|in)|start (over|fresh)|"
        r"(clean|tidy|clear) (it|this|that|everything|things|stuff)( all)? (up|out)|"
        # ("nuke namespace sandbox", "wipe out all secrets that have env=qa" name theirs)
        r"(nuke|wipe(?! out\b)|wipe out)(?! (all |every )?(the )?(\S+ )?"
        + _KINDS
        + r"\b| (the )?x-name)|"
        r"get rid of (everything|all)|tear (it all|everything) down|"
        # "wipe the slate clean", "flush everything out", "prune whatever isn't needed"
        r"wipe the slate|clean house|flush (everything|it all|all of it)|"
        r"prune (whatever|everything|anything|what)\b|"
        # "clear out kube-system ns", "clean out namespace dev": all that is in it
        r"(clear|clean|empty)( out)? (the )?((namespace|ns) \S+|\S+ (namespace|ns))|"
        r"^(everything|it all|all of it|all this|the lot) gone|"
        # "remove the junk for namespace shop": nothing named, however it is said
        r"(" + _DELETE_VERBS + r"|drop|clear( out)?|get rid of|tidy( up)?) (all )?(the |some |any |"
        r"that |this |our |old |unused |stale )*(stuff|junk|crap|mess|clutter|cruft|things)|"
        r"(" + _DELETE_VERBS + r") (everything|it all|all of it|all the things|the lot"
        # ("delete whatever pods carry app=x" names its kind)
        r"|(whatever|anything)(?! (\S+ )?" + _KINDS + r"\b))|"
        # ("delete all ingress objects labeled …" names its kind: a kind word, any number)
        r"(" + _DELETE_VERBS + r") all(?! (\S+ ){0,2}\S*" + _KINDS + r"\b))\b",
        workloads.build_vague,
    ),
    (
        "taint",
        # ("get the gpu taint off node-2" takes it away)
        r"^(?!(view|show|list|get(?! (the |an? )?\S+ taints? off| rid of)|display|what)\b)"
        r".*\b((un)?taints?|x-taint)\b",
        admin.build_taint,
    ),
    (
        "top",
        r"\b(metrics|top|resource (usage|consumption)|(cpu|memory) (usage|use|consumption)"
        r"|usage of|(nodes?|pods?) usage|how (loaded|busy)"
        r"|usage (for|of|on|across) (every|each|all( the)?|the) (nodes?|pods?)\b"
        r"|(use|uses|using|eat|eats|eating|hog|hogs|hogging|burn\w*|chew\w*) (all |up )?(the )?"
        r"(most |more |least )?(cpu|memory|ram)\b(?! (limit|request))|how much (cpu|memory|ram)"
        r"|\bwith the (most|highest|least) (cpu|memory|ram)\b"
        r"|(?<!set )(?<!change )\b(show|get|what|check)\b.{0,12}\b(cpu|memory)\b"
        r"(?!.*\b(limit|request))|consumption|consuming|using the most"
        r"|(pods?|nodes?|resource) utili[sz]ation|cpu and memory (of|for|on)"
        r"|(busiest|most loaded|least loaded|hottest|heaviest)( nodes?| pods?)?"
        # "how hard are the nodes working", "whats the load on each node"
        r"|how hard\b.{0,30}\bworking|(the )?load on (each|every|the|all)( the)? (nodes?|pods?)"
        # "biggest cpu pods", "memory and cpu for pods", "are the machines busy", "running
        # out of resources on the nodes", "how's the cluster doing on cpu and memory"
        r"|(biggest|largest|hungriest|heaviest|greediest|top) (cpu|memory|ram|mem)"
        r"|(cpu|memory|ram) and (cpu|memory|ram)( usage| use)? (of|for|on|per|by|across)"
        r"|(doing|look\w*) on (cpu|memory|ram)"
        r"|(nodes?|pods?|workers?|machines?|servers?|boxes) (are |is )?(busy|loaded|maxed)"
        r"|(are|is) (the |any )?(nodes?|pods?|workers?|machines?|servers?|boxes) (busy|loaded"
        r"|maxed)"
        r"|who(s| is)? (eating|using|burning|taking|hogging) (all |the most |most )?(the )?"
        r"(cpu|memory|ram))\b",
        read.build_top,
    ),
    (
        "logs",
        r"(?<!event )(?<!events )" + read.LOG_WORDS + r"|\bstdout\b|\blines of output\b|^tail\b"
        r"|\bconsole (output|transcripts?|messages)\b"
        r"|^what (is|are|was|were) (\S+ ){1,4}(printing|outputting|saying|writing)\b"
        # (what a quoted command prints is its output: an exec; "what does the hpa say" is
        # its state)
        r"|^(?!.*__quoted__)what (did|does|do) (\S+ ){1,4}(print|output|write|log|emit"
        r"|spit out)\b"
        r"|\b(most recent|last) \d+ lines\b"
        # "show me its output", "the container's output": what it printed (not "-o" formats)
        # ("its" reads "pod x" once the pronoun is resolved)
        r"|\b(its|their|the (pod|container)'?s?|pod x-name) output\b"
        r"(?! (as|in|format|yaml|json|wide|name)\b)",
        read.build_logs,
    ),
    (
        "run",
        r"\b(run|start|starting|launch|spin up)\b (an? |the )?(single instance of )?\S+ pod\b",
        run_expose.build_run,
    ),
    (
        "attach",
        # ("… as json to attach to the ticket": a file for someone, never `kubectl attach`)
        r"\b(?<!to )attach\b(?!.{0,30}\b(labels?|annotations?|autoscal\w*|hpa)\b)"
        r"|\boutput from (?!running)\S+ from pod\b",
        containers.build_attach,
    ),
    (
        "exec",
        # ("console output", "the console log of x" is what it printed)
        r"\b(exec|execute|shell|bash|terminal|console(?! (output|logs?|transcript|messages))|ssh)\b"
        r"|\bpoke around (in|inside|on)\b"
        # "what does `nslookup kubernetes` say in web-1", "the output of `date` from web-1"
        r"|\bwhat does __quoted__ (say|print|return|output|show|give)\b"
        r"|\bwhat (comes|gets printed|is printed) (back )?(from|by|when i run) __quoted__\b"
        r"|\boutput of __quoted__ (from|in|on)\b"
        r"|\b(get|go|hop|jump|ssh|log|drop me) (into|onto|on to|in to)\b"
        r"|\binteractive (x-file|sh|bash|zsh)\b"
        r"|\b(open|start|get|launch) (an? )?(\S+ )?(session|prompt)\b"
        r"|\brun (the )?command\b|"
        r"\brun (?!an? |the \S+ pod|\S+ pod)\S+ in (the |an? )?(existing |running )?"
        r"(first )?(x-name )?(pod|container)\b|\brunning (the )?\S+ command\b"
        r"|\b(run|running|execute)\b (the )?(command )?(__quoted__|x-name) (in|inside|on|within)\b"
        r"|\brun\b (?!an? |the )(\S+ ){1,5}?(in|inside|on) (the )?(pod|container)\b"
        # "`df -h` on pod web-1", "(I need) a sh prompt in web-1"
        r"|(^|, )(__quoted__|x-name) (on|in|inside|within) (the )?(pod|container)\b"
        r"|^an? (\S+ )?(prompt|session|terminal)\b",
        containers.build_exec,
    ),
    # "raise the cpu limit of api to 1": resources, not a replica count
    (
        "set-resources-verb",
        r"\b(raise|lower|increase|decrease|bump|reduce|set|change|update|adjust)\b (the )?"
        r"(\S+'s )?(cpu|memory|mem) (limits?|requests?)\b"
        # "cap web at 1Gi of memory", "give web 250m of cpu requests"
        r"|\b(cap|limit|give)\b .{0,30}\b\d+(\.\d+)?(mi|gi|m|g|k)? (of )?(cpu|memory|mem)\b",
        settings.build_set_resources,
    ),
    # "set MAX_CONNECTIONS to 100 on web": a variable's name, not a replica count
    (
        "set-env-key",
        r"\b(set|change|update|make) (the )?(env(ironment)? )?(var(iable)? )?"
        r"[a-z][a-z0-9]*_[a-z0-9_]+ (to|=|as)\b"
        # "turn on DEBUG=true for web", "web needs LOG_LEVEL=debug": by convention a
        # variable's setting, whatever the verb, unless a label or a stored value is meant
        r"|^(?!.*\b(labels?|annotations?|selectors?|secrets?|config ?maps?|cm|literals?|tagged"
        r"|where|whose|having|with)\b).*\bx-envkv\b",
        settings.build_set_env,
    ),
    ("set-image", change_cues.SET_IMAGE, settings.build_set_image),
    (
        "autoscale",
        # ("list the autoscalers" reads them)
        r"\bauto[- ]?scal(?!ers?\b)|\b(create|add|set up|make|configure)\b.{0,30}\b(hpa|autoscaler|"
        r"horizontalpodautoscaler)\b|\bbetween (\d+|one) and \d+ \S+ automatically\b"
        r"|\bautomatically (between|from) (\d+|one) (and|to) \d+\b"
        r"|\bkeep\b.{0,60}\bbetween (\d+|one) and \d+ (pods|replicas|instances)\b"
        r"|\b(hpa|autoscaler)\b.{0,60}\b(\d+ (to|and) \d+ (replicas|pods)|max(imum)? \d+)\b"
        # a range of replicas is a bound for an autoscaler, never one count to scale to
        r"|\bbetween (\d+|one) and \d+ (pods|replicas|instances|copies)\b"
        # "keep web around 60% cpu, anywhere from 4 to 20 replicas": a target and a range
        r"|\d+ ?% ?cpu\b.{0,60}\bfrom (\d+|one|two) to \d+\b"
        r"|\bfrom (\d+|one|two) to \d+ (pods|replicas)\b.{0,60}\d+ ?% ?cpu\b"
        r"|\bnever (below|under|less than) \d+ or (above|over|more than) \d+\b"
        r"|\bscal\w* .{0,60}\b(based on|depending on|according to|with|under|following)"
        r" (the )?(cpu|load|traffic|demand|usage)\b|\bscal\w* (\S+ ){1,6}on (the )?cpu\b"
        r"|\bgrow to \S+ .{0,40}\bshrink to\b|\bshrink to \S+ .{0,40}\bgrow to\b"
        # "let web scale itself up to 10", "web should scale on its own to at most 8"
        r"|\bscal\w* (\S+ ){0,2}?(itself|themselves|by itself|on (its|their) own|automatically)\b",
        workloads.build_autoscale,
    ),
    (
        "rollout",
        r"\brollout\b|\broll(ed)? ?back\b|\broll (\S+ ){1,4}back\b|"
        r"\b(rollout|revision|deployment|release) history\b"
        r"|(?<!event )(?<!events )(?<!activity )\bhistory( of)?\b(?! of (events|what))|\broll out\b"
        r"|\b(previous|past|earlier|older|old) (versions|revisions|releases)\b"
        r"|\bgo back to (the |an? )?(previous|last|prior|earlier|older|old) "
        r"(version|revision|release)"
        r"|\brolling (restart|update)\b|"
        + _NOT_AFTER_DONT
        + r"\brestart(?! count| policy)|\bredeploy\b|\bbounce\b|"
        r"\bundo\b|\brevert(ed|ing|s)?\b|\bundone\b|\bpaused?\b|\bresume\b|\bunpause\b|\brevisions?\b"
        # "take it back to before", "the old one back", "still rolling or stuck?", "what did
        # we have deployed before this"
        r"|\bback to before\b"
        r"|\b(old|previous|prior|earlier|last) (one|version|release|image) back\b"
        r"|\bstill (rolling|deploying|updating)\b|\b(deployed|released|shipped) before\b"
        # "return to the earlier version", "bring back the last version", "switch back"
        r"|\b(return|restore|reset|bring back|switch back|go back)\b.{0,30}\b(previous|earlier"
        r"|prior|last|old|older) (version|release|revision|one|image)\b|\bswitch back\b(?! to)"
        r"|\blast known good\b"
        # (", kick web": a fronted scope leaves its comma)
        r"|^(, )?(please |plz |pls |can you |could you |would you |i want to |i need you to )?"
        r"(reboot|kick|cycle|recycle|bounce|redeploy|re-deploy|refresh|reload|restart)\b"
        r"|\bdone rolling\b|\brolling out\b|\b(finished|done|through) (deploying|rolling)\b"
        r"|\bgive (\S+ ){1,3}(a )?(quick )?(restart|bounce|kick|reboot|rolling restart)\b"
        r"|\bdeploy(ment)? (is |was )?(complete|completed|finished|done)\b"
        r"|\bback out\b|\b(past|previous|old|earlier) releases\b"
        r"|\bgo back to (the |an? )?\S+ (version|revision|release)\b"
        # "has web rolled out", "which versions of web were deployed"
        r"|\brolled out\b|\bback (to )?(the way|how) it was\b"
        # "… was fine before the update, put it back", "i want the previous web back"
        r"|\b(before|since) the (update|upgrade|deploy|release|rollout)\b|\bput (it|them) back\b"
        r"|\bprevious\b.{0,40}\bback\b|\bhow far along\b|\b(update|new version) of\b"
        r"|\bback (one|a|1) (release|version|revision|rollout|deploy)\b|\bstop rolling out\b"
        r"|\bkeep rolling( out)?\b|\bhow many times\b.{0,40}\b(updated|deployed|rolled out)\b"
        r"|\b(finished|done) updating\b|\bstart (\S+ ){1,3}over\b|\bpaused rollout\b"
        r"|\boff and (back )?on( again)?\b"
        r"|\b(changes?|deploys|releases|versions) (have )?(gone|went|been) out\b"
        r"|\bwhat (deploys|releases|changes?) (have there been|went out)\b"
        r"|\b(versions|revisions|releases) of\b.{0,60}"
        r"\b(deployed|released|shipped|were|have been)\b"
        # how far a rollout got, the revisions it had, a revision wished for, a pause said
        # in other words ("is web updated fully", "what all versions web had before",
        # "web should be on revision 4", "put the brakes on rolling out web")
        r"|\bupdated fully\b|\bfully (rolled out|updated|deployed)\b|\bgo(ne)? out cleanly\b"
        r"|\b(what|which) (all )?versions\b|\b(had|has had|have had) before\b"
        r"|\bhow many (rollouts?|revisions|versions|deploys|releases)\b"
        r"|\bbeen (deployed|released|rolled out)\b.{0,80}\bover time\b"
        r"|\b(should be|needs to be|go|goes|move) (back )?(on|to|at) (revision|rev)\b"
        r"|\bback (on|at|to) (revision|rev)\b|\b(brakes on|mid-deploy|mid-rollout)\b"
        r"|\bfresh (set of )?pods\b|\broll (the )?(pods|pds|containers)\b"
        # "any progress on web?", "is it rolling?", "previous rollouts?"
        r"|(?<![\w-])progress(?![\w-])|\b(is|are) (\S+ ){0,3}rolling\b"
        r"|\b(updated|up to date|deployed|shipped) yet\b|\bhow far\b|\bfully out\b"
        r"|\b(update|rollout|deploy) (finished|done|complete)\b"
        r"|\b(is|are) (it|they|everything|all) rolled\b|"
        + rollout.UNDO_SAID
        + "|"
        + rollout.HISTORY_SAID,
        workloads.build_rollout,
    ),
    (
        "scale",
        r"\bscale\b|\bresize\b|\bscale (up|down)\b|\breplicas? (to|=)|\breplicas\b.{0,40}\bto \d"
        # (never "change the ring label of x to 1": a label's value)
        # (nor "needs CACHE_TTL set to 300": a variable's value)
        # (nor "put a service on checkout: 3000 goes to 5000": a port)
        r"|(?<!x-var )\b(bump|increase|decrease|raise|lower|reduce|grow|shrink|set"
        r"|put(?! (a |an )?(new )?(service|svc)\b)|bring|take|drop|cut|trim|park"
        r"|change|move|go|adjust)\b(?:(?!\b(?:label|annotation|taint|variable)\b).){0,40}"
        r"\b(to|at) (\d+|zero|one|two|three|four|five|six|seven|eight|"
        r"nine|ten)( (replicas?|pods|instances|copies|nodes))?\b(?! *(gi|mi|m\b|%|cpu|memory))"
        r"|\b(\d+|two|three|four|five|six|seven|eight|nine|ten) (replicas?|instances?|cop(y|ies))\b"
        r"|\b(make|have|get|let) .{0,40}\brun (\d+|one) (p\w{1,3}s?|repl\w*|inst\w*|cop\w*)\b"
        r"|\brun \d+ (replicas?|instances?|cop(y|ies))\b|\breplicas?=\d|\breplica count\b"
        r"|\b(double|triple|halve|quadruple|twice as many|in half)\b|\bby \d+ ?(%|percent)"
        r"|\b(add|give (it|them)|another) (\d+|one|an?)\b|\b(\d+|one) (more|fewer|less|extra)\b"
        r"|\b(up|down) by \d+\b|\bto (a |one )?(single|lone) (replica|pod|instance|copy)\b"
        r"|^(zero|0) (it |them )?out\b"
        # "shut down the worker deployment", "turn web off": no replicas left running
        # ("turn it off and on again" restarts it)
        r"|^shut (\S+ ){0,3}?down\b(?! and)|^turn (\S+ ){1,3}off\b(?! and)"
        # "change mailer so there are 10 copies", "we need 12 of mailer", "get web up to 8 pods"
        r"|\bso (that )?there (are|is|will be) \d+\b(?! ?(gi|mi|m|%|cpu|memory))"
        r"|\b(need|want|like) \d+ of\b|^\d+ of\b|\bup to \d+ (replicas?|pods|copies|instances)\b"
        # "web needs more pods, make it 5"
        r"|\b(make|take|bring|put|have) (it|that|them) (to |at )?(\d+|one|two|three|four|five|six"
        r"|seven|eight|nine|ten|eleven|twelve|twenty)( (replicas?|pods?|instances))?( |$)"
        r"(?!(gi|mi|m|%|cpu|memory|percent)\b)",
        workloads.build_scale,
    ),
    (
        "set-resources",
        r"\b(limits?|requests?)\b.*\b(cpu|memory)\b|\b(cpu|memory)\b.*\b(limits?|requests?)\b"
        r"|\b(limits?|requests?) (of )?x-(?:env)?kv\b"
        r"|\b(cap|limit|restrict|constrain|throttle|allot|allocate|reserve)\b.{0,60}"
        r"\b(cpu|memory|mem)\b|\b\d+(\.\d+)?(m|mi|gi|g|ki) (of )?(cpu|memory|mem)\b",
        settings.build_set_resources,
    ),
    (
        "set-serviceaccount",
        r"\bservice ?account to\b|\b(set|change|update|switch|use|assign|run (\S+ ){0,3}as)\b"
        r".{0,60}\b(service ?accounts?|sa)\b(?!.*\b(rolebinding|clusterrolebinding|token)\b)",
        settings.build_set_serviceaccount,
    ),
    ("label", change_cues.LABEL, labels.build_label),
    (
        "set-env",
        # ("whose env label is prod", "where env is prod": a label filter)
        r"(?<!whose )(?<!where )(?<!with )\b(environment|env)( variables?| vars?)?\b"
        r"(?! (label|tag|is|=|equals|equal|set to)\b)|\bunset\b|\bexport\b.{0,20}\bx-(?:env)?kv\b"
        r"|\b(remove|delete|drop|add|set|change|update)\b (the |a |an )?(new )?variables?\b"
        r"|\b(vars|variables) from (the )?(configmap|config map|secret)\b"
        # "delete the LOG_LEVEL variable on web": the variable, never the deployment
        r"|\b(remove|delete|drop|unset|clear|set|change|update|add|define|get rid of)\b (the )?\S+"
        r" (env(ironment)? )?(var|variable)s?\b"
        # (from the verb on: the variable before it is never the request's verb)
        r"|(?<=\S )(shouldn'?t|should not|no longer needs to) be set\b"
        r"|\b(strip|take|pull|yank) \S+ (out of|from|off) (the )?(env|environment)\b"
        r"|\b(set|add|export|put|define|inject)\b.{0,20}\bx-(?:env)?kv\b"
        r"(?!.*\b(labels?|annotations?|selector|replicas)\b)"
        r"|^(set|change|update) (the )?(\S+) to (?![\d.]+( |$)|x-image)\S+ (on|in|for)\b"
        # "web shouldn't have TZ set anymore", "web needs A=1 in its environment" (which the
        # speller has made its namespace)
        r"|\b(shouldn't|should not|no longer|doesn't need to) have \S+ set\b|\bx-var set to\b"
        r"|\b(doesnt|doesn't|does not|no longer) needs? x-var\b|\bstop setting x-var\b"
        r"|\btake (the )?x-var (variable |env var )?off\b"
        r"|\b(set|change|update|put|add|define|export|unset|remove|drop|clear) (the )?x-var\b"
        r"|\bneeds? x-(?:env)?kv in (the )?(its|their) (environment|env|namespace)\b",
        settings.build_set_env,
    ),
    (
        "expose",
        r"^(?!.*\b(create|run|start)\b.{0,30}\b(deployment|pod)\b).*\bexpose\b|"
        r"\bservice based on\b|\b(create|make|put|add|set up) (a |an )?(new )?"
        r"(second )?(service|svc) (for|on|in front of)\b|\b(create|make) a service named \S+ for\b"
        # "let other pods talk to web on port 80": reachable from inside the cluster
        r"|\blet (other )?(pods|services|apps|things) (talk|connect|get) to\b"
        r"|\b(reachable|accessible)\b.{0,30}\bport\b|\b(open|publish) (a )?port\b"
        # "web needs a service listening on 3000", "route port 443 to 8080 on web"
        r"|\b(needs?|wants?|get|gets) (a |an )?(new )?(service|svc|node ?port|load ?balancer)\b"
        r".{0,30}\b(port|listening|on \d+)\b|\broute (port )?\d+ to (port )?\d+\b",
        run_expose.build_expose,
    ),
    (
        "delete",
        # "drop worker to 2 replicas" is a count
        # "the jobs tagged tier=web can all be deleted": the user's own verb, passive
        r"\b(can|should|may) (all |both |now |safely )*be (deleted|removed|destroyed|nuked)\b|"
        # "pod x is to be deleted", "… needs to be terminated", "… are to be removed"
        r"\b(is|are) to be (deleted|removed|destroyed|terminated|purged)\b"
        r"|\b(needs?|has|have|must) (to )?be (deleted|removed|destroyed|terminated|purged)\b|"
        r"\b("
        + _DELETE_VERBS
        # ("drop nginx.conf into web-1" puts a file there)
        + r"|evict|rm|drop(?! me\b)(?!(?: \S+){1,8} (?:down )?to (?:\d+|zero|one|a"
        r" single)\b)(?!(?: \S+){1,3} (?:into|onto|inside|in to)\b)|tear down|force delete)\b"
        r"|\bget rid of\b"
        # "(I want) the svc called x gone": courtesy already took "I want"
        # "secret tls-cert needs to go", "these pods can all go"
        r"|\b((needs?|has|have|got) to|should|must|can|may) (all |both |now )*go\b"
        r"(?! (to|back|through|up|down|ahead|live|out|on|over|into|from|with)\b)"
        # "make ingress frontend go away", "get cronjob x out of here", "… out of its misery"
        r"|\b(go away|disappear|vanish)\b|\bout of (here|its misery|their misery)\b"
        r"|(?<!are )(?<!is )(?<!was )(?<!were )\bgone\s*$"
        r"|(?<!are )(?<!is )(?<!was )(?<!were )\bgone(?=\s*[,.;!]|\s+(please|pls|asap)\b)",
        workloads.build_delete,
    ),
    (
        "create",
        # ("make configmap x go away" is gone, not made)
        r"\b(create|make|add|new|set up|spin up|provision|generate|start|launch|launching"
        r"|bootstrap|request|establish|instantiate|institute"
        r"|bring (\S+ ){1,4}into (being|existence)"
        r"|could (we|i) (have|get) an? (new )?\S+ (named|called))\b"
        r"(?!.*\b(go away|disappear|vanish)\b)",
        create.build_create,
    ),
    (
        "describe",
        # ("show the replicaset, no describe": the one thing not asked for)
        r"(?<!no )(?<!not )(?<!without )(?<!don't )(?<!not the full )(?<!not a full )"
        r"\b(describe|desc|inspect|tell me (\w+ )?about|what's wrong with|why is|why are|why does|"
        r"why (won'?t|can'?t|isn'?t|doesn'?t|did)|"
        # "why's it unhappy", "why it failing", "how come the pod is poorly"
        r"why (it|they|this|that|the|my|our)|how come|^(\S+ )?why|"
        r"more info(rmation)? (on|about|for|regarding)|full (details|info\w*)|"
        r"why do|what(?:'?s| is)? (going on|happening|up|wrong) with|what went wrong with|"
        r"look into|investigate|troubleshoot|examine|dig into|diagnose|deets|"
        r"(full |complete |whole )?description of|everything (about|on)|"
        r"what does (the )?\S+( \S+)? look like)\b|"
        r"(?<!more )(?<!extra )(?<!additional )\bdetails?\b"
        r"|\bmore (detail |details |info )?(on|about) (it|them|that|this|pod|deployment)\b"
        r"|\b(look|looking) closer\b|\bcloser look\b|\bdeep[- ]?dive\b|\bdrill (down )?(into|on)\b"
        r"|\b(whole|full|complete) picture (of|for|on)\b|\bdig deeper\b|\b(its|their) description\b"
        # "a detailed profile of x", "its detailed description" (a detailed list is a list)
        r"|(?<!without a )(?<!without the )(?<!no )\b(detailed|in-depth|thorough)"
        r" (profile|description|account|report|breakdown"
        r"|analysis|write-?up|rundown)\b"
        # "show me what pod x looks like", "how is web configured", "web keeps crashing"
        r"|\bwhat (\S+ ){1,3}looks like\b|\bhow (is|are) (\S+ ){1,3}(configured|set up)\b"
        r"|\bkeeps? (restarting|crashing|dying|failing|erroring|falling over|going down)\b"
        r"(?!.*\b(events?|logs?|warnings)\b)",
        read.build_describe,
    ),
    (
        "events",
        r"\bevents?\b|\bwarnings\b|\bwhat(?:'s| has)? happened\b|\bevent ?log\b"
        r"|\bwhat(?:'s|s| has)? been (happening|going on)\b",
        read.build_events,
    ),
    (
        # Last of all, when no other rule reads it: a resource figure, asked for and not set
        # ("cpu mem of all pods", "how much headroom is left on the nodes", "like docker
        # stats, but for the pods")
        "top",
        r"^(?!.*\b(limits?|requests?|quotas?|set|setting|change|increase|raise|lower|bump|give"
        r"|allocate|assign|reserve|need|needs|hpa|autoscal\w*|targets?|keep|replicas?)\b"
        r"|.*\b\d+ ?(mi|gi|ki|m|g|%|percent)(?!\w))"
        r".*\b(cpu|mem|memory|ram|load(?! ?balanc)|loaded|headroom|htop|docker[- ]stats|stats"
        r"|running hot|running (out|low) (of|on) (resources|capacity))\b",
        read.build_resource_figures,
    ),
    ("get", r".", read.build_get),
)
