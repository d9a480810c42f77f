"""Civilians of another nationality than the event country, coded the ACLED way.

ACLED names victims by their nationality: Somali residents attacked in Kenya are "Civilians
(Somalia)"; foreigners whose nationality the note does not give (aid workers, tourists,
"foreigners") are "Civilians (International)".
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventfuse.model import Actor

__all__ = ["CIVILIAN_INTER", "foreign_civilians"]

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
    alt = "|".join(re.escape(d) for d in sorted(demonyms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alt}) (?:\w+ )?{_PEOPLE}\b|(?<![\w-])({alt})s\b", re.I)
