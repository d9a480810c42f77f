"""Finder recall on names the gazetteer has (office words, admin-unit variants, city
quarters) and the national capital for national-level texts (see geo/national.py)."""

from __future__ import annotations

import pytest

from eventfuse.geo import Geocoder
from eventfuse.geo.national import capital_place
from eventfuse.model import Place


def _locate(geo: Geocoder, text: str, country: str) -> Place | None:
    tops = geo.find(text, country=country)
    return geo.locate(tops, tops, text=text, prior={country: 1.0})


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Diyarbakir Governorship banned all rallies for a week.", "Diyarbakir"),
        ("Kirkuk Governor's Office imposed a curfew after the blast.", "Kirkuk"),
    ],
)
def test_office_word_does_not_hide_the_area(geo: Geocoder, text: str, name: str) -> None:
    assert name in [t.text for t in geo.find(text)]


def test_loose_variant_before_district_word(geo: Geocoder) -> None:
    place = _locate(geo, "Gunmen ambushed a patrol in Makhmur district on Monday.", "Iraq")
    assert place is not None and place.admin2 == "Makhmur"


def test_loose_variant_needs_an_admin_word(geo: Geocoder) -> None:
    # the same spelling with no unit word after it stays below the loose floor
    names = [t.text for t in geo.find("Gunmen met Makhmur on Monday.", country="Iraq")]
    assert "Makhmur" not in names


def test_parent_area_after_unit_and_comma(geo: Geocoder) -> None:
    text = "A patrol was hit by a roadside bomb in Gizab district, Urozgan."
    place = _locate(geo, text, "Afghanistan")
    assert place is not None and place.admin1 == "Uruzgan"


def test_city_quarter_written_with_hyphen(geo: Geocoder) -> None:
    text = "Pensioners rallied in Belgrade-Zvezdara against the new law."
    assert "Belgrade" in [t.text for t in geo.find(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Truckers blocked the Nairobi-Mombasa highway for hours.",
        "Farmers marched along the Kisumu-Busia road.",
    ],
)
def test_route_between_two_towns_is_not_a_quarter(geo: Geocoder, text: str) -> None:
    assert geo.find(text) == [] or all(t.relation is not None for t in geo.find(text))


def test_national_text_gets_the_capital(geo: Geocoder) -> None:
    text = "Parliament voted to extend the state of emergency by three months."
    place = _locate(geo, text, "Iraq")
    assert place is not None
    assert (place.name, place.admin1, place.geo_precision) == ("Baghdad", "Baghdad", 3)
    assert place.feature == "city"


def test_country_named_as_where_with_national_words(geo: Geocoder) -> None:
    place = _locate(geo, "Ministry staff went on strike across Yemen.", "Yemen")
    assert place is not None and place.name == "Sanaa"


def test_country_named_alone_is_no_signal(geo: Geocoder) -> None:
    place = _locate(geo, "Herders clashed over water in Kenya.", "Kenya")
    assert place is None or place.feature == "country"


def test_capital_named_like_its_country(geo: Geocoder) -> None:
    place = _locate(geo, "Gunmen shot a bus driver in Guatemala City.", "Guatemala")
    assert place is not None and (place.name, place.feature) == ("Guatemala City", "city")


def test_no_capital_without_a_country(geo: Geocoder) -> None:
    tops = geo.find("Parliament voted to extend the state of emergency.")
    assert geo.locate(tops, tops, text="Parliament voted to extend the state of emergency.") is None


def test_no_capital_for_an_unknown_cued_place(geo: Geocoder) -> None:
    text = "The government said two soldiers died near Qaryat Zzyxwv."
    assert _locate(geo, text, "Iraq") is None


def test_no_capital_for_a_region_of_the_country(geo: Geocoder) -> None:
    text = "Government troops clashed with herders in northern Kenya."
    place = _locate(geo, text, "Kenya")
    assert place is None or place.feature == "country"  # the country only, never Nairobi


def test_no_capital_for_a_text_without_national_words(geo: Geocoder) -> None:
    assert _locate(geo, "Youths threw stones at passing cars.", "Kenya") is None


def test_no_capital_for_an_unknown_place_attacked(geo: Geocoder) -> None:
    text = "The government raised the toll of Sunday's attack on Qoxtiba Da to forty."
    assert _locate(geo, text, "Mali") is None


def test_no_capital_when_the_text_names_a_town_inside(geo: Geocoder) -> None:
    national = "The government condemned the attack and declared three days of mourning."
    tops = geo.find(national, country="Mali")
    seat = capital_place(geo, "Mali", tops, None, national)
    assert seat is not None and seat.name == "Bamako"
    text = national + " Gunmen had stormed a market in Mopti."
    tops = geo.find(text, country="Mali")
    assert capital_place(geo, "Mali", tops, None, text) is None
