"""Which objects a request names: names after a kind ("deployment web, api and db"), a
name before it ("the logs deployment"), "named x", and a bare name as the last resort."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kubechat_nlp.kinds import KindInfo
from kubechat_nlp.lexicon import NOT_NAMES, STOPWORDS
from kubechat_nlp.utterance import KindMention, Utterance


def names_after(u: Utterance, start: int) -> list[str]:
    """Names starting at token `start`, across lists like `foo, bar and baz`."""
    names: list[str] = []
    i = start
    while i < len(u):
        if u.norms[i] in ("named", "called", "the", "name", "names") and not names:
            i += 1
            continue
        # "the app container" names a container; "web-1 container app" names the pod first
        container_after = (  # (a container word already read, "-c app", names none)
            i + 1 < len(u) and u.norms[i + 1] in ("container", "containers") and i + 1 not in u.used
        )
        named_after = i + 2 < len(u) and u.norms[i + 2] not in NOT_NAMES
        if u.is_name(i) and not (container_after and not named_after):
            names.append(u.text_of(i))
            u.used.add(i)
            i += 1
            if (
                i < len(u)
                and u.is_name(i)
                and _object_like(u.norms[i - 1])
                and _object_like(u.norms[i])
                and (i + 1 == len(u) or u.norms[i + 1] in _AFTER_A_LIST or u.is_name(i + 1))
            ):
                continue  # "delete pods web-1 web-2": kubectl's own list, one space apart
            if i < len(u) and u.norms[i] in (",", "and", "&", "plus", "or", "+") and i + 1 < len(u):
                j = i + 1 if u.norms[i] != "," or u.norms[i + 1] != "and" else i + 2
                if j + 1 < len(u) and u.norms[j] in ("also", "the"):
                    j += 1  # "pager-relay and also ride-matcher", "x and the y"
                after = u.norms[j + 1] if j + 1 < len(u) else ""
                listy = u.norms[i] != "," or after in ("", ",", "and", "to", "in", "from", "on")
                if u.is_name(j) and listy:
                    i = j
                    continue
            break
        break
    return names


# What may follow kubectl's space-separated list ("pods web-1 web-2 -n qa"); "the
# migrate-db run-once job" describes one object instead.
_AFTER_A_LIST = frozenset(
    ". , ; ! ? in on at from for -n --namespace namespace ns and please pls thx thanks".split()
)


def _object_like(norm: str) -> bool:
    """Named the way objects are and words never are: hyphenated or numbered ("web-1")."""
    return bool(re.search(r"[a-z0-9]-[a-z0-9]|[a-z]\d|\d[a-z]", norm))


def name_before(u: Utterance, mention: KindMention) -> str | None:
    i = mention.start - 1
    prev = u.norms[i - 1] if i >= 1 else ""
    if i >= 0 and prev in ("the", "a", "an") and _named_between(u, i):
        u.used.add(i)  # "the logs deployment": between an article and a kind, a name
        return u.text_of(i)
    if i < 0 or not u.is_name(i):
        return None
    if u.tokens[i].norm in ("default",):
        return None
    if u.tokens[i].norm in ("k8s", "kube", "kubernetes") and prev not in ("the", "a", "an"):
        return None  # "k8s svcs tagged …": the platform's name, not a Service's
    if prev in (
        *("the", "a", "an", "of", "for", "this", "that", "paused", "existing", ""),
        *("can", "could", "does", "did", "is", "will"),  # "can web deployment scale itself"
    ) or (u.tokens[i].quoted or i == 0 or prev in ("restart", "scale", "delete", "describe")):
        u.used.add(i)
        return u.text_of(i)
    return None


def _default_named(u: Utterance, i: int) -> list[str]:
    """'deployment default': right after a kind, "default" is that object's name unless a
    namespace is meant ("the default namespace")."""
    if i >= len(u) or i in u.used or u.norms[i] != "default":
        return []
    if i + 1 < len(u) and u.norms[i + 1] in ("namespace", "ns", "context"):
        return []
    u.used.add(i)
    return [u.text_of(i)]


def _named_between(u: Utterance, i: int) -> bool:
    tok = u.tokens[i]
    if i in u.used or tok.literal or u.kind_at(i) is not None:
        return False
    if tok.norm in STOPWORDS and tok.norm != "default":
        return False
    return bool(re.fullmatch(r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?", tok.norm))


@dataclass(slots=True)
class Target:
    kinds: list[KindInfo]
    names: list[str]
    explicit_kind: bool


def find_target(u: Utterance, *, allow_bare: bool = True, after: int = 0) -> Target:
    """The kinds and names a request addresses."""
    kinds: list[KindInfo] = []
    names: list[str] = []
    for mention in u.kind_mentions():
        if mention.start < after:
            continue
        if mention.info not in kinds:
            if kinds and names:
                break  # a second kind after names belongs to another phrase
            kinds.append(mention.info)
        u.used.update(range(mention.start, mention.end))
        if mention.name is not None:
            names.append(mention.name)
            continue
        after_names = names_after(u, mention.end) or _default_named(u, mention.end)
        if after_names:
            names.extend(after_names)
        elif not names:
            before = name_before(u, mention)
            if before:
                names.append(before)
    for m in u.finditer(r"\b(?:named|called) (\S+)"):
        idx = u.group_index(m)
        if u.is_name(idx):
            names.extend(names_after(u, idx))
        elif not names and _named_between(u, idx):  # "the deployment called default"
            u.used.add(idx)
            names.append(u.text_of(idx))
    if not names and allow_bare:
        bare = [i for i in range(after, len(u)) if u.is_name(i) and not u.norms[i].startswith("-")]
        # a word shaped like an object's name ("web-7f9c", "api-2") before a plain word
        # that happened not to be known ("the equivalent of docker logs for api-2")
        shaped = [i for i in bare if re.search(r"[-\d]", u.norms[i])]
        listed = bare and bare[0] + 1 < len(u) and u.norms[bare[0] + 1] in (",", "and", "&", "or")
        if listed:  # "axe backup and reprocess-dlq": a list, from its first name
            shaped = []
        if bare:
            names.extend(names_after(u, (shaped or bare)[0]))
    return Target(kinds, names, bool(kinds))
