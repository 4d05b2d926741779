"""Per-tenant model choice, re-read when the models file changes: no restart needed."""

from __future__ import annotations

import hashlib
import logging
import threading
from pathlib import Path

from pydantic import ValidationError

from kubechat_nlp.llm.config import ModelConfig, ModelsFile, TenantModels

log = logging.getLogger(__name__)


def ab_bucket(conversation_id: str) -> int:
    """0..99, stable for a conversation: the same conversation always talks to one model."""
    digest = hashlib.sha256(conversation_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % 100


class ModelRegistry:
    """Answers "which model for this tenant and conversation?".

    With a path, the file's mtime is checked on each lookup (a `stat`, microseconds) and the
    file re-read when it changed; a broken edit keeps the last good configuration.
    """

    def __init__(self, models: ModelsFile | None = None, path: Path | None = None) -> None:
        self._models = models or ModelsFile()
        self._path = path
        self._mtime_ns: int | None = None
        self._lock = threading.Lock()
        if path is not None:
            self._reload_if_changed()

    @property
    def current(self) -> ModelsFile:
        self._reload_if_changed()
        return self._models

    def replace(self, models: ModelsFile) -> None:
        """Switch the configuration in place (an admin call; tests)."""
        with self._lock:
            self._models = models

    def choose(self, tenant: str = "", conversation_id: str = "") -> ModelConfig | None:
        models = self.current
        choice: TenantModels | None = models.tenants.get(tenant, models.default)
        if choice is None:
            return None
        name = choice.model
        if choice.b_model and conversation_id and ab_bucket(conversation_id) < choice.b_percent:
            name = choice.b_model
        return models.by_name().get(name)

    def _reload_if_changed(self) -> None:
        if self._path is None:
            return
        try:
            mtime = self._path.stat().st_mtime_ns
        except OSError:
            return
        if mtime == self._mtime_ns:
            return
        with self._lock:
            if mtime == self._mtime_ns:
                return
            try:
                loaded = ModelsFile.model_validate_json(self._path.read_bytes())
            except (OSError, ValidationError, ValueError) as exc:
                log.error("models file %s is invalid, keeping the last one: %s", self._path, exc)
                self._mtime_ns = mtime
                return
            self._models, self._mtime_ns = loaded, mtime
            log.info("models file %s loaded: %d models", self._path, len(loaded.models))
