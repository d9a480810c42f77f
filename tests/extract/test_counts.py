"""Casualty / arrest counts: table-driven cases in our own words, including negatives."""

from __future__ import annotations

import pytest

from eventfuse.extract.counts import CountMatch, find_counts, parse_quantity, total


def _counts(text: str) -> list[tuple[str, int]]:
    return [(m.kind, m.value) for m in find_counts(text) if not m.negated]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("17", (17, None, "exact")),
        ("seventeen", (17, None, "exact")),
        ("twenty-three", (23, None, "exact")),
        ("two hundred and forty", (240, None, "exact")),
        ("3,400", (3400, None, "exact")),
        ("a dozen", (12, None, "approx")),
        ("two dozen", (24, None, "exact")),
        ("dozens of", (12, None, "vague")),
        ("hundreds", (100, None, "vague")),
        ("several", (3, None, "vague")),
        ("a number of", (3, None, "vague")),
        ("many", (10, None, "vague")),
        ("at least 8", (8, None, "at_least")),
        ("more than thirty", (30, None, "at_least")),
        ("nearly 40", (40, None, "approx")),
        ("some 60", (60, None, "approx")),
        ("up to 25", (25, 25, "at_most")),
        ("11 to 13", (11, 13, "range")),
        ("between 2,000 and 4,000", (2000, 4000, "range")),
        ("six or seven", (6, 7, "range")),
    ],
)
def test_parse_quantity(text: str, expected: tuple[int, int | None, str]) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize("text", ["", "soldiers", "the", "yesterday"])
def test_parse_quantity_rejects_non_numbers(text: str) -> None:
    assert parse_quantity(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # active verb + object
        ("Coalition aircraft killed 12 Shabaab militants near the river.", [("killed", 12)]),
        ("The ambush ended with the army killing eight insurgent commanders.", [("killed", 8)]),
        ("Officers arrested 14 suspects after the riot.", [("arrested", 14)]),
        ("Bandits kidnapped three engineers on the highway.", [("abducted", 3)]),
        ("The blast claimed the lives of forty-two worshippers.", [("killed", 42)]),
        ("The clash led to the death of 9 fighters of the group.", [("killed", 9)]),
        ("It caused the deaths of a local commander and four other gunmen.", [("killed", 5)]),
        ("The police found the bodies of 6 men in a ditch.", [("killed", 6)]),
        ("A bomber detonated his vest, killing 7 at the checkpoint.", [("killed", 7)]),
        ("The shelling left 4 dead in the market.", [("killed", 4)]),
        ("Gunmen shot dead a farmer on his land.", [("killed", 1)]),
        ("Raiders stormed the village, killing the two herders.", [("killed", 2)]),
        # passive / headline
        ("Nine border guards were killed in the attack.", [("killed", 9)]),
        ("Eleven pilgrims killed as bus hits mine", [("killed", 11)]),
        ("Five marines were hurt during the landing.", [("injured", 5)]),
        ("Two aid workers were wounded by shrapnel.", [("injured", 2)]),
        ("Three smugglers were chased and arrested at dawn.", [("arrested", 3)]),
        ("A teacher was found dead near the school.", [("killed", 1)]),
        ("A shopkeeper was shot dead by masked men.", [("killed", 1)]),
        ("A 34-year-old driver was stabbed to death.", [("killed", 1)]),
        ("He was detained at the airport.", [("arrested", 1)]),
        ("4 fatalities.", [("killed", 4)]),
        ("1 fatality.", [("killed", 1)]),
        # several kinds in one sentence
        (
            "Three guards were killed and six injured in the raid.",
            [("killed", 3), ("injured", 6)],
        ),
        (
            "The strike killed 10 fighters, injuring four civilians.",
            [("killed", 10), ("injured", 4)],
        ),
        ("They killed 2 villagers and 3 others were injured.", [("killed", 2), ("injured", 3)]),
        # qualifiers
        ("At least 6 people were killed.", [("killed", 6)]),
        ("More than 30 protesters were detained.", [("arrested", 30)]),
        ("Dozens were injured in the stampede.", [("injured", 12)]),
        ("Several villagers were abducted.", [("abducted", 3)]),
    ],
)
def test_find_counts_values(text: str, expected: list[tuple[str, int]]) -> None:
    found = _counts(text)
    kinds = {k for k, _ in expected}
    for kind in kinds:
        want = sum(v for k, v in expected if k == kind)
        assert total(find_counts(text), kind) == want, (text, found)
    assert {k for k, _ in found} == kinds, (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "Around 3,000 foreign troops remain in the country.",
        "The group has between 800 and 1,200 fighters in the hills.",
        "Forces destroyed four hideouts and two vehicles.",
        "The surveillance lasted three months before the raid.",
        "A 19-year-old student joined the march.",
        "On 14 June 2021, 12 trucks crossed the border.",
        "The militia threatened to kill 5 hostages.",
        "Residents protested on 2 May 2021 at 10:30.",
        "Turnout reached 45% in 2019.",
        "Casualties unknown.",
    ],
)
def test_no_count_without_a_casualty_verb(text: str) -> None:
    assert _counts(text) == []


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("There were no fatalities.", {"killed"}),
        ("No one was killed in the fire.", {"killed"}),
        ("Nobody was hurt.", {"injured"}),
        ("No casualties were reported.", {"casualties"}),
        ("No fatalities or injuries were reported.", {"killed", "injured"}),
    ],
)
def test_negations(text: str, kinds: set[str]) -> None:
    ms = find_counts(text)
    assert ms and all(m.negated and m.value == 0 for m in ms)
    assert {m.kind for m in ms} == kinds
    for kind in kinds:
        assert total(ms, kind) == 0


