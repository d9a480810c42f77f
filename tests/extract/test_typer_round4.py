"""Codebook overrides of the fourth typer round: a protest broken up with no violence named,
one person's violent act (no riot), an installation hit with no one harmed."""

from __future__ import annotations

from eventfuse.extract.classify_rules import (
    _OVERRIDES,
    installation_flags,
    lone_attacker_flags,
    quiet_intervention_flags,
)


def test_protest_broken_up_without_violence_is_an_intervention() -> None:
    text = (
        "On 3 June 2021, shopkeepers demonstrated and blocked roads in the town centre to demand "
        "lower rents. Police dispersed the demonstrators. [size=no report]"
    )
    assert quiet_intervention_flags(text) == {"quiet_intervention"}
    assert _OVERRIDES["quiet_intervention"][0] == "Protest with intervention"
    assert "Violent demonstration" in _OVERRIDES["quiet_intervention"][1]


def test_intervention_with_crowd_violence_stays_violent() -> None:
    text = (
        "On 3 June 2021, shopkeepers demonstrated in the town centre and threw stones at the "
        "police, who dispersed them with tear gas."
    )
    assert quiet_intervention_flags(text) == set()
    # a second-sentence barricade is the crowd's act, not the first sentence's blockade
    text2 = (
        "On 3 June 2021, about 300 workers demonstrated outside the ministry. Roads were "
        "barricaded with debris. Police intervened."
    )
    assert quiet_intervention_flags(text2) == set()


def test_no_intervention_or_no_protest_no_flag() -> None:
    assert quiet_intervention_flags("On 3 June 2021, traders demonstrated in the market.") == set()
    assert quiet_intervention_flags("On 3 June 2021, police dispersed a wedding party.") == set()


def test_one_person_acting_alone_is_no_riot() -> None:
    text = "On 4 June 2021, in Springfield, Ohio, a man threw stones at a nurse on her way home."
    assert lone_attacker_flags(text) == {"lone_attacker"}
    assert _OVERRIDES["lone_attacker"] == ("Attack", frozenset({"Mob violence"}))


def test_lone_victim_or_a_mob_is_not_a_lone_attacker() -> None:
    assert lone_attacker_flags("On 4 June 2021, a man was beaten by residents in a village.") == (
        set()
    )
    assert lone_attacker_flags("On 4 June 2021, a youth mob attacked a suspected thief.") == set()
    assert lone_attacker_flags("On 4 June 2021, a man who had robbed a shop was beaten.") == set()


def test_installation_hit_with_no_one_harmed() -> None:
    text = (
        "On 5 June 2021, the oil pipeline near the river was attacked by unidentified armed "
        "men. No people were reported injured."
    )
    assert installation_flags(text) == {"installation_hit"}
    assert _OVERRIDES["installation_hit"] == (
        "Looting/property destruction",
        frozenset({"Attack"}),
    )


def test_installation_with_harm_or_a_blast_is_not_flagged() -> None:
    harmed = "On 5 June 2021, gunmen attacked a power station and killed two guards."
    assert installation_flags(harmed) == set()
    blast = "On 5 June 2021, rebels blew up a railway track near the city. No one was hurt."
    assert installation_flags(blast) == set()
