"""The collection's region prior: where inside a country a batch's events happen.

A coder of a one-country, one-period file knows where the fighting is. "Near Vesele" in an
OSCE note is the Vesele of Donetsk oblast, not one of the namesakes in other oblasts, because
the other notes of the file place their events in Donetsk and Luhansk. ``admin1_prior`` turns
the places a batch located firmly (``firm_place``: an admin1 itself, a big town, a name with
one reading in its country, or a place whose admin1 the text writes) into country -> admin1 ->
share. ``Locator`` uses it only among readings of ONE name inside the text's country
(``regional_order``), never across countries, never over an admin area the text writes and
never when the name is a big town's.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from eventfuse.geo.normalize import norm_key
from eventfuse.geo.store import ADMIN_FEATURES, PlaceRow
from eventfuse.model import Place

if TYPE_CHECKING:
    from eventfuse.geo.geocoder import Geocoder

# country -> admin1 -> share of the batch's firm places in that country
RegionPrior = Mapping[str, Mapping[str, float]]
# Firm places a country needs before its admin1 shares say anything.
MIN_FIRM = 5
# A town this big is the place meant whatever the batch is about.
BIG_TOWN = 50_000
# Score added per unit of share: enough to break a tie between namesake villages (their
# scores differ by population, 0.25 * log10(pop) / 7), not to beat a reading near the other
# places the text names (+0.4) unless the batch clearly favours the other area.
WEIGHT = 1.0
# A share this large already marks an area where the batch's events happen: every such area
# gets the full weight, so the prior separates the fighting's areas from the rest of the
# country, not the busiest area from the second (Luhansk's villages stay Luhansk's).
SATURATE = 0.15
# A share below this says nothing: one protest in the capital's province is no front line.
MIN_SHARE = 0.1


def admin1_prior(
    places: Iterable[tuple[str, str] | None], *, min_firm: int = MIN_FIRM
) -> dict[str, dict[str, float]]:
    """Country -> admin1 -> share, from the (country, admin1) pairs of a batch's firmly
    placed events; a country with fewer than ``min_firm`` of them gets no prior."""
    counts: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for pair in places:
        if pair and pair[0] and pair[1]:
            counts[pair[0]][pair[1]] += 1
    out: dict[str, dict[str, float]] = {}
    for country, c in sorted(counts.items()):
        total = sum(c.values())
        if total >= min_firm:
            out[country] = {a: n / total for a, n in sorted(c.items())}
    return out


def firm_place(g: Geocoder, place: Place | None, text: str = "") -> tuple[str, str] | None:
    """(country, admin1) of ``place`` when nothing but the text could have put it elsewhere
    in its country: an admin1 area, a big town, a name whose readings in the country all lie
    in one admin1, or a place whose admin1 the text itself writes. None otherwise."""
    if place is None or not place.country or not place.admin1 or place.feature == "country":
        return None
    pair = (place.country, place.admin1)
    if place.feature == "adm1":
        return pair
    rows = _home_rows(g, place)
    if any(r.population >= BIG_TOWN for r in rows if _same(g, r.admin1, place.admin1)):
        return pair
    if rows and all(_same(g, r.admin1, place.admin1) for r in rows):
        return pair
    if text and _writes_admin1(g, text, place):
        return pair
    return None


def regional_order(
    g: Geocoder,
    key: str,
    scored: list[tuple[PlaceRow, float]],
    country: str | None,
    prior: RegionPrior | None,
) -> list[tuple[PlaceRow, float]]:
    """``scored`` re-ranked with the batch's admin1 shares in ``country``: each reading of
    the name ``key`` (as written) in that country gains WEIGHT x its admin1's ``_weight``. Left
    as is when there is no prior for the country, when the top reading is outside it or an
    admin area, or when the name is a big town's there."""
    shares = (prior or {}).get(country or "")
    if not shares or not scored or len(scored) < 2:
        return scored
    top = scored[0][0]
    if top.country != country or top.feature in ADMIN_FEATURES:
        return scored
    exact = {r.uid for r in g.store.by_key(key)}
    home = [r for r, _ in scored if r.country == country and r.uid in exact]
    if not home or any(r.population >= BIG_TOWN for r in home):
        return scored
    if len({norm_key(r.admin1 or "") for r in home}) < 2:
        return scored
    out = [
        (r, s + WEIGHT * _weight(g, r.admin1, shares))
        if r.country == country and r.uid in exact and r.feature not in ADMIN_FEATURES
        else (r, s)
        for r, s in scored
    ]
    out.sort(key=lambda rs: (-rs[1], rs[0].uid))
    return out


def _weight(g: Geocoder, admin1: str | None, shares: Mapping[str, float]) -> float:
    """How much the prior favours ``admin1``: its share, 0 below MIN_SHARE, 1 from SATURATE."""
    share = max((v for a, v in shares.items() if _same(g, admin1, a)), default=0.0)
    return min(1.0, share / SATURATE) if share >= MIN_SHARE else 0.0


def _home_rows(g: Geocoder, place: Place) -> Sequence[PlaceRow]:
    """The non-admin readings, in the place's country, of the name the text wrote."""
    key = norm_key(place.raw or place.name)
    return [
        r
        for r in g.store.by_key(key)
        if r.country == place.country and r.feature not in ADMIN_FEATURES
    ]


def _same(g: Geocoder, a: str | None, b: str | None) -> bool:
    return bool(a and b) and g._admin_match(a or "", b or "")


def _writes_admin1(g: Geocoder, text: str, place: Place) -> bool:
    """The text names the place's admin1 (as an admin1 of its country)."""
    for t in g.find(text, country=place.country):
        if any(
            r.feature == "adm1" and r.country == place.country and _same(g, r.name, place.admin1)
            for r in g.store.by_key(norm_key(t.text))
        ):
            return True
    return False


def could_move(g: Geocoder, place: Place | None, prior: RegionPrior | None) -> bool:
    """Whether ``prior`` might move ``place`` to a namesake (a cheap test, so a batch locates
    again only such places): a town, not a big one, with a reading of its name in the same
    country in an admin1 the prior favours more than the place's own."""
    shares = (prior or {}).get(place.country or "") if place else None
    if not shares or place is None or place.feature in ADMIN_FEATURES or not place.admin1:
        return False
    rows = _home_rows(g, place)
    if any(r.population >= BIG_TOWN for r in rows):
        return False
    mine = _weight(g, place.admin1, shares)
    return any(_weight(g, r.admin1, shares) > mine for r in rows)
