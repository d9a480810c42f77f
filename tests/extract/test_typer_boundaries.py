"""Codebook boundaries between battles, remote violence and strategic developments.

Sentences are invented for these tests (no ACLED notes, no seed text). The flag tests check
the rule functions directly; the typer tests check the packaged model plus its overrides.
"""

from __future__ import annotations

import pytest

from eventfuse.extract.classify import EventTyper, definitional_cue, victim_flags
from eventfuse.extract.classify_roles import role_flags, territory_taker


def test_combatants_as_object_of_a_lethal_act_flag_armed_target() -> None:
    got = victim_flags("Gunmen opened fire on a pickup carrying fighters of the Hill Front.")
    assert "armed_target" in got
    # named as the agent, not the target
    assert "armed_target" not in victim_flags("A baker was killed by militants in the market.")
    # civilians hit too: the attack on them decides
    assert "armed_target" not in victim_flags(
        "Gunmen killed two militiamen and three villagers at the well."
    )


@pytest.mark.parametrize(
    "first",
    [
        "government troops pushed into Qarat Hill village and took it after heavy clashes",
        "the army seized Wadi Tamr from the insurgents after a day of fighting",
        "regime forces and allied militias gained control of Qarat Hill after clashes",
    ],
)
def test_state_forces_taking_a_named_place_is_state_taker(first: str) -> None:
    assert territory_taker(first) == "state"


@pytest.mark.parametrize(
    "first",
    [
        "the army captured Abu Salem, a commander of the rebels, near the border",
        "troops took up positions on the outskirts of the town",
        "soldiers captured two Northern Front fighters near the dam",
    ],
)
def test_people_and_positions_taken_are_not_ground(first: str) -> None:
    assert territory_taker(first) is None


def test_moving_fighters_with_violence_only_feared_is_group_moved() -> None:
    flags = role_flags("the militia redeployed its fighters to the ridge amid fears of new clashes")
    assert "group_moved" in flags
    fired = role_flags("the militia deployed fighters and fired rockets at the ridge")
    assert "group_moved" not in fired


def test_fate_unknown_is_a_forced_disappearance() -> None:
    text = "Militiamen detained a teacher at a roadblock and his whereabouts remain unknown."
    hit = definitional_cue(text, "Arrests")
    assert hit is not None and hit[0] == "Abduction/forced disappearance"
    dead = "Militiamen detained a teacher; his body was found days later, his fate unknown."
    assert definitional_cue(dead, "Arrests") is None


@pytest.fixture(scope="module")
def typer() -> EventTyper:
    return EventTyper.load()


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On 2 March 2023, gunmen opened fire on a pickup carrying members of the Hill "
            "Brigade near Qarat, killing two.",
            "Armed clash",
        ),
        (
            "On 2 March 2023, government forces advanced into Qarat and took it after clashes "
            "with rebel fighters.",
            "Government regains territory",
        ),
        (
            "On 2 March 2023, the Hill Brigade reinforced its positions near Qarat with fighters "
            "and heavy weapons.",
            "Change to group/activity",
        ),
        (
            "On 2 March 2023, militiamen detained two herders near Qarat and their fate remains "
            "unknown.",
            "Abduction/forced disappearance",
        ),
    ],
)
def test_typer_codes_the_codebook_boundary(typer: EventTyper, text: str, sub: str) -> None:
    assert typer.predict(text).sub_event_type == sub
