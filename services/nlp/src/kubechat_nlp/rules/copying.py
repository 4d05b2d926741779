"""`kubectl cp`: which side of the copy is in the pod, from the words around it."""

from __future__ import annotations

import re

from kubechat_nlp.lexicon import STOPWORDS
from kubechat_nlp.rules.common import Ctx, Draft, Result, clarify
from kubechat_nlp.scope import Scope, take_scope
from kubechat_nlp.scope_terms import NAMESPACE_RE
from kubechat_nlp.utterance import Utterance

_REMOTE_RE = re.compile(r"^([a-z0-9][a-z0-9.-]*(?:/[a-z0-9][a-z0-9.-]*)?):(\S+)$")
_PATH_RE = re.compile(r"^(?:\.{0,2}/|~/)\S*$|^[\w.-]*\w\.[a-z0-9]{1,8}$|^\S+/\S+$")
# Before the pod: it is where the file comes from, or where it goes.
_FROM_POD = r"\b(?:from|off|out of)(?: the| a)?(?: remote| running)?(?: pod| container)"
_INTO_POD = r"\b(?:into|to|onto|in|inside)(?: the| a)?(?: remote| running)?(?: pod| container)"


def _cp_paths(c: Ctx) -> tuple[list[tuple[int, str]], tuple[int, str, str] | None]:
    """Local-looking paths in order, and a `pod:path` token if there is one."""
    u = c.u
    paths: list[tuple[int, str]] = []
    remote: tuple[int, str, str] | None = None
    for i, tok in enumerate(u.tokens):
        if tok.literal:
            continue
        text = tok.text.rstrip(".,!?;")
        m = _REMOTE_RE.match(text)
        if m and remote is None and not re.fullmatch(r"\d+", m.group(1)):
            remote = (i, m.group(1), m.group(2))
        elif _PATH_RE.match(text) and not re.fullmatch(r"[\d.]+", text):
            paths.append((i, text))
    return paths, remote


def _cp_pod(c: Ctx) -> tuple[int, str] | None:
    u = c.u
    m = u.search(r"\b(?:pod|pods|po) (?:named |called )?(\S+)")
    if m and u.is_name(u.group_index(m)):
        idx = u.group_index(m)
        return idx, u.text_of(idx)
    # "download /etc/hosts from web-1": the name after from/into/to is the pod
    # ("… to /var/log/app.log on zookeeper-0", "… /var/log/app.log of postgres-0 as app.log")
    for m in u.finditer(r"\b(?:from|into|to|inside|off|out of|onto|on|in|of|at) (?:the )?(\S+)"):
        idx = u.group_index(m)
        if u.is_name(idx) and not _PATH_RE.match(u.tokens[idx].text):
            return idx, u.text_of(idx)
    return None


def _word_before_pod(u: Utterance, index: int) -> str:
    """The preposition before the pod's name ("from web-1", "into the pod web-1")."""
    i = index - 1
    while i >= 0 and u.tokens[i].norm in ("pod", "po", "container", "the", "a", "running"):
        i -= 1
    return u.tokens[i].norm if i >= 0 else ""


def _namespace_left(u: Utterance, *, pod_known: bool) -> str | None:
    """cp has no namespace as its object: a bare "X ns" is the scope, whatever word X is
    ("… nodes ns to dump.hprof"), and so is "in X" once the pod is known."""
    wheres = [r"(?:^| )(\S+) (?:namespace|ns)\b"]
    if pod_known:
        wheres.append(
            r"\b(?:in|on|within|inside|under) (?:the )?(\S+)(?!\S)"
            r"(?! (?:containers?|dir|directory|folder)\b)"
        )
    for where in wheres:
        for m in u.finditer(where):
            i = u.group_index(m)
            tok = u.tokens[i]
            if i in u.used or tok.literal or tok.norm in STOPWORDS or _PATH_RE.match(tok.text):
                continue
            named_after = (
                i + 1 < len(u)
                and NAMESPACE_RE.fullmatch(u.tokens[i + 1].norm)
                and u.tokens[i + 1].norm not in ("namespace", "ns")
            )
            if (u.kind_at(i) is not None or tok.norm in ("container", "containers")) and (
                named_after and u.tokens[i + 1].norm not in STOPWORDS
            ):
                continue  # "in pod x", "in container y": the pod's, never a namespace
            if NAMESPACE_RE.fullmatch(tok.text.lower()) and not tok.norm.isdigit():
                return tok.text
    return None


