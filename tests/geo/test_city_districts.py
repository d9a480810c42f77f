"""A quarter or district written tied to a big city is the place, not the city (citypart)."""

from __future__ import annotations

import pytest

from eventfuse.geo import Geocoder, haversine_km
from eventfuse.geo.citypart import QUARTER_KM, quarter_rows, tie, urban_tie
from eventfuse.model import Place, Toponym


def _locate(geo: Geocoder, text: str, country: str) -> Place | None:
    tops = geo.find(text, country=country)
    return geo.locate(tops, tops, text=text, prior={country: 1.0})


def _top(text: str, name: str, nth: int = 0) -> Toponym:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Toponym(text=name, start=start, end=start + len(name))


@pytest.mark.parametrize(
    ("text", "quarter", "city", "urban"),
    [
        ("riots in Besiktas, Istanbul on Friday", "Besiktas", "Istanbul", False),
        ("a raid in Beyoglu district of Istanbul", "Beyoglu", "Istanbul", True),
        ("a blast in the Eastleigh area of Nairobi", "Eastleigh", "Nairobi", True),
        ("a bomb in Kadhimiya in Baghdad", "Kadhimiya", "Baghdad", False),
        ("fighting in Craiter (Aden)", "Craiter", "Aden", False),
        ("gunfire in Kabul's Shahr-e Naw", "Shahr-e Naw", "Kabul", True),
        ("shops in Sariyer district in the city of Istanbul", "Sariyer", "Istanbul", True),
    ],
)
def test_the_words_that_tie_a_quarter_to_its_city(
    text: str, quarter: str, city: str, urban: bool
) -> None:
    words = tie(text, _top(text, quarter), _top(text, city))
    assert words is not None
    assert urban_tie(words) is urban


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("protests in Mombasa and Nairobi", "Mombasa", "Nairobi"),
        ("police moved from Thika to Nairobi", "Thika", "Nairobi"),
        ("a clash in Garissa. In Nairobi, calm returned", "Garissa", "Nairobi"),
    ],
)
def test_no_tie_between_places_merely_listed(text: str, first: str, second: str) -> None:
    assert tie(text, _top(text, first), _top(text, second)) is None


def test_a_district_written_with_comma_and_city_is_the_place(geo: Geocoder) -> None:
    place = _locate(geo, "Police clashed with students in Besiktas, Istanbul on Monday.", "Turkey")
    assert place is not None
    assert place.admin1 == "Istanbul" and place.admin2 == "Besiktas"
    assert place.name == "Besiktas"  # the district's name, not its seat's
    assert place.geo_precision == 1  # a point in the city, not an admin area


def test_a_district_of_the_city_beats_the_city_seat(geo: Geocoder) -> None:
    place = _locate(geo, "A bomb went off in Uskudar district of Istanbul.", "Turkey")
    assert place is not None and place.admin2 == "Uskudar"
    assert place.latitude is not None and place.longitude is not None
    km = haversine_km((place.latitude, place.longitude), (41.01, 28.95))
    assert km <= QUARTER_KM


def test_city_possessive_reads_the_quarter(geo: Geocoder) -> None:
    place = _locate(geo, "Gunmen shot a shopkeeper in Istanbul's Sisli on Tuesday.", "Turkey")
    assert place is not None and place.admin2 == "Sisli"


def test_unknown_quarter_keeps_the_city(geo: Geocoder) -> None:
    # an invented quarter name: the gazetteer has nothing of it near the city
    place = _locate(geo, "A grenade hit a bus in Zorvakeli district of Istanbul.", "Turkey")
    assert place is not None and place.name == "Istanbul"


def test_a_namesake_far_from_the_city_is_not_the_quarter(geo: Geocoder) -> None:
    # Kadikoy of the text is Istanbul's; the gazetteer's only Istanbul-province Kadikoy is a
    # village 50 km out by Silivri, which "district of Istanbul" rules out
    place = _locate(geo, "Protesters gathered in Kadikoy district of Istanbul.", "Turkey")
    assert place is not None and place.name == "Istanbul"


def test_a_town_with_its_province_is_not_read_as_a_city_quarter(geo: Geocoder) -> None:
    # "X, Sao Paulo" names the state: the town 90 km from Sao Paulo city stays the place
    place = _locate(geo, "On 3 May, in Campinas, Sao Paulo, a motorcade took place.", "Brazil")
    assert place is not None and place.name == "Campinas"


def test_quarter_rows_keep_only_readings_inside_the_city(geo: Geocoder) -> None:
    city = next(
        r for r, _ in geo._rows("Istanbul") if r.feature == "city" and r.country == "Turkey"
    )
    inside = quarter_rows("Kadikoy", geo._rows("Kadikoy"), city)
    assert inside == []  # Kadikoys in Aydin, Yalova and far Silivri are no quarters
    besiktas = quarter_rows("Besiktas", geo._rows("Besiktas"), city)
    assert [r.name for r in besiktas] == ["Besiktas"]


@pytest.mark.parametrize(
    "text",
    [
        "a body was found in Kafr Batikh area in Aleppo countryside",
        "shelling hit Kafr Batikh in Idleb province",
    ],
)
def test_a_city_name_written_as_its_province_ties_nothing(text: str) -> None:
    city = "Aleppo" if "Aleppo" in text else "Idleb"
    assert tie(text, _top(text, "Kafr Batikh"), _top(text, city)) is None


def test_a_town_written_as_a_town_is_no_city_quarter() -> None:
    text = "a mine exploded in Al Bab city in Aleppo"
    words = tie(text, Toponym("Al Bab city", 19, 30), _top(text, "Aleppo"))
    assert words is not None and not urban_tie(words)


def test_a_town_far_from_the_city_stays_with_province_words(geo: Geocoder) -> None:
    # Al Bab lies 40 km from Aleppo city: no quarter of it, and "countryside" names the
    # governorate, so the town stays the place
    place = _locate(
        geo, "On 3 May, a body was found in Al Bab city in Aleppo countryside.", "Syria"
    )
    assert place is not None and place.name == "Al Bab"
