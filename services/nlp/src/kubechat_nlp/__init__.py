"""KubeChat nlp service: natural language → typed Kubernetes operations."""

from kubechat_nlp.catalogue import Catalogue, CatalogueEntry, default_catalogue
from kubechat_nlp.cli_translate import run_translate
from kubechat_nlp.cluster import ClusterView, InMemoryClusterView
from kubechat_nlp.context import (
    ContextStore,
    ConversationContext,
    InMemoryContextStore,
    RedisContextStore,
)
from kubechat_nlp.engine import Engine, RulesEngine
from kubechat_nlp.kinds import KindInfo
from kubechat_nlp.model import Clarification, Operation, Plan, ResourceRef, Risk
from kubechat_nlp.render import render

__all__ = [
    "Catalogue",
    "CatalogueEntry",
    "Clarification",
    "ClusterView",
    "ContextStore",
    "ConversationContext",
    "Engine",
    "InMemoryClusterView",
    "InMemoryContextStore",
    "KindInfo",
    "Operation",
    "Plan",
    "RedisContextStore",
    "ResourceRef",
    "Risk",
    "RulesEngine",
    "default_catalogue",
    "render",
    "run_translate",
]
