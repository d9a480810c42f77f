"""Pair scores: place, date, actors, type, counts and text, each in [0, 1], and a veto.

score = w_place*place + w_date*date + w_actor*actor + w_type*type + w_text*text + w_count*count

A pair is *vetoed* (cannot be one event) when the two units come from the same multi-day
mention, when two day-precision dates differ by more than the slack, or when two precise
places lie farther apart than ``max_km`` (twice that when one is only "near" a town).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from eventfuse.fuse.config import FuseConfig
from eventfuse.fuse.table import MULTI, UNDATED, FloatArray, IntArray, Table

EARTH_KM = 6371.0
CHUNK = 1_000_000


@dataclass
class PairScores:
    score: FloatArray
    veto: np.ndarray
    # The two units' dates do not overlap (adjacent days, inside the slack): ACLED codes one
    # event per day, so such a pair is only compatible when it is a link in its own right.
    apart: np.ndarray


def haversine_km(
    lat1: FloatArray, lon1: FloatArray, lat2: FloatArray, lon2: FloatArray
) -> FloatArray:
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp, dl = p2 - p1, np.radians(lon2 - lon1)
    h = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return np.asarray(2 * EARTH_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0))), dtype=np.float64)


def place_sim(t: Table, i: IntArray, j: IntArray, cfg: FuseConfig) -> tuple[FloatArray, np.ndarray]:
    """Distance-based similarity (decays over a fifth of ``max_km``); admin2 agreement counts.

    Two precise places (geo_precision 1 or 2) in different admin2 units are vetoed: reports of one
    event rarely disagree on the district, two same-day events in one city often differ there.
    Region-level places only agree on admin1 (0.6).
    """
    dist = haversine_km(t.lat[i], t.lon[i], t.lat[j], t.lon[j])
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
    a, b = t.actors[i], t.actors[j]
    shared = np.zeros(i.shape[0], dtype=np.int64)
    weak_shared = np.zeros(i.shape[0], dtype=np.bool_)
    for col in range(a.shape[1]):
        hit = a[:, col : col + 1] == b
        shared += (hit & (a[:, col : col + 1] >= 0)).any(axis=1)
        weak_shared |= (hit & (a[:, col : col + 1] < -1)).any(axis=1)
    na, nb = (a >= 0).sum(axis=1), (b >= 0).sum(axis=1)
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
    a, b = t.names[i], t.names[j]
    a_key, b_key = a & (MULTI - 1), b & (MULTI - 1)
    shared = np.zeros(i.shape[0], dtype=np.bool_)
    for col in range(a.shape[1]):
        shared |= ((a_key[:, col : col + 1] == b_key) & (a[:, col : col + 1] >= 0)).any(axis=1)
    # Only single-word names (a landmark, a neighbourhood) speak against a match.
    single_a = ((a >= 0) & (a < MULTI)).any(axis=1)
    single_b = ((b >= 0) & (b < MULTI)).any(axis=1)
    both = single_a & single_b
    return np.where(shared, 1.0, np.where(both & same_point, -1.0, 0.0))


def text_sim(t: Table, i: IntArray, j: IntArray) -> FloatArray:
    """MinHash estimate of word-set Jaccard, scaled so that 0.4 already counts as full."""
    sa, sb = t.sig[i], t.sig[j]
    empty = np.iinfo(np.uint32).max
    valid = (sa[:, 0] != empty) & (sb[:, 0] != empty)
    jac = (sa == sb).mean(axis=1)
    return np.where(valid, np.minimum(1.0, jac * 2.5), 0.0)


def type_sim(t: Table, i: IntArray, j: IntArray) -> FloatArray:
    """1 same sub-type, 0.7 same type, 0.6 otherwise: pairs only meet inside one family, where
    reports of one raid or bombing often disagree on the type (Battles vs an Attack)."""
    same_type = t.etype[i] == t.etype[j]
    return np.where(t.stype[i] == t.stype[j], 1.0, np.where(same_type, 0.7, 0.6))


def score_chunk(t: Table, i: IntArray, j: IntArray, cfg: FuseConfig) -> PairScores:
    place, veto_place = place_sim(t, i, j, cfg)
    same_point = (np.abs(t.lat[i] - t.lat[j]) < 0.01) & (np.abs(t.lon[i] - t.lon[j]) < 0.01)
    when, veto_date = date_sim(t, i, j, cfg)
    score = (
        cfg.w_place * place
        + cfg.w_date * when
        + cfg.w_actor * actor_sim(t, i, j)
        + cfg.w_type * type_sim(t, i, j)
        + cfg.w_text * text_sim(t, i, j)
        + cfg.w_count * count_sim(t, i, j)
        + cfg.w_toll_match * toll_match(t, i, j, cfg.toll_min)
        + cfg.w_name * name_sim(t, i, j, same_point)
    )
    veto = veto_place | veto_date | (t.src[i] == t.src[j])
    apart = np.maximum(t.start[i], t.start[j]) > np.minimum(t.end[i], t.end[j])
    return PairScores(score, veto, apart)


def score_pairs(t: Table, i: IntArray, j: IntArray, cfg: FuseConfig) -> PairScores:
    """Scores of all pairs, computed in chunks to bound memory."""
    parts = [
        score_chunk(t, i[s : s + CHUNK], j[s : s + CHUNK], cfg) for s in range(0, i.shape[0], CHUNK)
    ]
    if not parts:
        empty = np.zeros(0, dtype=np.bool_)
        return PairScores(np.zeros(0), empty, empty)
    return PairScores(
        np.concatenate([p.score for p in parts]),
        np.concatenate([p.veto for p in parts]),
        np.concatenate([p.apart for p in parts]),
    )
