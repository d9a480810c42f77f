"""Named armed groups the dictionary has never seen, named the way ACLED names groups.

A note introduces a new group as a capitalised phrase ending in a group word ("Syrian
Democratic Forces", "Kurdistan Workers' Party"), often with its acronym in parentheses.
ACLED writes such a group as ``ACRONYM: Full Name`` ("ADF: Allied Democratic Forces") when it
has an acronym and as the plain full name otherwise ("Party of National Unity"), with no
country suffix. Later bare uses of the acronym in the same note name the same group.

State forces ("Iraqi Security Forces", "Syrian Arab Army") are not groups: a phrase made only
of national and generic state words is left to the dictionary.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from eventfuse.model import Actor

__all__ = ["HEAD_INTER", "group_spans", "head_inters"]

# Group head words and the inter code they usually carry (ACLED: rebels 2, political
# militias and parties 3). :func:`head_inters` refines these from the dictionary.
HEAD_INTER: dict[str, int] = {
    "forces": 2,
    "front": 2,
    "brigade": 2,
    "brigades": 2,
    "battalion": 2,
    "battalions": 2,
    "army": 2,
    "liberation": 2,
    "resistance": 2,
    "movement": 3,
    "militia": 3,
    "militias": 3,
    "party": 3,
    "group": 2,
    "council": 3,
    "union": 3,
    "alliance": 2,
    "coalition": 3,
    "organization": 2,
    "organisation": 2,
    "mobilization": 3,
    "mobilisation": 3,
    "units": 2,
    "corps": 2,
    "guards": 2,
    "initiative": 3,
}
# Words that only describe state forces or generic sides: a phrase of these words (and
# national words) is a state force or a description, not a group's name.
_STATE_WORDS = frozenset(
    [
        "security",
        "armed",
        "forces",
        "force",
        "army",
        "military",
        "special",
        "national",
        "government",
        "defence",
        "defense",
        "border",
        "guard",
        "guards",
        "republican",
        "air",
        "navy",
        "naval",
        "federal",
        "royal",
        "regular",
        "arab",
        "coalition",
        "international",
        "joint",
        "police",
        "presidential",
        "interior",
        "state",
        "people's",
        "popular",
        "local",
        "the",
        "of",
        "and",
        "for",
        "government-backed",
        "pro-government",
        "rebel",
        "rebels",
        "opposition",
        "islamist",
        "militia",
        "militias",
        "group",
        "groups",
        "unit",
        "units",
        "brigade",
        "brigades",
        "battalion",
        "battalions",
        "tribal",
        "allied",
        "unidentified",
        "unknown",
        "armed",
        "govt",
    ]
)
_CONNECT = r"(?:of|for|the|and|al|el|de|du|des|la|le|wa|fi|bin)"
_WORD = r"(?:[A-Z][\w'’.-]*[\w']|[A-Z])"
_PHRASE_RX = re.compile(
    rf"(?<![\w-]){_WORD}(?:[ -](?:{_CONNECT}[ -])*{_WORD})*"
    r"(?:\s*\((?P<acro>[A-Z][A-Za-z0-9/&-]{1,11})\))?"
)
# A lowercase "forces" after a name whose head is not a force noun is part of the name
# ACLED writes: "National Resistance forces" -> "National Resistance Forces".
_FORCES_AFTER = re.compile(r" forces\b")
# A lowercase group word after a capitalised name with no head of its own names the group
# ("the Red Hand brigade", "the Free Homeland movement"); ACLED capitalises it.
# Words that as often describe state or generic sides ("Kenyan army", "Somali forces") or
# a place ("the northern front") are left out.
_LOWER_HEAD_AFTER = re.compile(r" (brigades?|battalions?|movement|initiative|alliance)\b")
_FORCE_HEADS = frozenset(
    [
        "forces",
        "army",
        "brigade",
        "brigades",
        "battalion",
        "battalions",
        "militia",
        "militias",
        "units",
        "corps",
        "guards",
    ]
)
# "NAS rebels", "KNU fighters": an acronym the dictionary does not know, used as a group's
# name. ACLED writes "NAS: National Salvation Front"; the acronym alone is the best guess,
# and it tells the coder there is a named side (so the state is not the only one).
_ACRO_GROUP_RX = re.compile(
    r"(?<![\w-])([A-Z][A-Z0-9]{1,5})(?:'s)? (rebels?|fighters?|militants?|insurgents?|"
    r"militia|militiamen|combatants?|guerrillas?)\b"
)
# "EPP (Paraguayan People's Army)": an acronym with the group's full name in parentheses
# after it (the other order from "Full Name (ACR)"); ACLED writes "EPP: Paraguayan People's
# Army" either way. The acronym may come from another language, so its letters are not
# checked against the name.
_ACRO_BEFORE = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]{1,6}) \($")
# "Mungiki members", "the Dahalo gang": a one-word name the dictionary does not know,
# followed by a word for the group's men. ACLED names a militia with no formal name
# "<Name> Militia" (identity militias are left to actor_communal).
_NAMED_MEN_RX = re.compile(
    r"(?<![\w'’.-])([A-Z][a-z]{3,})(?:'s)? (?:members|gang|gangs|sect|adherents|followers|"
    r"gangsters)\b"
)
_NOT_NAME = frozenset(
    {
        "the",
        "this",
        "that",
        "these",
        "those",
        "some",
        "many",
        "several",
        "other",
        "armed",
        "suspected",
        "unknown",
        "criminal",
        "local",
        "rival",
        "family",
        "party",
        "group",
        "community",
        "youth",
        "police",
        "army",
        "church",
        "cabinet",
        "parliament",
        "gang",
        "three",
        "four",
        "five",
        "seven",
        "eight",
        "nine",
        "dozens",
        "hundreds",
        "members",
    }
)
# Words of institutions and places, which act in notes without being armed groups ("the
# Interior Ministry attacked the report", "the Red Cross carried out").
_INSTITUTIONS = frozenset(
    [
        "ministry",
        "ministries",
        "department",
        "office",
        "court",
        "government",
        "commission",
        "agency",
        "bank",
        "university",
        "hospital",
        "church",
        "company",
        "red",
        "cross",
        "nations",
        "mission",
        "authority",
        "authorities",
        "county",
        "province",
        "district",
        "city",
        "river",
        "mount",
        "lake",
    ]
)
# "the Sons of Dawn claimed the attack": a capitalised name with no group word, after
# "the" and before a verb of armed action, names a group the note takes as known.
_THE_BEFORE = re.compile(r"\bthe $")
_ACTS_AFTER = re.compile(
    r" (?:(?:has|have|had|reportedly|allegedly) )?(?:carried out|claimed responsibility|"
    r"attacked|ambushed|"
    r"killed|abducted|kidnapped|bombed|torched|set fire|shelled|launched|stormed|raided|"
    r"executed|fired|detonated|seized)\b"
)
# Acronyms that name no armed group ("UN", "IDP", "NGO").
_NOT_ACRO = frozenset({"UN", "IDP", "IDPS", "NGO", "NGOS", "AU", "EU", "OSCE", "SMM", "HRW"})
_STANCE = re.compile(r"(?:pro|anti)-\S", re.IGNORECASE)
_LEAD_DROP = frozenset({"the", "a", "an", "on", "in", "by", "pro", "anti", "and", "of"})


def head_inters(names: Iterable[tuple[str, int]]) -> dict[str, int]:
    """Inter code per head word, learned from named dictionary actors (name, inter) whose
    name contains that head; the built-in default where the dictionary says nothing."""
    votes: dict[str, Counter[int]] = {h: Counter() for h in HEAD_INTER}
    for name, inter in names:
        if inter not in (2, 3) or name.startswith(("Military", "Police", "Unidentified")):
            continue
        full = name.split(":", 1)[-1]
        for w in set(re.findall(r"[A-Za-z]+", full.lower())):
            if w in votes:
                votes[w][inter] += 1
    return {h: (c.most_common(1)[0][0] if c else HEAD_INTER[h]) for h, c in votes.items()}


def _trim(words: list[str]) -> list[str]:
    """Drop leading articles/prepositions, a second name after "and" ("Party of National
    Unity and ODM"), words after the last head that do not continue the name ("Geo Group
    Editor-in-Chief") and trailing connectors."""
    # "Anti-Houthi National Resistance Forces": a stance before the name is no part of it.
    while words and (words[0].lower() in _LEAD_DROP or _STANCE.match(words[0])):
        words = words[1:]
    # "Fighters of the X Front", "Members of X Party": the name starts after "of (the)".
    while len(words) > 2 and words[0].lower() not in HEAD_INTER and _is_connector(words[1]):
        words = words[1:]
        while words and _is_connector(words[0]):
            words = words[1:]
    if "and" in words:
        i = words.index("and")
        rest = words[i + 1 :]
        if (rest and rest[0].isupper() and len(rest[0]) > 1) or _head(words[:i]) == words[
            i - 1
        ].lower():
            words = words[:i]
    last = max((i for i, w in enumerate(words) if w.lower() in HEAD_INTER), default=-1)
    if 0 <= last < len(words) - 1 and not _is_connector(words[last + 1]):
        words = words[: last + 1]
    while words and _is_connector(words[-1]):
        words = words[:-1]
    return words


def _is_connector(word: str) -> bool:
    return re.fullmatch(_CONNECT, word) is not None


def _head(words: list[str]) -> str | None:
    """The group head word of the phrase (the last one, so "Forces" in "Union Forces")."""
    heads = [w.lower() for w in words if w.lower() in HEAD_INTER]
    return heads[-1] if heads else None


def _is_state_phrase(words: list[str], nationals: frozenset[str]) -> bool:
    """Only national and generic state words: "Iraqi Security Forces", "Syrian Arab Army"."""
    # "Zambia's Army": a country's possessive is as national as its demonym.
    bare = [re.sub(r"['’]s$", "", w.lower()) for w in words]
    return all(w in _STATE_WORDS or w in nationals for w in bare)


def _acting_name(text: str, m: re.Match[str], words: list[str], nationals: frozenset[str]) -> bool:
    """Whether a capitalised phrase with no group word is a group acting under its name."""
    if len(words) < 2 or m.group(0) != " ".join(words) or _is_state_phrase(words, nationals):
        return False
    if any(w.lower() in nationals or w.lower() in _INSTITUTIONS for w in words):
        return False
    before = text[max(0, m.start() - 4) : m.start()]
    return bool(_THE_BEFORE.search(before)) and _ACTS_AFTER.match(text, m.end()) is not None


def _start_of(m: re.Match[str], words: list[str]) -> int:
    """Where the trimmed name ``words`` starts inside the phrase match ``m``."""
    return m.start() + m.group(0).index(words[0])


def group_spans(
    text: str, nationals: frozenset[str], inters: dict[str, int] | None = None
) -> list[tuple[Actor, int, int]]:
    """Named groups in ``text`` as (actor, start, end); ``nationals`` are lowercase country
    names and demonyms, ``inters`` the inter code per head word (see :func:`head_inters`)."""
    inters = inters or HEAD_INTER
    out: list[tuple[Actor, int, int]] = []
    acronyms: dict[str, Actor] = {}
    for m in _PHRASE_RX.finditer(text):
        body = m.group(0)[: m.start("acro") - m.start() if m.group("acro") else None].strip()
        body = body.rstrip("(").strip()
        words = re.split(r"\s+", body)
        low = None if _head(words) or m.group("acro") else _LOWER_HEAD_AFTER.match(text, m.end())
        if low is not None:
            words.append(low.group(1).capitalize())
        if low is None and _head(words) is None and _acting_name(text, m, words, nationals):
            out.append((Actor(" ".join(words), 3, m.group(0)), m.start(), m.end()))
            continue
        words = _trim(words)
        head = _head(words)
        if head is None or len(words) < 2 or _is_state_phrase(words, nationals):
            continue
        if any(w.lower() in ("ethnic", "communal", "clan") for w in words):
            continue  # identity militias are named by actor_communal
        if m.start() == 0 and words[0].lower() in ("on", "around"):
            continue
        full = " ".join(words)
        end = low.end() if low is not None else m.end()
        tail = _FORCES_AFTER.match(text, end)
        if tail and head not in _FORCE_HEADS and body.endswith(words[-1]):
            full, end = full + " Forces", tail.end()  # "National Resistance forces"
        acro = m.group("acro") if body.endswith(words[-1]) else None
        named_at = _start_of(m, words)
        before = _ACRO_BEFORE.search(text, max(0, named_at - 12), named_at)
        if before and before.group(1) in _NOT_ACRO:
            before = None
        if acro is None and before and text.startswith(")", end) and full == body:
            acro, end = before.group(1), end + 1  # "EPP (Paraguayan People's Army)"
        name = f"{acro}: {full}" if acro else full
        actor = Actor(name, inters.get(head, HEAD_INTER[head]), m.group(0))
        start = before.start(1) if before and name.startswith(before.group(1) + ":") else named_at
        out.append((actor, start, end))
        if acro and name.startswith(acro + ":"):
            acronyms[acro] = actor
    for m in _ACRO_GROUP_RX.finditer(text):
        acro = m.group(1)
        if acro.lower() in nationals or acro in acronyms or acro in _NOT_ACRO:
            continue
        actor = Actor(acro, 3 if m.group(2).startswith("militi") else 2, m.group(0))
        out.append((actor, m.start(1), m.end(1)))
        acronyms[acro] = actor
    for m in _NAMED_MEN_RX.finditer(text):
        word = m.group(1)
        if word.lower() in nationals or word.lower() in _NOT_NAME or m.start() == 0:
            continue
        out.append((Actor(f"{word} Militia", 3, m.group(0)), m.start(1), m.end(1)))
    starts = {s for _, s, _ in out}
    for acro, actor in acronyms.items():
        for a in re.finditer(rf"(?<![\w(-]){re.escape(acro)}(?![\w)-])", text):
            if a.start() not in starts:
                out.append((Actor(actor.name, actor.inter, acro), a.start(), a.end()))
    return out
