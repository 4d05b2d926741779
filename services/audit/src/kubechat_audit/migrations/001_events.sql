-- The audit trail: one row per event, keyed on the event id.
-- ReplacingMergeTree collapses a redelivered event into one row at merge time; readers use
-- FINAL so duplicates that are not merged yet never show. tenant and time are part of the
-- sort key for pruning; both are fixed for an event id, so replacement still works on the id.
-- retention_days is set at insert from the tenant's settings; the TTL removes the row when
-- a merge sees it expired.
CREATE TABLE IF NOT EXISTS {database}.events
(
    event_id String,
    time DateTime64(3, 'UTC'),
    schema_version UInt8,
    kind LowCardinality(String),
    tenant LowCardinality(String),
    user String,
    roles Array(LowCardinality(String)),
    source_ip String,
    user_agent String,
    conversation_id String,
    cluster_id LowCardinality(String),
    text String,
    verbs Array(LowCardinality(String)),
    kubectl Array(String),
    risk LowCardinality(String),
    outcome LowCardinality(String),
    confirmation_token_id String,
    approver String,
    execution_ok Nullable(Bool),
    verification LowCardinality(String),
    duration_ms Float64,
    error String,
    payload String CODEC(ZSTD(3)),
    retention_days UInt16,
    inserted_at DateTime64(3, 'UTC') DEFAULT now64(3),
    INDEX text_idx lower(text) TYPE tokenbf_v1(8192, 3, 0) GRANULARITY 4,
    INDEX user_idx user TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree(inserted_at)
PARTITION BY toYYYYMM(time)
ORDER BY (tenant, time, event_id)
TTL toDateTime(time) + toIntervalDay(retention_days)
SETTINGS index_granularity = 8192
