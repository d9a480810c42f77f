"""Where the words say a town is the event's place though no "in" precedes it: a verb whose
object is a place ("shelled Menbij"), the people or an institution of a town ("Litein
residents", "Bungoma High School"); and where a town's name is not the town: a street's name
("Raju street of Afrin city"), a village elsewhere tied by a comma to a city ("Ermita, Manila")."""

from __future__ import annotations

import pytest

from eventfuse.geo import Geocoder
from eventfuse.geo.cues import ACT_CUES
from eventfuse.geo.finder import relation_before
from eventfuse.model import Place


def _found(geo: Geocoder, text: str, country: str) -> list[tuple[str, str | None]]:
    return [(t.text, t.relation) for t in geo.find(text, country=country)]


def _locate(geo: Geocoder, text: str, country: str) -> Place | None:
    tops = geo.find(text, country=country)
    return geo.locate(tops, tops, text=text, prior={country: 1.0})


@pytest.mark.parametrize("cue", ACT_CUES)
def test_every_act_cue_is_read_as_the_relation(cue: str) -> None:
    text = f"forces {cue} Vell"
    assert relation_before(text, len(text) - 4) == cue


def test_a_small_town_after_shelled_is_found_beside_its_province(geo: Geocoder) -> None:
    text = "Turkish forces shelled Menbij in Aleppo on Tuesday."
    assert ("Menbij", "shelled") in _found(geo, text, "Syria")
    place = _locate(geo, text, "Syria")
    assert place is not None and place.name == "Manbij" and place.geo_precision == 1


@pytest.mark.parametrize("cue", [c for c in ACT_CUES if c.endswith(" of")])
def test_the_object_of_a_siege_or_shelling_is_the_place_itself(geo: Geocoder, cue: str) -> None:
    # "\w+ of" reads as "near" elsewhere ("east of", "area of"); "the siege of X" is X itself
    text = f"On 3 May 2020 the {cue} Manbij by regime forces went on."
    place = _locate(geo, text, "Syria")
    assert place is not None and place.name == "Manbij" and place.geo_precision == 1


def test_a_verb_whose_object_may_be_a_person_is_no_cue(geo: Geocoder) -> None:
    # "attacked" is left out (its object is as often a man); with another place named, the
    # one-word town is not taken without a cue.
    text = "Turkish forces attacked Menbij in Aleppo on Tuesday."
    assert "Menbij" not in [name for name, _ in _found(geo, text, "Syria")]


def test_a_street_named_after_a_town_is_not_the_town(geo: Geocoder) -> None:
    text = "A fuel tanker exploded in the market area in Raju street of Afrin city."
    assert "Raju" not in [name for name, _ in _found(geo, text, "Syria")]
    place = _locate(geo, text, "Syria")
    assert place is not None and place.name == "Afrin"


def test_one_of_a_towns_streets_keeps_the_town(geo: Geocoder) -> None:
    text = "Police shot two men on a busy Nairobi street."
    assert [name for name, _ in _found(geo, text, "Kenya")] == ["Nairobi"]


def test_a_name_tied_by_comma_to_a_city_is_not_a_namesake_elsewhere(geo: Geocoder) -> None:
    place = _locate(geo, "Protesters gathered in Ermita, Manila on Friday.", "Philippines")
    assert place is not None and place.admin1 == "National Capital"


def test_a_list_of_towns_is_no_quarter_and_city(geo: Geocoder) -> None:
    place = _locate(geo, "Rallies were held in Kiambu, Thika, Gatundu and Limuru.", "Kenya")
    assert place is not None and place.name == "Kiambu"


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        ("Litein residents protested over insecurity.", "Litein", "Kericho"),
        ("Students of Bungoma High School set fire to a dormitory.", "Bungoma", "Bungoma"),
        ("Hundreds of residents of Gatundu protested on Monday.", "Gatundu", "Kiambu"),
        ("Bungoma High school students protested on Monday.", "Bungoma", "Bungoma"),
        ("A man was lynched in Molo Township on Sunday.", "Molo", "Nakuru"),
    ],
)
def test_a_towns_residents_or_school_place_the_event_there(
    geo: Geocoder, text: str, name: str, admin1: str
) -> None:
    place = _locate(geo, text, "Kenya")
    assert place is not None
    assert (place.name, place.admin1, place.geo_precision) == (name, admin1, 1)


def test_residents_of_is_read_as_a_where_cue(geo: Geocoder) -> None:
    text = "Residents of Kathwana and Chuka protested; police fired teargas in Nairobi."
    assert ("Kathwana", "residents of") in _found(geo, text, "Kenya")


def test_the_first_town_of_a_route_stands_in_when_nothing_else_is_named(geo: Geocoder) -> None:
    text = "Demonstrators blocked the Eldoret-Kitale road on Monday."
    assert _found(geo, text, "Kenya") == [("Eldoret", "route")]
    place = _locate(geo, text, "Kenya")
    assert place is not None and place.name == "Eldoret" and place.geo_precision == 2


def test_a_place_on_the_route_beats_the_routes_first_town(geo: Geocoder) -> None:
    text = "Traders blocked the Eldoret-Nakuru highway at Burnt Forest on Monday."
    place = _locate(geo, text, "Kenya")
    assert place is not None and place.name == "Burnt Forest"


def test_towns_of_is_a_where_cue(geo: Geocoder) -> None:
    text = "Rallies were held in the towns of Kiambu, Thika and Limuru."
    assert ("Kiambu", "towns of") in _found(geo, text, "Kenya")
    place = _locate(geo, text, "Kenya")
    assert place is not None and place.name == "Kiambu"


def test_an_admin1_named_institution_is_in_that_admin1(geo: Geocoder) -> None:
    text = "Herders attacked rangers at Laikipia Nature Conservancy."
    assert [name for name, _ in _found(geo, text, "Kenya")] == ["Laikipia"]
    place = _locate(geo, text, "Kenya")
    assert place is not None and place.admin1 == "Laikipia"
