"""A protest's deaths are the deaths it is about, which ACLED codes as another event."""

from __future__ import annotations

import pytest

from eventfuse.extract.extractor import Extractor
from eventfuse.model import Article, Mention, content_id
from eventfuse.pipeline import default_extractor

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return default_extractor()


def _code(extractor: Extractor, text: str) -> Mention:
    mentions = extractor.extract(Article(id=content_id(text, prefix="a_"), text=text, gold={}))
    assert len(mentions) == 1
    return mentions[0]


def test_a_protest_over_a_killing_carries_no_fatality(extractor: Extractor) -> None:
    m = _code(
        extractor,
        "On 4 March 2021, residents of Kapsabet protested peacefully after a boda boda rider "
        "was killed by a speeding lorry. [size=no report]",
    )
    assert m.event_type == "Protests"
    assert m.fatalities == 0


def test_a_clash_keeps_its_dead(extractor: Extractor) -> None:
    m = _code(
        extractor,
        "On 4 March 2021, police clashed with armed cattle raiders near Kapedo, killing three "
        "raiders.",
    )
    assert m.event_type == "Battles"
    assert m.fatalities == 3
