"""Choosing the event's place among the toponyms of its sentence(s).

1. Context: the countries the text names (places, demonyms, ``country_hint``), the admin areas
   it names, and the positions of the other places in it.
2. Each event toponym is scored (see ``geocoder``); an ACLED-style bracket after a name,
   "X (Admin2, Admin1)", constrains X (so does "X, Admin1" when Admin1 is a known admin1);
   names inside such a bracket are admin areas. A reading outside the admin1 the note itself
   writes after the name is demoted below that admin1.
3. Datelines, bylines and places named only as where something was said are skipped.
4. With no event toponym, the first sentence's places stand in when no later sentence
   names a place (an ACLED note); initials ("J&K") and month abbreviations are no places.
5. The most specific resolved place wins: a town, then a point feature (wadi, mountain, area),
   then a wide feature (range, desert, region), then admin2, admin1, country; ties go to the
   earliest mention.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from eventfuse.geo.citypart import big_city, far_from, quarter_rows, tie, urban_tie
from eventfuse.geo.cues import ADMIN_UNIT_WORDS, alternation
from eventfuse.geo.evidence import DOMINANT, admin1_countries, weak_mention
from eventfuse.geo.geocoder import (
    _ADMIN_WORDS,
    POINT_FEATURES,
    SKIP_RELATIONS,
    WIDE_FEATURES,
    _Context,
    haversine_km,
)
from eventfuse.geo.national import capital_place
from eventfuse.geo.normalize import clean_admin_name, norm_key, strip_generic_suffix, tokens
from eventfuse.geo.region import regional_order
from eventfuse.geo.store import ADMIN_FEATURES, PlaceRow
from eventfuse.model import Place, Toponym

if TYPE_CHECKING:
    from eventfuse.geo.geocoder import Geocoder

# "X (Admin2, Admin1)", also after a word saying what X is ("Bafoussam town (Mifi, Ouest)")
_BRACKET = re.compile(
    r"\s*(?:(?:town|city|village|district|county|area|camp|neighbou?rhood)\s*)?"
    r"\(([^()\n]{1,100})\)"
)
# "X, Admin1" as ACLED writes it ("in Belford Roxo, Rio de Janeiro, ..."): the words after
# the comma, up to punctuation or a generic admin word, are checked against the gazetteer.
_COMMA_ADMIN = re.compile(
    r",\s*([A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|de|do|da|del|and|el|al))*)"
    r"(?:\s+(?:state|province|department|region|governorate|county|oblast))?(?=[\s,.;:()]|$)"
)
# An admin-unit word and a comma right before a name: "... Chimtal district, Balkh".
_UNIT_COMMA = re.compile(
    r"\b(?:" + alternation((*ADMIN_UNIT_WORDS, "sub-county", "commune")) + r")\s*,\s*",
    re.IGNORECASE,
)
_DISTRICT_COMMA = re.compile(
    r"\b((?:al-|el-)?[A-Z][\w'’-]*(?:\s+(?:al-|el-)?[A-Z][\w'’-]*){0,3})\s+"
    r"(?:district|county)\s*,\s*"
)
# (rank, mention index, reading, toponym): the smallest wins
_Pick = tuple[float, int, PlaceRow, Toponym]
# Rank added to a ``Locator._neighbour`` reading: it loses to any other place, country too.
ABROAD = 10.0
# ... and lies this close to the text's country (its seat): Tyre for a note about Palestine,
# not Mina in the Philippines for a note from Lebanon that names "el Mina".
NEIGHBOUR_KM = 800.0
VOUCH_KM = 100.0
MIN_SCORE = 0.0
# Similarity (rapidfuzz ratio) a spelling variant needs when the text supports no country.
CLOSE_RATIO = 80
# Rank added to a reading outside every admin1 the text names in its country: it loses to
# any town inside, and when the admin1 is written as where ("in Helmand", "Nahri Saraj
# district, Helmand", "Helmand province") to that admin1 itself (rank 4), so "Haidarabad
# area ..., Helmand" is never Hyderabad, Pakistan.
OUTSIDE_NAMED = 2.5
OUTSIDE_ADMIN1 = 4.5
_MONTHS = frozenset("jan feb mar apr may jun jul aug sep sept oct nov dec".split())  # noqa: SIM905
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
# A place outside the text's decided country is still a reading when the text names no
# place inside it: a city this big, with its admin1 written after it ("Medellin, Antioquia"
# in a note about Venezuelan migrants).
FOREIGN_CITY_POPULATION = 100_000


# A town in a list: "Kiambu, Thika, Gatundu and Limuru" (see ``Locator._comma_city``)
_LIST_BEFORE = re.compile(r"(?:,|\band)\s*(?:the\s+)?$")
_LIST_AFTER = re.compile(r"\s*(?:,|\band\b)\s*([A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?)")


def _desk_country(prior: Mapping[str, float] | None, main: str | None) -> str | None:
    """The text's country when the collection it came with is mostly about it (a share of
    DOMINANT or more: a country desk's file), else None."""
    if not prior or main is None:
        return None
    return main if prior.get(main, 0.0) >= DOMINANT else None


