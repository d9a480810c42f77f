"""Clustering metrics (the fusion test set itself: test_fusion_set.py)."""

from __future__ import annotations

import pytest

from eventfuse.fuse import bcubed, pairwise_prf


def test_pairwise_and_bcubed_values() -> None:
    pred = [["a", "b", "c"], ["d"]]
    gold = [["a", "b"], ["c", "d"]]
    p, r, _ = pairwise_prf(pred, gold)
    assert (p, r) == pytest.approx((1 / 3, 1 / 2))
    bp, br, _ = bcubed(pred, gold)
    assert bp == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    assert br == pytest.approx((1 + 1 + 0.5 + 0.5) / 4)
