"""Store fixtures: every test runs on DuckDB, and on PostgreSQL when EVENTFUSE_TEST_POSTGRES
names a server (skipped otherwise, failed when EVENTFUSE_REQUIRE_POSTGRES=1, as CI sets).
Each PostgreSQL test gets a fresh schema of its own, dropped afterwards."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from eventfuse.store.sql import SQLStore

OpenStore = Callable[..., SQLStore]


def _postgres_url() -> str:
    url = os.environ.get("EVENTFUSE_TEST_POSTGRES", "")
    if not url:
        reason = "EVENTFUSE_TEST_POSTGRES is not set (scripts/start_postgres.sh prints one)"
        if os.environ.get("EVENTFUSE_REQUIRE_POSTGRES") == "1":
            pytest.fail(reason + " and EVENTFUSE_REQUIRE_POSTGRES=1")
        pytest.skip(reason)
    return url


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def open_store_fn(backend: str, tmp_path: Path) -> Iterator[OpenStore]:
    """A function that opens (and reopens) the same empty store for this test."""
    if backend == "duckdb":
        from eventfuse.store.duckdb import DuckDBStore

        path = tmp_path / "test.duckdb"
        yield lambda **kw: DuckDBStore(path, **kw)
        return
    url = _postgres_url()
    import psycopg
    from psycopg import sql

    from eventfuse.store.postgres import PostgresStore

    schema = f"t_{uuid.uuid4().hex[:12]}"
    yield lambda **kw: PostgresStore(url, schema=schema, **kw)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))


@pytest.fixture
def store(open_store_fn: OpenStore) -> Iterator[SQLStore]:
    s = open_store_fn()
    yield s
    s.close()
