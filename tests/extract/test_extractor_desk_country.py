"""A file of one country's notes: a note naming only a village the gazetteer lacks, whose
first word is a town abroad, is coded in the file's country, actors too."""

from __future__ import annotations

import pytest

from eventfuse.extract.extractor import Extractor, _ArticlePlaces, _without_namesakes
from eventfuse.model import Article, content_id
from eventfuse.pipeline import default_extractor

pytestmark = pytest.mark.slow

# Short notes in ACLED's style, in our own words, each naming an Iranian town.
IRAN_NOTES = [
    "On 3 May 2020, retired teachers gathered in front of the governorate in Ahvaz, demanding "
    "their pensions.",
    "On 4 May 2020, farmers protested in Isfahan over the diversion of river water.",
    "On 5 May 2020, steel workers staged a rally in Shiraz over unpaid wages.",
    "On 6 May 2020, bus drivers protested in Tabriz against the cut in their fuel quota.",
    "On 7 May 2020, nurses gathered outside the university hospital in Mashhad over late pay.",
    "On 8 May 2020, sugar cane workers protested in Shush over four months of unpaid wages.",
]
# "Kut e Abdollah" (Khuzestan) is missing from the gazetteer; "Kut" is Al-Kut in Iraq.
KUT_NOTES = [
    "On 9 May 2020, municipality workers in Kut e Abdollah protested against two months of "
    "unpaid wages.",
    "On 10 May 2020, about 30 municipality workers in Kut e Abdollah protested again over "
    "their unpaid wages.",
]


def _note(text: str) -> Article:
    return Article(id=content_id(text, prefix="a_"), text=text, gold={})


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return default_extractor()


def test_a_village_of_the_file_is_no_town_abroad(extractor: Extractor) -> None:
    notes = [_note(t) for t in [*IRAN_NOTES, *KUT_NOTES]]
    coded = [mentions for _, mentions in extractor.extract_many(notes)]
    for mentions in coded[-2:]:
        assert len(mentions) == 1
        place, actor = mentions[0].place, mentions[0].actor1
        assert place is None or (place.country == "Iran" and place.geo_precision == 3)
        assert actor is not None and actor.name == "Protesters (Iran)"


def test_a_note_of_the_file_that_names_the_neighbour_keeps_it(extractor: Extractor) -> None:
    text = "On 9 May 2020, Iraqi workers protested in Kut over unpaid wages."
    notes = [_note(t) for t in [*IRAN_NOTES, text]]
    coded = [mentions for _, mentions in extractor.extract_many(notes)]
    place = coded[-1][0].place
    assert place is not None and place.country == "Iraq"


def _places(extractor: Extractor, text: str) -> _ArticlePlaces:
    doc = extractor.nlp(text)
    return extractor._article_places(_note(text), extractor._toponyms(doc))


def test_a_country_reached_through_one_name_only_is_no_part_of_the_file(
    extractor: Extractor,
) -> None:
    assert extractor.locator is not None
    wheres = [_places(extractor, t) for t in [*IRAN_NOTES, *KUT_NOTES]]
    firm = [w.firm_country for w in wheres]
    assert firm[-2:] == ["Iraq", "Iraq"]  # each note alone: Al-Kut
    kept = _without_namesakes(extractor.locator, wheres, firm)
    assert kept[:-2] == firm[:-2] and kept[-2:] == [None, None]
    # two places of Iraq, or Iraq named by the note itself: a country of the file
    for other in (
        "On 11 May 2020, workers protested in Basra over unpaid wages.",
        "On 11 May 2020, workers from Iraq protested in Kut e Abdollah over unpaid wages.",
    ):
        more = [*wheres, _places(extractor, other)]
        firm = [w.firm_country for w in more]
        assert firm[-1] == "Iraq", other
        assert _without_namesakes(extractor.locator, more, firm) == firm, other
