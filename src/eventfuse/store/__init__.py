"""Store: where articles, mentions and events live. ``open_store(url)`` picks the backend.

open_store()                                  -> ./eventfuse.duckdb
open_store("data/x.duckdb") / "duckdb:///data/x.duckdb"  -> DuckDBStore
open_store("postgresql://user@host/db")       -> PostgresStore (needs psycopg)
"""

from __future__ import annotations

from pathlib import Path

from eventfuse.errors import StoreError
from eventfuse.store.base import EventFilter, Revision, SaveSummary, Store
from eventfuse.store.sql import redact_url

__all__ = ["DEFAULT_PATH", "EventFilter", "Revision", "SaveSummary", "Store", "open_store"]

DEFAULT_PATH = "eventfuse.duckdb"


def open_store(url: str | Path = DEFAULT_PATH) -> Store:
    """Open (creating and migrating as needed) the store named by a path or URL."""
    text = str(url)
    if text.startswith(("postgresql://", "postgres://")):
        try:
            from eventfuse.store.postgres import PostgresStore
        except ImportError as exc:  # psycopg is an optional dependency
            raise StoreError(
                f"{redact_url(text)}: PostgreSQL needs psycopg: pip install 'eventfuse[postgres]'"
            ) from exc
        return PostgresStore(text)
    from eventfuse.store.duckdb import DuckDBStore

    if text.startswith("duckdb://"):
        text = text.removeprefix("duckdb://")
        # duckdb:///rel/path and duckdb:////abs/path, as SQLAlchemy spells them
        text = text[1:] if text.startswith("/") else text
        if not text:
            raise StoreError(f"{url}: no file in DuckDB URL")
    elif "://" in text:
        raise StoreError(
            f"{redact_url(text)}: unknown store URL (use a path, duckdb:/// or postgresql://)"
        )
    return DuckDBStore(Path(text).expanduser() if text != ":memory:" else text)
