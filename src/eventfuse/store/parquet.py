"""Parquet export through DuckDB (kept in the store stage: duckdb is this stage's library)."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb


def write_parquet(rows: Iterable[dict[str, Any]], out: Path) -> int:
    """Write rows (JSON-able dicts) to a Parquet file; returns the number of rows written."""
    n = 0
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
        tmp = Path(fh.name)
    try:
        con = duckdb.connect()
        if n:
            con.execute(
                "COPY (SELECT * FROM read_json_auto(?, format='newline_delimited')) "
                "TO '" + _quote_path(out) + "' (FORMAT parquet)",
                [str(tmp)],
            )
        else:
            con.execute(
                "COPY (SELECT NULL::VARCHAR AS id WHERE false) TO '"
                + _quote_path(out)
                + "' (FORMAT parquet)"
            )
        con.close()
    finally:
        tmp.unlink(missing_ok=True)
    return n


def _quote_path(path: Path) -> str:
    # COPY ... TO takes no bound parameter for its target: escape the quote character.
    return str(path).replace("'", "''")
