"""The quality gate: eval figures on a fixed subset must not fall below pinned floors.

``eval_baseline.json`` (repository root) pins, for each gated file, the number of rows scored
and a floor for each metric. The floors can only rise: lowering one is a deliberate edit of the
baseline in the same commit, with the reason written in its ``history``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Metrics where higher is better and which the gate holds (docs_per_second is machine-bound,
# so it is reported, not gated).
GATED = (
    "coded_rate", "event_type_accuracy", "sub_event_type_accuracy", "fatalities_exact",
    "event_date_exact", "admin1_accuracy", "admin2_accuracy", "location_within_25km",
    "actor1_accuracy", "actor2_accuracy",
)  # fmt: skip
# Floating-point noise allowance: figures are rounded to 4 decimals.
TOLERANCE = 1e-4


@dataclass(frozen=True)
class GateEntry:
    file: str  # a path relative to ../shared/data/acled
    rows: int
    floors: dict[str, float]


def load_baseline(path: Path) -> list[GateEntry]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [GateEntry(e["file"], int(e["rows"]), dict(e["floors"])) for e in data["gate"]]


def below_floor(metrics: Mapping[str, Any], floors: Mapping[str, float]) -> list[str]:
    """One line per metric that fell below its floor."""
    out = []
    for name, floor in floors.items():
        value = metrics.get(name)
        if value is None or value + TOLERANCE < floor:
            out.append(f"{name}: {value} < floor {floor}")
    return out


def measure(entry: GateEntry, acled_dir: Path) -> dict[str, Any]:
    from eventfuse.eval.runner import evaluate_file

    return evaluate_file(acled_dir / entry.file, limit=entry.rows).metrics


def update(baseline: Path, acled_dir: Path, reason: str, *, allow_lower: bool = False) -> str:
    """Measure the gated subsets and raise the floors to the new figures (truncated to two
    decimals). A figure below its floor is refused unless ``allow_lower``; every change is
    recorded in the baseline's history with ``reason``."""
    data = json.loads(baseline.read_text(encoding="utf-8"))
    lines = []
    for raw in data["gate"]:
        entry = GateEntry(raw["file"], int(raw["rows"]), dict(raw["floors"]))
        metrics = measure(entry, acled_dir)
        failures = below_floor(metrics, entry.floors)
        if failures and not allow_lower:
            raise SystemExit(f"{entry.file}: would lower the baseline: " + "; ".join(failures))
        new = {k: int(float(metrics[k] or 0) * 100) / 100 for k in GATED}
        floors = new if allow_lower else {k: max(new[k], entry.floors.get(k, 0.0)) for k in GATED}
        raw["floors"] = floors
        raw["measured"] = {k: metrics[k] for k in (*GATED, "docs_per_second")}
        lines.append(f"{entry.file}: " + ", ".join(f"{k}={v}" for k, v in floors.items()))
    data.setdefault("history", []).append({"reason": reason, "lowered": allow_lower})
    baseline.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return "\n".join(lines)


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser(description="Raise the eval floors in eval_baseline.json.")
    ap.add_argument("--baseline", type=Path, default=Path("eval_baseline.json"))
    ap.add_argument("--acled-dir", type=Path, default=Path("../shared/data/acled"))
    ap.add_argument("--reason", required=True, help="Why the floors change (kept in history).")
    ap.add_argument("--allow-lower", action="store_true", help="Deliberately lower floors.")
    args = ap.parse_args()
    print(update(args.baseline, args.acled_dir, args.reason, allow_lower=args.allow_lower))


if __name__ == "__main__":
    main()
