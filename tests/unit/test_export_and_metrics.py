"""Exports and eval metrics on hand-built events: no spaCy, fast."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from eventfuse.eval.metrics import aggregate, macro_f1, normalise_name, same_actor, score_row
from eventfuse.export import (
    ACLED_COLUMNS,
    acled_row,
    event_row,
    flat_row,
    to_csv,
    to_geojson,
    ucdp_row,
)
from eventfuse.model import Actor, DateRange, Event, Place, Precision, SourceRef
from eventfuse.store.parquet import write_parquet


def _event() -> Event:
    return Event(
        id="e_1",
        event_type="Battles",
        sub_event_type="Armed clash",
        date=DateRange.day(date(2024, 8, 29)),
        actor1=Actor("Military Forces of Iraq (2020-)", 1),
        actor2=Actor("Islamic State (Iraq)", 2),
        place=Place("Wadi al-Qadhf", "Iraq", "Al Anbar", "Ar-Rutba", None, 33.1, 40.9, 2),
        fatalities=15,
        fatalities_low=15,
        fatalities_high=17,
        fatalities_best=15,
        fatalities_by_side={"actor2": 15},
        injured=7,
        arrested=2,
        sources=(SourceRef("a_1", "Outlet A"), SourceRef("a_2", "Outlet B", "http://x", "T")),
    )


def test_event_row_uses_acled_names() -> None:
    row = event_row(_event())
    assert row["event_date"] == "2024-08-29"
    assert row["time_precision"] == 1 and row["geo_precision"] == 2
    assert row["n_sources"] == 2 and row["sources"][1]["url"] == "http://x"
    assert row["fatalities_high"] == 17


def test_week_precision_codes_the_midpoint() -> None:
    e = _event().with_(date=DateRange(date(2021, 9, 1), date(2021, 9, 7), Precision.WEEK))
    assert event_row(e)["event_date"] == "2021-09-04"
    assert event_row(e)["time_precision"] == 2


def test_acled_csv_joins_sources_and_codes_interaction() -> None:
    text = to_csv([acled_row(_event())], ACLED_COLUMNS)
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["source"] == "Outlet A; Outlet B"
    assert row["interaction"] == "12"
    assert row["latitude"] == "33.1"


def test_ucdp_best_low_high_and_sides() -> None:
    row = ucdp_row(_event())
    assert (row["low"], row["best"], row["high"]) == (15, 15, 17)
    assert row["deaths_b"] == 15 and row["deaths_unknown"] == 0
    assert row["where_prec"] == 2 and row["date_prec"] == 1


def test_geojson_skips_events_without_coordinates() -> None:
    e2 = _event().with_(id="e_2", place=None)
    fc = to_geojson([_event(), e2])
    assert [f["id"] for f in fc["features"]] == ["e_1"]
    assert fc["features"][0]["geometry"]["coordinates"] == [40.9, 33.1]


def test_parquet_round_trip(tmp_path: Path) -> None:
    import duckdb

    out = tmp_path / "events.parquet"
    assert write_parquet([flat_row(_event())], out) == 1
    got = duckdb.connect().execute("SELECT id, fatalities FROM read_parquet(?)", [str(out)])
    assert got.fetchall() == [("e_1", 15)]


def test_names_and_actors_compare_like_acled() -> None:
    assert normalise_name("Sala al-Din") == normalise_name("Sala Al Din")
    assert normalise_name("Thi-Qar") == normalise_name("Thi Qar")
    assert same_actor("Military Forces of Iraq (2020-)", "Military Forces of Iraq (2014-2020)")
    assert same_actor(None, "") and not same_actor("Civilians (Iraq)", "")


def test_score_row_and_aggregate() -> None:
    gold = {"event_type": "Battles", "sub_event_type": "Armed clash", "event_date": "29-Aug-24",
            "time_precision": "1", "fatalities": "15", "country": "Iraq", "admin1": "Al Anbar",
            "admin2": "Ar-Rutba", "geo_precision": "1", "latitude": "33.0", "longitude": "40.9",
            "actor1": "Military Forces of Iraq (2020-)",
            "actor2": "Islamic State (Iraq)"}  # fmt: skip
    never = lambda a, b, c, level: False  # noqa: E731
    s = score_row(gold, event_row(_event()), never)
    assert s.event_type and s.sub_event_type and s.fatalities and s.event_date
    assert s.admin1 is True and s.within_25km is True
    elsewhere = score_row(
        {**gold, "admin1": "Ninewa", "latitude": "36.3"}, event_row(_event()), never
    )
    assert elsewhere.admin1 is False and elsewhere.within_25km is False
    missing = score_row(gold, None, never)
    metrics = aggregate([s, missing], seconds=1.0)
    assert metrics["coded_rate"] == 0.5 and metrics["event_type_accuracy"] == 0.5
    assert metrics["docs_per_second"] == 2.0


def test_macro_f1_counts_uncoded_as_wrong() -> None:
    assert macro_f1(["a", "b"], ["a", "b"]) == 1.0
    assert macro_f1(["a", "b"], ["a", None]) < 1.0
