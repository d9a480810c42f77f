"""Six codebook overrides for notes whose main act is not the violence the words suggest.

People fleeing a fight and shots fired into the air at no one are Strategic developments /
Other (no violent interaction recorded); a demonstration with shots in the air is not
peaceful; an abduction with no one killed or hurt stays an abduction (the codebook makes it an
Attack only when killing or serious injury is reported); state forces beating someone are an
organised armed group attacking civilians (Attack), not rioters (Mob violence); a note that
names no act of violence at all is not an Attack (Strategic developments / Other).
Sentences are invented.
"""

from __future__ import annotations

import pytest

from eventfuse.extract.classify import EventTyper
from eventfuse.extract.classify_rules import (
    abduction_flags,
    air_shots_flags,
    displacement_flags,
    no_violence_flags,
    state_beating_flags,
)

DISPLACED = [
    "On 2 June 2021, fighting between the army and a rebel brigade forced some 300 villagers"
    " to flee to the district town.",
    "On 2 June 2021, about 120 families evacuated following the outbreak of hostilities"
    " between two clans in the upland villages.",
    "On 2 June 2021, around 500 people were displaced following a clash between the army and"
    " insurgents near the river.",
]
NOT_DISPLACED = [
    # people killed: the attack is the event
    "On 2 June 2021, gunmen killed 4 farmers and forced the villagers to flee their homes.",
    # houses burned: the destruction is the event
    "On 2 June 2021, bandits burned 30 houses and hundreds of residents fled to the hills.",
    # no flight at all
    "On 2 June 2021, the army clashed with rebels near the river.",
]


@pytest.mark.parametrize("text", DISPLACED)
def test_flight_from_a_fight_is_flagged(text: str) -> None:
    assert displacement_flags(text) == {"displaced"}


@pytest.mark.parametrize("text", NOT_DISPLACED)
def test_harm_or_no_flight_blocks_displaced(text: str) -> None:
    assert displacement_flags(text) == set()


AIR_SHOTS = [
    "On 3 June 2021, border guards fired warning shots near the ford while herders crossed"
    " with their cattle.",
    "On 3 June 2021, a patrol on the far bank fired about 30 rounds into the air near the"
    " border post. Nobody was hurt.",
]
NOT_AIR_SHOTS = [
    # forces firing in the air to break up a crowd: a crowd event
    "On 3 June 2021, police fired into the air to disperse a crowd outside the court.",
    # someone killed as well
    "On 3 June 2021, soldiers fired into the air and then shot dead a smuggler at the border.",
]


@pytest.mark.parametrize("text", AIR_SHOTS)
def test_shots_into_the_air_at_no_one_are_flagged(text: str) -> None:
    assert air_shots_flags(text) == {"air_shots"}


@pytest.mark.parametrize("text", NOT_AIR_SHOTS)
def test_crowd_or_harm_blocks_air_shots(text: str) -> None:
    assert "air_shots" not in air_shots_flags(text)


ARMED_DEMO = (
    "On 3 June 2021, unpaid militiamen demonstrated outside the governor's office and fired"
    " their rifles into the air. [size=no report]"
)


def test_demonstration_with_shots_in_the_air_is_armed_demo() -> None:
    assert air_shots_flags(ARMED_DEMO) == {"armed_demo"}


ABDUCTIONS = [
    "On 4 June 2021, armed men raided a farm and kidnapped the owner's two sons.",
    "On 4 June 2021, militants attacked a village and abducted a teacher. No one was injured.",
]
NOT_ABDUCTIONS = [
    # killing reported: the codebook's Attack
    "On 4 June 2021, gunmen abducted a trader and killed his driver.",
    "On 4 June 2021, the body of a student abducted last week was found in a ditch.",
]


@pytest.mark.parametrize("text", ABDUCTIONS)
def test_abduction_without_harm_is_flagged(text: str) -> None:
    assert abduction_flags(text) == {"abduction_only"}


@pytest.mark.parametrize("text", NOT_ABDUCTIONS)
def test_killing_blocks_abduction_only(text: str) -> None:
    assert abduction_flags(text) == set()


STATE_BEATING = [
    "On 5 June 2021, police baton charged vendors at the bus park for opening after curfew.",
    "On 5 June 2021, a motorcycle taxi driver was beaten by soldiers at a checkpoint.",
]
NOT_STATE_BEATING = [
    # a protest: the crowd rules decide
    "On 5 June 2021, police beat students who were protesting against fee increases.",
    # dress, not state forces
    "On 5 June 2021, youths wearing military attire beat a shopkeeper in the market.",
    # dispersal of a gathering: a crowd event
    "On 5 June 2021, soldiers dispersed traders and assaulted passersby at the market.",
]


@pytest.mark.parametrize("text", STATE_BEATING)
def test_state_forces_beating_is_flagged(text: str) -> None:
    assert state_beating_flags(text) == {"state_beating"}


@pytest.mark.parametrize("text", NOT_STATE_BEATING)
def test_crowd_or_dress_blocks_state_beating(text: str) -> None:
    assert state_beating_flags(text) == set()


@pytest.fixture(scope="module")
def typer() -> EventTyper:
    return EventTyper.load()


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # the packaged model alone reads these three as Armed clash, Change to group/activity
        # and Peaceful protest
        (DISPLACED[2], "Other"),
        (STATE_BEATING[0], "Attack"),
        (ARMED_DEMO, "Violent demonstration"),
        (DISPLACED[0], "Other"),
        (AIR_SHOTS[0], "Other"),
        (ABDUCTIONS[1], "Abduction/forced disappearance"),
    ],
)
def test_packaged_typer_follows_the_overrides(typer: EventTyper, text: str, sub: str) -> None:
    assert typer.predict(text).sub_event_type == sub


def test_the_fight_itself_stays_a_clash(typer: EventTyper) -> None:
    # The same fight without the flight is an ordinary Armed clash.
    text = "On 2 June 2021, the army clashed with a rebel brigade near the river."
    assert typer.predict(text).sub_event_type == "Armed clash"


NO_VIOLENCE = [
    "On 7 June 2021, 250 migrants returned across the border crossing after a quarantine"
    " period in the capital.",
    "On 7 June 2021, the government blocked a website run by the opposition to collect"
    " donations for nurses.",
]
VIOLENCE = [
    "On 7 June 2021, gunmen assassinated a village chief near the market.",
    "On 7 June 2021, a man was set alight by neighbours after a quarrel over land.",
]


@pytest.mark.parametrize("text", NO_VIOLENCE)
def test_note_with_no_violent_act_is_flagged(text: str) -> None:
    assert no_violence_flags(text) == {"no_violence"}


@pytest.mark.parametrize("text", VIOLENCE)
def test_any_violent_act_blocks_no_violence(text: str) -> None:
    assert no_violence_flags(text) == set()
