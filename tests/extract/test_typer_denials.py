"""Denied harm ("No one was killed or injured") and past fights named only as context."""

import pytest

from eventfuse.extract.classify_rules import (
    _denied,
    abduction_flags,
    air_shots_flags,
    displacement_flags,
    disrupted_flags,
    ground_fight_flags,
    installation_flags,
    property_only_flags,
)


def _at(text: str, word: str) -> bool:
    return _denied(text, 0, text.index(word))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("No one was killed or injured in the blast.", "injured"),
        ("No one was killed or injured in the blast.", "killed"),
        ("No people were reported injured.", "injured"),
        ("There were neither deaths nor injuries.", "injuries"),
        ("The guards were not hurt.", "hurt"),
        ("The raid ended without casualties.", "casualties"),
    ],
)
def test_denials(text: str, word: str) -> None:
    assert _at(text, word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The gunmen not only looted the shop but killed its owner.", "killed"),
        ("Soldiers opened fire without warning killing a farmer.", "killing"),
        ("There were no arrests but two people injured.", "injured"),
        ("There were no fatalities and three injured.", "injured"),
        ("No one was killed and two were injured.", "injured"),
    ],
)
def test_not_denials(text: str, word: str) -> None:
    assert not _at(text, word)


def test_property_destroyed_no_one_killed_or_injured() -> None:
    text = "Unknown persons set fire to two houses in the hamlet. No one was killed or injured."
    assert property_only_flags(text) == {"property_only"}


def test_property_destroyed_and_someone_hurt() -> None:
    text = "Unknown persons set fire to two houses. No one was arrested but a guard was injured."
    assert property_only_flags(text) == set()


def test_device_found_no_one_killed_or_injured() -> None:
    text = "Police found an IED near the bus station and no one was killed or injured."
    assert disrupted_flags(text) == {"device_disrupted"}


def test_displaced_no_one_killed_or_injured() -> None:
    text = "Families fled their homes following the shelling. No one was killed or injured."
    assert displacement_flags(text) == {"displaced"}


def test_abduction_no_one_killed_or_injured() -> None:
    text = "Gunmen kidnapped two traders on the highway. No one was killed or injured."
    assert abduction_flags(text) == {"abduction_only"}


def test_abduction_not_only_kidnapped_but_killed() -> None:
    text = "Gunmen kidnapped two traders. They not only robbed them, they killed one."
    assert abduction_flags(text) == set()


def test_air_shots_no_one_killed_or_injured() -> None:
    text = "Border guards fired warning shots at a boat. No one was killed or injured."
    assert air_shots_flags(text) == {"air_shots"}


def test_installation_no_one_killed_or_injured() -> None:
    text = "Militants attacked a gas pipeline near the town. No one was killed or injured."
    assert installation_flags(text) == {"installation_hit"}


def test_installation_guard_killed() -> None:
    text = "Militants attacked a gas pipeline. There were no arrests and one guard was killed."
    assert installation_flags(text) == set()


def test_ground_fight_in_progress() -> None:
    assert ground_fight_flags("A mortar shell hit the base during clashes with militants.") == {
        "ground_fight"
    }


def test_ground_fight_earlier_that_day_still_counts() -> None:
    text = "A shell hit the post after soldiers were wounded during clashes earlier that day."
    assert ground_fight_flags(text) == {"ground_fight"}


@pytest.mark.parametrize(
    "text",
    [
        "In retaliation for the killing in clashes last month, an IED targeted a bus.",
        "A rocket hit the depot, which had been seized during fighting in 2019.",
        "A drone struck a car that had escaped during the fighting of the previous week.",
    ],
)
def test_past_fight_is_context(text: str) -> None:
    assert ground_fight_flags(text) == set()
