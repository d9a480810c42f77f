"""Communal and ethnic militias named the ACLED way when the dictionary does not know them.

ACLED names identity militias ``<Group> Ethnic Militia (<country>)`` ("Pokot raiders" ->
"Pokot Ethnic Militia (Kenya)"), and ``Unidentified Ethnic|Communal|Clan Militia (<country>)``
when the note only says "ethnic clashes" or "rival communities". The training dictionary holds
the names it has seen; these rules cover the groups it has not (a new country or period).
"""

from __future__ import annotations

import re

from eventfuse.model import Actor

__all__ = ["IDENTITY_INTER", "communal_spans"]

IDENTITY_INTER = 4  # ACLED inter code of identity (communal/ethnic) militias

# Group nouns that, after a capitalised name, make that name an identity militia.
_GROUP_NOUN = (
    r"(?:raiders|militias?|militiam[ae]n|warriors|tribesmen|clansmen|herdsmen|"
    r"attackers|bandits|youths?|ethnic (?:group|militia)s?)"
)
# Capitalised words that are not group names ("Armed raiders", "Suspected militia").
_NOT_GROUP = frozenset(
    [
        "armed",
        "unknown",
        "unidentified",
        "suspected",
        "rival",
        "local",
        "the",
        "a",
        "an",
        "some",
        "several",
        "many",
        "other",
        "two",
        "three",
        "four",
        "five",
        "heavily",
        "cattle",
        "cross-border",
        "alleged",
        "ethnic",
        "communal",
        "clan",
        "border",
        "islamist",
        "jihadist",
        "government",
        "state",
        "police",
        "army",
        "security",
    ]
)
_NAME = r"[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?"
_NAMED_RX = re.compile(rf"(?<![\w-])(?P<name>{_NAME}) {_GROUP_NOUN}\b")
# A pair of named groups: "clashes between the Kipsigis and Maasai communities", "Garre and
# Degodia militias clashed", "the Palaro and Lukwor clan militias". ACLED names both sides,
# the first named as actor1; a "clan" or "communal" cue word sets the kind of militia.
_PAIR_NOUN = (
    r"(?P<kind>ethnic |communal |clan |tribal )?(?:communities|groups|clans|tribes|herders|"
    r"pastoralists|militias|militiamen|militia|raiders|youths|ethnic groups)\b"
)
_PAIR_RX = re.compile(
    rf"\bbetween (?:the )?(?:members of (?:the )?)?(?P<a>{_NAME}) and (?:the )?(?P<b>{_NAME})"
    rf" {_PAIR_NOUN}"
)
# "Beni Amir and Nuba groups clashed": the same pair as the subject (not "... were killed").
_PAIR_SUBJ_RX = re.compile(
    rf"(?<![\w-])(?P<a>{_NAME}) and (?:the )?(?P<b>{_NAME}) {_PAIR_NOUN}"
    r"(?!(?: \w+){0,2} (?:were|was|are|had been|have been)\b)"
)
# Notes that name no group: the kind of militia comes from the cue word.
_UNNAMED: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Clan", re.compile(r"\b(?:inter-?clan|clan (?:militia|clash|fight)\w*|rival clans)\b", re.I)),
    (
        "Ethnic",
        re.compile(
            r"\b(?:ethnic (?:clash|violence|fight|militia|group|conflict)\w*|"
            r"rival (?:ethnic \w+|pastoralists|tribes)|inter-?ethnic|tribal clash\w*)\b",
            re.I,
        ),
    ),
    (
        "Communal",
        re.compile(
            r"\b(?:communal (?:militia|clash|violence|fight)\w*|rival (?:pastoralist )?"
            r"communities|inter-?communal)\b",
            re.I,
        ),
    ),
)


def _group_name(name: str, known_words: frozenset[str]) -> str | None:
    """The group's name without leading generic or national words ("Sudanese Toposa" ->
    "Toposa"); None when nothing names a group ("Armed", "Kenyan")."""
    words = name.split(" ")
    while words and (words[0].lower() in _NOT_GROUP or words[0].lower() in known_words):
        words.pop(0)
    rest = " ".join(words)
    if not rest or rest.split("-")[0].lower() in _NOT_GROUP | known_words:
        return None
    return rest


def communal_spans(
    text: str, country: str | None, known_words: frozenset[str] = frozenset()
) -> list[tuple[Actor, int, int]]:
    """Identity militias in ``text`` as (actor, start, end); ``known_words`` are lowercase
    words that name something else (countries, demonyms) and so are not ethnic groups."""
    if not country:
        return []
    out: list[tuple[Actor, int, int]] = []
    for m in _NAMED_RX.finditer(text):
        name = _group_name(m.group("name"), known_words)
        if name:
            out.append((_identity_militia(name, country, m.group(0)), m.start(), m.end()))
    for m in (*_PAIR_RX.finditer(text), *_PAIR_SUBJ_RX.finditer(text)):
        kind = _pair_kind(m.group(0))
        for grp in ("a", "b"):
            name = _group_name(m.group(grp), known_words)
            if name:
                out.append((_identity_militia(name, country, name, kind), m.start(grp), m.end(grp)))
    out = list(dict.fromkeys(out))  # a pair both after "between" and as the subject
    if not out:
        for kind, rx in _UNNAMED:
            hit = rx.search(text)
            if hit:
                actor = Actor(
                    f"Unidentified {kind} Militia ({country})", IDENTITY_INTER, hit.group(0)
                )
                out.append((actor, hit.start(), hit.end()))
                break
    return out


def _pair_kind(phrase: str) -> str:
    """ "Clan" or "Communal" when the pair is called clans or communal militias, else
    "Ethnic" (ACLED's default word for a named identity militia)."""
    low = phrase.lower()
    if re.search(r"\bclans?\b", low):
        return "Clan"
    return "Communal" if "communal" in low else "Ethnic"


def _identity_militia(name: str, country: str, raw: str, kind: str = "Ethnic") -> Actor:
    """ACLED's name for a named identity militia: "Garre Clan Militia (Kenya)"."""
    return Actor(f"{name} {kind} Militia ({country})", IDENTITY_INTER, raw)
