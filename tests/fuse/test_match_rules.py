"""The pair rules that tell reports of one incident from same-day events in one city:
specific names, weak actors (civilians) and a city against a place inside it."""

from __future__ import annotations

from datetime import date

import numpy as np
from tests.fuse.fuse_helpers import article, mention

from eventfuse.fuse import FuseConfig
from eventfuse.fuse.pairs import actor_sim, name_sim, place_sim
from eventfuse.fuse.table import MULTI, build_table
from eventfuse.model import Actor, Mention, Place

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
