"""Speed settings change no result: parsing texts in larger spaCy batches
(``extractor.NLP_BATCH``) gives the mentions of parsing each alone, and an extractor warmed
up when built (``Extractor._warm_up``) codes as a cold one does."""

from __future__ import annotations

import pytest

from eventfuse.extract.extractor import NLP_BATCH, Extractor, _batch_size
from eventfuse.geo import Geocoder
from eventfuse.model import Article, content_id
from eventfuse.pipeline import default_extractor

pytestmark = pytest.mark.slow

# Notes in ACLED's style, in our own words; different lengths so batches need padding.
NOTES = [
    "On 3 May 2021, protesters blocked the main road in Zahle with burning tyres.",
    "On 4 May 2021, Houthi forces shelled positions of the Yemeni army in Hays district, "
    "Al Hudaydah; two soldiers were killed and four wounded, military sources said.",
    "On 5 May 2021, unidentified gunmen shot dead a civilian in Daraa al-Balad.",
    "On 6 May 2021, Turkish military forces clashed with PKK militants in the Metina region of "
    "Duhok. Three PKK militants were killed. The Turkish defence ministry reported the clash.",
    "On 7 May 2021, an IED planted by unknown perpetrators exploded near a patrol in Kirkuk city, "
    "killing one Iraqi soldier.",
] * 4


def _articles() -> list[Article]:
    return [
        Article(id=content_id(f"{i}:{t}", prefix="a_"), text=t, gold={})
        for i, t in enumerate(NOTES)
    ]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return default_extractor()


def test_batch_size_does_not_change_mentions(extractor: Extractor) -> None:
    assert NLP_BATCH > 1
    alone = list(extractor.extract_many(_articles(), batch_size=1))
    batched = list(extractor.extract_many(_articles()))
    assert [a.id for a, _ in alone] == [a.id for a, _ in batched]
    assert [m for _, m in alone] == [m for _, m in batched]
    assert sum(len(m) for _, m in batched) >= len(NOTES) // 2  # the notes code to events


def test_batch_is_smaller_for_long_texts() -> None:
    notes = _articles()
    news = [Article(id=str(i), text="word " * 1000) for i in range(20)]
    assert _batch_size(notes) == NLP_BATCH
    assert _batch_size(news) < NLP_BATCH
    assert _batch_size([]) == NLP_BATCH


def test_warm_up_changes_no_result(extractor: Extractor) -> None:
    assert extractor.actors._rx is not None  # the warm-up compiled the actor patterns
    cold = Extractor(Geocoder.default(), warm_up=False)
    assert cold.actors._rx is None
    want = [m for _, m in cold.extract_many(_articles())]
    assert [m for _, m in extractor.extract_many(_articles())] == want
