"""The Store protocol: what every backend (DuckDB, PostgreSQL) offers the pipeline and the API.

Rules every backend keeps:
- ``add_article`` writes an article and its mentions in one transaction: all or nothing.
- Adding an article whose id is stored already changes nothing and returns False.
- Events are replaced as a whole by ``save_events``, which records a revision for every event
  that is new, changed or removed, with the cause (e.g. "ingest 3 articles", "forget a1b2").
- All SQL binds its parameters; no text from an article is ever formatted into SQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol, runtime_checkable

from eventfuse.model import Article, Event, Mention


@dataclass(frozen=True)
class EventFilter:
    """Filters shared by ``eventfuse events``, ``GET /events`` and the web page."""

    since: date | None = None
    until: date | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    actor: str | None = None  # substring of actor1/actor2, case-insensitive
    # (min_lon, min_lat, max_lon, max_lat)
    bbox: tuple[float, float, float, float] | None = None
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True)
class Revision:
    """One change to one event: what it was, what it became, and why."""

    event_id: str
    number: int  # 1 for the first version
    at: datetime
    cause: str
    change: str  # "created", "updated", "removed"
    fields_changed: tuple[str, ...] = ()
    snapshot: dict[str, Any] = field(default_factory=dict)  # Event.to_dict() after the change


@dataclass(frozen=True)
class SaveSummary:
    created: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0


@runtime_checkable
class Store(Protocol):
    """Where articles, mentions, events and their history live."""

    url: str

    # articles and mentions -------------------------------------------------------------
    def has_article(self, article_id: str) -> bool: ...

    def add_article(self, article: Article, mentions: Sequence[Mention]) -> bool:
        """Store an article with its mentions atomically. False if it was stored already."""
        ...

    def get_article(self, article_id: str) -> Article | None: ...

    def articles(self) -> list[Article]: ...

    def count_articles(self) -> int: ...

    def fingerprints(self) -> list[tuple[str, int]]:
        """(article_id, near-duplicate fingerprint) of every stored article."""
        ...

    def set_fingerprint(self, article_id: str, fingerprint: int) -> None: ...

    def mentions(self, article_ids: Iterable[str] | None = None) -> list[Mention]: ...

    def forget_article(self, article_id: str) -> bool:
        """Remove an article and its mentions. False if no such article."""
        ...

    # events ------------------------------------------------------------------------------
    def save_events(self, events: Sequence[Event], cause: str) -> SaveSummary:
        """Make ``events`` the stored set of events, recording a revision for each change."""
        ...

    def events(self, flt: EventFilter | None = None) -> list[Event]: ...

    def count_events(self, flt: EventFilter | None = None) -> int: ...

    def get_event(self, event_id: str) -> Event | None: ...

    def history(self, event_id: str) -> list[Revision]: ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...
