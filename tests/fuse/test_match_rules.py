"""The pair rules that tell reports of one incident from same-day events in one city:
specific names, weak actors (civilians) and a city against a place inside it."""

from __future__ import annotations

from datetime import date

import numpy as np
from pytest import approx
from tests.fuse.fuse_helpers import article, mention

from eventfuse.fuse import FuseConfig
from eventfuse.fuse.pairs import actor_sim, name_sim, place_sim, score_pairs
from eventfuse.fuse.table import MULTI, build_table
from eventfuse.model import Actor, DateRange, Mention, Place

KYIV = Place("Kyiv", "Ukraine", "Kyiv", "Kyiv", None, 50.45466, 30.5238, 1)
DISTRICT = Place("Dasht area", "Ukraine", "Kyiv", "Kyiv", None, 50.40, 30.45, 1)
OTHER_DISTRICT = Place("Obolon area", "Ukraine", "Kyiv", "Obolon", None, 50.50, 30.50, 1)
RUSSIA = Actor("Military Forces of Russia (2000-)", 8)
CIVILIANS = Actor("Civilians (Ukraine)", 7)
UNIDENTIFIED = Actor("Unidentified Armed Group (Ukraine)", 3)
POLICE = Actor("Police Forces of Ukraine (2019-)", 1)
DAY = date(2024, 7, 8)
ARTS = {f"a{k}": article(f"a{k}", DAY) for k in range(6)}


def strike(mid: str, aid: str, text: str, **kw: object) -> Mention:
    base: dict[str, object] = dict(
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        actor1=RUSSIA,
        actor2=CIVILIANS,
        assoc_actor1=(),
        place=KYIV,
        fatalities=None,
        text=text,
    )
    base.update(kw)
    return mention(mid, aid, **base)


def pair_features(a: Mention, b: Mention) -> tuple[float, float, float]:
    t = build_table([a, b], ARTS, FuseConfig())
    i, j = np.array([0]), np.array([1])
    same_point = np.array([True])
    place, _ = place_sim(t, i, j, FuseConfig())
    return float(name_sim(t, i, j, same_point)[0]), float(actor_sim(t, i, j)[0]), float(place[0])


def test_shared_name_supports_and_disjoint_landmarks_oppose() -> None:
    a = strike("m1", "a1", "A missile struck the Okhmatdyt hospital in Kyiv, killing two.")
    b = strike("m2", "a2", "Two were killed at the Okhmatdyt hospital, the city said.")
    c = strike("m3", "a3", "A missile hit a clinic in the Dniprovskyi district of Kyiv.")
    assert pair_features(a, b)[0] == 1.0
    assert pair_features(a, c)[0] == -1.0


def test_own_place_calendar_and_people_names_are_no_evidence_against() -> None:
    a = strike("m1", "a1", "On Monday a missile struck central Kyiv, Mayor Vitali Klitschko said.")
    b = strike("m2", "a2", "In July a missile hit the Okhmatdyt hospital in Kyiv.")
    t = build_table([a, b], ARTS, FuseConfig())
    assert (t.names[0][t.names[0] >= 0] >= MULTI).all()  # a person: flagged
    assert pair_features(a, b)[0] == 0.0


def test_civilians_alone_are_weak_evidence() -> None:
    unnamed = strike("m1", "a1", "x", actor1=UNIDENTIFIED, actor2=CIVILIANS)
    police = strike("m2", "a2", "y", actor1=POLICE, actor2=CIVILIANS)
    also_unnamed = strike("m3", "a3", "z", actor1=UNIDENTIFIED, actor2=CIVILIANS)
    assert pair_features(unnamed, police)[1] == 0.5  # sharing civilians is no agreement
    assert pair_features(unnamed, also_unnamed)[1] == 0.75


def test_city_report_agrees_with_a_place_inside_the_city() -> None:
    city = strike("m1", "a1", "x")
    inside = strike("m2", "a2", "y", place=DISTRICT)
    elsewhere = strike("m3", "a3", "z", place=OTHER_DISTRICT)
    assert pair_features(city, inside)[2] == 0.75
    assert pair_features(inside, elsewhere)[2] < 0.75  # two neighbourhoods: distance only


