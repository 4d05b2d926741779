"""The ClickHouse store: idempotent on event id, filters, paging, reports, retention by
TTL, redaction at insert. Runs on chdb, and on a server when one is configured."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kubechat.events import AuditEvent, EventKind, PlanSummary
from kubechat_audit.clickhouse import ClientPool
from kubechat_audit.config import AuditSettings
from kubechat_audit.migrations import available
from kubechat_audit.retention import reconcile_retention
from kubechat_audit.store import CSV_COLUMNS, ClickHouseStore, Query


def ask(**fields: object) -> AuditEvent:
    return AuditEvent.model_validate({"kind": "ask", **fields})


def test_redelivered_event_is_stored_once(store: ClickHouseStore) -> None:
    event = ask(user="alice", text="list pods")
    store.insert([event])
    store.insert([event])
    events, total = store.search(Query())
    assert total == 1 and events == [event]


def test_a_republished_id_never_replaces_the_stored_event(store: ClickHouseStore) -> None:
    genuine = ask(user="carol", text="list pods in prod", tenant="acme")
    assert store.insert([genuine]) == 1
    # Same id, other content, even another tenant and time: what an attacker would send.
    forged = genuine.model_copy(
        update={"user": "mallory", "text": "nothing happened", "tenant": "globex"}
    )
    forged.time = genuine.time + timedelta(seconds=1)
    assert store.insert([forged]) == 0
    store.expire()  # a merge must not bring the forged copy back either
    events, total = store.search(Query())
    assert total == 1 and events == [genuine]
    assert store.counts() == (1, 1)


def test_within_a_batch_the_first_copy_of_an_id_wins(store: ClickHouseStore) -> None:
    first = ask(user="alice", text="first")
    second = first.model_copy(update={"text": "second"})
    assert store.insert([first, second]) == 1
    assert store.search(Query())[0] == [first]


def test_migrations_are_recorded_and_run_once(store: ClickHouseStore) -> None:
    assert store.migrate() == []  # the fixture already applied them
    assert [m.version for m in available()] == sorted({m.version for m in available()})


def test_filters_combine_and_newest_comes_first(store: ClickHouseStore) -> None:
    now = datetime.now(UTC)
    old = ask(user="alice", text="List pods", time=now - timedelta(days=1))
    new = ask(
        user="alice",
        text="scale search",
        time=now,
        plan=PlanSummary(operations=[{"verb": "scale"}], risk="write"),
    )
    other = AuditEvent(kind=EventKind.DENIED, user="bob", text="delete ns prod", time=now)
    store.insert([old, new, other])
    assert store.search(Query(user="alice"))[0] == [new, old]
    assert store.search(Query(text="list"))[0] == [old]
    assert store.search(Query(kind="denied"))[0] == [other]
    assert store.search(Query(verb="scale", risk="write"))[0] == [new]
    assert store.search(Query(since=now - timedelta(hours=1), user="alice"))[0] == [new]
    assert store.search(Query(limit=1, offset=1, user="alice")) == ([old], 2)


def test_parameters_are_data_not_sql(store: ClickHouseStore) -> None:
    store.insert([ask(user="alice", text="it's fine")])
    assert store.search(Query(user="' OR 1=1 --"))[1] == 0
    assert store.search(Query(text="it's"))[1] == 1


def test_secrets_are_redacted_at_insert(store: ClickHouseStore) -> None:
    event = ask(user="alice", text="login with password=hunter2")
    store.insert([event])
    stored = store.search(Query())[0][0]
    assert "hunter2" not in stored.model_dump_json()


def test_report_counts_events_writes_and_denials_per_day(store: ClickHouseStore) -> None:
    day = datetime(2026, 11, 20, 12, tzinfo=UTC)
    write = PlanSummary(operations=[{"verb": "delete"}], risk="destructive")
    store.insert(
        [
            ask(tenant="acme", user="alice", time=day, plan=write),
            ask(tenant="acme", user="alice", time=day),
            AuditEvent(kind=EventKind.DENIED, tenant="acme", user="bob", time=day),
            ask(tenant="globex", user="alice", time=day + timedelta(days=1), outcome="denied"),
        ]
    )
    rows = store.report(None, None, "user", "")
    assert [(r.key, r.day, r.events, r.writes, r.denials) for r in rows] == [
        ("acme/alice", "2026-11-20", 2, 1, 0),
        ("acme/bob", "2026-11-20", 1, 0, 1),
        ("globex/alice", "2026-11-21", 1, 0, 1),
    ]
    by_tenant = store.report(None, None, "tenant", "acme")
    assert [(r.key, r.events) for r in by_tenant] == [("acme", 3)]


def test_export_rows_stream_in_time_order(store: ClickHouseStore) -> None:
    base = datetime(2026, 11, 1, tzinfo=UTC)
    events = [ask(user=f"u{i}", time=base + timedelta(seconds=i)) for i in range(2000)]
    store.insert(reversed(events))
    rows = list(store.export_rows(Query(), ("event_id",)))
    assert [r[0] for r in rows] == [e.event_id for e in events]
    assert len(next(iter(store.export_rows(Query(), CSV_COLUMNS)))) == len(CSV_COLUMNS)


def test_ttl_retention_removes_old_events_per_tenant(make_store: object) -> None:
    now = datetime.now(UTC)
    store: ClickHouseStore = make_store(retention_days=365)  # type: ignore[operator]
    old_short = ask(tenant="short", time=now - timedelta(days=10))
    new_short = ask(tenant="short", time=now - timedelta(days=1))
    old_long = ask(tenant="long", time=now - timedelta(days=10))
    store.insert([old_short, new_short, old_long])
    store.expire()
    assert store.search(Query())[1] == 3  # a year's retention keeps them all

    # The operator shortens one tenant's retention to a week; the next start applies it.
    shorter = AuditSettings(retention_days=365, tenant_retention_days={"short": 7})
    assert reconcile_retention(store, shorter) == 1
    store.expire()  # force the merge that applies the TTL
    remaining = {e.event_id for e in store.search(Query())[0]}
    assert remaining == {new_short.event_id, old_long.event_id}
    assert reconcile_retention(store, shorter) == 0  # nothing left to change


def test_events_inserted_after_retention_change_get_the_tenant_retention(
    make_store: object,
) -> None:
    now = datetime.now(UTC)
    store: ClickHouseStore = make_store(  # type: ignore[operator]
        retention_days=30, tenant_retention_days={"brief": 2}
    )
    store.insert([ask(tenant="brief", time=now - timedelta(days=5)), ask(tenant="keep")])
    store.insert([ask(tenant="keep", time=now - timedelta(days=5))])
    store.expire()
    assert {e.tenant for e in store.search(Query())[0]} == {"keep"}
    assert store.retention_by_tenant() == {"keep": {30}}


def test_a_pool_gives_each_thread_its_own_client(store: ClickHouseStore) -> None:
    import threading

    pool: ClientPool = store._pool  # noqa: SLF001 - the property under test
    seen = []
    thread = threading.Thread(target=lambda: seen.append(pool.get()))
    thread.start()
    thread.join()
    assert seen[0] is not pool.get()


def test_export_pages_neither_skip_nor_repeat_across_tenants_and_equal_times(
    store: ClickHouseStore,
) -> None:
    same_time = datetime(2026, 11, 2, tzinfo=UTC)
    events = [
        ask(tenant=tenant, user=f"u{i}", time=same_time + timedelta(seconds=i // 10))
        for tenant in ("acme", "globex")
        for i in range(53)
    ]
    store.insert(events)
    store.insert(events[:20])  # redeliveries must not show up twice either
    rows = list(store.export_rows(Query(), ("event_id", "tenant"), page=7))
    assert sorted(r[0] for r in rows) == sorted(e.event_id for e in events)
    assert [r[1] for r in rows] == ["acme"] * 53 + ["globex"] * 53
    only_globex = list(store.export_rows(Query(tenant="globex"), ("event_id",), page=5))
    assert len(only_globex) == 53
