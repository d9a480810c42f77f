"""The quality gate: `eventfuse eval` on a fixed subset of the shared ACLED files must stay at
or above the floors pinned in eval_baseline.json (see eventfuse.eval.gate)."""

from __future__ import annotations

import pytest

from eventfuse.eval.gate import GATED, below_floor, load_baseline
from eventfuse.eval.runner import evaluate_file
from tests.conftest import REPO, shared_path

pytestmark = pytest.mark.slow

BASELINE = REPO / "eval_baseline.json"
ENTRIES = load_baseline(BASELINE)


def test_baseline_gates_the_main_metrics() -> None:
    for entry in ENTRIES:
        assert set(GATED) <= set(entry.floors), entry.file


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.file for e in ENTRIES])
def test_eval_figures_do_not_fall(entry: object) -> None:
    from eventfuse.eval.gate import GateEntry

    assert isinstance(entry, GateEntry)
    path = shared_path("data", "acled", entry.file)
    result = evaluate_file(path, limit=entry.rows)
    assert result.metrics["n"] == entry.rows
    failures = below_floor(result.metrics, entry.floors)
    assert not failures, f"{entry.file}: " + "; ".join(failures)
