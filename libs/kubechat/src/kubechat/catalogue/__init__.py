"""The one operation catalogue: every operation KubeChat understands, declared once.

nlp plans and renders from it, the LLM tool schema lists its runnable entries, the
executor registers one handler per entry, and `operation_risk` is the only risk function.
Adding an operation is one entry in one of the area modules below plus one executor
handler (or an `unsupported_reason`).
"""

from kubechat.catalogue import access, admin, containers, create, reading, workloads
from kubechat.catalogue.model import (
    Catalogue,
    CatalogueEntry,
    CatalogueError,
    Param,
    ParamType,
    Risk,
    Target,
    Verification,
)
from kubechat.catalogue.risk import operation_risk, plan_risk, risk_name, risk_to_proto

ENTRIES: tuple[CatalogueEntry, ...] = (
    *reading.ENTRIES,
    *access.ENTRIES,
    *workloads.ENTRIES,
    *containers.ENTRIES,
    *create.ENTRIES,
    *admin.ENTRIES,
)

CATALOGUE = Catalogue(ENTRIES)


def default_catalogue() -> Catalogue:
    return CATALOGUE


__all__ = [
    "CATALOGUE",
    "ENTRIES",
    "Catalogue",
    "CatalogueEntry",
    "CatalogueError",
    "Param",
    "ParamType",
    "Risk",
    "Target",
    "Verification",
    "default_catalogue",
    "operation_risk",
    "plan_risk",
    "risk_name",
    "risk_to_proto",
]
