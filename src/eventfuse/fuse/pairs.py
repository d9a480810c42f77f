"""Pair scores: place, date, actors, type, counts and text, each in [0, 1], and a veto.

score = w_place*place + w_date*date + w_actor*actor + w_type*type + w_text*text + w_count*count

A pair is *vetoed* (cannot be one event) when the two units come from the same multi-day
mention, when two day-precision dates differ by more than the slack, or when two precise
places lie farther apart than ``max_km`` (twice that when one is only "near" a town).

A report placed only at a province or country joins a same-day report at a town inside it
when actors, toll and wording agree and the region has only that place reported that day
(``region_inside``, ``unambiguous``): the region cannot tell two towns' events apart.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from eventfuse.fuse.config import FuseConfig
from eventfuse.fuse.table import MULTI, REGION, UNDATED, FloatArray, IntArray, Table, run_bounds

EARTH_KM = 6371.0
CHUNK = 1_000_000


@dataclass
class PairScores:
    score: FloatArray
    veto: np.ndarray
    # The two units' dates do not overlap (adjacent days, inside the slack): ACLED codes one
    # event per day, so such a pair is only compatible when it is a link in its own right.
    apart: np.ndarray


def central_km(
    p1: FloatArray, p2: FloatArray, cos1: FloatArray, cos2: FloatArray, dl: FloatArray
) -> FloatArray:
    """Haversine distance from latitudes in radians, their cosines and the longitude gap in
    radians (the table keeps each unit's radians and cosine, so pairs only gather them)."""
    h = np.sin((p2 - p1) / 2) ** 2 + cos1 * cos2 * np.sin(dl / 2) ** 2
    return np.asarray(2 * EARTH_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0))), dtype=np.float64)


def pair_km(t: Table, i: IntArray, j: IntArray) -> FloatArray:
    """``haversine_km`` of the pairs' places, from the table's per-unit radians and cosines."""
    dl = np.radians(t.lon[j] - t.lon[i])
    return central_km(t.lat_rad[i], t.lat_rad[j], t.cos_lat[i], t.cos_lat[j], dl)


def place_sim(t: Table, i: IntArray, j: IntArray, cfg: FuseConfig) -> tuple[FloatArray, np.ndarray]:
    """Distance-based similarity (decays over a fifth of ``max_km``); admin2 agreement counts.

    Two precise places (geo_precision 1 or 2) in different admin2 units are vetoed: reports of one
    event rarely disagree on the district, two same-day events in one city often differ there.
    Region-level places only agree on admin1 (0.6).
    """
    dist = pair_km(t, i, j)
    known = ~np.isnan(dist)
    coarse = np.maximum(t.geo[i], t.geo[j])
    # Two exact towns decay twice as fast as a pair with a "near" place.
    scale = np.where(coarse <= 2, cfg.max_km / 10.0, cfg.max_km / 5.0)
    sim = np.where(known, np.exp(-np.nan_to_num(dist) / scale), 0.5)
    both_adm2 = (t.admin2[i] >= 0) & (t.admin2[j] >= 0)
    same_adm2 = both_adm2 & (t.admin2[i] == t.admin2[j])
    # Same admin2 vouches for an approximate place; two exact towns are compared by distance
    # alone (ACLED codes one event per location: two villages of one district are two events).
    sim = np.where(same_adm2 & (coarse >= 3), np.maximum(sim, 0.75), sim)
    sim = np.where(both_adm2 & ~same_adm2, np.minimum(sim, 0.3), sim)
    sim = np.where(coarse >= 3, np.maximum(sim, 0.6), sim)
    # A report naming only a city (a place named like its admin unit) may be about any part of
    # it: within ``city_km`` it agrees with a neighbourhood or landmark as a region-level
    # place does with its towns (admin hierarchy rather than equality).
    # Only a city against a place that is not one (two towns are compared by distance), and
    # not across two known admin2 units.
    in_city = (t.city[i] != t.city[j]) & known & (np.nan_to_num(dist) <= cfg.city_km)
    in_city &= ~(both_adm2 & ~same_adm2)
    sim = np.where(in_city, np.maximum(sim, 0.75), sim)
    limit = np.where(coarse == 1, cfg.max_km, 2 * cfg.max_km)
    veto = known & (coarse <= 2) & (dist > limit)
    veto |= both_adm2 & ~same_adm2 & (coarse <= 2)
    return sim, veto


