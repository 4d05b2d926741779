"""Audit ingest under crashes: nothing lost, nothing doubled.

Starts NATS and the audit service (embedded chdb) on free ports, publishes 100,000 events
on JetStream while the audit service is SIGKILLed and restarted twice, waits until the
store has caught up, then stops the service and opens its chdb directory to count:

    sent        events the publisher got a JetStream ack for
    stored      distinct event ids the store returns (SELECT ... FINAL)
    duplicates  rows a reader would see twice (FINAL count minus distinct ids; must be 0)
    lost        sent ids missing from the store (must be 0)
    redelivered raw rows collapsed by ReplacingMergeTree (redeliveries after a crash)

and two rates: end to end over the whole run (kills included), and the consumer's own
rate draining a backlog of the same size with nobody publishing.

    uv run python bench/audit_ingest.py [--events 100000] [--kills 2] [--batch 2048]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import grpc

from kubechat import nats as kc_nats
from kubechat.events import AuditEvent, EventKind, PlanSummary
from kubechat.v1 import audit_pb2, audit_pb2_grpc, common_pb2
from kubechat_audit.clickhouse import ClientPool, client_factory
from kubechat_audit.config import AuditSettings
from kubechat_devstack.service_identity import channel_to
from kubechat_devstack.stack import Ports, Stack

TENANT_CRASH = "bench-crash"
TENANT_BACKLOG = "bench-backlog"


def make_events(count: int, tenant: str) -> list[AuditEvent]:
    plan = PlanSummary(
        operations=[{"verb": "scale", "resource": {"kind": "Deployment"}, "name": "web"}],
        kubectl=["kubectl scale deployment/web --replicas=3 -n shop"],
        risk="write",
    )
    now = datetime.now(UTC)
    return [
        AuditEvent(
            kind=EventKind.EXECUTE,
            time=now,
            tenant=tenant,
            user=f"user{i % 200}",
            roles=["operator"],
            source_ip="10.0.0.7",
            user_agent="bench/1.0",
            conversation_id=uuid.uuid4().hex,
            cluster_id="prod-eu",
            text=f"scale web to 3 replicas in shop #{i}",
            plan=plan,
            outcome="ok",
            duration_ms=12.5,
        )
        for i in range(count)
    ]


async def publish(stack: Stack, events: list[AuditEvent], progress: list[int]) -> float:
    # As a producer service (the executor), with that user's own reply inboxes.
    client = await kc_nats.connect(
        stack.nats_url_as("executor"), name="bench-publisher", timeout=10, tls=stack.nats_tls()
    )
    js = client.jetstream()
    started = time.perf_counter()
    window = 1000
    try:
        for start in range(0, len(events), window):
            batch = events[start : start + window]
            while True:
                try:
                    await asyncio.gather(
                        *(
                            js.publish(
                                e.subject(), e.to_bytes(), headers={"Nats-Msg-Id": e.event_id}
                            )
                            for e in batch
                        )
                    )
                    break
                except Exception:  # noqa: BLE001 - retry the window; Nats-Msg-Id dedups it
                    await asyncio.sleep(0.2)
            progress[0] += len(batch)
    finally:
        await client.drain()
    return time.perf_counter() - started


# Counts every tenant's events, as the gateway would for a platform admin.
AUDIT_READER = common_pb2.Principal(user="bench", tenant="bench", roles=["platform-admin"])


def stored_total(stack: Stack, tenant: str) -> int:
    with channel_to(stack, "audit", AUDIT_READER) as channel:
        stub = audit_pb2_grpc.AuditServiceStub(channel)
        try:
            reply = stub.Search(audit_pb2.SearchRequest(tenant=tenant, page_size=1), timeout=10)
        except grpc.RpcError:
            return -1  # the service is down (being killed or restarting)
        return int(reply.total)


def wait_stored(stack: Stack, tenant: str, expected: int, timeout: float) -> float:
    started = time.perf_counter()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if stored_total(stack, tenant) >= expected:
            break
        time.sleep(0.1)
    return time.perf_counter() - started


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (all its threads, chdb's included)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def killer(stack: Stack, progress: list[int], total: int, kills: int, log: list[str]) -> None:
    for n in range(1, kills + 1):
        threshold = total * n // (kills + 1)
        while progress[0] < threshold:
            time.sleep(0.01)
        stack.kill("audit")
        log.append(f"killed audit at {progress[0]} published")
        time.sleep(1.0)
        took = stack.start_service("audit", timeout=60)
        log.append(f"restarted audit in {took:.1f}s")


def count_store(data_dir: Path, database: str, tenant: str) -> tuple[set[str], int, int]:
    settings = AuditSettings(data_dir=data_dir, clickhouse_database=database)
    pool = ClientPool(client_factory(settings))
    client = pool.get()
    table = f"{database}.events"
    ids = {
        row[0]
        for row in client.query(
            f"SELECT event_id FROM {table} FINAL WHERE tenant = {{t:String}}",
            parameters={"t": tenant},
        ).result_rows
    }
    final_rows = int(
        client.query(
            f"SELECT count() FROM {table} FINAL WHERE tenant = {{t:String}}",
            parameters={"t": tenant},
        ).result_rows[0][0]
    )
    raw_rows = int(
        client.query(
            f"SELECT count() FROM {table} WHERE tenant = {{t:String}}", parameters={"t": tenant}
        ).result_rows[0][0]
    )
    pool.close()
    return ids, final_rows, raw_rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--kills", type=int, default=2)
    parser.add_argument("--batch", type=int, default=2048)
    args = parser.parse_args()

    base = Path(tempfile.mkdtemp(prefix="audit-bench-"))
    database = "kubechat_audit"
    stack = Stack(
        base_dir=base,
        ports=Ports.free(),
        extra_env={"KUBECHAT_BATCH_SIZE": str(args.batch), "KUBECHAT_LOG_LEVEL": "WARNING"},
    )
    log: list[str] = []
    try:
        stack.start_nats()
        stack.start_service("audit", timeout=60)

        # 1. Crashes while publishing.
        events = make_events(args.events, TENANT_CRASH)
        progress = [0]
        chaos = threading.Thread(
            target=killer, args=(stack, progress, len(events), args.kills, log), daemon=True
        )
        started = time.perf_counter()
        chaos.start()
        publish_seconds = asyncio.run(publish(stack, events, progress))
        chaos.join()
        wait_stored(stack, TENANT_CRASH, len(events), timeout=600)
        end_to_end = time.perf_counter() - started

        # 2. The consumer alone: a backlog published while the service is down, then drained.
        backlog = make_events(args.events, TENANT_BACKLOG)
        stack.kill("audit")
        asyncio.run(publish(stack, backlog, [0]))
        drain_started = time.perf_counter()
        stack.start_service("audit", timeout=60)
        audit_pid = int(stack.processes["audit"].pid or 0)
        cpu_at_start = cpu_seconds(audit_pid)
        wait_stored(stack, TENANT_BACKLOG, len(backlog), timeout=600)
        drain_seconds = time.perf_counter() - drain_started
        drain_cpu = cpu_seconds(audit_pid) - cpu_at_start

        stack.processes.pop("audit").stop()  # frees the chdb directory for counting
        ids, final_rows, raw_rows = count_store(base / "audit", database, TENANT_CRASH)
    finally:
        stack.stop()

    sent_ids = {e.event_id for e in events}
    print("\n".join(log))
    print(f"sent         {len(sent_ids)}")
    print(f"stored       {len(ids & sent_ids)}")
    print(f"duplicates   {final_rows - len(ids)}")
    print(f"lost         {len(sent_ids - ids)}")
    print(f"redelivered  {raw_rows - len(ids)} rows collapsed by ReplacingMergeTree")
    print(f"publish      {len(events) / publish_seconds:,.0f} events/s (publisher side)")
    print(
        f"end to end   {len(events) / end_to_end:,.0f} events/s "
        f"({end_to_end:.1f}s with {args.kills} kills and restarts)"
    )
    print(
        f"ingest rate  {len(backlog) / drain_seconds:,.0f} events/s "
        f"(backlog of {len(backlog)} drained in {drain_seconds:.1f}s, incl. service start)"
    )
    print(
        f"ingest cost  {drain_cpu / len(backlog) * 1e6:,.0f} us CPU per event in the audit "
        f"process = {len(backlog) / drain_cpu:,.0f} events per CPU-second "
        f"(the rate an uncontended core would sustain; load average now {os.getloadavg()[0]:.1f})"
    )


if __name__ == "__main__":
    main()
