"""Wrong-country readings (spelling variants abroad, speakers and attackers' countries taken as
where) and admin1 consistency, on sentences written for these tests."""

from __future__ import annotations

from eventfuse.geo import Geocoder, Place, Toponym
from eventfuse.geo.evidence import decide, firm_admin1, weak_mention


def _locate(geo: Geocoder, text: str, hint: str | None = None) -> Place | None:
    tops = geo.find(text)
    return geo.locate(tops, tops, text=text, country_hint=hint)


def _at(text: str, name: str, relation: str | None = None, label: str = "GPE") -> Toponym:
    start = text.index(name)
    return Toponym(name, start, start + len(name), relation, label)


# -- evidence: speakers, actors ------------------------------------------------------------


def test_country_as_speaker_is_weak(geo: Geocoder) -> None:
    text = "Turkey said the wounded showed signs of exposure."
    assert weak_mention(text, 0, len("Turkey"), "Turkey")
    text = "Turkey and Qatar also said they would help."
    assert weak_mention(text, 0, len("Turkey"), "Turkey")
    text = "Shelling hit villages in Turkey on Monday."
    start = text.index("Turkey")
    assert not weak_mention(text, start, start + len("Turkey"), "Turkey")


def test_service_members_and_coordinated_forces_are_actors(geo: Geocoder) -> None:
    text = "Two US service members died."
    assert weak_mention(text, 4, 6, "United States")
    text = "A camp used by US and Kenyan forces was hit."
    start = text.index("US")
    assert weak_mention(text, start, start + 2, "United States")


def test_speaking_government_does_not_move_the_event(geo: Geocoder) -> None:
    # the toll of an attack in a Syrian town, with a neighbour speaking about the wounded
    text = (
        "The toll from the gas attack in Khan Sheikhoun rose to 70, the Syrian Observatory "
        "said. Turkey said victims treated in its hospitals had been exposed to a nerve agent."
    )
    tops = [_at(text, "Khan Sheikhoun", "in", "GAZ"), _at(text, "Turkey", None, "GAZ")]
    assert geo.text_country(tops, text) == "Syria"
    assert decide(geo, tops, text, None).weights["Turkey"] < 1.0


def test_attackers_country_is_not_the_event_country(geo: Geocoder) -> None:
    text = (
        "A Russian cruise missile struck a children's hospital in Kyiv on Monday. "
        "Russia denied targeting civilian sites."
    )
    tops = [_at(text, "Kyiv", "in", "GAZ"), _at(text, "Russia", None, "GAZ")]
    assert geo.text_country(tops, text) == "Ukraine"


def test_adjectival_country_the_caller_left_out_is_weak(geo: Geocoder) -> None:
    # "US airlift": the caller (the extractor) labelled "US" adjectival and passed only Kabul
    text = "Dozens were killed in the bombing outside Kabul airport as the US airlift went on."
    kabul = _at(text, "Kabul", "outside", "GAZ")
    assert geo.text_country([kabul], text) == "Afghanistan"
    # without that judgement the bare "US" still counts as a country named
    assert decide(geo, [kabul], text, None).weights["United States"] >= 3.0


# -- variants abroad -----------------------------------------------------------------------


def test_variant_abroad_is_no_reading_even_in_a_named_country(geo: Geocoder) -> None:
    # "Manda Bay" is missing from the gazetteer; its spelling is close to a US town, and the
    # text names the US (its soldiers), but the place is in Kenya
    text = (
        "Militants attacked an airfield at Manda Bay, Kenya, on Sunday, killing a soldier "
        "of the United States."
    )
    tops = [*geo.find(text), _at(text, "Manda Bay", "at", "FAC")]
    place = geo.locate(tops, tops, text=text, country_hint="Kenya")
    assert place is not None and place.country == "Kenya"


def test_variant_with_no_country_support_is_no_reading(geo: Geocoder) -> None:
    text = "Families in Githurai demand answers over the night shootings."
    top = _at(text, "Githurai", "in")
    assert geo.locate([top], [top], text=text) is None


def test_well_known_name_is_never_a_variant_elsewhere(geo: Geocoder) -> None:
    # a name that is an admin1's own ("Kharkiv") keeps no spelling variant elsewhere
    # ("Zharikovo", Russia), even where the text names Russia strongly
    text = "A missile strike hit a village in the Kharkiv region. Russia was blamed for it."
    top = _at(text, "Kharkiv", "in", "GAZ")
    place = geo.locate([top], [top], text=text, country_hint="Russia")
    assert place is None or place.country == "Ukraine"


def test_name_running_on_is_not_a_place(geo: Geocoder) -> None:
    # "St Francis" of a church's name, "Wadi" of "Wadi al-Rabi"
    text = "Gunmen attacked St Francis Xavier Catholic Church in Owo on Sunday."
    names = [t.text for t in geo.find(text)]
    assert "St Francis" not in names and "Owo" in names
    place = _locate(geo, text)
    assert place is not None and place.country == "Nigeria"
    text = "Rival forces clashed in Wadi al-Rabi on Friday."
    assert "Wadi" not in [t.text for t in geo.find(text)]


# -- admin1 consistency --------------------------------------------------------------------


def test_town_outside_named_province_loses_to_the_province(geo: Geocoder) -> None:
    text = (
        "A policeman was shot by a sniper in the Haidarabad area of Nahri Saraj district, Helmand."
    )
    place = _locate(geo, text)
    assert place is not None and place.country == "Afghanistan"
    assert geo.same_admin(place.admin1 or "", "Helmand", country="Afghanistan")


def test_district_word_lowers_an_admin1_namesake_vote(geo: Geocoder) -> None:
    text = "Fighting was reported in Saraj district, Helmand."
    tops = geo.find(text)
    assert decide(geo, tops, text, None).main == "Afghanistan"


def test_firm_admin1_needs_a_where_cue(geo: Geocoder) -> None:
    text = "Traders from Turkana met officials in Laikipia, and later in Embu county."
    assert not firm_admin1(text, _at(text, "Turkana"))
    assert firm_admin1(text, _at(text, "Laikipia", "in"))
    assert firm_admin1(text, _at(text, "Embu county"))
    assert not firm_admin1(
        "the Kuria West sub county", _at("the Kuria West sub county", "West sub county")
    )


def test_admin1_of_another_country_does_not_demote_the_town(geo: Geocoder) -> None:
    # "Comoe" closes the address but is not an admin1 of Burkina Faso in the gazetteer
    text = "Traders blocked the entrance to the town of Banfora (Banfora, Comoe)."
    place = _locate(geo, text)
    assert place is not None and place.country == "Burkina Faso"


def test_admin1_named_as_origin_does_not_override(geo: Geocoder) -> None:
    # a town inside one named admin1 is not pushed out by an admin1 named only as an origin
    text = "Herders from Turkana raided a village near Marigat."
    place = _locate(geo, text, hint="Kenya")
    assert place is not None and place.name == "Marigat"
