"""ACLED-style admin spellings and note patterns, on sentences written for these tests."""

from __future__ import annotations

import pytest

from eventfuse.geo import Geocoder
from eventfuse.geo.adminmatch import loosely_same
from eventfuse.model import Toponym


@pytest.mark.parametrize(
    ("acled", "gazetteer"),
    [
        ("Almargeb", "Al Marqab"),  # glued article, g/q
        ("Aljfara", "Al Jifarah"),
        ("Republic of Sakha", "Saha, Respublika"),  # official words, word order
        ("Distrito Federal", "Ciudad de Mexico"),  # historic name (aliases table)
        ("Idleb", "Idlib"),
    ],
)
def test_loosely_same_joins_acled_spellings(acled: str, gazetteer: str) -> None:
    assert loosely_same(acled, gazetteer)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Upper East", "Upper West"), ("Nord-Kivu", "Sud-Kivu"), ("North", "North East")],
)
def test_loosely_same_keeps_distinct_areas_apart(a: str, b: str) -> None:
    assert not loosely_same(a, b)


def test_same_admin_uses_loose_rules(geo: Geocoder) -> None:
    assert geo.same_admin("Almargeb", "Al Marqab", country="Libya", level=1)
    assert geo.same_admin("Distrito Federal", "Ciudad de Mexico", country="Mexico", level=1)


def _locate(geo: Geocoder, text: str) -> object:
    tops = geo.find(text)
    return geo.locate(tops, tops, text=text)


def test_comma_admin1_after_town_wins_over_other_readings(geo: Geocoder) -> None:
    text = "On 6 May 2020, in Belford Roxo, Rio de Janeiro, a shoot-out took place."
    place = _locate(geo, text)
    assert place is not None and place.name == "Belford Roxo"
    assert place.admin1 == "Rio de Janeiro"


def test_big_city_with_its_admin1_beats_the_dominant_country(geo: Geocoder) -> None:
    text = (
        "On 8 May 2020, in Medellin, Antioquia department, a corridor was created to move "
        "200 Venezuelan migrants back to Venezuela."
    )
    place = _locate(geo, text)
    assert place is not None and place.country == "Colombia"
    assert geo.same_admin(place.admin1 or "", "Antioquia", country="Colombia")


def test_initials_and_month_names_are_not_places(geo: Geocoder) -> None:
    text = "Around Aug 1st 2019, militants shot at civilians in J&K."
    tops = [Toponym(w, text.index(w), text.index(w) + len(w)) for w in ("Aug", "J", "K")]
    assert geo.locate(tops, tops, text=text) is None


def test_lede_places_stand_in_when_the_event_has_none(geo: Geocoder) -> None:
    text = "On 8 May 2020, heavy artillery fire was reported in Tripoli. No casualties."
    tops = geo.find(text)
    place = geo.locate([], tops, text=text)
    assert place is not None and place.country == "Libya"
    later = text + " Talks continued in Geneva."
    assert geo.locate([], geo.find(later), text=later) is None
