"""The out-of-distribution check: the whole pipeline on a region it was never trained on.

The typer and the learned actor table are trained on every shared ACLED row except the held-out
split (the Middle East rows of the worldwide file, :func:`eventfuse.extract.train.is_ood_row`);
the held-out rows are then coded by the full extractor one country at a time, as a desk codes a
one-country file (the collection prior sees that country), and scored as ``eventfuse eval``
scores them. The headline figure is :func:`pool`: each country's rate weighted by its rows.

``bench/ood_eval.py`` prints the table; ``tests/quality/test_ood_gate.py`` holds the pooled
figures to the ``ood`` floors of ``eval_baseline.json``.
"""

from __future__ import annotations

import hashlib
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from eventfuse.errors import InputError
from eventfuse.eval.runner import EvalResult, evaluate_articles
from eventfuse.model import Article

if TYPE_CHECKING:
    from eventfuse.extract.actors import ActorDictionary
    from eventfuse.extract.classify import EventTyper
    from eventfuse.extract.extractor import Extractor

__all__ = [
    "POOLED",
    "OodReport",
    "evaluate_by_country",
    "ood_articles",
    "ood_extractor",
    "pool",
    "run_ood",
    "trained_without_ood",
]

# The figures pooled over countries (the gated ones and the machine-bound speed).
POOLED = (
    "coded_rate", "event_type_accuracy", "sub_event_type_accuracy", "fatalities_exact",
    "event_date_exact", "actor1_accuracy", "actor2_accuracy", "admin1_accuracy",
    "admin2_accuracy", "location_within_25km", "docs_per_second",
)  # fmt: skip

Log = Callable[[str], None]


@dataclass(frozen=True)
class OodReport:
    """Per-country results (largest country first) and their row-weighted pool."""

    per_country: dict[str, EvalResult]
    pooled: dict[str, float]
    rows: int


def _csv_files(acled_dir: Path) -> list[Path]:
    files = sorted(Path(acled_dir).glob("*.csv"))
    if not files:
        raise InputError(str(acled_dir), "no ACLED CSV files in this directory")
    return files


# The cache's stamp: what the models in it were trained from (``training_fingerprint``).
FINGERPRINT_FILE = "fingerprint.txt"
# Training rows whose features and learned actors make the fingerprint (every n-th row).
PROBE_ROWS = 400