def date_sim(t: Table, i: IntArray, j: IntArray, cfg: FuseConfig) -> tuple[FloatArray, np.ndarray]:
    """Date similarity: 1 same day(s), 0.6 a week/month holding the other (0.3 near it),
    0.2 undated, -0.5 adjacent days.

    Adjacent days are within the slack (a report may be a day off) but ACLED codes one event
    per day, so such a pair must be carried by the other features, text above all.
    """
    gap = np.maximum(t.start[i], t.start[j]) - np.minimum(t.end[i], t.end[j])
    overlap = gap <= 0
    worst = np.maximum(t.prec[i], t.prec[j])
    same = (t.start[i] == t.start[j]) & (t.end[i] == t.end[j])
    sim = np.where(same, 1.0, np.where(overlap, 0.8, -0.5))
    # A week or month that contains the other report's day supports it; one that only comes
    # within the slack of it barely does.
    sim = np.where(worst >= 2, np.where(overlap, 0.6, 0.3), sim)
    sim = np.where(worst == UNDATED, 0.2, sim)
    veto = gap > cfg.date_slack_days
    return sim, veto


def actor_sim(t: Table, i: IntArray, j: IntArray) -> FloatArray:
    """Shared named actors over the smaller set; 0.5 when either side names none.

    Civilians, protesters and rioters (codes below -1) are weak: they neither count as shared
    nor as named, except that two reports naming no other actor and the same weak one (two
    accounts of an attack on "Civilians (Kenya)" by unnamed gunmen) get 0.75.
    """
    # One 1-D comparison per pair of columns (codes are distinct within a unit), over the
    # columns any unit fills: much cheaper than (n, 4) blocks reduced along their short axis.
    cols = t.actor_cols
    b_cols = [col[j] for col in cols]
    shared = np.zeros(i.shape[0], dtype=np.int64)
    weak_shared = np.zeros(i.shape[0], dtype=np.bool_)
    for col in cols:
        a_col = col[i]
        hit = np.zeros(i.shape[0], dtype=np.bool_)
        for b_col in b_cols:
            hit |= a_col == b_col
        shared += hit & (a_col >= 0)
        weak_shared |= hit & (a_col < -1)
    na, nb = t.n_named_actors[i], t.n_named_actors[j]
    smaller = np.minimum(na, nb)
    none_named = np.maximum(na, nb) == 0
    neutral = np.where(none_named & weak_shared, 0.75, 0.5)
    return np.where(smaller > 0, shared / np.maximum(smaller, 1), neutral)


def count_sim(t: Table, i: IntArray, j: IntArray) -> FloatArray:
    """sqrt((low+1)/(high+1)) of the fatality counts; 0.5 when one is not reported."""
    fa, fb = t.fatalities[i], t.fatalities[j]
    both = (fa >= 0) & (fb >= 0)
    ratio = (np.maximum(np.minimum(fa, fb), 0) + 1.0) / (np.maximum(np.maximum(fa, fb), 0) + 1.0)
    return np.where(both, np.sqrt(np.clip(ratio, 0.0, 1.0)), 0.5)


def toll_match(t: Table, i: IntArray, j: IntArray, minimum: int) -> FloatArray:
    """1 where both report the same toll of at least ``minimum``, else 0."""
    fa, fb = t.fatalities[i], t.fatalities[j]
    return np.where((fa == fb) & (fa >= minimum), 1.0, 0.0)