LAMU = Place("Lamu", "Kenya", "Lamu", None, None, -2.27, 40.90, 3)
MANDA = Place("Manda Bay", "Kenya", "Lamu", "Lamu West", None, -2.05, 41.10, 1)  # 33 km off
KENYA = Place("Kenya", "Kenya", None, None, None, None, None, 3)
CHIHUAHUA = Place("Chihuahua", "Mexico", "Chihuahua", "Chihuahua", None, 28.63, -106.07, 1)
CEROCAHUI = Place("Cerocahui", "Mexico", "Chihuahua", "Urique", None, 27.30, -108.05, 1)
SHABAAB = Actor("Al Shabaab", 2)
KENYA_ARMY = Actor("Military Forces of Kenya (2013-)", 1)


def raid(mid: str, place: Place, **kw: object) -> Mention:
    base: dict[str, object] = dict(
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1=SHABAAB,
        actor2=KENYA_ARMY,
        assoc_actor1=(),
        place=place,
        fatalities=3,
        text=f"text {mid}",
    )
    base.update(kw)
    return mention(mid, f"a{mid[-1]}", **base)


def region_place(a: Mention, b: Mention) -> float:
    """The place similarity ``score_chunk`` uses (the region rule applied)."""
    cfg = FuseConfig()
    t = build_table([a, b], ARTS, cfg)
    i, j = np.array([0]), np.array([1])
    plain = float(place_sim(t, i, j, cfg)[0][0])
    lifted = (
        score_pairs(t, i, j, cfg).score[0]
        - score_pairs(t, i, j, FuseConfig(region_inside=0.0)).score[0]
    )
    return plain + float(lifted) / cfg.w_place


def test_region_report_agrees_with_a_town_inside_it_when_nothing_disagrees() -> None:
    town = raid("m1", MANDA)
    assert region_place(raid("m2", LAMU), town) == approx(0.75)  # the county holds the town
    assert region_place(raid("m3", KENYA), town) == approx(0.75)  # so does the country
    # Another day, other actors or a very different toll: region agreement stays weak.
    other_day = raid("m4", LAMU, date=DateRange.day(date(2024, 8, 30)))
    assert region_place(other_day, town) == approx(0.6)
    police = raid("m5", LAMU, actor1=POLICE, actor2=CIVILIANS)
    assert region_place(police, town) == approx(0.6)
    assert region_place(raid("m6", LAMU, fatalities=60), town) == approx(0.6)
    unrelated = raid("m7", LAMU, text="Lorries blocked roads near ports yesterday")
    assert region_place(unrelated, town) == approx(0.6)  # no shared wording


def test_city_named_like_its_state_stays_a_town() -> None:
    # "Kyiv", "Kabul" or "Chihuahua" name a city and its state: geocoded as the city, the
    # report keeps a precise place (a town 200 km off in the state is another event), and
    # the region rule needs a region-level report (geo_precision 3).
    state, town = raid("m1", CHIHUAHUA), raid("m2", CEROCAHUI)
    t = build_table([state, town], ARTS, FuseConfig())
    _, veto = place_sim(t, np.array([0]), np.array([1]), FuseConfig())
    assert veto[0]
    as_region = raid("m3", Place("Chihuahua", "Mexico", "Chihuahua", None, None, 28.6, -106.1, 3))
    assert region_place(as_region, town) == approx(0.75)


def test_region_report_stays_apart_when_the_region_has_several_events() -> None:
    # Two same-day raids by the same actors at two towns of the county: the county-level
    # report cannot tell which one it tells of, so it gets no lift with either.
    other_town = Place("Mpeketoni", "Kenya", "Lamu", "Lamu West 2", None, -2.39, 40.70, 1)
    cfg = FuseConfig()
    ms = [raid("m1", MANDA), raid("m2", other_town), raid("m3", LAMU)]
    t = build_table(ms, ARTS, cfg)
    i, j = np.array([2, 2]), np.array([0, 1])
    with_rule = score_pairs(t, i, j, cfg).score
    without = score_pairs(t, i, j, FuseConfig(region_inside=0.0)).score
    assert np.array_equal(with_rule, without)
    assert region_place(ms[2], ms[0]) == approx(0.75)  # alone with one town it is lifted
