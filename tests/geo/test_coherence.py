"""Whole-text country coherence, spelling variants and ACLED admin conventions, on sentences
written for these tests."""

from __future__ import annotations

from eventfuse.geo import Geocoder, Place
from eventfuse.geo.evidence import decide


def _locate(geo: Geocoder, text: str) -> Place | None:
    tops = geo.find(text)
    return geo.locate(tops, tops, text=text)


def test_currency_adjective_does_not_move_the_event_abroad(geo: Geocoder) -> None:
    text = (
        "Shop owners angry at the falling pound against the US dollar closed the road "
        "in Baalbek and burned tyres near Zahle."
    )
    place = _locate(geo, text)
    assert place is not None and place.country == "Lebanon"


def test_actor_demonym_is_weak_evidence(geo: Geocoder) -> None:
    text = "A US military convoy was seen passing through Qamishli towards Al-Hasakeh city."
    tops = geo.find(text)
    assert decide(geo, tops, text, None).main == "Syria"
    place = geo.locate(tops, tops, text=text)
    assert place is not None and place.country == "Syria"


def test_governorate_in_bracket_keeps_village_in_its_country(geo: Geocoder) -> None:
    text = "Snipers fired at a farm in Al Hali (Al Hali, Al Hudaydah), wounding a boy."
    place = _locate(geo, text)
    assert place is not None and place.country == "Yemen"
    assert geo.same_admin(place.admin1 or "", "Al Hudaydah", country="Yemen")


def test_spelling_variant_of_governorate_is_found(geo: Geocoder) -> None:
    text = "Tribal fighters clashed in Wassit province, Iraq."
    assert any(t.text.startswith("Wassit") for t in geo.find(text))
    place = _locate(geo, text)
    assert place is not None and place.geo_precision == 3
    assert geo.same_admin(place.admin1 or "", "Wasit", country="Iraq")


def test_spelling_variant_of_town_in_decided_country(geo: Geocoder) -> None:
    text = "Lebanese protesters blocked the highway in Joub Jannine in the Bekaa."
    place = _locate(geo, text)
    assert place is not None and place.country == "Lebanon"
    assert place.feature == "city" and place.geo_precision == 1


def test_variant_with_no_country_needs_a_cue_and_one_country(geo: Geocoder) -> None:
    # with no country in the text a variant is taken only after a cue ("in") and only when
    # the names it is close to all lie in one country
    assert not any(t.text.startswith("Wassit") for t in geo.find("Wassit officials met."))
    place = _locate(geo, "They met in Wassit.")
    assert place is not None and place.country == "Iraq"


def test_iraqi_kurdistan_governorates_are_admin1(geo: Geocoder) -> None:
    for acled, other in (("Erbil", "Arbil"), ("Duhok", "Dahuk"), ("Sulaymaniyah", "Slemani")):
        assert geo.admin1_of(acled, "Iraq") is not None
        assert geo.same_admin(acled, other, country="Iraq")
    assert not geo.same_admin("Erbil", "Duhok", country="Iraq")
    place = _locate(geo, "Turkish drones struck a village near Zakho in Iraq.")
    assert place is not None and geo.same_admin(place.admin1 or "", "Duhok", country="Iraq")


def test_palestine_admin1_is_west_bank_or_gaza_strip(geo: Geocoder) -> None:
    place = _locate(geo, "Settlers attacked farmers in Nablus, in the West Bank.")
    assert place is not None and place.country == "Palestine"
    assert geo.same_admin(place.admin1 or "", "West Bank", country="Palestine")
    assert geo.same_admin(place.admin2 or "", "Nablus", country="Palestine", level=2)
    assert not geo.same_admin("West Bank", "Gaza Strip", country="Palestine")


def test_bracket_names_admin2_the_gazetteer_lacks(geo: Geocoder) -> None:
    text = "Militants attacked a police post at Wanlaweyn (Wanla Weyn, Lower Shabelle), Somalia."
    place = _locate(geo, text)
    assert place is not None and place.country == "Somalia"
    assert geo.same_admin(place.admin1 or "", "Lower Shabelle", country="Somalia")
    assert place.admin2 is not None


def test_as_reported_is_not_a_statement_place(geo: Geocoder) -> None:
    place = _locate(geo, "Around 3 May (as reported), in Kandahar, a crowd protested.")
    assert place is not None and place.name == "Kandahar"
