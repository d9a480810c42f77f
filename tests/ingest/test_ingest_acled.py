"""ACLED CSV: one Article per row, notes as text, the coding as gold."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from eventfuse.errors import InputError
from eventfuse.ingest import article_id, read_acled_csv, read_paths
from eventfuse.model import Article

COLUMNS = [
    "data_id",
    "iso",
    "event_id_cnty",
    "event_id_no_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "timestamp",
    "iso3",
]

NOTE = "On 2 May 2020, unidentified gunmen shot dead a shopkeeper in Tobora town (Eastland)."
LABELLED = "Property destruction: On 3 May 2020, rioters set fire to a clinic in Ferro village."


def _row(event_id: str, notes: str, **extra: str) -> dict[str, str]:
    row = dict.fromkeys(COLUMNS, "")
    row.update(
        data_id="1",
        event_id_cnty=event_id,
        event_date="2-May-20",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        country="Eastland",
        location="Tobora",
        source="Tobora Times",
        notes=notes,
        fatalities="1",
        timestamp="1588636800",  # 2020-05-05 00:00 UTC
    )
    row.update(extra)
    return row


def _write(path: Path, rows: list[dict[str, str]], columns: list[str] = COLUMNS) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_rows_become_articles_with_gold(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "acled.csv",
        [
            _row("EST1", NOTE),
            _row("EST2", LABELLED, event_type="Riots", timestamp="1588723199"),
            _row("EST3", NOTE),  # same notes, another event: still its own article
            _row("EST4", "   "),
        ],
    )
    items = list(read_acled_csv(path))
    arts = [i for i in items if isinstance(i, Article)]
    assert len(arts) == 3
    first, labelled, twin = arts
    assert first.text == NOTE
    assert labelled.text == LABELLED  # the label is kept; the extractor deals with it
    assert first.outlet == "Tobora Times"
    assert first.published == date(2020, 5, 5)  # from timestamp, not event_date
    assert labelled.published == date(2020, 5, 5)  # 23:59:59 UTC is still the 5th
    assert first.gold is not None and first.gold["event_type"] == "Violence against civilians"
    assert first.gold["event_date"] == "2-May-20" and set(first.gold) == set(COLUMNS)
    assert (first.title, first.url, first.source_path) == (None, None, str(path))
    assert first.id != twin.id and first.text == twin.text
    assert first.id != article_id(NOTE)  # the event id is part of the hash
    [error] = [i for i in items if isinstance(i, InputError)]
    assert str(error) == f"{path}:row 4: empty notes"


def test_extra_columns_and_upper_case_header(tmp_path: Path) -> None:
    columns = [c.upper() for c in COLUMNS]
    columns.insert(19, "COUNTYCODE")
    row = {k.upper(): v for k, v in _row("EST9", NOTE).items()} | {"COUNTYCODE": "7"}
    path = _write(tmp_path / "wide.csv", [row], columns)
    [article] = list(read_paths([path]))
    assert isinstance(article, Article)
    assert article.gold is not None and article.gold["countycode"] == "7"
    assert article.gold["notes"] == NOTE


def test_ragged_row_and_missing_timestamp(tmp_path: Path) -> None:
    path = tmp_path / "ragged.csv"
    _write(path, [_row("EST5", NOTE, timestamp="")])
    with path.open("a", encoding="utf-8") as fh:
        fh.write("only,three,fields\n")
    items = list(read_acled_csv(path))
    assert isinstance(items[0], Article) and items[0].published is None
    assert isinstance(items[1], InputError)
    assert str(items[1]) == f"{path}:row 2: expected 31 fields, found 3"


def test_invalid_utf8_in_csv_is_reported(tmp_path: Path) -> None:
    path = _write(tmp_path / "bad.csv", [_row("EST6", NOTE)])
    with path.open("ab") as fh:
        fh.write(b"2,,EST7,,2-May-20,,,Riots,,,,,,,,,,,,,,,,,,,,caf\xe9 burned,0,,\n")
    items = list(read_acled_csv(path))
    assert isinstance(items[0], Article)
    assert isinstance(items[-1], InputError) and "invalid UTF-8" in items[-1].problem


@pytest.mark.shared
def test_real_acled_file_every_row_accounted_for(acled_dir: Path) -> None:
    path = acled_dir / "acled_afghanistan_2020-03.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        n_rows = sum(1 for _ in csv.DictReader(fh))
    items = list(read_acled_csv(path))
    assert len(items) == n_rows
    arts = [i for i in items if isinstance(i, Article)]
    assert arts and all(a.gold and a.gold["event_type"] for a in arts)
    assert len({a.id for a in arts}) == len(arts)
    assert all(a.published is not None and a.published.year == 2020 for a in arts)


@pytest.mark.shared
def test_real_kenya_file_with_countycode(acled_dir: Path) -> None:
    path = acled_dir / "acled_kenya_1997-2019.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    items = list(read_acled_csv(path))
    assert len(items) == len(rows)
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == sum(1 for r in rows if not r["notes"].strip())
    assert all(e.problem == "empty notes" for e in errors)
    first = items[0]
    assert isinstance(first, Article) and first.gold is not None
    assert "countycode" in first.gold and first.gold["event_type"] == rows[0]["event_type"]
