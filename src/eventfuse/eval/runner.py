"""``eventfuse eval``: code each ACLED row's notes as one document and score it."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventfuse.errors import InputError
from eventfuse.eval.metrics import RowScore, aggregate, score_row
from eventfuse.export import event_row
from eventfuse.model import Article, Event, Mention, SourceRef, content_id

if TYPE_CHECKING:
    from eventfuse.extract.extractor import Extractor


@dataclass
class EvalResult:
    metrics: dict[str, Any]
    scores: list[RowScore] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def mention_event(mention: Mention, article: Article) -> Event:
    """The event one document codes to: its single mention, as an Event."""
    return Event(
        id=content_id(mention.id, prefix="e_"),
        event_type=mention.event_type,
        sub_event_type=mention.sub_event_type,
        date=mention.date,
        actor1=mention.actor1,
        actor2=mention.actor2,
        assoc_actor1=mention.assoc_actor1,
        assoc_actor2=mention.assoc_actor2,
        place=mention.place,
        fatalities=mention.fatalities or 0,
        fatalities_low=mention.fatalities,
        fatalities_high=mention.fatalities,
        injured=mention.injured,
        arrested=mention.arrested,
        mention_ids=(mention.id,),
        sources=(SourceRef(article.id, article.outlet, article.url, article.title),),
        n_independent_sources=1,
    )


def evaluate_articles(
    articles: Sequence[Article],
    predictions: Path | None = None,
    *,
    extractor: Extractor | None = None,
) -> EvalResult:
    """Code ``articles`` as one collection (``extract_many``) and score each against its gold
    row; ``extractor`` defaults to the packaged one (a bench passes one trained elsewhere)."""
    from eventfuse.geo import Geocoder
    from eventfuse.pipeline import default_extractor

    extractor = extractor or default_extractor()
    geocoder = Geocoder.default()

    def same_admin(a: str, b: str, country: str | None, level: int) -> bool:
        return geocoder.same_admin(a, b, country=country, level=level)

    started = time.perf_counter()
    coded = list(extractor.extract_many(articles))
    seconds = time.perf_counter() - started
    scores = []
    lines = []
    for article, mentions in coded:
        gold = article.gold or {}
        row = event_row(mention_event(mentions[0], article)) if mentions else None
        scores.append(score_row(gold, row, same_admin))
        lines.append({"row_id": gold.get("event_id_cnty"), "event": row})
    if predictions is not None:
        with predictions.open("w", encoding="utf-8") as fh:
            for line in lines:
                fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    return EvalResult(aggregate(scores, seconds), scores)


def evaluate_file(
    path: Path, *, limit: int | None = None, predictions: Path | None = None
) -> EvalResult:
    from eventfuse.ingest import read_acled_csv

    articles: list[Article] = []
    errors: list[str] = []
    for item in read_acled_csv(path):
        if isinstance(item, InputError):
            errors.append(str(item))
            continue
        articles.append(item)
        if limit is not None and len(articles) >= limit:
            break
    result = evaluate_articles(articles, predictions)
    result.errors = errors
    return result
