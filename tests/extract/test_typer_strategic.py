"""Codebook overrides added in session 6: state affiliates taking ground, a group changing
itself, a non-state group holding a person, a named group's member killed."""

from __future__ import annotations

from eventfuse.extract.classify import EventTyper
from eventfuse.extract.classify_roles import group_change, group_detained, territory_taker
from eventfuse.extract.classify_rules import victim_flags


def test_affiliates_taking_ground_are_the_state_side() -> None:
    first = (
        "pro-government and allied forces repelled an assault by rebel fighters and then "
        "gained control over a hill and a checkpoint"
    )
    assert territory_taker(first) == "state"
    assert territory_taker("tribal militias loyal to the government seized the town") == "state"


def test_misspelt_control_and_ground_taken_from_rebels() -> None:
    first = "the 4th Brigade took contol of two areas from the rebels, with more clashes reported"
    assert territory_taker(first) == "state"
    assert territory_taker("rebel fighters took contol of the district centre") == "nonstate"


def test_group_named_as_object_is_not_the_taker() -> None:
    first = "jihadist fighters overran a military camp and seized control of the district"
    assert territory_taker(first) != "state"
    assert territory_taker("after clashes with the army, the rebels took control of the town") == (
        "nonstate"
    )


def test_typer_codes_affiliate_gain_as_government_regains() -> None:
    text = (
        "On 3 May 2021, pro-government and allied forces repelled an assault by rebel fighters "
        "and then gained control over a hill in the district."
    )
    assert EventTyper.load().predict(text).sub_event_type == "Government regains territory"


def test_group_change_cues() -> None:
    assert group_change("the Northern forces established new fortifications east of the city")
    assert group_change("the council launched a recruitment campaign to form a new force")
    assert group_change("a presidential decree removed the commander of the 3rd Brigade")
    assert not group_change("the rebels dug trenches and fired mortars at the army positions")
    assert not group_change("residents protested the recruitment drive of the police")


def test_typer_codes_fortifications_as_change_to_group() -> None:
    text = "On 3 May 2021, the Northern forces established new fortifications east of the city."
    assert EventTyper.load().predict(text).sub_event_type == "Change to group/activity"


def test_group_detained_is_an_abduction_not_an_arrest() -> None:
    assert group_detained("a teacher was detained by an unidentified armed group in the town")
    assert group_detained("gunmen detained two men at a checkpoint")
    assert not group_detained("police detained two men at a checkpoint")
    assert not group_detained("gunmen detained two men and killed one of them")
    text = "On 3 May 2021, an unidentified armed group detained two men in the village."
    assert EventTyper.load().predict(text).sub_event_type == "Abduction/forced disappearance"


def test_member_of_named_group_killed_is_a_clash_cue() -> None:
    assert "member_victim" in victim_flags("unidentified gunmen assassinated a QSD member.")
    assert "member_victim" in victim_flags("Two opposition fighters were found dead on the road.")
    assert "member_victim" not in victim_flags("Two members of a family were found dead.")
    assert "member_victim" not in victim_flags(
        "Gunmen killed a Red Crescent member and two civilians."
    )
