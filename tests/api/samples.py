"""Hand-built articles and events for the API and browser tests (no shared data needed).

One article and one event carry hostile text: script tags, an <img onerror>, and SQL
metacharacters in the text, title, outlet and evidence sentences.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from eventfuse.ingest import article_id
from eventfuse.model import (
    Actor,
    Article,
    Claim,
    DateRange,
    Event,
    Evidence,
    Place,
    SourceRef,
    content_id,
)
from eventfuse.store.base import Store

XSS_SCRIPT = "<script>window.__pwned=1;alert(1)</script>"
XSS_IMG = '<img src=x onerror="window.__pwned=2;alert(2)" id=injected>'
SQL = "'; DROP TABLE events; -- \" OR 1=1 /*"
XSS_TITLE = f"Clashes {XSS_SCRIPT} in Idlib {SQL}"
XSS_OUTLET = f"Evil {XSS_IMG} Times {SQL}"
XSS_SENTENCE = f"Gunmen killed 4 civilians {XSS_IMG} in Idlib {XSS_SCRIPT} on Saturday."
XSS_TEXT = f"{XSS_SENTENCE} Officials said {SQL} nothing more.\n{XSS_SCRIPT}"

MOSUL_SENTENCE = "Iraqi forces clashed with Islamic State fighters near Mosul, killing five."
ALEPPO_SENTENCE = "An airstrike hit a market in Aleppo on Sunday, killing 12 people."


@dataclass(frozen=True)
class Seeded:
    benign: Article
    hostile: Article
    events: tuple[Event, ...]

    def by_type(self, event_type: str) -> list[Event]:
        return [e for e in self.events if e.event_type == event_type]


def _article(text: str, title: str, outlet: str, day: date) -> Article:
    return Article(
        id=article_id(text),
        text=text,
        title=title,
        outlet=outlet,
        url="https://example.org/" + content_id(title),
        published=day,
    )


def _evidence(article: Article, sentence: str, words: str) -> Evidence:
    start = article.text.index(sentence)
    span = sentence.index(words)
    return Evidence(article.id, sentence, start, start + len(sentence), span, span + len(words))


def _claims(
    article: Article, sentence: str, values: dict[str, tuple[object, str]]
) -> tuple[Claim, ...]:
    return tuple(
        Claim(
            field=name,
            value=value,
            article_id=article.id,
            mention_id="m_" + article.id,
            outlet=article.outlet,
            speaker="officials",
            evidence=_evidence(article, sentence, words),
        )
        for name, (value, words) in values.items()
    )


def _event(
    key: str,
    event_type: str,
    sub: str,
    day: date,
    place: Place,
    fatalities: int,
    article: Article,
    claims: tuple[Claim, ...] = (),
    actor1: str = "Military Forces of Iraq (2020-)",
) -> Event:
    return Event(
        id=content_id(key, prefix="e_"),
        event_type=event_type,
        sub_event_type=sub,
        date=DateRange.day(day),
        actor1=Actor(actor1, 1),
        actor2=Actor("Islamic State (Iraq)", 2),
        place=place,
        fatalities=fatalities,
        notes=f"{event_type} near {place.name}.",
        mention_ids=("m_" + article.id,),
        sources=(SourceRef(article.id, article.outlet, article.url, article.title),),
        claims=claims,
        n_independent_sources=1,
    )


def build() -> Seeded:
    """The sample articles and events (not yet stored)."""
    benign_text = f"{MOSUL_SENTENCE} {ALEPPO_SENTENCE} Protesters gathered in Baghdad."
    benign = _article(benign_text, "Fighting in the north", "Example News", date(2024, 3, 2))
    hostile = _article(XSS_TEXT, XSS_TITLE, XSS_OUTLET, date(2024, 4, 21))
    mosul = Place("Mosul", "Iraq", "Nineveh", None, None, 36.34, 43.13)
    aleppo = Place("Aleppo", "Syria", "Aleppo", None, None, 36.2, 37.16)
    baghdad = Place("Baghdad", "Iraq", "Baghdad", None, None, 33.31, 44.36)
    idlib = Place("Idlib", "Syria", "Idlib", None, None, 35.93, 36.63)
    nowhere = Place("Unknown", "Iraq", None, latitude=None, longitude=None, geo_precision=3)
    mosul_claims = _claims(
        benign,
        MOSUL_SENTENCE,
        {
            "fatalities": (5, "killing five"),
            "location": ("Mosul", "Mosul"),
            "actor2": ("Islamic State (Iraq)", "Islamic State fighters"),
        },
    )
    idlib_claims = _claims(
        hostile,
        XSS_SENTENCE,
        {
            "fatalities": (4, "killed 4 civilians"),
            "location": ("Idlib", "Idlib"),
            "notes": (XSS_IMG, XSS_IMG),
        },
    )
    events = (
        _event("mosul", "Battles", "Armed clash", date(2024, 3, 1), mosul, 5, benign, mosul_claims),
        _event(
            "aleppo",
            "Explosions/Remote violence",
            "Air/drone strike",
            date(2024, 3, 10),
            aleppo,
            12,
            benign,
        ),
        _event(
            "baghdad",
            "Protests",
            "Peaceful protest",
            date(2024, 4, 2),
            baghdad,
            0,
            benign,
            actor1="Protesters (Iraq)",
        ),
        _event(
            "idlib",
            "Violence against civilians",
            "Attack",
            date(2024, 4, 20),
            idlib,
            4,
            hostile,
            idlib_claims,
            actor1=f"Unidentified Armed Group {XSS_SCRIPT}",
        ),
        _event(
            "nowhere", "Strategic developments", "Arrests", date(2024, 5, 5), nowhere, 0, benign
        ),
    )
    return Seeded(benign, hostile, events)


def seed(store: Store) -> Seeded:
    """Store the sample articles and events."""
    data = build()
    store.add_article(data.benign, [])
    store.add_article(data.hostile, [])
    store.save_events(list(data.events), "test seed")
    return data
