"""same_admin at admin2: a district named after its seat town, spelled two ways, is one
district; two districts of one province never are (invented and real names)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from eventfuse.geo import Geocoder
from eventfuse.geo.normalize import norm_key, skeleton
from eventfuse.geo.schema import SCHEMA
from eventfuse.geo.store import GazetteerStore

# (name, feature, admin1, admin2, population, gid, alternate names) in an invented country
_ROWS = [
    ("Kelbour", "city", "Nahr", None, 90000, "gn:1;unit=Qalbur;a2=Qalbur", ["Kalbur", "Kilbor"]),
    ("Zawiyat Dulm", "city", "Nahr", None, 4000, "gn:2;unit=Qalbur;a2=Qalbur", []),
    ("Marjan", "city", "Nahr", "Wadi Tin", 50000, "gn:3", []),
    ("Wadi Tin", "adm2", "Nahr", "Wadi Tin", 50000, "gn:4;seat=Marjan", []),
    ("Sahlat", "adm2", "Nahr", "Sahlat", 30000, "gn:5;seat=Sahlat", []),
    ("Sahlat", "city", "Nahr", "Sahlat", 30000, "gn:6", []),
    # GeoNames puts the town Dulmiya in its neighbour Wadi Tin; a Dulmiya district exists
    ("Dulmiya", "city", "Nahr", "Wadi Tin", 20000, "gn:7", []),
    ("Dulmiya", "adm2", "Nahr", "Dulmiya", 20000, "gn:8;seat=Dulmiya", []),
    # a namesake village in another province keeps its own district
    ("Dulmiya", "city", "Jabal", "Harat", 300, "gn:9", []),
]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    path = tmp_path_factory.mktemp("tiny") / "gaz.sqlite"
    db = sqlite3.connect(path)
    db.executescript(SCHEMA)
    for pid, (name, feat, a1, a2, pop, gid, alts) in enumerate(_ROWS, start=1):
        db.execute(
            "INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (pid, name, feat, "Lebanon", "LB", a1, a2, 33.0, 35.0, pop, "test", gid),
        )
        for key in {norm_key(n) for n in [name, *alts]}:
            db.execute("INSERT INTO name VALUES (?,?)", (key, pid))
            db.execute("INSERT OR IGNORE INTO skel VALUES (?,?)", (skeleton(key), key))
    db.commit()
    db.close()
    return Geocoder(GazetteerStore(path))


def test_district_spelled_like_its_seat_town(tiny: Geocoder) -> None:
    # the text's town "Kalbur" lies in district "Qalbur", a spelling of the same town's name
    assert tiny.same_admin("Kalbur", "Qalbur", country="Lebanon", level=2)
    assert tiny.same_admin("Qalbur", "Kelbour", country="Lebanon", level=2)


def test_town_in_a_district_named_after_another_town(tiny: Geocoder) -> None:
    # Marjan lies in Wadi Tin: the district is not named after it
    assert not tiny.same_admin("Marjan", "Wadi Tin", country="Lebanon", level=2)
    # a village of Qalbur district is not the district
    assert not tiny.same_admin("Zawiyat Dulm", "Qalbur", country="Lebanon", level=2)


def test_two_districts_of_one_province_stay_apart(tiny: Geocoder) -> None:
    assert not tiny.same_admin("Sahlat", "Qalbur", country="Lebanon", level=2)
    assert not tiny.same_admin("Qalbur", "Wadi Tin", country="Lebanon", level=2)


def test_seat_rule_needs_the_country(tiny: Geocoder) -> None:
    assert not tiny.same_admin("Kalbur", "Qalbur", country="Syria", level=2)
    assert not tiny.same_admin("Kalbur", "Qalbur", country="Lebanon", level=1)


@pytest.mark.parametrize(
    ("a", "b", "country"),
    [("Tyr", "Sour", "Lebanon"), ("Sour", "Tyre", "Lebanon"), ("Rashayya", "Rachaya", "Lebanon")],
)
def test_real_seat_spellings(geo: Geocoder, a: str, b: str, country: str) -> None:
    assert geo.same_admin(a, b, country=country, level=2)


@pytest.mark.parametrize(
    ("a", "b", "country"),
    [
        ("Sour", "Saida", "Lebanon"),
        ("Samarra", "Al-Daur", "Iraq"),  # Samarra lies in Al-Daur in GeoNames, not named so
        ("Najaf", "Kufa", "Iraq"),
        ("Probolinggo", "Kota Probolinggo", "Indonesia"),  # regency and city: two units
        ("Madison", "Orange", "United States"),
    ],
)
def test_real_different_districts(geo: Geocoder, a: str, b: str, country: str) -> None:
    assert not geo.same_admin(a, b, country=country, level=2)
    assert not geo.same_admin(b, a, country=country, level=2)


def _town(g: Geocoder, name: str, admin1: str) -> str | None:
    for c in g.candidates(name, countries=["Lebanon"]):
        if c.place.feature == "city" and c.place.admin1 == admin1:
            return c.place.admin2
    raise AssertionError(f"no town {name} in {admin1}")


def test_town_takes_the_district_named_after_it(tiny: Geocoder) -> None:
    assert _town(tiny, "Dulmiya", "Nahr") == "Dulmiya"
    assert _town(tiny, "Marjan", "Nahr") == "Wadi Tin"  # no Marjan district: GeoNames' stays
    assert _town(tiny, "Dulmiya", "Jabal") == "Harat"  # the district is in another province


def test_tiny_gazetteer_file_exists(tmp_path: Path) -> None:
    # the schema alone opens as a gazetteer with no places
    path = tmp_path / "empty.sqlite"
    sqlite3.connect(path).executescript(SCHEMA)
    assert GazetteerStore(path).by_key("tyr") == ()


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March, traders protested in Bafoussam town (Mifi, Ouest) over new market fees.",
        "On 3 March, traders protested in Bafoussam (Mifi, Ouest) over new market fees.",
    ],
)
def test_bracket_district_wins_over_the_gazetteers(geo: Geocoder, text: str) -> None:
    # the gazetteer's own district of the town differs: the coder's bracket is the reading
    own = _town_any(geo, "Bafoussam", "Cameroon")
    assert own is not None and not geo.same_admin(own, "Mifi", country="Cameroon", level=2)
    tops = geo.find(text)
    place = geo.locate(tops, tops, text=text)
    assert place is not None and place.name == "Bafoussam"
    assert place.admin2 == "Mifi"


def test_a_bracket_that_names_no_admin_pair_gives_no_district(geo: Geocoder) -> None:
    text = "On 3 March, traders protested in Bafoussam (3 shops closed) over new market fees."
    tops = geo.find(text)
    place = geo.locate(tops, tops, text=text)
    assert place is not None and place.admin2 == _town_any(geo, "Bafoussam", "Cameroon")


def _town_any(g: Geocoder, name: str, country: str) -> str | None:
    for c in g.candidates(name, countries=[country]):
        if c.place.feature == "city" and c.place.country == country:
            return c.place.admin2
    return None
