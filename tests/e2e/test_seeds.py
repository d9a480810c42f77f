"""The foundation's acceptance test on the five real seed articles (../shared/corpus/seeds)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from eventfuse.model import Event, Precision
from eventfuse.pipeline import RunReport
from tests.e2e.conftest import source_files


def _anbar_raid(events: list[Event]) -> list[Event]:
    return [e for e in events if e.date and e.date.start <= date(2024, 8, 29) <= e.date.end
            and e.fatalities == 15]  # fmt: skip


def test_every_seed_is_stored(seeds_db: tuple[Path, RunReport]) -> None:
    _, report = seeds_db
    assert report.failed == []
    assert report.stored == 5


def test_one_event_for_the_anbar_raid(
    seed_events: list[Event], seeds_db: tuple[Path, RunReport]
) -> None:
    raids = _anbar_raid(seed_events)
    assert len(raids) == 1, [(e.date, e.fatalities, e.place) for e in seed_events]
    raid = raids[0]
    assert raid.date is not None
    assert raid.date.coded == date(2024, 8, 29)
    assert raid.date.precision == Precision.DAY
    assert raid.place is not None and raid.place.admin1 is not None
    assert "anbar" in raid.place.admin1.lower()
    assert {"000", "001"} <= source_files(raid, seeds_db[0])


def test_the_raid_keeps_each_sources_claims(seed_events: list[Event]) -> None:
    raid = _anbar_raid(seed_events)[0]
    killed = {c.article_id: c.value for c in raid.claims if c.field == "fatalities"}
    assert len(killed) >= 2 and set(killed.values()) == {15}
    assert raid.injured == 7
    assert raid.arrested == 2


def test_one_event_for_the_hamrin_raid(seed_events: list[Event]) -> None:
    hamrin = [e for e in seed_events if e.fatalities == 9]
    assert len(hamrin) == 1
    event = hamrin[0]
    assert event.date is not None and event.date.coded.year == 2024
    assert event.date.coded.month == 10
    assert event.place is not None and "hamrin" in (event.place.name or "").lower()


def test_no_event_from_background(seed_events: list[Event]) -> None:
    for event in seed_events:
        assert event.date is not None
        assert event.date.start.year not in (2014, 2017), event
        # troop numbers and the UN estimate are not tolls
        assert event.fatalities not in (900, 1500, 2500, 3000), event


def test_every_field_traces_to_a_sentence(seed_events: list[Event]) -> None:
    raid = _anbar_raid(seed_events)[0]
    fields = {c.field for c in raid.claims if c.evidence is not None and c.evidence.sentence}
    assert {"event_type", "event_date", "location", "fatalities"} <= fields
    for claim in raid.claims:
        if claim.evidence is not None and claim.evidence.words is not None:
            assert claim.evidence.words in claim.evidence.sentence
