"""Intent rules: the table (`table.py`), how one is chosen (`choose.py`), and the builders
(one module per family)."""

from kubechat_nlp.rules.choose import PhraseRules, classify, compile_phrases, shape
from kubechat_nlp.rules.common import Ctx, Draft, Result
from kubechat_nlp.rules.table import RULES, Rule

__all__ = [
    "RULES",
    "Ctx",
    "Draft",
    "PhraseRules",
    "Result",
    "Rule",
    "classify",
    "compile_phrases",
    "shape",
]
