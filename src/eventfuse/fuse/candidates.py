"""Blocking: candidate pairs share a block (country, admin1, event family) and nearby dates.

Every join here is a sorted range join: the target units are sorted by (key, start day), each
query unit looks up, with one ``searchsorted``, the slice of targets whose start day falls in
its window, and the slices are expanded into pairs with ``repeat`` arithmetic. No Python loop
runs per unit or per pair, so the cost is the number of candidate pairs.

Fusion joins in two passes (see ``core.cluster_table``): *exact* units (one day, day
precision) are only paired with exact units within ``slack`` days; *vague* units (a week, a
month, undated) are paired with the exact units inside their window, and then with each
other. A unit with no admin1 (a country-level place) is joined on (country, family) instead.
"""

from __future__ import annotations

import numpy as np

from eventfuse.fuse.table import IntArray, Table

# Keys are packed as key * SPAN + day; days are shifted by DAY_SHIFT to be non-negative.
SPAN = np.int64(1 << 24)
DAY_SHIFT = np.int64(1 << 23)
_EMPTY = np.zeros(0, dtype=np.int64)


def packed(key: IntArray, day: IntArray) -> IntArray:
    """One sortable int64 per unit: the block key, then the day (clipped to the span)."""
    shifted = np.clip(day + DAY_SHIFT, 0, SPAN - 1)
    return np.asarray(key * SPAN + shifted, dtype=np.int64)


def expand(lo: IntArray, hi: IntArray) -> tuple[IntArray, IntArray]:
    """All (query, position) pairs with lo[query] <= position < hi[query]."""
    counts = np.maximum(hi - lo, 0)
    total = int(counts.sum())
    if total == 0:
        return _EMPTY, _EMPTY
    query = np.repeat(np.arange(lo.shape[0], dtype=np.int64), counts)
    first = np.cumsum(counts) - counts
    pos = np.arange(total, dtype=np.int64) - np.repeat(first - lo, counts)
    return query, pos


def range_join(
    t: Table, queries: IntArray, targets: IntArray, key: IntArray, slack: int
) -> tuple[IntArray, IntArray]:
    """Pairs (query, target) with the same ``key`` and the target's start in the query's window.

    The window is [start - slack, end + slack] of the query; a unit is never its own pair.
    """
    if queries.size == 0 or targets.size == 0:
        return _EMPTY, _EMPTY
    tk = packed(key[targets], t.start[targets])
    order = np.argsort(tk, kind="stable")
    tk, sorted_targets = tk[order], targets[order]
    lo = np.searchsorted(tk, packed(key[queries], t.start[queries] - slack), "left")
    hi = np.searchsorted(tk, packed(key[queries], t.end[queries] + slack), "right")
    q, pos = expand(lo.astype(np.int64), hi.astype(np.int64))
    a, b = queries[q], sorted_targets[pos]
    keep = a != b
    return a[keep], b[keep]


def self_join(t: Table, units: IntArray, key: IntArray, slack: int) -> tuple[IntArray, IntArray]:
    """Each pair of ``units`` with the same key and dates within ``slack`` days, once."""
    if units.size < 2:
        return _EMPTY, _EMPTY
    sk = packed(key[units], t.start[units])
    order = np.argsort(sk, kind="stable")
    sk, sorted_units = sk[order], units[order]
    # Sorted by start, a later unit b overlaps a (within slack) iff start[b] <= end[a] + slack.
    hi = np.searchsorted(sk, packed(key[sorted_units], t.end[sorted_units] + slack), "right")
    lo = np.arange(1, units.shape[0] + 1, dtype=np.int64)
    q, pos = expand(lo, hi.astype(np.int64))
    return sorted_units[q], sorted_units[pos]


def cat(*parts: tuple[IntArray, IntArray]) -> tuple[IntArray, IntArray]:
    return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])


def exact_pairs(t: Table, exact: IntArray, slack: int) -> tuple[IntArray, IntArray]:
    """Pairs among exact units: same block (or country and family for country-level ones)."""
    local = exact[t.has_admin1[exact]]
    loose = exact[~t.has_admin1[exact]]
    a1, b1 = self_join(t, local, t.block, slack)
    a2, b2 = range_join(t, loose, exact, t.country_family, slack)
    # A pair of two loose units comes once from each side; keep one.
    keep = t.has_admin1[b2] | (b2 > a2)
    return cat((a1, b1), (a2[keep], b2[keep]))


def vague_exact_pairs(
    t: Table, vague: IntArray, exact: IntArray, slack: int
) -> tuple[IntArray, IntArray]:
    """Pairs (vague unit, exact unit) whose exact day lies in the vague unit's window."""
    v_local = vague[t.has_admin1[vague]]
    v_loose = vague[~t.has_admin1[vague]]
    e_local = exact[t.has_admin1[exact]]
    e_loose = exact[~t.has_admin1[exact]]
    return cat(
        range_join(t, v_local, e_local, t.block, slack),
        range_join(t, v_local, e_loose, t.country_family, slack),
        range_join(t, v_loose, exact, t.country_family, slack),
    )


def vague_pairs(t: Table, vague: IntArray, slack: int) -> tuple[IntArray, IntArray]:
    """Pairs among vague units (those that joined no exact event)."""
    local = vague[t.has_admin1[vague]]
    loose = vague[~t.has_admin1[vague]]
    a1, b1 = self_join(t, local, t.block, slack)
    a2, b2 = range_join(t, loose, vague, t.country_family, slack)
    # A loose unit that starts after a long target is only found from the target's side.
    b3, a3 = range_join(t, vague, loose, t.country_family, slack)
    a2, b2 = cat((a2, b2), (a3, b3))
    if a2.size:
        lo, hi = np.minimum(a2, b2), np.maximum(a2, b2)
        uniq = np.unique(lo * np.int64(t.n) + hi)
        a2, b2 = uniq // t.n, uniq % t.n
    return cat((a1, b1), (a2, b2))
