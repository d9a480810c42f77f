"""Clustering metrics, and the fusion test set scored end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventfuse.fuse import bcubed, fuse, pairwise_prf, score_fusion
from eventfuse.model import Article, Mention

FUSION = Path(__file__).resolve().parents[2] / "examples" / "fusion"


def test_pairwise_and_bcubed_values() -> None:
    pred = [["a", "b", "c"], ["d"]]
    gold = [["a", "b"], ["c", "d"]]
    p, r, _ = pairwise_prf(pred, gold)
    assert (p, r) == pytest.approx((1 / 3, 1 / 2))
    bp, br, _ = bcubed(pred, gold)
    assert bp == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    assert br == pytest.approx((1 + 1 + 0.5 + 0.5) / 4)


def test_fusion_set_scores_at_least_095() -> None:
    arts = {}
    for line in (FUSION / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        art = Article.from_dict(json.loads(line))
        arts[art.id] = art
    rows = [
        json.loads(x) for x in (FUSION / "mentions.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    gold = {r["id"]: r["gold_incident"] for r in rows}
    assert len(set(gold.values())) >= 40
    events = fuse([Mention.from_dict(r) for r in rows], arts)
    scores = score_fusion(events, gold)
    for key in ("pairwise_precision", "pairwise_recall", "bcubed_f1"):
        assert scores[key] >= 0.95, scores
