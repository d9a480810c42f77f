"""The CLI on real inputs: idempotent runs, bad files, every output format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventfuse.cli.main import cli

pytestmark = pytest.mark.slow


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_run_twice_changes_nothing(examples_dir: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "ex.duckdb")
    code, _, _ = _run("run", str(examples_dir), "--db", db, "--quiet")
    assert code == 0
    _, first, _ = _run("events", "--db", db, "--format", "json")
    code, out, _ = _run("run", str(examples_dir), "--db", db, "--quiet")
    assert code == 0
    assert "0 article(s) stored" in out
    _, second, _ = _run("events", "--db", db, "--format", "json")
    assert json.loads(first) == json.loads(second)
    assert len(json.loads(first)) >= 2


def test_bad_inputs_are_reported_and_good_ones_stored(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "empty.txt").write_text("")
    (inbox / "binary.txt").write_bytes(b"\x00\x01\x02\x03PK\x00\x00" * 50)
    (inbox / "truncated.html").write_text("<html><head><title>x</title></head><bo")
    (inbox / "latin1.txt").write_bytes(
        "Gunmen killed two villagers in Garissa on 3 May 2020. Caf\xe9".encode("latin-1")
    )
    (inbox / "good.txt").write_text(
        "Militants killed three soldiers in an ambush near Mandera town on 4 May 2020, police said."
    )
    db = str(tmp_path / "bad.duckdb")
    code, _, err = _run("run", str(inbox), "--db", db, "--quiet")
    assert code == 1
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    for name in ("empty.txt", "binary.txt", "truncated.html", "latin1.txt"):
        assert sum(name in line for line in lines) == 1, (name, lines)
    assert not any("good.txt" in line for line in lines)
    code, out, _ = _run("events", "--db", db, "--format", "json")
    assert code == 0
    assert any(r["fatalities"] == 3 for r in json.loads(out))


def test_formats_and_show(examples_dir: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "fmt.duckdb")
    _run("run", str(examples_dir), "--db", db, "--quiet")
    _, out, _ = _run("events", "--db", db, "--format", "json")
    rows = json.loads(out)
    required = {"event_date", "event_type", "sub_event_type", "actor1", "actor2", "country",
                "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
                "time_precision", "fatalities", "notes", "id", "fatalities_low",
                "fatalities_high", "injured", "arrested", "sources", "n_sources"}  # fmt: skip
    assert required <= set(rows[0])
    _, geo, _ = _run("events", "--db", db, "--format", "geojson")
    assert json.loads(geo)["type"] == "FeatureCollection"
    _, acled, _ = _run("events", "--db", db, "--format", "acled")
    assert acled.splitlines()[0].startswith("event_id_cnty,event_date")
    _, ucdp, _ = _run("events", "--db", db, "--format", "ucdp")
    assert "best" in ucdp.splitlines()[0]
    code, shown, _ = _run("show", rows[0]["id"], "--db", db)
    assert code == 0 and "claims" in shown
    code, _, err = _run("show", "e_nonexistent", "--db", db)
    assert code == 3 and "no event" in err


def test_the_bundled_anbar_reports_fuse_into_one_event(examples_dir: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "anbar.duckdb")
    _run("run", str(examples_dir), "--db", db, "--quiet")
    _, out, _ = _run("events", "--db", db, "--format", "json", "--country", "Iraq")
    raids = [r for r in json.loads(out) if r["event_date"] == "2024-08-29"]
    assert len(raids) == 1
    raid = raids[0]
    assert raid["n_sources"] == 2 and raid["fatalities"] == 15
    assert raid["injured"] == 7 and raid["arrested"] == 2
    assert "Anbar" in raid["admin1"]
    _, by_admin1, _ = _run("events", "--db", db, "--format", "json", "--admin1", "anbar")
    assert [r["id"] for r in json.loads(by_admin1)] == [raid["id"]]
