"""The fusion test set end to end: its articles through the full pipeline, scored against gold.

Floors sit just below what the pipeline reaches now (bench/fusion_e2e.py), so a regression in
extraction or fusion fails here; raise them when the pipeline improves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventfuse.eval.fusion import load_gold, score
from eventfuse.pipeline import Pipeline
from eventfuse.store import open_store

FUSION = Path(__file__).resolve().parents[2] / "examples" / "fusion"
FLOORS = {
    "pairwise_precision": 0.95,
    "pairwise_recall": 0.78,
    "bcubed_precision": 0.98,
    "bcubed_recall": 0.86,
    "bcubed_f1": 0.91,
}
MAX_MISSED = 2


@pytest.mark.slow
def test_fusion_set_end_to_end(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "f.duckdb")) as store:
        Pipeline(store).run([FUSION / "articles.jsonl"])
        gold = load_gold(FUSION / "gold.jsonl", FUSION / "articles.jsonl")
        result = score(store.events(), store.mentions(), gold)
    assert result["incidents"] >= 40
    assert result["reports_missed"] <= MAX_MISSED, result
    for key, floor in FLOORS.items():
        assert result[key] >= floor, (key, result)
