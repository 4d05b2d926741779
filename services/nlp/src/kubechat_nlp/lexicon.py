"""Word lists: function words and command words that are never object names."""

from __future__ import annotations

STOPWORDS = frozenset(
    """
a an the this that these those it its it's them they their there here my our your his her
itself themselves yourself myself ourselves full complete entire aiming broke fresh brand
poke around
internally externally publicly privately locally remotely entries items containing
dont doesnt didnt anymore nope nah yep yeah id im isnt arent wasnt werent wont cant couldnt
shouldnt whos finish finished succeed succeeded ended lately recently times
crashing crashed failing broken stuck hanging unhealthy erroring say says
come comes coming went
me we us you i i'm to of in on at by for from with without within into onto inside out
over under up down off about across through and or but nor so then than as if else when
while until unless because be is are was were been being am do does did done doing have
has had having can could should would will shall may might must please kindly just only
also too very really now again still already all any every each some no not none both
either neither other another same such what which who whom whose where why how named
called name names ones one two three four five six seven eight nine ten first second third
last latest recent most more less many much few new old existing current currently
different multiple single given specified specific following like using use used via
based based-on instead way whether let let's want wanted need needed make sure see
check tell give me show showing shown display list listing listed get getting print view find
printed displayed dumped exported described
value values type types kind kinds resource resources object objects obj objs thing things
everything something anything nothing default local remote locally remotely
hey hi yo ok okay alright u ta ty thanks thank thx pls plz asap rn real quick recently
describe inspect
half cheers appreciated
unused stale dead orphaned orphan leftover obsolete unneeded useless idle abandoned zombie
dangling outdated expired evicted redundant spare
saying logged printed rundown lowdown overview summary breakdown scoop needs wants
requires garbage rubbish junk crap clutter cruft leftovers whole
seem seems seemed appear appears appeared sit sits ranked ranking hogging acting mem keeps
printing writing emitting outputting spitting complaining know mind closer interesting anywhere
placed hosted located handy regardless unhappy sick flaky misbehaving wonky
problem problems issue issues damage ongoing brakes pin good fully completely cleanly
entirely totally gonna wanna gotta ditto burning eating consuming got gotten columns
today tonight tomorrow yesterday morning afternoon evening overnight
""".split()
)

# What a report says is everywhere ("errors everywhere, roll it back"): never a scope.
TROUBLE_WORDS = frozenset(
    "errors error failures problems issues alerts warnings fires crashes".split()
)

COMMAND_WORDS = frozenset(
    """
ls describe desc del details detail detailed info information inspect logs log stream streaming
follow tail exec execute run running runs start starting started launch spin deploy create
creating created carve establish instantiate delete deleting deleted
remove removing removed destroy kill terminate
erase purge scale scaling scaled resize replicas replica repl reps copies copy instances rollout
roll rolling
rollback
restart restarting restarted undo revert pause paused resume resumed history revision revs
revisions status state label labels labelled labeled labeling annotate annotation
annotations overwrite overwriting update updating updated set setting change changing
modify add adding apply applying patch patching edit editing expose exposing port ports
forward forwarding listen listening cordon uncordon drain draining taint taints
schedulable unschedulable top metrics usage consumption cpu memory events event warning
warnings watch watching wait waiting explain documentation docs version versions
cluster clusters context contexts kubeconfig config configuration namespace namespaces
container containers image images selector selectors field fields output format yaml json
wide sorted sort sorting order ordered yes environment env variable variables secret
shell bash terminal interactive attach copy debug debugging mark marking node nodes
previous instantiation snapshot dump timestamps timestamp lines line minutes minute hours
hour seconds second days day ago since newer older recent matching match matches having
per except exclude excluding including include included instance instances app
application applications service services pods pod deployment deployments available ready
condition until completion completed complete source target targeting targets file
files folder directory dir url manifest manifests command commands allowed allow
permission permissions able access actions action subject attributes whoami
server master addresses supported shortnames group groups along together
stdout stderr case defined snapshot user users machine even aborting ignoring selected key
sends file limits limit requests request time point least namespaced unhealthy healthy
locally random address addresses terminal mode raw client back copy changing otherwise
there exists exist existing remote version label labels maintenance
return returns confirms confirm deletion effect taint instead already array element
crashing crashed failing broken down slow stuck restarting healthy wrong happening going on
went gone goes happen happens happened crashlooping crashloop oomkilled evicted erroring
ignore ignoring swap leave leaves leaving
bump put stop bring take evacuate increase decrease raise lower reduce grow shrink double
halve triple need rid pls plz thx asap everywhere maintenance service rotation scheduling
give bounce redeploy reboot kick cycle recycle unpause restore autoscale autoscaler
past keep go ahead filter happened loaded logging recently lately
uses eat eats eating hog hogs hogging consume consumes consuming
untaint kubechat cheers appreciated reachable accessible
open var vars upgrade export unset cap tag unlabel drop before after
stuff junk crap mess clutter cruft whatever rm
look looks looking gimme lemme located living sitting residing resides lives scoped
provision perform progress number amount release releases utilization utilisation
respawn relaunch reload refresh configure point tunnel hit vacate quarantine fence evict
empty deploying rolled finished
min mins sec secs hr hrs wk wks ms rule rules ran
pending failed succeeded successful fetch grab enumerate carry carries working live
marked tagged hosted errors problems issues landed consumers hogs far along
""".split()
)


