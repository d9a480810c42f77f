"""Civilians of another nationality than the event country, coded the ACLED way.

ACLED names victims by their nationality: Somali residents attacked in Kenya are "Civilians
(Somalia)"; foreigners whose nationality the note does not give (aid workers, tourists,
"foreigners") are "Civilians (International)".
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventfuse.model import Actor

__all__ = [
    "CIVILIAN_INTER",
    "CROWD_INTER",
    "demonym_alternation",
    "foreign_civilians",
    "foreign_crowd",
]

CIVILIAN_INTER = 7
_PEOPLE = (
    r"(?:nationals?|citizens?|residents?|civilians?|workers?|refugees?|traders?|migrants?|"
    r"herders?|fishermen|tourists?|pilgrims?|engineers?|doctors?|nurses?|missionar(?:y|ies)|"
    r"businessm[ae]n|men|women|man|woman|families|family|people|students?|teachers?|"
    r"shepherds?|drivers?|truck drivers?|labou?rers?|expatriates?)"
)
_INTERNATIONAL = re.compile(
    r"\b(?:foreigners?|foreign (?:nationals?|citizens?|workers?|tourists?|aid workers?|"
    r"journalists?|engineers?)|expatriates?|(?:international )?aid workers?|"
    r"humanitarian workers?|Red Cross|tourists?|UN (?:staff|workers?|employees))\b",
    re.IGNORECASE,
)


def foreign_civilians(text: str, country: str | None, demonyms: dict[str, str]) -> Actor | None:
    """The foreign civilians ``text`` names, or None; ``demonyms`` maps a lowercase
    demonym ("somali") to its country ("Somalia")."""
    if not country or not demonyms:
        return None
    for m in _pattern(tuple(sorted(demonyms))).finditer(text):
        other = demonyms[(m.group(1) or m.group(2)).lower()]
        if other != country:
            return Actor(f"Civilians ({other})", CIVILIAN_INTER, m.group(0))
    hit = _INTERNATIONAL.search(text)
    if hit:
        return Actor("Civilians (International)", CIVILIAN_INTER, hit.group(0))
    return None


@lru_cache(maxsize=4)
def _pattern(demonyms: tuple[str, ...]) -> re.Pattern[str]:
    """ "Somali residents", "Ethiopian aid workers", "Somalis" for the given demonyms."""
    alt = demonym_alternation(demonyms)
    return re.compile(rf"(?<![\w-])({alt}) (?:\w+ )?{_PEOPLE}\b|(?<![\w-])({alt})s\b", re.I)


# Words for the members of a crowd; with a foreign demonym in front ("Indian nationals",
# "Venezuelan refugees", "Chinese demonstrators") they name the crowd's nationality.
_CROWD = (
    r"(?:nationals|citizens|refugees|migrants|demonstrators|protesters|protestors|rioters|"
    r"tourists|workers|students|residents|returnees|deportees|asylum seekers|pilgrims|"
    r"traders|labou?rers)"
)
# Migrants or refugees of no stated nationality acting as the crowd ("a group of 78 migrants
# who tried to escape using violence"): ACLED's "International" crowd.
_MIGRANT_CROWD = re.compile(
    r"\b(?:migrants|refugees|asylum seekers|foreigners|foreign nationals)"
    r"(?: \w+){0,3} (?:clashed|attacked|assaulted|rioted|protested|demonstrated|stormed|"
    r"threw|pelted|tried to (?:escape|break|force|cross)|broke)\b",
    re.IGNORECASE,
)
CROWD_INTER = {"Rioters": 5, "Protesters": 6}
# "Ethiopian nationals were attacked by a mob": the foreigners are the victims, not the crowd.
_PASSIVE = re.compile(r" (?:\w+ )?(?:are|were|was|is|have been|had been|being) ")


def foreign_crowd(
    text: str, country: str | None, demonyms: dict[str, str], kind: str
) -> Actor | None:
    """The protesters or rioters (``kind``) of another nationality than the event country
    that ``text`` names ("Indian nationals clashed with Nepal police" in Nepal -> Rioters
    (India)); migrants of no stated nationality are "International"; None otherwise."""
    if not country or kind not in CROWD_INTER:
        return None
    if demonyms:
        for m in _crowd_pattern(tuple(sorted(demonyms))).finditer(text):
            other = demonyms[m.group(1).lower()]
            if other != country and not _PASSIVE.match(text, m.end()):
                return Actor(f"{kind} ({other})", CROWD_INTER[kind], m.group(0))
    hit = _MIGRANT_CROWD.search(text)
    if hit:
        return Actor(f"{kind} (International)", CROWD_INTER[kind], hit.group(0))
    return None


@lru_cache(maxsize=4)
def _crowd_pattern(demonyms: tuple[str, ...]) -> re.Pattern[str]:
    """ "Indian nationals", "Venezuelan refugees", "Chinese demonstrators"."""
    alt = demonym_alternation(demonyms)
    return re.compile(rf"(?<![\w-])({alt}) (?:\w+ )?{_CROWD}\b", re.I)


def demonym_alternation(demonyms: tuple[str, ...]) -> str:
    """The demonyms as one alternation, longest first ("South Sudanese" before "Sudanese")."""
    return "|".join(re.escape(d) for d in sorted(demonyms, key=len, reverse=True))
