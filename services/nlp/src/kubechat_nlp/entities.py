"""Entities recognised before any rule runs, so every rule sees the same reading: numbers
written as words, and kubectl flags typed inside a request. The namespace scope is read in
`scope.py`."""

from __future__ import annotations

from kubechat_nlp.text import Token

NUMBER_WORDS: dict[str, int] = {
    word: n
    for n, word in enumerate(
        """zero one two three four five six seven eight nine ten eleven twelve thirteen
fourteen fifteen sixteen seventeen eighteen nineteen twenty""".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "a hundred": 100}
_COUNT_NOUNS = frozenset(
    "replica replicas pod pods instance instances copy copies node nodes".split()
)
_NOT_COUNT_BEFORE = frozenset("this that the which each every any no".split())


def numbers_as_digits(tokens: list[Token]) -> list[Token]:
    """'twenty pods' → '20 pods'; 'this one' and 'one of' stay words."""
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        value = NUMBER_WORDS.get(tok.norm) if not tok.quoted else None
        before = tokens[i - 1].norm if i else ""
        after = tokens[i + 1].norm if i + 1 < len(tokens) else ""
        counted = after in _COUNT_NOUNS | {""} or before in ("to", "at", "by", "=")
        if (
            value is not None
            and tok.norm == "one"
            and (
                before in _NOT_COUNT_BEFORE
                or after == "of"
                or not counted
                # "the api one": which of them, never a count
                or (i >= 2 and tokens[i - 2].norm == "the" and before.isalpha())
            )
        ):
            value = None
        if value is not None and out and out[-1].norm == "a" and value >= 100:
            out.pop()  # "a hundred"
        out.append(tok if value is None else Token(str(value), str(value)))
    return out


# kubectl flags typed inside a request, spelled as the words the rules read.
_FLAG_WORDS: dict[str, tuple[str, ...]] = {
    "--replicas": ("to",),  # "--replicas=3" reads "to 3 replicas"
    "replicas": ("to",),  # "set replicas=4 for deployment x"
    "--replica": ("to",),
    "--image": ("image",),
    "-c": ("container",),
    "--container": ("container",),
    "--previous": ("previous",),
    "-p": ("previous",),
    "--follow": ("follow",),
    "--force": ("force",),
    "--tail": ("last",),
    "--port": ("port",),
    "--timestamps": ("timestamps",),
    "--watch": ("watch",),
    "-w": ("watch",),
}
_FLAG_SUFFIX = {
    "--replicas": ("replicas",),
    "replicas": ("replicas",),
    "--replica": ("replicas",),
    "--tail": ("lines",),
}


def flags_as_words(tokens: list[Token], *, logs: bool) -> list[Token]:
    """`--replicas=3`, `--replicas 3`, `-c proxy`, `--previous` → "to 3 replicas",
    "container proxy", "previous". `-f` means follow only for logs (elsewhere a file)."""
    out: list[Token] = []
    skip = False
    for i, tok in enumerate(tokens):
        if skip:
            skip = False
            continue
        flag, eq, value = tok.text.partition("=")
        low = flag.lower()
        words = _FLAG_WORDS.get(low) or (("follow",) if logs and low == "-f" else None)
        if words is None or tok.quoted or (not low.startswith("-") and not (eq and value)):
            out.append(tok)
            continue
        out.extend(Token(w, w) for w in words)
        suffix = _FLAG_SUFFIX.get(low)
        if not eq and suffix and i + 1 < len(tokens) and tokens[i + 1].norm.isdigit():
            value, skip = tokens[i + 1].text, True
        if value:
            out.append(Token(value, value.lower()))
            out.extend(Token(w, w) for w in suffix or ())
    return out
