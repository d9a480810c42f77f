"""The out-of-distribution quality gate: typer and actor table trained without the Middle East
rows, those rows coded one country at a time, and the figures pooled over countries must stay
at or above the ``ood`` floors of eval_baseline.json (see eventfuse.eval.ood and .gate).

Training takes about 2 minutes, so this is marked slow (``pytest -m "not slow"`` skips it
locally; CI runs every test). Set EVENTFUSE_OOD_CACHE=DIR to keep the trained models in DIR
between local runs; delete DIR after changing the typer's features or actor learning."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventfuse.eval.gate import GATED, below_floor, load_ood
from eventfuse.eval.ood import OodReport, run_ood
from tests.conftest import REPO, shared_path

pytestmark = pytest.mark.slow

ENTRY = load_ood(REPO / "eval_baseline.json")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> OodReport:
    acled = shared_path("data", "acled")
    kept = os.environ.get("EVENTFUSE_OOD_CACHE")
    cache = Path(kept) if kept else tmp_path_factory.mktemp("ood_models")
    return run_ood(acled, cache)


def test_baseline_gates_the_main_metrics_out_of_distribution() -> None:
    assert ENTRY is not None, "eval_baseline.json has no 'ood' entry"
    assert set(GATED) <= set(ENTRY.floors)


def test_every_held_out_row_is_coded_by_its_country(report: OodReport) -> None:
    assert ENTRY is not None
    assert report.rows == ENTRY.rows, "the held-out split changed size"
    assert sum(int(r.metrics["n"]) for r in report.per_country.values()) == report.rows
    assert len(report.per_country) > 1  # one file per country, not one pooled collection


def test_ood_figures_do_not_fall(report: OodReport) -> None:
    assert ENTRY is not None
    failures = below_floor(report.pooled, ENTRY.floors)
    assert not failures, "ood (pooled over countries): " + "; ".join(failures)
