"""Tests of sides named by allegiance, named operations and new named groups (invented text)."""

from __future__ import annotations

from eventfuse.extract.actor_groups import group_spans
from eventfuse.extract.actor_loyal import PRO_GOV_MILITIA, loyal_spans, operation_spans
from eventfuse.extract.actors import ActorDictionary, Entry, code_actors
from eventfuse.model import strip_period

NATIONALS = frozenset({"freedonia", "freedonian", "sylvania", "sylvanian"})


def _dictionary() -> ActorDictionary:
    """The generic aliases plus an invented state and rebel group."""
    d = ActorDictionary.read_generic()
    d.add(Entry("Freedonian forces", "Military Forces of Freedonia", 1))
    d.add(Entry("Sylvanian forces", "Military Forces of Sylvania", 1))
    d.add(Entry("Blue Hand", "Blue Hand", 2))
    return d


def _names(text: str, et: str, sub: str, country: str) -> tuple[str, str]:
    c = code_actors(text, et, sub, country, dictionary=_dictionary())
    a1 = strip_period(c.actor1.name) if c.actor1 else ""
    a2 = strip_period(c.actor2.name) if c.actor2 else ""
    return a1, a2


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(k, text[s:e]) for k, s, e in loyal_spans(text)]


def test_loyalty_phrases_are_state_forces() -> None:
    assert _kinds("troops loyal to President Ozo Mbeki fired") == [
        ("military", "troops loyal to President Ozo Mbeki")
    ]
    assert _kinds("pro-government forces advanced") == [("military", "pro-government forces")]
    assert _kinds("government-allied troops advanced") == [("military", "government-allied troops")]
    assert _kinds("regime artillery shelled the hill") == [("military", "regime")]
    assert _kinds("pro-government militiamen looted") == [("militia", "pro-government militiamen")]
    # no armed reading: a "quarantine regime", a government statement
    assert _kinds("the quarantine regime was extended by the government") == []


def test_forces_loyal_to_the_president_are_the_event_countrys_military() -> None:
    a1, a2 = _names(
        "On 2 June, forces loyal to President Ozo clashed with Blue Hand fighters near Vell.",
        "Battles",
        "Armed clash",
        "Freedonia",
    )
    assert (a1, a2) == ("Military Forces of Freedonia", "Blue Hand")


def test_pro_government_militia_is_not_the_army() -> None:
    a1, _ = _names(
        "On 2 June, pro-government militia members attacked Blue Hand fighters in Vell.",
        "Battles",
        "Armed clash",
        "Freedonia",
    )
    assert a1 == PRO_GOV_MILITIA


def test_bare_regime_shelling_is_the_state_when_the_country_is_known() -> None:
    text = "On 2 June, the regime shelled the outskirts of Vell, wounding a farmer."
    a1, _ = _names(
        text, "Explosions/Remote violence", "Shelling/artillery/missile attack", "Sylvania"
    )
    assert a1 == "Military Forces of Sylvania"


def test_operation_with_a_demonym_is_that_state_and_alone_is_its_own_actor() -> None:
    dem = {"freedonian": "Freedonia"}
    ops = operation_spans("Freedonian Operation Iron Gale forces struck a camp", dem)
    assert [(n, s) for n, s, _, _ in ops] == [("Operation Iron Gale", "Freedonia")]
    ops = operation_spans("fighters of Operation Iron Gale shelled Vell", dem)
    assert [(n, s) for n, s, _, _ in ops] == [("Operation Iron Gale", None)]
    # launching an operation names an event, not a side
    assert operation_spans("the army launched Operation Iron Gale on Monday", dem) == []


def test_operation_coding_end_to_end() -> None:
    a1, _ = _names(
        "On 2 June, Freedonian Operation Iron Gale forces bombed Blue Hand positions in Vell.",
        "Explosions/Remote violence",
        "Air/drone strike",
        "Sylvania",
    )
    assert a1 == "Military Forces of Freedonia"
    a1, a2 = _names(
        "On 2 June, fighters of Operation Iron Gale clashed with Blue Hand fighters in Vell.",
        "Battles",
        "Armed clash",
        "Sylvania",
    )
    assert (a1, a2) == ("Operation Iron Gale", "Blue Hand")


def test_a_faction_coded_under_the_state_name_is_a_side_not_a_unit() -> None:
    d = _dictionary()
    d.add(Entry("Grey Council", "Military Forces of Freedonia Grey Council", 2))
    c = code_actors(
        "On 2 June, Freedonian forces clashed with Grey Council fighters near Vell.",
        "Battles",
        "Armed clash",
        "Freedonia",
        dictionary=d,
    )
    got = {
        strip_period(c.actor1.name if c.actor1 else ""),
        strip_period(c.actor2.name if c.actor2 else ""),
    }
    assert got == {"Military Forces of Freedonia", "Military Forces of Freedonia Grey Council"}


def test_one_word_name_with_members_is_a_militia() -> None:
    names = [a.name for a, _, _ in group_spans("two Zorbak members robbed a shop", NATIONALS)]
    assert names == ["Zorbak Militia"]
    # a national word or a number word is not a name
    assert group_spans("Freedonian members of parliament met", NATIONALS) == []
    assert group_spans("on Monday, Three members were seen", NATIONALS) == []


def test_capitalised_name_acting_after_the_is_a_new_group() -> None:
    text = "On 2 June, the Sons of Quill claimed responsibility for an arson attack on a depot."
    names = [a.name for a, _, _ in group_spans(text, NATIONALS)]
    assert names == ["Sons of Quill"]
    # no verb of armed action: a place or an institution, not a group
    assert group_spans("On 2 June, the Bank of Quill opened a branch.", NATIONALS) == []
    # an institution acting is not an armed group
    assert group_spans("the Interior Ministry carried out a review", NATIONALS) == []


def test_foreign_forces_take_their_coalition_in_its_theatre() -> None:
    d = ActorDictionary.read_generic()
    d.add(Entry("American troops", "Military Forces of the United States", 1))
    text = "On 2 June, American troops raided a farm near Hajin, detaining two men."
    c = code_actors(text, "Battles", "Armed clash", "Syria", dictionary=d)
    assert c.actor1 is not None and c.actor1.name == "Global Coalition Against Daesh"
    # outside the coalition's theatre the state keeps its own name
    c = code_actors(text, "Battles", "Armed clash", "Somalia", dictionary=d)
    assert c.actor1 is not None and strip_period(c.actor1.name).endswith("the United States")


def test_two_demonyms_sharing_a_force_noun_name_both_states() -> None:
    d = _dictionary()
    got = [strip_period(m.actor.name) for m in d.find("Freedonian and Sylvanian forces met", None)]
    assert got == ["Military Forces of Freedonia", "Military Forces of Sylvania"]


def test_a_unit_learned_under_one_country_takes_the_demonyms_state() -> None:
    d = _dictionary()
    d.add(Entry("Harbour Guard", "Military Forces of Freedonia (2001-) Harbour Guard", 1))
    found = d.find("Sylvanian harbour guard boats patrolled the bay", "Freedonia")
    assert [m.actor.name for m in found] == ["Military Forces of Sylvania Harbour Guard"]


def test_the_state_named_first_in_a_clash_between_two_sides_is_actor1() -> None:
    a1, a2 = _names(
        "On 2 June, clashes took place between regime forces and gunmen near Vell.",
        "Battles",
        "Armed clash",
        "Sylvania",
    )
    assert (a1, a2) == ("Military Forces of Sylvania", "Unidentified Armed Group (Sylvania)")
