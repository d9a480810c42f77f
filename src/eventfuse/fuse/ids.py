"""Stable event ids across fuse runs.

Each output cluster inherits the id of the previous event it shares the most mention ids
with (ties: the previous event on the same date, then the smaller id); every previous id is
used at most once. A new cluster gets ``content_id(min(mention ids), prefix="e_")``, salted
with its date and then a counter when that id is already taken, so it never collides.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from eventfuse.model import DateRange, Event, content_id


class IdKey(NamedTuple):
    """What an event's id depends on: its mention ids and its date."""

    mention_ids: tuple[str, ...]
    date: DateRange | None


def assign_ids(events: Sequence[Event], previous: Sequence[Event]) -> list[Event]:
    """The events with their stable ids (see ``stable_ids``)."""
    ids = stable_ids([IdKey(e.mention_ids, e.date) for e in events], previous)
    return [ev.with_(id=eid) for ev, eid in zip(events, ids, strict=True)]


def stable_ids(keys: Sequence[IdKey], previous: Sequence[Event]) -> list[str]:
    """The id of every cluster, in order: inherited from ``previous`` or new (O(mentions))."""
    chosen, used = inherited(keys, previous)
    taken = used | {p.id for p in previous}
    out: list[str] = []
    for e_index, key in enumerate(keys):
        eid = chosen.get(e_index) or new_id(key, taken)
        taken.add(eid)
        out.append(eid)
    return out


def inherited(keys: Sequence[IdKey], previous: Sequence[Event]) -> tuple[dict[int, str], set[str]]:
    """Cluster index -> previous id, best overlap first; and the set of inherited ids."""
    chosen: dict[int, str] = {}
    used: set[str] = set()
    if not previous:
        return chosen, used
    owner: dict[str, list[int]] = {}
    for p_index, prev in enumerate(previous):
        for mid in prev.mention_ids:
            owner.setdefault(mid, []).append(p_index)
    candidates: list[tuple[int, int, str, int, int]] = []
    for e_index, key in enumerate(keys):
        shared: dict[int, int] = {}
        for mid in key.mention_ids:
            for p_index in owner.get(mid, ()):
                shared[p_index] = shared.get(p_index, 0) + 1
        for p_index, n in shared.items():
            same_day = int(previous[p_index].date == key.date)
            candidates.append((-n, -same_day, previous[p_index].id, e_index, p_index))
    candidates.sort()
    for _, _, prev_id, e_index, _ in candidates:
        if e_index in chosen or prev_id in used:
            continue
        chosen[e_index] = prev_id
        used.add(prev_id)
    return chosen, used


def new_id(ev: IdKey, taken: set[str]) -> str:
    first = min(ev.mention_ids)
    eid = content_id(first, prefix="e_")
    if eid not in taken:
        return eid
    day = ev.date.start.isoformat() if ev.date else ""
    eid = content_id(first, day, prefix="e_")
    salt = 0
    while eid in taken:
        salt += 1
        eid = content_id(first, day, str(salt), prefix="e_")
    return eid
