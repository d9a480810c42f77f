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

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from eventfuse.geo.evidence import weak_mention
from eventfuse.geo.geocoder import (
    _ADMIN_WORDS,
    POINT_FEATURES,
    SKIP_RELATIONS,
    WIDE_FEATURES,
    _Context,
)
from eventfuse.geo.normalize import norm_key, strip_generic_suffix, tokens
from eventfuse.geo.store import ADMIN_FEATURES, PlaceRow
from eventfuse.model import Place, Toponym

if TYPE_CHECKING:
    from eventfuse.geo.geocoder import Geocoder

_BRACKET = re.compile(r"\s*\(([^()\n]{1,100})\)")
# "X, Admin1" as ACLED writes it ("in Belford Roxo, Rio de Janeiro, ..."): the words after
# the comma, up to punctuation or a generic admin word, are checked against the gazetteer.
_COMMA_ADMIN = re.compile(
    r",\s*([A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|de|do|da|del|and|el|al))*)"
    r"(?:\s+(?:state|province|department|region|governorate|county|oblast))?(?=[\s,.;:()]|$)"
)
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


class Locator:
    """One ``locate`` call: holds the text and the geocoder."""

    def __init__(self, geocoder: Geocoder, text: str) -> None:
        self.g = geocoder
        self.text = text

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

    def run(
        self,
        event_toponyms: Sequence[Toponym],
        context_toponyms: Sequence[Toponym],
        hint: str | None,
        prior: Mapping[str, float] | None = None,
    ) -> dict[str, object]:
        if not event_toponyms:
            event_toponyms = self._lede_places(context_toponyms)
        every = list(dict.fromkeys([*event_toponyms, *context_toponyms]))
        usable = [t for t in every if t.relation not in SKIP_RELATIONS]
        ctx = self.g._context(usable, self.text, hint, prior)
        ctx.points = self._points(usable, ctx)
        report: list[dict[str, object]] = []
        picks: list[tuple[float, int, PlaceRow, Toponym]] = []
        spare: list[tuple[float, int, PlaceRow, Toponym]] = []  # skipped, used when alone
        for i, t in enumerate(event_toponyms):
            scored = self._score(t, ctx)
            skipped = t.relation in SKIP_RELATIONS or self.g.is_statement_place(self.text, t)
            report.append(self._report(t, scored, skipped))
            if scored and scored[0][1] > MIN_SCORE:
                rank = _rank(scored[0][0]) + self._doubt(t, scored[0][0], ctx)
                if self.bracket_role(t) == scored[0][0].feature:
                    rank -= 0.1  # the coder's own "(Admin2, Admin1)" wins a tie
                if scored[0][0].feature == "country" and _demonym(t, scored[0][0]):
                    rank += 0.5  # "Nigerians living in Kenya": the country named wins
                (spare if skipped else picks).append((rank, i, scored[0][0], t))
        picks = picks or [p for p in spare if p[3].relation != "dateline"] or spare
        chosen: Place | None = None
        if picks:
            _, _, row, t = min(picks, key=lambda p: (p[0], p[1]))
            chosen = self._with_bracket_admin2(self.g._place(row, t.text, t.relation), t)
        return {"toponyms": report, "chosen": chosen}

    def _lede_places(self, context: Sequence[Toponym]) -> list[Toponym]:
        """No place in the event's own sentences: the places of the text's first sentence
        stand in when that sentence is all the text has to say about places (an ACLED note,
        "On 8 May, shelling was reported in Hadba (Tripoli)"); a report whose later
        sentences name other places may be telling of another event."""
        m = _SENTENCE_END.search(self.text)
        end = m.end() if m else len(self.text)
        lede = [t for t in context if self._on_text(t) and t.start < end]
        later = [t for t in context if self._on_text(t) and t.start >= end]
        if later:
            return []
        # only names the gazetteer has as written: a spelling variant found abroad
        # ("Gatundu" -> Juliaca) is no stand-in
        return [t for t in lede if self.g.store.by_key(norm_key(t.text))]

    def _doubt(self, t: Toponym, r: PlaceRow, ctx: _Context) -> float:
        """Demote a reading that only a spelling variant supports (2.5: it loses to any exact
        town, point or wide feature, not to an admin area), and one outside every admin1 the
        text names in its country (``OUTSIDE_ADMIN1``: it loses to that admin1)."""
        doubt = 0.0
        exact = any(x.feature != "country" for x in self.g.store.by_key(norm_key(t.text)))
        if not exact and r.feature not in ADMIN_FEATURES:
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
        if a2 and not place.admin2:
            place = replace(place, admin2=strip_generic_suffix(a2))
        return place

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
        role = self.bracket_role(t)
        scored = self.g._score_all(t.text, ctx, hint, as_admin=role is not None)
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
        elif ctx.countries:
            # no leading country, but the text names some: a reading in one of them, else
            # only a place that bears this very name (an alternate or fuzzy match far from
            # every country the text names is no reading: "LoC" is no town in Vietnam)
            named = [rs for rs in scored if rs[0].country in ctx.countries]
            scored = named or [rs for rs in scored if norm_key(rs[0].name) == key]
        if role:  # a name inside "(Admin2, Admin1)" is that admin level
            return [rs for rs in scored if rs[0].feature == role] or scored
        return _town_over_namesake_admin(t, scored)

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
