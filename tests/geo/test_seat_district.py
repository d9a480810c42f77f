"""A district named after its seat stands in where the gazetteer has no district."""

from __future__ import annotations

from eventfuse.geo import Geocoder
from eventfuse.geo.store import PlaceRow


def _village(lat: float, lon: float, admin1: str | None) -> PlaceRow:
    return PlaceRow("u:test", "Small Village", "city", "Syria", "SY", admin1, None, lat, lon,
                    800, "test", None)  # fmt: skip


def test_a_village_takes_the_nearest_big_town_of_its_province(geo: Geocoder) -> None:
    # about 6 km north-west of Aleppo city, nearer to it than to any other town of 20,000
    row = _village(36.25, 37.12, "Halab")
    assert geo._seat_district(row, "Halab") == "Aleppo"


def test_no_district_when_no_big_town_is_near(geo: Geocoder) -> None:
    # the open desert of eastern Syria, far from any town of 20,000
    assert geo._seat_district(_village(34.9, 39.9, None), None) is None


def test_a_big_town_is_its_own_district(geo: Geocoder) -> None:
    cities = [c.place for c in geo.candidates("Aleppo", countries=["Syria"], limit=3)
              if c.place.feature == "city"]  # fmt: skip
    assert cities and cities[0].admin2 == "Aleppo"
