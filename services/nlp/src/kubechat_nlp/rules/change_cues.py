"""Long cues of the rules table for change requests, kept apart so the table stays a
table: the early create cue, and statements of need that ask for a change without its verb
("web needs more pods, make it 5", "node-3 can take pods again")."""

from __future__ import annotations

# Before the verb rules: an image to run, a CronJob to run now, or a kind to make
# ("deploy redis:7 as cache", "add a qa-2 namespace", "make role r allowing delete").
CREATE = (
    # ("make configmap x go away" is gone, not made)
    r"^(?!.*\b(go away|disappear|vanish|to (the )?(image |version |tag )?x-image"
    r"|x-image (onto|into|to (?!run|execute|fire|be))"
    r"|x-image (on|for) (?!port\b|(the |a )?(schedule|cron|timer|every|daily|hourly|weekly)\b)"
    r"(the )?(\S+)"
    r"|x-image (on|for) (the )?(deployment|deploy|statefulset|daemonset|x-name"
    r"|\S+ deployment)"
    # "api should run nginx:1.27": a new image for api, never a new deployment
    r"|(should|must|shall) (now )?run (the )?(image )?x-image"
    # "update api in qa to run nginx:1.27", "could api adopt the image nginx:1.27"
    r"|\b(update|change|switch|move|set|upgrade|bump|migrate)\b (\S+ ){1,8}?to run (the )?"
    r"(image )?x-image"
    r"|\b(adopt|take on|pick up|use|take) (the )?(new )?image x-image"
    # "point container proxy of deploy web at traefik:3", "swap the proxy image … for x"
    r"|at (the )?(image |version |tag )?x-image|\bswap\b.{0,60}\bfor (the )?x-image)\b)"
    r"(.*\b(create|deploy|scheduled?|spin up|launch|run|start|new)\b (\S+ ){0,6}?x-image\b"
    r"|.*\b(run|trigger|kick off|fire|start|execute|launch)\b (off )?(the |a )?"
    r"(cron ?jobs? \S+|\S+ cron ?jobs?)\b(?!.{0,20}\b(logs?|history|status|events)\b)"
    # "fire report-gen manually, job name r-1", "spawn job r-1 from the report-gen cronjob"
    r"|.*\b(run|trigger|kick off|fire|start|execute|launch)\b (off )?(the )?\S+ (cron ?job )?"
    r"(manually|by hand|now)\b.{0,30}\bjob\b"
    r"|.*\bjobs? \S+ from (the )?(cron ?job \S+|\S+ cron ?job)\b"
    r"|.*\bx-image as (a |the )?(new )?deployment\b"
    # "can you get chat running on busybox:1.36", "new app receipts, image nginx:1.27"
    r"|.*\bget \S+ (up and )?running (on|with|from|using) (the )?(image )?x-image\b"
    r"|^(a )?new app \S+\W? (with )?(the )?(image )?x-image\b"
    # terse forms: "role r with delete on pods", "rolebinding rb: user kim -> role r"
    r"|^(new )?(cluster)?role(binding)? \S+(.{0,40})? (with|:|->)( |$)"
    r"|^(new )?(config ?map|cm|secret) \S+ (.{0,40} )?with x-(?:env)?kv"
    # "secret gcr-pull, data k=v", "configmap x in ns y, data k=v", "store k=v into secret x"
    r"|^(new |generic )?(config ?map|cm|secret) \S+ (.{0,40} )?(data|holding|containing|storing)"
    r":? x-(?:env)?kv"
    r"|.*\b(store|put|save|stash|keep|add) x-(?:env)?kv( and x-(?:env)?kv)* (into|in|inside)"
    r" (a |the )?(new )?(generic )?(config ?map|cm|secret) \S+\W*$"
    # "put a=b and c=d into a fresh configmap named x", "… into a generic secret called y"
    r"|.*\b(store|put|save|stash|keep|add) x-(?:env)?kv( and x-(?:env)?kv)* (into|in|inside)"
    r" an? (new |fresh |brand[- ]new )?(generic )?(config ?map|cm|secret) (named|called)\b"
    # "need sa ci-bot", "need a namespace called x": a new object
    r"|^(need|needs|want|wants) (an? |the )?(sa|service ?account|namespace|ns|role|configmap"
    r"|secret) x-name\W*$"
    r"|.*\bvia (a |an |the )?(new )?(cluster)?rolebinding\b"
    r"|.*\bbind (\S+ ){1,3}to (the )?(\S+ )?(cluster)?role\b"
    r"|.*\b((create|make|add|new|set up|generate|provision|define|declare)\b (a |an |me )?"
    # a statement of need: "we need a fin namespace", "i need a role r to delete pods"
    # (courtesy has taken "we need" off: the request opens with its article)
    r"|(^|\b(need|needs|want|wants) )(a |an |another ))"
    r"(new |another )?(\S+ )?(namespace|role|clusterrole|rolebinding|clusterrolebinding"
    r"|configmap|config map|secret|service ?account|cronjob|job|deployment|quota"
    r"|resourcequota|pdb|poddisruptionbudget|ingress)\b"
    r"(?!.*\b(reachable|accessible|replicas)\b))"
)

