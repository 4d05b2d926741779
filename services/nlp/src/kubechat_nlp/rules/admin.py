"""Rules for kubeconfig and permissions (the node rules live in `nodes`)."""

from __future__ import annotations

import re

from kubechat_nlp.lexicon import NOT_NAMES, STOPWORDS
from kubechat_nlp.rules.common import Ctx, Draft, Result, clarify
from kubechat_nlp.rules.nodes import build_drain, build_node_state, build_taint
from kubechat_nlp.rules.rights import build_auth
from kubechat_nlp.utterance import KindMention


def _name_after(c: Ctx, pattern: str, *, default_too: bool = False) -> str | None:
    """The name the pattern's group spans; "default" only where a value is given ("change
    my default namespace to default"), never where it describes ("the default context")."""
    m = c.u.search(pattern)
    if not m:
        return None
    idx = c.u.group_index(m)
    words = ("the", "a", "to", "my", "our") + (() if default_too else ("default",))
    norm = c.u.norms[idx]
    if c.u.tokens[idx].literal or norm in words or norm.isdigit():
        return None  # ("… for our default namespace to 2": a count, never a namespace)
    if norm in STOPWORDS and norm != "default":
        return None  # "qa as default namespace for now"
    c.u.mark_groups(m)
    return c.u.text_of(idx)


# Words of a default-namespace request that never name the namespace.
_NOT_THE_NAMESPACE = frozenset(
    """default namespace namespaces ns context current kubectl kubeconfig everything work
working living stay remain day today tonight week good permanently""".split()
)


def _not_the_namespace_kind(mention: KindMention | None) -> bool:
    return mention is None or mention.info.ref.plural != "namespaces"


