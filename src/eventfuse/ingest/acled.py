"""ACLED CSV exports: one Article per row, ``notes`` as the text, the coding kept as gold.

The extractor must never see the coding, so the publication date comes from ``timestamp``
(when ACLED uploaded the row), not from ``event_date``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import BinaryIO

from eventfuse.errors import InputError
from eventfuse.ingest.dedup import fingerprint
from eventfuse.ingest.text import clean_text, normalise_for_id
from eventfuse.model import Article, content_id

__all__ = ["ACLED_REQUIRED", "is_acled_header", "parse_acled_date", "read_acled_csv"]

# Columns every ACLED layout (pre-2023, 2023+, country extras) has.
ACLED_REQUIRED = frozenset({"notes", "event_date", "event_type"})

_DATE_FORMATS = (
    "%Y-%m-%d",  # ISO, API exports
    "%d-%b-%y",  # 09-May-20, 9-May-20
    "%d-%b-%Y",  # 09-May-2020
    "%d %B %Y",  # 09 May 2020, 21 March 2020
    "%d %b %Y",  # 09 May 2020 with a short month name
    "%d-%m-%y",  # 31-12-19 (the Kenya export)
    "%d/%m/%Y",  # 31/12/2019
)


def parse_acled_date(s: str) -> date:
    """An ACLED ``event_date`` in any of the layouts exports use; ValueError otherwise."""
    value = " ".join(s.split())
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"not an ACLED date: {s[:40]!r}")


def is_acled_header(header: list[str]) -> bool:
    """Whether a CSV header row has ACLED's columns (any case, BOM or spaces tolerated)."""
    return {_column(h) for h in header} >= ACLED_REQUIRED


def read_acled_csv(path: str | Path) -> Iterator[Article | InputError]:
    """One Article per row; an InputError naming ``file:row N`` (data rows count from 1) for
    a row that cannot be used, or naming the file when it cannot be read at all.

    The file is streamed, so it may be large. A row with invalid UTF-8 is reported and
    skipped; the rows around it are still read.
    """
    src = str(path)
    try:
        with Path(path).open("rb") as raw:
            lines = _Lines(raw)
            yield from _read_rows(src, csv.reader(lines), lines)
    except OSError as exc:
        yield InputError(src, f"cannot read file ({exc.strerror or exc})")


class _Lines:
    """Decoded lines of a binary file; remembers where a line was not valid UTF-8."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._offset = 0
        self.bad_at: int | None = None  # byte offset of the first bad byte since last reset

    def __iter__(self) -> Iterator[str]:
        for line in self._raw:
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError as exc:
                if self.bad_at is None:
                    self.bad_at = self._offset + exc.start
                text = line.decode("utf-8", errors="replace")
            first = self._offset == 0
            self._offset += len(line)
            yield text.removeprefix("\ufeff") if first else text  # a BOM starts line 1 only


def _read_rows(
    src: str, reader: Iterator[list[str]], lines: _Lines
) -> Iterator[Article | InputError]:
    n = 0
    try:
        header = [_column(h) for h in next(reader, [])]
        if not is_acled_header(header):
            missing = ", ".join(sorted(ACLED_REQUIRED - set(header)))
            yield InputError(src, f"not an ACLED CSV (missing columns: {missing})")
            return
        for n, row in enumerate(reader, start=1):
            if lines.bad_at is not None:
                yield InputError(f"{src}:row {n}", f"invalid UTF-8 at byte {lines.bad_at}")
                lines.bad_at = None
            elif any(cell.strip() for cell in row):
                yield _row_article(src, n, header, row)
    except csv.Error as exc:
        yield InputError(f"{src}:row {n + 1}", f"malformed CSV ({exc})")


def _row_article(src: str, n: int, header: list[str], row: list[str]) -> Article | InputError:
    where = f"{src}:row {n}"
    if len(row) != len(header):
        return InputError(where, f"expected {len(header)} fields, found {len(row)}")
    gold = dict(zip(header, row, strict=True))
    notes = clean_text(gold["notes"])
    if not notes:
        return InputError(where, "empty notes")
    return Article(
        id=content_id(normalise_for_id(notes), gold.get("event_id_cnty", ""), prefix="a_"),
        text=notes,
        outlet=gold.get("source") or None,
        published=_upload_date(gold.get("timestamp", "")),
        source_path=src,
        gold=gold,
        fingerprint=fingerprint(notes),
    )


def _upload_date(timestamp: str) -> date | None:
    """ACLED's ``timestamp`` (Unix seconds, UTC) as a date; None when absent or garbled."""
    try:
        return datetime.fromtimestamp(int(timestamp.strip()), tz=UTC).date()
    except (ValueError, OverflowError, OSError):
        return None


def _column(name: str) -> str:
    return name.strip().lstrip("\ufeff").lower()
