"""The victim's affiliation (``victim_affiliated``): a gang or armed-group member harmed by
another armed actor is a Battle (Armed clash) in ACLED, not violence against civilians.

Sentences here are invented for the tests.
"""

from __future__ import annotations

import copy

import pytest

from eventfuse.extract.classify import EventTyper
from eventfuse.extract.classify_roles import victim_affiliated

AFFILIATED = [
    "In Villa Norte, an alleged gang member was shot and killed by unknown armed men.",
    "Two suspected cartel members were found dead near the highway toll booth.",
    "Armed men shot and killed an alleged member from Barrio-18 outside a bakery.",
    "A man was shot dead in Jardim Azul. The victim was involved in a gang.",
    "A man was killed by two men on a motorbike. The victim had charges against him "
    "for several crimes, including drug trafficking.",
    "Gunmen ambushed a member of the Los Halcones cartel near the market.",
    "An alleged male drug dealer was shot dead by armed individuals in Colonia Roble.",
    "A woman was shot. The victim was a member of the Los Cuervos gang.",
]

NOT_AFFILIATED = [
    # the gang is the agent, not the one harmed
    "A taxi driver was shot and killed by alleged gang members in Colonia Centro.",
    "Members of the Los Halcones cartel killed a shopkeeper near the market.",
    # negated, or a record of crime that is not gang or trafficking
    "A student was killed. Relatives said the victim was not a member of any gang.",
    "A man was shot dead. The victim had charges against him for robbery.",
    # party, caste and community members are civilians
    "A member of the Green Party was shot and killed outside his home.",
    "Soldiers executed two members of the Fulani community near the well.",
    "A party member was killed in an armed attack by rivals.",
]


@pytest.mark.parametrize("text", AFFILIATED)
def test_affiliated_victim_is_read(text: str) -> None:
    assert victim_affiliated(text), text


@pytest.mark.parametrize("text", NOT_AFFILIATED)
def test_agents_negations_and_civilians_are_not_read(text: str) -> None:
    assert not victim_affiliated(text), text


def test_cue_is_read_only_early_in_the_text() -> None:
    late = "x " * 400 + "an alleged gang member was shot and killed."
    assert not victim_affiliated(late)


# Invented notes the packaged model alone guesses as Attack.
ATTACK_LIKE = [
    "On 3 March 2021, in Puerto Lindo, a man was shot dead by two armed men on a "
    "motorcycle. The victim was involved in a gang.",
    "On 3 March 2021, in San Pedro, armed men shot and killed an alleged member from "
    "Barrio-18 and injured a woman who was with him.",
    "On 3 March 2021, in Puerto Lindo, a drug trafficker was found dead with gunshot wounds.",
]


@pytest.mark.parametrize("text", ATTACK_LIKE)
def test_packaged_typer_codes_the_affiliated_victim_as_a_clash(text: str) -> None:
    typer = EventTyper.load()
    plain = copy.copy(typer)  # ``load`` is cached: never mutate the shared instance
    plain.use_overrides = False
    assert plain.predict(text).sub_event_type == "Attack", "the model alone guesses Attack"
    pred = typer.predict(text)
    assert pred.sub_event_type == "Armed clash"
    assert pred.event_type == "Battles"


def test_packaged_typer_keeps_the_attack_when_the_gang_is_the_agent() -> None:
    text = (
        "On 3 March 2021, in Puerto Lindo, a shopkeeper was shot dead by alleged gang "
        "members who demanded extortion payments."
    )
    assert EventTyper.load().predict(text).sub_event_type == "Attack"
