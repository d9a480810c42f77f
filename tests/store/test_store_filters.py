"""events()/count_events() filters, each on its own, combined, and paged."""

from __future__ import annotations

from datetime import date

import pytest

from eventfuse.errors import ConfigError
from eventfuse.store import EventFilter
from eventfuse.store.sql import SQLStore
from tests.store.store_models import event

EVENTS = [
    event("e1", day=date(2024, 1, 10), country="Iraq", admin1="Ninewa", lat=36.3, lon=43.1,
          actor1="Islamic State (Iraq)", actor2="Military Forces of Iraq (2020-)"),
    event("e2", day=date(2024, 2, 10), country="Iraq", admin1="Baghdad", lat=33.3, lon=44.4,
          event_type="Explosions/Remote violence", actor1="Unidentified Armed Group (Iraq)",
          actor2=None),
    event("e3", day=date(2024, 3, 10), country="Syria", admin1="Aleppo", lat=36.2, lon=37.1,
          actor1="Military Forces of Syria (2024-)", actor2="Islamic State (Syria)"),
    event("e4", day=date(2024, 3, 10), country="Yemen", admin1="Sanaa", lat=15.4, lon=44.2,
          event_type="Protests", actor1="Protesters (Yemen)", actor2=None),
    event("e5", day=date(2024, 4, 1), country="Fiji", admin1="Central", lat=-18.1, lon=178.4,
          event_type="Riots", actor1="Rioters (Fiji)", actor2=None),
]  # fmt: skip


@pytest.fixture
def filled(store: SQLStore) -> SQLStore:
    store.save_events(EVENTS, "fixture")
    return store


def ids(store: SQLStore, **kw: object) -> list[str]:
    flt = EventFilter(**kw)  # type: ignore[arg-type]
    found = [e.id for e in store.events(flt)]
    if "limit" not in kw and "offset" not in kw:
        assert store.count_events(flt) == len(found)
    return found


def test_order_is_date_desc_then_id(filled: SQLStore) -> None:
    assert ids(filled) == ["e5", "e3", "e4", "e2", "e1"]
    assert filled.count_events() == 5


def test_since_until(filled: SQLStore) -> None:
    assert ids(filled, since=date(2024, 3, 10)) == ["e5", "e3", "e4"]
    assert ids(filled, until=date(2024, 2, 10)) == ["e2", "e1"]
    assert ids(filled, since=date(2024, 2, 1), until=date(2024, 3, 10)) == ["e3", "e4", "e2"]


def test_country_and_admin1_case_insensitive(filled: SQLStore) -> None:
    assert ids(filled, country="iraq") == ["e2", "e1"]
    assert ids(filled, country="IRAQ", admin1="ninewa") == ["e1"]
    assert ids(filled, admin1="ALEPPO") == ["e3"]
    assert ids(filled, country="Atlantis") == []


def test_event_type(filled: SQLStore) -> None:
    assert ids(filled, event_type="Battles") == ["e3", "e1"]
    assert ids(filled, event_type="Explosions/Remote violence") == ["e2"]


def test_actor_substring_either_side(filled: SQLStore) -> None:
    assert ids(filled, actor="islamic state") == ["e3", "e1"]
    assert ids(filled, actor="MILITARY FORCES OF") == ["e3", "e1"]
    assert ids(filled, actor="(yemen)") == ["e4"]
    assert ids(filled, actor="%") == []  # no LIKE wildcards
    assert ids(filled, actor="_") == []


def test_bbox(filled: SQLStore) -> None:
    # (min_lon, min_lat, max_lon, max_lat) around Iraq
    assert ids(filled, bbox=(38.0, 29.0, 49.0, 38.0)) == ["e2", "e1"]
    assert ids(filled, bbox=(30.0, 10.0, 50.0, 40.0)) == ["e3", "e4", "e2", "e1"]
    # crossing the antimeridian: 170E .. 170W
    assert ids(filled, bbox=(170.0, -30.0, -170.0, 0.0)) == ["e5"]
    with pytest.raises(ConfigError):
        filled.events(EventFilter(bbox=(0.0, 10.0, 1.0, 5.0)))


def test_limit_and_offset(filled: SQLStore) -> None:
    assert ids(filled, limit=2) == ["e5", "e3"]
    assert ids(filled, limit=2, offset=2) == ["e4", "e2"]
    assert ids(filled, limit=2, offset=4) == ["e1"]
    assert ids(filled, offset=3) == ["e2", "e1"]
    assert ids(filled, limit=0) == []
    assert filled.count_events(EventFilter(limit=1)) == 5  # count ignores paging
    with pytest.raises(ConfigError):
        filled.events(EventFilter(limit=-1))


def test_combined_filters(filled: SQLStore) -> None:
    flt = dict(since=date(2024, 1, 1), country="Iraq", actor="iraq", event_type="Battles")
    assert ids(filled, **flt) == ["e1"]


def test_hostile_filter_values(filled: SQLStore) -> None:
    assert ids(filled, country="x' OR '1'='1") == []
    assert ids(filled, actor="'; DROP TABLE events; --") == []
    assert filled.count_events() == 5
