"""Role cues of the actor coder: "by" that names no attacker, state operations, the state as
a shelling target, lowercase group words after a group's name, units learned abroad, and
Latin American gang marks."""

from __future__ import annotations

from eventfuse.extract.actor_gangs import is_gang_context
from eventfuse.extract.actor_groups import group_spans
from eventfuse.extract.actors import ActorDictionary, Entry, code_actors
from eventfuse.model import strip_period

COUNTRY = "Colombia"


def _names(text: str, event_type: str, sub: str, country: str | None = COUNTRY) -> tuple[str, str]:
    c = code_actors(text, event_type, sub, country, dictionary=ActorDictionary.load())
    a1 = strip_period(c.actor1.name) if c.actor1 else ""
    a2 = strip_period(c.actor2.name) if c.actor2 else ""
    return a1, a2


def test_state_operation_puts_the_state_first() -> None:
    text = "A suspect was killed in an exchange of fire with soldiers during an operation."
    assert _names(text, "Battles", "Armed clash")[0] == f"Military Forces of {COUNTRY}"
    text = "A suspect was killed in an exchange of fire with soldiers."
    assert _names(text, "Battles", "Armed clash")[0].startswith("Unidentified Armed Group")


def test_controlled_by_names_no_attacker() -> None:
    text = (
        "Soldiers attacked a camp of the Freedom Sons Front in an area controlled by "
        "the Freedom Sons Front."
    )
    a1, a2 = _names(text, "Battles", "Armed clash")
    assert a1 == f"Military Forces of {COUNTRY}"
    assert a2 == "Freedom Sons Front"


def test_group_shelling_army_positions_targets_the_military() -> None:
    text = "Militants of the Freedom Sons Front fired mortars at army positions near the town."
    a1, a2 = _names(text, "Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert a1 == "Freedom Sons Front"
    assert a2 == f"Military Forces of {COUNTRY}"


def test_group_shelling_with_no_target_leaves_actor2_empty() -> None:
    text = "Militants of the Freedom Sons Front fired mortars near the town."
    assert _names(text, "Explosions/Remote violence", "Shelling/artillery/missile attack")[1] == ""


def test_lowercase_group_word_completes_a_name() -> None:
    spans = group_spans("the Free Homeland movement attacked a post", frozenset())
    assert [a.name for a, _, _ in spans] == ["Free Homeland Movement"]
    assert spans[0][2] == len("the Free Homeland movement")
    # a national word with a lowercase state noun is no group
    assert group_spans("the Colombian army attacked", frozenset({"colombian"})) == []


def test_gang_marks() -> None:
    assert is_gang_context("Human remains were found in plastic bags.", "Mexico")
    assert is_gang_context("The body showed signs of torture.", "Mexico")
    assert not is_gang_context("Two armed men attacked a man.", "Mexico")
    assert not is_gang_context("Human remains were found.", "Kenya")


def test_unknown_country_leaves_generic_sides_empty() -> None:
    assert _names("Protesters gathered in the square.", "Protests", "Peaceful protest", None) == (
        "",
        "",
    )


def test_unit_learned_abroad_names_the_event_countrys_unit() -> None:
    d = ActorDictionary(
        [Entry("National Guard", "Police Forces of Zembla (2018-) National Guard", 1)],
        periods={"Police Forces of Freedonia": "2011-", "Police Forces of Zembla": "2018-"},
    )
    c = code_actors(
        "The national guard clashed with gunmen.",
        "Battles",
        "Armed clash",
        "Freedonia",
        dictionary=d,
    )
    assert c.actor1 is not None
    assert c.actor1.name == "Police Forces of Freedonia (2011-) National Guard"
    assert c.actor1.inter == 1
    home = code_actors(
        "The national guard clashed with gunmen.", "Battles", "Armed clash", "Zembla", dictionary=d
    )
    assert home.actor1 is not None and home.actor1.name.startswith("Police Forces of Zembla")


def test_unit_and_its_base_force_are_one_side() -> None:
    d = ActorDictionary(
        [
            Entry("GSU", "Police Forces of Freedonia (2011-) General Service Unit", 1, True),
            Entry("officers", "Police Forces of {country}", 1),
            Entry("gunmen", "Unidentified Armed Group ({country})", 3),
        ],
        periods={"Police Forces of Freedonia": "2011-"},
    )
    c = code_actors(
        "GSU officers clashed with gunmen.", "Battles", "Armed clash", "Freedonia", dictionary=d
    )
    assert c.actor1 is not None and c.actor1.name.endswith("General Service Unit")
    assert c.actor2 is not None and c.actor2.name == "Unidentified Armed Group (Freedonia)"
