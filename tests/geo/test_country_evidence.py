"""Which country a text is about, and which mentions of a country say where the event was.

The sentences are written for these tests; each states a rule, not a row of ACLED data."""

from __future__ import annotations

from eventfuse.geo import Geocoder
from eventfuse.geo.evidence import decide, is_demonym, weak_mention
from eventfuse.model import Place


def _locate(geo: Geocoder, text: str) -> Place | None:
    tops = geo.find(text)
    return geo.locate(tops, tops, text=text)


def _weak(text: str, word: str, country: str) -> bool:
    start = text.index(word)
    return weak_mention(text, start, start + len(word), country)


def test_demonym_is_a_people_not_a_country_name() -> None:
    assert is_demonym("Somali", "Somalia") and is_demonym("Iraqis", "Iraq")
    assert not is_demonym("Kenya", "Kenya") and not is_demonym("US", "United States")


def test_mentions_that_do_not_place_the_event() -> None:
    assert _weak("Two herders were shot by Somali gunmen.", "Somali", "Somalia")
    assert _weak("Raiders from Sudan stole cattle.", "Sudan", "Sudan")
    assert _weak("They fled into Somalia after the raid.", "Somalia", "Somalia")
    assert _weak("A clash near the Ethiopian border left two dead.", "Ethiopian", "Ethiopia")
    assert _weak("Fighting on the Kenya-Somalia border.", "Somalia", "Somalia")


def test_mentions_that_do_place_the_event() -> None:
    assert not _weak("Raiders attacked a Kenyan village.", "Kenyan", "Kenya")
    assert not _weak("Protests spread in Kenya on Monday.", "Kenya", "Kenya")


def test_a_demonym_alone_is_no_event_place(geo: Geocoder) -> None:
    assert _locate(geo, "Nine people were killed in an attack by Ethiopian raiders.") is None


def test_a_place_beats_the_nationality_of_the_attackers(geo: Geocoder) -> None:
    place = _locate(geo, "Somali militants attacked a bus near Mandera.")
    assert place is not None and place.country == "Kenya"


def test_currency_mention_is_no_event_place(geo: Geocoder) -> None:
    text = "Protesters rallied against the rising US dollar exchange rate on Monday."
    assert _locate(geo, text) is None


def test_destination_country_is_not_the_event_place(geo: Geocoder) -> None:
    text = "Gunmen attacked a telecom mast outside of Garissa and fled into Somalia."
    place = _locate(geo, text)
    assert place is not None and place.country == "Kenya"


def test_admin_area_named_like_a_country(geo: Geocoder) -> None:
    place = _locate(geo, "Clan fighting left five dead in Afdere zone (Somali region).")
    assert place is not None and place.country == "Ethiopia" and place.feature == "adm1"


def test_country_name_with_and_counts(geo: Geocoder) -> None:
    text = "Residents protested in Foca, Bosnia and Herzegovina, against a dam."
    assert decide(geo, geo.find(text), text, None).main == "Bosnia and Herzegovina"
    place = _locate(geo, text)
    assert place is not None and place.country == "Bosnia and Herzegovina"


def test_group_cue_points_to_its_country(geo: Geocoder) -> None:
    text = "Houthi forces fired missiles at aircraft flying over Al Jawf governorate."
    place = _locate(geo, text)
    assert place is not None and place.country == "Yemen"


def test_alternate_name_loses_to_main_name(geo: Geocoder) -> None:
    # a town that lists "Eastleigh" among its old names loses to the town called Eastleigh
    cands = geo.candidates("Eastleigh")
    assert cands and cands[0].place.name == "Eastleigh"


def test_no_far_alternate_reading_when_the_text_names_other_countries(geo: Geocoder) -> None:
    text = "Troops of India and Pakistan exchanged fire across the LoC in Poonch district."
    place = _locate(geo, text)
    assert place is not None and place.country in ("India", "Pakistan")


def test_variant_is_no_reading_when_only_an_actor_names_the_country(geo: Geocoder) -> None:
    text = "Militants attacked the Manda Bay airfield, killing three Americans."
    place = _locate(geo, text)
    assert place is None or place.country != "United States"
