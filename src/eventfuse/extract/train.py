"""Rebuild the trained parts of the extractor (event typer, learned actor table) from ACLED CSVs.

``eventfuse train ACLED.csv ...`` calls :func:`train`. Training is deterministic (fixed seeds,
sorted inputs), so the same files give the same model files.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from eventfuse.errors import InputError

__all__ = ["REQUIRED_COLUMNS", "TrainReport", "is_ood_row", "read_acled", "train"]

REQUIRED_COLUMNS = ("event_type", "sub_event_type", "actor1", "actor2", "country", "notes")
MAX_ROWS = 2_000_000
MAX_FIELD = 100_000


@dataclass(frozen=True)
class TrainReport:
    """What :func:`train` did."""

    rows: int
    classes: int
    actors: int
    out_dir: Path
    seconds: float


def read_acled(path: Path) -> Iterator[dict[str, str]]:
    """Rows of an ACLED CSV export with the columns the extractor learns from.

    Raises InputError naming the file when it cannot be read or lacks a needed column.
    """
    path = Path(path)
    csv.field_size_limit(MAX_FIELD)
    try:
        fh = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(str(path), f"cannot open: {exc.strerror}") from exc
    with fh:
        reader = csv.DictReader(fh)
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(str(path), f"not an ACLED export: missing column(s) {missing}")
        try:
            for n, row in enumerate(reader, start=2):
                if n > MAX_ROWS:
                    raise InputError(str(path), f"more than {MAX_ROWS} rows")
                if not row.get("notes") or not row.get("sub_event_type"):
                    continue
                yield {k: (v or "").strip() for k, v in row.items() if k is not None}
        except csv.Error as exc:
            raise InputError(f"{path}:{reader.line_num}", f"bad CSV: {exc}") from exc


def is_ood_row(row: dict[str, str]) -> bool:
    """The held-out evaluation split: Middle East rows (never trained or tuned on)."""
    return row.get("region") == "Middle East"


def train(csv_paths: Sequence[Path], out_dir: Path | None = None) -> TrainReport:
    """Train the typer and learn the actor table from ``csv_paths``; write both to ``out_dir``.

    The default ``out_dir`` is the packaged ``src/eventfuse/data`` tree (models/ and actors/).
    """
    from eventfuse.extract.actors import ACTOR_DIR, ActorDictionary
    from eventfuse.extract.classify import MODEL_DIR, train_typer_rows

    t0 = time.perf_counter()
    paths = sorted(Path(p) for p in csv_paths)
    if not paths:
        raise InputError("train", "no ACLED CSV files given")
    rows = [r for p in paths for r in read_acled(p)]
    typer = train_typer_rows([r["notes"] for r in rows], [r["sub_event_type"] for r in rows])
    model_dir = out_dir / "models" if out_dir else MODEL_DIR
    actor_dir = out_dir / "actors" if out_dir else ACTOR_DIR
    typer.save(model_dir)
    learned = ActorDictionary.empty().learn_from_rows(rows)
    learned.save(actor_dir / "learned.yaml")
    return TrainReport(
        rows=len(rows),
        classes=len(typer.classes),
        actors=len(learned),
        out_dir=out_dir or MODEL_DIR.parent,
        seconds=time.perf_counter() - t0,
    )
