"""Helpers to build small mentions for the fuse tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from eventfuse.model import Actor, Article, DateRange, Evidence, Mention, Place

IRQ = Actor("Military Forces of Iraq (2022-)", 1)
USA = Actor("Military Forces of the United States (2021-)", 8)
ISIS = Actor("Islamic State (Iraq)", 2)
HAZIMI = Place("al-Hazimi", "Iraq", "Al Anbar", "Ar-Rutba", None, 33.62, 41.95, 1)
ANBAR = Place("Al Anbar", "Iraq", "Al Anbar", None, None, 33.42, 43.30, 3)
RAID_DAY = DateRange.day(date(2024, 8, 29))


def article(aid: str, published: date, outlet: str = "Outlet", dup: str | None = None) -> Article:
    return Article(
        aid, f"text of {aid}", title=aid, outlet=outlet, published=published, duplicate_of=dup
    )


def mention(mid: str, aid: str, **kw: Any) -> Mention:
    base: dict[str, Any] = dict(
        event_type="Battles",
        sub_event_type="Armed clash",
        date=RAID_DAY,
        actor1=IRQ,
        actor2=ISIS,
        assoc_actor1=(USA.name,),
        place=HAZIMI,
        text="Iraqi and US forces raided Islamic State hideouts in the Anbar desert, killing many",
    )
    base.update(kw)
    if "evidence" not in kw:
        base["evidence"] = {"fatalities": Evidence(aid, f"sentence of {mid}", 0, 10)}
    return Mention(mid, aid, **base)
