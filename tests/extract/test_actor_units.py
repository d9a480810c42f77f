"""Tests of state-force units learned as ACLED name suffixes."""

from __future__ import annotations

from eventfuse.extract.actor_units import split_unit, unit_entries, unit_surfaces
from eventfuse.extract.actors import ActorDictionary


def _row(a1: str, a2: str = "", country: str = "Freedonia") -> dict[str, str]:
    return {
        "actor1": a1,
        "actor2": a2,
        "inter1": "1",
        "inter2": "",
        "country": country,
        "notes": "x",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
    }


def test_unit_surfaces_acronyms_colon_halves_and_faction_heads() -> None:
    assert unit_surfaces("General Service Unit") == ["General Service Unit", "GSU"]
    assert unit_surfaces("GNB: National Guard") == ["GNB", "National Guard"]
    assert unit_surfaces("Zorg Faction") == ["Zorg Faction", "Zorg"]
    assert unit_surfaces("Prison Guards") == ["Prison Guards"]


def test_unit_seen_in_several_countries_becomes_a_template() -> None:
    got = {
        s: n
        for s, n, _ in unit_entries(
            [
                "Military Forces of Aland (2001-) Gendarmerie",
                "Military Forces of Bland (1999-) Gendarmerie",
                "Police Forces of Cland (2010-) Gendarmerie",
                "Police Forces of Aland (2001-) Special Zorg Unit",
                "Police Forces of Aland (2001-)",
            ]
        )
    }
    assert got["Gendarmerie"] == "Military Forces of {country} Gendarmerie"
    assert got["Special Zorg Unit"] == "Police Forces of Aland (2001-) Special Zorg Unit"
    assert got["SZU"] == got["Special Zorg Unit"]
    assert len(got) == 3


def test_split_unit_uses_the_longest_known_base() -> None:
    bases = ["Military Forces of Aland", "Military Forces of Aland North"]
    assert split_unit("Military Forces of Aland North Guard", bases) == (
        "Military Forces of Aland North",
        "Guard",
    )
    assert split_unit("Military Forces of Bland Guard", bases) == (
        "Military Forces of Bland Guard",
        "",
    )


def test_learned_units_resolve_with_period_before_the_unit() -> None:
    rows = [
        _row("Military Forces of Aland (2001-) Zorg Faction"),
        _row("Military Forces of Aland (2001-)"),
        _row("Police Forces of Bland (1999-) Prison Guards", country="Bland"),
        _row("Police Forces of Aland (2001-) Prison Guards", country="Aland"),
    ]
    d = ActorDictionary.empty().learn_from_rows(rows)
    names = [m.actor.name for m in d.find("Zorg forces shelled the town", "Aland")]
    assert names == ["Military Forces of Aland (2001-) Zorg Faction"]
    ms = d.find("prison guards beat inmates", "Bland")
    assert [m.actor.name for m in ms] == ["Police Forces of Bland (1999-) Prison Guards"]
    assert ms[0].actor.inter == 1
    # a country with no learned period still gets the unit, without a period
    assert d.find("prison guards beat inmates", "Cland")[0].actor.name == (
        "Police Forces of Cland Prison Guards"
    )
