"""General actor-naming kinds found on the development side (session 6): pro-government
militias without a hyphen, identity militias named by "bandits"/"youths" and in pairs,
acronyms written before the group's full name, a country's possessive as a state phrase,
and crowds of another nationality."""

from __future__ import annotations

from eventfuse.extract.actor_civilians import foreign_crowd
from eventfuse.extract.actor_communal import communal_spans
from eventfuse.extract.actor_groups import group_spans
from eventfuse.extract.actor_loyal import loyal_spans

NATIONALS = frozenset({"kenya", "kenyan", "zambia", "zambian", "nepal", "indian", "india"})
DEMONYMS = {"indian": "India", "nepali": "Nepal", "chinese": "China", "kenyan": "Kenya"}


def _names(text: str, country: str = "Kenya") -> list[str]:
    return [a.name for a, _, _ in communal_spans(text, country, NATIONALS)]


def test_pro_government_militia_without_hyphen() -> None:
    spans = loyal_spans("Taliban militants attacked pro government militia forces in Logar.")
    assert [k for k, _, _ in spans] == ["militia"]


def test_bandits_and_youths_name_identity_militias() -> None:
    assert _names("Armed Pokot bandits attacked Lokori.") == ["Pokot Ethnic Militia (Kenya)"]
    assert _names("Orma youths attack journalists.") == ["Orma Ethnic Militia (Kenya)"]
    assert _names("Armed bandits attacked a village.") == []  # no group named


def test_militants_after_a_name_are_not_an_ethnic_militia() -> None:
    assert _names("Two suspected Abu Sayyaf militants were shot dead.", "Philippines") == []


def test_pair_as_subject_names_both_sides_in_order() -> None:
    names = _names("Beni Amir and Nuba groups clashed in Kassala.", "Sudan")
    assert names[:2] == ["Beni Amir Ethnic Militia (Sudan)", "Nuba Ethnic Militia (Sudan)"]


def test_pair_after_between_with_militias_keeps_first_named_first() -> None:
    spans = communal_spans("Battles between Garre and Degodia militias.", "Kenya", NATIONALS)
    first = {a.name: s for a, s, _ in sorted(spans, key=lambda x: -x[1])}
    assert first["Garre Ethnic Militia (Kenya)"] < first["Degodia Ethnic Militia (Kenya)"]


def test_pair_called_clans_gives_clan_militias() -> None:
    names = _names("Clashes between the Kapkeny and Kabasiran clans broke out in Mogil.")
    assert "Kapkeny Clan Militia (Kenya)" in names
    assert "Kabasiran Clan Militia (Kenya)" in names
    assert not any("Ethnic" in n for n in names)


def test_pair_that_suffered_is_not_named_as_subject() -> None:
    assert _names("Turkana and Samburu herders were killed by unknown gunmen.") == []


def test_acronym_before_full_name_in_parentheses() -> None:
    spans = group_spans("The NAS (National Salvation Front) rebels attacked Loka.", NATIONALS)
    names = [a.name for a, _, _ in spans]
    assert "NAS: National Salvation Front" in names
    assert "National Salvation Front" not in names


def test_country_possessive_phrase_is_a_state_force_not_a_group() -> None:
    spans = group_spans("Elements of Zambia's Army were spotted in Moliro.", NATIONALS)
    assert spans == []


def test_foreign_crowd_named_by_nationality() -> None:
    text = "Indian nationals clashed with Nepal Armed Police personnel in Jhapa."
    crowd = foreign_crowd(text, "Nepal", DEMONYMS, "Rioters")
    assert crowd is not None and crowd.name == "Rioters (India)" and crowd.inter == 5
    protest = foreign_crowd("Chinese demonstrators gathered.", "Nepal", DEMONYMS, "Protesters")
    assert protest is not None and protest.name == "Protesters (China)" and protest.inter == 6


def test_foreign_crowd_skips_own_country_victims_and_unknown_kinds() -> None:
    assert foreign_crowd("Kenyan students rioted.", "Kenya", DEMONYMS, "Rioters") is None
    victims = "A group of Indian nationals were attacked by a mob in Birgunj."
    assert foreign_crowd(victims, "Nepal", DEMONYMS, "Rioters") is None
    assert foreign_crowd("Indian nationals clashed.", "Nepal", DEMONYMS, "Civilians") is None


def test_migrant_crowd_is_international() -> None:
    text = "A group of 78 migrants who tried to escape using violence from quarantine."
    crowd = foreign_crowd(text, "Morocco", DEMONYMS, "Rioters")
    assert crowd is not None and crowd.name == "Rioters (International)"
    text = "Migrants clashed with police at the quarantine centre."
    crowd = foreign_crowd(text, "Morocco", DEMONYMS, "Rioters")
    assert crowd is not None and crowd.name == "Rioters (International)"