# A new image for a workload: "set the image of web to x", "api should run nginx:1.27".
SET_IMAGE = (
    r"\b(update|set|change|upgrade|bump|switch|rolling update)\b.{0,60}\bimages?\b"
    r"|\b(update|upgrade|bump|set|change|switch|move|roll|deploy)\b.{0,40}\bto x-image\b"
    r"|\b(update|change|switch|move|set|upgrade|bump|migrate)\b.{0,60}\bto run (the )?"
    r"(image )?x-image"
    r"|\b(adopt|take on|pick up) (the )?(new )?image x-image"
    r"|\bimages?\b.{0,40}\bto\b(?!.*\b(create|run)\b)|\bupgrade \S+ to\b"
    r"|\b(update|upgrade|bump|set|change|switch|move|point|pin)\b.{0,60}\b(to|at) (the )?"
    r"(image |version |tag )?x-image\b"
    r"|\b(roll ?out|deploy|ship|push|use|put|try)\b (the )?(new )?(image |version )?x-image\b"
    r"(?!.*\b(create|run|called|named)\b)"
    r"|\b(swap|replace|change|update)\b.{0,60}\bwith (the )?(new )?(image )?x-image\b"
    r"|\b(to|should|must|shall) (now )?(run|use|be on) (the )?(image |version )?x-image\b"
    r"|\brun (the )?(image )?x-image (on|in|for) (?!port\b)"
    r"|\bgive\b.{0,40}\b(the )?(new )?image x-image\b"
    r"|\bget (the )?(new )?(image )?x-image (onto|on|into|in)\b"
)

