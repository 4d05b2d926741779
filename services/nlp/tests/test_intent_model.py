"""The statistical fallback: deterministic, trained from the tuning sets only, and used
only where the rules table has no cue."""

from __future__ import annotations

import pytest

from kubechat_nlp.intent_model import TRAINING_FILES, IntentModel


def test_training_never_reads_the_blind_split() -> None:
    assert not any("blind" in name for name in TRAINING_FILES)


def test_a_model_is_deterministic_and_says_how_sure_it_is() -> None:
    examples = [
        ("scale x-name to 3", "scale"),
        ("resize x-name to 5 replicas", "scale"),
        ("restart x-name", "rollout"),
        ("bounce x-name now", "rollout"),
        ("delete pods x-name", "delete"),
    ]
    first = IntentModel(examples).predict("resize x-name to 9")
    second = IntentModel(list(reversed(examples))).predict("resize x-name to 9")
    assert first[0] == second[0] and first[1] == pytest.approx(second[1])
    assert first[0] == "scale" and 0.5 < first[1] <= 1.0
    assert IntentModel(examples).predict("zzz qqq") == ("", 0.0)
