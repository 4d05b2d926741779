"""A turn cut into its requests ("restart api, then describe it") and freed of the aside
that closes it ("… in team-a xoxo")."""

from __future__ import annotations

from kubechat_nlp.followups import ACTION_WORDS, CLAUSE_VERBS
from kubechat_nlp.text import Token, Vocabulary


def without_trailing_aside(tokens: list[Token], vocab: Vocabulary) -> list[Token]:
    """'… label tier=cache lol', '… in team-a xoxo': an unknown word after a complete
    value (a number, key=value, a namespace just named) is an aside, not
    a name. After a kind or a verb it stays: 'describe pod web'."""
    if len(tokens) < 3:
        return tokens
    last, before = tokens[-1], tokens[-2]
    # ("take 2 away", "knock 1 off": the particle finishes the verb)
    # ("… 20 max", "… 7 maximum": the word qualifies the number)
    particle = last.norm in (
        *("away", "off", "back", "more", "less", "fewer", "extra", "up", "down"),
        *("max", "maximum", "min", "minimum", "tops", "total", "each"),
    )
    unknown = last.norm.isalpha() and not last.quoted and last.norm not in vocab and not particle
    complete = (
        before.norm.isdigit()
        or ("=" in before.norm and not before.norm.startswith("-"))
        # a namespace just named: "in team-a xoxo" (not "untaint edge-5: spot")
        or (
            tokens[-3].norm in ("in", "on", "-n")
            and any(ch.isdigit() or ch == "-" for ch in before.norm)
            and before.norm[0] != "-"
        )
    )
    return tokens[:-1] if unknown and complete else tokens


def split_clauses(tokens: list[Token]) -> list[list[Token]]:
    """The requests of a turn: "restart api; then describe it" is two, "get and list" one."""
    clauses: list[list[Token]] = [[]]
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
        nxt2 = tokens[i + 2].norm if i + 2 < len(tokens) else ""
        # "…, then delete pod x" is a second request; a plain "and delete" too.
        verbs = CLAUSE_VERBS | ACTION_WORDS
        prev = tokens[i - 1].norm if i else ""
        boundary = (tok.norm in (";", "then") and (nxt in verbs or nxt2 in verbs)) or (
            # "that can get and list deployments": a list of verbs, one request
            tok.norm in ("and", ",") and nxt in CLAUSE_VERBS and prev not in verbs
        )
        if boundary and clauses[-1]:
            clauses.append([])
            continue
        if tok.norm == "then" or (tok.norm == "and" and not clauses[-1]):
            continue
        clauses[-1].append(tok)
    clauses = [c for c in clauses if c]
    starts = CLAUSE_VERBS | ACTION_WORDS | {"please", "now", "also", "and"}
    if len(clauses) > 1 and any(c[0].norm not in starts for c in clauses):
        return [tokens]
    return clauses