def training_fingerprint(rows: Sequence[dict[str, str]]) -> str:
    """A hash of what training would make of ``rows``: their number, the typer's features of
    a spread sample of their notes, and the actor table learned from that sample. A change to
    the typer's features or to actor learning changes it, so a cache trained before such a
    change is not reused (a rule applied after the model leaves it as it is)."""
    from eventfuse.extract.actors import ActorDictionary
    from eventfuse.extract.classify import features

    step = max(1, len(rows) // PROBE_ROWS)
    sample = list(rows[::step])
    h = hashlib.sha256(str(len(rows)).encode())
    for r in sample:
        h.update(repr(features(r["notes"])).encode())
    with tempfile.TemporaryDirectory() as tmp:
        learned = Path(tmp) / "learned.yaml"
        ActorDictionary.empty().learn_from_rows(sample).save(learned)
        h.update(learned.read_bytes())
    return h.hexdigest()


def trained_without_ood(
    acled_dir: Path, cache: Path, *, log: Log | None = None
) -> tuple[EventTyper, ActorDictionary]:
    """The typer and actor table trained on the development rows only.

    Both are written to ``cache`` (``models/`` and ``actors/learned.yaml``) and read back from
    there on later calls, so a rerun skips the ~2 min of training. The cache is stamped with
    ``training_fingerprint``: after a change to the typer's features or to actor learning the
    stamp differs and the models are trained again.
    """
    from eventfuse.extract.actors import ACTOR_DIR, ActorDictionary
    from eventfuse.extract.classify import EventTyper, train_typer_rows
    from eventfuse.extract.train import is_ood_row, read_acled

    cache = Path(cache)
    learned_path = cache / "actors" / "learned.yaml"
    rows = [r for p in _csv_files(acled_dir) for r in read_acled(p) if not is_ood_row(r)]
    stamp = cache / FINGERPRINT_FILE
    fingerprint = training_fingerprint(rows)
    built = (cache / "models" / "typer.npz").exists() and learned_path.exists()
    if not built or not stamp.exists() or stamp.read_text(encoding="utf-8") != fingerprint:
        started = time.perf_counter()
        typer = train_typer_rows([r["notes"] for r in rows], [r["sub_event_type"] for r in rows])
        typer.save(cache / "models")
        ActorDictionary.empty().learn_from_rows(rows).save(learned_path)
        stamp.write_text(fingerprint, encoding="utf-8")
        if log is not None:
            seconds = time.perf_counter() - started
            log(f"trained on {len(rows)} development rows in {seconds:.0f} s")
    actors = ActorDictionary.read(ACTOR_DIR / "generic.yaml")
    actors.merge(ActorDictionary.read(learned_path))
    return EventTyper.load(cache / "models"), actors


def ood_extractor(acled_dir: Path, cache: Path, *, log: Log | None = None) -> Extractor:
    """The full extractor (default gazetteer) with the models of :func:`trained_without_ood`."""
    from eventfuse.extract.extractor import Extractor
    from eventfuse.geo import Geocoder

    typer, actors = trained_without_ood(acled_dir, cache, log=log)
    return Extractor(Geocoder.default(), typer=typer, actors=actors)


def ood_articles(acled_dir: Path) -> dict[str, list[Article]]:
    """The held-out rows as eval articles, grouped by their gold country (file order kept)."""
    from eventfuse.extract.train import is_ood_row
    from eventfuse.ingest import read_acled_csv

    by_country: defaultdict[str, list[Article]] = defaultdict(list)
    for path in _csv_files(acled_dir):
        for item in read_acled_csv(path):
            if isinstance(item, InputError) or item.gold is None or not is_ood_row(item.gold):
                continue
            by_country[item.gold.get("country", "")].append(item)
    return dict(by_country)


def evaluate_by_country(
    groups: Mapping[str, list[Article]],
    extractor: Extractor,
    *,
    on_result: Callable[[str, EvalResult], None] | None = None,
) -> dict[str, EvalResult]:
    """Each country coded as its own collection, largest first (ties keep their order);
    ``on_result`` sees each country's result as soon as it is scored (a bench prints it)."""
    results: dict[str, EvalResult] = {}
    for country, articles in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        results[country] = evaluate_articles(articles, extractor=extractor)
        if on_result is not None:
            on_result(country, results[country])
    return results


def pool(results: Mapping[str, EvalResult]) -> dict[str, float]:
    """Each figure of :data:`POOLED` as the mean of the countries' figures weighted by their
    rows, so a country counts as much as it has rows, whatever file it came in. A country
    where a figure does not apply (None: no gold admin2, say) is left out of that figure."""
    pooled: dict[str, float] = {}
    for name in POOLED:
        total = weight = 0.0
        for result in results.values():
            value = result.metrics.get(name)
            if value is None:
                continue
            n = float(result.metrics.get("n", len(result.scores)))
            total, weight = total + float(value) * n, weight + n
        if weight:
            pooled[name] = total / weight
    return pooled


def run_ood(
    acled_dir: Path,
    cache: Path,
    *,
    countries: Collection[str] | None = None,
    log: Log | None = None,
) -> OodReport:
    """Train (or reuse ``cache``), code the held-out rows country by country, and pool them.

    ``countries`` limits the run to those gold country names (all when None or empty).
    """
    extractor = ood_extractor(acled_dir, cache, log=log)
    groups = ood_articles(acled_dir)
    if countries:
        groups = {c: arts for c, arts in groups.items() if c in countries}
    per_country = evaluate_by_country(groups, extractor)
    rows = sum(len(arts) for arts in groups.values())
    return OodReport(per_country, pool(per_country), rows)
