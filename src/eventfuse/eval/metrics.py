"""Scoring one coded event against one ACLED row, and aggregating the scores."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from eventfuse.model import strip_period

AdminMatcher = Callable[[str, str, str | None, int], bool]


def normalise_name(name: str | None) -> str:
    """Case, accents, articles and punctuation removed: "Sala al-Din" -> "sala din"."""
    if not name:
        return ""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = re.sub(r"[’'`ʿʾ]", "", s)
    s = re.sub(r"[^a-z0-9]+", " ", s)
    words = [w for w in s.split() if w not in ("al", "el", "ad", "ash", "as", "an", "ar", "the")]
    return " ".join(words)


def same_actor(pred: str | None, gold: str | None) -> bool:
    """Actor names compared without ACLED's period suffix; empty matches empty."""
    p = strip_period(pred or "").strip().lower()
    g = strip_period(gold or "").strip().lower()
    return p == g


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


@dataclass(frozen=True)
class RowScore:
    """Per-row outcome; None means the metric does not apply to this row."""

    coded: bool
    event_type: bool
    sub_event_type: bool
    fatalities: bool
    event_date: bool
    time_precision: bool
    admin1: bool | None
    admin2: bool | None
    within_25km: bool | None
    actor1: bool
    actor2: bool
    gold_sub: str
    pred_sub: str | None


def score_row(
    gold: Mapping[str, str], pred: Mapping[str, Any] | None, same_admin: AdminMatcher
) -> RowScore:
    """Score one predicted event row (``export.event_row`` shape, or None) against a gold row."""
    from eventfuse.ingest import parse_acled_date

    g_sub = gold.get("sub_event_type", "")
    if pred is None:
        return RowScore(False, False, False, False, False, False,
                        None if not gold.get("admin1") else False,
                        None if not gold.get("admin2") else False,
                        None if gold.get("geo_precision") != "1" else False,
                        False, False, g_sub, None)  # fmt: skip
    country = gold.get("country") or None
    admin1 = _admin(gold.get("admin1"), pred.get("admin1"), country, 1, same_admin)
    admin2 = _admin(gold.get("admin2"), pred.get("admin2"), country, 2, same_admin)
    within = None
    if gold.get("geo_precision") == "1" and gold.get("latitude") and gold.get("longitude"):
        lat, lon = pred.get("latitude"), pred.get("longitude")
        within = (
            lat is not None
            and lon is not None
            and haversine_km(
                float(gold["latitude"]), float(gold["longitude"]), float(lat), float(lon)
            )
            <= 25.0
        )
    gold_date = parse_acled_date(gold.get("event_date", "")).isoformat()
    return RowScore(
        coded=True,
        event_type=pred.get("event_type") == gold.get("event_type"),
        sub_event_type=pred.get("sub_event_type") == g_sub,
        fatalities=int(pred.get("fatalities") or 0) == int(gold.get("fatalities") or 0),
        event_date=pred.get("event_date") == gold_date,
        time_precision=str(pred.get("time_precision")) == gold.get("time_precision"),
        admin1=admin1,
        admin2=admin2,
        within_25km=within,
        actor1=same_actor(pred.get("actor1"), gold.get("actor1")),
        actor2=same_actor(pred.get("actor2"), gold.get("actor2")),
        gold_sub=g_sub,
        pred_sub=pred.get("sub_event_type"),
    )


def _admin(
    gold: str | None, pred: str | None, country: str | None, level: int, same: AdminMatcher
) -> bool | None:
    if not gold:
        return None
    if not pred:
        return False
    if normalise_name(gold) == normalise_name(pred):
        return True
    return same(gold, pred, country, level)


def label_f1(gold: Sequence[str], pred: Sequence[str | None]) -> dict[str, float]:
    """F1 of each gold label. A wrong prediction costs the gold label's recall and, when it
    names a label, that label's precision; None (or any label outside gold) only the first."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        if g == p:
            tp[g] += 1
        else:
            fn[g] += 1
            if p is not None:
                fp[p] += 1
    out: dict[str, float] = {}
    for label in set(gold):
        prec = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
        rec = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 0.0
        out[label] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return out


def macro_f1(gold: Sequence[str], pred: Sequence[str | None]) -> float:
    f1s = label_f1(gold, pred)
    return sum(f1s.values()) / len(f1s) if f1s else 0.0


def weighted_f1(gold: Sequence[str], pred: Sequence[str | None]) -> float:
    """Support-weighted F1 over the gold labels (CASE 2021 task 2's headline figure)."""
    if not gold:
        return 0.0
    support = Counter(gold)
    return sum(f1 * support[label] for label, f1 in label_f1(gold, pred).items()) / len(gold)


def aggregate(scores: Sequence[RowScore], seconds: float) -> dict[str, Any]:
    n = len(scores)

    def rate(values: Sequence[bool | None]) -> float | None:
        vals = [v for v in values if v is not None]
        return round(sum(vals) / len(vals), 4) if vals else None

    return {
        "n": n,
        "coded_rate": rate([s.coded for s in scores]),
        "event_type_accuracy": rate([s.event_type for s in scores]),
        "sub_event_type_accuracy": rate([s.sub_event_type for s in scores]),
        "sub_event_type_macro_f1": round(
            macro_f1([s.gold_sub for s in scores], [s.pred_sub for s in scores]), 4
        ),
        "fatalities_exact": rate([s.fatalities for s in scores]),
        "event_date_exact": rate([s.event_date for s in scores]),
        "time_precision_accuracy": rate([s.time_precision for s in scores]),
        "admin1_accuracy": rate([s.admin1 for s in scores]),
        "admin2_accuracy": rate([s.admin2 for s in scores]),
        "location_within_25km": rate([s.within_25km for s in scores]),
        "actor1_accuracy": rate([s.actor1 for s in scores]),
        "actor2_accuracy": rate([s.actor2 for s in scores]),
        "docs_per_second": round(n / seconds, 2) if seconds > 0 else None,
    }
