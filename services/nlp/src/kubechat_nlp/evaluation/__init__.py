"""Offline evaluation of engines against data files of requests and expected commands."""

from kubechat_nlp.evaluation.equivalence import canonical, equivalent
from kubechat_nlp.evaluation.safety import command_risk
from kubechat_nlp.evaluation.scoring import (
    CaseResult,
    Report,
    score_multiturn,
    score_single,
)

__all__ = [
    "CaseResult",
    "Report",
    "canonical",
    "command_risk",
    "equivalent",
    "score_multiturn",
    "score_single",
]
