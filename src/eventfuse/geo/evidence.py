"""Whole-text country evidence: which country (and admin1 areas) a text is about.

Decided once per text, before any single toponym is resolved, by adding up weighted evidence:

* a country name or demonym written in the text: 3.0 ("Lebanese", "in Yemen"); only 0.6 when
  it qualifies an actor, a currency or a thing ("US dollar", "US-led", "Russian forces",
  "Turkish drones"), which says little about where the event was;
* an admin1 name: 2.5 for its country (shared by k countries: 2.5 / k), an admin2 name 1.2;
* a town name: 1.0 spread over the countries it exists in, by population prior.

The top country is the text's country when it leads the runner-up clearly.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eventfuse.geo.normalize import norm_key
from eventfuse.model import Toponym

if TYPE_CHECKING:
    from eventfuse.geo.geocoder import Geocoder

STRONG = 3.0
WEAK = 0.6
ADM1 = 2.5
ADM2 = 1.2
TOWN = 1.0
HINT = 6.0
_COUNTRY_WORD = re.compile(r"\b[A-Z][\w.]*(?:[ -][A-Z][\w.]*){0,3}")
_ACTOR_AFTER = re.compile(
    r"[\s-]*(?:-?led|-?backed|-?based|-?made|dollars?|forces?|troops?|military|army|"
    r"armed|air ?force|navy|naval|embassy|consulate|soldiers?|officials?|government|"
    r"authorities|envoy|ambassador|president|coalition|drones?|air ?strikes?|warplanes?|"
    r"jets?|aircraft|bases?|column|convoys?|patrols?|special|intelligence|citizens?|"
    r"nationals?|sanctions|currency|compan(?:y|ies)|firms?|contractors?|mercenar\w*|"
    r"diplomats?|secretary|ministry|minister|state department|senators?|media|"
    r"newspapers?|journalists?)\b",
    re.IGNORECASE,
)


@dataclass
class Evidence:
    """The country decision for one text."""

    main: str | None
    weights: dict[str, float] = field(default_factory=dict)
    named: set[str] = field(default_factory=set)  # countries the text names strongly


def _text_countries(
    g: Geocoder, text: str, votes: defaultdict[str, float], named: set[str]
) -> None:
    for m in _COUNTRY_WORD.finditer(text[:20000]):
        words = m.group().split()
        for n in range(len(words), 0, -1):  # longest country phrase at this position
            phrase = " ".join(words[:n]).rstrip(".,")
            c = g._country_words.get(norm_key(phrase))
            if not c:
                continue
            end = m.start() + len(phrase)
            weak = bool(_ACTOR_AFTER.match(text, end))
            votes[c] += WEAK if weak else STRONG
            if not weak:
                named.add(c)
            break


def _toponym_votes(
    g: Geocoder, toponyms: Sequence[Toponym], votes: defaultdict[str, float]
) -> None:
    seen: set[str] = set()
    for t in toponyms[:40]:
        key = norm_key(t.text)
        if not key or key in seen or key in g._country_words:
            continue
        seen.add(key)
        rows = [r for r in g.store.by_key(key) if r.country and r.feature != "country"]
        adm1 = {r.country or "" for r in rows if r.feature == "adm1"}
        adm2 = {r.country or "" for r in rows if r.feature == "adm2"} - adm1
        for c in adm1:
            votes[c] += ADM1 / len(adm1)
        for c in adm2:
            votes[c] += ADM2 / len(adm2)
        if adm1 or adm2:
            continue
        prior: dict[str, float] = {}
        for r in rows:
            p = 0.2 + math.log10(max(r.population, 1) + 1) / 7
            prior[r.country or ""] = max(prior.get(r.country or "", 0.0), p)
        total = sum(prior.values())
        for c, p in prior.items():
            votes[c] += TOWN * p / total


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


def _leader(votes: dict[str, float]) -> str | None:
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[:2]
    if not ranked:
        return None
    top, score = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else 0.0
    return top if score >= 0.5 and score > runner + 0.3 else None


def decide(g: Geocoder, toponyms: Sequence[Toponym], text: str, hint: str | None) -> Evidence:
    """The text's country (``main``), the weights behind it and the countries it names."""
    votes: defaultdict[str, float] = defaultdict(float)
    named: set[str] = set()
    if hint:
        c = g.country_of(hint) or hint
        votes[c] += HINT
        named.add(c)
    _text_countries(g, text, votes, named)
    _toponym_votes(g, toponyms, votes)
    return Evidence(_leader(votes), dict(votes), named)
