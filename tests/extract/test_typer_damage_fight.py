"""Three codebook overrides: crowd damage, a weapon inside a ground fight, property alone.

ACLED: demonstrators engaging in destruction make a Violent demonstration; an airstrike or
shell inside a ground battle is merged into the Battles event; Mob violence is rioters
attacking others, so property burned by a few unnamed hands with no one harmed is Strategic
developments / Looting/property destruction. Sentences are invented.
"""

from __future__ import annotations

import pytest

from eventfuse.extract.classify import EventTyper, crowd_flags
from eventfuse.extract.classify_rules import (
    disrupted_flags,
    ground_fight_flags,
    property_only_flags,
)

CROWD_DAMAGE = [
    "On 3 July 2022, teachers demonstrated outside the district office over unpaid salaries"
    " and damaged the facade of the building. [size=no report]",
    "On 3 July 2022, a crowd protesting a power cut smashed the windows of the utility office.",
    "On 3 July 2022, fans rallied against the club owners. A reporter was beaten up by"
    " demonstrators near the stadium.",
    "On 3 July 2022, detainees demonstrated in the prison yard. Beds were burnt and property"
    " destroyed.",
]
# Damage that is the grievance, written in the passive or after a cause: no crowd violence.
GRIEVANCE_DAMAGE = [
    "On 3 July 2022, farmers protested for compensation for crops damaged by floods.",
    "On 3 July 2022, residents protested a quarry; they said their homes were damaged because"
    " of blasting.",
    "On 3 July 2022, traders demonstrated after their stalls were destroyed by council officers.",
]


@pytest.mark.parametrize("text", CROWD_DAMAGE)
def test_crowd_damage_is_crowd_violence(text: str) -> None:
    assert "crowd_violence" in crowd_flags(text)


@pytest.mark.parametrize("text", GRIEVANCE_DAMAGE)
def test_damage_the_crowd_protests_is_not_crowd_violence(text: str) -> None:
    assert "crowd_violence" not in crowd_flags(text)


FIGHTS = [
    "On 4 July 2022, an army raid backed by airstrikes killed 9 insurgents near the dam.",
    "On 4 July 2022, police special units supported by the national air force killed 4"
    " militants in the hills.",
    "On 4 July 2022, a mortar hit an army outpost, wounding 2 soldiers. 3 rebels died during"
    " clashes with the troops afterwards.",
]
NO_FIGHT = [
    "On 4 July 2022, a drone strike hit a rebel vehicle on the highway, killing 3 fighters.",
    "On 4 July 2022, a boy was killed by an old mortar shell left behind after fighting.",
]


@pytest.mark.parametrize("text", FIGHTS)
def test_weapon_inside_a_ground_fight_is_flagged(text: str) -> None:
    assert ground_fight_flags(text) == {"ground_fight"}


@pytest.mark.parametrize("text", NO_FIGHT)
def test_standalone_strike_is_not_a_ground_fight(text: str) -> None:
    assert ground_fight_flags(text) == set()


PROPERTY_ONLY = [
    "On 5 July 2022, unknown arsonists torched a phone mast on the ridge above the town.",
    "On 5 July 2022, the car of a local councillor was set on fire outside his house. No"
    " injuries were reported.",
    "On 5 July 2022, an unidentified group vandalized a bakery owned by a party official.",
]
NOT_PROPERTY_ONLY = [
    # people harmed: an attack
    "On 5 July 2022, gunmen set fire to a farmhouse and killed the owner.",
    # a crowd acting: a riot
    "On 5 July 2022, angry villagers set fire to the house of a suspected thief.",
    # ACLED's crowd-size tag marks a crowd event
    "On 5 July 2022, a group vandalized the statue of a former governor. [size=no report]",
]


@pytest.mark.parametrize("text", PROPERTY_ONLY)
def test_property_destroyed_with_no_one_harmed_is_flagged(text: str) -> None:
    assert property_only_flags(text) == {"property_only"}


@pytest.mark.parametrize("text", NOT_PROPERTY_ONLY)
def test_harm_or_crowd_blocks_property_only(text: str) -> None:
    assert property_only_flags(text) == set()


@pytest.fixture(scope="module")
def typer() -> EventTyper:
    return EventTyper.load()


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (CROWD_DAMAGE[0], "Violent demonstration"),
        (FIGHTS[0], "Armed clash"),
        (FIGHTS[1], "Armed clash"),
        # the packaged model alone reads these two as Mob violence
        (
            "On 5 July 2022, unknown persons set fire to the office of a opposition party in"
            " the old town. No injuries were reported.",
            "Looting/property destruction",
        ),
        (
            "On 5 July 2022, unknown individuals torched two shops belonging to a council"
            " member over a land dispute.",
            "Looting/property destruction",
        ),
    ],
)
def test_packaged_typer_follows_the_overrides(typer: EventTyper, text: str, sub: str) -> None:
    assert typer.predict(text).sub_event_type == sub


def test_plain_air_strike_stays_air_strike(typer: EventTyper) -> None:
    # The same note without the ground-fight words is a plain air strike.
    text = "On 4 July 2022, an airstrike killed 9 insurgents near the dam."
    assert typer.predict(text).sub_event_type == "Air/drone strike"


DISRUPTED = [
    "On 6 July 2022, an army patrol recovered three improvised explosive devices planted"
    " beside the market road.",
    "On 6 July 2022, a roadside bomb was found near the bridge and later safely defused.",
    "On 6 July 2022, gunmen lobbed a grenade at a checkpoint but the grenade did not explode"
    " and no one was injured.",
]
NOT_DISRUPTED = [
    # the device went off and hurt people: an explosion, not a disruption
    "On 6 July 2022, a bomb found by children exploded and killed two of them.",
    # fighting around the find: the clash decides
    "On 6 July 2022, police shot a suspect dead and recovered two grenades from his bag.",
]


@pytest.mark.parametrize("text", DISRUPTED)
def test_defused_or_failed_device_is_flagged(text: str) -> None:
    assert disrupted_flags(text) == {"device_disrupted"}


@pytest.mark.parametrize("text", NOT_DISRUPTED)
def test_harm_blocks_device_disrupted(text: str) -> None:
    assert disrupted_flags(text) == set()


def test_packaged_typer_codes_recovered_devices_as_disrupted(typer: EventTyper) -> None:
    # the packaged model alone reads this as Remote explosive/landmine/IED
    assert typer.predict(DISRUPTED[0]).sub_event_type == "Disrupted weapons use"
