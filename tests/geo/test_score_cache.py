"""Candidate scoring computed once per name and context (``Geocoder._score_all``'s caches,
``_Scorer``, ``_with_nearness``) gives every candidate the very float the one-by-one formula
gives (the geocoder's documented scoring, written out below as the reference)."""

from __future__ import annotations

import math

import pytest

from eventfuse.geo import Geocoder
from eventfuse.geo.geocoder import _ADMIN_WORDS, _TOWN_WORDS, _Context, haversine_km
from eventfuse.geo.normalize import tokens
from eventfuse.geo.store import ADMIN_FEATURES, PlaceRow


def _reference(
    g: Geocoder,
    r: PlaceRow,
    match: float,
    name: str,
    ctx: _Context,
    hint: tuple[str | None, str | None] | None,
) -> float:
    """The score term by term, each candidate on its own (the formula before caching)."""
    words = set(tokens(name))
    s = match + {"adm1": 0.35, "adm2": 0.25, "country": 0.25, "city": 0.0}.get(r.feature, 0.3)
    if words & _ADMIN_WORDS and r.feature in ADMIN_FEATURES:
        s += 0.6
    if words & _TOWN_WORDS and r.feature == "city":
        s += 0.6
    s += 0.25 * math.log10(max(r.population, 1)) / 7
    if ctx.main:
        s += 2.0 if r.country == ctx.main else (0.4 if r.country in ctx.countries else -1.0)
    elif ctx.countries:
        s += 1.2 if r.country in ctx.countries else -1.0
    if ctx.continents and g.continent_of_cc.get(r.cc or "", "") not in ctx.continents:
        s -= 1.5 if r.cc else 0.0
    if r.admin1 and any(g._admin_match(r.admin1, a) for a in ctx.admin1):
        s += 0.7
    if r.admin2 and any(g._admin_match(r.admin2, a) for a in ctx.admin2):
        s += 0.5
    if hint:
        s += g._hint_bonus(r, hint)
    if r.lat is not None and r.lon is not None and ctx.points:
        d = min(haversine_km((r.lat, r.lon), p) for p in ctx.points)
        s += 0.4 if d < 150 else (0.15 if d < 400 else 0.0)
    return s


def _context(
    g: Geocoder, country: str, admin1: set[str], points: list[tuple[float, float]]
) -> _Context:
    ctx = g._context_from([country])
    ctx.main = country
    ctx.admin1 = set(admin1)
    ctx.points = list(points)
    return ctx


CASES = [
    # name, the text's country, admin1 areas it names, other places' positions, bracket hint
    ("Al Bayda", "Yemen", {"Al Bayda"}, [(14.0, 45.5)], None),
    ("Sanaa governorate", "Yemen", set(), [(15.35, 44.2), (13.58, 44.02)], None),
    ("Hit", "Iraq", {"Al Anbar"}, [], ("Hit", "Al Anbar")),
    ("Tripoli", "Lebanon", set(), [(34.43, 35.84)], None),
    ("Kharkiv", "Ukraine", {"Kharkivska"}, [(49.99, 36.23), (50.45, 30.52)], None),
]


@pytest.mark.parametrize(("name", "country", "admin1", "points", "hint"), CASES)
def test_batch_scores_equal_the_reference_formula(
    geo: Geocoder,
    name: str,
    country: str,
    admin1: set[str],
    points: list[tuple[float, float]],
    hint: tuple[str | None, str | None] | None,
) -> None:
    ctx = _context(geo, country, admin1, points)
    scored = geo._score_all(name, ctx, hint)
    assert scored, name
    rows = geo._rows(name)
    expected = [(r, _reference(geo, r, m, name, ctx, hint)) for r, m in rows]
    expected.sort(key=lambda rs: (-rs[1], rs[0].uid))
    assert [(r.uid, s) for r, s in scored] == [(r.uid, s) for r, s in expected]


def test_scores_without_points_then_with_points(geo: Geocoder) -> None:
    """The Locator scores a name before the text's positions are known and again after:
    the second call (a cache hit for all but nearness) still adds the nearness term."""
    ctx = _context(geo, "Yemen", {"Marib"}, [])
    before = dict((r.uid, s) for r, s in geo._score_all("Marib", ctx, None))
    ctx.points = [(15.46, 45.32)]
    after = geo._score_all("Marib", ctx, None)
    near = [(r, s) for r, s in after if r.lat is not None and abs(r.lat - 15.46) < 1.0]
    assert near and all(s == before[r.uid] + 0.4 for r, s in near)
    assert after == sorted(after, key=lambda rs: (-rs[1], rs[0].uid))


def test_far_candidates_get_no_nearness_term(geo: Geocoder) -> None:
    """Rows more than FAR_DEGREES of latitude away skip the distance formula; the formula
    would have given them nothing either."""
    ctx = _context(geo, "Lebanon", set(), [(34.43, 35.84)])
    for r, s in geo._score_all("Tripoli", ctx, None):
        assert s == _reference(geo, r, dict(geo._rows("Tripoli"))[r], "Tripoli", ctx, None)


def test_rows_are_a_fresh_list_each_time(geo: Geocoder) -> None:
    """``_rows`` is cached: a caller that changes its list changes no later answer."""
    first = geo._rows("Baghdad")
    first.clear()
    assert geo._rows("Baghdad")
