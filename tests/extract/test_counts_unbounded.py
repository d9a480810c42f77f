"""Death phrases the basic victim grammar misses: bare present verbs ("Gunmen kill three"),
reported acts ("claimed to have killed"), "stabbed a man to death", and passive deaths whose
subject the noun-phrase grammar cannot bound ("A teacher at X School, was shot dead")."""

from __future__ import annotations

import pytest

from eventfuse.extract.counts import find_counts, total


def _killed(text: str) -> int | None:
    return total(find_counts(text), "killed")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen kill three people in separate incidents on same night.", 3),
        ("Police shoot and kill a Matatu driver when he refused to pay a bribe.", 1),
        ("A vigilante group lynches a suspected rapist in Kivuthini.", 1),
        ("Al Shabaab militants claimed to have killed two soldiers and injured five others.", 2),
        ("Meru inhabitants stabbed 3 Isiolo inhabitants to death at the market.", 3),
        ("Residents reportedly beat up two men to death in Temple Road.", 2),
        ("A teacher at Okimaru Primary School, was shot dead in Malakisi.", 1),
        ("5 people in Ruaraka were shot dead by unidentified attackers.", 5),
        ("Two policemen were Friday afternoon shot dead by unknown gunmen.", 2),
    ],
)
def test_unbounded_deaths_are_counted(text: str, expected: int) -> None:
    assert _killed(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Church members and villagers nearly lynch a pastor before police intervene.",
        "Gunmen attempted to kill a chief in Kwale.",
        "He had threatened to kill a person.",
    ],
)
def test_acts_not_done_are_not_counted(text: str) -> None:
    assert _killed(text) is None


def test_relative_passive_is_not_a_second_victim() -> None:
    # "who was killed" restates the man already counted, not another death
    text = "Residents protested the death of a man who was killed by police last week."
    assert _killed(text) == 1


def test_relative_clause_deed_is_not_the_event() -> None:
    text = "A woman who stabbed her boyfriend to death was lynched by a mob in Muranga."
    assert _killed(text) == 1


def test_negation_still_wins() -> None:
    assert _killed("No one was killed in the attack.") == 0


def test_counted_plural_restated_is_not_added() -> None:
    # the grammar already reads "Two soldiers were killed"; the fallback must not add to it
    assert _killed("Two soldiers were killed when gunmen attacked the base.") == 2


def test_split_note_stated_share_is_this_rows() -> None:
    # "Fatalities are split across 2 events (3)": the coder states this row's share
    text = "7 Taliban militants were killed. Fatalities are split across 2 events (3)."
    assert _killed(text) == 3


def test_split_note_without_share_rounds_up() -> None:
    assert _killed("9 GNA soldiers were killed. Fatalities split between two events.") == 5
