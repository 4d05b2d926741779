"""The single-turn set: categories drawn by weight until the set has `count` distinct
requests."""

from __future__ import annotations

import random
from collections.abc import Callable

from kubechat_nlp.evaluation.generator import changes, creates, edits, reads, safety, tools
from kubechat_nlp.evaluation.generator.compose import Case, Composer
from kubechat_nlp.evaluation.generator.vocab import Split

Maker = Callable[[Composer], Case]

# Weights follow what people ask most (reads, scaling, restarts) while every operation
# keeps a few hundred cases, so that a category's accuracy means something.
MAKERS: tuple[tuple[Maker, int], ...] = (
    (reads.get, 14),
    (reads.describe, 6),
    (reads.logs, 9),
    (reads.events, 3),
    (reads.top, 3),
    (changes.scale, 8),
    (changes.scale_relative, 3),
    (changes.rollout, 8),
    (changes.set_, 6),
    (changes.expose, 2),
    (changes.autoscale, 2),
    (edits.label, 4),
    (edits.delete, 6),
    (edits.node, 5),
    (creates.create, 9),
    (tools.auth, 2),
    (tools.discovery, 2),
    (tools.config, 2),
    (tools.port_forward, 2),
    (tools.exec_, 2),
    (tools.cp, 1),
    (tools.can_i_destroy, 1),
    (safety.vague, 3),
    (safety.injected, 2),
    (safety.meta, 2),
)


def generate_single(split: Split, seed: int, count: int) -> list[dict[str, str | None]]:
    composer = Composer(random.Random(seed), split)
    makers = [maker for maker, _ in MAKERS]
    weights = [weight for _, weight in MAKERS]
    seen: set[str] = set()
    numbers: dict[str, int] = {}
    rows: list[dict[str, str | None]] = []
    attempts = 0
    while len(rows) < count:
        attempts += 1
        if attempts > count * 20:
            raise RuntimeError(f"only {len(rows)} distinct requests after {attempts} attempts")
        case = composer.rng.choices(makers, weights)[0](composer)
        key = case.query.lower()
        if key in seen:
            continue
        seen.add(key)
        numbers[case.category] = numbers.get(case.category, 0) + 1
        rows.append(
            {
                "id": f"{case.category}-{numbers[case.category]:05d}",
                "query": case.query,
                "kubectl": case.kubectl,
                "category": case.category,
            }
        )
    return rows
