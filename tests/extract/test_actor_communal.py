"""Tests of the identity-militia rules and the "pro-X" prefix in actor matching."""

from __future__ import annotations

from eventfuse.extract.actor_communal import IDENTITY_INTER, communal_spans
from eventfuse.extract.actors import ActorDictionary, code_actors
from eventfuse.model import strip_period

NATIONALS = frozenset({"sudanese", "kenya"})


def _names(text: str, country: str = "Freedonia") -> list[str]:
    return [a.name for a, _, _ in communal_spans(text, country, NATIONALS)]


def test_named_group_before_group_noun_is_an_ethnic_militia() -> None:
    assert _names("Zorbi raiders stole cattle.") == ["Zorbi Ethnic Militia (Freedonia)"]
    spans = communal_spans("Zorbi raiders stole cattle.", "Freedonia")
    actor, start, end = spans[0]
    assert (start, end) == (0, len("Zorbi raiders")) and actor.inter == IDENTITY_INTER


def test_national_and_generic_words_are_not_group_names() -> None:
    assert _names("an attack by Sudanese Zorbi militia") == ["Zorbi Ethnic Militia (Freedonia)"]
    assert _names("Armed raiders stole cattle.") == []
    assert _names("Sudanese militia crossed the border.") == []


def test_pair_of_communities_gives_both_sides() -> None:
    text = "clashes between the Zorbi and Quax communities left two dead"
    assert _names(text) == ["Zorbi Ethnic Militia (Freedonia)", "Quax Ethnic Militia (Freedonia)"]


def test_unnamed_cue_picks_the_militia_kind() -> None:
    assert _names("Ethnic clashes; three killed") == ["Unidentified Ethnic Militia (Freedonia)"]
    assert _names("inter-clan violence erupted") == ["Unidentified Clan Militia (Freedonia)"]
    assert _names("two rival communities fought") == ["Unidentified Communal Militia (Freedonia)"]
    assert _names("Ethnic clashes", country="") == []


def test_dictionary_names_win_over_militia_rule() -> None:
    d = ActorDictionary.read_generic()
    names = [m.actor.name for m in d.find("Al Shabaab militants attacked a camp", "Kenya")]
    assert names[0] == "Al Shabaab"
    assert not any("Ethnic" in n for n in names)
    names = [m.actor.name for m in d.find("Zorbi raiders attacked a camp", "Kenya")]
    assert names == ["Zorbi Ethnic Militia (Kenya)"]


def test_communal_clash_with_one_named_side_gets_unidentified_rival() -> None:
    c = code_actors("Zorbi militia clashed over grazing land.", "Battles", "Armed clash", "Kenya")
    assert c.actor1 is not None and c.actor2 is not None
    assert c.actor1.name == "Zorbi Ethnic Militia (Kenya)"
    assert c.actor2.name == "Unidentified Ethnic Militia (Kenya)"
    assert c.interaction == 44
    c = code_actors("Ethnic clashes; no breakdown of toll", "Battles", "Armed clash", "Kenya")
    assert c.actor1 is not None and c.actor2 is not None
    assert c.actor1.name == c.actor2.name == "Unidentified Ethnic Militia (Kenya)"
    # a state force in the note is the other side, not a rival militia
    c = code_actors("Zorbi militia ambushed police officers.", "Battles", "Armed clash", "Kenya")
    assert c.actor2 is not None and c.actor2.name.startswith("Police Forces of Kenya")


def test_pro_prefix_names_the_side_and_anti_prefix_does_not() -> None:
    d = ActorDictionary.read_generic()
    pro = [m.actor.name for m in d.find("pro-Houthi forces attacked", "Yemen")]
    assert pro and "Supreme Political Council" in pro[0]
    anti = [m.actor.name for m in d.find("anti-Houthi fighters attacked", "Yemen")]
    assert not any("Supreme Political Council" in n for n in anti)
    c = code_actors(
        "clashes between pro-Houthi forces and Al Shabaab", "Battles", "Armed clash", "Yemen"
    )
    assert c.actor1 is not None and "Supreme Political Council" in strip_period(c.actor1.name)
