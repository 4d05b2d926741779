"""Per-tenant retention. Each row carries `retention_days`, set at insert from the tenant's
setting, and the table's TTL drops a row `retention_days` after its time. When a setting
changes, existing rows are brought in line at startup by one mutation per tenant whose
rows disagree, so shortening a retention also applies to what is already stored."""

from __future__ import annotations

import logging

from kubechat_audit.config import AuditSettings
from kubechat_audit.store import ClickHouseStore

log = logging.getLogger(__name__)


def reconcile_retention(store: ClickHouseStore, settings: AuditSettings) -> int:
    """Apply the configured retentions to stored rows; return how many tenants changed."""
    changed = 0
    for tenant, days in store.retention_by_tenant().items():
        wanted = settings.retention_for(tenant)
        if days != {wanted}:
            store.set_retention(tenant, wanted)
            log.info("applied retention", extra={"tenant": tenant, "days": wanted})
            changed += 1
    return changed
