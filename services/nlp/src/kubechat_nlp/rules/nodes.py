"""Rules for nodes: cordon, uncordon, drain, taint."""

from __future__ import annotations

import re

from kubechat_nlp.lexicon import STOPWORDS
from kubechat_nlp.rules.common import Ctx, Draft, Result, clarify, duration, kv_tokens
from kubechat_nlp.targets import names_after
from kubechat_nlp.text import edit_distance
from kubechat_nlp.utterance import Utterance

_EFFECTS = {
    "noschedule": "NoSchedule",
    "prefernoschedule": "PreferNoSchedule",
    "noexecute": "NoExecute",
}
_TAINT_TOKEN = re.compile(
    r"^[\w./-]+(=[\w.-]*)?:(noschedule|prefernoschedule|noexecute)-?$", re.IGNORECASE
)


def _node_word(u: Utterance, i: int) -> bool:
    """'node', 'nodes', or a slip of either ('noode', 'ndoe') right before a node's name."""
    norm = u.norms[i]
    if norm in ("node", "nodes"):
        return True
    if not norm.isalpha() or not 3 <= len(norm) <= 6 or not u.is_name(i + 1):
        return False
    return min(edit_distance(norm, w) for w in ("node", "nodes")) == 1


def _node_names(c: Ctx) -> list[str]:
    """The nodes a request names: after the word 'node' ('cordon node worker-2'), as
    `node/x`, or else the name-like words, those shaped like node names first (`worker-3`,
    `ip-10-0-3-17`) so that a stray word ('hey', 'u') is never taken for a node."""
    u = c.u
    for m in u.kind_mentions():
        if m.info.ref.plural == "nodes" and m.name is not None:
            u.used.update(range(m.start, m.end))
            return [m.name]
    for i in range(len(u) - 1):
        if i not in u.used and _node_word(u, i):
            names = names_after(u, i + 1)
            if names:
                u.used.add(i)
                return names
    candidates = [i for i in range(len(u)) if u.is_name(i) and not u.norms[i].startswith("-")]
    shaped = [i for i in candidates if re.search(r"[\d-]", u.norms[i])]
    if not shaped and c.scope:
        return [c.scope]  # "stop new pods landing on node-c": the scope read was the node
    picked = shaped or candidates
    if picked:
        return names_after(u, picked[0])
    # "cordon nodeb": a name the speller took for the word "node", when no node is named
    for m in u.kind_mentions():
        typed = u.tokens[m.start].text.lower()
        if m.info.ref.plural == "nodes" and m.end - m.start == 1 and typed not in ("node", "nodes"):
            u.used.add(m.start)
            return [u.tokens[m.start].text]
    return []


def _nodes(c: Ctx, verb: str) -> Draft:
    s = c.common()
    names = _node_names(c)
    d = Draft(verb, [c.kind("nodes")], names, True, s)
    if s.context:
        d.params["context"] = s.context
    return d


# Words of a request to (un)cordon that are never the node: "re-enable scheduling on …".
# (Whole words only: a node called stop-1 or land-2 keeps its name.)
_STATE_WORDS = (
    r"(?<![\w-])(re-?enable|enable|allow|resume|restore|prevent|block|disable|stop|landing"
    r"|land|arriving|schedul\w*|again)(?![\w-])"
)
# "drain node-3 but skip daemonsets", "… and leave the daemonsets alone"
_KEEP_DAEMONSETS = (
    r"\b(ignor\w*|skip\w*|leav\w*|without|except\w*|exclud\w*|not|don't (touch|evict)"
    r"|do not (touch|evict)|never (touch|evict)|spar\w*)( out| for)?( the| any| all)? daemon ?sets?"
    r"( alone| be| in place| running| untouched)?\b|daemonset-managed|daemon set-managed\b"
    r"|--ignore-daemonsets\b"
    # "…, daemonsets excepted", "daemonsets aside", "daemonsets can stay"
    r"|\bdaemon ?sets? (excepted|aside|excluded|ignored|exempt(ed)?|can stay|stay(ing)?)\b"
)


def build_node_state(c: Ctx, verb: str) -> Result:
    for m in c.u.finditer(_STATE_WORDS):
        c.u.mark(m)
    d = _nodes(c, verb)
    if not d.names and not d.slots.selector:
        return clarify(f"Which node should I {verb}?")
    return [d]


def build_drain(c: Ctx) -> Result:
    u = c.u
    params: dict[str, str | int | bool] = {}
    m = u.search(r"\bgrace period (?:of )?(\d+ ?\w+)")
    if m:
        seconds = duration(m.group(1))
        if seconds:
            n = int(re.sub(r"\D", "", seconds))
            params["grace_period"] = n * {"s": 1, "m": 60, "h": 3600}[seconds[-1]]
        u.mark_groups(m)
    m = u.search(r"\btimeout (?:of )?(\d+ ?\w+)|\b(\d+ ?\w+) timeout\b")
    if m:
        timeout = duration(next(g for g in m.groups() if g))
        if timeout:
            params["timeout"] = timeout
        u.mark_groups(m)
    if m := u.search(r"(?<![\w-])(force|even if)(?![\w-])( it)?"):
        params["force"] = True
        u.mark(m)  # "drain worker-4 and force it": never a node
    # Whatever is said of them ("disregarding the daemonset pods", "pass over the
    # daemonset-managed pods"): a drain cannot evict them, so it always leaves them.
    said = u.search(
        r"(?<![\w-])((?!(?:managed|owned|controlled|created|run)\b)(?:[a-z]+ing|[a-z]+ed|pass|over"
        r"|past|around|leave|skip|bypass|and) )*(the |any |all )?(daemon ?sets?|ds)(-\S+)?"
        r"( pods)?(?![\w-])"
    )
    if said and u.search(r"\b(managed|owned|controlled|created) by\b.{0,80}\bdaemon ?sets?\b"):
        said = None  # "pods not managed by a job or daemon set": what else is on the node
    for m in (u.search(_KEEP_DAEMONSETS), said):
        if m is not None:
            params["ignore_daemonsets"] = True
            u.mark(m)
    if u.search(r"\bempty ?dir\b"):
        params["delete_emptydir_data"] = True
        params["ignore_daemonsets"] = True
    if u.search(r"\b(dry[- ]run|preview|without actually|simulate)\b"):
        params["dry_run"] = "client"
    d = _nodes(c, "drain")
    d.params.update(params)
    if not d.names and not d.slots.selector:
        return clarify("Which node should I drain?")
    return [d]


