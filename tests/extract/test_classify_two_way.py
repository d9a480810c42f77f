"""Two-way fire and crowd arrests the typer read too narrowly (ACLED codebook 1.2: fire
exchanged both ways is an Armed clash, not Shelling; small arms at enemy positions is a ground
engagement; arrests at a protest make it a Protest with intervention)."""

from __future__ import annotations

import numpy as np
import pytest

from eventfuse.extract.classify import EventTyper
from eventfuse.extract.classify_rules import crowd_flags, return_fire_flags

BOTH_WAYS_LATER = (
    "On 3 May 2021, the rebel forces fired 120mm mortars at the army positions near Zorivka. "
    "Monitors recorded 40 explosions involving unknown weapons in both directions of the "
    "front line near Zorivka."
)
SMALL_ARMS = (
    "On 5 May 2021, the army fired grenade launchers, heavy machine guns and small arms at "
    "the positions of the rebel militia near Zorivka."
)


@pytest.fixture(scope="module")
def typer() -> EventTyper:
    return EventTyper.load()


def _mass(typer: EventTyper, best: str, runner_up: str, rest: dict[str, float]) -> object:
    """A model output whose best sub-type is ``best`` while ``runner_up``'s type sums higher."""
    p = np.zeros(len(typer.all_classes), dtype=np.float64)
    p[typer.all_classes.index(best)] = 0.34
    p[typer.all_classes.index(runner_up)] = 0.30
    for sub, mass in rest.items():
        p[typer.all_classes.index(sub)] = mass
    return p / p.sum()


def test_both_directions_in_a_later_sentence_is_an_exchange() -> None:
    assert return_fire_flags(BOTH_WAYS_LATER) == {"exchange"}
    assert return_fire_flags(BOTH_WAYS_LATER.split(" Monitors")[0]) == set()


def test_both_directions_note_is_an_armed_clash(typer: EventTyper) -> None:
    assert typer.predict(BOTH_WAYS_LATER).sub_event_type == "Armed clash"
    one_sided = BOTH_WAYS_LATER.split(" Monitors")[0]
    assert typer.predict(one_sided).sub_event_type == "Shelling/artillery/missile attack"


def test_small_arms_override_a_grenade_guess(typer: EventTyper) -> None:
    p = _mass(typer, "Grenade", "Armed clash", {"Attack": 0.1})
    q, _ = typer._apply_overrides(SMALL_ARMS, p)
    assert typer.all_classes[typer._pick(q)[0]] == "Armed clash"


def test_a_flag_keeps_its_own_best_guess_against_the_type_sum(typer: EventTyper) -> None:
    # Armed clash is the best sub-type, but Shelling + Grenade outweigh Battles as a type:
    # the small-arms cue keeps the clash instead of letting the type sum pick Shelling.
    p = _mass(typer, "Armed clash", "Shelling/artillery/missile attack", {"Grenade": 0.2})
    assert typer.all_classes[typer._pick(p)[0]] == "Shelling/artillery/missile attack"
    q, _ = typer._apply_overrides(SMALL_ARMS, p)
    assert typer.all_classes[typer._pick(q)[0]] == "Armed clash"


def test_without_a_flag_the_type_sum_still_decides(typer: EventTyper) -> None:
    plain = "On 5 May 2021, something happened near Zorivka."
    p = _mass(typer, "Armed clash", "Shelling/artillery/missile attack", {"Grenade": 0.2})
    q, _ = typer._apply_overrides(plain, p)
    assert typer.all_classes[typer._pick(q)[0]] == "Shelling/artillery/missile attack"


@pytest.mark.parametrize(
    "text",
    [
        "On 6 May 2021, a protest was held in Zorivka. One protester was arrested.",
        "On 6 May 2021, workers rallied in Zorivka; a demonstrator was later detained.",
    ],
)
def test_one_protester_arrested_is_an_intervention(text: str) -> None:
    assert "crowd_dispersed" in crowd_flags(text)


def test_a_protest_about_an_arrest_is_no_intervention() -> None:
    text = "On 6 May 2021, residents protested in Zorivka after a farmer was arrested."
    assert "crowd_dispersed" not in crowd_flags(text)
