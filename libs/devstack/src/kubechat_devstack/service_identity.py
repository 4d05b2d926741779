"""Service identity for a local stack: the keys and certificates each service proves itself
with, written under the stack's directory and handed to each process by environment."""

from __future__ import annotations

from pathlib import Path


def service_identity_env(base_dir: Path, service: str) -> dict[str, str]:
    """Environment that gives `service` its own credentials (none yet)."""
    del base_dir, service
    return {}
