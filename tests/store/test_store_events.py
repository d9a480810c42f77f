"""save_events: created/updated/removed/unchanged, revisions, round trips."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from eventfuse.errors import StoreError
from eventfuse.model import DateRange, Precision
from eventfuse.store import EventFilter, SaveSummary
from eventfuse.store.sql import SQLStore, changed_fields
from tests.store.store_models import event


def test_event_round_trip(store: SQLStore) -> None:
    e1 = event("e1")
    e2 = event("e2", date=DateRange(date(2024, 3, 1), date(2024, 3, 31), Precision.MONTH),
               actor2=None, place=None)  # fmt: skip
    e3 = event("e3", date=None)
    store.save_events([e1, e2, e3], "test")
    assert store.get_event("e1") == e1
    assert store.get_event("e2") == e2
    assert store.get_event("e3") == e3
    assert store.get_event("nope") is None
    assert {e.id for e in store.events()} == {"e1", "e2", "e3"}
    assert store.events()[-1] == e3  # undated events sort last


def test_save_events_summary_and_history(store: SQLStore) -> None:
    before = datetime.now(UTC) - timedelta(seconds=5)
    s1 = store.save_events([event("e1"), event("e2"), event("e3")], "ingest 3 articles")
    assert s1 == SaveSummary(created=3)
    changed = event("e2", fatalities=7, notes="revised")
    s2 = store.save_events([event("e1"), changed, event("e4")], "ingest a4")
    assert s2 == SaveSummary(created=1, updated=1, removed=1, unchanged=1)
    assert {e.id for e in store.events()} == {"e1", "e2", "e4"}
    assert store.get_event("e2") == changed
    assert store.get_event("e3") is None

    h2 = store.history("e2")
    assert [(r.number, r.change, r.cause) for r in h2] == [
        (1, "created", "ingest 3 articles"),
        (2, "updated", "ingest a4"),
    ]
    assert h2[1].fields_changed == (
        "fatalities", "fatalities_best", "fatalities_by_side", "fatalities_high",
        "fatalities_low", "notes",
    )  # fmt: skip
    assert h2[0].fields_changed == ()
    assert h2[1].snapshot == changed.to_dict() | {"assoc_actor1": ["Tribe A", "Tribe B"]}
    assert all(before <= r.at <= datetime.now(UTC) + timedelta(seconds=5) for r in h2)
    h3 = store.history("e3")
    assert [r.change for r in h3] == ["created", "removed"]
    assert h3[1].snapshot["id"] == "e3"  # what was removed
    assert [r.change for r in store.history("e1")] == ["created"]
    assert store.history("nope") == []


def test_recreated_event_continues_numbering(store: SQLStore) -> None:
    store.save_events([event("e1")], "one")
    store.save_events([], "forget")
    assert store.count_events() == 0
    assert store.save_events([event("e1")], "again") == SaveSummary(created=1)
    assert [(r.number, r.change) for r in store.history("e1")] == [
        (1, "created"), (2, "removed"), (3, "created"),
    ]  # fmt: skip


def test_order_of_set_like_fields_is_not_a_change(store: SQLStore) -> None:
    e = event("e1")
    store.save_events([e], "one")
    shuffled = e.with_(
        claims=tuple(reversed(e.claims)),
        sources=tuple(reversed(e.sources)),
        mention_ids=tuple(reversed(e.mention_ids)),
        assoc_actor1=tuple(reversed(e.assoc_actor1)),
    )
    assert store.save_events([shuffled], "two") == SaveSummary(unchanged=1)
    assert len(store.history("e1")) == 1


def test_changed_fields_detects_moves_and_ignores_noise() -> None:
    a = event("e1").to_dict()
    b = event("e1", lat=10.0, actor1="Someone Else").to_dict()
    assert changed_fields(a, b) == ("actor1", "place")
    assert changed_fields(a, event("e1").to_dict()) == ()
    # a list whose order means something (none in Event today) would still be compared as-is
    assert changed_fields({"x": [1, 2]}, {"x": [2, 1]}) == ("x",)


def test_save_events_rejects_duplicate_ids(store: SQLStore) -> None:
    with pytest.raises(StoreError, match="duplicate"):
        store.save_events([event("e1"), event("e1")], "dup")
    assert store.count_events() == 0


def test_save_events_is_atomic(store: SQLStore, monkeypatch: pytest.MonkeyPatch) -> None:
    store.save_events([event("e1")], "one")

    def fail(*_: object) -> dict[str, int]:
        raise RuntimeError("revision numbering failed")

    monkeypatch.setattr(store, "_last_numbers", fail)
    with pytest.raises(RuntimeError):
        store.save_events([event("e2")], "two")
    assert [e.id for e in store.events()] == ["e1"]
    assert store.history("e2") == []


def test_many_events_in_chunks(store: SQLStore) -> None:
    evs = [event(f"e{i:04d}", day=date(2024, 1, 1) + timedelta(days=i % 300)) for i in range(1100)]
    assert store.save_events(evs, "bulk") == SaveSummary(created=1100)
    assert store.count_events() == 1100
    upd = [e.with_(fatalities=9) if i % 2 else e for i, e in enumerate(evs[:1050])]
    assert store.save_events(upd, "bulk2") == SaveSummary(updated=525, removed=50, unchanged=525)
    assert store.get_event("e0001") == evs[1].with_(fatalities=9)


def test_concurrent_readers_and_a_writer(store: SQLStore) -> None:
    """The API calls one store from several threads: calls must serialise, not interleave."""
    import threading

    store.save_events([event(f"e{i}") for i in range(20)], "start")
    errors: list[BaseException] = []

    def read() -> None:
        try:
            for _ in range(30):
                n = store.count_events()
                assert n in (20, 21)
                assert len(store.events(EventFilter(limit=5))) == 5
                assert store.get_event("e3") is not None
        except BaseException as exc:  # reported below
            errors.append(exc)

    def write() -> None:
        try:
            for k in range(10):
                evs = [event(f"e{i}") for i in range(20)] + ([event("extra")] if k % 2 else [])
                store.save_events(evs, f"round {k}")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=read) for _ in range(3)] + [threading.Thread(target=write)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert [r.change for r in store.history("extra")] == ["created", "removed"] * 4 + ["created"]
