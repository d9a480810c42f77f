"""The data model every stage speaks: frozen dataclasses, no behaviour beyond small helpers.

Stages talk to each other only through these types (see DEVELOPERS.md). Every type converts
to and from plain JSON-able dicts (``to_dict`` / ``from_dict``) so that stores, the HTTP API
and exports never need to know a type's internals.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from enum import IntEnum
from typing import Any

__all__ = [
    "Actor",
    "Article",
    "Claim",
    "DateRange",
    "Event",
    "Evidence",
    "Mention",
    "Place",
    "Precision",
    "SourceRef",
    "Toponym",
    "content_id",
]


def _flat(obj: Any) -> dict[str, Any]:
    """A flat dataclass as a dict, without ``asdict``'s recursive deep copy (hot in stores)."""
    return {f.name: getattr(obj, f.name) for f in fields(obj)}


def content_id(*parts: str, prefix: str = "", length: int = 16) -> str:
    """A stable id from content: the same parts always give the same id."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]
    return f"{prefix}{digest}"


class Precision(IntEnum):
    """ACLED time_precision: 1 exact day, 2 week (midpoint coded), 3 month."""

    DAY = 1
    WEEK = 2
    MONTH = 3


@dataclass(frozen=True)
class DateRange:
    """When something happened: the earliest and latest possible day, and ACLED's precision."""

    start: date
    end: date
    precision: Precision = Precision.DAY
    # The day ACLED codes when it is not the midpoint: "late August" is coded to the 31st.
    coded_day: date | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"date range ends before it starts: {self.start}..{self.end}")

    @classmethod
    def day(cls, d: date) -> DateRange:
        return cls(d, d, Precision.DAY)

    @property
    def coded(self) -> date:
        """The single date ACLED records: the day, or the midpoint of a week or month."""
        if self.coded_day is not None:
            return self.coded_day
        if self.precision == Precision.DAY:
            return self.start
        return self.start + timedelta(days=(self.end - self.start).days // 2)

    def overlaps(self, other: DateRange, slack_days: int = 0) -> bool:
        slack = timedelta(days=slack_days)
        return self.start <= other.end + slack and other.start <= self.end + slack

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "precision": int(self.precision),
        }
        if self.coded_day is not None:
            d["coded_day"] = self.coded_day.isoformat()
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DateRange:
        coded = d.get("coded_day")
        return cls(
            date.fromisoformat(d["start"]),
            date.fromisoformat(d["end"]),
            Precision(int(d["precision"])),
            date.fromisoformat(coded) if coded else None,
        )