def _rank(r: PlaceRow) -> int:
    if r.feature == "city" or r.feature == "town":
        return 0
    if r.feature in POINT_FEATURES:
        return 1
    if r.feature in WIDE_FEATURES or r.source == "curated":
        return 2
    return {"adm2": 3, "adm1": 4, "country": 5}.get(r.feature, 2)


def _town_over_namesake_admin(
    t: Toponym, scored: list[tuple[PlaceRow, float]]
) -> list[tuple[PlaceRow, float]]:
    """ "in Kirkuk" is the town, not the province of the same name, unless the words say
    "province"/"district" (ACLED codes such mentions to the town with precision 1)."""
    if not scored or scored[0][0].feature not in ADMIN_FEATURES:
        return scored
    if set(tokens(t.text)) & _ADMIN_WORDS:
        return scored
    top = scored[0]
    for r, sc in scored[1:]:
        if (
            r.feature == "city"
            and r.country == top[0].country
            and sc > top[1] - 1.0
            and r.admin1 == top[0].admin1
        ):
            return [(r, top[1]), *[rs for rs in scored if rs[0] is not r]]
    return scored


def _well_known(rows: Sequence[PlaceRow]) -> bool:
    """The name as written is a big city's or an admin1 area's: nobody writing it means a
    place merely spelt like it."""
    return any(
        r.feature == "adm1" or (r.feature == "city" and r.population >= FOREIGN_CITY_POPULATION)
        for r in rows
    )


def _firm_at_home(r: PlaceRow, ctx: _Context) -> set[str]:
    """The firmly named admin1 areas in ``r``'s country or the text's: with no country
    decided, "(Banfora, Comoe)" names Comoe in Burkina Faso, not the admin1 of Ivory Coast."""
    home = {r.country, ctx.main} - {None}
    return {a for a in ctx.admin1_firm if ctx.admin1_country.get(a) in home}


def _demonym(t: Toponym, r: PlaceRow) -> bool:
    """A country mention by a people's name ("Nigerians"), not by the country's name."""
    key = norm_key(t.text)
    return key != norm_key(r.name) and not norm_key(r.name).startswith(key)


def _km(r: PlaceRow, point: tuple[float, float]) -> float:
    return haversine_km((r.lat or 0.0, r.lon or 0.0), point) if r.lat is not None else math.inf


def _near_the_others(r: PlaceRow, points: Sequence[tuple[float, float]]) -> bool:
    """``r`` lies within VOUCH_KM of another place the text names (or the text has none):
    "Shehpur area of Ahmedabad city" is not a Shahpur 200 km away in the same state."""
    if r.lat is None or r.lon is None:
        return False
    others = [d for p in points if (d := _km(r, p)) > 0.5]  # > 0.5: not its own position
    return not others or min(others) <= VOUCH_KM


