"""The quality gates: eval figures must not fall below the floors pinned in a baseline.

``eval_baseline.json`` (repository root) holds two gates. ``gate`` pins, for each shared ACLED
file, the number of rows scored with the shipped model and a floor for each metric (in
distribution: the model was trained on those rows). ``ood`` pins the held-out figures of
:mod:`eventfuse.eval.ood`: models trained without the Middle East rows, those rows coded one
country at a time, figures pooled over countries (out of distribution, the bar of issue #6).
The floors can only rise: lowering one is a deliberate edit of the baseline in the same
commit, with the reason written in its ``history``.
"""

from __future__ import annotations

import json
import math
import tempfile
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
# The ood floors keep 3 decimals (one row of the held-out split is about 0.001).
OOD_DIGITS = 3
OOD_ABOUT = (
    "Out-of-distribution gate (tests/quality/test_ood_gate.py, eventfuse.eval.ood): typer and "
    "actor table trained without the Middle East rows (extract.train.is_ood_row), those rows "
    "coded one country at a time; `rows` is their number, `floors` the pooled figures (each "
    "country weighted by its rows). Raise with `python -m eventfuse.eval.gate --scope ood "
    "--reason ...`."
)


@dataclass(frozen=True)
class GateEntry:
    file: str  # a path relative to ../shared/data/acled
    rows: int
    floors: dict[str, float]


def load_baseline(path: Path) -> list[GateEntry]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [GateEntry(e["file"], int(e["rows"]), dict(e["floors"])) for e in data["gate"]]


@dataclass(frozen=True)
class OodEntry:
    rows: int  # held-out rows coded (a check that the split itself did not move)
    floors: dict[str, float]


def load_ood(path: Path) -> OodEntry | None:
    """The ``ood`` entry of a baseline file, or None when it has none."""
    raw = json.loads(path.read_text(encoding="utf-8")).get("ood")
    return None if raw is None else OodEntry(int(raw["rows"]), dict(raw["floors"]))


def truncate(value: float, digits: int) -> float:
    """``value`` rounded down to ``digits`` decimals (0.93150 -> 0.931), immune to binary
    noise such as 0.929 * 1000 = 928.999..."""
    scale = 10.0**digits
    return math.floor(round(float(value) * scale, 6)) / scale


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
        new = {k: truncate(float(metrics[k] or 0), 2) for k in GATED}
        floors = new if allow_lower else {k: max(new[k], entry.floors.get(k, 0.0)) for k in GATED}
        raw["floors"] = floors
        raw["measured"] = {k: metrics[k] for k in (*GATED, "docs_per_second")}
        lines.append(f"{entry.file}: " + ", ".join(f"{k}={v}" for k, v in floors.items()))
    data.setdefault("history", []).append({"reason": reason, "lowered": allow_lower})
    baseline.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return "\n".join(lines)


def measure_ood(acled_dir: Path, cache: Path | None = None) -> tuple[dict[str, float], int]:
    """The pooled held-out figures and the number of held-out rows. Trains into ``cache``
    (reused when it already holds models) or, when None, into a temporary directory."""
    from eventfuse.eval.ood import run_ood

    if cache is not None:
        report = run_ood(acled_dir, cache, log=print)
        return report.pooled, report.rows
    with tempfile.TemporaryDirectory(prefix="eventfuse_ood_") as tmp:
        report = run_ood(acled_dir, Path(tmp), log=print)
        return report.pooled, report.rows


def raise_ood_floors(
    raw: dict[str, Any], pooled: Mapping[str, float], rows: int, *, allow_lower: bool = False
) -> dict[str, Any]:
    """The ``ood`` entry ``raw`` (None or {} for a first one) with its floors raised to the
    measured ``pooled`` figures truncated to :data:`OOD_DIGITS` decimals. Refuses (SystemExit)
    a figure below its floor, or a change in the number of held-out rows, unless
    ``allow_lower``; then the floors become the new figures."""
    old = dict(raw.get("floors", {})) if raw else {}
    failures = below_floor(pooled, old)
    if raw and int(raw.get("rows", rows)) != rows:
        failures.append(f"rows: {rows} != pinned {raw['rows']}")
    if failures and not allow_lower:
        raise SystemExit("ood: would lower the baseline: " + "; ".join(failures))
    missing = [k for k in GATED if pooled.get(k) is None]
    if missing:  # a floor of 0 would silently remove that figure's gate
        raise SystemExit("ood: no measured figure for " + ", ".join(missing))
    new = {k: truncate(float(pooled[k]), OOD_DIGITS) for k in GATED}
    floors = new if allow_lower else {k: max(new[k], old.get(k, 0.0)) for k in GATED}
    measured = {
        k: round(float(v), 4) for k, v in pooled.items() if k in (*GATED, "docs_per_second")
    }
    return {"about": OOD_ABOUT, "rows": rows, "floors": floors, "measured": measured}


def update_ood(
    baseline: Path,
    acled_dir: Path,
    reason: str,
    *,
    allow_lower: bool = False,
    cache: Path | None = None,
) -> str:
    """Measure the held-out split (training ~2 min unless ``cache`` holds models) and raise
    the ``ood`` floors, recording ``reason`` in the history (same rules as :func:`update`)."""
    pooled, rows = measure_ood(acled_dir, cache)
    data = json.loads(baseline.read_text(encoding="utf-8"))
    data["ood"] = raise_ood_floors(data.get("ood") or {}, pooled, rows, allow_lower=allow_lower)
    data.setdefault("history", []).append(
        {"reason": reason, "lowered": allow_lower, "scope": "ood"}
    )
    baseline.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    floors = data["ood"]["floors"]
    return "ood: " + ", ".join(f"{k}={v}" for k, v in floors.items())


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser(description="Raise the eval floors in eval_baseline.json.")
    ap.add_argument("--baseline", type=Path, default=Path("eval_baseline.json"))
    ap.add_argument("--acled-dir", type=Path, default=Path("../shared/data/acled"))
    ap.add_argument("--reason", required=True, help="Why the floors change (kept in history).")
    ap.add_argument("--allow-lower", action="store_true", help="Deliberately lower floors.")
    ap.add_argument(
        "--scope",
        choices=("in", "ood", "all"),
        default="in",
        help="in: the per-file gate (default); ood: the held-out gate (trains, ~2 min); all.",
    )
    ap.add_argument(
        "--ood-cache",
        type=Path,
        default=None,
        help="Reuse/keep the held-out models here (default: train into a temporary directory).",
    )
    args = ap.parse_args()
    if args.scope in ("ood", "all"):
        print(
            update_ood(
                args.baseline,
                args.acled_dir,
                args.reason,
                allow_lower=args.allow_lower,
                cache=args.ood_cache,
            )
        )
    if args.scope in ("in", "all"):
        print(update(args.baseline, args.acled_dir, args.reason, allow_lower=args.allow_lower))


if __name__ == "__main__":
    main()