# "<verb> [the] tier label from|off x", "<verb> label tier from|off x": a label said as the
# object of a verb that takes it off something (not a read verb: "show the tier label of x").
TAKEN_OFF = (
    r"|^(?!.*\b(show|list|get|see|display|print|check|what|which|find|read|view|look)\b)"
    r".*\b[a-z]+ (the |a |an |that |this |its |their )?(\S+ (label|annotation)s?"
    r"|(label|annotation)s? \S+) (from|off)\b"
    # "could the app label come off pod x"
    r"|\b(label|annotation)s? (come|comes|coming|came|be taken|get taken) off\b"
    # "delete the tier key from the labels on pod x", "strip pod x of its tier label"
    r"|\b\S+ key (from|off|out of) (the |its |their )?(label|annotation)s?\b"
    r"|\bstrip (\S+ ){1,4}?of (the |its |their )?\S+ (label|annotation)s?\b"
)
# Labels and annotations added, changed or taken off ("web shouldn't carry the tier label").
LABEL = (
    r"^(please )?(label|annotate)\b|\b(add|put|attach|set|overwrite|update|tag)\b.{0,40}"
    r"\b(labels?|annotations?)\b|\b(remove|delete|removing|drop)\w* (the |a |an )?"
    r"(labels?|annotations?)\b|\bannotations?\b|\bun-?(label|annotate)\b"
    # "relabel pod x: tier -> cache", "deploy/web: +label team=a"
    r"|\bre-?label\w*\b|(?<!\S)\+ ?(label|annotation|annotate)\b"
    r"|\b(remove|delete|drop|clear|strip|unset)\w* (the |a |an )?\S+ (label|annotation)s?\b"
    r"|\b(apply|stick|slap)\b.{0,40}\blabels?\b|\b(tag|mark)\b.{0,60}\bwith\b.{0,12}\bx-(?:env)?kv\b"
    r"|\b(take|get) (the |a |an )?(\S+ )?(label|annotation)s? off\b"
    r"|\b(shouldn't|should not|no longer|mustn't) (carry|have|need|bear|keep)s? (the |an? |any "
    r"|its )?\S+ (label|annotation)s?\b|\b(doesn't|does not|don't) need (the |an? |any |its )?"
    r"\S+ (label|annotation)s?\b"
    r"|\b(label|annotation) (of|on|for) .{0,60}\bshould (now )?(be|say|read)\b"
    # "the tier label on node x needs updating to cache", "… is out of date and should now
    # be finance"
    r"|\b(label|annotation) (of|on|for) .{0,60}\b(needs? (updating|changing|to be (updated"
    r"|changed|set))|should (now )?be|is to be (updated|changed|set)) (to|as)\b"
    # "pod redis-2 needs the label team=core"
    r"|\bneeds? (the |an? )?(new )?(label|annotation) x-(?:env)?kv\b"
    r"|\bget rid of (the |a |an |that |this |those |its |their )?(\S+ )?(label|annotation)s?\b"
    r"|\b(change|update|modify|set|switch|flip|replace)\b (the )?(\S+ ){0,3}(label|annotation)"
    r" (of|on|for|to)\b"
    r"|\b(change|update|modify|set|switch|flip)\b (the )?label \S+ (of|on|for|to)\b"
    # "remove deploy web's tier label", "no more tier label on pod x": the label, said last
    r"|\b(remove|delete|drop|clear|strip|unset)\w* (\S+ ){0,4}(label|annotation)s?\b"
    r"(?= *(from|on|off|of|in|please|pls|$|[,.;!?]))"
    r"|\bno more (\S+ )?(label|annotation)s?\b"
    # "namespace hotfix should be labelled env=staging", "can node-1 get annotated with …"
    r"|\b(be|get|gets|got) (labell?ed|annotated|tagged)\b"
    r"|(^|\b(let's|lets|let|please|pls|plz|kindly|just|and|to|now|then|also|u|you)) "
    r"(label|annotate)\b"
    # "env label not needed on pod x, remove", "release label wrong on node-7, make it
    # canary", "has a stale description annotation", "lose the part-of label", "shouldn't
    # carry pci as a label"
    r"|\b(label|annotation)s? (is |are )?(not needed|unneeded|no longer needed|wrong|stale"
    r"|outdated|obsolete|incorrect|bad)\b"
    r"|\b(wrong|stale|outdated|obsolete|incorrect|bad|old) (\S+ )?(label|annotation)s?\b"
    r"|\b(lose|ditch|nix|scrap|kill)\b (the |that |this |its )?(\S+ ){0,2}(label|annotation)s?\b"
    r"|\b(carry|have|keep) \S+ as (a|an) (label|annotation)\b" + TAKEN_OFF
    # Whatever the verb, a label taken "from" or "off" an object is taken away ("erase the
    # tier label from pod x", "detach label tier from web"); a look at one is a read.
)
