"""Codebook overrides read from who the actors are and what a crowd did.

A note carrying ACLED's crowd-size tag is a crowd event, so a one-sided act or a fight read
there is the crowd's (Mob violence, or a Violent demonstration when a demonstration is named);
a road blocked with no violence is a Peaceful protest; an organised armed group as the
subject of the act is never a riot; drugs found or seized by state forces are Looting/property
destruction; forces trying to control a protest make it a Protest with intervention.
Sentences are invented.
"""

from __future__ import annotations

import numpy as np
import pytest

from eventfuse.extract.classify import EventTyper
from eventfuse.extract.classify_rules import (
    armed_group_subject,
    crowd_flags,
    drug_seizure,
    peaceful_block_flags,
    size_tag_flags,
)

MOB_TAGGED = (
    "On 3 June 2021, four men beat a shopkeeper with sticks over a debt in the market."
    " [size=no report]"
)
DEMO_TAGGED = (
    "On 3 June 2021, traders held a demonstration at the town hall and clashed with the"
    " mayor's guards. [size=dozens]"
)


def test_size_tag_names_the_crowd_sub_type() -> None:
    assert size_tag_flags(MOB_TAGGED) == {"size_mob"}
    assert size_tag_flags(DEMO_TAGGED) == {"size_demo"}
    assert size_tag_flags(MOB_TAGGED.replace(" [size=no report]", "")) == set()


BLOCKS = [
    "On 4 June 2021, taxi drivers blocked the main road into the city to reject the new fares."
    " [size=no report]",
    "On 4 June 2021, residents blocked the entrance to the village to demand water.",
]
NOT_BLOCKS = [
    # burning tyres on the barricade: destruction, a Violent demonstration
    "On 4 June 2021, residents blocked the road with burning tyres to demand water.",
    # police broke it up: the crowd rules decide
    "On 4 June 2021, residents blocked the highway. Police dispersed them with tear gas.",
    # no blockade at all
    "On 4 June 2021, residents marched to the town hall to demand water.",
]


@pytest.mark.parametrize("text", BLOCKS)
def test_quiet_blockade_is_flagged(text: str) -> None:
    assert peaceful_block_flags(text) == {"peaceful_block"}


@pytest.mark.parametrize("text", NOT_BLOCKS)
def test_violence_or_no_blockade_blocks_the_flag(text: str) -> None:
    assert peaceful_block_flags(text) == set()


ARMED_SUBJECTS = [
    "On 5 June 2021, presumed JNIM militants vandalized the house of the prefect in the town.",
    "On 5 June 2021, Boko Haram attacked the village and burnt several public buildings.",
]
NOT_ARMED_SUBJECTS = [
    # a crowd acting
    "On 5 June 2021, angry youths vandalized the house of the prefect in the town.",
    # the group is the object, not the subject
    "On 5 June 2021, villagers attacked two suspected militants near the market.",
    # a passive: the members are the victims
    "Two UNAFEC members were killed across two days of clashes between party youths.",
]


@pytest.mark.parametrize("text", ARMED_SUBJECTS)
def test_armed_group_subject(text: str) -> None:
    assert armed_group_subject(text)


@pytest.mark.parametrize("text", NOT_ARMED_SUBJECTS)
def test_crowd_or_object_is_no_armed_subject(text: str) -> None:
    assert not armed_group_subject(text)


def test_drug_found_past_a_place_is_a_seizure() -> None:
    assert drug_seizure(
        "On 6 June 2021, the Federal Highway Police (FHP) seized on the coastal highway"
        " (BR-101) 2 tons of marijuana hidden in a truck."
    )
    assert drug_seizure("On 6 June 2021, police officers discovered 400 kg of marihuana.")
    assert not drug_seizure("On 6 June 2021, police officers discovered 40 rifles and drugs.")


def test_an_attempt_to_control_the_crowd_is_intervention() -> None:
    text = "On 7 June 2021, residents marched on the town hall. Police tried to control the crowd."
    assert "crowd_dispersed" in crowd_flags(text)
    assert "crowd_dispersed" not in crowd_flags("On 7 June 2021, residents marched peacefully.")


def test_setting_fire_is_crowd_violence() -> None:
    text = "On 7 June 2021, inmates demonstrated setting fire to mattresses in the prison yard."
    assert "crowd_violence" in crowd_flags(text)


@pytest.fixture(scope="module")
def typer() -> EventTyper:
    return EventTyper.load()


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (MOB_TAGGED, "Mob violence"),
        (BLOCKS[0], "Peaceful protest"),
    ],
)
def test_packaged_typer_follows_the_overrides(typer: EventTyper, text: str, sub: str) -> None:
    assert typer.predict(text).sub_event_type == sub


def test_a_tagged_protest_stays_a_protest(typer: EventTyper) -> None:
    # The tag moves only one-sided acts and fights; the protest sub-types are the crowd
    # rules' to decide.
    text = "On 3 June 2021, teachers held a protest at the ministry over pay. [size=about 50]"
    assert typer.predict(text).sub_event_type == "Peaceful protest"


def test_no_riot_by_an_armed_group(typer: EventTyper) -> None:
    p = np.zeros(len(typer.all_classes))
    p[typer.all_classes.index("Violent demonstration")] = 0.6
    p[typer.all_classes.index("Attack")] = 0.4
    q = typer._no_riot_by_armed_group(ARMED_SUBJECTS[0], p)
    assert q[typer.all_classes.index("Violent demonstration")] == 0.0
    assert q[typer.all_classes.index("Attack")] == pytest.approx(1.0)
    same = typer._no_riot_by_armed_group(NOT_ARMED_SUBJECTS[0], p)
    assert np.array_equal(same, p)
