"""Role cues added in session 7: a side named only as the owner of a target ("a police
vehicle", "army positions") or as the one that struck a mine is the side hit; a side that
responded or fired back is the defender; "Police battle X" acts; a stance prefix ("Anti-X")
is no part of a new group's name."""

from __future__ import annotations

from eventfuse.extract.actor_groups import group_spans
from eventfuse.extract.actors import ActorDictionary, code_actors
from eventfuse.model import strip_period

COUNTRY = "Colombia"


def _names(text: str, event_type: str, sub: str) -> tuple[str, str]:
    c = code_actors(text, event_type, sub, COUNTRY, dictionary=ActorDictionary.load())
    a1 = strip_period(c.actor1.name) if c.actor1 else ""
    a2 = strip_period(c.actor2.name) if c.actor2 else ""
    return a1, a2


def test_owner_of_a_hit_vehicle_is_the_target() -> None:
    text = "An IED hit a police vehicle on the road north of the town."
    a1, a2 = _names(text, "Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert a1 == f"Unidentified Armed Group ({COUNTRY})"
    assert a2 == f"Police Forces of {COUNTRY}"


def test_vehicle_that_struck_a_mine_is_the_victim() -> None:
    text = "An army armoured vehicle struck a landmine near the village."
    a1, a2 = _names(text, "Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert a1 == f"Unidentified Armed Group ({COUNTRY})"
    assert a2 == f"Military Forces of {COUNTRY}"


def test_attacker_of_a_convoy_stays_first() -> None:
    """The target noun must follow the side itself: "X ambushed a convoy" keeps X first."""
    text = "Militants of the Freedom Sons Front ambushed a convoy of soldiers on the highway."
    a1, a2 = _names(text, "Battles", "Armed clash")
    assert a1 == "Freedom Sons Front"
    assert a2 == f"Military Forces of {COUNTRY}"


def test_post_election_is_not_a_post() -> None:
    text = "Two officers were shot dead in post-election violence by unknown gunmen."
    a1, _ = _names(text, "Battles", "Armed clash")
    assert a1.startswith("Unidentified Armed Group")


def test_responding_side_is_the_defender() -> None:
    text = "Police responded to an attack by the Freedom Sons Front on a market."
    a1, a2 = _names(text, "Battles", "Armed clash")
    assert (a1, a2) == ("Freedom Sons Front", f"Police Forces of {COUNTRY}")


def test_police_battle_and_gun_down_are_actions() -> None:
    for text in (
        "Police battle raiders in the hills; three raiders were killed.",
        "Police gunned down two suspected robbers in the market.",
    ):
        a1, a2 = _names(text, "Battles", "Armed clash")
        assert a1 == f"Police Forces of {COUNTRY}", text
        assert a2.startswith("Unidentified"), text


def test_stance_prefix_is_not_part_of_a_group_name() -> None:
    text = "Anti-Zorblat Freedom Sons Front fighters shelled the hills."
    names = [a.name for a, _, _ in group_spans(text, frozenset({"colombia"}))]
    assert names == ["Freedom Sons Front"]
    spans = [(s, e) for _, s, e in group_spans(text, frozenset({"colombia"}))]
    assert text[spans[0][0] : spans[0][1]].startswith("Freedom Sons")
