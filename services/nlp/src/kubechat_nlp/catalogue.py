"""The operation catalogue, as nlp sees it: the shared library's one declaration
(`kubechat.catalogue`), re-exported so nlp modules keep one import path."""

from __future__ import annotations

from kubechat.catalogue import (
    Catalogue,
    CatalogueEntry,
    Param,
    ParamType,
    Target,
    Verification,
    default_catalogue,
)

__all__ = [
    "Catalogue",
    "CatalogueEntry",
    "Param",
    "ParamType",
    "Target",
    "Verification",
    "default_catalogue",
]
