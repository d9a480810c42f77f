""" "Where" cues: the spatial words before a place that say the event happened there.

The cues are compared with what ``finder.relation_before`` writes (lower case, one space, a
distance and "-ern" folded away: "10 km north-eastern of" -> "northeast of"). Several readers
ask "is this place written as where?" with slightly different needs; the shared words live
here and each reader says what it adds or leaves out, and why.
"""

from __future__ import annotations

import re

# A place after one of these is where something was ("in Kabul", "near Mosul", "close to the
# border town"). "to", "from", "between", "via" lead to places too, but not firmly to where
# the event was ("told The Independent", "from Reuters", "fled to Kenya").
WHERE_CUES: tuple[str, ...] = (
    "in",
    "at",
    "near",
    "nearby",
    "inside",
    "within",
    "outside",
    "around",
    "close to",
)

# Verbs whose object is, in conflict news, a place: "shelled Menbij", "captured Kansafra",
# "stormed Jenin". A town written right after one is where the event was, as after "in"
# (geo_precision 1). Verbs whose object is as often a person ("attacked", "targeted",
# "killed", "arrested") are left out: "attacked Hassan" names a man, not a village.
ACT_CUES: tuple[str, ...] = (
    "shelled",
    "bombed",
    "bombarded",
    "stormed",
    "raided",
    "besieged",
    "captured",
    "recaptured",
    "retook",
    "seized",
    "overran",
    "overrun",
    "infiltrated",
    "airstrikes on",
    "air strikes on",
    "airstrike on",
    "air strike on",
    "shelling of",
    "shelling on",
    "bombardment of",
    "bombing of",
    "siege of",
    "storming of",
)

# The people of a town: "residents of Litein", "youths in Kisumu". The town is where they
# were, as after "in": ``finder`` reads these as cues, the geocoder keeps geo_precision 1.
RESIDENT_CUES: tuple[str, ...] = tuple(
    f"{who} {prep}"
    for who in ("residents", "villagers", "inhabitants", "people", "youth", "youths")
    for prep in ("of", "in")
)

# Words of an administrative unit written after its name ("Chimtal district, Balkh",
# "Makhmur district"). The readers that look for one start from these and add what their
# own case needs (``locate._UNIT_COMMA``: "sub-county", "commune"; ``variants._ADMIN_AFTER``:
# Arabic and Persian units; ``finder.OFFICE_WORDS``: offices). ``normalize.GENERIC``, the
# words dropped from name keys, holds every one of them.
ADMIN_UNIT_WORDS: tuple[str, ...] = (
    "district",
    "county",
    "province",
    "governorate",
    "municipality",
)


def alternation(cues: tuple[str, ...]) -> str:
    """The cues as a regular-expression alternation, in their order (no group)."""
    return "|".join(re.escape(c) for c in cues)
