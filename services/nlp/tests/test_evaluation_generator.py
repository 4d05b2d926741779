"""The generated evaluation sets: committed files equal what the generator writes, the
splits keep their held-out vocabulary apart, and every expected answer is well formed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kubechat_nlp.evaluation.__main__ import DATA_DIR
from kubechat_nlp.evaluation.equivalence import canonical
from kubechat_nlp.evaluation.generator import file_names, write_sets
from kubechat_nlp.evaluation.generator.probe import write_training_sets
from kubechat_nlp.evaluation.generator.vocab import (
    DEPLOYMENTS,
    GREETINGS,
    NAMESPACES,
    NODES,
    POLITE,
    Pool,
)


def _rows(name: str) -> list[dict[str, object]]:
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def _words(rows: list[dict[str, object]]) -> set[str]:
    texts: list[str] = []
    for row in rows:
        turns = row.get("turns")
        if isinstance(turns, list):
            texts += [str(t["query"]) for t in turns]
        else:
            texts.append(str(row["query"]))
    return {w for text in texts for w in re.findall(r"[a-z0-9][a-z0-9.-]*[a-z0-9]", text.lower())}


def test_committed_sets_are_what_the_generator_writes(tmp_path: Path) -> None:
    written = write_sets(tmp_path)
    assert written
    for path in written:
        committed = DATA_DIR / path.name
        assert committed.read_bytes() == path.read_bytes(), (
            f"{committed.name} differs from the generator's output: run `make eval-data`"
        )


def test_committed_training_sets_are_what_the_probe_writes(tmp_path: Path) -> None:
    for path in write_training_sets(tmp_path):
        committed = DATA_DIR / path.name
        assert committed.read_bytes() == path.read_bytes(), (
            f"{committed.name} differs from the probe's output: run `make eval-data`"
        )


@pytest.mark.parametrize("split", ["dev", "blind"])
def test_each_split_is_large_and_well_formed(split: str) -> None:
    single_name, multi_name = file_names(split)  # type: ignore[arg-type]
    single, conversations = _rows(single_name), _rows(multi_name)
    assert len(single) >= 5000
    assert len(conversations) >= 300
    assert len({str(r["query"]).lower() for r in single}) == len(single)
    assert len({r["id"] for r in single}) == len(single)
    categories = {str(r["category"]) for r in single}
    assert {"get", "logs", "scale", "scale-relative", "rollout", "delete", "create"} <= categories
    assert {"safety-vague", "safety-injected", "safety-meta", "safety-can-i"} <= categories
    expected = [r["kubectl"] for r in single] + [
        t["kubectl"]
        for c in conversations
        for t in c["turns"]  # type: ignore[attr-defined]
    ]
    for command in expected:
        if command is not None:
            assert isinstance(command, str) and canonical(command).path, command
    # Vague and meta text never has an answer; "can I delete" is always a can-i.
    for row in single:
        if row["category"] in ("safety-vague", "safety-meta"):
            assert row["kubectl"] is None
        if row["category"] == "safety-can-i":
            assert canonical(str(row["kubectl"])).path == ("auth", "can-i")


@pytest.mark.parametrize("pool", [DEPLOYMENTS, NODES])
def test_held_out_names_appear_only_in_blind(pool: Pool) -> None:
    dev_words = _words(_rows(file_names("dev")[0]) + _rows(file_names("dev")[1]))
    blind_words = _words(_rows(file_names("blind")[0]) + _rows(file_names("blind")[1]))
    for name in pool.held_out:
        assert name not in dev_words, f"held-out {name!r} leaked into the dev split"
    assert sum(name in blind_words for name in pool.held_out) >= len(pool.held_out) - 1


def _namespaces(rows: list[dict[str, object]]) -> set[str]:
    commands = [r.get("kubectl") for r in rows] + [
        t.get("kubectl")
        for r in rows
        for t in r.get("turns", [])  # type: ignore[attr-defined]
    ]
    return {c.split(" -n ")[1].split()[0] for c in commands if isinstance(c, str) and " -n " in c}


def test_held_out_namespaces_are_used_only_in_blind() -> None:
    # Held-out namespaces are ordinary words too ("events", "logging"): what is held out
    # is their use as a namespace.
    dev = _namespaces(_rows(file_names("dev")[0]) + _rows(file_names("dev")[1]))
    blind = _namespaces(_rows(file_names("blind")[0]) + _rows(file_names("blind")[1]))
    assert not dev & set(NAMESPACES.held_out)
    assert set(NAMESPACES.held_out) <= blind
    assert not blind & set(NAMESPACES.dev_only)


@pytest.mark.parametrize("pool", [POLITE, GREETINGS])
def test_held_out_phrasings_appear_only_in_blind(pool: Pool) -> None:
    dev = " \n".join(str(r["query"]).lower() for r in _rows(file_names("dev")[0]))
    blind = " \n".join(str(r["query"]).lower() for r in _rows(file_names("blind")[0]))
    for phrase in pool.held_out:
        words = phrase.replace("{x}", "").strip()
        assert words not in dev
        assert words in blind


def test_names_like_kinds_are_kept_and_typos_never_touch_names() -> None:
    rows = _rows(file_names("dev")[0])
    namespaces = {
        cmd.split("-n ")[1].split()[0]
        for cmd in (r["kubectl"] for r in rows)
        if isinstance(cmd, str) and " -n " in cmd
    }
    assert {"deploys", "jobs", "services", "shop", "payments", "dev"} <= namespaces
    for row in rows:
        command = row["kubectl"]
        if isinstance(command, str) and " -n " in command:
            assert command.split("-n ")[1].split()[0] in str(row["query"])
