"""Rules that reach into containers: exec, attach, port-forward, cp, debug, wait."""

from __future__ import annotations

import re

from kubechat_nlp.kinds import KindInfo
from kubechat_nlp.lexicon import NOT_NAMES, STOPWORDS
from kubechat_nlp.rules.common import (
    Ctx,
    Draft,
    Result,
    clarify,
    duration,
)
from kubechat_nlp.targets import names_after
from kubechat_nlp.utterance import Utterance

_RUN_WORDS = ("run", "running", "execute", "executing", "exec", "the", "to", "command", "do")


def _command_argv(c: Ctx) -> list[str]:
    u = c.u
    for i, tok in enumerate(u.tokens):
        if (
            (tok.quoted or tok.literal)
            and i not in u.used
            and (
                (i > 0 and u.norms[i - 1] in _RUN_WORDS)
                or (i + 1 < len(u) and u.norms[i + 1] == "command")
                # "what does `nslookup x` say in web-1", "the output of `date` from web-1"
                # ("what comes back from `df -h` in web-1")
                or (i > 0 and u.norms[i - 1] in ("does", "of", "from", "by") and tok.quoted)
                # "`df -h` on pod web-1": a quoted command that opens the request
                or (all(j in u.used or not u.norms[j].isalnum() for j in range(i)) and tok.quoted)
            )
        ):
            u.used.add(i)
            return tok.text.split()
    m = u.search(
        r"\b(?:run|running|execute|executing|exec)(?: the)?(?: command)? (.+?) (?:in|on|inside|"
        r"from|within|against) (?:the |an? |existing |running |first )*(?:pod|container"
        r"|deployment|service|\S+-\S+)"
    )
    if m:
        words = u.group_text(m).split()
        u.mark_groups(m)
        return words
    m = u.search(r"\bcommand (.+?) (?:in|on|inside) ")
    if m:
        u.mark_groups(m)
        return u.group_text(m).split()
    return []


def _owner_first(kinds: list[KindInfo]) -> list[KindInfo]:
    """'the first pod of service x': the addressed object is the owner, not the pod."""
    owners = [k for k in kinds if k.ref.plural != "pods"]
    return owners[:1] or kinds[:1]


