"""open_store(): picking the backend from a path or URL; DuckDB-specific opening cases."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import duckdb
import pytest

from eventfuse.errors import StoreError
from eventfuse.store import Store, open_store
from eventfuse.store.duckdb import DuckDBStore
from eventfuse.store.sql import MIGRATIONS, redact_url
from tests.store.store_models import event


def test_path_and_duckdb_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(tmp_path / "a.duckdb") as s:
        assert isinstance(s, DuckDBStore) and isinstance(s, Store)
        s.save_events([event("e1")], "x")
    with open_store(f"duckdb:///{tmp_path}/a.duckdb") as s:  # four slashes: absolute
        assert s.count_events() == 1
    monkeypatch.chdir(tmp_path)
    with open_store() as s:
        assert s.url == "duckdb:///eventfuse.duckdb"
    assert (tmp_path / "eventfuse.duckdb").exists()
    with open_store("duckdb:///sub/rel.duckdb"):
        pass
    assert (tmp_path / "sub" / "rel.duckdb").exists()


def test_bad_urls() -> None:
    with pytest.raises(StoreError, match="unknown store URL"):
        open_store("mysql://x/y")
    with pytest.raises(StoreError, match="no file"):
        open_store("duckdb://")
    with pytest.raises(StoreError) as err:
        open_store("mysql://u:pw@h/db")
    assert "pw" not in str(err.value)


def test_in_memory_store() -> None:
    with open_store(":memory:") as s:
        assert s.url == "duckdb:///:memory:"
        s.save_events([event("e1")], "x")
        assert s.count_events() == 1


def test_empty_duckdb_file_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "empty.duckdb"
    duckdb.connect(str(path)).close()  # a valid database with no tables at all
    with DuckDBStore(path) as s:
        assert s.schema_version() == len(MIGRATIONS)
        assert s.count_articles() == 0


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "junk.duckdb"
    path.write_text("this is not a database")
    with pytest.raises(StoreError, match=r"junk\.duckdb"):
        DuckDBStore(path)


def test_closed_store_raises_store_error(tmp_path: Path) -> None:
    s = DuckDBStore(tmp_path / "c.duckdb")
    s.close()
    with pytest.raises(StoreError):
        s.count_events()


def test_postgres_url_errors_hide_the_password() -> None:
    # nothing listens on port 1: the connection is refused at once
    with pytest.raises(StoreError) as err:
        open_store("postgresql://eve:s3cret@127.0.0.1:1/nothing")
    assert "s3cret" not in str(err.value)
    assert "eve:***@127.0.0.1:1" in str(err.value)
    assert redact_url("postgres://u@h/db") == "postgres://u@h/db"


@pytest.mark.postgres
def test_open_store_postgres_url_with_search_path() -> None:
    url = os.environ.get("EVENTFUSE_TEST_POSTGRES", "")
    if not url:
        if os.environ.get("EVENTFUSE_REQUIRE_POSTGRES") == "1":
            pytest.fail("EVENTFUSE_TEST_POSTGRES is not set and EVENTFUSE_REQUIRE_POSTGRES=1")
        pytest.skip("EVENTFUSE_TEST_POSTGRES is not set")
    import psycopg
    from psycopg import sql

    from eventfuse.store.postgres import PostgresStore

    schema = f"t_{uuid.uuid4().hex[:12]}"
    ident = sql.Identifier(schema)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(ident))
    try:
        sep = "&" if "?" in url else "?"
        with open_store(f"{url}{sep}options=-csearch_path%3D{schema}") as s:
            assert isinstance(s, PostgresStore)
            s.save_events([event("e1")], "x")
        with psycopg.connect(url, autocommit=True) as conn:
            query = sql.SQL("SELECT count(*) FROM {}.events").format(ident)
            row = conn.execute(query).fetchone()
            assert row is not None and row[0] == 1
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(ident))
