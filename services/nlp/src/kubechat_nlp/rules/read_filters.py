"""How a list is filtered and shown, said in words: label selectors ("where app is web",
"that carry tier=cache"), field selectors ("pods that are pending", "pods that live on
node-3"), watching ("keep an eye on the pods") and the wide columns ("all columns",
"with node and ip")."""

from __future__ import annotations

import re

from kubechat_nlp.lexicon import STOPWORDS
from kubechat_nlp.rules.common import Ctx
from kubechat_nlp.rules.read_slots import OPENERS
from kubechat_nlp.slots import KV, PHASES, Slots
from kubechat_nlp.utterance import Utterance


def more_selectors(c: Ctx, s: Slots) -> None:
    """Label selectors said in words: 'where app is web', 'that have tier=cache',
    'filter jobs by env=prod', 'with app=web'."""
    if s.selector:
        return
    u = c.u
    m = u.search(
        r"\b(?:where|whose) (?:the )?(?:label )?([a-z][\w./-]*) (?:label )?(?:is set to|is equal to"
        r"|is|equals|says|=)"
        r" ([\w.-]+)\b"
        # "any nodes with team set to ml": a label named and its value
        r"|\bwith (?:the )?(?:label )?([a-z][\w./-]*) (?:label )?(?:set to|equal to|equals"
        r"|is set to|is equal to|as)"
        r" ([\w.-]+)\b"
    )
    # (never a field: "whose phase is failed" selects by status)
    fields = ("phase", "status", "state", "node", "name", "namespace", "age", "replicas", "image")
    key, value = (1, 2) if m and m.group(1) else (3, 4)
    if m and m.group(value) not in STOPWORDS and m.group(key) not in fields:
        s.selector = f"{u.group_text(m, key)}={u.group_text(m, value)}"
        u.mark(m)
        return
    # "services -n tools, only env=staging"
    m = u.search(rf"\bonly (?:the ones )?(?:with )?({KV})")
    if m:
        s.selector = u.group_text(m)
        u.mark(m)
        return
    m = u.search(
        rf"\b(?:(?:that|which|who) )?(?:have|has|carry|carries|bear|bears|wear|wears|match|matches)"
        rf" (?:the )?(?:labels? )?"
        rf"({KV})|\bfilter(?:ed)?\b.{{0,40}}?\bby (?:labels? )?({KV})|\bwith (?:labels? )?({KV})"
        rf"|\b(?:tagged|marked|labell?ed) (?:with|as) (?:the )?(?:labels? )?({KV})"
        rf"|\b(?:the )?(?:label|selector) (?:is|=|should be|would be) ({KV})"
        # "filter them on the label x=y"
        rf"|\b(?:on|by|using) (?:the )?(?:labels?|selector) ({KV})"
    )
    if m:
        s.selector = u.group_text(m)
        u.mark(m)
        if u.norms and u.norms[u.index_at(m.start())] == "filter":
            u.used.add(u.index_at(m.start()))


def more_views(c: Ctx, s: Slots) -> None:
    """How to show a list, said in words: watching it ("keep an eye on the pods", "follow
    pods as they change", "monitor the jobs") and wide ("all columns", "every column")."""
    u = c.u
    if not s.watch:
        # never a word already read (but the opening verb: "track the jobs"), nor a label's
        # key ("labelled track=stable", "where track is stable")
        head = next((i for i, norm in enumerate(u.norms) if norm not in OPENERS), -1)
        m = next(
            (
                m
                for m in u.finditer(_WATCH_WORDS)
                if (u.index_at(m.start()) not in u.used or u.index_at(m.start()) == head)
                and not _names_one(u, m)
            ),
            None,
        )
        if m:
            s.watch = True
            u.mark(m)
    if s.watch:  # "stream svc updates": what is watched for, never a name
        for m in u.finditer(r"\b(?:updates|changes|continuously|continually|constantly)\b"):
            u.mark(m)
    if not s.output:
        m = u.search(
            r"\b(?:all|every|each) (?:the |of the |available )?(?:columns?|fields)\b"
            r"|\b(?:wide|long|extended|detailed) (?:format|view|listing|mode|table)\b"
            r"|\b(?:extended|expanded) (?:info|information|details|output)\b"
            # "with node and ip": what the wide columns add
            r"|\bwith (?:their |the |its )?(?:nodes?|node names?) and (?:their |the |its )?ips?\b"
        )
        if m:
            s.output = "wide"
            u.mark(m)
    # "which node is web-1 on", "where is pod web-1 running", "pods and their nodes": the
    # node is a column of the wide listing, not a kind asked for
    m = u.search(
        r"\b(?:what|which) node (?=(?:is|are|does|do) )|\b(?:and|with) (?:their|its) (?:nodes?"
        r"|node names?|ips?|ip addresses)\b|\bwhere (?:is|are) (?=(?:\S+ ){1,3}(?:running|hosted"
        r"|scheduled|placed|living|sitting)\b)"
    )
    if m and not s.output:
        s.output = "wide"
        u.mark(m)
    if s.output == "wide":  # "with their ips and nodes": what the wide columns show
        m = u.search(r"\b(?:ips?|ip addresses) and (?:their |the )?nodes?\b")
        if m:
            u.mark(m)


