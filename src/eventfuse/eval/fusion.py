"""End-to-end fusion scoring: articles through the real extractor and fuser, against a gold
file that says which articles report which incident (examples/fusion/gold.jsonl).

Each extracted mention gets the gold incident of its article; an article that reports several
incidents gives each mention the incident whose date is nearest to the mention's date. A gold
(article, incident) pair that no mention covers counts as a singleton, so missed reports cost
recall. Pairwise precision/recall and B-cubed are computed over these items.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eventfuse.fuse.scoring import bcubed, pairwise_prf
from eventfuse.model import Event, Mention


@dataclass(frozen=True)
class GoldIncident:
    incident: str
    start: date
    end: date
    articles: tuple[str, ...]


def load_gold(path: Path, articles_jsonl: Path | None = None) -> list[GoldIncident]:
    """Read gold incidents. Gold names articles by the ``id`` of their JSONL line; with
    ``articles_jsonl`` those ids are mapped to eventfuse's content-hash article ids."""
    id_map: dict[str, str] = {}
    if articles_jsonl is not None:
        from eventfuse.ingest.records import Meta, build_article

        for line in articles_jsonl.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                # the id ingest gives this record (text and origin), computed the same way
                meta = Meta(url=rec.get("url"), outlet=rec.get("outlet"))
                id_map[rec["id"]] = build_article(rec["text"], str(articles_jsonl), meta).id
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            arts = tuple(id_map.get(a, a) for a in d["articles"])
            out.append(GoldIncident(d["incident"], date.fromisoformat(d["date"]),
                                    date.fromisoformat(d["end"]), arts))  # fmt: skip
    return out


def label_mentions(mentions: Iterable[Mention], gold: Sequence[GoldIncident]) -> dict[str, str]:
    """mention id -> gold incident, via its article (and its date when the article has many)."""
    by_article: dict[str, list[GoldIncident]] = defaultdict(list)
    for g in gold:
        for a in g.articles:
            by_article[a].append(g)
    labels = {}
    for m in mentions:
        options = by_article.get(m.article_id, [])
        if not options:
            continue
        if len(options) == 1 or m.date is None:
            labels[m.id] = options[0].incident
            continue
        mid = m.date.coded
        best = min(options, key=lambda g: 0 if g.start <= mid <= g.end else
                   min(abs((mid - g.start).days), abs((mid - g.end).days)))  # fmt: skip
        labels[m.id] = best.incident
    return labels


def score(events: Sequence[Event], mentions: Sequence[Mention], gold: Sequence[GoldIncident]
          ) -> dict[str, float]:  # fmt: skip
    labels = label_mentions(mentions, gold)
    pred: list[list[str]] = [[m for m in e.mention_ids if m in labels] for e in events]
    covered = {(m.article_id, labels[m.id]) for m in mentions if m.id in labels
               and any(m.id in e.mention_ids for e in events)}  # fmt: skip
    items = {m: labels[m] for cl in pred for m in cl}
    for g in gold:  # reports the pipeline missed: singletons that cost recall
        for a in g.articles:
            if (a, g.incident) not in covered:
                key = f"missed:{a}:{g.incident}"
                items[key] = g.incident
                pred.append([key])
    gold_clusters: dict[str, list[str]] = defaultdict(list)
    for item, incident in items.items():
        gold_clusters[incident].append(item)
    p, r, f = pairwise_prf([c for c in pred if c], list(gold_clusters.values()))
    bp, br, bf = bcubed([c for c in pred if c], list(gold_clusters.values()))
    n_reports = sum(len(g.articles) for g in gold)
    missed = sum(1 for k in items if k.startswith("missed:"))
    return {
        "incidents": len(gold), "reports": n_reports, "reports_missed": missed,
        "events": len(events), "pairwise_precision": round(p, 4), "pairwise_recall": round(r, 4),
        "pairwise_f1": round(f, 4), "bcubed_precision": round(bp, 4),
        "bcubed_recall": round(br, 4), "bcubed_f1": round(bf, 4),
    }  # fmt: skip
