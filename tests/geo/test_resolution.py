"""Toponym scanning and event-place choice on sentences written for these tests."""

from __future__ import annotations

from eventfuse.geo import Geocoder, haversine_km


def _locate(geo: Geocoder, text: str) -> object:
    tops = geo.find(text)
    return geo.locate(tops, tops, text=text)


def test_raid_east_of_wadi_lands_in_anbar_precision_2(geo: Geocoder) -> None:
    text = (
        "Coalition and Iraqi troops struck militants at dawn in al-Hazimi, east of "
        "Wadi al-Qadhf in Anbar province, killing several of them."
    )
    place = _locate(geo, text)
    assert place is not None
    assert geo.same_admin(place.admin1 or "", "Al Anbar")
    assert place.geo_precision == 2
    assert place.country == "Iraq"
    qadhf = geo.candidates("Wadi al-Qadhf")[0].place
    assert haversine_km((place.latitude, place.longitude), (qadhf.latitude, qadhf.longitude)) < 25


def test_hamrin_range_and_variant_spelling(geo: Geocoder) -> None:
    place = _locate(geo, "Nine commanders died when troops raided hideouts in the Hamreen Hills.")
    assert place is not None and place.name == "Hamrin Mountains"
    assert place.country == "Iraq"


def test_province_alone_is_precision_3_at_its_seat(geo: Geocoder) -> None:
    place = _locate(geo, "Gunmen attacked an army post north of Diyala, Iraqi officials said.")
    assert place is not None
    assert geo.same_admin(place.admin1 or "", "Diyala")
    assert place.geo_precision == 3
    assert place.latitude is not None


def test_statement_place_is_not_event_place(geo: Geocoder) -> None:
    text = (
        "In Baghdad, the interior ministry announced that police had arrested three "
        "suspects in Samarra."
    )
    place = _locate(geo, text)
    assert place is not None and place.name == "Samarra"
    assert geo.same_admin(place.admin1 or "", "Sala al-Din")


def test_dateline_is_not_event_place(geo: Geocoder) -> None:
    text = "BAGHDAD (Reuters) - A roadside bomb wounded two soldiers near Tarmiyah on Monday."
    tops = geo.find(text)
    assert tops[0].relation == "dateline"
    place = geo.locate(tops, tops, text=text)
    assert place is not None and place.name == "Tarmiyah" and place.geo_precision == 2


def test_common_words_are_not_places(geo: Geocoder) -> None:
    text = "Police said the Mercy convoy reached the Bar of the court. Of note, May was calm."
    assert [t.text for t in geo.find(text)] == []


def test_acled_bracket_constrains_the_town(geo: Geocoder) -> None:
    place = _locate(geo, "On 3 May, protesters gathered in Mudiyah (Mudiyah, Abyan).")
    assert place is not None and place.country == "Yemen"
    assert geo.same_admin(place.admin1 or "", "Abyan")


def test_no_cross_continent_when_country_is_named(geo: Geocoder) -> None:
    # "Ramadi" alone is Iraqi; "Baghdad" also names a small place outside Iraq; and
    # "Jordan" is a town in several US states: the Iraqi context must keep the Iraqi reading.
    text = "Iraqi forces clashed with militants in Hit, west of Ramadi, in Iraq."
    place = _locate(geo, text)
    assert place is not None and place.country == "Iraq"
    assert geo.same_admin(place.admin1 or "", "Anbar")
    best = geo.candidates("Hit", countries=["Iraq"])[0]
    assert best.place.country == "Iraq"


def test_relations_are_read(geo: Geocoder) -> None:
    text = "Fighting was reported on the outskirts of Kirkuk and 10 km south of Tikrit."
    rel = {t.text: t.relation for t in geo.find(text)}
    assert rel == {"Kirkuk": "on the outskirts of", "Tikrit": "south of"}