def _names_one(u: Utterance, m: re.Match[str]) -> bool:
    """The watch word `m` follows a kind said in the singular: "show pod monitor" names
    the pod; it watches nothing."""
    if " " in m.group(0).strip():
        return False  # "(the namespace) as they change"
    i = u.index_at(m.start())
    kind = u.kind_at(i - 1) if i else None
    return kind is not None and kind.end == i and not u.norms[kind.start].endswith("s")


_WATCH_WORDS = (
    r"(?<![\w-])(?:keep (?:an |my |our )?eyes? on|keep watch on|keep tabs on|monitor"
    # ("lost track of the jobs": forgot what there is, no watch)
    r"|observe|(?<!lost )(?<!lose )(?<!list )track|follow|following|tail)\b(?![=.-])"
    r"(?! (?:the )?(?:logs?|output|rollout)\b)"
    r"|\bas (?:they|it|the \S+) (?:change|changes|update|updates|come|comes|appear"
    r"|appears)\b|\bkeep (?:it |them |the list )?(?:updating|refreshing|coming)\b"
    r"|\b(?:for|on) (?:any )?(?:changes?|updates?)\b|\bin real[- ]?time\b"
    r"|\blive updates?\b|\b(?:notify|alert|ping|tell) me when\b"
    r"|(?<![\w-])(?:continuously|continually|constantly|non-?stop)(?![\w-])"
    r"|\b(?:give me a heads[- ]?up|let me know) when\b"
    r"|\bwhen (?:they|it|the \S+|\S+) (?:change|changes|update|updates|appear|come up)\b"
)


