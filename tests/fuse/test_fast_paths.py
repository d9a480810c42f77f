"""The vectorised pair features against the straightforward versions they replaced.

Pair scoring runs on tens of millions of pairs at scale, so each feature gathers per-unit
values the table derives once (``Table.actor_cols``, ``named``, ``lat_rad``); these tests pin
that the fast forms give exactly the scores of the plain (n, k) formulations.
"""

from __future__ import annotations

import numpy as np
from tests.fuse.fuse_helpers import HAZIMI, mention

from eventfuse.fuse import FuseConfig
from eventfuse.fuse.cluster import greedy_complete_link, neighbour_sets
from eventfuse.fuse.pairs import actor_sim, agree_count, name_sim, pair_km, text_sim
from eventfuse.fuse.table import MAX_ACTORS, MAX_NAMES, MULTI, Encoder, Table, build_table
from eventfuse.model import Place

RNG = np.random.default_rng(11)
N = 400


def random_table(n: int = N) -> Table:
    """A table whose actor, name, signature and coordinate columns are random."""
    t = build_table([mention(f"m{k}", "a0") for k in range(n)], {}, FuseConfig())
    actors = RNG.integers(-4, 6, size=(n, MAX_ACTORS))
    for row in actors:  # codes are distinct within a unit, -1 padding at the end
        vals = [c for c in dict.fromkeys(row.tolist()) if c != -1]
        row[:] = (vals + [-1] * MAX_ACTORS)[:MAX_ACTORS]
    t.actors = actors
    names = RNG.integers(-1, 5, size=(n, MAX_NAMES))
    t.names = np.where(
        (names >= 0) & (RNG.random((n, MAX_NAMES)) < 0.3), names | MULTI, names
    ).astype(np.int64)
    t.sig = RNG.integers(0, 3, size=(n, 16)).astype(np.uint32)
    t.lat, t.lon = RNG.uniform(-60, 60, n), RNG.uniform(-170, 170, n)
    return t


def pairs(n: int = N) -> tuple[np.ndarray, np.ndarray]:
    return RNG.integers(0, n, 3000), RNG.integers(0, n, 3000)


def plain_actor_sim(t: Table, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    a, b = t.actors[i], t.actors[j]
    shared = np.zeros(i.shape[0], dtype=np.int64)
    weak = np.zeros(i.shape[0], dtype=np.bool_)
    for col in range(a.shape[1]):
        hit = a[:, col : col + 1] == b
        shared += (hit & (a[:, col : col + 1] >= 0)).any(axis=1)
        weak |= (hit & (a[:, col : col + 1] < -1)).any(axis=1)
    na, nb = (a >= 0).sum(axis=1), (b >= 0).sum(axis=1)
    neutral = np.where((np.maximum(na, nb) == 0) & weak, 0.75, 0.5)
    smaller = np.minimum(na, nb)
    return np.where(smaller > 0, shared / np.maximum(smaller, 1), neutral)


def plain_name_sim(t: Table, i: np.ndarray, j: np.ndarray, same: np.ndarray) -> np.ndarray:
    a, b = t.names[i], t.names[j]
    ak, bk = a & (MULTI - 1), b & (MULTI - 1)
    shared = np.zeros(i.shape[0], dtype=np.bool_)
    for col in range(a.shape[1]):
        shared |= ((ak[:, col : col + 1] == bk) & (a[:, col : col + 1] >= 0)).any(axis=1)
    both = ((a >= 0) & (a < MULTI)).any(axis=1) & ((b >= 0) & (b < MULTI)).any(axis=1)
    return np.where(shared, 1.0, np.where(both & same, -1.0, 0.0))


def test_actor_and_name_features_match_the_plain_formulation() -> None:
    t = random_table()
    i, j = pairs()
    same = RNG.random(i.shape[0]) < 0.5
    assert np.array_equal(actor_sim(t, i, j), plain_actor_sim(t, i, j))
    assert np.array_equal(name_sim(t, i, j, same), plain_name_sim(t, i, j, same))
    assert set(np.unique(name_sim(t, i, j, same))) == {-1.0, 0.0, 1.0}


def test_text_and_distance_match_the_plain_formulation() -> None:
    t = random_table()
    i, j = pairs()
    assert np.array_equal(agree_count(t.sig[i], t.sig[j]), (t.sig[i] == t.sig[j]).sum(axis=1))
    odd = t.sig[:, :10]
    assert np.array_equal(agree_count(odd[i], odd[j]), (odd[i] == odd[j]).sum(axis=1))
    jac = (t.sig[i] == t.sig[j]).mean(axis=1)
    assert np.array_equal(text_sim(t, i, j), np.minimum(1.0, jac * 2.5))
    p1, p2 = np.radians(t.lat[i]), np.radians(t.lat[j])
    dl = np.radians(t.lon[j] - t.lon[i])
    h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    assert np.array_equal(pair_km(t, i, j), 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(h, 0, 1))))


def test_complete_link_merges_only_all_compatible_groups() -> None:
    # 0-1-2 is a chain: 0 and 2 are not compatible, so 2 stays apart; 3 joins 2.
    ci, cj = np.array([0, 1, 2]), np.array([1, 2, 3])
    edges = [(0.9, 0, 1), (0.8, 1, 2), (0.75, 2, 3)]
    groups = greedy_complete_link([0, 1, 2, 3], edges, neighbour_sets(ci, cj))
    assert sorted(sorted(g) for g in groups) == [[0, 1], [2, 3]]
    assert neighbour_sets(ci, cj)[2] == {1, 3}


def test_names_are_filtered_against_each_mention_own_place() -> None:
    # The same run of words is cached per place: "Hazimi" is the place's own word in one
    # mention and a specific name in a mention placed elsewhere.
    elsewhere = Place("Rutba", "Iraq", "Al Anbar", "Ar-Rutba", None, 33.0, 40.3, 1)
    text = "Forces raided hideouts near Hazimi overnight"
    enc = Encoder()
    own = enc.names_of(mention("m1", "a1", text=text, place=HAZIMI), 500)
    other = enc.names_of(mention("m2", "a1", text=text, place=elsewhere), 500)
    again = enc.names_of(mention("m3", "a1", text=text, place=elsewhere), 500)
    assert own == [] and len(other) == 1 and again == other
