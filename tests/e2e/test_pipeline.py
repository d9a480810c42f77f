"""The pipeline over a real store: crash recovery, revision, forgetting, near-copies."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import eventfuse.pipeline as pipeline_module
from eventfuse.ingest import article_id
from eventfuse.model import Article
from eventfuse.pipeline import Pipeline
from eventfuse.store import open_store

pytestmark = pytest.mark.slow

FIRST = (
    "Gunmen killed 12 villagers in an attack on Kadunaville town in Kaduna State on "
    "3 March 2023, police said. Residents said the attackers arrived on motorcycles."
)
LATER = (
    "The toll from Friday's attack on Kadunaville town in Kaduna State has risen to 17, "
    "police said on Monday, after five wounded villagers died in hospital. Gunmen on "
    "motorcycles killed 17 villagers in the attack, officials said."
)


def _article(text: str, outlet: str, published: date) -> Article:
    return Article(article_id(text), text, outlet=outlet, published=published)


def test_a_run_that_crashed_before_fusing_is_completed_by_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, examples_dir: Path
) -> None:
    db = str(tmp_path / "crash.duckdb")

    def boom(*_args: object, **_kw: object) -> list[object]:
        raise RuntimeError("power cut")

    monkeypatch.setattr(pipeline_module, "fuse", boom)
    with open_store(db) as store, pytest.raises(RuntimeError):
        Pipeline(store).run([examples_dir])
    monkeypatch.undo()
    with open_store(db) as store:
        assert store.count_articles() > 0 and store.count_events() == 0
        report = Pipeline(store).run([examples_dir])
        assert report.stored == 0
        assert store.count_events() > 0


def test_a_later_higher_toll_revises_the_event_and_keeps_its_id(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "rev.duckdb")) as store:
        pipe = Pipeline(store)
        pipe.ingest_articles([_article(FIRST, "Outlet A", date(2023, 3, 3))])
        [first] = store.events()
        assert first.fatalities == 12
        report = pipe.ingest_articles([_article(LATER, "Outlet B", date(2023, 3, 6))])
        [event] = store.events()
        assert event.id == first.id
        assert report.event_ids == [event.id]
        assert event.fatalities_high == 17 and event.fatalities_low == 12
        assert "fatalities" in event.disagreements
        history = store.history(event.id)
        assert [r.change for r in history] == ["created", "updated"]
        assert "fatalities_high" in history[-1].fields_changed

        pipe.forget(event.sources[-1].article_id if event.sources[-1].outlet == "Outlet B"
                    else event.sources[0].article_id)  # fmt: skip
        [after] = store.events()
        assert after.id == event.id
        assert after.fatalities_high == 12 and len(after.sources) == 1


WIRE = FIRST + (
    " The state government imposed a dusk-to-dawn curfew on the area and sent extra police "
    "units to the surrounding villages. Local leaders appealed for calm and asked the federal "
    "government to station soldiers permanently in the district after a series of raids."
)


def test_a_near_copy_is_linked_and_counted_once(tmp_path: Path) -> None:
    copy = WIRE.replace("Residents said", "Witnesses said")
    with open_store(str(tmp_path / "dup.duckdb")) as store:
        pipe = Pipeline(store)
        pipe.ingest_articles([_article(WIRE, "Wire", date(2023, 3, 3))])
        report = pipe.ingest_articles([_article(copy, "Reprint", date(2023, 3, 3))])
        assert report.linked_duplicates == 1
        [event] = store.events()
        assert len(event.sources) == 2
        assert event.n_independent_sources == 1
