"""Events from cluster labels: group units, reconcile each cluster, assign ids, build Events.

This is the per-event (Python) half of ``fuse()``. It is linear in the mentions: the
grouping is one numpy sort, article facts are cached per call (``ArticleIndex``), each
Event is constructed exactly once (its stable id is decided before construction, so no
``dataclasses.replace``), and one-report clusters (most clusters) skip the voting.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from eventfuse.fuse.ids import IdKey, stable_ids
from eventfuse.fuse.reconcile import (
    DateCache,
    Report,
    Summary,
    build_claims,
    make_notes,
    reconcile_actors,
    reconcile_count,
    reconcile_date,
    reconcile_place,
    reconcile_sides,
    reconcile_type,
)
from eventfuse.fuse.sources import ArticleIndex
from eventfuse.fuse.table import UNDATED, IntArray, Table, run_bounds
from eventfuse.model import Article, Event, Mention


def group_bounds(labels: IntArray, keep_unit: np.ndarray) -> tuple[list[int], list[int], list[int]]:
    """Units sorted by cluster, and the [start, end) of each kept cluster in that order.

    Clusters come in order of their first unit; a cluster is kept when any of its units is
    in ``keep_unit`` (the dated ones: a cluster of undated mentions only is dropped).
    """
    order = np.argsort(labels, kind="stable")
    if order.size == 0:
        return [], [], []
    starts, ends = run_bounds(labels[order])
    keep = np.maximum.reduceat(keep_unit[order].astype(np.int8), starts) > 0
    starts, ends = starts[keep], ends[keep]
    rank = np.argsort(order[starts], kind="stable")  # stable order: first unit of each cluster
    return order.tolist(), starts[rank].tolist(), ends[rank].tolist()


def unit_days(table: Table) -> tuple[list[int], list[int]]:
    """Day index and day count of every unit (a split multi-day mention has one unit a day)."""
    n_mentions = int(table.src.max()) + 1 if table.n else 0
    per_mention = np.bincount(table.src, minlength=n_mentions)
    first = np.full(n_mentions, table.n, dtype=np.int64)
    np.minimum.at(first, table.src, np.arange(table.n, dtype=np.int64))
    n_days = per_mention[table.src]
    day_index = np.arange(table.n, dtype=np.int64) - first[table.src]
    return day_index.tolist(), n_days.tolist()


def draft_event(
    reports: Sequence[Report], arts: ArticleIndex, dates: DateCache, slack: int
) -> tuple[IdKey, dict[str, Any]]:
    """The reconciled fields of one cluster, and what its id depends on."""
    if len(reports) == 1:  # a one-report cluster: no sets to build
        art_ids = [reports[0].mention.article_id]
        mention_ids: tuple[str, ...] = (reports[0].mention.id,)
    else:
        art_ids = sorted({r.mention.article_id for r in reports})
        mention_ids = tuple(sorted({r.mention.id for r in reports}))
    etype, stype = reconcile_type(reports)
    a1, a2, assoc1, assoc2 = reconcile_actors(reports)
    fat = reconcile_count(reports, "fatalities", arts)
    injured = reconcile_count(reports, "injured", arts)[0]
    arrested = reconcile_count(reports, "arrested", arts)[0]
    claims, split = build_claims(reports, arts, dates)
    when = reconcile_date(reports, slack, dates)
    place = reconcile_place(reports)
    fields = {
        "event_type": etype,
        "sub_event_type": stype,
        "date": when,
        "actor1": a1,
        "actor2": a2,
        "assoc_actor1": assoc1,
        "assoc_actor2": assoc2,
        "place": place,
        "fatalities": fat[0] or 0,
        "fatalities_low": fat[1],
        "fatalities_high": fat[2],
        "fatalities_best": fat[3],
        "injured": injured,
        "arrested": arrested,
        "fatalities_by_side": reconcile_sides(reports),
        "notes": make_notes(Summary(when, a1, a2, place, stype, fat, injured, arrested), dates),
        "mention_ids": mention_ids,
        "sources": tuple([arts.ref(a) for a in art_ids]),
        "claims": claims,
        "disagreements": split,
        "n_independent_sources": len({arts.root(a) for a in art_ids}),
    }
    return IdKey(mention_ids, when), fields


def build_events(
    mentions: Sequence[Mention],
    articles: Mapping[str, Article],
    table: Table,
    labels: IntArray,
    previous: Sequence[Event],
    slack: int,
) -> list[Event]:
    """One reconciled Event per cluster of dated units, with stable ids, sorted by date."""
    order, starts, ends = group_bounds(labels, table.prec != UNDATED)
    day_index, n_days = unit_days(table)
    src, start, end, prec = (x.tolist() for x in (table.src, table.start, table.end, table.prec))
    arts, dates = ArticleIndex(articles), DateCache()
    keys: list[IdKey] = []
    drafts: list[dict[str, Any] | None] = []
    for s, e in zip(starts, ends, strict=True):
        reports = [
            Report(mentions[src[u]], start[u], end[u], prec[u], day_index[u], n_days[u])
            for u in order[s:e]
        ]
        key, fields = draft_event(reports, arts, dates, slack)
        keys.append(key)
        drafts.append(fields)
    events: list[Event] = []
    for k, eid in enumerate(stable_ids(keys, previous)):
        draft = drafts[k]
        assert draft is not None
        drafts[k] = None  # the event now holds these values
        events.append(Event(id=eid, **draft))
    events.sort(key=lambda ev: (ev.date.start.toordinal() if ev.date else 0, ev.id))
    return events
