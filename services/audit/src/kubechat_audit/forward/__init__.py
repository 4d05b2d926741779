"""Forwarding to the systems security teams already run: Splunk HEC, Elasticsearch /
OpenSearch `_bulk`, syslog (RFC 5424 over TCP or TLS).

Each forwarder reads the audit stream through a durable JetStream consumer of its own and
acks a batch only after the sink accepted it. The buffer is the stream itself: bounded by
the stream's limits, on disk, shared by every replica. An outage of a sink delays its
consumer (naks with backoff, no delivery limit); it loses nothing and slows nothing else.
"""

from kubechat_audit.forward.base import Forwarder, SinkRejected
from kubechat_audit.forward.elastic import ElasticForwarder
from kubechat_audit.forward.setup import forwarders_from_settings, run_forwarder
from kubechat_audit.forward.splunk import SplunkForwarder
from kubechat_audit.forward.syslog import SyslogForwarder

__all__ = [
    "ElasticForwarder",
    "Forwarder",
    "SinkRejected",
    "SplunkForwarder",
    "SyslogForwarder",
    "forwarders_from_settings",
    "run_forwarder",
]