def _the_namespace_named(c: Ctx) -> str | None:
    """The one word that can name a namespace (a kind's word too: "jobs"); with several,
    the one shaped like a name, else the one after "in", "on" or "to"."""
    u = c.u
    found = [
        i
        for i, tok in enumerate(u.tokens)
        if i not in u.used
        and not tok.literal
        and not tok.shouted
        and re.fullmatch(r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?", tok.norm)
        and not tok.norm.isdigit()
        and tok.norm not in _NOT_THE_NAMESPACE
        and (tok.norm not in NOT_NAMES or u.kind_at(i) is not None)
        and _not_the_namespace_kind(u.kind_at(i))
    ]
    shaped = [i for i in found if not u.norms[i].isalpha()]
    placed = [i for i in found if i and u.norms[i - 1] in ("in", "on", "to", "at")]
    for group in (found, shaped, placed):
        if len(group) == 1:
            return u.text_of(group[0])
    return None


def build_config(c: Ctx) -> Result:
    u = c.u
    kubeconfig = _name_after(c, r"\bkubeconfig (?:file )?(\S*[/.]\S*)")
    m = u.search(r"\bpassword for (?:the )?(\S+) user\b|\b(\S+) user'?s? password\b")
    if m:
        user = m.group(1) or m.group(2)
        return [
            Draft(
                "config.view",
                params={"output": f'jsonpath={{.users[?(@.name == "{user}")].user.password}}'},
            )
        ]
    if u.search(r"\brename\b"):
        old = _name_after(c, r"\bcontext (\S+) to\b|\brename (?:the )?(?:context )?(\S+)")
        new = _name_after(c, r"\bto (\S+)")
        if old and new:
            return [Draft("config.rename-context", names=[old, new])]
    if u.search(r"\b(delete|remove)\b.*\bcontext\b"):
        name = (
            _name_after(c, r"\bcontext (?:for|of) (?:the )?(\S+) cluster\b")
            or _name_after(c, r"\bcontext (?:named |called )?(\S+)")
            or _name_after(c, r"\b(\S+) context\b")
        )
        if name:
            return [Draft("config.delete-context", names=[name])]
    m = u.search(r"\b(?:delete|remove|unset) (?:the )?user (\S+)")
    if m:
        return [Draft("config.unset", names=[f"users.{u.group_text(m)}"])]
    if u.search(r"\bproxy\b"):
        url = _name_after(c, r"\bproxy(?: server| url)? (\S+)")
        cluster = _name_after(c, r"\bto (\S+) in the kubeconfig\b") or _name_after(
            c, r"\bcluster (\S+)"
        )
        if url and cluster:
            return [Draft("config.set-cluster", names=[cluster], params={"proxy_url": url})]
    ns = _name_after(
        c,
        r"\b(?:make|set|use|have) (\S+) (?:as )?(?:the |my |our )?default namespace\b",
        default_too=True,  # "use default as my default namespace"
    )
    ns = (
        ns
        # "default me to namespace default"
        or _name_after(c, r"\bdefault me to (?:the )?namespace (\S+)", default_too=True)
        or _name_after(
            c, r"\b(?:default )?namespace (?:of|for|in) (?:the |my )?current context to (\S+)"
        )
        or _name_after(c, r"\bnamespace (\S+) (?:by|as (?:the |my )?)default\b")
        or _name_after(c, r"\b(\S+) as (?:the |my |our )default namespace\b", default_too=True)
        or _name_after(c, r"\b(\S+) as (?:my|our) namespace\b", default_too=True)
        or _name_after(c, r"\b(\S+) be (?:my|our|the) default namespace\b", default_too=True)
        or _name_after(c, r"\bdefault namespace (?:to|is|should be) (\S+)", default_too=True)
        or _name_after(c, r"\b(?:make|set) (?:my|our|the) default namespace (\S+)")
        or _name_after(c, r"\b(?:make|use|set) (\S+) (?:as )?(?:my |the )default namespace\b")
        or _name_after(c, r"\bnamespace (?:to )?(\S+)(?: for| in| as)?")
        or _name_after(c, r"\b(?:default )?namespace (?:of|for) (?:the )?current context to (\S+)")
    )
    m = u.search(
        r"\b(?:scope|pin) (?:me|us|my (?:namespace|ns)) to (?:the )?(\S+)"
        r"|\b(?:set|change|make|switch) (?:the |my |our )?default ns to (\S+)"
        r"|\bfrom now on (?:\S+ ){0,5}?(?:assume|use|go to|target|work in) (?:the )?"
        r"(?:namespace |ns )?(\S+)"
        r"|\bmy (?:namespace|ns) to (\S+) (?:for good|permanently|from now on|by default)\b"
    )
    # (the namespace may be named like a kind or a word: "scope me to events by default")
    if m and (u.norms[u.group_index(m)] not in STOPWORDS or u.norms[u.group_index(m)] == "default"):
        return [Draft("config.set-context", params={"current": True, "namespace": u.group_text(m)})]
    about_a_context = u.search(r"(?<!current )\bcontexts?\b|\bclusters?\b")
    if (
        not ns
        and not about_a_context  # "set the default context to x" picks a context
        and u.search(r"\bdefault\b|\bfor good\b|\bfrom now on\b|\bpermanently\b")
    ):
        # a default said in any words ("i would like public to be my default namespace", "i
        # work on prod-in only, set it default"): the one namespace the request names
        ns = _the_namespace_named(c) or c.scope  # ("i work on prod-in only, set it default")
        if ns:
            return [Draft("config.set-context", params={"current": True, "namespace": ns})]
    m = u.search(r"\bswitch to (?:the )?(\S+) namespace\b") or u.search(
        r"\b(?:stay|remain) in (?:the )?(\S+)(?: namespace)? by default\b"
        r"|\bdefault (?:me )?to (?:the )?(\S+)(?: namespace)? from now on\b"
    )
    if m:
        ns = u.group_text(m)
        if m.group(0).endswith(("by default", "from now on")):  # "stay in qa by default"
            return [Draft("config.set-context", params={"current": True, "namespace": ns})]
    if u.search(r"\b(save|set|change|switch|make|use|default|stick|work)\b") and u.search(
        r"\bnamespace\b"
    ):
        m = u.search(r"\bnamespace (?:of|for|in) (?:the )?current context to (\S+)")
        if m:
            ns = u.group_text(m)
        if ns:
            return [Draft("config.set-context", params={"current": True, "namespace": ns})]
    m = u.search(
        r"\bset (?:the )?(user|cluster|namespace) (?:field )?(?:on|of|for) (?:the )?(\S+)"
        r" context(?: entry)? to (\S+)"
    )
    if m:
        key = m.group(1)
        return [
            Draft(
                "config.set-context", names=[u.group_text(m, 2)], params={key: u.group_text(m, 3)}
            )
        ]
    made = u.search(  # "make prod-eu the active context", "adopt kind-x as my current context"
        r"\b(?:make|adopt|have|set|take|mark|designate) (\S+) (?:as )?(?:the |my |our )?(?:new )?"
        r"(?:current|active|default|working|selected) (?:kube ?)?context\b"
    )
    if made and u.norms[u.group_index(made)] not in STOPWORDS:
        return [Draft("config.use-context", names=[u.group_text(made)])]
    if (
        u.search(
            r"\b(use|(?:start|begin) using|switch|change|set|go|swap|move|point|jump|hop|work"
            r"|operate|stay|enter|activate|select|pick|choose|be (?:on|in))\b"
        )
        and u.search(r"\bcontext\b")
        # "which context is active" asks; "set current context to prod" switches
        and not (u.search(r"\b(current|active|selected)\b") and not u.search(r"\bto\b"))
    ):
        name = (
            _name_after(c, r"\bcontext (?:for|of) (?:the )?(\S+) cluster\b")
            or _name_after(c, r"\bcontext to (\S+)")
            or _name_after(
                c,
                r"\bto (?:the )?(\S+)"
                r" context\b",
            )
            or _name_after(c, r"\b(?:the|at) (\S+) context\b")  # "point kubectl at the x context"
            or _name_after(c, r"\bcontext (?:named |called )?(\S+)")
            or _name_after(c, r"(?:^| )(\S+) context\b")  # "use prod-eu context"
        )
        if name and name.lower() not in ("context", "current"):
            return [Draft("config.use-context", names=[name])]
        return clarify("Which context should I switch to?")
    m = u.search(
        r"\b(?:switch|take|move|put|point|send|bring|jump|hop) (?:me |us )?(?:over )?"
        r"(?:to|at|onto) (?:the )?(\S+)(?: cluster| context)?(?: now| please| pls)?\W*$"
        # "I need to be on staging-eu now" (the courtesy gone: "be on staging-eu now")
        r"|^(?:(?:i|we) (?:need|want|have|would like) to )?be (?:on|at) (?:the )?(\S+)"
        r"(?: cluster| context)?(?: now| please| pls)?\W*$"
    ) or u.search(
        r"^use (?:the )?(\S+)(?: cluster| context)?\W*$"  # "use prod-ap": nothing else said
    )
    if m and u.is_name(u.group_index(m)) and not u.search(r"\bnamespace\b"):
        return [Draft("config.use-context", names=[u.group_text(m)])]
    if u.search(
        r"\bcurrent[- ]context\b|\b(which|what) (context|cluster)\b|\bcurrent context\b"
        r"|\bwhere am i pointed\b"
        r"|\bcurrent kube ?context\b|\b(selected|active) (kube ?)?context\b"
        r"|\bcontext is (selected|active)\b"
        r"|\b(?:connected|hooked up|plugged in) to\b|\bam i (?:pointed|pointing|on) (?:at|to)?\b"
    ):
        return [Draft("config.current-context")]
    # "which clusters can I switch to": one switches contexts
    if u.search(
        r"\bcontexts?\b|\bclusters? (?:can|could) (?:i|we) (?:switch|use|pick|choose)"
        r"|\bclusters (?:i|we) can (?:get|switch|connect|go) to\b"
        # "which clusters have I got configured", "what other clusters do i have"
        r"|\bclusters (?:have|do|did) (?:i|we)\b|\bclusters (?:i|we) (?:have|got)\b"
        r"|\bclusters (?:are )?(?:set up|configured|available)\b|\bother clusters\b"
    ):
        d = Draft("config.get-contexts")
        if u.search(r"\bnames?\b"):
            d.params["output"] = "name"
        if kubeconfig:
            d.params["kubeconfig"] = kubeconfig
        return [d]
    if u.search(r"\bclusters\b"):
        return [Draft("config.get-clusters")]
    d = Draft("config.view")
    if u.search(r"\b(raw|certificates?|secrets|credentials)\b"):
        d.params["raw"] = True
    return [d]


__all__ = ["build_auth", "build_config", "build_drain", "build_node_state", "build_taint"]
