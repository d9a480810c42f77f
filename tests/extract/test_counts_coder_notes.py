"""Coder notes and headline shapes the count grammar reads (ACLED's fatality rules)."""

from __future__ import annotations

import pytest

from eventfuse.extract.counts import (
    CountMatch,
    find_counts,
    is_coder_total,
    restated,
    split_share,
    total,
)


def _killed(text: str) -> int | None:
    return total(find_counts(text), "killed")


@pytest.mark.parametrize(
    ("value", "parts", "share"),
    [(1, 12, 0), (7, 4, 2), (10, 3, 3), (9, 2, 5), (6, 2, 3), (31, 6, 5), (48, 2, 24)],
)
def test_a_split_gives_the_share_most_events_carry(value: int, parts: int, share: int) -> None:
    assert split_share(value, parts) == share


def test_a_bracketed_split_note_divides_the_toll_but_adds_no_death() -> None:
    text = "One soldier was killed at an unspecified location [1 fatality split among 12 events]."
    assert _killed(text) == 0
    assert _killed("One soldier was killed [size=no report].") == 1


@pytest.mark.parametrize(
    "note",
    ["Fatalities coded across 2 events.", "Total fatalities divided equally across two events."],
)
def test_split_note_wordings(note: str) -> None:
    assert _killed("Four people were killed. " + note) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Post election riots. FATALITIES: 15", 15),
        ("Gangs attacked villagers. FATALITIES: Estimate of 3 people.", 3),
        ("Raid. FATALITIES: reported estimates include 12,", 12),
    ],
)
def test_an_old_fatalities_header_is_the_coders_figure(text: str, expected: int) -> None:
    matches = find_counts(text)
    assert total(matches, "killed") == expected
    assert any(m.qualifier == "coded" for m in matches)


@pytest.mark.parametrize(
    "text", ["FATALITIES: 5-6 others may have been killed.", "FATALITIES: 3 others killed."]
)
def test_a_header_range_or_others_is_no_coded_total(text: str) -> None:
    assert not any(m.qualifier == "coded" for m in find_counts(text))


@pytest.mark.parametrize(
    "text",
    [
        "Local officials said 6 militants were also killed.",
        "Also, four men were shot dead in Colonia El Carmen.",
        "According to local authorities, also 13 militants were killed.",
        "The army also killed 3 civilians.",
    ],
)
def test_also_marks_added_victims(text: str) -> None:
    killed = [m for m in find_counts(text) if m.kind == "killed"]
    assert killed and all(m.additional for m in killed)


def test_victims_without_also_are_not_added() -> None:
    killed = [
        m for m in find_counts("2 policemen were killed in the ambush.") if m.kind == "killed"
    ]
    assert killed and not any(m.additional for m in killed)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mob kills man suspected of livestock theft", 1),
        ("Turkana raiders kill girl and steal cattle", 1),
        ("Mob lynches woman over land dispute", 1),
        ("Pokot raiders kill civilians and steal cattle", None),  # bare plural: no figure
        ("Police arrested a murder suspect.", None),  # a noun, not the verb
        ("They attended the funeral of a murdered businessman.", None),  # an adjective
        ("Residents accuse police of killing man in custody", None),  # an accusation
    ],
)
def test_a_headlines_bare_singular_victim_is_one(text: str, expected: int | None) -> None:
    assert _killed(text) == expected


def test_an_opening_phrase_before_a_comma_is_no_victim() -> None:
    assert _killed("According to the report, the man died in hospital.") == 1
    assert _killed("Armed men killed their body guard, a police officer.") == 1


def _sentence_total(sentence: str) -> list[bool]:
    return [is_coder_total(m, sentence) for m in find_counts(sentence) if m.kind == "killed"]


def test_a_coder_total_stands_alone() -> None:
    assert _sentence_total("4 fatalities.") == [True]
    assert _sentence_total("2 fatalities. [size=no report]") == [True]
    assert True in _sentence_total("11 prisoners were also killed (total of 12 fatalities).")
    assert _sentence_total("Al Shabaab claims 15 fatalities.") == [False]
    assert _sentence_total("Another source reported tens of fatalities.") == [False]


def _m(value: int, who: str | None) -> CountMatch:
    return CountMatch("killed", value, None, 0, 1, "x", who, "exact", False)


def test_restated_victims_match_number_and_noun() -> None:
    assert restated(_m(2, "youths"), [_m(1, "police officer"), _m(2, "youths")])
    assert restated(_m(5, None), [_m(5, "people")])
    assert not restated(_m(6, "militants"), [_m(2, "policemen")])
    assert not restated(_m(2, "militants"), [_m(2, "policemen")])
