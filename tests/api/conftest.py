"""Fixtures: a temporary DuckDB store seeded with hand-built events, and a TestClient."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eventfuse.api import create_app
from eventfuse.model import Article
from eventfuse.store import open_store
from eventfuse.store.base import Store
from tests.api import samples

TOKEN = "s3cret-ingest"


@dataclass
class Report:
    stored: int = 0
    skipped: int = 0
    failed: list[str] = field(default_factory=list)


class FakePipeline:
    """Stands in for the real Pipeline: stores the article with no mentions."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def ingest_articles(self, articles: Sequence[Article]) -> Report:
        report = Report()
        for article in articles:
            if self.store.add_article(article, []):
                report.stored += 1
            else:
                report.skipped += 1
        return report


@pytest.fixture(scope="session")
def seeded_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A seeded store shared by the read-only tests (seeding once keeps the suite fast)."""
    path = str(tmp_path_factory.mktemp("api") / "seeded.duckdb")
    with open_store(path) as store:
        samples.seed(store)
    return path


@pytest.fixture(scope="session")
def seeded() -> Any:
    return samples.build()


@pytest.fixture(scope="session")
def client(seeded_path: str) -> Iterator[TestClient]:
    """Read-only client over the shared store: tests using it must not write."""
    app = create_app(seeded_path, ingest_token=TOKEN, pipeline_factory=FakePipeline)
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def store_path(tmp_path: Path) -> str:
    """A fresh seeded store for one test that writes."""
    path = str(tmp_path / "api.duckdb")
    with open_store(path) as store:
        samples.seed(store)
    return path


@pytest.fixture
def write_client(store_path: str) -> Iterator[TestClient]:
    app = create_app(store_path, ingest_token=TOKEN, pipeline_factory=FakePipeline)
    with TestClient(app) as test_client:
        yield test_client
