"""Naming rules for an unseen country: gangs, units, looting, unnamed sides, governments."""

from __future__ import annotations

from eventfuse.extract.actor_gangs import gang_actor, is_gang_context
from eventfuse.extract.actor_groups import group_spans
from eventfuse.extract.actors import ActorDictionary, _harmed, code_actors
from eventfuse.model import Actor, strip_period


def _names(coding: object) -> tuple[str, str]:
    a1 = getattr(coding, "actor1", None)
    a2 = getattr(coding, "actor2", None)
    return (strip_period(a1.name) if a1 else "", strip_period(a2.name) if a2 else "")


def test_gang_only_in_latin_america_with_a_crime_cue() -> None:
    uag = Actor("Unidentified Armed Group (Mexico)", 3, "armed men")
    text = "Armed men carried out a drive-by shooting against a house."
    assert gang_actor(uag, text, "Mexico").name == "Unidentified Gang (Mexico)"
    assert gang_actor(uag, "Armed men attacked a patrol.", "Mexico") is uag
    kenya = Actor("Unidentified Armed Group (Kenya)", 3, "gang")
    assert gang_actor(kenya, "A gang killed a trader.", "Kenya") is kenya
    assert is_gang_context("The victim had his hands tied.", "Brazil")
    assert not is_gang_context("The victim had his hands tied.", None)


def test_gang_in_coding_for_a_cartel_killing() -> None:
    text = "A man was found dead; the body was dismembered. Armed men fled."
    c = code_actors(text, "Violence against civilians", "Attack", "Honduras")
    assert _names(c) == ("Unidentified Gang (Honduras)", "Civilians (Honduras)")


def test_looting_targets_civilians_or_unidentified_group() -> None:
    text = "Suspected militants looted shops and torched a warehouse."
    c = code_actors(text, "Strategic developments", "Looting/property destruction", "Niger")
    assert _names(c)[1] == "Civilians (Niger)"
    text = "Police seized two tons of cannabis hidden in a truck."
    c = code_actors(text, "Strategic developments", "Looting/property destruction", "Ghana")
    assert _names(c) == ("Police Forces of Ghana", "Unidentified Armed Group (Ghana)")


def test_unit_templates_and_foreign_demonym_units() -> None:
    d = ActorDictionary.load()
    c = code_actors("The Military Police clashed with suspects.", "Battles", "Armed clash", "Peru")
    assert "Military Forces of Peru Military Police" in _names(c)
    ms = d.find("Russian military police patrolled the town.", "Syria")
    assert strip_period(ms[0].actor.name) == "Military Forces of Russia Military Police"
    assert ms[0].actor.inter == 8


def test_unknown_state_named_in_full() -> None:
    d = ActorDictionary.load()
    ms = d.find("Military forces of Zembla fired on positions.", "Zembla")
    assert [strip_period(m.actor.name) for m in ms] == ["Military Forces of Zembla"]


def test_no_side_named_is_two_unidentified_groups() -> None:
    c = code_actors("A shoot-out took place in the market.", "Battles", "Armed clash", "Chad")
    assert _names(c) == ("Unidentified Armed Group (Chad)", "Unidentified Armed Group (Chad)")


def test_unknown_gunmen_kept_beside_a_named_group() -> None:
    text = "Unknown gunmen shot and killed a Zorblat Liberation Front (ZLF) fighter."
    c = code_actors(text, "Battles", "Armed clash", "Chad")
    assert _names(c) == ("Unidentified Armed Group (Chad)", "ZLF: Zorblat Liberation Front")


def test_policeman_is_the_police_side() -> None:
    text = "Gunmen shot and killed a policeman at a checkpoint."
    c = code_actors(text, "Battles", "Armed clash", "Mali")
    assert _names(c) == ("Unidentified Armed Group (Mali)", "Police Forces of Mali")


def test_government_measures_coded_as_government() -> None:
    text = "The governor imposed a curfew to curb the spread of the virus."
    c = code_actors(text, "Strategic developments", "Change to group/activity", "Chad")
    assert _names(c) == ("Government of Chad", "")


def test_negated_harm_is_not_harm() -> None:
    assert not _harmed("Neither fatalities nor injuries were reported.")
    assert not _harmed("No one was injured.")
    assert _harmed("Two civilians were injured.")


def test_acronym_group_before_group_noun() -> None:
    spans = group_spans("NAS rebels attacked an army base.", frozenset())
    assert [(a.name, a.inter) for a, _, _ in spans] == [("NAS", 2)]
    assert group_spans("UN staff were evacuated by the UN militia.", frozenset()) == []


def test_mob_victim_stays_actor2_when_police_only_rescue() -> None:
    text = "Residents beat a suspected thief; police later rescued him and took him to the station."
    c = code_actors(text, "Riots", "Mob violence", "Peru")
    assert _names(c) == ("Rioters (Peru)", "Civilians (Peru)")
    text = "Residents threw stones at police after a raid."
    c = code_actors(text, "Riots", "Mob violence", "Peru")
    assert _names(c) == ("Rioters (Peru)", "Police Forces of Peru")
