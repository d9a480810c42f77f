"""Controlled vocabularies the fusion rules need: event families and ACLED's type hierarchy."""

from __future__ import annotations

# Families that may describe the same real event: one raid may be typed Battles by one report
# and Air/drone strike or an Attack on civilians by another, so all organised violence is one
# family; demonstrations are another; strategic developments a third.
FAMILY: dict[str, int] = {
    "Battles": 0,
    "Explosions/Remote violence": 0,
    "Violence against civilians": 0,
    "Protests": 1,
    "Riots": 1,
    "Strategic developments": 2,
}

# ACLED's hierarchy, highest first: when concurrent tactics are reported for one event the
# higher type absorbs the lower (an airstrike during a ground battle is one Battles event).
TYPE_RANK: dict[str, int] = {
    "Battles": 0,
    "Explosions/Remote violence": 1,
    "Violence against civilians": 2,
    "Riots": 3,
    "Protests": 4,
    "Strategic developments": 5,
}

# Actor names that say nothing about who acted: they neither support nor contradict a match.
GENERIC_ACTORS: frozenset[str] = frozenset(
    {"unidentified armed group", "unidentified military forces", "unknown", ""}
)
# Civilians, protesters and rioters of a country are in most events of a city on a busy day
# (two bombings in Mogadishu both kill "Civilians (Somalia)"): sharing them only counts when
# neither report names an armed or state actor.
WEAK_ACTORS: frozenset[str] = frozenset({"civilians", "protesters", "rioters"})

STOPWORDS: frozenset[str] = frozenset(
    """the a an and or of in on at to for from by with was were is are be been has have had
    that this which who said says after before as it its their they he she his her them than
    into over near least about also during against other more some while would could will
    """.split()  # noqa: SIM905
)

# Capitalised words that name no incident: calendar words, titles, generic organisations.
NAME_STOPWORDS: frozenset[str] = frozenset(
    """information deputy prime chief commander spokesperson health human rights watch
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday president minister ministry mayor
    governor general colonel spokesman spokeswoman police army military government official
    officials state islamic republic national interior defence defense security forces
    council united nations red cross crescent reuters agence press associated news twitter
    telegram facebook""".split()  # noqa: SIM905
)


def family_of(event_type: str) -> int:
    """The family code of an ACLED event type (unknown types form their own family 3)."""
    return FAMILY.get(event_type, 3)


def is_weak_actor(name: str) -> bool:
    """True for ``Civilians (Somalia)``, ``Protesters (Kenya)`` and the like."""
    return name.split("(")[0].strip().lower() in WEAK_ACTORS


def is_generic_actor(name: str) -> bool:
    """True for actor names such as ``Unidentified Armed Group (Iraq)``."""
    base = name.split("(")[0].strip().lower()
    return base in GENERIC_ACTORS
