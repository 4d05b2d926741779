"""The engine's model ↔ kubechat.v1 protobuf messages."""

from __future__ import annotations

from kubechat.catalogue import risk_to_proto
from kubechat.catalogue.bounds import bounded_param
from kubechat.v1 import common_pb2
from kubechat_nlp.model import Operation, ParamValue, Plan, ResourceRef


def resource_to_proto(ref: ResourceRef) -> common_pb2.ResourceRef:
    return common_pb2.ResourceRef(
        group=ref.group,
        version=ref.version,
        kind=ref.kind,
        plural=ref.plural,
        namespaced=ref.namespaced,
    )


def param_to_proto(value: ParamValue) -> common_pb2.ParamValue:
    # bool before int: bool is a subclass of int in Python.
    if isinstance(value, bool):
        return common_pb2.ParamValue(bool_value=value)
    if isinstance(value, int):
        return common_pb2.ParamValue(int_value=value)
    if isinstance(value, list):
        return common_pb2.ParamValue(list_value=common_pb2.StringList(values=value))
    return common_pb2.ParamValue(string_value=value)


def operation_to_proto(op: Operation) -> common_pb2.Operation:
    message = common_pb2.Operation(
        verb=op.verb,
        namespace=op.namespace or "",
        name=op.name or "",
        names=list(op.names),
        label_selector=op.label_selector or "",
        field_selector=op.field_selector or "",
        all_namespaces=op.all_namespaces,
        subresource=op.subresource or "",
        extra_resources=[resource_to_proto(ref) for ref in op.extra_resources],
    )
    if op.resource is not None:
        message.resource.CopyFrom(resource_to_proto(op.resource))
    for key, value in op.params.items():
        # Bounded first: an out-of-range number is the user's 400, not an internal error.
        message.params[key].CopyFrom(param_to_proto(bounded_param(key, value)))
    return message


def plan_to_proto(plan: Plan, *, engine: str, cluster_id: str) -> common_pb2.Plan:
    message = common_pb2.Plan(
        operations=[operation_to_proto(op) for op in plan.operations],
        kubectl=list(plan.kubectl),
        risk=risk_to_proto(plan.risk),
        confidence=plan.confidence,
        engine=plan.engine or engine,
        cluster_id=cluster_id,
        explanation=plan.explanation,
    )
    if plan.clarification is not None:
        message.clarification.question = plan.clarification.question
        for choice in plan.clarification.choices:
            message.clarification.choices.add(label=choice, text=choice)
    return message


def _resource_from_proto(ref: common_pb2.ResourceRef) -> ResourceRef:
    return ResourceRef(ref.group, ref.version, ref.kind, ref.plural, ref.namespaced)


def _param_from_proto(value: common_pb2.ParamValue) -> ParamValue:
    kind = value.WhichOneof("value")
    if kind == "list_value":
        return list(value.list_value.values)
    if kind == "bool_value":
        return value.bool_value
    if kind == "int_value":
        return int(value.int_value)
    if kind == "double_value":
        number = value.double_value
        return int(number) if number.is_integer() else str(number)
    return value.string_value


def operation_from_proto(message: common_pb2.Operation) -> Operation:
    """The inverse of `operation_to_proto` (operations the executor reports back)."""
    return Operation(
        verb=message.verb,
        resource=_resource_from_proto(message.resource) if message.HasField("resource") else None,
        namespace=message.namespace or None,
        name=message.name or None,
        names=tuple(message.names),
        label_selector=message.label_selector or None,
        field_selector=message.field_selector or None,
        all_namespaces=message.all_namespaces,
        params={key: _param_from_proto(value) for key, value in message.params.items()},
        subresource=message.subresource or None,
        extra_resources=tuple(_resource_from_proto(r) for r in message.extra_resources),
    )
