"""Whole-text country evidence: which country (and admin1 areas) a text is about.

Decided once per text, before any single toponym is resolved, by adding up weighted evidence:

* a country name written in the text: 3.0 ("in Yemen"); only 0.6 when it qualifies an actor,
  a currency or a thing ("US dollar", "US-led", "Russian forces"), names a border ("the
  Kenya-Somalia border", "border with Ethiopia") or an origin ("raiders from Sudan"), which
  say little about where the event was;
* a demonym ("Somali", "Iraqis") is a people's or a thing's nationality, so 0.6, unless it
  qualifies a place noun ("a Kenyan village", "Syrian territory"): 3.0;
* a group that operates in one country only (``GROUP_COUNTRY``, "Houthi"): 1.5;
* an admin1 name: 2.5 for its country (shared by k countries: 2.5 / k), an admin2 name 1.2;
* a town name: 1.0 spread over the countries it exists in, by population prior.

* the collection's prior (``prior``): the share of the texts read with this one that are
  about each country (an analyst's desk: a batch of Lebanon notes), times ``PRIOR``, for the
  countries the text points to or one of its names can be read in. A text that names its
  country outweighs it; a note that names only "Tripoli" is read in its batch.

The top country is the text's country when it leads the runner-up clearly.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from eventfuse.geo.cues import WHERE_CUES
from eventfuse.geo.normalize import norm_key, tokens
from eventfuse.geo.store import ADMIN_FEATURES, is_exonym_city
from eventfuse.model import Toponym

if TYPE_CHECKING:
    from eventfuse.geo.geocoder import Geocoder

STRONG = 3.0
WEAK = 0.6
ADM1 = 2.5
ADM2 = 1.2
TOWN = 1.0
ALT_VOTE = 0.4  # weight of a town name that is only an alternate name of every place bearing it
HINT = 6.0
PRIOR = 6.0  # a collection all about one country weighs as much as a hint
DOMINANT = 0.5  # a collection's share that speaks for a text none of whose names it reads
PRESENT = 0.05  # a country less of the collection than this is not one it is about
GROUP = 1.5
ADMIN1_RATIO = 85  # a close spelling of an admin1's own name names it ("Sala al-Din")
# Armed groups and movements named after (or bound to) one country's territory: a small,
# reviewed table, not a list of every actor.
GROUP_COUNTRY = {"houthi": "Yemen", "houthis": "Yemen", "ansar allah": "Yemen"}
_GROUP = re.compile(r"\b(?:Houthis?|Ansar Allah)\b")
# A demonym is a people's name when it ends like one ("Iraqi", "Somalis", "Lebanese",
# "Turkish", "Afghan", "Filipino", "Nigerien"); country names and abbreviations do not.
_DEMONYM_END = re.compile(r"(?:an|ans|ese|i|is|ish|ch|ino|ien|be)$")
_PLACE_NOUN = re.compile(
    r"[\s-]+(?:villages?|towns?|city|cities|soil|territory|territories|side|capital|coast|"
    r"waters|countryside|province|region|county|district|state|camps?|settlements?)\b",
    re.IGNORECASE,
)
_ADMIN_AFTER = re.compile(r"\s+(?:region|province|state|governorate|county|district)\b", re.I)
_BORDER_AFTER = re.compile(
    r"(?:\s*[-–/]\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)*\s+(?:border|frontier)", re.IGNORECASE
)
_BORDER_BEFORE = re.compile(
    r"(?:(?:border|frontier)s?\s+(?:with|of|between)\s+(?:the\s+)?|[A-Z][\w.]*\s*[-–/]\s*|"
    r"\bfrom\s+|"
    # a destination of flight or transfer: "fled into Somalia", "deported to Canada"
    r"\b(?:fled|flee(?:ing)?|cross(?:ed|ing)?|took\s+\w+|taken|deported|returned|escaped|"
    r"retreated|withdrew|headed|sent|smuggled)\s+(?:back\s+)?(?:in)?to\s+)$",
    re.IGNORECASE,
)
# An admin1 written as where (``firm_admin1``): the where cues and "across" (an event
# "across Helmand" lies in it), less "nearby" and "close to" (the set firm_admin1 was
# measured with).
_WHERE = (frozenset(WHERE_CUES) - {"nearby", "close to"}) | {"across"}
_ADMIN1_WORDS = frozenset({"province", "governorate", "state", "county", "region", "oblast"})
_LOWER_LEVEL = frozenset({"sub", "subcounty", "district", "subdistrict"})
_CONTAINER_BEFORE = re.compile(r"(?:,|\()\s*$")
_CONTAINER_AFTER = re.compile(r"\s*(?:\)|[.;]|,\s*[A-Z&]{1,4}\)|$)")
_POSSESSIVE = re.compile(r"['’]s\b")
_COUNTRY_WORD = re.compile(r"\b[A-Z][\w.]*(?:(?:[ -]|\s(?:and|of|the)\s)[A-Z][\w.]*){0,3}")
_TOWN_WORDS = frozenset({"city", "town", "village"})
# "US and Kenyan forces": a country coordinated with another before the actor's noun.
_COORD = r"(?:\s+(?:and|&)\s+[A-Z][\w.]*)?"
_ACTOR_AFTER = re.compile(
    _COORD + r"[\s-]*(?:-?led|-?backed|-?based|-?made|dollars?|forces?|troops?|military|army|"
    r"armed|air ?force|navy|naval|embassy|consulate|soldiers?|officials?|government|"
    r"authorities|envoy|ambassador|president|coalition|drones?|air ?strikes?|warplanes?|"
    r"jets?|aircraft|bases?|column|convoys?|patrols?|special|intelligence|citizens?|"
    r"nationals?|sanctions|currency|compan(?:y|ies)|firms?|contractors?|mercenar\w*|"
    r"diplomats?|secretary|ministry|minister|state department|senators?|media|"
    r"newspapers?|journalists?|service\s?(?:members?|men|women|personnel)|personnel|"
    r"marines|sailors|airmen|veterans|hostages|tourists|aid workers|(?:\w+\s)?command)\b",
    re.IGNORECASE,
)

# A country as the subject of a statement is its government speaking ("Turkey said victims
# treated in its hospitals...", "Russia denied targeting civilians"), not where it happened.
_SPEAKS_AFTER = re.compile(
    _COORD + r"(?:\s+(?:has|have|had|also|later|again|then|quickly))?\s+"
    r"(?:said|says|denied|denies|claimed|claims|announced|announces|accused|accuses|"
    r"condemned|condemns|blamed|blames|warned|warns|insisted|insists|rejected|rejects|"
    r"stated|confirmed|confirms|told|reported|responded|vowed|called)\b",
)


@dataclass
class Evidence:
    """The country decision for one text."""

    main: str | None
    weights: dict[str, float] = field(default_factory=dict)
    named: set[str] = field(default_factory=set)  # countries the text names strongly
    # countries only an actor's, a currency's or a border's word points to ("US dollar")
    weak_only: set[str] = field(default_factory=set)
    # the text's own words point to ``main`` (not only the collection's prior and a weak word)
    firm: bool = False
    # countries the text's words name: a country word or demonym, weak ones too ("crossed
    # into Iraq", "shelled from Syrian territory"), or a group bound to one ("Houthis")
    worded: set[str] = field(default_factory=set)


def is_demonym(phrase: str, country: str) -> bool:
    """ "Somali", "Iraqis", "Lebanese": a people's name, not the country's name."""
    key = norm_key(phrase)
    return " " not in key and key != norm_key(country) and bool(_DEMONYM_END.search(key))


def weak_mention(text: str, start: int, end: int, country: str) -> bool:
    """A country word at ``text[start:end]`` that does not say where the event was: an
    actor's, a currency's or a thing's nationality, a border, an origin ("from Sudan"), or a
    demonym that qualifies no place noun."""
    if _BORDER_AFTER.match(text, end) or _BORDER_BEFORE.search(text[max(0, start - 40) : start]):
        return True
    if _ACTOR_AFTER.match(text, end) or _SPEAKS_AFTER.match(text, end):
        return True
    return is_demonym(text[start:end], country) and not _PLACE_NOUN.match(text, end)


def _group_votes(text: str, votes: defaultdict[str, float]) -> None:
    for c in {GROUP_COUNTRY[norm_key(m.group())] for m in _GROUP.finditer(text[:20000])}:
        votes[c] += GROUP


def _text_countries(
    g: Geocoder,
    text: str,
    votes: defaultdict[str, float],
    sets: tuple[set[str], set[str]],
    kept: frozenset[int] | None,
) -> None:
    for m in _COUNTRY_WORD.finditer(text[:20000]):
        words = [(w.start() + m.start(), w.end() + m.start()) for w in re.finditer(r"\S+", m[0])]
        i = 0
        while i < len(words):
            i = _country_at(g, text, words, i, votes, sets, kept)


def _country_at(
    g: Geocoder,
    text: str,
    words: list[tuple[int, int]],
    i: int,
    votes: defaultdict[str, float],
    sets: tuple[set[str], set[str]],
    kept: frozenset[int] | None = None,
) -> int:
    """Vote for the longest country phrase starting at word ``i``; the next word index.
    With ``kept``, a phrase starting elsewhere is one the caller found adjectival ("US
    airlift"): weak, unless possessive ("Mali's conflict")."""
    for n in range(len(words), i, -1):
        start, end = words[i][0], words[n - 1][1]
        phrase = text[start:end].rstrip(".,")
        end = start + len(phrase)
        if text[words[n - 1][0] : words[n - 1][1]] in ("and", "of", "the"):
            continue
        c = g._country_words.get(norm_key(phrase))
        if not c:
            continue
        admin = _ADMIN_AFTER.match(text, end)
        if admin and g.admin_named_like_country(text[start : admin.end()]):
            return n  # "Somali region", "Niger State": an admin area, counted as a place
        weak = weak_mention(text, start, end, c) or (
            kept is not None and start not in kept and not _POSSESSIVE.match(text, end)
        )
        votes[c] += WEAK if weak else STRONG
        if not weak:
            sets[0].add(c)
            sets[1].add(c)
        return n
    return i + 1


def _container(text: str, t: Toponym) -> bool:
    """ "X district, Helmand", "(Tripoli, Aljfara)": the name closes a place's address, the
    way ACLED writes the admin1 an event lies in."""
    if not text or text[t.start : t.end] != t.text:
        return False
    return bool(_CONTAINER_BEFORE.search(text[max(0, t.start - 3) : t.start])) and bool(
        _CONTAINER_AFTER.match(text, t.end)
    )


def firm_admin1(text: str, t: Toponym) -> bool:
    """An admin1 name written as where something was: after a locative cue ("in Helmand"),
    closing an address ("Nahri Saraj district, Helmand") or with its generic word ("Helmand
    province"; not "Kuria West sub county", a lower level)."""
    words = set(tokens(t.text))
    if words & _LOWER_LEVEL:
        return False
    return t.relation in _WHERE or bool(words & _ADMIN1_WORDS) or _container(text, t)


def _toponym_votes(
    g: Geocoder, toponyms: Sequence[Toponym], votes: defaultdict[str, float]
) -> None:
    seen: set[str] = set()
    for t in toponyms[:40]:
        key = norm_key(t.text)
        if not key or key in seen:
            continue
        if key in g._country_words and not g.admin_named_like_country(t.text):
            continue
        seen.add(key)
        rows = [r for r in g.store.by_key(key) if r.country and r.feature != "country"]
        if set(tokens(t.text)) & _TOWN_WORDS:  # "Salima village", "Kochi city": a town
            rows = [r for r in rows if r.feature not in ADMIN_FEATURES] or rows
        adm1 = {r.country or "" for r in rows if r.feature == "adm1"}
        adm2 = {r.country or "" for r in rows if r.feature == "adm2"} - adm1
        # "Saraj district": the words say a lower level than the admin1 of that name
        weight = ADM2 if set(tokens(t.text)) & _LOWER_LEVEL else ADM1
        for c in adm1:
            votes[c] += weight / len(adm1)
        for c in adm2:
            votes[c] += ADM2 / len(adm2)
        if adm1 or adm2:
            continue
        # a name that is only some town's alternate name ("Taliban" for a Turkish village)
        # votes weakly, and not at all when another town bears it as its main name
        own = [r for r in rows if norm_key(r.name) == key or is_exonym_city(r)]
        weight = 1.0 if own else ALT_VOTE
        prior: dict[str, float] = {}
        for r in own or rows:
            p = 0.2 + math.log10(max(r.population, 1) + 1) / 7
            prior[r.country or ""] = max(prior.get(r.country or "", 0.0), p)
        total = sum(prior.values())
        for c, p in prior.items():
            votes[c] += weight * TOWN * p / total


def decide_from_toponyms(g: Geocoder, toponyms: Sequence[Toponym]) -> str | None:
    """The country of a list of toponyms alone (no scan of the raw text): country names and
    demonyms among them count as strong evidence, places as in ``decide``."""
    votes: defaultdict[str, float] = defaultdict(float)
    for t in toponyms[:40]:
        c = g._country_words.get(norm_key(t.text))
        if c:
            votes[c] += STRONG
    _toponym_votes(g, toponyms, votes)
    return _leader(votes)


def admin1_countries(g: Geocoder, toponyms: Sequence[Toponym]) -> set[str]:
    """Countries whose admin1 area the text names by its own spelling or a close one
    ("Khuzestan", "Sala al-Din"); an alternate name a place merely also bears ("First" for
    Aden governorate) names none."""
    out: set[str] = set()
    for t in toponyms[:40]:
        key = norm_key(t.text)
        for r in g.store.by_key(key) if key else ():
            if r.feature == "adm1" and r.country and _spelt_like(norm_key(r.name), key):
                out.add(r.country)
    return out


def _spelt_like(a: str, b: str) -> bool:
    return a == b or fuzz.ratio(a, b) >= ADMIN1_RATIO


def _prior_votes(
    g: Geocoder,
    toponyms: Sequence[Toponym],
    prior: Mapping[str, float],
    votes: defaultdict[str, float],
) -> set[str]:
    """The collection's prior, for the countries the text already points to or where one of
    its names has a reading: it settles "Tripoli" (Lebanon or Libya) in a batch of Lebanon
    notes. A note whose names read only in countries the collection hardly names goes to
    the collection's country when half the collection or more is about it ("el Mina" in a
    batch of Lebanon notes is no town in the Philippines; a village the gazetteer lacks is
    no town abroad); a Yemen batch's note on Fallujah stays in Iraq."""
    names_read = {
        r.country for t in toponyms[:40] for r in g.store.by_key(norm_key(t.text)) if r.country
    }
    readable = {c for c, v in votes.items() if v > 0} | names_read
    stray = not any(prior.get(c, 0.0) >= PRESENT for c in names_read)
    for c, share in prior.items():
        if c in readable or (stray and share >= DOMINANT):
            votes[c] += PRIOR * share
    return readable


def _leader(votes: dict[str, float]) -> str | None:
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[:2]
    if not ranked:
        return None
    top, score = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else 0.0
    return top if score >= 0.5 and score > runner + 0.3 else None


def decide(
    g: Geocoder,
    toponyms: Sequence[Toponym],
    text: str,
    hint: str | None,
    *,
    kept: frozenset[int] | None = None,
    prior: Mapping[str, float] | None = None,
) -> Evidence:
    """The text's country (``main``), the weights behind it and the countries it names.
    ``kept``: offsets of the country words a caller kept as places (others were adjectival);
    ``prior``: country -> share of the collection the text came with (see the module doc)."""
    votes: defaultdict[str, float] = defaultdict(float)
    named: set[str] = set()
    if hint:
        c = g.country_of(hint) or hint
        votes[c] += HINT
        named.add(c)
    solid: set[str] = set()
    _text_countries(g, text, votes, (named, solid), kept)
    before = {c: v for c, v in votes.items() if c not in solid}
    _group_votes(text, votes)
    worded = set(votes)  # the countries its words name, weakly or not
    _toponym_votes(g, toponyms, votes)
    own = dict(votes)
    own_weak = {c for c, v in before.items() if own[c] == v and c not in named}
    readable = _prior_votes(g, toponyms, prior, votes) if prior else set()
    weak_only = {c for c, v in before.items() if votes[c] == v and c not in named}
    main = _leader(votes)
    # firm: the text's own words point there ("Tripoli" reads in Lebanon), not only a weak
    # word ("US dollar") or the collection
    firm = main is not None and main not in own_weak and (own.get(main, 0) > 0 or main in readable)
    return Evidence(main, dict(votes), named, weak_only, firm, worded)
