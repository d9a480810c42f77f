"""Query parameters of the event endpoints, checked by hand so that every bad value gets a
400 with a one-line message (never a 500, never a silently ignored filter)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from fastapi import HTTPException, Query

from eventfuse.store.base import EventFilter

# ACLED's six event types (ACLED codebook), the only values ``type`` accepts.
EVENT_TYPES: tuple[str, ...] = (
    "Battles",
    "Violence against civilians",
    "Explosions/Remote violence",
    "Riots",
    "Protests",
    "Strategic developments",
)
MAX_TEXT = 200  # longest country / admin1 / actor / type filter we accept
MAX_OFFSET = 10_000_000


def bad_request(message: str) -> HTTPException:
    return HTTPException(status_code=400, detail=message)


def parse_date(name: str, value: str | None) -> date | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise bad_request(f"{name}: not a date (use YYYY-MM-DD): {value[:40]!r}") from None


def parse_text(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if len(value) > MAX_TEXT:
        raise bad_request(f"{name}: longer than {MAX_TEXT} characters")
    if "\x00" in value:
        raise bad_request(f"{name}: contains a NUL character")
    return value


def parse_type(value: str | None) -> str | None:
    text = parse_text("type", value)
    if text is None:
        return None
    for known in EVENT_TYPES:
        if known.lower() == text.lower():
            return known
    raise bad_request(f"type: unknown event type {text[:60]!r}; valid: {', '.join(EVENT_TYPES)}")


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``min_lon,min_lat,max_lon,max_lat`` in degrees."""
    if value is None or value.strip() == "":
        return None
    parts = value.split(",")
    usage = "bbox: expected min_lon,min_lat,max_lon,max_lat"
    if len(parts) != 4:
        raise bad_request(f"{usage}, got {len(parts)} values")
    try:
        x0, y0, x1, y1 = (float(p) for p in parts)
    except ValueError:
        raise bad_request(f"{usage} as numbers: {value[:80]!r}") from None
    if not all(math.isfinite(v) for v in (x0, y0, x1, y1)):
        raise bad_request(f"{usage} as finite numbers")
    if not (-180 <= x0 < x1 <= 180 and -90 <= y0 < y1 <= 90):
        raise bad_request(f"{usage} with -180<=min_lon<max_lon<=180 and -90<=min_lat<max_lat<=90")
    return (x0, y0, x1, y1)


def parse_int(name: str, value: str | None, default: int, low: int, high: int) -> int:
    if value is None or value.strip() == "":
        return default
    try:
        number = int(value.strip())
    except ValueError:
        raise bad_request(f"{name}: not an integer: {value[:40]!r}") from None
    if not low <= number <= high:
        raise bad_request(f"{name}: must be between {low} and {high}, got {number}")
    return number


@dataclass(frozen=True)
class RawFilter:
    """The query string as given; every value is a string so that we, not FastAPI, judge it."""

    since: str | None = Query(None, description="earliest event date, YYYY-MM-DD")
    until: str | None = Query(None, description="latest event date, YYYY-MM-DD")
    country: str | None = Query(None, description="country name, exact (case-insensitive)")
    admin1: str | None = Query(None, description="first-level region, exact")
    type: str | None = Query(None, description=f"event type: one of {', '.join(EVENT_TYPES)}")
    actor: str | None = Query(None, description="substring of actor1 or actor2")
    bbox: str | None = Query(None, description="min_lon,min_lat,max_lon,max_lat")
    limit: str | None = Query(None, description="page size")
    offset: str | None = Query(None, description="rows to skip (0..)")


def to_filter(raw: RawFilter, default_limit: int, max_limit: int) -> EventFilter:
    """Check every parameter and build the store's EventFilter."""
    since = parse_date("since", raw.since)
    until = parse_date("until", raw.until)
    if since and until and since > until:
        raise bad_request(f"since ({since}) is after until ({until})")
    return EventFilter(
        since=since,
        until=until,
        country=parse_text("country", raw.country),
        admin1=parse_text("admin1", raw.admin1),
        event_type=parse_type(raw.type),
        actor=parse_text("actor", raw.actor),
        bbox=parse_bbox(raw.bbox),
        limit=parse_int("limit", raw.limit, default_limit, 1, max_limit),
        offset=parse_int("offset", raw.offset, 0, 0, MAX_OFFSET),
    )