def _container_name(u: Utterance, idx: int) -> bool:
    tok = u.tokens[idx]
    return (
        idx not in u.used
        and not tok.literal
        and (tok.norm not in STOPWORDS or tok.norm == "main")
        and tok.norm not in ("running", "sidecar's")
        # "the cron container of pod x": right before "container", a kind word names it
        and (u.kind_at(idx) is None or (idx + 1 < len(u) and u.norms[idx + 1] == "container"))
        and bool(re.fullmatch(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?", tok.norm))
    )


# Words that follow a kind as its attribute ("deployment image"), not as its name.
_NOT_AFTER_KIND = frozenset(
    """port ports container containers with to set image images env environment variable
variables label labels annotation annotations memory cpu limit limits request requests
replicas account status logs""".split()
)


def everyday_name(u: Utterance, i: int) -> bool:
    return (
        0 <= i < len(u)
        and i not in u.used
        and not u.tokens[i].literal
        and u.norms[i] not in STOPWORDS
        and u.norms[i] not in _NOT_AFTER_KIND
        and u.kind_at(i) is None
        and bool(re.fullmatch(r"[a-z0-9]([a-z0-9.-]*[a-z0-9])?", u.norms[i].removesuffix("'s")))
        and not u.norms[i].isdigit()
    )


def word_after_kind(u: Utterance) -> list[str]:
    """'svc worker', 'the worker deployment': next to a kind word, an everyday word that is
    no function word is a name."""
    for mention in u.mentions:
        i = mention.end
        if mention.name is None and everyday_name(u, i):
            u.used.add(i)
            return [u.text_of(i).removesuffix("'s")]
        i = mention.start - 1
        if mention.name is None and everyday_name(u, i) and (i == 0 or u.norms[i - 1] in NOT_NAMES):
            u.used.add(i)
            return [u.text_of(i).removesuffix("'s")]
    return []


def _exec_target(c: Ctx, d: Draft) -> None:
    u = c.u
    m = u.search(
        r"\b(?:in |from |of )?(?:the )?container (\S+)|\bthe (\S+) container\b"
        r"|\b(?:in|from|into) (\S+-container)\b|\b-c (\S+)"
    )
    if m:
        g = next(i for i in (1, 2, 3, 4) if m.group(i))
        idx = u.index_at(m.start(g))
        # container names are often words ("app", "main", "server"): any valid name will do
        # "the app container": any valid name; "container X": a name, not a word
        nxt = u.norms[idx + 1] if idx + 1 < len(u) else ""
        ends = nxt in ("", ",", ".", "in", "of", "on", "for", "to", "and", "with") and not (
            idx >= 2 and u.norms[idx - 2].isdigit()  # "(1 container case)": a count
        )
        if _container_name(u, idx) and (g == 2 or u.is_name(idx) or ends):
            d.params["container"] = u.text_of(idx)
            u.mark_groups(m)


def build_exec(c: Ctx) -> Result:
    u = c.u
    d = Draft("exec")
    _exec_target(c, d)
    shell = u.search(
        r"\b(shell|bash|sh|zsh|terminal|console|ssh|interactive|interactively)\b"
        r"|(?<![\w-])(prompt|session)(?![\w-])"
        r"|\b(?:exec|get|go|hop|drop me|log) (into|inside)\b"
    )
    argv = _command_argv(c)
    # "ssh into web-1 and run `date`": a way to say exec, the command runs without a terminal
    commanded = bool(argv) and not u.search(
        r"\b(interactive|interactively|terminal|console|prompt|session)\b"
    )
    if not argv and shell:
        # the shell the user named ("with bash", "a sh shell"), else a portable one
        named = u.search(r"(?:^| )(bash|sh|zsh|ash|/bin/(?:ba|z|a)?sh)(?= |$)")
        argv = [named.group(1)] if named else ["/bin/sh"]
        if named:
            u.mark(named, 1)
    if (shell and not commanded) or u.search(r"(^| )-it( |$)"):
        d.params["stdin"] = True
        d.params["tty"] = True
    # "open a bash session in web-1": what is opened, never the pod
    for m in u.finditer(r"(?<![\w-])(session|prompt|terminal|console|shell)s?(?![\w-])"):
        u.mark(m)
    t = c.target()  # before the slots: "inside web-1" is the pod, not a namespace
    s = c.common()
    d.kinds, d.names, d.explicit_kind, d.slots = (
        _owner_first(t.kinds),
        t.names[:1],
        t.explicit_kind,
        s,
    )
    if not d.kinds:
        d.kinds = [c.kind("pods")]
        d.guessed_kind = True
    if not d.names:
        d.names = word_after_kind(u)
    if not argv:
        return clarify("Which command should I run?", "/bin/sh")
    d.params["argv"] = argv
    if not d.names:
        return clarify("In which pod?")
    return [d]


def build_attach(c: Ctx) -> Result:
    d = Draft("attach")
    _exec_target(c, d)
    if c.u.search(r"\battach\b|\binteractive|\bstdin\b"):
        d.params["stdin"] = True
    s = c.common()
    t = c.target()
    d.kinds, d.names, d.slots = t.kinds[:1] or [c.kind("pods")], t.names[:1], s
    if not d.names:
        return clarify("Attach to which pod?")
    return [d]


# This side of a port-forward, as people name it.
_HERE = r"(?:machine|laptop|computer|box|workstation|desktop|host|side|end)\b"


# The remote side of a port-forward, said in words.
_REMOTE_PORT = (
    r"\bto (?:the )?(?:port |targetport )?(\d+)\b|\btarget port with name (\S+)"
    r"|\bport named (\S+)|\bforward(?:ing)? to (?:port )?(\d+)"
    r"|\b(?:listens|listening|serves|runs) on (?:port )?(\d+)\b"  # "it listens on 80"
    # "local 3000 remote 8080", "… to pod x in shop on 8080"
    r"|\bremote (?:port )?(\d+)\b|\b(?:on|at) (?:port )?(\d+)\W*$"
)


def _first_group(m: re.Match[str]) -> str:
    return next(g for g in m.groups() if g)


def build_port_forward(c: Ctx) -> Result:
    u = c.u
    local = None
    remote = None
    m = u.search(r"(?:^| )(\d+|:\d+):(\d+|\w[\w-]*)\b")
    host = u.search(r"\b(?:localhost|127\.0\.0\.1|0\.0\.0\.0):(\d+)\b")
    if m:
        local, remote = m.group(1), m.group(2)
    elif host:
        # "open localhost:3000 to pod x port 8080": the local side is the one on this host
        local = host.group(1)
        u.mark(host)
        hits = [p for p in u.finditer(r"\bport (\d+)\b|\bon (\d+)$") if p.start() != host.start()]
        remote = u.group_text(hits[-1]) if hits else local
        if hits:
            u.mark_groups(hits[-1])
    else:
        m = u.search(
            r"\b(?:on|local) (?:local )?port (\d+)"
            r"|\bforward(?:ing)? (?:local )?(?:port )?(\d+) to\b|\blocally on (?:port )?(\d+)"
            # "port 8080 on my machine", "my port 6379", "on my laptop at 18080"
            rf"|\bport (\d+) (?:on|of|from) (?:my|this|the local|our) {_HERE}"
            r"|\bmy (?:local )?port (\d+)\b|\bport (\d+) locally\b|\b(?:my )?local (\d+)\b"
            rf"|\b(?:on|from) my {_HERE} (?:at|on|via) (?:port )?(\d+)\b"
            r"|\blocal ?host (?:port )?(\d+)\b"
            r"|\bmy (\d+)\b"  # "bridge my 3000 to port 8080 of pod x"
        )
        if m:
            local = next(g for g in m.groups() if g)
            u.mark_groups(m)
        elif u.search(r"\brandom (local )?port\b"):
            local = ""
        # (never the local port said again: "… from my laptop on 3000")
        m = next(
            (found for found in u.finditer(_REMOTE_PORT) if _first_group(found) != local), None
        )
        if m:
            g = next(i for i in range(1, 8) if m.group(i))
            remote = u.group_text(m, g)
            u.mark_groups(m)
        if remote is None:
            free = [m2 for m2 in u.finditer(r"\bport (\d+)") if m2.group(1) != local]
            if free:
                remote = free[-1].group(1)
                u.mark_groups(free[-1])
        if local is None:
            local = remote
        if remote is None:  # "forward port 8080 to pod x": the same port on both sides
            remote = local
        bare = u.search(r"(?:^| )(\d{2,5})(?= |$)")
        if remote is None and bare:  # "port-forward pod web-1 5432"
            local = remote = bare.group(1)
            u.mark(bare, 1)
    for here in u.finditer(rf"\b(?:my|this|the local|our) {_HERE}"):
        u.mark(here)  # "on my laptop": this side, never the pod
    if remote is None:
        return clarify("Which port should I forward?")
    ports = remote if local == remote else f"{local}:{remote}"
    d = Draft("port-forward", params={"ports": [ports]})
    if u.search(r"\ball addresses\b|\b0\.0\.0\.0\b"):
        d.params["address"] = "0.0.0.0"
    owner = u.search(r"\b(?:created|managed|owned) by (?:the )?(?:deployment )?(\S+)")
    s = c.common()
    if owner and u.is_name(u.group_index(owner)):
        d.kinds, d.names, d.slots = [c.kind("deployments")], [u.group_text(owner)], s
        return [d]
    t = c.target()
    d.kinds, d.names, d.slots = _owner_first(t.kinds) or [c.kind("pods")], t.names[:1], s
    if not d.names:
        d.names = word_after_kind(c.u)
    if not d.names:
        return clarify("Forward to which pod or service?")
    return [d]


def build_debug(c: Ctx) -> Result:
    u = c.u
    d = Draft("debug")
    m = u.search(r"\bcopy of (\S+) named (\S+)")
    if m:
        d.names = [u.group_text(m, 1)]
        d.params["copy_to"] = u.group_text(m, 2)
        u.mark_groups(m)
    m = u.search(r"\b(?:using|image) (\S+)")
    if m and "copy_to" not in d.params:
        d.params["image"] = u.group_text(m)
        u.mark_groups(m)
    m = u.search(r"\bimages? to (\S+)")
    if m:
        d.params["set_image"] = f"*={u.group_text(m)}"
        u.mark_groups(m)
    if u.search(r"\binteractive|attach\b"):
        d.params["interactive"] = True
    s = c.common()
    d.slots = s
    if not d.names:
        t = c.target()
        d.kinds, d.names = t.kinds[:1] or [c.kind("pods")], t.names[:1]
    else:
        d.kinds = [c.kind("pods")]
    if not d.names:
        return clarify("Debug which pod or node?")
    return [d]


def build_wait(c: Ctx) -> Result:
    u = c.u
    d = Draft("wait")
    timeout = None
    m = u.search(r"\btimeout (?:of )?(\S+)")
    if m:
        timeout = duration(m.group(1))
        u.mark_groups(m)
    if u.search(r"\b(be |is |get )?deleted\b|\bdeletion\b|\bgone\b"):
        d.params["for"] = "delete"
    else:
        m = u.search(
            r"\bcondition (?:of type )?(\S+)|\b(?:become|becomes|be|is) (ready|available|"
            r"complete)\b"
        )
        cond = (m.group(1) or m.group(2)) if m else "ready"
        idx = u.index_at(m.start(1) if m and m.group(1) else m.start(2)) if m else -1
        text = u.text_of(idx) if m and m.group(1) else cond
        d.params["for"] = f"condition={text}"
        if m:
            u.mark_groups(m)
    if timeout:
        d.params["timeout"] = timeout
    s = c.common()
    t = c.target()
    d.kinds, d.names, d.slots = t.kinds[:1] or [c.kind("pods")], t.names[:1], s
    if not d.names:
        return clarify("Wait for which object?")
    return [d]


__all__ = ["names_after"]
