"""fuse(): Mention[] -> Event[] (blocking, pair scores, clustering, reconciliation, ids)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from eventfuse.errors import InputError
from eventfuse.fuse.candidates import exact_pairs, vague_exact_pairs, vague_pairs
from eventfuse.fuse.cluster import attach, cluster_units
from eventfuse.fuse.config import FuseConfig
from eventfuse.fuse.ids import assign_ids
from eventfuse.fuse.pairs import score_pairs
from eventfuse.fuse.reconcile import Report, build_event
from eventfuse.fuse.table import UNDATED, IntArray, Table, build_table, day_number
from eventfuse.model import Article, Event, Mention, Precision


def cluster_table(table: Table, config: FuseConfig) -> IntArray:
    """A cluster label per unit of the table (the fast, columnar part of fusion).

    ACLED's unit rule (one event per actors, place and day) lets fusion work in passes:
    exact units (one day, day precision) are clustered among themselves with only the
    units within the date slack as candidates; each vague unit (a week, a month, undated)
    then joins the best exact event of its window; the vague units that join none are
    clustered among themselves.
    """
    if table.n == 0:
        return np.zeros(0, dtype=np.int64)
    slack = config.date_slack_days
    is_exact = (table.prec == Precision.DAY) & (table.start == table.end)
    exact, vague = np.flatnonzero(is_exact), np.flatnonzero(~is_exact)
    i, j = exact_pairs(table, exact, slack)
    labels = cluster_units(table.n, i, j, score_pairs(table, i, j, config), config)
    i, j = vague_exact_pairs(table, vague, exact, slack)
    labels, joined = attach(labels, i, j, score_pairs(table, i, j, config), config)
    rest = np.setdiff1d(vague, joined, assume_unique=True)
    i, j = vague_pairs(table, rest, slack)
    among = cluster_units(table.n, i, j, score_pairs(table, i, j, config), config)
    labels[rest] = among[rest] + int(labels.max()) + 1
    return labels


def groups_of(labels: IntArray) -> list[IntArray]:
    """Unit indices of every cluster, in order of the cluster's first unit."""
    if labels.size == 0:
        return []
    order = np.argsort(labels, kind="stable")
    cuts = np.flatnonzero(np.diff(labels[order])) + 1
    groups = np.split(order, cuts)
    groups.sort(key=lambda g: int(g[0]))
    return groups


def check_mentions(mentions: Sequence[Mention]) -> None:
    seen: set[str] = set()
    for m in mentions:
        if m.id in seen:
            raise InputError(f"mention {m.id}", "duplicate mention id in one fuse call")
        seen.add(m.id)


def to_reports(group: IntArray, mentions: Sequence[Mention], table: Table) -> list[Report]:
    reports = []
    for unit in group.tolist():
        m = mentions[int(table.src[unit])]
        start, end, prec = int(table.start[unit]), int(table.end[unit]), int(table.prec[unit])
        n_days, day_index = 1, 0
        if m.date is not None and prec != UNDATED and m.date.start != m.date.end and start == end:
            n_days = (m.date.end - m.date.start).days + 1
            day_index = start - day_number(m.date.start)
        reports.append(Report(m, start, end, prec, day_index, n_days))
    return reports


def fuse(
    mentions: Sequence[Mention],
    articles: Mapping[str, Article],
    previous: Sequence[Event] = (),
    config: FuseConfig = FuseConfig(),  # noqa: B008 - frozen, safe as a default
) -> list[Event]:
    """Cluster mentions into events, reconcile each event's claims and keep ids stable.

    ``previous`` are the events stored before this call; pass every mention that should
    count (old and new): an event is rebuilt from its mentions, so a removed article's
    claims disappear and the event is re-reconciled. Clusters made only of undated mentions
    are dropped (ACLED records nothing vaguer than a month).
    """
    check_mentions(mentions)
    table = build_table(mentions, articles, config)
    labels = cluster_table(table, config)
    events = []
    for group in groups_of(labels):
        if bool(np.all(table.prec[group] == UNDATED)):
            continue
        events.append(
            build_event(to_reports(group, mentions, table), articles, config.date_slack_days)
        )
    events = assign_ids(events, previous)
    events.sort(key=lambda e: (e.date.start.toordinal() if e.date else 0, e.id))
    return events
