"""News-style cues that used to mislead the typer: weapon strikes, the month of March,
crowd sizes without a crowd, shoot-outs, armed victims, small arms, remote weapons.

Sentences here are written for the tests and are not in examples/news_dev.
"""

from __future__ import annotations

import pytest

from eventfuse.extract.classify import (
    EventTyper,
    features,
    first_flags,
    has_protest_cue,
    victim_flags,
)


def _tokens(text: str) -> set[str]:
    return {f for f, _, _ in features(text)}


@pytest.mark.parametrize(
    "text",
    [
        "A missile strike hit the railway station at dawn.",
        "The toll from Monday's Russian strike on a bakery rose to 40.",
        "An air strike destroyed the bridge.",
    ],
)
def test_weapon_strike_is_no_labour_strike(text: str) -> None:
    assert "milstrike" in _tokens(text)
    assert "__R_protest" not in _tokens(text)
    assert not has_protest_cue(text)


@pytest.mark.parametrize(
    "text",
    [
        "Dock workers went on strike on Monday over unpaid wages.",
        "The general strike against the fuel tax entered its third day.",
        "Nurses began a strike on Tuesday in the capital.",
    ],
)
def test_labour_strike_stays_a_protest_cue(text: str) -> None:
    assert "milstrike" not in _tokens(text)
    assert has_protest_cue(text)
    assert EventTyper.load().predict(text).event_type == "Protests", text


def test_the_month_of_march_is_no_march() -> None:
    dated = "Officials said 40 people died in the town on 16 March 2022."
    assert "protest" not in first_flags(dated)
    assert not has_protest_cue(dated)
    assert "protest" in first_flags("Students marched to the ministry.")
    assert has_protest_cue("Thousands joined a march through the old town.")


@pytest.mark.parametrize(
    "text",
    [
        "About 200 people are thought to have died when a plane bombed the library on 9 March.",
        "Close to 300 people died inside and outside the stadium when it was hit on 4 March.",
        "Soldiers killed at least 80 people during a three-day operation in the market town.",
    ],
)
def test_no_protest_without_demonstrators(text: str) -> None:
    pred = EventTyper.load().predict(text)
    assert pred.event_type != "Protests", (text, pred.sub_event_type)


def test_plane_bombing_is_an_air_strike() -> None:
    text = "A warplane bombed the school in the besieged city on 9 March, killing 12 people."
    assert "air_only" in first_flags(text)
    assert EventTyper.load().predict(text).sub_event_type == "Air/drone strike"


def test_strike_on_a_target_is_a_remote_weapon_cue() -> None:
    assert "shell_only" in first_flags("Thursday's strike on a shop in the village killed 30.")
    assert "shell" not in first_flags("Bus drivers went on strike on Thursday in the city.")


def test_truck_bomb_that_sets_fire_is_no_riot() -> None:
    text = (
        "A truck bomb blew up at a busy junction, killing 20 people. The blast set fire to "
        "fuel tankers along the road."
    )
    pred = EventTyper.load().predict(text)
    assert pred.event_type == "Explosions/Remote violence", pred.sub_event_type


def test_tear_gas_shells_are_not_shelling() -> None:
    text = "Police fired tear gas shells to disperse stone-throwing youths in the market."
    assert "shell" not in first_flags(text)


def test_shoot_out_is_an_armed_clash() -> None:
    text = "A shoot-out took place between two gangs in the northern district on Friday."
    assert "shootout" in victim_flags(text)
    assert EventTyper.load().predict(text).sub_event_type == "Armed clash"


def test_killing_fighters_is_a_battle() -> None:
    text = "Government troops killed 6 rebel fighters near the river crossing on Sunday."
    assert "armed_killed" in victim_flags(text)
    assert EventTyper.load().predict(text).event_type == "Battles"
    assert "armed_killed" not in victim_flags("Gunmen killed 6 farmers near the river.")


def test_small_arms_at_positions_is_a_clash_not_shelling() -> None:
    text = (
        "The rebel forces fired 82mm mortars, grenade launchers and small arms at the "
        "government positions near the village."
    )
    assert "small_arms" in victim_flags(text)
    assert EventTyper.load().predict(text).sub_event_type == "Armed clash"
    mortar_only = "The rebel forces fired 120mm mortars at the government positions."
    assert "small_arms" not in victim_flags(mortar_only)


def test_army_taking_a_village_regains_territory() -> None:
    text = "The army advanced overnight and took the village from the insurgents."
    assert EventTyper.load().predict(text).sub_event_type == "Government regains territory"


@pytest.mark.parametrize(
    "text",
    [
        "The bomb went off as shoppers queued outside the bakery.",
        "Forty villagers were killed by armed cattle herders at dawn.",
    ],
)
def test_bombs_and_armed_people_are_conflict_cues(text: str) -> None:
    # these used to count as conflict only by reading a date's "March" as a protest march
    from eventfuse.extract.classify import conflict_cues

    assert conflict_cues(text) >= 1


def test_a_plain_accident_has_no_conflict_cue() -> None:
    from eventfuse.extract.classify import conflict_cues

    assert conflict_cues("Two buses collided on the highway, killing nine passengers.") == 0


def test_gunmen_storming_a_hospital_is_an_attack_not_a_clash() -> None:
    typer = EventTyper.load()
    text = (
        "Gunmen stormed a children's hospital in the capital on Monday, officials said. "
        "At least 12 people, among them nurses and infants, were killed."
    )
    assert "civ_site" in victim_flags(text)
    assert typer.predict(text).sub_event_type == "Attack"


def test_returned_fire_keeps_a_storming_a_clash_cue() -> None:
    text = "Gunmen stormed a school and soldiers returned fire, killing four of them."
    assert {"civ_site", "exchange"} <= victim_flags(text)