def name_sim(t: Table, i: IntArray, j: IntArray, same_point: np.ndarray) -> FloatArray:
    """+1 when the two share a specific name ("Okhmatdyt", "Westgate"); -1 when both are
    placed at the same point (the place cannot tell them apart) and both name something
    specific but nothing in common (a hospital vs a clinic, both coded "Kyiv"); else 0.

    Elsewhere disjoint names are no evidence: one report names the market, another the
    district or the group that claimed it."""
    out = np.zeros(i.shape[0], dtype=np.float64)
    # Most reports name nothing specific: only pairs of two named units need the comparison.
    sel = np.flatnonzero(t.named[i] & t.named[j])
    if sel.size == 0:
        return out
    a, b = np.take(t.names, i[sel], axis=0), np.take(t.names, j[sel], axis=0)
    a_key, b_key = a & (MULTI - 1), b & (MULTI - 1)
    shared = np.zeros(sel.shape[0], dtype=np.bool_)
    for col in range(a.shape[1]):
        shared |= ((a_key[:, col : col + 1] == b_key) & (a[:, col : col + 1] >= 0)).any(axis=1)
    # Only single-word names (a landmark, a neighbourhood) speak against a match.
    single_a = ((a >= 0) & (a < MULTI)).any(axis=1)
    single_b = ((b >= 0) & (b < MULTI)).any(axis=1)
    both = single_a & single_b
    out[sel] = np.where(shared, 1.0, np.where(both & same_point[sel], -1.0, 0.0))
    return out


def text_sim(t: Table, i: IntArray, j: IntArray) -> FloatArray:
    """MinHash estimate of word-set Jaccard, scaled so that 0.4 already counts as full."""
    # ``take`` along axis 0 copies whole rows: several times faster than ``sig[i]`` here.
    sa, sb = np.take(t.sig, i, axis=0), np.take(t.sig, j, axis=0)
    empty = np.iinfo(np.uint32).max
    valid = (sa[:, 0] != empty) & (sb[:, 0] != empty)
    jac = agree_count(sa, sb) / sa.shape[1]
    return np.where(valid, np.minimum(1.0, jac * 2.5), 0.0)


