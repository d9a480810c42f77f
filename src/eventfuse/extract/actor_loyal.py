"""State forces named by their allegiance, and named military operations.

ACLED codes a side described by its loyalty to the government as the state's forces:
"pro-government forces", "troops loyal to President X", "regime artillery" are all
``Military Forces of <country>`` (the country of the event). A militia described the same
way is not the army: ACLED names it ``Militia (Pro-Government)``.

A named operation ("Operation Crimson Tide") is coded by who runs it: with a state's
demonym in front ("French Operation X forces") it is that state's forces; on its own
("fighters of Operation X", "Operation X factions shelled") ACLED writes the operation's
name as the actor, the way it names a coalition.
"""

from __future__ import annotations

import re

__all__ = ["PRO_GOV_MILITIA", "loyal_spans", "operation_spans"]

PRO_GOV_MILITIA = "Militia (Pro-Government)"

_FORCE = (
    r"(?:forces|troops|soldiers|units|elements|fighters|army|servicemen|personnel|"
    r"loyalists|brigades?|battalions?)"
)
_GOV = (
    r"(?:(?:the |a )?(?:(?:internationally[- ]recognized|recognised|recognized|interim|"
    r"transitional|legitimate|central|national|federal|elected)\s+)*"
    r"(?:government|regime|state|authorities|president|army|presidency)\b"
    r"|(?:the )?(?:President|Prime Minister|Premier) [A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})"
)
# "troops loyal to the government", "forces allied with President Xa Yb".
_LOYAL_TO = re.compile(
    rf"\b{_FORCE} (?:(?:still|remaining|that remain(?:ed)?) )?(?:loyal to|allied (?:to|with)|"
    rf"aligned with|backing|supporting) {_GOV}"
)
# "pro-government forces", "government-allied troops", "pro-President Xa forces".
_PRO_GOV = re.compile(
    r"\b(?:pro-(?:government|regime|state|presidential|President(?: [A-Z][\w'’-]+){1,2})|"
    rf"(?:government|regime|state)-(?:allied|aligned|loyal)) {_FORCE}\b",
    re.IGNORECASE,
)
_PRO_GOV_MILITIA = re.compile(
    r"\b(?:pro[- ](?:government|regime)|(?:government|regime)[- ](?:backed|allied|aligned))"
    r" (?:militias?|militiamen|militia members|armed groups?|vigilantes)\b",
    re.IGNORECASE,
)
# "regime shelling", "the regime's warplanes", "the regime bombed": the state's forces.
_REGIME = re.compile(
    r"(?P<r>\b(?:the )?regime(?:'s|’s)?) (?=(?:forces|troops|soldiers|army|artillery|shell\w*|"
    r"warplanes|aircraft|jets|helicopters?|drones?|airstrikes?|air ?strikes?|rockets?|"
    r"missiles?|militar\w*|checkpoints?|positions|fire|snipers?|bombard\w*|attacks?|"
    r"prisons?|detention|intelligence|security|officers?|personnel|"
    r"shelled|bombed|attacked|fired|launched|targeted|struck|raided|arrested|detained)\b)",
    re.IGNORECASE,
)
_OPERATION = re.compile(
    r"(?:(?P<dem>\b[A-Z][a-z]+(?:-led)?) )?\bOperation (?P<name>(?:[A-Z][\w'’-]+ ?){1,3})"
)
# "launched Operation X", "as part of Operation X": the operation is an event, not a side.
_NOT_SIDE = re.compile(
    r"\b(?:launch\w*|beg[au]n|start\w*|part of|during|in|dubbed|called|named|code-?named|"
    r"announc\w*|end\w*|conclu\w*)\s+(?:the |a |its |their |an )?(?:\w+ )?$",
    re.IGNORECASE,
)
# Operation names end before a lowercase word; these capitalised words are not part of it.
_NOT_NAME = frozenset({"On", "In", "The", "A", "An", "And", "Forces", "Factions"})


def loyal_spans(text: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of sides named by loyalty: kind "military" (the event country's
    military forces) or "militia" (``Militia (Pro-Government)``)."""
    out: list[tuple[str, int, int]] = []
    for rx in (_LOYAL_TO, _PRO_GOV):
        out += [("military", m.start(), m.end()) for m in rx.finditer(text)]
    out += [("military", m.start("r"), m.end("r")) for m in _REGIME.finditer(text)]
    for m in _PRO_GOV_MILITIA.finditer(text):
        out.append(("militia", m.start(), m.end()))
    return out


def operation_spans(text: str, demonyms: dict[str, str]) -> list[tuple[str, str | None, int, int]]:
    """(operation name, state or None, start, end) of named operations: the state of a
    demonym in front ("French Operation X" -> France), else None (the operation is the
    actor)."""
    out: list[tuple[str, str | None, int, int]] = []
    for m in _OPERATION.finditer(text):
        words = m.group("name").split()
        while words and words[-1] in _NOT_NAME:
            words.pop()
        if not words:
            continue
        name = "Operation " + " ".join(words)
        start = m.start("name") - len("Operation ")
        end = start + len(name)
        dem = m.group("dem")
        if dem is None and _NOT_SIDE.search(text[max(0, start - 40) : start]):
            continue
        state = demonyms.get(dem.lower()) if dem else None
        if state is not None:
            start = m.start("dem")
        out.append((name, state, start, end))
    return out
