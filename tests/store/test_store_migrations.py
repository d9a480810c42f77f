"""Schema versions: fresh and empty databases upgrade, reopening is a no-op, newer fails."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventfuse.errors import StoreError
from eventfuse.store.sql import MIGRATIONS, Dialect, SQLStore
from tests.store.store_models import article, event

OpenStore = Callable[..., SQLStore]


def test_new_store_is_at_latest_version(store: SQLStore) -> None:
    assert store.schema_version() == len(MIGRATIONS)


def test_reopen_is_a_no_op_and_keeps_data(open_store_fn: OpenStore) -> None:
    with open_store_fn() as s:
        s.add_article(article("a1"), [])
        s.save_events([event("e1")], "one")
    with open_store_fn() as s:
        assert s.schema_version() == len(MIGRATIONS)
        assert s.get_article("a1") == article("a1")
        assert s.get_event("e1") == event("e1")
        assert len(s.history("e1")) == 1
        assert s._rows("SELECT count(*) FROM schema_version")[0][0] == 1


def test_version_zero_upgrades(open_store_fn: OpenStore) -> None:
    """A store with a schema_version table and no tables yet (v0) is migrated."""
    with open_store_fn(migrations=()) as s:
        assert s.schema_version() == 0
        assert s._rows("SELECT count(*) FROM schema_version")[0][0] == 0
    with open_store_fn() as s:
        assert s.schema_version() == len(MIGRATIONS)
        s.save_events([event("e1")], "works")
        assert s.count_events() == 1


def _v2_add_table(d: Dialect) -> list[str]:
    return [f"CREATE TABLE extra (id TEXT PRIMARY KEY, body {d.json_type})"]


def test_older_store_gets_missing_migrations(open_store_fn: OpenStore) -> None:
    with open_store_fn() as s:
        s.add_article(article("a1"), [])
    with open_store_fn(migrations=(*MIGRATIONS, _v2_add_table)) as s:
        assert s.schema_version() == len(MIGRATIONS) + 1
        s._run("INSERT INTO extra (id, body) VALUES (?, ?)", ["x", "{}"])
        assert s.has_article("a1")


def test_failed_migration_rolls_back(open_store_fn: OpenStore) -> None:
    def broken(d: Dialect) -> list[str]:
        return ["CREATE TABLE half (id TEXT)", "THIS IS NOT SQL"]

    with pytest.raises(StoreError, match="migrate"):
        open_store_fn(migrations=(*MIGRATIONS, broken))
    with open_store_fn() as s:
        assert s.schema_version() == len(MIGRATIONS)
        s._run("CREATE TABLE half (id TEXT)")  # did not survive the failed migration


def test_future_version_raises(open_store_fn: OpenStore) -> None:
    with open_store_fn() as s:
        s._run("UPDATE schema_version SET version = ?", [len(MIGRATIONS) + 5])
    with pytest.raises(StoreError, match="newer"):
        open_store_fn()
