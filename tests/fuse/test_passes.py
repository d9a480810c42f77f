"""The clustering passes: vectorised blocking joins, day rule, vague mentions joining events."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from fuse_helpers import article, mention

from eventfuse.fuse import FuseConfig, fuse
from eventfuse.fuse.candidates import range_join, self_join
from eventfuse.fuse.table import Table, build_table
from eventfuse.model import DateRange, Precision

ARTS = {f"a{k}": article(f"a{k}", date(2024, 9, 5)) for k in range(6)}
AUGUST = DateRange(date(2024, 8, 1), date(2024, 8, 31), Precision.MONTH)


def random_table(n: int, seed: int) -> Table:
    """A table of ``n`` units with random blocks and date ranges (all other columns unused)."""
    rng = np.random.default_rng(seed)
    start = rng.integers(0, 40, size=n)
    end = start + np.where(rng.random(n) < 0.3, rng.integers(0, 20, size=n), 0)
    ms = [mention(f"m{k}", "a0") for k in range(n)]
    t = build_table(ms, ARTS, FuseConfig())
    t.block = rng.integers(0, 3, size=n)
    t.start, t.end = start.astype(np.int64), end.astype(np.int64)
    return t


def brute(t: Table, q: np.ndarray, tg: np.ndarray, slack: int) -> set[tuple[int, int]]:
    return {
        (a, b)
        for a in q.tolist()
        for b in tg.tolist()
        if a != b
        and t.block[a] == t.block[b]
        and t.start[a] - slack <= t.start[b] <= t.end[a] + slack
    }


def test_range_join_matches_brute_force() -> None:
    t = random_table(120, 1)
    q, tg = np.arange(0, 60), np.arange(40, 120)
    a, b = range_join(t, q, tg, t.block, 1)
    assert set(zip(a.tolist(), b.tolist(), strict=True)) == brute(t, q, tg, 1)


def test_self_join_gives_every_overlapping_pair_once() -> None:
    t = random_table(150, 2)
    units = np.arange(150)
    a, b = self_join(t, units, t.block, 1)
    got = [(min(x, y), max(x, y)) for x, y in zip(a.tolist(), b.tolist(), strict=True)]
    assert len(got) == len(set(got))
    gap = lambda x, y: max(t.start[x], t.start[y]) - min(t.end[x], t.end[y])  # noqa: E731
    want = {
        (x, y)
        for x in range(150)
        for y in range(x + 1, 150)
        if t.block[x] == t.block[y] and gap(x, y) <= 1
    }
    assert set(got) == want


def test_month_mention_joins_the_day_event() -> None:
    ms = [mention("m0", "a0"), mention("m1", "a1"), mention("m2", "a2", date=AUGUST)]
    events = fuse(ms, ARTS)
    assert [sorted(e.mention_ids) for e in events] == [["m0", "m1", "m2"]]


def test_month_mentions_without_day_event_form_their_own() -> None:
    ms = [mention("m0", "a0", date=AUGUST), mention("m1", "a1", date=AUGUST)]
    events = fuse(ms, ARTS)
    assert [sorted(e.mention_ids) for e in events] == [["m0", "m1"]]
    assert events[0].date is not None and events[0].date.precision == Precision.MONTH


def test_adjacent_day_events_stay_apart_despite_a_day_off_report() -> None:
    day1, day2 = DateRange.day(date(2024, 8, 28)), DateRange.day(date(2024, 8, 29))
    text1 = "shelling hit the market of the village killing traders at dawn"
    text2 = "drone strike destroyed a checkpoint on the highway overnight convoy"
    ms = [
        mention("m0", "a0", date=day1, text=text1),
        mention("m1", "a1", date=day1, text=text1),
        mention("m2", "a2", date=day2, text=text2),
        mention("m3", "a3", date=day2, text=text2),
        # Reports the first event, a day late.
        mention("m4", "a4", date=day2, text=text1),
    ]
    events = fuse(ms, ARTS)
    groups = sorted(sorted(e.mention_ids) for e in events)
    assert len(groups) == 2
    assert ["m0", "m1"] in [g[:2] for g in groups]
    assert any(g[:2] == ["m2", "m3"] for g in groups)


def test_attach_with_no_qualifying_cluster_changes_nothing() -> None:
    """A vague unit whose only candidate pair is vetoed stays where it was (regression: an
    empty selection once crashed on real articles)."""
    import numpy as np

    from eventfuse.fuse.cluster import attach
    from eventfuse.fuse.config import FuseConfig
    from eventfuse.fuse.pairs import PairScores

    labels = np.array([0, 1], dtype=np.int64)
    fields = PairScores.__dataclass_fields__
    one = np.array([0.9])
    kwargs = {name: (np.array([True]) if name == "veto" else one) for name in fields}
    ps = PairScores(**kwargs)
    new, joined = attach(labels, np.array([1]), np.array([0]), ps, FuseConfig())
    assert joined.size == 0
    assert new.tolist() == [0, 1]
