"""National-level events: a note that names its country but no place inside it.

ACLED codes an event that happened at the national level (a government decision, a
nationwide curfew, a ministry's statement) to the national capital with geo_precision 3
(codebook: "only a larger region is known ... coded to ... the capital"). The Locator asks
``capital_place`` when no place below the country resolved; it answers only when

* the text's country is known (written in it, or the collection's prior): never a guess
  across countries,
* the text names no place below the country that the gazetteer has (a report that names
  towns elsewhere in it may be telling of an event there), and speaks of national affairs
  or names the country itself as where (``national_signal``), and
* no place is written with a firm "where" cue that the gazetteer could not resolve ("in
  Ogossagou"): that place, not the capital, is where the event was.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from eventfuse.geo.cues import WHERE_CUES, alternation
from eventfuse.geo.normalize import norm_key
from eventfuse.model import Place, Toponym

if TYPE_CHECKING:
    from eventfuse.geo.geocoder import Geocoder

NATIONAL_PRECISION = 3
MAX_SCAN = 20_000  # characters of the text checked for unresolved places (bounded work)
# Cues after which a capitalised name is written as where the event was: the where cues,
# one word and "of" ("east of", "outskirts of", "district of") and the two longer phrases
# "on the outskirts of" and "in the vicinity of". Narrower than variants' "... of": a
# hyphenated "sub-county of" is not taken here.
_FIRM_CUE = re.compile(
    rf"^(?:{alternation(WHERE_CUES)}|on the outskirts of|in the vicinity of|\w+ of)$"
)


# A capitalised name right after a firm cue, found in the text itself (the finders skip
# names the gazetteer lacks: "sniping in Ayn Laylah", "east of Amerli", "the attack on
# Sobane Da"; "on" before a day or a month is no place, see _NOT_PLACES).
_CUED_NAME = re.compile(
    r"\b(?:[Ii]n|[Aa]t|[Oo]n|[Nn]ear|[Oo]utside|[Aa]round|[Oo]utskirts of|"
    r"(?:[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est)(?:ern)? of|"
    r"(?:village|town|city|district|area|province|governorate|county) of)"
    r" ((?:(?:al|el|ad|as|ash|at|az|ar)-)?[A-Z][\w'’-]+(?: (?:al-|el-)?[A-Z][\w'’-]+){0,3})"
)
_MONTHS = "january february march april may june july august september october november december"
_DAYS = "monday tuesday wednesday thursday friday saturday sunday ramadan eid"
_NOT_PLACES = frozenset(f"{_MONTHS} {_DAYS}".split())


# Words of national-level affairs: the state's institutions or a country-wide scope. Case
# matters ("Government", "government"; but "national" and "National Super Alliance" are no
# signal). Left out as measured on development notes: "president", "senator",
# "parliamentary" (campaigns and seats, anywhere), "high court" (courts sit in many towns).
_NATIONAL = re.compile(
    r"\b(?:[Pp]arliament|[Pp]arliamentarians|[Ll]awmakers|MPs|[Ll]egislators?|[Ll]egislature|"
    r"[Gg]overnment|[Nn]ationwide|[Cc]ountrywide|(?:across|throughout|all over) the country|"
    r"\d+ (?:provinces|governorates|states|counties|regions)|[Mm]inistry|[Mm]inistries|"
    r"[Cc]abinet|[Ss]upreme [Cc]ourt|[Ss]tate [Hh]ouse|capital|"
    r"[Ee]lectoral [Cc]ommission|[Cc]entral [Bb]ank)\b"
)
_REGIONAL = (
    r"(?:\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)? "
    r"|\b(?:central|coastal) )"
)


def _country_names(g: Geocoder, country: str, toponyms: Sequence[Toponym]) -> list[Toponym]:
    return [t for t in toponyms if t.label != "ADJ" and g.country_of(t.text) == country]


def regional(g: Geocoder, country: str, toponyms: Sequence[Toponym], text: str) -> bool:
    """The text places the event in one region of the country ("in western Kenya")."""
    for t in _country_names(g, country, toponyms):
        if re.search(_REGIONAL + "$", text[max(0, t.start - 20) : t.start], re.IGNORECASE):
            return True
    return bool(
        re.search(_REGIONAL + r"(?:part of )?the country\b", text[:MAX_SCAN], re.IGNORECASE)
    )


def national_signal(text: str) -> bool:
    """The text speaks of national affairs or a country-wide scope (``_NATIONAL``); a
    country named as where ("in Kenya") is no signal alone: on development notes such
    texts were more often about a town the gazetteer lacks than about the capital."""
    return bool(_NATIONAL.search(text[:MAX_SCAN]))


def _resolves(g: Geocoder, name: str, country: str) -> bool:
    """The name is the country itself or a place the gazetteer has in it."""
    if g.country_of(name) or name.lower() in _NOT_PLACES:
        return True
    return any(r.country == country for r in g.store.by_key(norm_key(name)))


def names_a_place_inside(g: Geocoder, country: str, toponyms: Sequence[Toponym]) -> bool:
    """The text names a place below the country (in another sentence, say): the event may
    have been there, so the text is no national-level note."""
    return any(
        r.country == country and r.feature != "country"
        for t in toponyms
        if t.label != "ADJ" and not g.country_of(t.text)
        for r in g.store.by_key(norm_key(t.text))
    )


def unresolved_where(g: Geocoder, country: str, toponyms: Sequence[Toponym], text: str) -> bool:
    """A place is written as where ("in X", "near X") but is not the country and not in the
    gazetteer inside it: the event was there, and the capital would be a false place."""
    for t in toponyms:
        if t.label == "ADJ" or not t.relation or not _FIRM_CUE.match(t.relation):
            continue
        if not _resolves(g, t.text, country):
            return True
    for m in _CUED_NAME.finditer(text[:MAX_SCAN]):
        words = m.group(1).split()
        # the longest run of the words that resolves; none resolving -> unknown place
        if not any(_resolves(g, " ".join(words[:k]), country) for k in range(len(words), 0, -1)):
            return True
    return False


def capital_place(
    g: Geocoder,
    country: str | None,
    toponyms: Sequence[Toponym],
    chosen: Place | None,
    text: str = "",
) -> Place | None:
    """The capital of ``country`` as a national-level event's place (see module doc), or
    None when the text gives no country or names an unresolved place as where."""
    if chosen is not None and chosen.feature != "country":
        return None
    country = chosen.country if chosen is not None else country
    if (
        not country
        or unresolved_where(g, country, toponyms, text)
        or regional(g, country, toponyms, text)
    ):
        return None
    if chosen is None and names_a_place_inside(g, country, toponyms):
        return None
    # a capital's own name the gazetteer files under its country ("Guatemala City") needs
    # no signal; the country's name alone does
    capital = g.capital_of(country)
    named_city = bool(chosen and capital and (chosen.raw or "").lower() == capital.lower())
    if not named_city and not national_signal(text):
        return None
    seat = g.country_place(country)
    if seat is None or not seat.admin1 or not capital:
        return None
    if named_city:  # the city itself is where: its own point
        return replace(seat, name=capital, feature="city", geo_precision=1)
    return replace(seat, name=capital, feature="city", geo_precision=NATIONAL_PRECISION, raw=None)