def _key_like(u: Utterance, i: int) -> bool:
    """A word that can be a taint key: a name, or a plain word that is no function word
    ('maintenance' in 'remove the maintenance taint')."""
    if u.is_name(i) or (u.tokens[i].quoted and not u.tokens[i].literal):
        return True
    norm = u.norms[i]
    return (
        i not in u.used
        and re.fullmatch(r"[a-z][a-z0-9._/-]*", norm) is not None
        and norm not in STOPWORDS
        and u.kind_at(i) is None
        and norm not in ("taint", "taints", "untaint", "add", "remove", "delete", "clear")
        # "untaint x by removing gpu": the verb's forms are never the key
        and re.fullmatch(r"(remov|delet|clear|drop|strip|lift|tak|add)\w*", norm) is None
    )


def _taint_key(c: Ctx) -> str | None:
    """The key of a taint named in words: 'the gpu taint', 'taint dedicated', 'key gpu'."""
    u = c.u
    for pattern in (
        r"\bkey (\S+)",
        r"\b(\S+) taints?\b",
        r"\btaints? (?:named |called |with key )?(\S+)",
        r"\bthe (\S+) one\b",  # "untaint node-9, the team one"
    ):
        for m in u.finditer(pattern):
            idx = u.group_index(m)
            if _key_like(u, idx):
                u.used.add(idx)
                return u.text_of(idx)
    return None


def build_taint(c: Ctx) -> Result:
    u = c.u
    s = c.common()
    taints = [t for t in kv_tokens(c) if ":" in t or "=" in t]
    for i, tok in enumerate(u.tokens):
        if i not in u.used and _TAINT_TOKEN.match(tok.text):
            typed_key, _, typed_effect = tok.text.partition(":")
            dash = "-" if typed_effect.endswith("-") else ""
            taints.append(f"{typed_key}:{_EFFECTS[typed_effect.rstrip('-').lower()]}{dash}")
            u.used.add(i)
    value = re.search(r"\bvalue (\S+)", u.text)
    effect = re.search(r"\beffect (\S+)|\b(noschedule|prefernoschedule|noexecute)\b", u.text)
    remove = bool(
        u.search(
            r"\b(remov\w*|delet\w*|clear\w*|untaint\w*|drop\w*|lift\w*|strip\w*|rid of"
            r"|not needed|unneeded)\b|\b(take|get) (\S+ ){0,3}off\b"
        )
        # "node-3 shouldn't have the gpu taint anymore": a taint it should lose
        or u.search(
            r"\b(shouldn't|shouldnt|should not|mustn't|no longer|doesn't need|does not need)\b"
        )
    )
    for i in range(len(u)):
        if u.norms[i] in ("value", "effect") and i + 1 < len(u):
            u.used.add(i + 1)
    key = None if taints else _taint_key(c)
    names = _node_names(c)
    if not taints and key is None and remove and names:
        # "untaint worker-3: dedicated": the node first, then the taint's key
        node_at = max(i for i, t in enumerate(u.tokens) if t.text == names[-1])
        after_colon = node_at + 1 < len(u) and u.norms[node_at + 1] in (":", ";", ",")
        rest = [
            i
            for i in range(node_at + 1, len(u))
            if _key_like(u, i)
            # "untaint node-7: team": after the colon any key is the key, even a word
            or (after_colon and i not in u.used and re.fullmatch(r"[a-z][\w./-]*", u.norms[i]))
        ]
        if rest:
            key = u.text_of(rest[0])
            u.used.add(rest[0])
    if not taints and key:
        eff = None
        if effect:
            eff = _EFFECTS.get((effect.group(1) or effect.group(2)).lower())
        if remove:
            taints = [f"{key}:{eff}-" if eff and not u.search(r"\ball the taints\b") else f"{key}-"]
        else:
            val = u.text_of(u.index_at(value.start(1))) if value else ""
            taints = [
                f"{key}={val}:{eff or 'NoSchedule'}" if val else f"{key}:{eff or 'NoSchedule'}"
            ]
    if not taints:
        return clarify("Which taint (key=value:Effect)?")
    if not remove:
        # "add a NoExecute taint maintenance=true to worker-5": the effect said in words
        said = _EFFECTS.get((effect.group(1) or effect.group(2)).lower()) if effect else None
        taints = [t if ":" in t else f"{t}:{said or 'NoSchedule'}" for t in taints]
    if remove:
        taints = [t if t.endswith("-") else f"{t}-" for t in taints]
    if not names and not s.selector:
        return clarify("Which node should I taint?")
    return [Draft("taint", names=names, slots=s, params={"taints": taints})]