def _phrasing_verbs() -> frozenset[str]:
    """The words that open the catalogue's phrasings ("recycle the pods", "wipe out"):
    verbs, so never object names ("clean up on deploys" names no deployment "clean")."""
    from kubechat.catalogue import default_catalogue

    not_verbs = {"api", "certificate", "cluster-wide", "clusterip", "control", "generic"}
    not_verbs |= {"horizontal", "ingress", "kubernetes", "known", "load", "nodeport", "role"}
    not_verbs |= {"tls", "active", "full", "auto", "disruption", "ephemeral", "periodic"}
    return frozenset(
        first
        for entry in default_catalogue().entries()
        for phrase in entry.phrasings
        if (first := phrase.split()[0]) not in not_verbs and first.isalpha()
    )


# Verbs of cleaning up, which only the vague-destruction rule reads.
_CLEANUP_VERBS = frozenset("clean tidy purge".split())
PHRASING_VERBS = _phrasing_verbs()
# What a workload did, told before the request ("the api deployment hangs again: restart
# it", "web leaked memory overnight"): verbs of a report, never a name.
_REPORTING_VERBS = frozenset(
    """hangs hung leaked leaks picked crashed died dies froze freezes stalled stalls wedged
misbehaves misbehaving misbehaved flaps flapping flapped choked chokes""".split()
)
NOT_NAMES = STOPWORDS | COMMAND_WORDS | _CLEANUP_VERBS | PHRASING_VERBS | _REPORTING_VERBS

# Words worth correcting a typo towards (besides kind names): the command verbs.
TYPO_TARGETS = frozenset(
    """logs show list describe delete remove restart rollout rollback scale create namespace
namespaces container containers replicas logs events deployment deployments service services
secret secrets cordon uncordon drain label annotate expose rollout status history undo
autoscale image annotation
labels labeled labelled running following follow past watch reduce increase decrease memory
from contexts context thank thanks revision revisions warning warnings double triple half
them check switch previous resources limits limit requests selector pause resume taint
please what which where there their with into logging print display every everything
update change forward port shell execute attach image images version current default
replica instances minutes seconds hours fetch output happening rank""".split()
)
# Three-letter words read through a swapped pair ("teh", "yuo"): only these, common enough
# that no one names an object after the misspelling.
SWAP_TARGETS_SHORT = frozenset("the you and all".split())
# Words known as they are, never read as a near command word ("running hot" is no "host",
# "docker stats" no "status"), and still free to be an object's name.
KNOWN_WORDS = frozenset("hot stats stat busy headroom htop load loaded loads".split())

# Words that are kind short names or synonyms but mean something else in prose.
NOT_NL_KIND_WORDS = frozenset(
    {
        "limits",
        "no",
        "all",
        "quota",
        "volume",
        "volumes",
        "machine",
        "machines",
        "workload",
        "cs",
        "ev",
        "ep",
        "sc",
        "ing",
        "cj",
        "everything",
        "lease",
        "leases",
    }
)
