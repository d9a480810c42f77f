"""Metadata as the readers find it, and the one place that turns text + metadata into an Article."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from eventfuse.errors import InputError
from eventfuse.ingest.dedup import fingerprint
from eventfuse.ingest.text import article_id, clean_text, parse_iso_date
from eventfuse.model import Article

__all__ = ["Meta", "build_article"]


@dataclass(frozen=True)
class Meta:
    """Article metadata from a file, a record or a manifest line; None means unknown."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    byline: str | None = None

    def over(self, base: Meta) -> Meta:
        """These values where known, ``base``'s elsewhere."""
        changes = {f.name: getattr(self, f.name) for f in fields(self)}
        return replace(base, **{k: v for k, v in changes.items() if v is not None})


_STRING_KEYS = ("title", "outlet", "url", "byline")


def meta_from_record(where: str, record: Mapping[str, Any]) -> Meta | InputError:
    """The metadata of a JSON record (a JSONL article or a manifest line), checked: the text
    fields must be strings (or null) and ``published`` an ISO date."""
    for key in _STRING_KEYS:
        if record.get(key) is not None and not isinstance(record[key], str):
            return InputError(where, f"'{key}' must be a string or null")
    try:
        published = parse_iso_date(record.get("published"))
    except ValueError as exc:
        return InputError(where, str(exc))
    return Meta(
        title=record.get("title"),
        outlet=record.get("outlet"),
        url=record.get("url"),
        published=published,
        byline=record.get("byline"),
    )


def build_article(text: str, source_path: str, meta: Meta) -> Article:
    """An Article with the cleaned text, its content-hash id and near-duplicate fingerprint."""
    body = clean_text(text)
    return Article(
        id=article_id(body, _tidy(meta.url) or _tidy(meta.outlet)),
        text=body,
        title=_tidy(meta.title),
        outlet=_tidy(meta.outlet),
        url=_tidy(meta.url),
        published=meta.published,
        byline=_tidy(meta.byline),
        source_path=source_path,
        fingerprint=fingerprint(body),
    )


def _tidy(value: str | None) -> str | None:
    """Collapse whitespace in a one-line field; empty becomes None."""
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None
