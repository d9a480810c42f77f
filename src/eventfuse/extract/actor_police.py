"""Police the way ACLED codes them: a foreign state's police by its demonym, and the
"security forces" that face a crowd.

Two codebook habits the dictionary alone misses:

* "Turkish police officers fired at ..." in a note on Greece are Turkey's police, not the
  event country's. The dictionary knows "Turkish forces" (the military) but a bare "police"
  resolves to the event country; the demonym before the police noun says whose police they are.
* At a demonstration or riot, "security forces" with no soldiers or army named are the
  police that policed the crowd: ACLED codes them "Police Forces of X", while the same words
  in a battle are the military (training notes: 7 of 8 crowd events, against 62 of 66
  battles the other way).
"""

from __future__ import annotations

import re

__all__ = ["crowd_security_is_police", "foreign_police_spans", "police_pattern"]

# Words between the demonym and the police noun: "Turkish border police", "Ugandan maritime
# police". A closed list of the force's branches only: an open word lets a region's people
# read as a foreign state ("Somali special police" in Ethiopia are the Somali Region's, the
# home police; so are "Somali regional/Liyu police"), and "Kenyan forces and police" is none.
_POLICE_NOUN = (
    r"(?:(?:border|maritime|federal|national|riot|anti-riot|traffic|coast|marine|frontier)\s+)?"
    r"(?:police(?:m[ae]n|wom[ae]n)?|gendarmes?|gendarmerie)\b"
)


def police_pattern(demonym_alt: str) -> re.Pattern[str]:
    """The "<demonym> [branch] police" pattern for ``demonym_alt``, an alternation of
    demonyms (a pattern that never matches when there are none)."""
    if not demonym_alt:
        return re.compile(r"(?!x)x")
    return re.compile(rf"(?<![\w-])({demonym_alt}) {_POLICE_NOUN}", re.IGNORECASE)


def foreign_police_spans(
    text: str, country: str | None, demonyms: dict[str, str], rx: re.Pattern[str]
) -> list[tuple[str, int, int]]:
    """(state, start, end) for each "<demonym> [word] police" in ``text`` whose state is not
    ``country`` (the home police the dictionary codes already, units included);
    ``demonyms`` maps a lowercase demonym to its state, ``rx`` is their ``police_pattern``."""
    out = []
    for m in rx.finditer(text):
        state = demonyms.get(m.group(1).lower())
        if state and state != country:
            out.append((state, m.start(), m.end()))
    return out


# A generic name for the state's armed men: "security forces", "the security personnel".
_SECURITY_RAW = re.compile(
    r"^(?:the )?(?:[A-Z][a-z]+ )?security (?:forces|personnel|officers|agents|men)$",
    re.IGNORECASE,
)
# Any word that does name soldiers: then "security forces" may well be the army.
_SOLDIER_WORDS = re.compile(
    r"\b(?:army|military|soldiers?|troops|armed forces|gendarm\w*|national guard|marines?)\b",
    re.IGNORECASE,
)


def crowd_security_is_police(raw: str, text: str) -> bool:
    """Whether a state mention ``raw`` at a protest or riot is the police: it only says
    "security forces" and the note names no soldiers anywhere."""
    return bool(_SECURITY_RAW.match(raw.strip())) and not _SOLDIER_WORDS.search(text)
