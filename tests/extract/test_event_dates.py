"""Which date and which sentences make a news article's event: the reported clause's date,
not the statement's; the toll's event, not the reaction to it; no war onset or anniversary
coded as a new event. All texts are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from eventfuse.extract.dates import find_dates
from eventfuse.extract.extractor import Extractor, load_nlp
from eventfuse.extract.sentences import SentenceInfo, analyse_sentence
from eventfuse.model import Article, Precision, content_id
from eventfuse.pipeline import default_extractor

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return default_extractor()


def _info(text: str, published: date) -> SentenceInfo:
    sent = next(iter(load_nlp()(text).sents))
    return analyse_sentence(sent, 0, published, [])


def _article(text: str, published: date) -> Article:
    return Article(id=content_id(text, str(published), prefix="a_"), text=text, published=published)


def test_full_stop_after_a_month_name_is_not_part_of_the_date() -> None:
    (dm,) = find_dates("Gunmen stormed the camp on 19 August.", date(2022, 8, 21))
    assert dm.text == "19 August"
    (abbr,) = find_dates("Gunmen stormed the camp on Aug. 19 at dawn.", date(2022, 8, 21))
    assert abbr.text == "Aug. 19"


def test_sentence_final_date_after_a_statement_is_the_events() -> None:
    info = _info(
        "Troops ended the siege of the prison, the governor said on Sunday, after inmates "
        "seized it on 12 March.",
        date(2023, 3, 14),
    )
    assert [d.coded for d in info.event_dates] == [date(2023, 3, 12)]


def test_date_inside_the_reported_clause_is_the_events() -> None:
    info = _info(
        "A car bomb ripped through a livestock market in Kirkuk on 3 May 2021, killing 12 "
        "people, local officials said.",
        date(2021, 5, 3),
    )
    assert info.event_dates and info.event_dates[0].coded == date(2021, 5, 3)


def test_date_of_the_statement_stays_the_statements() -> None:
    info = _info("Police said on Friday that gunmen killed four farmers.", date(2021, 5, 8))
    assert info.event_dates == []
    assert [d.text for d in info.other_dates] == ["Friday"]


def test_date_modifying_an_event_noun_belongs_to_the_event() -> None:
    info = _info(
        "A panel reviewing the June 2019 truck bomb in Hilla said the attack killed 40 people.",
        date(2020, 1, 10),
    )
    assert info.event_dates and info.event_dates[0].precision == Precision.MONTH
    assert info.event_dates[0].range.start == date(2019, 6, 1)


def test_toll_dates_the_event_not_the_reaction() -> None:
    # published on Sunday 9 May 2021: "Friday" is 7 May, "Tuesday" 4 May
    info = _info(
        "Jets bombed a depot near Hama on Friday in retaliation for Tuesday's rocket attack "
        "on Jableh, which killed 14 people.",
        date(2021, 5, 9),
    )
    assert info.event_dates[0].coded == date(2021, 5, 4)


def test_day_of_the_toll_wins_over_this_month() -> None:
    info = _info(
        "It was the third bombing in Herat this month, after militants killed 12 people at a "
        "mosque on 4 June.",
        date(2021, 6, 20),
    )
    assert info.event_dates[0].coded == date(2021, 6, 4)


def test_running_total_by_a_date_does_not_date_a_new_event() -> None:
    info = _info("At least nine people were killed by Saturday morning.", date(2022, 8, 20))
    assert info.event_dates == []
    assert info.is_event  # the toll still belongs to the story


def test_war_onset_after_since_is_context() -> None:
    info = _info("It was one of the worst strikes since fighting began in May.", date(2023, 7, 2))
    assert info.event_dates == []
    assert not info.is_event


def test_war_onset_in_a_relative_clause_is_context() -> None:
    info = _info(
        "The fighting that broke out in April has displaced thousands of families.",
        date(2023, 7, 2),
    )
    assert info.event_dates == []
    assert not info.is_event


def test_anniversary_of_a_massacre_is_not_a_new_event() -> None:
    info = _info(
        "Mourners marked the first anniversary of the massacre in Kanga, in which 40 "
        "villagers were killed.",
        date(2020, 5, 2),
    )
    assert info.background is not None
    assert not info.is_event


def test_onset_background_adds_no_mention(extractor: Extractor) -> None:
    text = (
        "A drone strike killed at least 15 civilians in the Al Souq district of El Fasher on "
        "3 June 2023, the local council said. It was one of the deadliest strikes since the "
        "fighting began in April."
    )
    mentions = extractor.extract(_article(text, date(2023, 6, 4)))
    assert len(mentions) == 1
    assert mentions[0].date is not None and mentions[0].date.coded == date(2023, 6, 3)


def test_running_total_joins_the_attack(extractor: Extractor) -> None:
    text = (
        "Militants stormed a beach hotel in Kismayo on Friday evening, police said. At least "
        "nine people were killed by Saturday morning, an officer said."
    )
    mentions = extractor.extract(_article(text, date(2022, 8, 20)))  # a Saturday
    assert len(mentions) == 1
    m = mentions[0]
    assert m.date is not None and m.date.coded == date(2022, 8, 19)
    assert m.fatalities == 9


def test_onset_dated_to_the_day_is_news() -> None:
    info = _info("Clashes that erupted in Tripoli on Saturday killed 12 people.", date(2022, 8, 28))
    assert info.is_event
    assert [d.coded for d in info.event_dates] == [date(2022, 8, 27)]