def test_casualties_are_not_fatalities() -> None:
    ms = find_counts("The mortar hit the base, killing and wounding about 25 soldiers.")
    assert [(m.kind, m.value, m.qualifier) for m in ms] == [("casualties", 25, "approx")]
    assert total(ms, "killed") is None
    ms = find_counts("8 policemen were killed and wounded at the checkpoint.")
    assert total(ms, "killed") is None and total(ms, "casualties") == 8


def test_range_keeps_low_value_and_high() -> None:
    (m,) = find_counts("Between 20 and 25 villagers were killed.")
    assert (m.value, m.high, m.qualifier) == (20, 25, "range")


def test_who_and_span() -> None:
    text = "Security forces said they killed 15 ISIS elements in the valley."
    (m,) = find_counts(text)
    assert m.who == "ISIS elements"
    assert text[m.start : m.end] == m.text == "killed 15 ISIS elements"


def test_coordinated_groups_add_up_but_restatements_do_not() -> None:
    ms = find_counts("Two soldiers and three civilians were killed when the shell landed.")
    assert [m.who for m in ms] == ["soldiers", "civilians"]
    assert total(ms, "killed") == 5
    ms = find_counts("Troops killed 6 gunmen. The 6 gunmen were killed near the well.")
    assert total(ms, "killed") == 6


def test_subset_after_including_is_not_added() -> None:
    ms = find_counts("At least 12 rebels including 3 commanders were killed.")
    assert total(ms, "killed") == 12


def test_summary_statement_wins() -> None:
    ms = find_counts("A man was killed in one village and a boy in another. 2 fatalities.")
    assert total(ms, "killed") == 2


def test_injuries_and_arrests_are_not_added_to_fatalities() -> None:
    ms = find_counts("Police killed 1 robber, wounded 2 and arrested 4 others.")
    assert total(ms, "killed") == 1
    assert total(ms, "injured") == 2
    assert total(ms, "arrested") == 4


def test_total_of_nothing_is_none() -> None:
    assert total([], "killed") is None
    m = CountMatch("injured", 2, None, 0, 1, "x", None, "exact", False)
    assert total([m], "killed") is None


def test_long_input_is_bounded() -> None:
    text = "Nine border guards were killed. " * 5000
    assert len(find_counts(text)) > 0
