"""The extractor's non-conflict gate on short news-style articles."""

from __future__ import annotations

from datetime import date

import pytest

from eventfuse.extract.extractor import Extractor
from eventfuse.model import Article
from eventfuse.pipeline import default_extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return default_extractor()


def _article(text: str, n: int) -> Article:
    return Article(id=f"a_gate{n}", text=text, published=date(2021, 5, 4))


def test_accident_with_toll_date_and_place_is_not_an_event(extractor: Extractor) -> None:
    text = (
        "A bus collided with a fuel tanker near Nakuru on Monday, killing 14 passengers, "
        "traffic police said. The driver of the tanker died in hospital."
    )
    assert extractor.extract(_article(text, 1), single_event=False) == []
    assert extractor._is_conflict(text, text) is False


def test_attack_with_toll_date_and_place_is_an_event(extractor: Extractor) -> None:
    text = "Militants attacked a police post near Mandera on Monday, killing three officers."
    mentions = extractor.extract(_article(text, 2), single_event=False)
    assert len(mentions) == 1
    assert mentions[0].event_type in {"Battles", "Violence against civilians"}


def test_acled_notes_get_only_the_strict_gate(extractor: Extractor) -> None:
    """A note is one event: it is dropped only for a mishap with no conflict cue at all, never
    for crime words ACLED codes (armed robbers, cattle thieves) or a protest about a crash."""
    crash = "On 4 May 2021, a bus plunged into a ravine near Nakuru, killing 14 passengers."
    assert extractor.extract(_article(crash, 3), single_event=True) == []
    kept = (
        "On 4 May 2021, armed robbers shot dead a shopkeeper and stole cash in Nakuru.",
        "On 4 May 2021, residents of Gilgil blocked the highway after a fatal road accident.",
        "On 4 May 2021, raiders stole 200 cattle in Baringo, killing two herders.",
    )
    for n, text in enumerate(kept, start=10):
        assert len(extractor.extract(_article(text, n), single_event=True)) == 1, text


def test_toll_update_with_a_crime_word_is_still_an_event() -> None:
    """Negative evidence must outweigh: a bombing at a tax office is not a tax story."""
    from eventfuse.extract.classify import EventTyper, is_nonconflict

    typer = EventTyper.load()
    assert not is_nonconflict(typer, "The toll from Friday's bombing at the tax office rose to 30.")
    assert is_nonconflict(typer, "A minibus plunged into a ravine, killing nine passengers.")


def test_protest_over_taxes_is_an_event(extractor: Extractor) -> None:
    text = (
        "Riot police fired tear gas at hundreds of marchers in Lusaka on 3 March 2025 as "
        "lawmakers debated a tax increase. Several demonstrators were detained."
    )
    assert extractor.extract(_article(text, 90), single_event=False)