class Locator:
    """One ``locate`` call: holds the text and the geocoder."""

    def __init__(self, geocoder: Geocoder, text: str, *, report: bool = True) -> None:
        self.g = geocoder
        self.text = text
        # every toponym's candidates as Places, for ``geocode``; ``locate`` needs only the pick
        self.report = report
        self._abroad: set[str] = set()  # readings let in by ``_neighbour``
        # quarters read inside a big city (see ``citypart``) -> the city's reading and name
        self._quarter_city: dict[Toponym, tuple[PlaceRow, Toponym]] = {}
        # the country most of the collection is about, when it is (``run``'s prior)
        self._desk: str | None = None
        self._refused: set[Toponym] = set()  # toponyms whose reading abroad was refused
        self._names: list[Toponym] = []  # every toponym of the text (``run``)

    def _on_text(self, t: Toponym) -> bool:
        return bool(self.text) and self.text[t.start : t.end] == t.text

    def bracket_after(self, t: Toponym) -> tuple[str | None, str | None] | None:
        """(admin2, admin1) from "X (Admin2, Admin1)" right after ``t``, or (None, admin1)
        from "X, Admin1" when those words name an admin1 area."""
        if not self._on_text(t):
            return None
        m = _BRACKET.match(self.text, t.end)
        if not m:
            return self._comma_admin(t)
        parts = [p.strip() for p in m.group(1).split(",") if p.strip()]
        if not parts or len(parts) > 3 or any(len(p) > 40 for p in parts):
            return None
        return (parts[-2] if len(parts) >= 2 else None, parts[-1])

    def _comma_admin(self, t: Toponym) -> tuple[str | None, str | None] | None:
        m = _COMMA_ADMIN.match(self.text, t.end)
        if not m or len(m.group(1)) > 40 or self.bracket_role(t):
            return None
        name = m.group(1)
        if self.g.country_of(name) or not self.g.admin1_of(name):
            return None
        return (None, name)

    def bracket_role(self, t: Toponym) -> str | None:
        """ "adm1" or "adm2" when ``t`` sits inside such a bracket."""
        if not self._on_text(t):
            return None
        opened = self.text.rfind("(", max(0, t.start - 80), t.start)
        if opened < 0 or ")" in self.text[opened : t.start]:
            return None
        close = self.text.find(")", t.end)
        if close < 0 or close - opened > 100:
            return None
        return "adm1" if "," not in self.text[t.end : close] else "adm2"

    def comma_role(self, t: Toponym) -> str | None:
        """ "adm1" for the province of "Chimtal district, Balkh" / "Tonj North county,
        Warrap": a name right after a comma that follows an admin-unit name is that
        admin1 area (the province's namesake town is no reading)."""
        if not self._on_text(t):
            return None
        ms = list(_UNIT_COMMA.finditer(self.text, max(0, t.start - 40), t.start))
        if not ms or ms[-1].end() != t.start or not self.g.admin1_of(t.text):
            return None
        return "adm1"

    def run(
        self,
        event_toponyms: Sequence[Toponym],
        context_toponyms: Sequence[Toponym],
        hint: str | None,
        prior: Mapping[str, float] | None = None,
        *,
        region_prior: Mapping[str, Mapping[str, float]] | None = None,
    ) -> dict[str, object]:
        # nothing of an earlier ``run`` carries over
        self._refused = set()
        self._desk = None
        self._names = []
        if not event_toponyms:
            home = hint is not None or any(v >= DOMINANT for v in (prior or {}).values())
            event_toponyms = self._lede_places(context_toponyms, variants=home)
        every = list(dict.fromkeys([*event_toponyms, *context_toponyms]))
        self._names = every
        usable = [t for t in every if t.relation not in SKIP_RELATIONS]
        ctx = self.g._context(usable, self.text, hint, prior)
        self._desk = _desk_country(prior, ctx.main)
        ctx.region_prior = region_prior or {}
        ctx.points = self._points(usable, ctx)
        report: list[dict[str, object]] = []
        picks: list[_Pick] = []
        spare: list[_Pick] = []  # skipped, used when alone
        for i, t in enumerate(event_toponyms):
            scored = self._score(t, ctx)
            skipped = t.relation in SKIP_RELATIONS or self.g.is_statement_place(self.text, t)
            if self.report:
                report.append(self._report(t, scored, skipped))
            if scored and scored[0][1] > MIN_SCORE:
                rank = _rank(scored[0][0]) + self._doubt(t, scored[0][0], ctx)
                if self.bracket_role(t) == scored[0][0].feature:
                    rank -= 0.1  # the coder's own "(Admin2, Admin1)" wins a tie
                if scored[0][0].feature == "country" and _demonym(t, scored[0][0]):
                    rank += 0.5  # "Nigerians living in Kenya": the country named wins
                (spare if skipped else picks).append((rank, i, scored[0][0], t))
        picks = self._city_parts(picks, usable)
        picks = picks or [p for p in spare if p[3].relation != "dateline"] or spare
        chosen: Place | None = None
        if picks:
            _, _, row, t = min(picks, key=lambda p: (p[0], p[1]))
            chosen = self._with_bracket_admin2(self.g._place(row, t.text, t.relation), t)
            chosen = self._quarter_precision(chosen, row, t)
        elif self._desk and any(t in self._refused for t in event_toponyms):
            # nothing at home bears an event place's name, and its town abroad is refused:
            # the country itself, at its coarse precision (the extractor keeps the name as
            # written). A context-only name refused abroad says nothing of the event's place.
            chosen = self.g.country_place(self._desk)
        chosen = capital_place(self.g, ctx.main, every, chosen, self.text) or chosen
        return {"toponyms": report, "chosen": chosen}

    def _city_parts(self, picks: list[_Pick], toponyms: Sequence[Toponym]) -> list[_Pick]:
        """A big city's reading gives way to a quarter the text ties to it ("Besiktas,
        Istanbul", "Beyoglu district of Istanbul"): the quarter's entry inside the city takes
        the city's rank. A reading of the quarter's name outside the city is dropped (see
        ``citypart``) when the words say a city's part ("district of", "'s") or the quarter
        was found inside it; "Campinas, Sao Paulo" names the state, not the city."""
        out = list(picks)
        drop: list[tuple[Toponym, PlaceRow]] = []  # (quarter, city): far readings to drop
        for k, (rank, i, row, t) in enumerate(picks):
            if not big_city(row) or not self._on_text(t):
                continue
            for x in toponyms:
                words = tie(self.text, x, t) if x is not t and self._on_text(x) else None
                if words is None:
                    continue
                inside = quarter_rows(x.text, self.g._rows(x.text), row)
                if inside:
                    out[k] = (rank, i, inside[0], x)
                    self._quarter_city[x] = (row, t)
                if inside or urban_tie(words) or self._comma_city(x, t, words, row):
                    drop.append((x, row))
                break
        for x, city in drop:
            out = [p for p in out if p[3] != x or not far_from(p[2], city)]
        return out

    def _comma_city(self, x: Toponym, t: Toponym, words: str, city: PlaceRow) -> bool:
        """ "Diliman, Quezon City", "Ermita, Manila": a name tied by a comma to a city whose
        name is no admin1's of its country is a part of that city or near it, never a namesake
        village in another province. Not "Campinas, Sao Paulo" (the state may be meant), not a
        list of towns ("the towns of Kiambu, Thika, Gatundu") and not a bracket."""
        if words.strip() != "," or _LIST_BEFORE.search(self.text, max(0, x.start - 30), x.start):
            return False
        if _well_known(self.g.store.by_key(norm_key(x.text))):
            return False  # "Nakuru, Kikuyu, Nyeri": a big town is no quarter of another
        after = _LIST_AFTER.match(self.text, t.end)
        if after and not any(
            r.feature in ("adm1", "adm2") for r in self.g.store.by_key(norm_key(after.group(1)))
        ):
            return False
        return not any(
            r.feature == "adm1" and r.country == city.country
            for r in self.g.store.by_key(norm_key(t.text))
        )

    def _quarter_precision(self, place: Place, row: PlaceRow, t: Toponym) -> Place:
        """A quarter read as its district (adm2) is a point in the city: the city's
        precision, not an admin area's, and its own name, not its seat's."""
        if t not in self._quarter_city or row.feature != "adm2":
            return place
        city, ct = self._quarter_city[t]
        prec = self.g._precision(city, t.relation or ct.relation)
        return replace(place, name=row.name, geo_precision=prec)

    def _lede_places(self, context: Sequence[Toponym], *, variants: bool) -> list[Toponym]:
        """No place in the event's own sentences: the places of the text's first sentence
        stand in when that sentence is all the text has to say about places (an ACLED note,
        "On 8 May, shelling was reported in Hadba (Tripoli)"); a report whose later
        sentences name other places may be telling of another event. ``variants``: the
        country is given (a hint, or most of the collection), so a spelling variant, which
        was looked for in that country, stands in too ("Mombassa")."""
        m = _SENTENCE_END.search(self.text)
        end = m.end() if m else len(self.text)
        lede = [t for t in context if self._on_text(t) and t.start < end]
        later = [t for t in context if self._on_text(t) and t.start >= end]
        if later:
            return []
        if variants:
            return lede
        # only names the gazetteer has as written: a spelling variant found abroad
        # ("Gatundu" -> Juliaca) is no stand-in
        return [t for t in lede if self.g.store.by_key(norm_key(t.text))]

    def _doubt(self, t: Toponym, r: PlaceRow, ctx: _Context) -> float:
        """Demote a reading that only a spelling variant supports (2.5: it loses to any exact
        town, point or wide feature, not to an admin area), and one outside every admin1 the
        text names in its country (``OUTSIDE_ADMIN1``: it loses to that admin1)."""
        doubt = ABROAD if r.uid in self._abroad else 0.0
        exact = any(x.feature != "country" for x in self.g.store.by_key(norm_key(t.text)))
        if not exact and r.feature not in ADMIN_FEATURES and not self._vouched(t, r, ctx):
            doubt += 2.5
        hint = self.bracket_after(t)
        if hint and hint[1] and r.feature not in ("adm1", "country") and r.country:
            # the note itself says which admin1 the place is in; a reading elsewhere loses
            # to that admin1 area
            canon = self.g.admin1_of(hint[1], r.country)
            if canon and not (r.admin1 and self.g._admin_match(r.admin1, canon)):
                doubt += 3.0
            elif not canon and any(
                x.feature == "adm1" for x in self.g.store.by_key(norm_key(hint[1]))
            ):
                doubt += 3.0  # that admin1 is in another country
        if r.feature not in ("adm1", "country"):
            if self._outside(r, ctx.admin1):
                doubt += OUTSIDE_NAMED
            if self._outside(r, _firm_at_home(r, ctx)):
                doubt += OUTSIDE_ADMIN1 - OUTSIDE_NAMED
        return doubt

    def _vouched(self, t: Toponym, r: PlaceRow, ctx: _Context) -> bool:
        """A close spelling variant ("Tall Refaat" for Tall Rif'at) inside an admin1 area
        the text names is the place meant, not a mere look-alike: it keeps its rank, so the
        village beats the bigger town also named ("Tall Refaat, Aleppo")."""
        return (
            bool(r.admin1)
            and fuzz.ratio(norm_key(r.name), norm_key(t.text)) >= CLOSE_RATIO
            and any(self.g._admin_match(r.admin1 or "", a) for a in ctx.admin1)
            and _near_the_others(r, ctx.points)
        )

    def _outside(self, r: PlaceRow, admin1: set[str]) -> bool:
        """``r`` lies outside every one of the ``admin1`` areas (there are some)."""
        return bool(admin1) and not any(
            r.admin1 and self.g._admin_match(r.admin1, a) for a in admin1
        )

    def _with_bracket_admin2(self, place: Place, t: Toponym) -> Place:
        """An ACLED-style "X (Admin2, Admin1)" after the chosen name is the coder's own
        reading: its admin1 wins over the gazetteer's, and it names an admin2 the gazetteer
        may lack."""
        hint = self.bracket_after(t) or self._bracket_around(t)
        a2, a1 = hint if hint else (None, None)
        if a1 and place.country and place.feature not in ("adm1", "country"):
            canon = self.g.admin1_of(a1, place.country)
            if canon and not (place.admin1 and self.g._admin_match(place.admin1, canon)):
                place = replace(place, admin1=canon, admin2=None)
        if a2 and (
            not place.admin2
            or place.feature in ("adm1", "country")
            or self._bracket_names_admin1(place, a1)
        ):
            # the bracket's admin2 also wins over a province's seat district, and over the
            # gazetteer's district of a town when the bracket's admin1 is the town's
            place = replace(place, admin2=clean_admin_name(strip_generic_suffix(a2)) or a2)
        district = self._written_district(t) if place.feature == "adm1" else None
        if district:
            place = replace(place, admin2=district)
        return place

    def _bracket_names_admin1(self, place: Place, a1: str | None) -> bool:
        """The bracket's admin1 is the place's own (so its admin2 is the coder's district of
        the place, not some other reading of the bracket)."""
        if not a1 or not place.admin1 or not place.country:
            return False
        canon = self.g.admin1_of(a1, place.country)
        return bool(canon) and self.g._admin_match(place.admin1, canon or "")

    def _written_district(self, t: Toponym) -> str | None:
        """ "Shah Wali Kot district, Kandahar": the province is the place (the district is
        in no gazetteer), and the words before "district," are its admin2."""
        if not self.comma_role(t):
            return None
        ends = [m for m in _DISTRICT_COMMA.finditer(self.text, max(0, t.start - 80), t.start)]
        return ends[-1].group(1) if ends and ends[-1].end() == t.start else None

    def _bracket_around(self, t: Toponym) -> tuple[str | None, str | None] | None:
        """(admin2, admin1) of the "(Admin2, Admin1)" bracket ``t`` sits in."""
        if not self.bracket_role(t):
            return None
        opened = self.text.rfind("(", 0, t.start)
        m = _BRACKET.match(self.text, opened)
        if not m:
            return None
        parts = [p.strip() for p in m.group(1).split(",") if p.strip()]
        if not parts or len(parts) > 3:
            return None
        return (parts[-2] if len(parts) >= 2 else None, parts[-1])

    def _score(self, t: Toponym, ctx: _Context) -> list[tuple[PlaceRow, float]]:
        key = norm_key(t.text)
        if (len(key.replace(" ", "")) < 3 and not self.g.country_of(t.text)) or key in _MONTHS:
            return []  # "J" of "J&K", "K": initials; "Aug", "Jul": dates, not places
        hint = self.bracket_after(t)
        role = self.bracket_role(t) or self.comma_role(t)
        scored = self.g._score_all(t.text, ctx, hint, as_admin=role is not None)
        every = scored
        if scored and scored[0][0].feature == "country" and self._weak_country(t, scored[0][0]):
            return []  # "Somali militants", "US dollar", "from Sudan": not where it happened
        exact_rows = self.g.store.by_key(key)
        exact = {r.uid for r in exact_rows}
        known = _well_known(exact_rows)
        if not ctx.countries and not known:
            # no country supported: only a close spelling ("Qalqiliyah" for Qalqilyah), not
            # a loose one ("Githurai" is no Guthrie Center)
            scored = [
                rs
                for rs in scored
                if rs[0].uid in exact or fuzz.ratio(norm_key(rs[0].name), key) >= CLOSE_RATIO
            ]
        elif ctx.main in ctx.weak_only or known:
            # a spelling variant is no reading when only an actor's nationality points to the
            # country ("Manda" is no Moundsville because of "three Americans"), or when the
            # name as written is a big city or an admin area ("Kharkiv" is no Zharikovo);
            # an admin area's variant stays where a country is supported ("Urozgan" with
            # "Afghan soldiers" is Uruzgan): ACLED spells provinces its own way
            admin_ok = bool(ctx.countries) and not known
            scored = [
                rs
                for rs in scored
                if rs[0].uid in exact or (admin_ok and rs[0].feature in ADMIN_FEATURES)
            ]
        if ctx.main:
            # the text's country is decided: leave it only for a place of this very name in a
            # country the text names (a spelling variant abroad is no reading: "Manda Bay" with
            # "US soldiers" is no Mound Bayou), or for a big city when nothing inside it bears
            # the name
            home = [rs for rs in scored if rs[0].country == ctx.main]
            named = [rs for rs in scored if rs[0].country in ctx.countries and rs[0].uid in exact]
            scored = home or named or self._foreign_city(t, scored, hint)
            scored = scored or self._neighbour(t, every, ctx)
        elif ctx.countries:
            # no leading country, but the text names some: a reading in one of them, else
            # only a place that bears this very name (an alternate or fuzzy match far from
            # every country the text names is no reading: "LoC" is no town in Vietnam)
            named = [rs for rs in scored if rs[0].country in ctx.countries]
            scored = named or [rs for rs in scored if norm_key(rs[0].name) == key]
            scored = scored or self._neighbour(t, every, ctx)
        if role:  # a name inside "(Admin2, Admin1)" is that admin level
            return [rs for rs in scored if rs[0].feature == role] or scored
        if ctx.region_prior and not hint and not self._admin_named_for(scored, ctx):
            scored = regional_order(self.g, key, scored, ctx.main, ctx.region_prior)
        return _town_over_namesake_admin(t, scored)

    def _admin_named_for(self, scored: list[tuple[PlaceRow, float]], ctx: _Context) -> bool:
        """The text names an admin area one of the readings lies in: the text's own words
        decide among them, not the collection's region prior."""
        return any(
            (r.admin1 and any(self.g._admin_match(r.admin1, a) for a in ctx.admin1))
            or (r.admin2 and any(self.g._admin_match(r.admin2, a) for a in ctx.admin2))
            for r, _ in scored[:10]
        )

    def _neighbour(
        self, t: Toponym, scored: list[tuple[PlaceRow, float]], ctx: _Context
    ) -> list[tuple[PlaceRow, float]]:
        """A town written after a locative cue whose every reading lies outside the text's
        countries ("clashes in a Palestinian camp in Tyr"): its readings of this very name
        (main or alternate) on the text's continent. They rank below every other reading
        (``_doubt``), so they stand in only when the text offers no place at home."""
        if t.relation is None or t.relation in ("and", "dateline", "statement"):
            return []
        exact = {r.uid for r in self.g.store.by_key(norm_key(t.text))}
        home = self._country_point(ctx.main)
        out = [
            rs
            for rs in scored
            if rs[0].uid in exact
            and rs[0].feature == "city"
            and self.g.continent_of_cc.get(rs[0].cc or "", "") in ctx.continents
            and (home is None or _km(rs[0], home) <= NEIGHBOUR_KM)
        ]
        if out and self._desk:
            out = self._named_abroad(t, out, ctx)
        self._abroad.update(rs[0].uid for rs in out)
        return out

    def _named_abroad(
        self, t: Toponym, readings: list[tuple[PlaceRow, float]], ctx: _Context
    ) -> list[tuple[PlaceRow, float]]:
        """In a collection mostly about one country, a town abroad only in a country the
        text itself names (a country word or demonym, weak ones too: "shelled from Syrian
        territory", "crossed into Iraq"; or one of its admin1 areas): a note of an Iran file
        on "Kut e Abdollah", a village the gazetteer lacks, is not about Al-Kut in Iraq."""
        named = ctx.worded | admin1_countries(self.g, self._names)
        kept = [rs for rs in readings if rs[0].country in named]
        if len(kept) < len(readings):
            self._refused.add(t)
        return kept

    def _country_point(self, country: str | None) -> tuple[float, float] | None:
        """The position the gazetteer gives ``country`` (its seat), if any."""
        r = self.g.country_row(country) if country else None
        return (r.lat, r.lon) if r is not None and r.lat is not None and r.lon is not None else None

    def _weak_country(self, t: Toponym, r: PlaceRow) -> bool:
        """A country word that says whose, not where (see ``evidence.weak_mention``)."""
        if not self._on_text(t) or not r.country:
            return False
        return weak_mention(self.text, t.start, t.end, r.country)

    def _foreign_city(
        self,
        t: Toponym,
        scored: list[tuple[PlaceRow, float]],
        hint: tuple[str | None, str | None] | None,
    ) -> list[tuple[PlaceRow, float]]:
        """Big cities of this very name whose admin1 the note writes after it ("Medellin,
        Antioquia"): the note is about them although another country dominates the text."""
        if not hint or not hint[1]:
            return []
        key = norm_key(t.text)
        return [
            rs
            for rs in scored
            if rs[0].population >= FOREIGN_CITY_POPULATION
            and norm_key(rs[0].name) == key
            and rs[0].admin1
            and self.g._admin_match(rs[0].admin1, self.g.admin1_of(hint[1], rs[0].country) or "")
        ]

    def _points(self, toponyms: Sequence[Toponym], ctx: _Context) -> list[tuple[float, float]]:
        """Positions of the places the text names, each taken at its best reading."""
        pts: list[tuple[float, float]] = []
        for t in toponyms[:30]:
            scored = self.g._score_all(t.text, ctx, self.bracket_after(t))
            clear = scored and (len(scored) == 1 or scored[0][1] - scored[1][1] > 0.5)
            if clear and scored[0][0].lat is not None and scored[0][0].lon is not None:
                pts.append((scored[0][0].lat, scored[0][0].lon))  # type: ignore[arg-type]
        return pts

    def _report(
        self, t: Toponym, scored: list[tuple[PlaceRow, float]], skipped: bool
    ) -> dict[str, object]:
        return {
            "toponym": t.to_dict(),
            "skipped": skipped,
            "candidates": [
                {
                    **self.g._place(r, t.text, t.relation).to_dict(),
                    "score": round(s, 4),
                    "population": r.population or None,
                    "source": r.source,
                }
                for r, s in scored[:5]
            ],
        }
