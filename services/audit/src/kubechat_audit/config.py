from __future__ import annotations

from pathlib import Path

from pydantic import Field

from kubechat.config import ServiceSettings


class AuditSettings(ServiceSettings):
    grpc_port: int = 7103
    consumer_name: str = "audit-writer"
    batch_size: int = 2048
    fetch_timeout: float = 0.5
    ingest_workers: int = Field(default=2, ge=1, le=16)  # concurrent fetch/insert loops

    # -- store ------------------------------------------------------------------------
    # Empty URL: the embedded chdb engine on `data_dir` (one process per directory).
    # Set it (http(s)://host:8123) to use a ClickHouse server through the same client code.
    clickhouse_url: str = ""
    clickhouse_user: str = "default"
    clickhouse_password: str = ""
    clickhouse_database: str = "kubechat_audit"
    clickhouse_verify_tls: bool = True
    clickhouse_ca_cert: str = ""  # a CA bundle path, for a server with a private CA
    data_dir: Path = Path(".devstack/audit")

    # -- retention ----------------------------------------------------------------------
    retention_days: int = Field(default=365, ge=1, le=36500)
    # Per-tenant overrides as JSON: KUBECHAT_TENANT_RETENTION_DAYS='{"acme": 2555}'.
    tenant_retention_days: dict[str, int] = Field(default_factory=dict)

    # -- live tail ----------------------------------------------------------------------
    tail_queue: int = 1000  # events buffered per tail client before it is cut off

    # -- forwarding (each enabled sink gets its own durable consumer) -------------------
    splunk_hec_url: str = ""  # https://splunk:8088
    splunk_hec_token: str = ""
    splunk_index: str = ""
    elastic_url: str = ""  # https://es:9200 (Elasticsearch or OpenSearch)
    elastic_index: str = "kubechat-audit"
    elastic_api_key: str = ""
    elastic_username: str = ""
    elastic_password: str = ""
    syslog_address: str = ""  # host:port
    syslog_tls: bool = False
    syslog_ca_cert: str = ""
    syslog_app_name: str = "kubechat-audit"
    forward_verify_tls: bool = True
    forward_batch: int = 500
    forward_timeout: float = 10.0

    secret_fields: tuple[str, ...] = ()

    def retention_for(self, tenant: str) -> int:
        return self.tenant_retention_days.get(tenant, self.retention_days)
