"""The fast paths of event assembly agree with the general rules, and fuse() reports timings."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from fuse_helpers import IRQ, ISIS, USA, article, mention

from eventfuse.fuse import fuse
from eventfuse.fuse.reconcile import Report, reconcile_actors, reconcile_count
from eventfuse.fuse.sources import ArticleIndex
from eventfuse.model import Actor, DateRange, Mention

ARTS = {"a1": article("a1", date(2024, 9, 1))}


def edge_mentions() -> list[Mention]:
    """Actor layouts where the one-report shortcut could go wrong."""
    return [
        mention("m1", "a1"),
        mention("m2", "a1", actor2=Actor(IRQ.name, 2)),  # actor2 named like actor1
        mention("m3", "a1", actor1=None, actor2=Actor("")),  # an empty actor2 name
        mention("m4", "a1", actor1=None, assoc_actor1=(ISIS.name, USA.name)),
        mention("m5", "a1", assoc_actor2=(IRQ.name, USA.name), assoc_actor1=(USA.name,)),
        mention("m6", "a1", actor1=Actor(""), actor2=ISIS),
    ]


def test_one_report_actors_follow_the_vote() -> None:
    for m in edge_mentions():
        r = Report(m, 0, 0, 1)
        # Two copies of one report go through the general vote and must agree with it.
        assert reconcile_actors([r]) == reconcile_actors([r, r]), m.id
        a1, a2, _, _ = reconcile_actors([r])
        assert a1 is None or a1 in (m.actor1, m.actor2)
        assert a2 is None or a2 is m.actor2


def test_one_report_counts_follow_the_rules() -> None:
    arts = ArticleIndex(ARTS)
    for n_days, day_index in ((1, 0), (5, 0), (5, 3)):
        m = mention("m1", "a1", fatalities=203, injured=None)
        r = Report(m, 0, 0, 1, day_index, n_days)
        for name in ("fatalities", "injured"):
            assert reconcile_count([r], name, arts) == reconcile_count([r, r], name, arts)
    split = Report(mention("m1", "a1", fatalities=203), 0, 0, 1, 0, 5)
    assert reconcile_count([split], "fatalities", arts)[0] == 43  # remainder on day one


def test_fuse_reports_its_parts_and_keeps_multiday_shares() -> None:
    days = DateRange(date(2024, 8, 27), date(2024, 8, 31))
    parts: dict[str, float] = {}
    events = fuse([mention("m1", "a1", date=days, fatalities=203)], ARTS, timings=parts)
    assert set(parts) == {"table", "cluster", "events"}
    assert all(v >= 0 for v in parts.values())
    assert [e.fatalities for e in events] == [43, 40, 40, 40, 40]
    assert len({e.id for e in events}) == 5
    assert all(c.value == e.fatalities for e in events for c in e.claims if c.field == "fatalities")