@dataclass(frozen=True)
class Article:
    """One input document. ``id`` is a content hash of the normalised text."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    byline: str | None = None
    source_path: str | None = None
    # For ACLED CSV rows: the human coding, kept as gold. The extractor never reads it.
    gold: dict[str, str] | None = None
    # Set when this article is a near-copy (syndication) of an earlier stored one.
    duplicate_of: str | None = None
    # Near-duplicate fingerprint (see ingest.dedup), stored with the article in one transaction.
    fingerprint: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d = _flat(self)
        d["gold"] = dict(self.gold) if self.gold is not None else None
        d["published"] = self.published.isoformat() if self.published else None
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        kw: dict[str, Any] = {f.name: d.get(f.name) for f in fields(cls)}
        pub = kw.get("published")
        kw["published"] = date.fromisoformat(pub) if isinstance(pub, str) and pub else None
        return cls(**kw)


@dataclass(frozen=True)
class Evidence:
    """Where a value came from: a sentence of an article, and the words inside it."""

    article_id: str
    sentence: str
    # Character offsets of the sentence in the article text.
    start: int
    end: int
    # Character offsets, within ``sentence``, of the words that carry the value (if known).
    span_start: int | None = None
    span_end: int | None = None

    @property
    def words(self) -> str | None:
        if self.span_start is None or self.span_end is None:
            return None
        return self.sentence[self.span_start : self.span_end]

    def to_dict(self) -> dict[str, Any]:
        return _flat(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Evidence:
        kw: dict[str, Any] = {f.name: d.get(f.name) for f in fields(cls)}
        return cls(**kw)


@dataclass(frozen=True)
class Actor:
    """An actor named the ACLED way, e.g. ``Military Forces of Iraq (2020-)``."""

    name: str
    inter: int | None = None  # ACLED inter code 1..8
    raw: str | None = None  # the words in the text

    @property
    def base_name(self) -> str:
        """The name without ACLED's period suffix, e.g. ``Military Forces of Iraq``."""
        return strip_period(self.name)

    def to_dict(self) -> dict[str, Any]:
        return _flat(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        return cls(d["name"], d.get("inter"), d.get("raw"))


def strip_period(name: str) -> str:
    """Drop a trailing ACLED period such as ``(2020-)`` or ``(2000-2024)`` from an actor name."""
    return re.sub(r"\s*\(\d{4}-(\d{4})?\)", "", name).strip()


@dataclass(frozen=True)
class Place:
    """A resolved location in ACLED's terms."""

    name: str
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    # ACLED geo_precision: 1 the town, 2 near a town / small area, 3 only a region.
    geo_precision: int = 1
    feature: str | None = None  # city, adm1, adm2, mountain, wadi, region, ...
    gazetteer_id: str | None = None
    raw: str | None = None  # the words in the text

    def to_dict(self) -> dict[str, Any]:
        return _flat(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Place:
        kw: dict[str, Any] = {f.name: d.get(f.name) for f in fields(cls)}
        return cls(**kw)


@dataclass(frozen=True)
class Toponym:
    """A place name as written in an article, before it is resolved to a Place."""

    text: str
    start: int  # character offsets in the article text
    end: int
    # The spatial relation written before it: "in", "near", "east of", "outside", ...
    relation: str | None = None
    label: str | None = None  # where it was found: GPE, LOC, FAC (spaCy) or GAZ (gazetteer scan)

    def to_dict(self) -> dict[str, Any]:
        return _flat(self)


@dataclass(frozen=True)
class Mention:
    """One event as told by one article (one report of it)."""

    id: str
    article_id: str
    event_type: str
    sub_event_type: str
    date: DateRange | None
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actor1: tuple[str, ...] = ()
    assoc_actor2: tuple[str, ...] = ()
    place: Place | None = None
    fatalities: int | None = None  # None: the report says nothing about deaths
    injured: int | None = None
    arrested: int | None = None
    # Who the dead belonged to, e.g. {"actor2": 15}; keys: actor1, actor2, civilians, unknown.
    fatalities_by_side: dict[str, int] = field(default_factory=dict)
    speaker: str | None = None  # "CENTCOM", "Iraqi intelligence"
    # Field name -> who the report attributes that field's value to, when it differs by sentence.
    field_speakers: dict[str, str] = field(default_factory=dict)
    # Field name -> evidence. Field names follow ACLED columns (event_type, event_date, ...).
    evidence: dict[str, Evidence] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    text: str = ""  # the sentence(s) the mention was read from, for similarity

    def __hash__(self) -> int:  # dict fields make the generated hash unusable
        return hash(self.id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            **_coding_to_dict(self),
            "fatalities": self.fatalities,
            "speaker": self.speaker,
            "field_speakers": dict(self.field_speakers),
            "evidence": {k: v.to_dict() for k, v in self.evidence.items()},
            "confidence": dict(self.confidence),
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Mention:
        return cls(
            id=d["id"],
            article_id=d["article_id"],
            **_coding_from_dict(d),
            fatalities=d.get("fatalities"),
            speaker=d.get("speaker"),
            field_speakers=dict(d.get("field_speakers") or {}),
            evidence={k: Evidence.from_dict(v) for k, v in (d.get("evidence") or {}).items()},
            confidence=dict(d.get("confidence") or {}),
            text=d.get("text") or "",
        )


@dataclass(frozen=True)
class SourceRef:
    """An article that supports an event, as listed in exports."""

    article_id: str
    outlet: str | None = None
    url: str | None = None
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _flat(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> SourceRef:
        kw: dict[str, Any] = {f.name: d.get(f.name) for f in fields(cls)}
        return cls(**kw)


@dataclass(frozen=True)
class Claim:
    """What one source said about one field of an event, and where it said it."""

    field: str  # ACLED column name: fatalities, event_date, location, actor1, ...
    value: Any  # JSON-able
    article_id: str
    mention_id: str
    outlet: str | None = None
    speaker: str | None = None
    evidence: Evidence | None = None

    def to_dict(self) -> dict[str, Any]:
        d = _flat(self)
        d["evidence"] = self.evidence.to_dict() if self.evidence else None
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Claim:
        ev = d.get("evidence")
        return cls(
            field=d["field"],
            value=d.get("value"),
            article_id=d["article_id"],
            mention_id=d["mention_id"],
            outlet=d.get("outlet"),
            speaker=d.get("speaker"),
            evidence=Evidence.from_dict(ev) if ev else None,
        )


@dataclass(frozen=True)
class Event:
    """One real event: the reconciled values, and every source's claims behind them."""

    id: str
    event_type: str
    sub_event_type: str
    date: DateRange | None
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actor1: tuple[str, ...] = ()
    assoc_actor2: tuple[str, ...] = ()
    place: Place | None = None
    fatalities: int = 0  # ACLED: the lowest credible figure
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    fatalities_best: int | None = None  # UCDP's best estimate
    injured: int | None = None
    arrested: int | None = None
    fatalities_by_side: dict[str, int] = field(default_factory=dict)
    notes: str = ""
    mention_ids: tuple[str, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    claims: tuple[Claim, ...] = ()
    # Fields whose sources disagree, e.g. ("fatalities",).
    disagreements: tuple[str, ...] = ()
    n_independent_sources: int = 0

    def __hash__(self) -> int:
        return hash(self.id)

    def with_(self, **changes: Any) -> Event:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            **_coding_to_dict(self),
            "fatalities": self.fatalities,
            "fatalities_low": self.fatalities_low,
            "fatalities_high": self.fatalities_high,
            "fatalities_best": self.fatalities_best,
            "notes": self.notes,
            "mention_ids": list(self.mention_ids),
            "sources": [s.to_dict() for s in self.sources],
            "claims": [c.to_dict() for c in self.claims],
            "disagreements": list(self.disagreements),
            "n_independent_sources": self.n_independent_sources,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(
            id=d["id"],
            **_coding_from_dict(d),
            fatalities=int(d.get("fatalities") or 0),
            fatalities_low=d.get("fatalities_low"),
            fatalities_high=d.get("fatalities_high"),
            fatalities_best=d.get("fatalities_best"),
            notes=d.get("notes") or "",
            mention_ids=tuple(d.get("mention_ids") or ()),
            sources=tuple(SourceRef.from_dict(s) for s in d.get("sources") or ()),
            claims=tuple(Claim.from_dict(c) for c in d.get("claims") or ()),
            disagreements=tuple(d.get("disagreements") or ()),
            n_independent_sources=int(d.get("n_independent_sources") or 0),
        )


def _coding_to_dict(obj: Mention | Event) -> dict[str, Any]:
    """The ACLED coding fields that Mention and Event share, as JSON-able values."""
    return {
        "event_type": obj.event_type,
        "sub_event_type": obj.sub_event_type,
        "date": obj.date.to_dict() if obj.date else None,
        "actor1": obj.actor1.to_dict() if obj.actor1 else None,
        "actor2": obj.actor2.to_dict() if obj.actor2 else None,
        "assoc_actor1": list(obj.assoc_actor1),
        "assoc_actor2": list(obj.assoc_actor2),
        "place": obj.place.to_dict() if obj.place else None,
        "injured": obj.injured,
        "arrested": obj.arrested,
        "fatalities_by_side": dict(obj.fatalities_by_side),
    }


def _coding_from_dict(d: dict[str, Any]) -> dict[str, Any]:
    """Keyword arguments for the coding fields shared by Mention and Event."""
    return {
        "event_type": d["event_type"],
        "sub_event_type": d["sub_event_type"],
        "date": DateRange.from_dict(d["date"]) if d.get("date") else None,
        "actor1": Actor.from_dict(d["actor1"]) if d.get("actor1") else None,
        "actor2": Actor.from_dict(d["actor2"]) if d.get("actor2") else None,
        "assoc_actor1": tuple(d.get("assoc_actor1") or ()),
        "assoc_actor2": tuple(d.get("assoc_actor2") or ()),
        "place": Place.from_dict(d["place"]) if d.get("place") else None,
        "injured": d.get("injured"),
        "arrested": d.get("arrested"),
        "fatalities_by_side": dict(d.get("fatalities_by_side") or {}),
    }
