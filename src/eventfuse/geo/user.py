"""User additions to the gazetteer: GeoNames dump files and ACLED CSV files a user owns.

Both go into the user gazetteer (``store.default_user_path()``), which ``Geocoder.default()``
reads beside the packaged one. Nothing is downloaded: the user gives the files.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from eventfuse.errors import InputError
from eventfuse.geo.build import Row, write_rows
from eventfuse.geo.normalize import ascii_name, is_latin, strip_generic_suffix
from eventfuse.geo.store import default_user_path, open_user_db

MAX_LINE = 100_000  # characters; a longer GeoNames line is not a GeoNames line
_KEEP_CLASSES = {"P", "A", "T", "H", "L", "S", "V"}
_FEATURE = {
    "ADM1": "adm1",
    "ADM2": "adm2",
    "MTS": "mountain_range",
    "MT": "mountain",
    "HLLS": "mountain_range",
    "HLL": "mountain",
    "WAD": "wadi",
    "WADS": "wadi",
    "DSRT": "desert",
    "RGN": "region",
    "AREA": "area",
    "VAL": "valley",
    "LK": "lake",
}


def _open_geonames(path: Path) -> Iterator[tuple[str, IO[str]]]:
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                if info.filename.endswith(".txt") and not info.filename.startswith("readme"):
                    with zf.open(info) as raw:
                        yield info.filename, io.TextIOWrapper(raw, encoding="utf-8")
    else:
        with path.open(encoding="utf-8") as fh:
            yield path.name, fh


def _country_names() -> dict[str, str]:
    from eventfuse.geo.build import _countries

    return _countries()[0]


def _admin_names(rows: list[list[str]]) -> dict[tuple[str, ...], str]:
    """(cc, admin1 code[, admin2 code]) -> name, from ADM1/ADM2 rows of the same file."""
    names: dict[tuple[str, ...], str] = {}
    for r in rows:
        if r[7] == "ADM1":
            names[(r[8], r[10])] = strip_generic_suffix(ascii_name(r[1]))
        elif r[7] == "ADM2":
            names[(r[8], r[10], r[11])] = strip_generic_suffix(ascii_name(r[1]))
    return names


def _alternate_names(path: Path | None) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    if path is None:
        return out
    for _, fh in _open_geonames(path):
        for line in fh:
            p = line.rstrip("\n").split("\t")
            if len(p) >= 4 and p[2] in ("", "en", "ar", "fr", "abbr") and is_latin(p[3]):
                out.setdefault(p[1], set()).add(p[3])
    return out


def read_geonames(path: Path, alternate: Path | None = None) -> list[Row]:
    """Rows of a GeoNames dump (19 tab-separated columns), as gazetteer rows."""
    parsed: list[list[str]] = []
    for fname, fh in _open_geonames(path):
        for n, line in enumerate(fh, start=1):
            if len(line) > MAX_LINE:
                raise InputError(f"{path}:{fname}:{n}", "line too long for a GeoNames record")
            p = line.rstrip("\n").split("\t")
            if len(p) != 19:
                raise InputError(f"{path}:{fname}:{n}", f"expected 19 columns, got {len(p)}")
            if p[6] in _KEEP_CLASSES:
                parsed.append(p)
    countries, admins, alts = _country_names(), _admin_names(parsed), _alternate_names(alternate)
    rows: list[Row] = []
    for p in parsed:
        try:
            lat, lon, pop = float(p[4]), float(p[5]), int(p[14] or 0)
        except ValueError as exc:
            raise InputError(f"{path}: geonameid {p[0]}", f"bad number ({exc})") from exc
        feat = "city" if p[6] == "P" else _FEATURE.get(p[7], p[7].lower() or "feature")
        cc = p[8]
        names = {p[1], p[2], *(a for a in p[3].split(",") if a and is_latin(a))}
        names |= alts.get(p[0], set())
        rows.append(
            Row(
                ascii_name(p[1]),
                feat,
                countries.get(cc, cc),
                cc,
                admins.get((cc, p[10])),
                admins.get((cc, p[10], p[11])),
                lat,
                lon,
                pop,
                f"geonames:{path.name}",
                f"gn:{p[0]}",
                names,
            )
        )
    return rows


def read_acled(path: Path) -> list[Row]:
    """One gazetteer row per distinct (country, admin1, admin2, location) of an ACLED CSV."""
    need = {"country", "admin1", "admin2", "location", "latitude", "longitude"}
    seen: dict[tuple[str, str, str, str], Row] = {}
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = need - set(reader.fieldnames or [])
            if missing:
                raise InputError(str(path), f"not an ACLED CSV: missing {sorted(missing)}")
            for n, r in enumerate(reader, start=2):
                key = (r["country"], r["admin1"], r["admin2"], r["location"])
                if key in seen or not r["location"]:
                    continue
                try:
                    lat, lon = float(r["latitude"]), float(r["longitude"])
                except ValueError as exc:
                    raise InputError(f"{path}:{n}", f"bad latitude/longitude ({exc})") from exc
                feat = "city" if r.get("geo_precision", "1") in ("1", "") else "area"
                seen[key] = Row(
                    r["location"],
                    feat,
                    r["country"] or None,
                    None,
                    r["admin1"] or None,
                    r["admin2"] or None,
                    lat,
                    lon,
                    0,
                    f"acled:{path.name}",
                    f"acled:{path.name}:{n}",
                    {r["location"]},
                )
    except OSError as exc:
        raise InputError(str(path), f"cannot read ({exc})") from exc
    return list(seen.values())


def _store(rows: list[Row], user_path: Path | None) -> int:
    path = user_path or default_user_path()
    db = open_user_db(path, create=True)
    assert db is not None
    with db:
        nxt = int(db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM place").fetchone()[0])
        write_rows(db, rows, nxt)
    db.close()
    from eventfuse.geo.geocoder import Geocoder

    Geocoder.reset_default()
    return len(rows)


def add_geonames(
    path: str | Path, *, alternate_names: str | Path | None = None, user_path: Path | None = None
) -> int:
    """Add a GeoNames dump (zip or txt) to the user gazetteer; returns the rows added."""
    p = Path(path)
    if not p.exists():
        raise InputError(str(p), "no such file")
    alt = Path(alternate_names) if alternate_names else None
    return _store(read_geonames(p, alt), user_path)


def add_acled(path: str | Path, *, user_path: Path | None = None) -> int:
    """Add the locations of an ACLED CSV to the user gazetteer; returns the rows added."""
    p = Path(path)
    if not p.exists():
        raise InputError(str(p), "no such file")
    return _store(read_acled(p), user_path)
