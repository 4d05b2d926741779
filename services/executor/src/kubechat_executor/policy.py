"""Confirmation policy: what a write needs beyond a token, per cluster and namespace.

Rules are data (settings: `KUBECHAT_POLICY` JSON). A rule matches an operation when every
condition it sets holds; the requirements of all matching rules add up (a stricter rule
always wins over a laxer one, never the other way round).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel, Field

from kubechat.v1 import common_pb2, executor_pb2

RISKS = {"write": common_pb2.RISK_WRITE, "destructive": common_pb2.RISK_DESTRUCTIVE}


class Rule(BaseModel):
    clusters: list[str] = Field(default_factory=list)  # ids or names; empty: any
    cluster_labels: dict[str, str] = Field(default_factory=dict)
    namespaces: list[str] = Field(default_factory=list)  # empty: any
    verbs: list[str] = Field(default_factory=list)  # empty: any
    min_risk: str = "write"  # "write" or "destructive"
    type_name: bool = False
    second_approver: bool = False
    rollback_on_failure: bool = False
    reason: str = ""


DEFAULT_RULES: tuple[Rule, ...] = (
    Rule(namespaces=["kube-system"], type_name=True, reason="kube-system runs the cluster itself"),
    Rule(
        cluster_labels={"environment": "production"},
        min_risk="destructive",
        second_approver=True,
        reason="destructive change on a production cluster",
    ),
    Rule(
        cluster_labels={"environment": "production"},
        rollback_on_failure=True,
        reason="failed rollouts on production are rolled back",
    ),
)


@dataclass(frozen=True)
class Target:
    cluster_id: str
    cluster_name: str
    cluster_labels: dict[str, str]
    namespace: str
    verb: str
    risk: int
    # Names the user would type; the operation's own names.
    names: tuple[str, ...] = ()


@dataclass
class Requirements:
    type_name: bool = False
    second_approver: bool = False
    rollback_on_failure: bool = False
    reasons: list[str] = field(default_factory=list)
    expected_names: list[str] = field(default_factory=list)

    @property
    def expected_name(self) -> str:
        return ",".join(self.expected_names)

    def to_proto(self) -> executor_pb2.ConfirmationPolicy:
        return executor_pb2.ConfirmationPolicy(
            type_name=self.type_name,
            second_approver=self.second_approver,
            reason="; ".join(dict.fromkeys(self.reasons)),
            rollback_on_failure=self.rollback_on_failure,
            expected_name=self.expected_name if self.type_name else "",
        )


def matches(rule: Rule, target: Target) -> bool:
    if target.risk < RISKS.get(rule.min_risk, common_pb2.RISK_WRITE):
        return False
    if rule.clusters and not {target.cluster_id, target.cluster_name} & set(rule.clusters):
        return False
    if any(target.cluster_labels.get(k) != v for k, v in rule.cluster_labels.items()):
        return False
    if rule.namespaces and target.namespace not in rule.namespaces:
        return False
    return not rule.verbs or target.verb in rule.verbs


def evaluate(rules: tuple[Rule, ...] | list[Rule], targets: list[Target]) -> Requirements:
    requirements = Requirements()
    for target in targets:
        for rule in rules:
            if not matches(rule, target):
                continue
            requirements.type_name |= rule.type_name
            requirements.second_approver |= rule.second_approver
            requirements.rollback_on_failure |= rule.rollback_on_failure
            if rule.reason:
                requirements.reasons.append(rule.reason)
            if rule.type_name:
                requirements.expected_names += [
                    n for n in target.names if n not in requirements.expected_names
                ]
    return requirements
