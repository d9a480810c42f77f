"""Tests of named armed groups the dictionary does not know (actor_groups)."""

from __future__ import annotations

from eventfuse.extract.actor_groups import HEAD_INTER, group_spans, head_inters
from eventfuse.extract.actors import ActorDictionary, Entry, code_actors
from eventfuse.model import strip_period

NATIONALS = frozenset({"freedonian", "freedonia", "sylvanian"})


def _names(text: str) -> list[str]:
    return [a.name for a, _, _ in group_spans(text, NATIONALS)]


def test_acronym_in_parentheses_gives_acled_style_name() -> None:
    text = "Fighters of the Zorblat Liberation Front (ZLF) attacked a post. ZLF later withdrew."
    spans = group_spans(text, NATIONALS)
    assert [a.name for a, _, _ in spans] == ["ZLF: Zorblat Liberation Front"] * 2
    actor, start, end = spans[0]
    assert text[start:end] == "Zorblat Liberation Front (ZLF)"
    assert actor.inter == HEAD_INTER["front"] == 2
    assert text[spans[1][1] : spans[1][2]] == "ZLF"


def test_plain_name_without_acronym_and_trailing_forces() -> None:
    assert _names("the Quax Workers' Party said") == ["Quax Workers' Party"]
    assert _names("anti-regime Blue Resistance forces fired shells") == ["Blue Resistance Forces"]
    # a force-noun head does not take a second "Forces"
    assert _names("Red Dawn Army forces fired") == ["Red Dawn Army"]


def test_state_phrases_descriptions_and_identity_groups_are_not_groups() -> None:
    assert _names("Freedonian Security Forces raided a house") == []
    assert _names("Sylvanian Arab Army shelled the town") == []
    assert _names("Tiv and Ichen Ethnic Militias clashed") == []
    assert _names("a Group of men") == []  # one word is not a name


def test_second_name_after_and_and_text_after_the_head_are_cut() -> None:
    assert _names("Party of National Unity and ZDM supporters") == ["Party of National Unity"]
    assert _names("said Geo Group Editor Smith") == ["Geo Group"]


def test_head_inters_learned_from_dictionary_names() -> None:
    names = [("ABC: Alpha Party", 3), ("DEF: Delta Party", 3), ("GHI: Gamma Party", 2)]
    assert head_inters(names)["party"] == 3
    assert head_inters([("Zeta Front", 3)])["front"] == 3
    assert head_inters([])["front"] == HEAD_INTER["front"]
    assert head_inters([("Military Forces of X", 3)])["forces"] == HEAD_INTER["forces"]


def test_find_prefers_dictionary_but_group_wins_over_generic_words() -> None:
    d = ActorDictionary(
        [
            Entry("army", "Military Forces of {country}", 1),
            Entry("Zorblat Liberation Front", "ZLF: Zorblat Liberation Front", 2),
        ]
    )
    known = [m.actor.name for m in d.find("the Zorblat Liberation Front attacked", "Freedonia")]
    assert known == ["ZLF: Zorblat Liberation Front"]
    new = [m.actor.name for m in d.find("the Blue Dawn Army attacked", "Freedonia")]
    assert new == ["Blue Dawn Army"]


def test_new_group_is_a_battle_side_not_unidentified() -> None:
    d = ActorDictionary([Entry("troops", "Military Forces of {country}", 1)])
    text = "Fighters of the Crimson Liberation Army (CLA) attacked troops near Xo."
    c = code_actors(text, "Battles", "Armed clash", "Freedonia", dictionary=d)
    assert c.actor1 is not None and c.actor2 is not None
    assert strip_period(c.actor1.name) == "CLA: Crimson Liberation Army"
    assert c.actor2.name == "Military Forces of Freedonia"
    assert c.interaction == 12
