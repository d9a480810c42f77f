"""The fusion test set (examples/fusion) fused from its ideal mentions, and its consistency."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from eventfuse.fuse import fuse, score_fusion
from eventfuse.model import Article, Mention

FUSION = Path(__file__).resolve().parents[2] / "examples" / "fusion"


def _rows(name: str) -> list[dict[str, Any]]:
    lines = (FUSION / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(x) for x in lines if x.strip()]


def test_gold_articles_and_mentions_agree() -> None:
    arts = {a["id"]: a for a in _rows("articles")}
    gold = _rows("gold")
    mentions = {m["id"]: m for m in _rows("mentions")}
    assert len(gold) >= 40
    for g in gold:
        assert 2 <= len(set(g["articles"])) <= 6, g["incident"]
        assert set(g["articles"]) <= arts.keys(), g["incident"]
        for mid in g["mentions"]:
            m = mentions[mid]
            assert m["gold_incident"] == g["incident"]
            ev = m["evidence"]["event_date"]
            assert arts[m["article_id"]]["text"][ev["start"] : ev["end"]] == ev["sentence"]
    urls = Counter(a["url"] for a in arts.values())
    assert max(urls.values()) == 1


def test_fusion_set_scores_at_least_095_from_ideal_mentions() -> None:
    arts = {a["id"]: Article.from_dict(a) for a in _rows("articles")}
    rows = _rows("mentions")
    gold = {r["id"]: r["gold_incident"] for r in rows}
    events = fuse([Mention.from_dict(r) for r in rows], arts)
    scores = score_fusion(events, gold)
    for key in ("pairwise_precision", "pairwise_recall", "bcubed_f1"):
        assert scores[key] >= 0.95, scores
