"""A quarter or district of a big city, written tied to the city.

Notes and news place events in a city's quarter: "in Beyoglu district of Istanbul",
"Besiktas, Istanbul", "Kabul's Shahr-e Naw", "Kadhimiya in Baghdad", "the Eastleigh area of
Nairobi", "Craiter district (Aden)". ACLED codes such an event to the quarter (its admin2 is
the quarter's district, not the city seat's). The ranking of ``locate`` prefers a town to an
admin2 area, so the city itself won; and a same-named village elsewhere in the province
("Kadikoy" in Silivri, 50 km out) could win over the city.

``quarter_rows`` reads the quarter's gazetteer entry that lies inside the city: same country,
same admin1, within ``QUARTER_KM`` of the city's point. Nothing else of that name is a
reading of the quarter: when the gazetteer has no such entry the city stays the place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from eventfuse.geo.adminmatch import loosely_same
from eventfuse.geo.geocoder import ALT_MATCH, POINT_FEATURES, haversine_km
from eventfuse.geo.normalize import norm_key
from eventfuse.geo.store import PlaceRow
from eventfuse.model import Toponym

# A city this big has quarters the news names it with (a town of 20,000 has none).
CITY_POPULATION = 100_000
# A quarter's point lies this close to the city's (Istanbul's Besiktas: 9 km, Sariyer: 20).
QUARTER_KM = 30.0
_PART = r"(?:district|sub-?district|area|neighbou?rhood|suburb|quarter|estate|township|slum)"
# Words between the quarter and the city: "X district of (the city of) City", "X in City",
# "X area in the capital, City", "X, City", "X (City".
_BEFORE_CITY = re.compile(
    rf"\s*(?:{_PART}\s+)?(?:of|in)\s+(?:the\s+)?(?:(?:city|capital)(?:\s+of|\s*,)?\s+)?$"
    r"|\s*,\s*$|\s*\(\s*$",
    re.IGNORECASE,
)
# Of these, the ones that say the city is meant (not a province of the same name).
_URBAN = re.compile(rf"{_PART}\s+(?:of|in)\b|\bcity\b|\bcapital\b|['’]s", re.IGNORECASE)
# "City's X"
_CITY_S = re.compile(r"['’]s\s+(?:the\s+)?$")
# rapidfuzz ratio a spelling variant needs to be read as a quarter
CLOSE_RATIO = 85
_GAP = 45  # characters at most between the two names
# The city's name written as its province's
_PROVINCE_AFTER = re.compile(
    r"\s+(?:(?:eastern|western|northern|southern)\s+)?"
    r"(?:countryside|province|governorate|region|state|county|oblast|rural)\b",
    re.IGNORECASE,
)


def tie(text: str, quarter: Toponym, city: Toponym) -> str | None:
    """The words tying ``quarter`` to ``city`` ("district of", ",", "'s"), or None when the
    text does not write them together, or writes the city's name as its province's ("in
    Aleppo countryside", "Idleb province"). A quarter written first comes with its last word
    when that says a city's part ("Kadikoy district" + " of "; not "Al Bab city")."""
    if _PROVINCE_AFTER.match(text, city.end):
        return None
    if quarter.start < city.start:
        gap = text[quarter.end : city.start]
        if len(gap) > _GAP or not _BEFORE_CITY.fullmatch(gap):
            return None
        tail = quarter.text.split()[-1]
        return tail + gap if re.fullmatch(_PART, tail, re.IGNORECASE) else gap
    gap = text[city.end : quarter.start]
    return gap if len(gap) <= _GAP and _CITY_S.fullmatch(gap) else None


def urban_tie(words: str) -> bool:
    """The tie says a city's part ("district of", "'s"), so the city, not a province of its
    name, is meant."""
    return bool(_URBAN.search(words))


def big_city(r: PlaceRow) -> bool:
    return r.feature == "city" and r.population >= CITY_POPULATION and r.lat is not None


def quarter_rows(
    name: str, rows: Sequence[tuple[PlaceRow, float]], city: PlaceRow
) -> list[PlaceRow]:
    """The readings of ``name`` that lie inside ``city``: its country and admin1, within
    QUARTER_KM; nearest first. Not the city itself. A spelling variant counts only when close
    ("Kadikoey" for Kadikoy): inside a city few names look alike."""
    here = (city.lat or 0.0, city.lon or 0.0)
    key = norm_key(name)
    out: list[tuple[float, PlaceRow]] = []
    for r, match in rows:
        if r.uid == city.uid or r.lat is None or r.lon is None:
            continue
        if match < ALT_MATCH and fuzz.ratio(norm_key(r.name), key) < CLOSE_RATIO:
            continue
        if r.feature not in ("city", "adm2") and r.feature not in POINT_FEATURES:
            continue
        if r.country != city.country or norm_key(r.name) == norm_key(city.name):
            continue
        if city.admin1 and not (r.admin1 and loosely_same(r.admin1, city.admin1)):
            continue
        km = haversine_km(here, (r.lat, r.lon))
        if km <= QUARTER_KM:
            out.append((km, r))
    out.sort(key=lambda kr: (kr[0], kr[1].uid))
    return [r for _, r in out]


def far_from(r: PlaceRow, city: PlaceRow) -> bool:
    """``r`` is no quarter of ``city``: elsewhere, or farther than QUARTER_KM."""
    if r.lat is None or r.lon is None or city.lat is None or city.lon is None:
        return True
    return haversine_km((r.lat, r.lon), (city.lat, city.lon)) > QUARTER_KM
