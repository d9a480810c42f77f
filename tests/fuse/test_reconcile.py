"""Reconciliation rules: type hierarchy, counts, claims, disagreements, independence."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from fuse_helpers import ANBAR, USA, article, mention

from eventfuse.fuse import fuse
from eventfuse.model import DateRange, Precision

ARTS = {
    "a000": article("a000", date(2024, 9, 4), "Diyaruna"),
    "a001": article("a001", date(2024, 8, 31), "Wire"),
    "a002": article("a002", date(2024, 8, 31), "Copycat", dup="a001"),
    "a004": article("a004", date(2024, 10, 10), "Later"),
}


def anbar_mentions() -> list:
    return [
        mention("m000", "a000", fatalities=15, arrested=2, speaker="Iraqi intelligence"),
        mention(
            "m001",
            "a001",
            actor1=USA,
            assoc_actor1=("Military Forces of Iraq (2022-)",),
            place=ANBAR,
            fatalities=15,
            injured=7,
            speaker="CENTCOM",
        ),
    ]


def test_anbar_raid_is_one_event_with_all_details() -> None:
    events = fuse(anbar_mentions(), ARTS)
    assert len(events) == 1
    ev = events[0]
    assert (ev.fatalities, ev.injured, ev.arrested) == (15, 7, 2)
    assert ev.place is not None and ev.place.name == "al-Hazimi"  # most precise place wins
    assert ev.n_independent_sources == 2
    assert "fatalities" not in ev.disagreements
    speakers = {c.speaker for c in ev.claims if c.field == "fatalities"}
    assert speakers == {"CENTCOM", "Iraqi intelligence"}
    assert {c.outlet for c in ev.claims} == {"Diyaruna", "Wire"}
    assert ev.notes.startswith("On 29 August 2024")


def test_month_precision_background_links_without_new_event() -> None:
    late_aug = DateRange(date(2024, 8, 1), date(2024, 8, 31), Precision.MONTH)
    ms = [*anbar_mentions(), mention("m004", "a004", date=late_aug, place=ANBAR, fatalities=15)]
    events = fuse(ms, ARTS)
    assert len(events) == 1
    assert events[0].date == DateRange.day(date(2024, 8, 29))
    assert "m004" in events[0].mention_ids


def test_near_copy_counts_once() -> None:
    ms = [
        *anbar_mentions(),
        mention("m002", "a002", actor1=USA, place=ANBAR, fatalities=15, injured=7),
    ]
    ev = fuse(ms, ARTS)[0]
    assert len(ev.sources) == 3
    assert ev.n_independent_sources == 2


def test_conflicting_tolls_lowest_credible_and_flagged() -> None:
    ms = [mention("m1", "a001", fatalities=15), mention("m2", "a002", fatalities=17)]
    arts = {**ARTS, "a002": article("a002", date(2024, 8, 31), "Other")}
    ev = fuse(ms, arts)[0]
    assert (ev.fatalities, ev.fatalities_low, ev.fatalities_high) == (15, 15, 17)
    assert "fatalities" in ev.disagreements


def test_battles_absorbs_remote_violence() -> None:
    ms = [
        mention("m1", "a000", fatalities=15),
        mention(
            "m2",
            "a001",
            event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike",
            fatalities=15,
            confidence={"event_type": 0.9},
        ),
        mention(
            "m3",
            "a004",
            event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike",
            fatalities=15,
        ),
    ]
    ev = fuse(ms, ARTS)[0]
    assert (ev.event_type, ev.sub_event_type) == ("Battles", "Armed clash")
    assert "event_type" in ev.disagreements


def test_undated_singleton_is_dropped() -> None:
    ms = [mention("m9", "a000", date=None, place=ANBAR, fatalities=3, text="an unrelated sentence")]
    assert fuse(ms, ARTS) == []


def test_multiday_operation_is_split_per_day() -> None:
    five = DateRange(date(2022, 3, 27), date(2022, 3, 31), Precision.DAY)
    ms = [mention("m1", "a000", date=five, fatalities=203)]
    events = fuse(ms, ARTS)
    assert len(events) == 5
    assert [e.fatalities for e in events] == [43, 40, 40, 40, 40]  # remainder on day 1
    assert len({e.id for e in events}) == 5
