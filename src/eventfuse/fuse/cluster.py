"""Clustering: connected components of strong links, then a check against chaining.

A component is accepted whole when every pair inside it is a compatible candidate pair (a
clique: complete-link). Otherwise it is re-clustered by greedy complete-link
agglomeration, which keeps two different same-day events apart even when a vague report
links to both. Almost all components pass the check, so the slow path stays rare.
"""

from __future__ import annotations

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from eventfuse.fuse.config import FuseConfig
from eventfuse.fuse.pairs import PairScores
from eventfuse.fuse.table import IntArray, run_bounds


def components(n: int, i: IntArray, j: IntArray) -> IntArray:
    """Component label of every unit for the graph of edges (i, j)."""
    graph = coo_matrix((np.ones(i.shape[0], dtype=np.int8), (i, j)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return np.asarray(labels, dtype=np.int64)


MAX_MERGE_PAIRS = 2500  # bound on the cross pairs checked for one merge
_NONE: frozenset[int] = frozenset()


def greedy_complete_link(
    members: list[int], edges: list[tuple[float, int, int]], neighbours: dict[int, set[int]]
) -> list[list[int]]:
    """Merge along links, strongest first, only when every cross pair is compatible.

    ``neighbours`` holds each unit's compatible units (both directions), so the check of a
    merge is one set inclusion per unit of one side.
    """
    group = {m: [m] for m in members}
    for _, a, b in sorted(edges, reverse=True):
        ga, gb = group[a], group[b]
        if ga is gb or len(ga) * len(gb) > MAX_MERGE_PAIRS:
            continue
        if all(neighbours.get(x, _NONE).issuperset(gb) for x in ga):
            ga.extend(gb)
            for y in gb:
                group[y] = ga
    seen: dict[int, list[int]] = {}
    for g in group.values():
        seen.setdefault(id(g), g)
    return list(seen.values())


def neighbour_sets(ci: IntArray, cj: IntArray) -> dict[int, set[int]]:
    """Unit -> the set of units it forms a pair with (pairs taken in both directions)."""
    src, dst = np.concatenate([ci, cj]), np.concatenate([cj, ci])
    order = np.argsort(src, kind="stable")
    src, flat = src[order], dst[order].tolist()
    cuts, ends = run_bounds(src)
    return {
        u: set(flat[s:e])
        for u, s, e in zip(src[cuts].tolist(), cuts.tolist(), ends.tolist(), strict=True)
    }


def cluster_units(n: int, i: IntArray, j: IntArray, ps: PairScores, cfg: FuseConfig) -> IntArray:
    """A cluster label for every unit."""
    ok = ~ps.veto
    link = ok & (ps.score >= cfg.link_threshold)
    labels = components(n, i[link], j[link])
    floor = np.where(ps.apart, cfg.link_threshold, cfg.compatible_threshold)
    compat = ok & (ps.score >= floor) & (labels[i] == labels[j])
    size = np.bincount(labels, minlength=n)
    inside = np.bincount(labels[i[compat]], minlength=n)
    bad = np.flatnonzero((size >= 3) & (inside < size * (size - 1) // 2))
    if bad.size == 0:
        return labels
    return split_bad(labels, bad, i[compat], j[compat], ps.score[compat], cfg)


def edges_by_component(
    labels: IntArray, ci: IntArray, cj: IntArray, cs: np.ndarray, threshold: float
) -> dict[int, list[tuple[float, int, int]]]:
    """Component label -> its links (score, unit, unit): the pairs scoring ``threshold``."""
    strong = cs >= threshold
    si, sj, ss = ci[strong], cj[strong], cs[strong]
    comp = labels[si]
    order = np.argsort(comp, kind="stable")
    comp = comp[order]
    triples = list(zip(ss[order].tolist(), si[order].tolist(), sj[order].tolist(), strict=True))
    if not triples:
        return {}
    cuts, ends = run_bounds(comp)
    return {
        c: triples[s:e]
        for c, s, e in zip(comp[cuts].tolist(), cuts.tolist(), ends.tolist(), strict=True)
    }


def split_bad(
    labels: IntArray, bad: IntArray, ci: IntArray, cj: IntArray, cs: np.ndarray, cfg: FuseConfig
) -> IntArray:
    """Re-cluster the components that are not cliques of compatible pairs."""
    labels = labels.copy()
    is_bad = np.zeros(labels.max() + 1, dtype=np.bool_)
    is_bad[bad] = True
    sel = is_bad[labels[ci]]
    ci, cj, cs = ci[sel], cj[sel], cs[sel]
    neighbours = neighbour_sets(ci, cj)
    edges = edges_by_component(labels, ci, cj, cs, cfg.link_threshold)
    next_label = int(labels.max()) + 1
    units = np.flatnonzero(is_bad[labels])
    units = units[np.argsort(labels[units], kind="stable")]
    cuts = np.flatnonzero(np.diff(labels[units])) + 1
    for members in np.split(units, cuts):
        comp = int(labels[members[0]])
        groups = greedy_complete_link(members.tolist(), edges.get(comp, []), neighbours)
        for group in groups[1:]:
            labels[group] = next_label
            next_label += 1
    return labels


def attach(
    labels: IntArray, vi: IntArray, vj: IntArray, ps: PairScores, cfg: FuseConfig
) -> tuple[IntArray, IntArray]:
    """Attach each vague unit ``vi`` to the best cluster of the exact units ``vj`` it pairs with.

    A cluster qualifies when the vague unit links to one of its units (score at least
    ``link_threshold``) and is compatible with every unit of it in the window (complete
    link, as in ``cluster_units``). Returns the new labels and the attached vague units.
    """
    labels = labels.copy()
    if vi.size == 0:
        return labels, vi
    score = np.where(ps.veto, -np.inf, ps.score)
    comp = labels[vj]
    order = np.lexsort((comp, vi))
    v, c, s = vi[order], comp[order], score[order]
    cuts = np.flatnonzero(np.r_[True, (v[1:] != v[:-1]) | (c[1:] != c[:-1])])
    best = np.maximum.reduceat(s, cuts)
    worst = np.minimum.reduceat(s, cuts)
    gv, gc = v[cuts], c[cuts]
    ok = (best >= cfg.link_threshold) & (worst >= cfg.compatible_threshold)
    gv, gc, best = gv[ok], gc[ok], best[ok]
    if gv.size == 0:  # no vague unit qualifies for any cluster
        return labels, gv
    # The strongest qualifying cluster of each vague unit.
    pick = np.lexsort((-best, gv))
    gv, gc = gv[pick], gc[pick]
    first = np.r_[True, gv[1:] != gv[:-1]]
    labels[gv[first]] = gc[first]
    return labels, gv[first]
