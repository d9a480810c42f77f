"""The PostgreSQL backend (psycopg 3), for a shared server: ``postgresql://user@host/db``.

A ``?options=-csearch_path%3Dname`` URL parameter or the ``schema`` argument keeps the tables
in a schema of their own (the tests give every test a fresh one).
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager

import psycopg
from psycopg import sql

from eventfuse.errors import StoreError
from eventfuse.store.sql import MIGRATIONS, Dialect, Migration, Params, Row, SQLStore, redact_url

POSTGRES = Dialect(name="postgres", placeholder="%s", json_type="JSONB")
# Above this many rows, insert with COPY (rows streamed as data) rather than bound VALUES.
BULK_ROWS = 64


class PostgresStore(SQLStore):
    """A store in a PostgreSQL database; one connection, in autocommit between transactions."""

    dialect = POSTGRES

    def __init__(
        self,
        url: str,
        *,
        schema: str | None = None,
        migrations: Sequence[Migration] = MIGRATIONS,
    ) -> None:
        super().__init__()
        self.url = redact_url(url)
        try:
            self._conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(
                f"{self.url}: cannot connect to PostgreSQL: {_first_line(exc)}"
            ) from exc
        try:
            if schema:
                self._use_schema(schema)
            self._migrate(migrations)
        except BaseException:
            self._conn.close()
            raise

    def _use_schema(self, schema: str) -> None:
        ident = sql.Identifier(schema)
        with self._guard(f"use schema {schema}"):
            self._conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(ident))
            self._conn.execute(sql.SQL("SET search_path TO {}").format(ident))

    def _execute(self, query: str, params: Params = ()) -> None:
        self._conn.execute(query, list(params) or None)

    def _query(self, query: str, params: Params = ()) -> list[Row]:
        return self._conn.execute(query, list(params) or None).fetchall()

    def _insert_many(self, table: str, cols: str, rows: Sequence[Row]) -> None:
        """Large batches go in with COPY; ``table`` and ``cols`` are constants of sql.py."""
        if len(rows) <= BULK_ROWS:
            super()._insert_many(table, cols, rows)
            return
        statement = sql.SQL(f"COPY {table} ({cols}) FROM STDIN")  # type: ignore[arg-type]
        with self._conn.cursor() as cur, cur.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)

    def _transaction(self) -> AbstractContextManager[None]:
        # psycopg's block commits on success and rolls back (and re-raises) on error.
        return self._conn.transaction()  # type: ignore[return-value]

    def _close(self) -> None:
        self._conn.close()

    def _db_errors(self) -> tuple[type[BaseException], ...]:
        return (psycopg.Error,)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
