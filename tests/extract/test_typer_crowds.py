"""Crowd sub-types by what the crowd and the authorities did (``classify.crowd_flags``).

ACLED: a Peaceful protest has no violence by demonstrators; authorities dispersing or
arresting without lethal force make a Protest with intervention; demonstrators burning tyres,
throwing stones or vandalising make a Violent demonstration. Sentences are invented.
"""

from __future__ import annotations

import pytest

from eventfuse.extract.classify import EventTyper, crowd_flags

VIOLENT = [
    "On 2 June 2021, traders protested in the market town and burned tyres on the main road.",
    "On 2 June 2021, students demonstrated outside the ministry and pelted stones at the gate.",
    "On 2 June 2021, workers protested unpaid wages and vandalised the factory office.",
    "On 2 June 2021, residents blocked the bridge with barricades set on fire to demand water.",
    "On 2 June 2021, farmers rallied at the depot and hurled rocks at the guards.",
]
DISPERSED = [
    "On 2 June 2021, nurses protested outside the clinic over pay. Police dispersed them.",
    "On 2 June 2021, teachers marched to the governor's office; police arrested 12 protesters.",
    "On 2 June 2021, drivers demonstrated at the terminal until police used tear gas.",
]
# Notes where the cue sits after the protest words (the packaged model alone said Peaceful).
LATE_VIOLENCE = [
    "On 4 June 2021, inmates at the central jail piled their mattresses in the yard and set"
    " them on fire as a form of demonstration over visiting rules. [size=no report]",
    "On 4 June 2021, shop owners held a demonstration at the town hall over market fees."
    " Some of them threw bottles at the council building. [size=no report]",
]
NOISE = "On 2 June 2021, residents held a pot-banging protest against the new levy."


@pytest.mark.parametrize("text", VIOLENT)
def test_demonstrator_violence_is_flagged(text: str) -> None:
    assert "crowd_violence" in crowd_flags(text)


@pytest.mark.parametrize("text", DISPERSED)
def test_intervention_without_crowd_violence_is_flagged(text: str) -> None:
    flags = crowd_flags(text)
    assert "crowd_dispersed" in flags and "crowd_violence" not in flags


def test_crowd_violence_outranks_intervention_and_noise() -> None:
    text = "On 2 June 2021, a pot-banging protest turned violent: crowds pelted the police."
    text += " Police dispersed the crowd with tear gas."
    flags = crowd_flags(text)
    assert "crowd_violence" in flags
    assert not flags & {"crowd_dispersed", "noise_protest"}


def test_someone_elses_fire_is_no_crowd_violence() -> None:
    text = "On 2 June 2021, teachers protested, demanding the arrest of men who set fire to crops."
    assert "crowd_violence" not in crowd_flags(text)


def test_noise_protest_and_demonstration_context() -> None:
    assert "noise_protest" in crowd_flags(NOISE)
    assert "demo_riot" in crowd_flags(NOISE)
    assert "demo_riot" not in crowd_flags("On 2 June 2021, a mob beat a suspected thief.")


def test_plain_protest_has_no_crowd_override() -> None:
    flags = crowd_flags("On 2 June 2021, pensioners protested outside parliament over pensions.")
    assert not flags & {"crowd_violence", "crowd_dispersed", "noise_protest"}


@pytest.fixture(scope="module")
def typer() -> EventTyper:
    return EventTyper.load()


@pytest.mark.parametrize("text", VIOLENT)
def test_packaged_typer_codes_violent_demonstrations(typer: EventTyper, text: str) -> None:
    assert typer.predict(text).sub_event_type == "Violent demonstration", text


@pytest.mark.parametrize("text", LATE_VIOLENCE)
def test_packaged_typer_reads_violence_after_the_protest(typer: EventTyper, text: str) -> None:
    assert "crowd_violence" in crowd_flags(text)
    assert typer.predict(text).sub_event_type == "Violent demonstration", text


@pytest.mark.parametrize("text", DISPERSED)
def test_packaged_typer_codes_protest_with_intervention(typer: EventTyper, text: str) -> None:
    assert typer.predict(text).sub_event_type == "Protest with intervention", text


def test_packaged_typer_keeps_noise_protest_peaceful(typer: EventTyper) -> None:
    text = NOISE + " The protests followed riots in the city's jail last week."
    assert typer.predict(text).sub_event_type == "Peaceful protest"


def test_packaged_typer_keeps_lynching_mob_violence(typer: EventTyper) -> None:
    text = "On 2 June 2021, a mob of villagers lynched a man accused of stealing a goat."
    assert typer.predict(text).sub_event_type == "Mob violence"


def test_weapon_cue_still_wins_over_crowd_cue(typer: EventTyper) -> None:
    text = "On 2 June 2021, an air strike hit a protest camp and set tents on fire."
    assert typer.predict(text).event_type == "Explosions/Remote violence"


@pytest.mark.parametrize(
    "text",
    [
        "On 4 March, students rallied outside the court in Vell against the detention of two "
        "classmates accused of vandalising a bank branch.",
        "On 4 March, residents held a sit-in in Vell for two men detained last week for hurling "
        "stones at a police station.",
        "On 4 March, teachers marched in Vell condemning the youths who set fire to a school.",
    ],
)
def test_violence_a_protest_is_about_is_not_the_crowds_own(text: str) -> None:
    assert "crowd_violence" not in crowd_flags(text)


def test_the_crowds_own_violence_after_a_grievance_still_counts() -> None:
    text = (
        "On 4 March, students protested in Vell against the arrest of a classmate accused of "
        "theft. Later they threw stones at the police and burned tyres on the main road."
    )
    assert "crowd_violence" in crowd_flags(text)
