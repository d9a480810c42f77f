"""JSON Lines: one article per line (``url``, ``title``, ``outlet``, ``published``, ``byline``,
``text``; an ``id`` key is accepted and ignored: our id is the content hash)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from eventfuse.errors import InputError
from eventfuse.ingest.records import Meta, build_article
from eventfuse.ingest.text import parse_iso_date
from eventfuse.model import Article

__all__ = ["read_jsonl"]

_STRING_KEYS = ("url", "title", "outlet", "byline")


def read_jsonl(src: str, text: str, defaults: Meta) -> Iterator[Article | InputError]:
    """One Article per non-blank line; one InputError (``file:line``) per bad line."""
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{src}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        yield _record_article(where, src, record, defaults)


def _record_article(where: str, src: str, record: Any, defaults: Meta) -> Article | InputError:
    if not isinstance(record, dict):
        return InputError(where, f"expected a JSON object, got {type(record).__name__}")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        return InputError(where, "missing or empty 'text'")
    for key in _STRING_KEYS:
        if record.get(key) is not None and not isinstance(record[key], str):
            return InputError(where, f"'{key}' must be a string")
    try:
        published = parse_iso_date(record.get("published"))
    except ValueError as exc:
        return InputError(where, str(exc))
    meta = Meta(
        title=record.get("title"),
        outlet=record.get("outlet"),
        url=record.get("url"),
        published=published,
        byline=record.get("byline"),
    )
    return build_article(body, src, meta.over(defaults))
