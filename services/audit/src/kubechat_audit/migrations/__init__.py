"""Versioned schema migrations: `NNN_name.sql`, applied in order, recorded in a table.

Every statement is idempotent (`IF NOT EXISTS`), so replicas that start together and race
through the same migration converge on the same schema.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib import resources

from clickhouse_connect.driver.client import Client

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str

    def statements(self, database: str) -> list[str]:
        text = "\n".join(
            line for line in self.sql.splitlines() if not line.lstrip().startswith("--")
        )
        return [s.strip() for s in text.replace("{database}", database).split(";") if s.strip()]


def available() -> list[Migration]:
    found = []
    for entry in resources.files(__name__).iterdir():
        if entry.name.endswith(".sql"):
            number, _, rest = entry.name.partition("_")
            found.append(Migration(int(number), rest.removesuffix(".sql"), entry.read_text()))
    return sorted(found, key=lambda m: m.version)


def migrate(client: Client, database: str) -> list[int]:
    """Bring `database` up to the newest schema; return the versions applied now."""
    client.command(f"CREATE DATABASE IF NOT EXISTS {database}")
    client.command(
        f"CREATE TABLE IF NOT EXISTS {database}.schema_migrations "
        "(version UInt32, name String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3)) "
        "ENGINE = ReplacingMergeTree ORDER BY version"
    )
    done = {
        int(row[0])
        for row in client.query(f"SELECT version FROM {database}.schema_migrations").result_rows
    }
    applied = []
    for migration in available():
        if migration.version in done:
            continue
        for statement in migration.statements(database):
            client.command(statement)
        client.insert(
            f"{database}.schema_migrations",
            [(migration.version, migration.name)],
            column_names=["version", "name"],
        )
        log.info("applied migration", extra={"version": migration.version})
        applied.append(migration.version)
    return applied
