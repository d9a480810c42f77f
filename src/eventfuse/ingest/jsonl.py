"""JSON Lines: one article per line (``url``, ``title``, ``outlet``, ``published``, ``byline``,
``text``; an ``id`` key is accepted and ignored: our id is the content hash)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from eventfuse.errors import InputError
from eventfuse.ingest.records import Meta, build_article, meta_from_record
from eventfuse.model import Article

__all__ = ["read_jsonl_file", "read_jsonl_records", "record_article"]


def read_jsonl_file(path: Path, max_bytes: int, defaults: Meta) -> Iterator[Article | InputError]:
    """One Article per record of a JSONL file; one InputError (``file:line``) per bad one."""
    for item in read_jsonl_records(path, max_bytes):
        if isinstance(item, InputError):
            yield item
        else:
            where, record = item
            yield record_article(where, str(path), record, defaults)


def read_jsonl_records(path: Path, max_bytes: int) -> Iterator[tuple[str, Any] | InputError]:
    """Stream a JSONL file line by line: ``(file:line, parsed JSON)`` per non-blank line, an
    InputError per line that cannot be read or parsed. A bulk export may be far larger than
    one article, so the size bound applies to each record (line), not to the file."""
    src = str(path)
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield InputError(src, f"cannot read ({exc.strerror or exc})")
        return
    with fh:
        seen_any = False
        for lineno, raw in enumerate(_bounded_lines(fh, max_bytes), start=1):
            where = f"{src}:{lineno}"
            if raw is None:
                yield InputError(where, f"record too large (> {max_bytes} bytes)")
                continue
            if b"\x00" in raw:
                yield InputError(src if lineno == 1 else where, "binary file (not text)")
                return
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield InputError(where, f"invalid UTF-8 at byte {exc.start}")
                continue
            if lineno == 1:
                line = line.lstrip("\ufeff")
            if not line.strip():
                continue
            seen_any = True
            try:
                yield where, json.loads(line)
            except json.JSONDecodeError as exc:
                yield InputError(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
        if not seen_any:
            yield InputError(src, "empty file")


def _bounded_lines(fh: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """Lines of a binary file; None for a line longer than ``max_bytes`` (skipped, not read
    into memory whole)."""
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:  # drain the rest of the oversized line
                more = fh.readline(1 << 20)
                if not more or more.endswith(b"\n"):
                    break
            yield None
            continue
        yield line


def record_article(where: str, src: str, record: Any, defaults: Meta) -> Article | InputError:
    """The Article of one parsed JSONL record, or why the record is not one."""
    if not isinstance(record, dict):
        return InputError(where, f"expected a JSON object, got {type(record).__name__}")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        return InputError(where, "missing or empty 'text'")
    meta = meta_from_record(where, record)
    if isinstance(meta, InputError):
        return meta
    return build_article(body, src, meta.over(defaults))
