"""RSS / Atom / RDF feeds (feedparser): one Article per entry, HTML stripped to text."""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator
from datetime import date
from typing import Any

import feedparser

from eventfuse.errors import InputError
from eventfuse.ingest.htmlpage import html_fragment_text
from eventfuse.ingest.records import Meta, build_article
from eventfuse.model import Article

__all__ = ["looks_like_feed", "read_feed"]

_FEED_START = re.compile(r"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)


def looks_like_feed(text: str) -> bool:
    """An RSS, Atom or RDF root element near the top of the document."""
    return bool(_FEED_START.search(text[:2048]))


def read_feed(src: str, text: str, defaults: Meta) -> Iterator[Article | InputError]:
    """Every entry with text; an InputError for an unreadable feed or a text-less entry."""
    # A stream, never a string: feedparser fetches strings that look like URLs.
    parsed = feedparser.parse(io.BytesIO(text.encode("utf-8")))
    entries = parsed.get("entries") or []
    if not entries:
        reason = parsed.get("bozo_exception")
        detail = f" ({type(reason).__name__})" if reason else ""
        yield InputError(src, f"no feed entries found{detail}")
        return
    outlet = (parsed.get("feed") or {}).get("title")
    for n, entry in enumerate(entries, start=1):
        body = _entry_text(entry)
        if not body.strip():
            yield InputError(f"{src}:entry {n}", "feed entry has no text")
            continue
        meta = Meta(
            title=_plain(entry.get("title")),
            outlet=_plain(outlet),
            url=entry.get("link"),
            published=_entry_date(entry),
            byline=entry.get("author"),
        )
        yield build_article(body, src, meta.over(defaults))


def _entry_text(entry: Any) -> str:
    """The longest of the full content blocks and the summary, as plain text."""
    candidates = [c.get("value", "") for c in entry.get("content") or []]
    candidates.append(entry.get("summary") or "")
    best = max(candidates, key=len)
    return html_fragment_text(best)


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def _plain(value: Any) -> str | None:
    return html_fragment_text(value) if isinstance(value, str) else None
