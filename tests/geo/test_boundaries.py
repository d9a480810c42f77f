"""Build-time admin2 by point in polygon, admin-name cleaning, and two locate rules."""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path

import pytest

from eventfuse.geo import Geocoder
from eventfuse.geo.boundaries import _rings, units_by_polygon
from eventfuse.geo.normalize import clean_admin_name


def _poly(order: str, rings: list[list[tuple[float, float]]], kind: int = 3) -> bytes:
    flag = b"\x01" if order == "<" else b"\x00"
    out = flag + struct.pack(order + "II", kind, len(rings))
    for ring in rings:
        out += struct.pack(order + "I", len(ring))
        out += b"".join(struct.pack(order + "dd", x, y) for x, y in ring)
    return out


SQUARE = [(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0), (0.0, 0.0)]
HOLE = [(1.0, 1.0), (2.0, 1.0), (2.0, 2.0), (1.0, 2.0), (1.0, 1.0)]
FAR = [(10.0, 10.0), (12.0, 10.0), (12.0, 12.0), (10.0, 12.0), (10.0, 10.0)]


@pytest.fixture()
def data_db(tmp_path: Path) -> Path:
    path = tmp_path / "data.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE location_data (name TEXT, shape_id TEXT, coordinates BLOB)")
    multi = b"\x00" + struct.pack(">II", 6, 1) + _poly(">", [FAR])
    db.execute(
        "INSERT INTO location_data VALUES ('Ringland', 'a', ?)", (_poly("<", [SQUARE, HOLE]),)
    )
    db.execute("INSERT INTO location_data VALUES ('Farland', 'b', ?)", (multi,))
    db.commit()
    db.close()
    return path


def test_wkb_polygon_and_multipolygon_both_byte_orders() -> None:
    assert [len(r) for r in _rings(_poly("<", [SQUARE, HOLE]))[0]] == [5, 5]
    multi = b"\x00" + struct.pack(">II", 6, 1) + _poly(">", [FAR])
    assert _rings(multi)[0][0][2].tolist() == [12.0, 12.0]


def test_point_in_polygon_respects_holes_and_misses(data_db: Path) -> None:
    # points are (lat, lon); the polygons are (lon, lat)
    got = units_by_polygon(data_db, [(3.0, 3.0), (1.5, 1.5), (11.0, 11.5), (20.0, 20.0)])
    assert [u[0] if u else None for u in got] == ["Ringland", None, "Farland", None]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Caza de Saida", "Saida"),
        ("Shahrestan-e Sirjan", "Sirjan"),
        ("Akcakale Ilcesi", "Akcakale"),
        ("Partido de La Plata", "La Plata"),
        ("Al-Shirqat District", "Al-Shirqat"),
        ("El_Noyseep", "El Noyseep"),
        ("District of Columbia", "District of Columbia"),
        ("Lamu West", "Lamu West"),
    ],
)
def test_clean_admin_name(raw: str, clean: str) -> None:
    assert clean_admin_name(raw) == clean


def test_people_named_do_not_beat_the_country_named() -> None:
    g = Geocoder.default()
    text = "For the second time, Nigerians living in Kenya protest alleged police harassment."
    place = g.locate(g.find(text), g.find(text), text=text)
    assert place is not None and place.country == "Kenya"


def test_sentence_initial_alias_is_no_place() -> None:
    g = Geocoder.default()
    text = "Mob lynches man who had allegedly attacked another resident."
    assert [t.text for t in g.find(text)] == []


def test_packaged_gazetteer_gives_districts_from_polygons() -> None:
    g = Geocoder.default()
    text = "On 2 May, shelling was reported in Aleppo city."
    place = g.locate(g.find(text), g.find(text), text=text)
    assert place is not None and place.country == "Syria"
    assert place.admin2 is not None
