"""Offline evaluation of engines against data files of requests and expected commands."""

from kubechat_nlp.evaluation.equivalence import canonical, equivalent
from kubechat_nlp.evaluation.scoring import (
    CaseResult,
    Report,
    score_multiturn,
    score_single,
)

__all__ = ["CaseResult", "Report", "canonical", "equivalent", "score_multiturn", "score_single"]