def build_cp(c: Ctx) -> Result:
    """'copy A from pod P to B', 'copy A into pod P at B', 'copy P:/a to b', 'download /a
    from pod P': which side is in the pod follows the preposition before it."""
    # The engine leaves the scope in the text for cp (paths are no namespaces): take it here.
    scoped, scope = take_scope(c.u.tokens, c.kinds)
    without_scope = Ctx(Utterance(scoped, c.kinds), c.kinds)
    if scope.guessed and _cp_paths(without_scope)[1] is None and _cp_pod(without_scope) is None:
        # "upload a.log to /tmp/a.log in web-1": the bare "in X" was the pod
        without_scope, scope = Ctx(Utterance(c.u.tokens, c.kinds), c.kinds), Scope()
    c = without_scope
    u = c.u
    paths, remote = _cp_paths(c)
    container = None
    cm = u.search(r"\b(?:in |of |from |into )?(?:the )?container (\S+)|\bthe (\S+) container\b")
    if cm:
        idx = u.index_at(cm.start(1) if cm.group(1) else cm.start(2))
        if u.is_name(idx):
            container = u.text_of(idx)
            u.used.add(idx)
    pod_at = _cp_pod(c) if remote is None else None
    if pod_at is not None:
        u.used.add(pod_at[0])  # the pod is never the namespace ("… in worker-4 in live")
    for i, _ in paths:
        u.used.add(i)
    if remote is not None:
        u.used.add(remote[0])
    slots = c.common()
    if not slots.namespace and not slots.all_namespaces:
        slots.namespace = scope.namespace or None
        if not slots.namespace:
            slots.namespace = _namespace_left(u, pod_known=pod_at is not None or bool(remote))
    if remote is not None:
        pod, rpath = remote[1], remote[2]
        others = [p for p in paths if p[0] != remote[0]]
        if len(others) > 1:
            return clarify("Copy what, from where to where?")
        local = others[0][1] if others else remote[2].rstrip("/").rsplit("/", 1)[-1]
        remote_first = not others or remote[0] < others[0][0]
    elif pod_at is not None and paths:
        pod = pod_at[1]
        before = _word_before_pod(u, pod_at[0])
        upload = (
            bool(u.search(_INTO_POD))
            or bool(u.search(r"\bupload(?:s|ed|ing)?\b"))
            or before in ("into", "to", "onto", "inside", "in", "on", "at")
        )
        download = (
            bool(u.search(_FROM_POD))
            or bool(u.search(r"\bdownload(?:s|ed|ing)?\b"))
            or before in ("from", "off", "of")
        )
        if len(paths) == 1:
            if not (upload or download):
                return clarify("Copy to the pod or from it?")
            if not download:
                return clarify("Where in the pod should the file go?")
            # kubectl cp writes a file, not into a directory: keep the file's own name.
            rpath, local = paths[0][1], paths[0][1].rstrip("/").rsplit("/", 1)[-1]
            remote_first = True
        else:
            (i_a, a), (i_b, b) = paths[:2]
            # The pod phrase sits next to the path that is in the pod.
            remote_first = download and not (upload and abs(pod_at[0] - i_b) < abs(pod_at[0] - i_a))
            rpath, local = (a, b) if remote_first else (b, a)
    else:
        return clarify("Copy what, from where to where?")
    d = Draft("cp", slots=slots)
    target = f"{pod}:{rpath}"
    if remote_first:
        d.params.update(source=target, destination=local)
    else:
        d.params.update(source=local, destination=target)
    if container:
        d.params["container"] = container
    return [d]
