"""Text normalisation shared by every reader, and the content-hash article id."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from eventfuse.model import content_id

__all__ = ["article_id", "clean_text", "normalise_for_id", "parse_iso_date"]

_WS = re.compile(r"\s+")
_INLINE_WS = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_MANY_BREAKS = re.compile(r"\n{3,}")
_ISO_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:[T ].*)?\s*$")


def normalise_for_id(text: str) -> str:
    """NFC, every whitespace run collapsed to one space, stripped: what the id hashes."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def article_id(text: str, origin: str | None = None) -> str:
    """The content hash used as ``Article.id``: same text (up to whitespace) from the same
    origin -> same id. ``origin`` is the article's URL, else its outlet: the same wire story
    reprinted by another outlet is another article (linked to the first as a near-copy, so it
    counts once as a source) rather than silently dropped."""
    norm = normalise_for_id(text)
    return (
        content_id(norm, origin.strip(), prefix="a_") if origin else content_id(norm, prefix="a_")
    )


def clean_text(text: str) -> str:
    """The text an Article keeps: NFC, one newline style, tidy spaces, paragraphs preserved.

    Unlike ``normalise_for_id`` this keeps line breaks, because sentence splitting and
    evidence offsets downstream work on this exact string.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.lstrip("\ufeff")
    lines = [_INLINE_WS.sub(" ", line).strip() for line in text.split("\n")]
    return _MANY_BREAKS.sub("\n\n", "\n".join(lines)).strip()


def parse_iso_date(value: object) -> date | None:
    """``YYYY-MM-DD`` (optionally followed by a time) -> date; None for None or "".

    Raises ValueError with a short reason for anything else, so callers can name the record.
    """
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"published must be an ISO date string, not {type(value).__name__}")
    match = _ISO_DATE.match(value)
    if not match:
        raise ValueError(f"published is not an ISO date: {value[:40]!r}")
    try:
        return datetime.strptime(match.group(1), "%Y-%m-%d").date()
    except ValueError:
        raise ValueError(f"published is not a valid date: {value[:40]!r}") from None
