"""An event's dead summed across sentences the ACLED way: victims added with "also" join
the toll, a restated figure does not, and a coder's own total wins."""

from __future__ import annotations

import pytest

from eventfuse.extract.extractor import Extractor
from eventfuse.model import Article, Mention, content_id
from eventfuse.pipeline import default_extractor

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return default_extractor()


def _killed(extractor: Extractor, text: str) -> int | None:
    article = Article(id=content_id(text, prefix="a_"), text=text, gold={})
    mentions: list[Mention] = extractor.extract(article)
    assert len(mentions) == 1
    return mentions[0].fatalities


BATTLE = (
    "On 19 March 2020, 2 policemen were killed following an ambush by Taliban militants in "
    "Dawlat Abad district, Balkh."
)


def test_victims_added_with_also_join_the_toll(extractor: Extractor) -> None:
    assert _killed(extractor, BATTLE + " Local officials said 6 militants were also killed.") == 8


def test_a_restated_figure_is_not_added(extractor: Extractor) -> None:
    assert _killed(extractor, BATTLE + " The 2 policemen were buried the next day.") == 2
    text = (
        "A police officer and two youths are killed in a confrontation at a mosque in Mombasa. "
        "Police stormed the mosque and a police officer was killed. "
        "Two youths were also shot dead by police."
    )
    assert _killed(extractor, text) == 3


def test_without_also_the_repeated_figure_stands(extractor: Extractor) -> None:
    text = (
        "On 4 May 2020, gunmen killed 5 people in Kalas village. "
        "The 5 dead were farmers returning from the market."
    )
    assert _killed(extractor, text) == 5


def test_the_coders_total_sentence_wins(extractor: Extractor) -> None:
    text = (
        "On 8 May 2020, armed men shot the passengers of a car in Santa Fe, Ocotepeque. "
        "Three men were killed. A fourth person died later. 4 fatalities."
    )
    assert _killed(extractor, text) == 4


def test_a_claimed_total_does_not_override_the_report(extractor: Extractor) -> None:
    text = (
        "On 17 June 2019, an IED detonated in Tarbaj, killing 8 police officers. "
        "Al Shabaab claims 15 fatalities."
    )
    assert _killed(extractor, text) == 8
