"""Rules that reach into containers: exec, attach, port-forward, cp, debug, wait."""

from __future__ import annotations

import re

from kubechat_nlp.kinds import KindInfo
from kubechat_nlp.rules.common import (
    Ctx,
    Draft,
    Result,
    clarify,
    duration,
)
from kubechat_nlp.slots import names_after


def _command_argv(c: Ctx) -> list[str]:
    u = c.u
    for i, tok in enumerate(u.tokens):
        if (
            tok.quoted
            and i not in u.used
            and (
                (i > 0 and u.norms[i - 1] in ("run", "running", "execute", "the", "to", "command"))
                or (i + 1 < len(u) and u.norms[i + 1] == "command")
            )
        ):
            u.used.add(i)
            return tok.text.split()
    m = u.search(
        r"\b(?:run|running|execute|executing)(?: the)?(?: command)? (.+?) (?:in|on|inside|"
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


def _exec_target(c: Ctx, d: Draft) -> None:
    u = c.u
    m = u.search(
        r"\b(?:in |from |of )?(?:the )?container (\S+)|\bthe (\S+) container\b"
        r"|\b(?:in|from|into) (\S+-container)\b|\b-c (\S+)"
    )
    if m:
        g = next(i for i in (1, 2, 3, 4) if m.group(i))
        idx = u.index_at(m.start(g))
        if u.is_name(idx) and u.norms[idx] not in ("first", "running"):
            d.params["container"] = u.text_of(idx)
            u.mark_groups(m)


def build_exec(c: Ctx) -> Result:
    u = c.u
    d = Draft("exec")
    _exec_target(c, d)
    shell = u.search(
        r"\b(shell|bash|sh|zsh|terminal|console|ssh|interactive|interactively)\b"
        r"|\b(?:exec|get|go|hop) (into)\b"
    )
    argv = _command_argv(c)
    if not argv and shell:
        word = shell.group(1) or ""
        argv = [word] if word in ("bash", "sh", "zsh") else ["/bin/sh"]
    if shell or u.search(r"(^| )-it( |$)"):
        d.params["stdin"] = True
        d.params["tty"] = True
    s = c.common()
    t = c.target()
    d.kinds, d.names, d.explicit_kind, d.slots = (
        _owner_first(t.kinds),
        t.names[:1],
        t.explicit_kind,
        s,
    )
    if not d.kinds:
        d.kinds = [c.kind("pods")]
        d.guessed_kind = True
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


def build_port_forward(c: Ctx) -> Result:
    u = c.u
    local = None
    remote = None
    m = u.search(r"\b(\d+|:\d+):(\d+|\w[\w-]*)\b")
    if m:
        local, remote = m.group(1), m.group(2)
    else:
        m = u.search(
            r"\b(?:on|local) (?:local )?port (\d+)"
            r"|\bforward(?:ing)? (?:local )?(?:port )?(\d+) to\b"
        )
        if m:
            local = m.group(1) or m.group(2)
            u.mark_groups(m)
        elif u.search(r"\brandom (local )?port\b"):
            local = ""
        m = u.search(
            r"\bto (?:the )?(?:port |targetport )?(\d+)\b|\btarget port with name (\S+)"
            r"|\bport named (\S+)|\bforward(?:ing)? to (?:port )?(\d+)"
        )
        if m:
            g = next(i for i in (1, 2, 3, 4) if m.group(i))
            remote = u.group_text(m, g)
            u.mark_groups(m)
        if remote is None:
            free = [m2 for m2 in u.finditer(r"\bport (\d+)") if m2.group(1) != local]
            if free:
                remote = free[-1].group(1)
                u.mark_groups(free[-1])
        if local is None:
            local = remote
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
        return clarify("Forward to which pod or service?")
    return [d]


def build_cp(c: Ctx) -> Result:
    u = c.u
    paths = [(i, t.text) for i, t in enumerate(u.tokens) if t.text.startswith(("/", "./", "~/"))]
    m = u.search(r"\bpod (\S+)")
    if len(paths) != 2 or not m:
        return clarify("Copy what, from where to where?")
    pod = u.group_text(m)
    u.mark_groups(m)
    m_ns = u.search(r"\bnamespace (\S+)")
    if m_ns:
        pod = f"{u.group_text(m_ns)}/{pod}"
        u.mark_groups(m_ns)
    (i_a, a), (i_b, b) = paths
    between = " ".join(u.norms[i_a:i_b])
    remote_first = (
        bool(re.search(r"\bfrom (?:the )?(?:remote )?pod\b", between))
        or bool(u.search(r"\bfrom (?:the )?remote pod\b"))
        and not re.search(r"\bto\b", between[:3])
    )
    d = Draft("cp")
    if remote_first:
        d.params.update(source=f"{pod}:{a}", destination=b)
    else:
        d.params.update(source=a, destination=f"{pod}:{b}")
    cm = u.search(r"\bcontainer (\S+)")
    if cm:
        d.params["container"] = u.group_text(cm)
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
