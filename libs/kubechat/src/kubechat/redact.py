"""Keep secrets out of the audit trail.

Publishers (the gateway, the executor) redact before an event leaves the process, and the
audit service redacts again before it stores or forwards anything: a publisher that forgot
must not be able to leak a token into ClickHouse, Splunk or a syslog archive.

Two rules:
- the values of a Kubernetes Secret (`data`, `stringData`) are never kept, only their keys;
- anything that looks like a credential (a key named like one, a bearer/basic header, a
  JWT, a PEM private key, `password=...` in free text, well-known token prefixes) is
  replaced by `[REDACTED]`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from kubechat.events import AuditEvent
from kubechat.redact_params import conceal, conceal_operations, secrets_of

REDACTED = "[REDACTED]"

# Keys whose values are credentials whatever they contain.
_SECRET_KEY = re.compile(
    r"(pass(word|wd|phrase)?|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|"
    r"credential|authorization|auth|cookie|session[_-]?id|client[_-]?secret|"
    r"kubeconfig|cert(ificate)?[_-]?key|bearer)$",
    re.IGNORECASE,
)
# Keys that merely mention a secret-ish word but hold no credential.
_HARMLESS_KEY = re.compile(r"(token_id|secret_name|secretname|tokens?_used|auth_mode)$", re.I)

_KEYWORDS = ("pass", "secret", "token", "key", "credential")


def _any(*needles: str) -> Callable[[str, str], bool]:
    return lambda text, lower: any(n in lower for n in needles)


# (trigger, pattern, replacement). The trigger is a cheap substring test run first: the
# ingest path redacts every event, and most text holds nothing a pattern could match.
_TEXT_PATTERNS: tuple[tuple[Callable[[str, str], bool], re.Pattern[str], str], ...] = (
    # PEM private keys.
    (
        lambda text, lower: "-----begin" in lower,
        re.compile(
            r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----.*?(-----END [A-Z0-9 ]*PRIVATE KEY-----|$)",
            re.S,
        ),
        REDACTED,
    ),
    # Authorization headers and their friends. The value must hold a digit: "token
    # deployment" is a sentence, "token 9fQ2..." is not.
    (
        _any("bearer", "basic", "splunk", "token"),
        re.compile(
            r"\b(bearer|basic|splunk|token)\s+(?=[A-Za-z._~+/=-]*\d)[A-Za-z0-9._~+/=-]{8,}", re.I
        ),
        r"\1 " + REDACTED,
    ),
    # JSON Web Tokens: three base64url segments, the first one a JSON header.
    (
        lambda text, lower: "eyj" in lower,
        re.compile(r"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}"),
        REDACTED,
    ),
    # Well-known token prefixes (GitHub, Slack, AWS access keys, Kubernetes bootstrap tokens).
    (
        _any("gh", "xox"),
        re.compile(r"\b(gh[pousr]_[A-Za-z0-9]{20,}|xox[abpr]-[A-Za-z0-9-]{10,})"),
        REDACTED,
    ),
    (_any("akia", "asia"), re.compile(r"\b(AKIA|ASIA)[A-Z0-9]{16}\b"), REDACTED),
    (lambda text, lower: "." in text, re.compile(r"\b[a-z0-9]{6}\.[a-z0-9]{16}\b"), REDACTED),
    # key=value / key: value where the key names a credential (CLI flags, env, URLs).
    (
        lambda text, lower: ("=" in text or ":" in text) and any(k in lower for k in _KEYWORDS),
        re.compile(
            r"(?P<key>(?:--)?[A-Za-z_.-]*(?:pass(?:word|wd)?|secret|token|api[_-]?key|"
            r"access[_-]?key|credential)[A-Za-z_-]*)(?P<sep>\s*[=:]\s*)"
            r"(?P<quote>[\"']?)(?P<value>[^\s\"',;&]+)",
            re.I,
        ),
        r"\g<key>\g<sep>\g<quote>" + REDACTED,
    ),
    # Credentials inside URLs: scheme://user:password@host
    (
        lambda text, lower: "://" in text and "@" in text,
        re.compile(r"(\b[a-z][a-z0-9+.-]*://[^\s:/@]+:)[^\s@/]+@", re.I),
        r"\1" + REDACTED + "@",
    ),
)


# Substrings that every pattern above needs: a text holding none of them has nothing to
# hide. Plain substring tests (C speed) keep the common case cheap; keep this a superset of
# the triggers.
_NEEDLES = (
    "-----begin", "bearer", "basic", "splunk", "token", "eyj", "gh", "xox", "akia", "asia",
    "pass", "secret", "key", "credential", "://",
)  # fmt: skip
_BOOTSTRAP_TOKEN = re.compile(r"\.[a-z0-9]{16}")


def _maybe_secret(text: str, lower: str) -> bool:
    if any(needle in lower for needle in _NEEDLES):
        return True
    return "." in text and _BOOTSTRAP_TOKEN.search(text) is not None


def redact_text(text: str) -> str:
    """`text` with every credential-looking substring replaced."""
    if not text:
        return text
    lower = text.lower()
    if not _maybe_secret(text, lower):
        return text  # the common case: nothing to hide
    for trigger, pattern, replacement in _TEXT_PATTERNS:
        if trigger(text, lower):
            text = pattern.sub(replacement, text)
            lower = text.lower()
    return text


@functools.lru_cache(maxsize=4096)  # the same few keys come back in every event
def _is_secret_key(key: str) -> bool:
    return bool(_SECRET_KEY.search(key)) and not _HARMLESS_KEY.search(key)


def _is_kubernetes_secret(value: dict[str, Any]) -> bool:
    kind = value.get("kind")
    if isinstance(kind, dict):  # an Operation's resource reference: {"kind": "Secret"}
        kind = kind.get("kind")
    resource = value.get("resource")
    if isinstance(resource, dict):
        kind = kind or resource.get("kind")
        if str(resource.get("plural", "")).lower() == "secrets":
            kind = "Secret"
    return str(kind or "").lower() == "secret"


def redact_value(value: Any) -> Any:
    """A copy of a JSON-like value with credentials and Secret data removed."""
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, list):
        return [redact_value(item) for item in value]
    if isinstance(value, dict):
        secret = _is_kubernetes_secret(value)
        result: dict[str, Any] = {}
        for key, item in value.items():
            name = str(key)
            if secret and name in ("data", "stringData", "params") and isinstance(item, dict):
                # Keep which keys a Secret has (useful to an auditor), never their values.
                result[name] = dict.fromkeys(item, REDACTED)
            elif _is_secret_key(name) and item not in (None, "", [], {}):
                result[name] = REDACTED
            else:
                result[name] = redact_value(item)
        return result
    return value


def redact_event(event: AuditEvent) -> AuditEvent:
    """`event` made safe to store and forward: the same object when nothing needed hiding
    (the common case, and the ingest path runs this on every event), else a copy.

    Besides the patterns, the plan names its own secrets: values of parameters the
    catalogue declares secret are cut from the text, the kubectl lines and the operations.
    """
    plan = event.plan
    secrets = secrets_of(plan.operations) if plan is not None else []
    update: dict[str, Any] = {}
    for name in ("text", "error", "user_agent"):
        value = getattr(event, name)
        redacted = redact_text(conceal(value, secrets))
        if redacted != value:
            update[name] = redacted
    if plan is not None:
        operations = redact_value(conceal_operations(plan.operations))
        kubectl = [redact_text(conceal(k, secrets)) for k in plan.kubectl]
        if operations != plan.operations or kubectl != plan.kubectl:
            update["plan"] = plan.model_copy(update={"operations": operations, "kubectl": kubectl})
    execution = event.execution
    if execution is not None:
        detail = redact_text(conceal(execution.detail, secrets))
        if detail != execution.detail:
            update["execution"] = execution.model_copy(update={"detail": detail})
    return event.model_copy(update=update) if update else event
