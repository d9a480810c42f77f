"""Tests of the actor dictionary and the role-based actor coder."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from eventfuse.errors import InputError
from eventfuse.extract.actors import ActorDictionary, code_actors, interaction_code
from eventfuse.extract.train import is_ood_row, read_acled
from eventfuse.model import strip_period

ZLF, MIL = "ZLF: Zorblat Liberation Front", "Military Forces of Freedonia"
TINY = "\n".join(
    [
        "event_type,sub_event_type,actor1,inter1,actor2,inter2,country,notes,region",
        f"Battles,Armed clash,{ZLF},2,{MIL} (2011-),1,Freedonia,ZLF attacked troops,Africa",
        f"Battles,Armed clash,{ZLF},2,{MIL} (2011-),1,Freedonia,x,Africa",
        f"Battles,Armed clash,{MIL} (2009-2011),1,{ZLF},2,Freedonia,y,Africa",
    ]
)


def _names(coding: object) -> tuple[str, str]:
    a1 = getattr(coding, "actor1", None)
    a2 = getattr(coding, "actor2", None)
    return (strip_period(a1.name) if a1 else "", strip_period(a2.name) if a2 else "")


def test_find_generic_and_named_actors() -> None:
    d = ActorDictionary.load()
    text = "Taliban militants attacked an Afghan army checkpoint; police said two civilians died."
    names = [m.actor.name for m in d.find(text, "Afghanistan")]
    assert "Taliban" in names[0]
    assert any(n.startswith("Military Forces of Afghanistan") for n in names)
    assert "Civilians (Afghanistan)" in names
    for m in d.find(text, "Afghanistan"):
        assert text[m.start : m.end].lower() == (m.actor.raw or "").lower()


def test_foreign_forces_get_inter_8() -> None:
    d = ActorDictionary.load()
    ms = d.find("Turkish forces shelled villages.", "Syria")
    assert ms[0].actor.name.startswith("Military Forces of Turkey")
    assert ms[0].actor.inter == 8


def test_code_protest_riot_and_vac_roles() -> None:
    text = "Police fired tear gas at protesters who marched to the county offices."
    c = code_actors(text, "Protests", "Protest with intervention", "Kenya")
    assert _names(c) == ("Protesters (Kenya)", "Police Forces of Kenya")
    assert c.interaction == 16
    assert "actor2" in c.spans
    c = code_actors("Thousands marched in the capital.", "Protests", "Peaceful protest", "Chile")
    assert _names(c) == ("Protesters (Chile)", "") and c.interaction == 60
    c = code_actors(
        "Gunmen shot dead a trader in his shop.", "Violence against civilians", "Attack", "Nigeria"
    )
    assert _names(c) == ("Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)")
    assert c.interaction == 37
    assert 0.0 <= c.confidence <= 1.0


def test_code_battle_sides() -> None:
    c = code_actors(
        "Al Shabaab militants attacked a Kenyan army camp in Lamu.",
        "Battles",
        "Armed clash",
        "Kenya",
    )
    assert _names(c) == ("Al Shabaab", "Military Forces of Kenya")
    c = code_actors(
        "Five suspects were shot dead by police in Mombasa.", "Battles", "Armed clash", "Kenya"
    )
    assert _names(c)[0] == "Police Forces of Kenya"


def test_state_names_take_the_where_acled_does() -> None:
    c = code_actors(
        "A drug suspect was killed during a police raid.",
        "Violence against civilians",
        "Attack",
        "Philippines",
    )
    assert _names(c) == ("Police Forces of the Philippines", "Civilians (Philippines)")
    ms = ActorDictionary.load().find("Kenyan troops crossed over.", "Somalia")
    assert ms[0].actor.name.startswith("Military Forces of Kenya") and ms[0].actor.inter == 8


def test_remote_and_strategic_roles() -> None:
    shell = "Explosions/Remote violence", "Shelling/artillery/missile attack"
    c = code_actors("Artillery shells hit the outskirts of the town.", *shell, "Freedonia")
    assert _names(c) == ("Military Forces of Freedonia", "")  # no named side: state, no target
    c = code_actors("Al Shabaab fired mortars at the town.", *shell, "Kenya")
    assert _names(c) == ("Al Shabaab", "")  # no side or civilian harm named: no actor2
    c = code_actors("Al Shabaab fired mortars at the town; two men died.", *shell, "Kenya")
    assert _names(c) == ("Al Shabaab", "Civilians (Kenya)")
    ied = "Explosions/Remote violence", "Remote explosive/landmine/IED"
    c = code_actors("Three soldiers were killed by a roadside bomb.", *ied, "Kenya")
    assert _names(c) == ("Unidentified Armed Group (Kenya)", "Military Forces of Kenya")
    c = code_actors("A bomb went off in the market.", *ied, "Kenya")
    assert _names(c) == ("Unidentified Armed Group (Kenya)", "Civilians (Kenya)")
    c = code_actors("Soldiers were hit by a Taliban-planted IED.", *ied, "Afghanistan")
    assert _names(c) == ("Taliban", "Military Forces of Afghanistan")
    c = code_actors(
        "Police arrested five men over the theft.", "Strategic developments", "Arrests", "Kenya"
    )
    assert _names(c) == ("Police Forces of Kenya", "Civilians (Kenya)")
    c = code_actors(
        "Al Shabaab militants set up a new base near the border with police watching.",
        "Strategic developments",
        "Change to group/activity",
        "Kenya",
    )
    assert _names(c) == ("Al Shabaab", "")


def test_associated_actors_of_protesters() -> None:
    c = code_actors(
        "University students and lecturers marched against fee rises.",
        "Protests",
        "Peaceful protest",
        "Kenya",
    )
    assert c.assoc_actor1 == ("Students (Kenya)", "Teachers (Kenya)")
    c = code_actors(
        "Nurses and health workers went on strike.", "Protests", "Peaceful protest", "Chad"
    )
    assert c.assoc_actor1 == ("Health Workers (Chad)",)
    c = code_actors("Gunmen shot a man.", "Violence against civilians", "Attack", "Chad")
    assert c.assoc_actor1 == ()


def test_state_forces_named_by_country_name() -> None:
    d = ActorDictionary.load()
    text = "Military forces of India and Pakistan exchanged fire across the LoC."
    names = [strip_period(m.actor.name) for m in d.find(text, "India")]
    assert names[:2] == ["Military Forces of India", "Military Forces of Pakistan"]
    ms = d.find("The Pakistan army shelled posts held by forces of the Philippines.", "India")
    assert [m.actor.inter for m in ms] == [8, 8]
    assert strip_period(ms[1].actor.name) == "Military Forces of the Philippines"
    c = code_actors(text, "Battles", "Armed clash", "India")
    assert _names(c) == ("Military Forces of India", "Military Forces of Pakistan")


def test_riot_second_side() -> None:
    mob = "Riots", "Mob violence"
    c = code_actors("Rival groups of youths clashed with machetes.", *mob, "Kenya")
    assert _names(c) == ("Rioters (Kenya)", "Rioters (Kenya)")
    c = code_actors("A mob attacked police and a trader in the market.", *mob, "Kenya")
    assert _names(c) == ("Rioters (Kenya)", "Police Forces of Kenya")
    c = code_actors("A mob lynched a suspected thief.", *mob, "Kenya")
    assert _names(c) == ("Rioters (Kenya)", "Civilians (Kenya)")


def test_interaction_code() -> None:
    assert interaction_code(2, 1) == 12
    assert interaction_code(6, None) == 60
    assert interaction_code(None, None) is None


def test_learn_from_acled_tiny_csv(tmp_path: Path) -> None:
    p = tmp_path / "tiny.csv"
    p.write_text(TINY, encoding="utf-8")
    d = ActorDictionary.read_generic().learn_from_acled([p])
    assert d.periods["Military Forces of Freedonia"] == "2011-"  # most frequent period wins
    ms = d.find("The ZLF raided a base. Zorblat Liberation Front fighters fled.", "Freedonia")
    assert [m.actor.name for m in ms][:1] == ["ZLF: Zorblat Liberation Front"]
    assert ms[0].actor.inter == 2
    troops = d.find("troops moved in", "Freedonia")
    assert troops[0].actor.name == "Military Forces of Freedonia (2011-)"
    out = tmp_path / "mine.yaml"
    d.save(out)
    again = ActorDictionary.read(out)
    assert len(again) == len(d) and again.periods == d.periods
    d.save(tmp_path / "mine.csv")
    assert len(ActorDictionary.read(tmp_path / "mine.csv")) == len(d)


def test_bad_dictionary_file_is_a_clear_error(tmp_path: Path) -> None:
    p = tmp_path / "bad.csv"
    p.write_text("surface,name,inter\nfoo,Foo,11\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.csv: actor record 1"):
        ActorDictionary.read(p)
    q = tmp_path / "notacled.csv"
    q.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing column"):
        list(read_acled(q))


@pytest.mark.shared
def test_actor_accuracy_floor_on_ood_sample(acled_dir: Path) -> None:
    """Gold types given; names learned without the OOD (Middle East) rows, as the bench does.

    Measured on this sample: actor1 0.69, actor2 0.72 (whole OOD split: 0.62 / 0.70).
    """
    paths = sorted(acled_dir.glob("*.csv"))
    rows = [r for p in paths for r in read_acled(p)]
    train = [r for r in rows if not is_ood_row(r)]
    sample = random.Random(7).sample([r for r in rows if is_ood_row(r)], 200)
    d = ActorDictionary.read_generic().learn_from_rows(train)
    h1 = h2 = 0
    for r in sample:
        c = code_actors(
            r["notes"], r["event_type"], r["sub_event_type"], r["country"], dictionary=d
        )
        got = _names(c)
        h1 += got[0].lower() == strip_period(r["actor1"]).lower()
        h2 += got[1].lower() == strip_period(r["actor2"]).lower()
    assert h1 / len(sample) >= 0.63
    assert h2 / len(sample) >= 0.68
