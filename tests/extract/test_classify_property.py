"""Tests of the typer's property-destruction rules: a weapon decides the sub-type, and
Looting/property destruction needs something taken, destroyed or damaged."""

from __future__ import annotations

import numpy as np
import pytest

from eventfuse.extract.classify import EventTyper
from eventfuse.extract.classify_rules import (
    definitional_cue,
    detonation_flags,
    has_property_cue,
    heavy_weapon_flags,
)

LOOT = "Looting/property destruction"


def test_property_cue_needs_something_taken_or_destroyed() -> None:
    assert has_property_cue("Gunmen looted shops in the market.")
    assert has_property_cue("Unknown persons set fire to a vehicle of an aid group.")
    assert has_property_cue("Raiders took away clothes and motorcycles from several houses.")
    assert has_property_cue("A pair of men threw Molotov cocktails at a store.")
    assert not has_property_cue("Forces responded to enemy fire on the front. No injuries.")
    assert not has_property_cue("Troops conducted an incursion against rebel positions.")


def test_atgm_is_a_heavy_ranged_weapon() -> None:
    text = "On 2 May 2020, rebels destroyed an army truck on the front using an ATGM."
    assert heavy_weapon_flags(text) == {"shell_only"}
    text = "On 2 May 2020, rebels fired an anti-tank guided missile at a tank."
    assert heavy_weapon_flags(text) == {"shell_only"}
    # fire both ways keeps the battle
    assert not heavy_weapon_flags("Rebels clashed with troops, using ATGMs and small arms.")


def test_bulldozer_noun_is_no_demolition() -> None:
    guess = "Armed clash"
    cue = definitional_cue("On 4 May 2020, militiamen dug trenches with bulldozers.", guess)
    assert cue is None
    cue = definitional_cue("On 4 May 2020, settlers bulldozed a farm near the village.", guess)
    assert cue is not None and cue[0] == LOOT


def test_weapon_blocks_the_loot_cue() -> None:
    text = "On 4 May 2020, rebels demolished a watchtower with a guided missile."
    assert definitional_cue(text, "Armed clash") is None


def test_detonation_flags() -> None:
    text = "On 4 May 2020, militants cut power after detonating two pylons near the town."
    assert detonation_flags(text) == {"ied_only"}
    assert not detonation_flags("On 4 May 2020, police carried out a controlled detonation.")
    assert not detonation_flags("On 4 May 2020, troops shelled a town, detonating a depot.")
    assert not detonation_flags("On 4 May 2020, rebels burned a school.")


@pytest.fixture(scope="module")
def typer() -> EventTyper:
    return EventTyper.load()


def test_looting_mass_dropped_without_property(typer: EventTyper) -> None:
    p = np.zeros(len(typer.all_classes))
    p[typer.all_classes.index(LOOT)] = 0.6
    p[typer.all_classes.index("Armed clash")] = 0.4
    q = typer._no_looting_without_property("Forces returned fire near the front.", p)
    assert typer.all_classes[int(np.argmax(q))] == "Armed clash"
    assert q.sum() == pytest.approx(1.0)
    kept = typer._no_looting_without_property("Gunmen looted a warehouse.", p)
    assert kept is p


def test_weapon_decides_over_property_destruction(typer: EventTyper) -> None:
    cases = {
        "On 6 May 2020, an air strike hit a market and destroyed 12 shops in the town.": (
            "Air/drone strike"
        ),
        "On 6 May 2020, rebels destroyed an army bulldozer on the front using an ATGM.": (
            "Shelling/artillery/missile attack"
        ),
        "On 6 May 2020, gunmen seized a family's land and kidnapped two of the sons.": (
            "Abduction/forced disappearance"
        ),
        "On 6 May 2020, militants cut power after detonating two pylons near the town.": (
            "Remote explosive/landmine/IED"
        ),
    }
    for text, sub in cases.items():
        assert typer.predict(text).sub_event_type == sub, text
    assert typer.predict("On 6 May 2020, men looted and burned shops.").sub_event_type == LOOT
