"""Blocking: candidate pairs share country, admin1 and event family and overlapping dates.

Units are sorted by (block, start day); each unit is paired with the units after it whose
start falls inside its date range plus the slack. The loop runs over offsets, not units, and
each step is one vectorised comparison, so the cost is the number of candidate pairs, which
grows about linearly with the number of mentions when daily density per province is stable.
Units with no admin1 (a country-level place) are paired with their whole country and family.
"""

from __future__ import annotations

import numpy as np

from eventfuse.fuse.table import IntArray, Table


def window_pairs(table: Table, slack: int) -> tuple[IntArray, IntArray]:
    """Candidate pairs (i, j) of units with admin1, i != j, each pair once."""
    units = np.flatnonzero(table.has_admin1)
    order = units[np.lexsort((table.start[units], table.block[units]))]
    block, start, end = table.block[order], table.start[order], table.end[order]
    size = order.shape[0]
    left: list[IntArray] = []
    right: list[IntArray] = []
    active = np.arange(max(size - 1, 0), dtype=np.int64)
    offset = 1
    while active.size:
        active = active[active + offset < size]
        nxt = active + offset
        ok = (block[nxt] == block[active]) & (start[nxt] <= end[active] + slack)
        active = active[ok]
        left.append(order[active])
        right.append(order[active + offset])
        offset += 1
    if not left:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    return np.concatenate(left), np.concatenate(right)


def country_pairs(table: Table, slack: int) -> tuple[IntArray, IntArray]:
    """Pairs of each country-level unit with every unit of its country and family in range."""
    loose = np.flatnonzero(~table.has_admin1)
    if loose.size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    order = np.lexsort((table.start, table.country_family))
    cf, start, end = table.country_family[order], table.start[order], table.end[order]
    left: list[IntArray] = []
    right: list[IntArray] = []
    for unit in loose.tolist():
        key = table.country_family[unit]
        lo, hi = np.searchsorted(cf, key, "left"), np.searchsorted(cf, key, "right")
        stop = lo + int(np.searchsorted(start[lo:hi], table.end[unit] + slack, "right"))
        cand = order[lo:stop][end[lo:stop] >= table.start[unit] - slack]
        # A pair of two loose units is produced twice; keep it from the smaller index only.
        cand = cand[(cand != unit) & (table.has_admin1[cand] | (cand > unit))]
        left.append(np.full(cand.shape[0], unit, dtype=np.int64))
        right.append(cand)
    return np.concatenate(left), np.concatenate(right)


def candidate_pairs(table: Table, slack: int) -> tuple[IntArray, IntArray]:
    """All candidate pairs of the table."""
    a1, b1 = window_pairs(table, slack)
    a2, b2 = country_pairs(table, slack)
    return np.concatenate((a1, a2)), np.concatenate((b1, b2))
