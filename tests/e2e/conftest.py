"""End-to-end fixtures: the seeds coded once per test session into a temporary DuckDB store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eventfuse.model import Event
from eventfuse.pipeline import Pipeline, RunReport
from eventfuse.store import open_store
from tests.conftest import shared_path


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, RunReport]]:
    seeds = shared_path("corpus", "seeds")
    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    with open_store(str(db)) as store:
        report = Pipeline(store).run([seeds])
    yield db, report


@pytest.fixture(scope="session")
def seed_events(seeds_db: tuple[Path, RunReport]) -> list[Event]:
    with open_store(str(seeds_db[0])) as store:
        return store.events()


def source_files(event: Event, db: Path) -> set[str]:
    """The seed file prefixes (000, 001, ...) of an event's sources."""
    with open_store(str(db)) as store:
        paths = [store.get_article(s.article_id) for s in event.sources]
    return {Path(a.source_path or "").name[:3] for a in paths if a is not None}
