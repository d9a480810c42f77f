"""User additions: a GeoNames-format file and an ACLED-format CSV written here."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from eventfuse.errors import InputError
from eventfuse.geo import Geocoder, add_acled, add_geonames
from eventfuse.geo.store import GazetteerStore


def _gn(*cols: str) -> str:
    assert len(cols) == 19
    return "\t".join(cols) + "\n"


GEONAMES = (
    _gn(
        "900001",
        "Qaryat Zanbur",
        "Qaryat Zanbur",
        "Zanbour,Zanbur village",
        "34.1",
        "43.9",
        "P",
        "PPL",
        "IQ",
        "",
        "18",
        "",
        "",
        "",
        "350",
        "",
        "120",
        "Asia/Baghdad",
        "2024-01-01",
    )
    + _gn(
        "900002",
        "Jabal Khanuqa",
        "Jabal Khanuqa",
        "Khanuqa hills",
        "35.3",
        "43.3",
        "T",
        "MTS",
        "IQ",
        "",
        "18",
        "",
        "",
        "",
        "0",
        "",
        "300",
        "Asia/Baghdad",
        "2024-01-01",
    )
    + _gn(
        "900003",
        "Salah ad Din Governorate",
        "Salah ad Din Governorate",
        "",
        "34.5",
        "43.5",
        "A",
        "ADM1",
        "IQ",
        "",
        "18",
        "",
        "",
        "",
        "0",
        "",
        "0",
        "Asia/Baghdad",
        "2024-01-01",
    )
)


def _geocoder(packaged: Path, user: Path) -> Geocoder:
    return Geocoder(GazetteerStore(packaged, user))


def test_add_geonames_zip(tmp_path: Path, gazetteer_path: Path, user_db: Path) -> None:
    z = tmp_path / "IQ.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("IQ.txt", GEONAMES)
    assert add_geonames(z, user_path=user_db) == 3
    g = _geocoder(gazetteer_path, user_db)
    best = g.candidates("Zanbour", countries=["Iraq"])[0]
    assert best.place.name == "Qaryat Zanbur"
    assert best.source == "geonames:IQ.zip"
    assert best.place.admin1 == "Salah ad Din"
    text = "Troops cleared hideouts in the Khanuqa hills and in Zanbur village."
    place = g.locate(g.find(text), text=text)
    assert place is not None and place.name == "Qaryat Zanbur"


def test_add_geonames_rejects_bad_rows(tmp_path: Path, user_db: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("1\tonly\tthree\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.txt.*19 columns"):
        add_geonames(bad, user_path=user_db)


def test_add_acled_csv(tmp_path: Path, gazetteer_path: Path, user_db: Path) -> None:
    csv_path = tmp_path / "mine.csv"
    csv_path.write_text(
        "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision\n"
        "Iraq,Al Anbar,Ar Rutba,,Umm Quwaydir,33.05,40.81,1\n"
        "Iraq,Al Anbar,Ar Rutba,,Umm Quwaydir,33.05,40.81,1\n",
        encoding="utf-8",
    )
    assert add_acled(csv_path, user_path=user_db) == 1
    g = _geocoder(gazetteer_path, user_db)
    text = "A patrol was ambushed in Umm Quwaydir in Anbar."
    place = g.locate(g.find(text), text=text)
    assert place is not None and place.name == "Umm Quwaydir"
    assert place.admin2 == "Ar Rutba" and place.geo_precision == 1


def test_add_acled_rejects_other_csv(tmp_path: Path, user_db: Path) -> None:
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="not an ACLED CSV"):
        add_acled(other, user_path=user_db)
