"""Police coded the ACLED way (session 7, second round): a foreign state's police named by
its demonym are that state's police, not the event country's; "security forces" facing a
crowd, with no soldiers named, are the police."""

from __future__ import annotations

from eventfuse.extract.actor_police import (
    crowd_security_is_police,
    foreign_police_spans,
    police_pattern,
)
from eventfuse.extract.actors import ActorDictionary, code_actors
from eventfuse.model import strip_period


def _names(text: str, event_type: str, sub: str, country: str) -> tuple[str, str]:
    c = code_actors(text, event_type, sub, country, dictionary=ActorDictionary.load())
    a1 = strip_period(c.actor1.name) if c.actor1 else ""
    a2 = strip_period(c.actor2.name) if c.actor2 else ""
    return a1, a2


def test_neighbour_police_keep_their_own_state() -> None:
    text = "Nigerien border police fired warning shots at smugglers crossing the river."
    a1, _ = _names(text, "Strategic developments", "Other", "Benin")
    assert a1 == "Police Forces of Niger"


def test_foreign_police_facing_a_crowd_are_the_other_side() -> None:
    text = "Residents threw stones at Tanzanian police who had crossed to arrest fishermen."
    a1, a2 = _names(text, "Riots", "Mob violence", "Kenya")
    assert a1 == "Rioters (Kenya)"
    assert a2 == "Police Forces of Tanzania"


def test_home_police_by_demonym_are_left_to_the_dictionary() -> None:
    dem = {"kenyan": "Kenya", "somali": "Somalia"}
    spans = foreign_police_spans(
        "Kenyan police met Somali police.", "Kenya", dem, police_pattern("kenyan|somali")
    )
    assert [s[0] for s in spans] == ["Somalia"]


def test_military_police_are_not_read_as_police() -> None:
    dem = {"russian": "Russia"}
    assert (
        foreign_police_spans(
            "Russian military police patrolled.", "Syria", dem, police_pattern("russian")
        )
        == []
    )


def test_security_forces_dispersing_protesters_are_police() -> None:
    text = "Hundreds demonstrated over water cuts. Security forces dispersed the crowd."
    a1, a2 = _names(text, "Protests", "Protest with intervention", "Mali")
    assert a1 == "Protesters (Mali)"
    assert a2 == "Police Forces of Mali"


def test_security_forces_with_soldiers_named_stay_military() -> None:
    text = "Youths burned tyres; security forces and soldiers fired tear gas at the rioters."
    assert not crowd_security_is_police("security forces", text)
    _, a2 = _names(text, "Riots", "Violent demonstration", "Mali")
    assert a2 == "Military Forces of Mali"


def test_security_forces_in_a_battle_stay_military() -> None:
    text = "Security forces clashed with gunmen of an unknown group near the border."
    a1, a2 = _names(text, "Battles", "Armed clash", "Mali")
    assert "Military Forces of Mali" in (a1, a2)
