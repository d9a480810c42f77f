"""Hand-built model objects for the store tests (every optional field filled somewhere)."""

from __future__ import annotations

from datetime import date

from eventfuse.model import (
    Actor,
    Article,
    Claim,
    DateRange,
    Event,
    Evidence,
    Mention,
    Place,
    Precision,
    SourceRef,
)


def article(aid: str = "a1", **kw: object) -> Article:
    base: dict[str, object] = {
        "id": aid,
        "text": f"Text of {aid}. Militants attacked a checkpoint near Mosul, killing 3.",
        "title": f"Title {aid}",
        "outlet": "Example Times",
        "url": f"https://example.org/{aid}",
        "published": date(2024, 5, 2),
        "byline": "A. Reporter",
        "source_path": f"/tmp/{aid}.txt",
        "gold": {"event_type": "Battles", "fatalities": "3"},
        "duplicate_of": None,
        "fingerprint": (1 << 63) + 12345,  # above BIGINT's range on purpose
    }
    base.update(kw)
    return Article(**base)  # type: ignore[arg-type]


def evidence(aid: str = "a1") -> Evidence:
    return Evidence(aid, "Militants attacked a checkpoint near Mosul, killing 3.", 12, 66, 48, 55)


def place(
    country: str = "Iraq", admin1: str = "Ninewa", lat: float = 36.34, lon: float = 43.13
) -> Place:
    return Place(
        name="Mosul", country=country, admin1=admin1, admin2="Mosul", admin3=None,
        latitude=lat, longitude=lon, geo_precision=2, feature="city",
        gazetteer_id="99072", raw="near Mosul",
    )  # fmt: skip


def mention(mid: str = "m1", aid: str = "a1", **kw: object) -> Mention:
    base: dict[str, object] = {
        "id": mid,
        "article_id": aid,
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "date": DateRange(date(2024, 4, 29), date(2024, 5, 5), Precision.WEEK),
        "actor1": Actor("Islamic State (Iraq)", 2, "Militants"),
        "actor2": Actor("Military Forces of Iraq (2020-)", 1, "soldiers"),
        "assoc_actor1": ("Unidentified Tribal Militia",),
        "assoc_actor2": (),
        "place": place(),
        "fatalities": 3,
        "injured": 5,
        "arrested": None,
        "fatalities_by_side": {"actor2": 3},
        "speaker": "Iraqi officials",
        "evidence": {"fatalities": evidence(aid), "location": evidence(aid)},
        "confidence": {"event_type": 0.9, "fatalities": 0.75},
        "text": "Militants attacked a checkpoint near Mosul, killing 3.",
    }
    base.update(kw)
    return Mention(**base)  # type: ignore[arg-type]


def event(
    eid: str = "e1",
    *,
    day: date = date(2024, 5, 1),
    country: str = "Iraq",
    admin1: str = "Ninewa",
    lat: float = 36.34,
    lon: float = 43.13,
    event_type: str = "Battles",
    actor1: str = "Islamic State (Iraq)",
    actor2: str | None = "Military Forces of Iraq (2020-)",
    fatalities: int = 3,
    **kw: object,
) -> Event:
    claims = (
        Claim("fatalities", 3, "a1", "m1", "Example Times", "Iraqi officials", evidence("a1")),
        Claim("fatalities", 5, "a2", "m2", "Other Post", None, None),
        Claim("location", {"name": "Mosul"}, "a1", "m1", None, None, evidence("a1")),
    )
    base: dict[str, object] = {
        "id": eid,
        "event_type": event_type,
        "sub_event_type": "Armed clash",
        "date": DateRange.day(day),
        "actor1": Actor(actor1, 2, None),
        "actor2": Actor(actor2, 1, "soldiers") if actor2 else None,
        "assoc_actor1": ("Tribe A", "Tribe B"),
        "assoc_actor2": (),
        "place": place(country, admin1, lat, lon),
        "fatalities": fatalities,
        "fatalities_low": fatalities,
        "fatalities_high": fatalities + 2,
        "fatalities_best": fatalities + 1,
        "injured": 4,
        "arrested": 0,
        "fatalities_by_side": {"actor2": fatalities},
        "notes": "On 1 May 2024, militants attacked a checkpoint.",
        "mention_ids": ("m1", "m2"),
        "sources": (
            SourceRef("a1", "Example Times", "https://example.org/a1", "T1"),
            SourceRef("a2", "Other Post", None, None),
        ),
        "claims": claims,
        "disagreements": ("fatalities",),
        "n_independent_sources": 2,
    }
    base.update(kw)
    return Event(**base)  # type: ignore[arg-type]
