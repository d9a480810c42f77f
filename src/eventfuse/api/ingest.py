"""POST /articles: a size-bounded JSON body becomes an Article handed to the pipeline."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from fastapi import HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from eventfuse.ingest import article_id
from eventfuse.model import Article
from eventfuse.store.base import Store

MAX_BODY_BYTES = 1_000_000  # one article; bigger bodies are refused before parsing


class ArticleIn(BaseModel):
    """The body of POST /articles. Only ``text`` is required."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)

    text: str = Field(min_length=1, max_length=MAX_BODY_BYTES)
    title: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=500)
    url: str | None = Field(None, max_length=2000)
    published: date | None = None


async def read_body(request: Request) -> bytes:
    """The request body, refusing (413) anything over MAX_BODY_BYTES without reading it all."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise HTTPException(413, f"body over {MAX_BODY_BYTES} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise HTTPException(413, f"body over {MAX_BODY_BYTES} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def parse_article(body: bytes) -> Article:
    """Validate the JSON body; 400 for bad JSON, 422 with the first problem for bad fields."""
    try:
        json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise HTTPException(400, f"body is not JSON: {str(exc)[:120]}") from None
    try:
        given = ArticleIn.model_validate_json(body)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "body"
        raise HTTPException(422, f"{where}: {first['msg']}") from None
    if not given.text.strip():
        raise HTTPException(422, "text: is empty")
    return Article(
        id=article_id(given.text, given.url or given.outlet),
        text=given.text,
        title=given.title,
        outlet=given.outlet,
        url=given.url,
        published=given.published,
    )


def run_ingest(store: Store, pipeline: Any, article: Article) -> dict[str, Any]:
    """Ingest one article; report what became of it and which events cite it now."""
    already = store.has_article(article.id)
    report = pipeline.ingest_articles([article])
    failed = [str(f) for f in getattr(report, "failed", []) or []]
    if failed:
        raise HTTPException(422, f"article {article.id} could not be ingested: {failed[0]}")
    return {
        "article_id": article.id,
        "stored": not already and store.has_article(article.id),
        "duplicate": already,
        "event_ids": _event_ids(store, report, article.id),
    }


def _event_ids(store: Store, report: Any, article_id: str) -> list[str]:
    ids = getattr(report, "event_ids", None)
    if ids is not None:
        return [str(i) for i in ids]
    # Fallback: scan the events for ones citing this article (ingest is rare; reading is not).
    return [e.id for e in store.events() if any(s.article_id == article_id for s in e.sources)]


def request_body_schema() -> dict[str, Any]:
    """OpenAPI for the hand-parsed body, so /docs still shows what to send."""
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": ArticleIn.model_json_schema()}},
        }
    }
