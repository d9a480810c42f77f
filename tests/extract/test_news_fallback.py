"""A short news report with no usable date or place still codes its lead event, once."""

from __future__ import annotations

from datetime import date

import pytest

from eventfuse.extract.extractor import Extractor
from eventfuse.model import Article, Precision, content_id
from eventfuse.pipeline import default_extractor

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return default_extractor()


def _article(text: str, published: date | None = None) -> Article:
    return Article(id=content_id(text, str(published), prefix="a_"), text=text, published=published)


def test_undated_unplaced_report_is_coded_once_without_date_or_place(
    extractor: Extractor,
) -> None:
    text = "Gunmen raped several women on their way to the market, residents said."
    mentions = extractor.extract(_article(text))
    assert len(mentions) == 1
    m = mentions[0]
    assert m.sub_event_type == "Sexual violence"
    assert m.date is None  # no publication date either: left undated, not invented
    assert m.place is None  # no country named


def test_report_date_fallback_is_approximate(extractor: Extractor) -> None:
    text = (
        "Soldiers demolished dozens of homes in the village, accusing residents of helping rebels."
    )
    pub = date(2021, 5, 4)
    (m,) = extractor.extract(_article(text, pub))
    assert m.date is not None
    assert m.date.precision == Precision.WEEK
    assert m.date.end == pub and m.date.start < pub
    assert m.confidence["event_date"] < 0.5
    assert m.evidence["event_date"].words is None  # no date words: the report's date


def test_country_named_gives_a_country_level_place(extractor: Extractor) -> None:
    text = "Government troops in Burkina Faso retook the town, which jihadists had held for days."
    (m,) = extractor.extract(_article(text))
    assert m.place is not None
    assert m.place.country == "Burkina Faso"
    assert m.place.geo_precision == 3


def test_fallback_needs_positive_conflict_evidence(extractor: Extractor) -> None:
    for text in (
        "A building under construction collapsed in the city centre, killing four workers.",
        "The president inaugurated a new railway line linking the port to the capital.",
    ):
        assert extractor.extract(_article(text)) == [], text


def test_dated_placed_report_is_unchanged(extractor: Extractor) -> None:
    text = "Militants attacked a police post near Mandera on Monday, killing three officers."
    (m,) = extractor.extract(_article(text, date(2021, 5, 4)))
    assert m.date is not None and m.date.precision == Precision.DAY
    assert m.place is not None and m.place.feature != "country"
