"""Revision: stable ids across runs, rising tolls, removed articles."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from fuse_helpers import article, mention

from eventfuse.fuse import fuse
from eventfuse.model import content_id

ARTS = {
    "a1": article("a1", date(2017, 10, 14)),
    "a2": article("a2", date(2017, 10, 16)),
    "a3": article("a3", date(2017, 10, 20)),
}


def test_new_event_id_is_content_id_of_min_mention() -> None:
    ev = fuse([mention("m2", "a1", fatalities=20), mention("m1", "a2", fatalities=20)], ARTS)[0]
    assert ev.id == content_id("m1", prefix="e_")


def test_rising_toll_revises_and_keeps_id() -> None:
    first = fuse([mention("m1", "a1", fatalities=20)], ARTS)
    second = fuse(
        [mention("m1", "a1", fatalities=20), mention("m0", "a3", fatalities=30)],
        ARTS,
        previous=first,
    )
    assert len(second) == 1
    assert second[0].id == first[0].id  # inherits, although m0 < m1 would give a new id
    assert (second[0].fatalities, second[0].fatalities_low, second[0].fatalities_high) == (
        30,
        20,
        30,
    )


def test_removing_an_article_re_reconciles() -> None:
    both = fuse(
        [mention("m1", "a1", fatalities=20), mention("m3", "a3", fatalities=30, injured=9)], ARTS
    )
    after = fuse([mention("m1", "a1", fatalities=20)], ARTS, previous=both)
    assert after[0].id == both[0].id
    assert after[0].fatalities_high == 20 and after[0].injured is None
    assert all(c.article_id == "a1" for c in after[0].claims)


def test_new_cluster_never_takes_an_inherited_id() -> None:
    old = fuse([mention("m1", "a1", fatalities=5)], ARTS)
    moved = mention("m1", "a1", fatalities=5)
    other = mention("m5", "a2", fatalities=5, date=None)
    out = fuse([moved, other], ARTS, previous=old)
    assert len({e.id for e in out}) == len(out)
    assert out[0].id == old[0].id
