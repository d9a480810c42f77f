"""The default backend: one DuckDB file (``./eventfuse.duckdb``), no server needed."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import duckdb
import numpy as np

from eventfuse.errors import StoreError
from eventfuse.store.sql import MIGRATIONS, Dialect, Migration, Params, Row, SQLStore

DUCKDB = Dialect(name="duckdb", placeholder="?", json_type="TEXT", late_fetch=True)
# Above this many rows, insert through a registered column table rather than bound VALUES:
# binding thousands of parameters costs DuckDB seconds, a column scan milliseconds.
BULK_ROWS = 64
_BULK_VIEW = "eventfuse_bulk_rows"


class DuckDBStore(SQLStore):
    """A store in a DuckDB file (or ``:memory:``). Only one process may open a file at a time."""

    dialect = DUCKDB

    def __init__(
        self, path: str | Path = "eventfuse.duckdb", *, migrations: Sequence[Migration] = MIGRATIONS
    ) -> None:
        super().__init__()
        self.path = str(path)
        self.url = f"duckdb:///{self.path}" if self.path != ":memory:" else "duckdb:///:memory:"
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self._conn = duckdb.connect(self.path)
        except (duckdb.Error, OSError) as exc:
            raise StoreError(f"{self.path}: cannot open DuckDB store: {exc}") from exc
        try:
            self._migrate(migrations)
        except BaseException:
            self._conn.close()
            raise

    def _execute(self, query: str, params: Params = ()) -> None:
        self._conn.execute(query, list(params))

    def _query(self, query: str, params: Params = ()) -> list[Row]:
        return self._conn.execute(query, list(params)).fetchall()

    def _insert_many(self, table: str, cols: str, rows: Sequence[Row]) -> None:
        """Large batches go in as numpy object columns (values, never SQL text)."""
        if len(rows) <= BULK_ROWS:
            super()._insert_many(table, cols, rows)
            return
        names = [c.strip() for c in cols.split(",")]
        columns = {n: np.array([r[i] for r in rows], dtype=object) for i, n in enumerate(names)}
        self._conn.register(_BULK_VIEW, columns)
        try:
            self._conn.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {_BULK_VIEW}")
        finally:
            self._conn.unregister(_BULK_VIEW)

    def _transaction(self) -> AbstractContextManager[None]:
        return self._tx()

    @contextmanager
    def _tx(self) -> Iterator[None]:
        self._conn.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def _close(self) -> None:
        self._conn.close()

    def _db_errors(self) -> tuple[type[BaseException], ...]:
        return (duckdb.Error,)
