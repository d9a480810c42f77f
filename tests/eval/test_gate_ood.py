"""The ood part of eventfuse.eval.gate without training: floors rise, never fall silently."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eventfuse.eval import gate
from eventfuse.eval.gate import GATED, load_ood, raise_ood_floors, truncate

MEASURED = {name: 0.8 for name in GATED} | {"event_type_accuracy": 1088 / 1168}


def test_truncate_rounds_down_without_binary_noise() -> None:
    assert truncate(1088 / 1168, 3) == 0.931  # 0.93150...
    assert truncate(0.929, 3) == 0.929  # 0.929 * 1000 is 928.999... in binary
    assert truncate(0.9999, 3) == 0.999
    assert truncate(1.0, 3) == 1.0


def test_first_entry_pins_the_measured_figures_rounded_down() -> None:
    entry = raise_ood_floors({}, MEASURED, 1168)
    assert entry["rows"] == 1168
    assert entry["floors"]["event_type_accuracy"] == 0.931
    assert entry["floors"]["actor1_accuracy"] == 0.8
    assert set(entry["floors"]) == set(GATED)
    assert entry["measured"]["event_type_accuracy"] == 0.9315


def test_floors_only_rise() -> None:
    old = raise_ood_floors({}, MEASURED, 1168)
    better = MEASURED | {"actor2_accuracy": 0.85}
    new = raise_ood_floors(old, better, 1168)
    assert new["floors"]["actor2_accuracy"] == 0.85
    assert new["floors"]["event_type_accuracy"] == 0.931


def test_a_lower_figure_is_refused_unless_allowed() -> None:
    old = raise_ood_floors({}, MEASURED, 1168)
    worse = MEASURED | {"admin1_accuracy": 0.7}
    with pytest.raises(SystemExit, match="admin1_accuracy"):
        raise_ood_floors(old, worse, 1168)
    lowered = raise_ood_floors(old, worse, 1168, allow_lower=True)
    assert lowered["floors"]["admin1_accuracy"] == 0.7


def test_a_missing_figure_is_refused_even_when_lowering_is_allowed() -> None:
    # a floor of 0 would silently remove that figure's gate
    old = raise_ood_floors({}, MEASURED, 1168)
    partial = {k: v for k, v in MEASURED.items() if k != "actor2_accuracy"}
    with pytest.raises(SystemExit, match="actor2_accuracy"):
        raise_ood_floors(old, partial, 1168, allow_lower=True)


def test_a_moved_split_is_refused_unless_allowed() -> None:
    old = raise_ood_floors({}, MEASURED, 1168)
    with pytest.raises(SystemExit, match="rows"):
        raise_ood_floors(old, MEASURED, 1100)
    assert raise_ood_floors(old, MEASURED, 1100, allow_lower=True)["rows"] == 1100


def _baseline(tmp_path: Path) -> Path:
    path = tmp_path / "eval_baseline.json"
    gate_entry = {"file": "x.csv", "rows": 5, "floors": {k: 0.5 for k in GATED}}
    path.write_text(json.dumps({"gate": [gate_entry], "history": []}), encoding="utf-8")
    return path


def test_update_ood_writes_the_entry_and_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fake_measure(acled_dir: Path, cache: Path | None = None) -> tuple[dict[str, float], int]:
        return dict(MEASURED), 1168

    monkeypatch.setattr(gate, "measure_ood", fake_measure)
    path = _baseline(tmp_path)
    out = gate.update_ood(path, tmp_path, "first ood floors")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    assert "event_type_accuracy=0.931" in out
    assert data["history"] == [{"reason": "first ood floors", "lowered": False, "scope": "ood"}]
    assert data["gate"][0]["floors"]["coded_rate"] == 0.5  # the per-file gate is untouched
    entry = load_ood(path)
    assert entry is not None
    assert entry.rows == 1168
    assert entry.floors["event_type_accuracy"] == 0.931


def test_load_ood_of_a_baseline_without_one(tmp_path: Path) -> None:
    assert load_ood(_baseline(tmp_path)) is None
