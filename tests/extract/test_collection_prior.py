"""Texts read together: a note that names no country is read in its collection's country."""

from __future__ import annotations

import pytest

from eventfuse.extract.extractor import Extractor, collection_prior
from eventfuse.model import Article, Mention, content_id
from eventfuse.pipeline import default_extractor

pytestmark = pytest.mark.slow

# Short notes in ACLED's style, in our own words, each naming a Lebanese town.
LEBANON_NOTES = [
    "On 3 May 2021, protesters blocked the main road in Zahle with burning tyres over fuel "
    "shortages.",
    "On 4 May 2021, residents gathered in front of the electricity company office in Sidon, "
    "demanding an end to power cuts.",
    "On 5 May 2021, two families exchanged fire in Baalbek over a land dispute; one man was "
    "wounded.",
    "On 6 May 2021, taxi drivers blocked the highway in Nabatieh in protest at the price of "
    "petrol.",
    "On 7 May 2021, students staged a sit-in outside the Lebanese University in Tyre over "
    "tuition fees.",
    "On 8 May 2021, depositors protested outside a bank branch in Jounieh, demanding access to "
    "their savings.",
]
# Tripoli is a Libyan city and admin area as well as a Lebanese city.
TRIPOLI = (
    "On 9 May 2021, rioters threw stones at the Serail building in Tripoli and set tyres on "
    "fire; soldiers fired in the air."
)


def _note(text: str) -> Article:
    return Article(id=content_id(text, prefix="a_"), text=text, gold={})


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return default_extractor()


def _country(mentions: list[Mention]) -> str | None:
    assert len(mentions) == 1
    place = mentions[0].place
    return place.country if place else None


def test_prior_is_the_share_of_texts_that_name_their_country() -> None:
    prior = collection_prior(["Lebanon"] * 6 + ["Syria", "Syria", None, None])
    assert prior == {"Lebanon": 0.75, "Syria": 0.25}


def test_too_few_decided_texts_give_no_prior() -> None:
    assert collection_prior(["Lebanon", "Lebanon", None, None, None, None]) == {}


def test_a_note_alone_reads_an_ambiguous_name_by_its_size(extractor: Extractor) -> None:
    assert _country(extractor.extract(_note(TRIPOLI))) == "Libya"


def test_a_note_in_a_collection_reads_it_in_the_collection_country(
    extractor: Extractor,
) -> None:
    notes = [_note(t) for t in [*LEBANON_NOTES, TRIPOLI]]
    coded = [mentions for _, mentions in extractor.extract_many(notes)]
    assert _country(coded[-1]) == "Lebanon"
    assert all(_country(m) == "Lebanon" for m in coded[:-1])
    # the actors are named in that country too
    actor = coded[-1][0].actor1
    assert actor is not None and actor.name.startswith("Rioters (Lebanon)")


def test_the_prior_does_not_move_a_note_that_names_another_country(
    extractor: Extractor,
) -> None:
    baghdad = "On 9 May 2021, a roadside bomb struck a police patrol in Baghdad, Iraq."
    notes = [_note(t) for t in [*LEBANON_NOTES, baghdad]]
    coded = [mentions for _, mentions in extractor.extract_many(notes)]
    assert _country(coded[-1]) == "Iraq"


KENYA_NOTES = [
    "On 3 June 2019, traders protested in Eldoret over new county levies.",
    "On 4 June 2019, police shot a suspected robber in Kisumu.",
    "On 5 June 2019, herders clashed with farmers near Marsabit over grazing land.",
    "On 6 June 2019, students rioted at a college in Nakuru over exam fees.",
    "On 7 June 2019, residents of Garissa demonstrated against insecurity.",
    "On 8 June 2019, a mob lynched a suspected thief in Machakos.",
]


def test_a_misspelt_town_is_read_in_the_collection_country(extractor: Extractor) -> None:
    text = "On 9 June 2019, a mob beat two men accused of theft outside a bar in Mombassa."
    assert extractor.extract(_note(text))[0].place is None
    notes = [_note(t) for t in [*KENYA_NOTES, text]]
    coded = [mentions for _, mentions in extractor.extract_many(notes)]
    place = coded[-1][0].place
    assert place is not None and (place.name, place.country) == ("Mombasa", "Kenya")
