"""Applying mutations (for real or as a server-side dry run) and showing what they change:
a unified diff of the YAML before and after, without managedFields and bookkeeping."""

from __future__ import annotations

import difflib
from typing import Any

from kubechat.errors import NotFound
from kubechat_executor.operations.base import Applied, Context, Mutation, strip_object
from kubechat_executor.operations.util import to_yaml

FIELD_MANAGER = "kubechat"


def apply(ctx: Context, mutation: Mutation, *, dry_run: bool) -> Applied:
    """Send one mutation as the user. The object before is read first (for the diff and for
    a rollback); the API server's answer is the object after."""
    # A dry run goes first, so a refusal names the verb the user asked for ("may not
    # delete"), not the read that would otherwise precede it; a real change reads first,
    # because the object before is what a rollback restores.
    before = None
    if mutation.read_path and not dry_run:
        before = ctx.get_or_none(mutation.read_path)
    query = list(mutation.query)
    if mutation.method in ("POST", "PUT", "PATCH"):
        query.append(("fieldManager", FIELD_MANAGER))
    body = mutation.body
    if dry_run:
        query.append(("dryRun", "All"))
        if mutation.method == "DELETE" and isinstance(body, dict):
            # A DELETE with a body takes its options from the body alone: without this,
            # the preview of a preconditioned delete would delete.
            body = {**body, "dryRun": ["All"]}
    answer = ctx.cluster.request(
        mutation.method,
        mutation.path,
        query=query,
        body=body,
        content_type=mutation.content_type,
        identity=ctx.identity,
    )
    if mutation.read_path and dry_run and mutation.change != "create":
        before = ctx.get_or_none(mutation.read_path)
    # A delete (or an eviction) answers with the object being deleted or a Status.
    after: dict[str, Any] | None = None if mutation.change == "delete" else answer
    return Applied(mutation, before, after)


def _for_diff(obj: dict[str, Any] | None) -> str:
    stripped = strip_object(obj)
    if stripped is None:
        return ""
    stripped.pop("status", None)
    if stripped.get("kind") == "TokenRequest":
        # The token itself must never reach a diff, a log or an audit event.
        return "kind: TokenRequest\n"
    if stripped.get("kind") == "Secret":
        # Secret values never go into a preview; only which keys change.
        for key in ("data", "stringData"):
            if key in stripped:
                stripped[key] = dict.fromkeys(stripped[key] or {}, "<redacted>")
    return to_yaml(stripped)


def diff(applied: Applied) -> str:
    mutation = applied.mutation
    label = f"{mutation.resource.kind.lower()}/{mutation.name}"
    if mutation.namespace:
        label = f"{mutation.namespace}/{label}"
    before, after = _for_diff(applied.before), _for_diff(applied.after)
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"{label} (live)" if applied.before is not None else "/dev/null",
        tofile=f"{label} ({mutation.change})" if applied.after is not None else "/dev/null",
    )
    return "".join(lines)


def exists(ctx: Context, path: str) -> bool:
    try:
        ctx.get(path)
    except NotFound:
        return False
    return True
