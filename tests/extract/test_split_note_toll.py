"""A coder's "fatalities split across N events" note divides the toll, wherever it sits."""

from __future__ import annotations

import pytest

from eventfuse.extract.extractor import Extractor
from eventfuse.model import Article, Mention, content_id
from eventfuse.pipeline import default_extractor

pytestmark = pytest.mark.slow

TOLL = (
    "On 9 June 2021, soldiers clashed with militants near Kapedo and five militants were "
    "killed in the fighting."
)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return default_extractor()


def _code(extractor: Extractor, text: str) -> Mention:
    mentions = extractor.extract(Article(id=content_id(text, prefix="a_"), text=text, gold={}))
    assert len(mentions) == 1
    return mentions[0]


def test_the_toll_alone_is_counted_whole(extractor: Extractor) -> None:
    assert _code(extractor, TOLL).fatalities == 5


def test_a_split_note_in_its_own_sentence_divides_the_toll(extractor: Extractor) -> None:
    # 5 split between 2 events: the rounded-up share, as in the note's own sentence.
    m = _code(extractor, TOLL + " Fatalities split between 2 events.")
    assert m.fatalities == 3


def test_a_stated_share_is_the_rows_toll(extractor: Extractor) -> None:
    m = _code(extractor, TOLL + " Fatalities are split across 2 events (2).")
    assert m.fatalities == 2
