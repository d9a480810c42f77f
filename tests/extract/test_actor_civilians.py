"""Tests of foreign civilians (actor_civilians) and the repel/thwart agent cue in battles."""

from __future__ import annotations

from eventfuse.extract.actor_civilians import foreign_civilians
from eventfuse.extract.actors import ActorDictionary, Entry, code_actors

DEMONYMS = {"zorbian": "Zorbia", "freedonian": "Freedonia"}


def _name(text: str, country: str = "Freedonia") -> str | None:
    a = foreign_civilians(text, country, DEMONYMS)
    return a.name if a else None


def test_demonym_of_another_country_names_the_victims() -> None:
    assert _name("Gunmen shot two Zorbian traders.") == "Civilians (Zorbia)"
    assert _name("police raided homes of Zorbians") == "Civilians (Zorbia)"
    assert _name("Gunmen shot two Freedonian traders.") is None  # the event country
    assert _name("Gunmen shot two traders.") is None


def test_foreigners_without_nationality_are_international() -> None:
    assert _name("two foreign aid workers were kidnapped") == "Civilians (International)"
    assert _name("a tourist was robbed") == "Civilians (International)"
    assert _name("a tourist was robbed", country="") is None


def test_vac_codes_foreign_victims_from_dictionary_demonyms() -> None:
    d = ActorDictionary(
        [
            Entry("Zorbian forces", "Military Forces of Zorbia", 1),
            Entry("police", "Police Forces of {country}", 1),
        ]
    )
    assert d.demonyms() == {"zorbian": "Zorbia"}
    c = code_actors(
        "Police beat three Zorbian workers.",
        "Violence against civilians",
        "Attack",
        "Freedonia",
        dictionary=d,
    )
    assert c.actor2 is not None and c.actor2.name == "Civilians (Zorbia)"
    assert c.interaction == 17


def test_the_attacker_not_the_side_that_repelled_it_is_actor1() -> None:
    # ACLED codes the side that began the fight first (leave-region-out dev: +13 / -0)
    d = ActorDictionary(
        [
            Entry("troops", "Military Forces of {country}", 1),
            Entry("ZLF", "ZLF: Zorblat Liberation Front", 2, case_sensitive=True),
        ]
    )
    c = code_actors(
        "ZLF fighters were seen nearby; troops repelled them.",
        "Battles",
        "Armed clash",
        "Freedonia",
        dictionary=d,
    )
    assert c.actor1 is not None and c.actor1.name == "ZLF: Zorblat Liberation Front"
    assert c.actor2 is not None and c.actor2.name == "Military Forces of Freedonia"
    c = code_actors(
        "Troops repelled an attack by ZLF near Xo.",
        "Battles",
        "Armed clash",
        "Freedonia",
        dictionary=d,
    )
    assert c.actor1 is not None and c.actor1.name == "ZLF: Zorblat Liberation Front"
