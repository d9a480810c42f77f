"""Clustering: connected components of strong links, then a check against chaining.

A component is accepted whole when every pair inside it is a compatible candidate pair (a
clique: complete-link). Otherwise it is re-clustered by constrained average-link
agglomeration, which keeps two different same-day events apart even when a vague report
links to both. Almost all components pass the check, so the slow path stays rare.
"""

from __future__ import annotations

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from eventfuse.fuse.config import FuseConfig
from eventfuse.fuse.pairs import PairScores
from eventfuse.fuse.table import IntArray


def components(n: int, i: IntArray, j: IntArray) -> IntArray:
    """Component label of every unit for the graph of edges (i, j)."""
    graph = coo_matrix((np.ones(i.shape[0], dtype=np.int8), (i, j)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return labels.astype(np.int64)


def agglomerate(
    members: list[int], scores: dict[tuple[int, int], float], threshold: float
) -> list[list[int]]:
    """Average-link merging; a merge needs every cross pair compatible (present in scores)."""
    groups = [[m] for m in members]
    while True:
        best, pick = threshold, None
        for a in range(len(groups)):
            for b in range(a + 1, len(groups)):
                cross = [scores.get((min(x, y), max(x, y))) for x in groups[a] for y in groups[b]]
                if any(s is None for s in cross):
                    continue
                mean = sum(s for s in cross if s is not None) / len(cross)
                if mean >= best:
                    best, pick = mean, (a, b)
        if pick is None:
            return groups
        a, b = pick
        groups[a] = groups[a] + groups[b]
        del groups[b]


def cluster_units(n: int, i: IntArray, j: IntArray, ps: PairScores, cfg: FuseConfig) -> IntArray:
    """A cluster label for every unit."""
    ok = ~ps.veto
    link = ok & (ps.score >= cfg.link_threshold)
    labels = components(n, i[link], j[link])
    compat = ok & (ps.score >= cfg.compatible_threshold) & (labels[i] == labels[j])
    size = np.bincount(labels, minlength=n)
    inside = np.bincount(labels[i[compat]], minlength=n)
    bad = np.flatnonzero((size >= 3) & (inside < size * (size - 1) // 2))
    if bad.size == 0:
        return labels
    return split_bad(labels, bad, i[compat], j[compat], ps.score[compat], cfg)


def split_bad(
    labels: IntArray, bad: IntArray, ci: IntArray, cj: IntArray, cs: np.ndarray, cfg: FuseConfig
) -> IntArray:
    """Re-cluster the components that are not cliques of compatible pairs."""
    labels = labels.copy()
    is_bad = np.zeros(labels.max() + 1, dtype=np.bool_)
    is_bad[bad] = True
    sel = is_bad[labels[ci]]
    by_comp: dict[int, dict[tuple[int, int], float]] = {}
    for a, b, s in zip(ci[sel].tolist(), cj[sel].tolist(), cs[sel].tolist(), strict=True):
        by_comp.setdefault(labels[a], {})[(min(a, b), max(a, b))] = s
    next_label = int(labels.max()) + 1
    units = np.flatnonzero(is_bad[labels])
    units = units[np.argsort(labels[units], kind="stable")]
    cuts = np.flatnonzero(np.diff(labels[units])) + 1
    for members in np.split(units, cuts):
        comp = int(labels[members[0]])
        groups = agglomerate(members.tolist(), by_comp.get(comp, {}), cfg.link_threshold)
        for group in groups[1:]:
            labels[group] = next_label
            next_label += 1
    return labels
