"""A collection mostly about one country (a desk's file): a town read only abroad, in a
country the text never names, does not take the text there (``locate`` with ``prior``)."""

from __future__ import annotations

from eventfuse.geo import Geocoder
from eventfuse.model import Place

# Notes in our own words. "Kut e Abdollah" is an Iranian town the gazetteer lacks; the
# finder reads its first word, "Kut", which is a city (Al-Kut) and a district of Iraq.
KUT_E_ABDOLLAH = (
    "On 9 May 2020, municipality workers in Kut e Abdollah protested against two months of "
    "unpaid wages."
)
# an Iran file's prior: the notes read at Al-Kut do not count for Iraq (the extractor's
# ``_without_namesakes``)
IRAN_DESK = {"Iran": 1.0}


def _locate(geo: Geocoder, text: str, prior: dict[str, float] | None = None) -> Place | None:
    tops = geo.find(text, country=max(prior, key=prior.__getitem__) if prior else None)
    return geo.locate(tops, tops, text=text, prior=prior)


def test_a_lone_town_abroad_gives_way_to_the_desk_country(geo: Geocoder) -> None:
    alone = _locate(geo, KUT_E_ABDOLLAH)
    assert alone is not None and alone.country == "Iraq"  # no collection: the town abroad
    place = _locate(geo, KUT_E_ABDOLLAH, IRAN_DESK)
    # nothing in Iran bears the name: the country itself, at a coarse precision
    assert place is not None and place.country == "Iran"
    assert place.feature == "country" and place.geo_precision == 3


def test_the_desk_country_is_decided_for_the_text(geo: Geocoder) -> None:
    tops = geo.find(KUT_E_ABDOLLAH)
    assert geo.country_readings(tops, KUT_E_ABDOLLAH)[0] == "Iraq"
    main, firm = geo.country_readings(tops, KUT_E_ABDOLLAH, prior=IRAN_DESK)
    # the collection's, not the text's own words: no firm country (no hint)
    assert (main, firm) == ("Iran", None)


def test_a_town_abroad_in_a_country_the_text_names_stands(geo: Geocoder) -> None:
    for text in (
        "On 9 May 2020, smugglers who had crossed into Iraq were shot at near Kut.",
        "On 9 May 2020, workers protested in Kut, Iraq, over unpaid wages.",
        "On 9 May 2020, Iraqi workers protested in Kut over unpaid wages.",
        "On 9 May 2020, workers protested in Kut, Wasit, over unpaid wages.",
    ):
        place = _locate(geo, text, IRAN_DESK)
        assert place is not None and place.country == "Iraq", text


def test_a_mixed_collection_keeps_the_town_abroad(geo: Geocoder) -> None:
    place = _locate(geo, KUT_E_ABDOLLAH, {"Iran": 0.4, "Iraq": 0.35, "Syria": 0.25})
    assert place is not None and place.country == "Iraq"


def test_a_home_reading_still_wins_in_the_desk_country(geo: Geocoder) -> None:
    # Tripoli is Libyan and Lebanese: the desk's reading, a town, not the country
    place = _locate(geo, "On 9 May 2020, rioters set tyres on fire in Tripoli.", {"Lebanon": 0.9})
    assert place is not None and place.country == "Lebanon" and place.feature != "country"
