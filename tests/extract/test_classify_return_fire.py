"""Fire returned or exchanged both ways makes a clash, whatever the weapon (ACLED's codebook:
a two-way long-range exchange is an Armed clash, not a Shelling/artillery/missile attack)."""

from __future__ import annotations

import pytest

from eventfuse.extract.classify import EventTyper
from eventfuse.extract.classify_rules import OPENING_WINDOW, return_fire_flags

SHELLED_THEN_ANSWERED = (
    "On 9 May 2020, rebel forces fired mortar shells at army positions in Zorb district. "
    "The army responded to the fire, killing several rebel fighters."
)


@pytest.mark.parametrize(
    "text",
    [
        SHELLED_THEN_ANSWERED,
        "On 2 May 2020, the militia shelled army posts. Soldiers fired back.",
        "On 29 April 2020, the two sides exchanged artillery fire on the Zorb front.",
        "On 28 April 2020, a shelling exchange took place between the army and the rebels.",
        "On 5 May 2020, troops returned fire after rockets hit their base.",
    ],
)
def test_fire_both_ways_is_flagged(text: str) -> None:
    assert return_fire_flags(text) == {"exchange"}


@pytest.mark.parametrize(
    "text",
    [
        "On 9 May 2020, rebel forces fired mortar shells at a village. No one was hurt.",
        "On 9 May 2020, the army shelled rebel positions; the rebels fled.",
        "On 3 May 2020, police fired tear gas at protesters, who threw stones back.",
    ],
)
def test_one_sided_fire_is_not_flagged(text: str) -> None:
    assert return_fire_flags(text) == set()


def test_only_the_notes_opening_is_read() -> None:
    far = "On 9 May 2020, rebels shelled a village. " + "x " * OPENING_WINDOW
    assert return_fire_flags(far + "Earlier this year the army fired back.") == set()


def test_shelling_answered_is_typed_as_armed_clash() -> None:
    typer = EventTyper.load()
    one_sided = typer.predict(SHELLED_THEN_ANSWERED.split(". The army")[0] + ".")
    assert one_sided.sub_event_type == "Shelling/artillery/missile attack"
    assert typer.predict(SHELLED_THEN_ANSWERED).sub_event_type == "Armed clash"
