"""``eventfuse eval FILE.jsonl``: code short news snippets through the full extractor.

The format is one JSON object per line (the CASE 2021 task 2 style of test set)::

    {"text": "...", "sub_event_type": "Armed clash", "event_type": "Battles", "conflict": true}

``text`` is required. A record is a conflict event when it has a non-empty
``sub_event_type`` and ``conflict`` is not ``false``; otherwise (crime, disaster, ...) it
should be left uncoded. ``event_type`` is optional (scored when given) and ``published``
(an ISO date) is read as the article's publication date, as ``eventfuse run`` reads it.

Each snippet is ingested as a news article (``ingest.records.build_article``) and coded by the
extractor exactly as ``eventfuse run`` codes it; the snippet's prediction is its lead
(first) mention, or nothing. Metrics:

- ``sub_event_type_weighted_f1``: over the conflict snippets, support-weighted F1 of the
  sub-event type, a snippet left uncoded counting as wrong;
- ``event_type_accuracy``: over the conflict snippets with an ``event_type``;
- ``non_conflict_uncoded_rate``: share of non-conflict snippets that yield no mention;
- ``coded_rate``: share of conflict snippets that yield a mention.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventfuse.errors import InputError
from eventfuse.eval.metrics import weighted_f1
from eventfuse.model import Article

MAX_RECORD_BYTES = 1_000_000  # a snippet is a sentence or two; bound what one line may cost
UNCODED = "(uncoded)"


@dataclass(frozen=True)
class Snippet:
    """One labelled snippet: the article to code and its gold labels (empty: non-conflict)."""

    article: Article
    sub_event_type: str
    event_type: str


@dataclass
class SnippetResult:
    metrics: dict[str, Any]
    predictions: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def read_snippets(path: Path) -> tuple[list[Snippet], list[str]]:
    """The file's snippets and one ``file:line: problem`` error per bad record; records are
    read as ``eventfuse run`` reads a JSONL file (``ingest.jsonl``)."""
    from eventfuse.ingest.jsonl import read_jsonl_records, record_article
    from eventfuse.ingest.records import Meta

    snippets: list[Snippet] = []
    errors: list[str] = []
    for item in read_jsonl_records(path, MAX_RECORD_BYTES):
        if isinstance(item, InputError):
            errors.append(str(item))
            continue
        where, record = item
        article = record_article(where, str(path), record, Meta())
        if isinstance(article, InputError):
            errors.append(str(article))
            continue
        problem = _label_problem(record)
        if problem is not None:
            errors.append(str(InputError(where, problem)))
            continue
        sub, etype = _labels(record)
        snippets.append(Snippet(article, sub, etype))
    return snippets, errors


def _label_problem(record: dict[str, Any]) -> str | None:
    for key in ("sub_event_type", "event_type"):
        if record.get(key) is not None and not isinstance(record[key], str):
            return f"'{key}' must be a string or null"
    return None


def _labels(record: dict[str, Any]) -> tuple[str, str]:
    """(sub_event_type, event_type); both empty for a non-conflict snippet."""
    if record.get("conflict") is False:
        return "", ""
    return (record.get("sub_event_type") or "").strip(), (record.get("event_type") or "").strip()


def score_snippets(snippets: Sequence[Snippet], predicted: Sequence[tuple[str, str] | None],
                   seconds: float) -> dict[str, Any]:  # fmt: skip
    """The metrics for predictions ``(event_type, sub_event_type)`` (None: left uncoded)."""
    pos = [(s, p) for s, p in zip(snippets, predicted, strict=True) if s.sub_event_type]
    neg = [p for s, p in zip(snippets, predicted, strict=True) if not s.sub_event_type]
    gold = [s.sub_event_type for s, _ in pos]
    pred = [p[1] if p else UNCODED for _, p in pos]
    typed = [(s.event_type, p[0] if p else UNCODED) for s, p in pos if s.event_type]

    def rate(hits: int, n: int) -> float | None:
        return round(hits / n, 4) if n else None

    return {
        "n": len(snippets),
        "n_conflict": len(pos),
        "n_non_conflict": len(neg),
        "sub_event_type_weighted_f1": round(weighted_f1(gold, pred), 4) if pos else None,
        "sub_event_type_accuracy": rate(
            sum(g == p for g, p in zip(gold, pred, strict=True)), len(pos)
        ),
        "event_type_accuracy": rate(sum(g == p for g, p in typed), len(typed)),
        "coded_rate": rate(sum(p is not None for _, p in pos), len(pos)),
        "non_conflict_uncoded_rate": rate(sum(p is None for p in neg), len(neg)),
        "docs_per_second": round(len(snippets) / seconds, 2) if seconds > 0 else None,
    }


def evaluate_snippets(path: Path, *, limit: int | None = None,
                      predictions: Path | None = None) -> SnippetResult:  # fmt: skip
    """Code every snippet of ``path`` through the default extractor and score it."""
    from eventfuse.pipeline import default_extractor

    snippets, errors = read_snippets(path)
    if limit is not None:
        snippets = snippets[:limit]
    extractor = default_extractor()
    started = time.perf_counter()
    coded = list(extractor.extract_many(s.article for s in snippets))
    seconds = time.perf_counter() - started
    predicted = [(ms[0].event_type, ms[0].sub_event_type) if ms else None for _, ms in coded]
    lines = [
        {"text": s.article.text, "gold": s.sub_event_type or None,
         "predicted": p[1] if p else None, "event_type": p[0] if p else None}
        for s, p in zip(snippets, predicted, strict=True)
    ]  # fmt: skip
    if predictions is not None:
        with predictions.open("w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    return SnippetResult(score_snippets(snippets, predicted, seconds), lines, errors)
