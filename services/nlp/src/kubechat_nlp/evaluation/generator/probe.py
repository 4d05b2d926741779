"""A probe split: the generator's templates with a third vocabulary, written by hand in
place of the held-out one (which stays unread), so that the parser's generality can be
debugged on wordings it was never tuned on without ever opening the blind split.

`python -m kubechat_nlp.evaluation.generator.probe OUT_DIR [--seed N]` writes
`generated-probe.jsonl` and `generated-probe-multiturn.jsonl`; score them with
`python -m kubechat_nlp.evaluation --file OUT/generated-probe.jsonl --multiturn
OUT/generated-probe-multiturn.jsonl --sets public,multiturn --failures`. Each round of
fixes should meet a fresh `--seed` and, better, new entries below: a probe tuned on stops
measuring anything.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import kubechat_nlp.evaluation.generator as generator
from kubechat_nlp.evaluation.generator.vocab import KINDS, Pool
from kubechat_nlp.intent_model import TRAINING_VOCABS, training_file


def _install(vocab: str = "first") -> None:
    """Rebinds every pool named in the probe vocabulary so that its held-out instances are
    the probe's."""
    if vocab == "fourth-reads":
        from kubechat_nlp.evaluation.generator import probe_fourth_reads, probe_third

        # Only the read/tool pools are new; the rest reuse the third probe's.
        probe = {**probe_third.PROBE, **probe_fourth_reads.PROBE}
        probe_kinds = probe_third.PROBE_KINDS
    else:  # one module a vocabulary: probe_<vocab>.py with PROBE and PROBE_KINDS
        module = importlib.import_module(f"{generator.__name__}.probe_{vocab.replace('-', '_')}")
        probe, probe_kinds = module.PROBE, module.PROBE_KINDS
    # Every pool loses its held-out (blind) instances, whether or not the probe names it,
    # so that no probe ever shows a word of the blind vocabulary; pools kept in a dict
    # (objects._NAMES_OF) are rebound the same way.
    replaced: dict[int, Pool] = {}
    modules = [
        importlib.import_module(f"{generator.__name__}.{info.name}")
        for info in pkgutil.iter_modules(generator.__path__)
    ]
    for module in modules:
        short = module.__name__.rsplit(".", 1)[-1]
        for name, value in list(vars(module).items()):
            if not isinstance(value, Pool):
                continue
            entries = probe.get(f"{short}.{name}", probe.get(name, ()))
            new = replaced.setdefault(id(value), dataclasses.replace(value, held_out=entries))
            setattr(module, name, new)
    for module in modules:
        for value in list(vars(module).values()):
            if isinstance(value, dict) and any(isinstance(v, Pool) for v in value.values()):
                for key, pool in list(value.items()):
                    if isinstance(pool, Pool):
                        value[key] = replaced.get(id(pool), dataclasses.replace(pool, held_out=()))
    for plural, words in list(KINDS.items()):
        others = dataclasses.replace(words.others, held_out=probe_kinds.get(plural, ()))
        KINDS[plural] = dataclasses.replace(words, others=others)


# Every probe vocabulary, in the order they were written; each is `probe_<name>.py`.
VOCABS = (
    "first",
    "second",
    "third",
    "fourth-reads",
    "fourth-changes",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
)


# The statistical fallback trains on the vocabularies intent_model.TRAINING_VOCABS names
# (never on blind): one file a vocabulary, each written in its own process since installing
# a vocabulary rebinds the generator's pools.
TRAINING_SEED = 777
TRAINING_COUNT = 3000


def write_training_sets(out_dir: Path) -> list[Path]:
    written: list[Path] = []
    for vocab in TRAINING_VOCABS:
        subprocess.run(
            [sys.executable, "-m", __name__, str(out_dir), "--vocab", vocab, "--training"],
            check=True,
        )
        written.append(out_dir / training_file(vocab))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kubechat_nlp.evaluation.generator.probe")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seed", type=int, default=4_242)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument(
        "--vocab",
        choices=VOCABS,
        default="first",
    )
    parser.add_argument(
        "--training", action="store_true", help="write the fallback's training file only"
    )
    args = parser.parse_args(argv)
    _install(args.vocab)
    from kubechat_nlp.evaluation.generator import _write, generate_conversations, generate_single

    args.out_dir.mkdir(parents=True, exist_ok=True)
    if args.training:
        rows = generate_single("blind", TRAINING_SEED, TRAINING_COUNT)
        _write(args.out_dir / training_file(args.vocab), rows)
        return 0
    _write(args.out_dir / "generated-probe.jsonl", generate_single("blind", args.seed, args.count))
    _write(
        args.out_dir / "generated-probe-multiturn.jsonl",
        generate_conversations("blind", args.seed + 1, args.count // 15),
    )
    print(f"wrote {args.out_dir}/generated-probe.jsonl and generated-probe-multiturn.jsonl")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