def agree_count(sa: np.ndarray, sb: np.ndarray) -> IntArray:
    """Per row, the number of equal entries of two (n, k) arrays.

    The (n, k) booleans are read as bytes: summing along a short axis is slow in numpy, so
    the bytes are added eight at a time as uint64 words (each byte stays below 256 for
    k < 2040) and a word's bytes are summed by one multiplication.
    """
    eq = np.ascontiguousarray(sa == sb)
    n, k = eq.shape
    if k % 8:
        return np.asarray(eq.sum(axis=1), dtype=np.int64)
    words = eq.view(np.uint64).reshape(n, k // 8)
    total = words[:, 0].copy()
    for col in range(1, k // 8):
        total += words[:, col]
    with np.errstate(over="ignore"):
        return np.asarray((total * np.uint64(0x0101010101010101)) >> np.uint64(56), np.int64)


def type_sim(t: Table, i: IntArray, j: IntArray) -> FloatArray:
    """1 same sub-type, 0.7 same type, 0.6 otherwise: pairs only meet inside one family, where
    reports of one raid or bombing often disagree on the type (Battles vs an Attack)."""
    same_type = t.etype[i] == t.etype[j]
    return np.where(t.stype[i] == t.stype[j], 1.0, np.where(same_type, 0.7, 0.6))


def region_inside(
    t: Table,
    i: IntArray,
    j: IntArray,
    when: FloatArray,
    actor: FloatArray,
    count: FloatArray,
) -> np.ndarray:
    """Pairs where a region-level report (geo_precision 3: a province or a country) may tell
    of the event that the other report places at a town inside that region.

    Both places name a country, the region holds the other place (same admin1, or the region
    is a whole country), the two give the same day, and neither actors nor tolls disagree
    (actor and count similarity at least their neutral 0.5); ``score_chunk`` also asks for
    shared wording. Region agreement alone is weak (0.6: a province sees several events a
    day); these pairs may count as an approximate place in the same district
    (``FuseConfig.region_inside``) when the region report is unambiguous (``unambiguous``).
    """
    region = np.maximum(t.geo[i], t.geo[j]) == REGION
    holds = (t.block[i] == t.block[j]) | ~t.has_admin1[i] | ~t.has_admin1[j]
    agree = (when >= 1.0) & (actor >= 0.5) & (count >= 0.5)
    return np.asarray(region & holds & agree, dtype=np.bool_)


def score_chunk(
    t: Table, i: IntArray, j: IntArray, cfg: FuseConfig
) -> tuple[PairScores, IntArray, FloatArray]:
    """The scores of a chunk of pairs, and the pairs (positions in the chunk) that may get a
    region lift with its amount (see ``region_inside``; ``score_pairs`` grants it only to
    unambiguous region reports)."""
    place, veto_place = place_sim(t, i, j, cfg)
    same_point = (np.abs(t.lat[i] - t.lat[j]) < 0.01) & (np.abs(t.lon[i] - t.lon[j]) < 0.01)
    when, veto_date = date_sim(t, i, j, cfg)
    actor, count, text = actor_sim(t, i, j), count_sim(t, i, j), text_sim(t, i, j)
    inside = region_inside(t, i, j, when, actor, count) & (text >= cfg.region_text)
    lift = np.where(inside, cfg.w_place * np.maximum(cfg.region_inside - place, 0.0), 0.0)
    score = (
        cfg.w_place * place
        + cfg.w_date * when
        + cfg.w_actor * actor
        + cfg.w_type * type_sim(t, i, j)
        + cfg.w_text * text
        + cfg.w_count * count
        + cfg.w_toll_match * toll_match(t, i, j, cfg.toll_min)
        + cfg.w_name * name_sim(t, i, j, same_point)
    )
    veto = veto_place | veto_date | (t.src[i] == t.src[j])
    apart = np.maximum(t.start[i], t.start[j]) > np.minimum(t.end[i], t.end[j])
    at = np.flatnonzero(lift)
    return PairScores(score, veto, apart), at, lift[at]


def unambiguous(t: Table, i: IntArray, j: IntArray, lifted: np.ndarray) -> np.ndarray:
    """Lifted pairs whose region-level sides each have one partner location only.

    A report that only says "in Lamu county" fits the day's event there when there is one;
    when the county has reports of several places that day (a front line, two bombings),
    it cannot tell which, and keeps the weak region agreement. Locations are the table's
    ``place_key`` (admin2 unit, else a 0.1 degree cell), so several reports of one town
    count once.
    """
    sel = np.flatnonzero(lifted)
    ok = np.ones(sel.shape[0], dtype=np.bool_)
    for a, b in ((i[sel], j[sel]), (j[sel], i[sel])):
        rows = np.flatnonzero(t.geo[a] == REGION)
        if rows.size == 0:
            continue
        unit, key = a[rows], t.place_key[b[rows]]
        order = np.lexsort((key, unit))
        unit, key = unit[order], key[order]
        # A unit has one partner place when its first and last (sorted) keys agree.
        starts, ends = run_bounds(unit)
        one = np.repeat(key[starts] == key[ends - 1], ends - starts)
        ok[rows[order]] &= one
    out = np.zeros(lifted.shape[0], dtype=np.bool_)
    out[sel[ok]] = True
    return out


def score_pairs(t: Table, i: IntArray, j: IntArray, cfg: FuseConfig) -> PairScores:
    """Scores of all pairs, computed in chunks to bound memory."""
    starts = range(0, i.shape[0], CHUNK)
    parts = [score_chunk(t, i[s : s + CHUNK], j[s : s + CHUNK], cfg) for s in starts]
    if not parts:
        empty = np.zeros(0, dtype=np.bool_)
        return PairScores(np.zeros(0), empty, empty)
    score = np.concatenate([p.score for p, _, _ in parts])
    veto = np.concatenate([p.veto for p, _, _ in parts])
    at = np.concatenate([pos + s for (_, pos, _), s in zip(parts, starts, strict=True)])
    lift = np.concatenate([lift for _, _, lift in parts])
    keep = ~veto[at]
    at, lift = at[keep], lift[keep]
    if at.size:
        lifted = np.zeros(score.shape[0], dtype=np.bool_)
        lifted[at] = True
        grant = unambiguous(t, i, j, lifted)[at]
        score[at[grant]] += lift[grant]
    return PairScores(score, veto, np.concatenate([p.apart for p, _, _ in parts]))
