"""fuse(): Mention[] -> Event[] (blocking, pair scores, clustering, reconciliation, ids)."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager

import numpy as np

from eventfuse.errors import InputError
from eventfuse.fuse.assemble import build_events
from eventfuse.fuse.candidates import exact_pairs, vague_exact_pairs, vague_pairs
from eventfuse.fuse.cluster import attach, cluster_units
from eventfuse.fuse.config import FuseConfig
from eventfuse.fuse.pairs import score_pairs
from eventfuse.fuse.table import IntArray, Table, build_table
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


def check_mentions(mentions: Sequence[Mention]) -> None:
    seen: set[str] = set()
    for m in mentions:
        if m.id in seen:
            raise InputError(f"mention {m.id}", "duplicate mention id in one fuse call")
        seen.add(m.id)


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of acyclic objects are created.

    Fusion builds only trees of frozen dataclasses and tuples (no reference cycles), but each
    allocation burst makes CPython re-scan every live object: at 1M mentions the collector
    alone took longer than the fusion. Reference counting still frees everything as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def fuse(
    mentions: Sequence[Mention],
    articles: Mapping[str, Article],
    previous: Sequence[Event] = (),
    config: FuseConfig = FuseConfig(),  # noqa: B008 - frozen, safe as a default
    *,
    timings: dict[str, float] | None = None,
) -> list[Event]:
    """Cluster mentions into events, reconcile each event's claims and keep ids stable.

    ``previous`` are the events stored before this call; pass every mention that should
    count (old and new): an event is rebuilt from its mentions, so a removed article's
    claims disappear and the event is re-reconciled. Clusters made only of undated mentions
    are dropped (ACLED records nothing vaguer than a month). ``timings``, when given, receives
    the seconds spent in each part: ``table``, ``cluster`` and ``events``.
    """
    with no_gc():
        t0 = time.perf_counter()
        check_mentions(mentions)
        table = build_table(mentions, articles, config)
        t1 = time.perf_counter()
        labels = cluster_table(table, config)
        t2 = time.perf_counter()
        events = build_events(mentions, articles, table, labels, previous, config.date_slack_days)
        t3 = time.perf_counter()
    if timings is not None:
        timings.update(table=t1 - t0, cluster=t2 - t1, events=t3 - t2)
    return events
