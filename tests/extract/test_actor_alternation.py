"""The split actor-name matcher (``actors._Alternation``) finds exactly what the single big
alternation (``actors._alternation``) finds: same spans, same names, at every position."""

from __future__ import annotations

import re

import pytest

from eventfuse.extract.actors import ActorDictionary, _Alternation, _alternation

# Enough names (over _SPLIT_MIN) that the split path is used; prefixes of one another, so the
# longest-first order matters, plus names that start with a digit, a quote or a non-ASCII letter.
NAMES = [
    "al shabaab",
    "al shabaab militants",
    "police",
    "police forces",
    "military police",
    "military",
    "houthi",
    "houthis",
    "islamic state",
    "islamic state militants",
    "13th brigade",
    "'the unknown'",
    "éléments armés",
    "kurdish forces",
    "kataib hezbollah",
    "ſpecial unit",
    *(f"group {chr(97 + i)}{chr(97 + j)}" for i in range(12) for j in range(12)),
]
TEXTS = [
    "Al Shabaab militants attacked a police post; Military Police and the military replied.",
    "AL SHABAAB MILITANTS and POLICE FORCES clashed near the 13th Brigade base.",
    "Pro-Houthi fighters and anti-Houthi tribesmen; Houthi-held town; Houthi-led forces.",
    "Islamic State-claimed attack by Islamic State militants; al-Shabaab; Houthis' drone.",
    "ÉLÉMENTS ARMÉS attacked; 'the unknown' gunmen; Kurdish forces-controlled area.",
    "The \u212aataib Hezbollah (Kelvin sign K) and \u017fpecial unit and SPECIAL UNIT fired.",
    "group ab, group AB, Group Kl, groupab, group abc, pro-group ll and PRO-group ll.",
    "",
    "police",
    "x-police -police _police police_ police-led police-free",
]


@pytest.mark.parametrize("flags", [re.IGNORECASE, 0])
def test_finditer_and_match_equal_the_single_alternation(flags: int) -> None:
    names = NAMES if flags else [n.title() for n in NAMES]
    fast, whole = _Alternation(names, flags), _alternation(names, flags)
    assert fast._split  # the split path is the one under test
    for text in TEXTS + [t.upper() for t in TEXTS] + [t.title() for t in TEXTS]:
        got = [(m.span(1), m.group(1)) for m in fast.finditer(text)]
        want = [(m.span(1), m.group(1)) for m in whole.finditer(text)]
        assert got == want, text
        for pos in range(len(text) + 1):
            a, b = fast.match(text, pos), whole.match(text, pos)
            assert (a and (a.span(1), a.group(1))) == (b and (b.span(1), b.group(1))), (text, pos)


def test_longest_name_wins_and_case_is_ignored() -> None:
    fast = _Alternation(NAMES, re.IGNORECASE)
    found = [m.group(1) for m in fast.finditer("AL SHABAAB MILITANTS met Islamic State.")]
    assert found == ["AL SHABAAB MILITANTS", "Islamic State"]


def test_few_or_empty_names_use_the_single_pattern() -> None:
    few = _Alternation(["police", "army"], re.IGNORECASE)
    assert not few._split
    assert [m.group(1) for m in few.finditer("The Army and police.")] == ["Army", "police"]
    empty = _Alternation(["", *NAMES], re.IGNORECASE)
    assert not empty._split


def test_packaged_dictionary_matches_as_before() -> None:
    d = ActorDictionary.load()
    ci = [e.surface for e in d.entries.values() if not e.case_sensitive]
    fast, whole = d._patterns()[0], _alternation(ci, re.IGNORECASE)
    text = (
        "On 3 May, Al Shabaab militants attacked a police station in Mogadishu; pro-government "
        "militia and AMISOM troops repelled them. Taliban-planted IEDs killed 2 ANA soldiers."
    )
    assert [m.span(1) for m in fast.finditer(text)] == [m.span(1) for m in whole.finditer(text)]
    assert any(m.group(1).lower().startswith("al shabaab") for m in fast.finditer(text))
