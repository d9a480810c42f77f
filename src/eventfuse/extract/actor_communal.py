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
    r"(?:raiders|militias?|militiam[ae]n|militants|warriors|tribesmen|clansmen|herdsmen|"
    r"attackers|ethnic (?:group|militia)s?)"
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
# "clashes between the Kipsigis and Maasai communities", "between Borana and Gabra groups"
_PAIR_RX = re.compile(
    rf"\bbetween (?:the )?(?:members of (?:the )?)?(?P<a>{_NAME}) and (?:the )?(?P<b>{_NAME})"
    r" (?:communities|groups|clans|tribes|ethnic groups|herders|pastoralists)\b"
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
            out.append((_ethnic(name, country, m.group(0)), m.start(), m.end()))
    for m in _PAIR_RX.finditer(text):
        for grp in ("a", "b"):
            name = _group_name(m.group(grp), known_words)
            if name:
                out.append((_ethnic(name, country, name), m.start(grp), m.end(grp)))
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


def _ethnic(name: str, country: str, raw: str) -> Actor:
    return Actor(f"{name} Ethnic Militia ({country})", IDENTITY_INTER, raw)