def more_fields(c: Ctx, current: str | None, running_in: Slots | None = None) -> str | None:
    """Field selectors said in words: 'which pods are pending', 'pods running on node-3'.
    Another kind 'running on X' runs in namespace X, set in `running_in`."""
    u = c.u
    parts = [p for p in (current or "").split(",") if p]
    if not any(p.startswith("status.phase") for p in parts):
        m = u.search(
            r"\b(?:pods?|po|ones|jobs?|containers?)\b (?:that |which |who )?"
            r"(?:are|is|have|has|ended up|end up|wound up|became|went)"
            r" (?:currently |still |now )?(?:been )?(running|pending|failed|failing|succeeded"
            r"|completed|complete|finished|done|crashed)\b(?! on\b)"
            r"|\b(?:that|which) (?:are|r|have) (?:currently |still )?(pending|failed|succeeded"
            r"|completed|finished|crashed)\b"
            # "having status failed", "status completed only", "completed state pods"
            r"|\b(?:having |with )?(?:the )?(?:status|state|phase)(?: is| of| as| =|:|=)? ?"
            r"(running|pending|failed|succeeded|completed|finished|crashed)\b(?! on\b)"
            r"|\b(running|pending|failed|succeeded|completed|finished|crashed) (?:state|status"
            r"|phase) (?=\S)"
            # "are any pods pending", "pods stuck in failed", "pods still pending"
            r"|\b(?:pods?|po|ones|anything|something|what)"
            r" (?:currently |still |now |stuck )?(?:in )?"
            r"(?:the |a )?(pending|failed|failing|succeeded|completed|finished|crashed)\b(?! on\b)"
            # "the pods that failed", "pods which have finished"
            r"|\b(?:pods?|ones) (?:that|which) (?:have |has )?(?:already |recently |just )?"
            r"(failed|completed|finished|succeeded|crashed)\b"
            # "pods in pending state", "with status failed", "whose phase is completed"
            r"|\b(?:in|with|whose) (?:the |a )?(?:status |state |phase )?(?:is |of |= ?)?"
            r"(running|pending|failed|succeeded|completed|finished|crashed)"
            r" ?(?:state|phase|status)?\b(?! on\b)"
        )
        if (
            m
            and "in" in m.group(0).split()[:1]
            and not re.search(r"(?:state|phase|status)$", m.group(0))
        ):
            m = None  # "in failed" alone is no phase ("pods in failed-jobs")
        if m:
            phase = next(g for g in m.groups() if g)
            parts.append(f"status.phase={PHASES[phase]}")
            first, last = u.index_at(m.start()), u.index_at(m.end() - 1)
            # the phrase's words, never its kind word ("pods in pending state")
            u.used.update(i for i in range(first, last + 1) if u.kind_at(i) is None)
    pods_asked = any(k.info.ref.plural == "pods" for k in u.kind_mentions())
    if not any(p.startswith("spec.nodeName") for p in parts) and pods_asked:
        # "pods of node node-7", "node node-7 pods", "pods where node is node-7": the node
        # word says which machine, whatever the preposition
        m = u.search(
            r"\b(?:of|from|on|in|at) (?:the )?(?:node|machine|host|box) (\S+)"
            r"|\b(?:node|machine|host) (\S+)(?:'s)? (?=\S+)"
            r"|\b(?:where|whose) (?:the )?(?:node|machine|host)(?: name)? (?:is|=|:) ?(\S+)"
        )
        if m and u.is_name(u.group_index(m)):
            node = u.kind_at(u.group_index(m) + 1)
            if m.group(2) is None or (node is not None and node.info.ref.plural == "pods"):
                parts.append(f"spec.nodeName={u.group_text(m)}")
                u.mark(m)
    if not any(p.startswith("spec.nodeName") for p in parts):
        m = u.search(
            r"\b(?:running|runs|run|scheduled|placed|located|hosted|sitting|sits|sit|living|lives"
            r"|live|landed|put) on(?:to)? (?:the )?"
            r"(?:node |machine |host |vm |server )?(\S+)(?: (?:node|machine|host|vm|server)\b)?"
        )
        # only pods run on nodes ("serviceaccounts we have running on monitoring": a
        # namespace; "on the gke-pool-2 vm" names the machine's kind)
        others = any(k.info.ref.plural not in ("pods", "nodes") for k in u.kind_mentions())
        if m and u.is_name(u.group_index(m)) and u.kind_at(u.group_index(m)) is None:
            if not others:
                parts.append(f"spec.nodeName={u.group_text(m)}")
                u.mark(m)
            elif running_in is not None and not running_in.namespace:
                running_in.namespace = u.group_text(m)
                u.mark(m)
        # "what's on gpu-node-1": what is on a machine is the pods it runs (when it is
        # named like one: "what's on prod" asks about a namespace)
        m = u.search(
            r"^what (?:is |s )?(?:there )?on (?:the )?(node |machine |host )?(\S+)"
            # (an all-namespaces phrase is read by the slots: "… in every namespace")
            r"(?: (?:in|across|from) (?:all|every|any)(?: single| of the| the)?"
            r" (?:namespaces?|ns))?$"
        )
        machine = m and (m.group(1) or re.search(r"\d|node|worker|host", m.group(2)))
        if (
            m
            and machine
            and u.is_name(u.group_index(m, 2))
            and u.kind_at(u.group_index(m, 2)) is None
        ):
            parts.append(f"spec.nodeName={u.group_text(m, 2)}")
            u.mark(m)
        # "before I reboot node-4, which pods are on it", "which pods it hosts": the pods
        # of the one machine named elsewhere in the sentence
        m = u.search(
            r"\b(?:on|hosts?|hosting) (?:it|that (?:box|node|machine|host|server|vm)"
            r"|this (?:box|node|machine|host|server|vm))\b|\bit (?:hosts|runs|carries)\b"
        )
        machines = [i for i in range(len(u)) if u.is_name(i) and re.search(r"\d", u.norms[i])]
        if m and pods_asked and len(machines) == 1:
            parts.append(f"spec.nodeName={u.text_of(machines[0])}")
            u.used.add(machines[0])
            u.mark(m)
    else:  # "which pods sit on node-3": the verb before the node is never a name
        for m in u.finditer(r"\b(?:sit|sits|sitting|live|lives|living|landed|hosted) (?=on\b)"):
            u.mark(m)
    return ",".join(parts) or None
