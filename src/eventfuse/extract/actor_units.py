"""State-force units and factions, the suffix of ACLED state actor names.

ACLED names a unit or faction of a state's forces after the regime period:
"Police Forces of Kenya (2013-) General Service Unit", "Military Forces of Libya (2014-) Haftar
Faction". :func:`unit_entries` learns the surface forms of those suffixes from ACLED rows: a
unit seen under one country names that country's unit; a unit type seen under several
countries ("Gendarmerie", "Prison Guards") becomes a ``{country}`` template for any country.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

__all__ = ["UnitName", "split_unit", "unit_entries", "unit_surfaces"]

_UNIT_RE = re.compile(r"^(Military|Police) Forces of (.+?) \((\d{4}-(?:\d{4})?)\) (.+)$")


UnitName = tuple[str, str, bool]  # (surface, actor name, case sensitive)


def unit_surfaces(unit: str) -> list[str]:
    """Words a note uses for a unit: "GSU" and "General Service Unit" for "General Service
    Unit", both halves of "GNB: Venezuelan National Guard", "Haftar" for "Haftar Faction"."""
    if ":" in unit:
        acro, full = (s.strip() for s in unit.split(":", 1))
        return [s for s in (acro, full) if s]
    out = [unit]
    words = [w for w in unit.split() if w[:1].isupper() and w.lower() not in ("of", "for")]
    if len(words) >= 3 and len(words) == len(unit.split()):
        out.append("".join(w[0] for w in words))  # acronym of a fully capitalised name
    if unit.endswith(" Faction") and len(unit.split()) == 2:
        out.append(unit.split()[0])  # "Haftar Faction": the notes say "Haftar's forces"
    return out


def unit_entries(names: Iterable[str]) -> list[UnitName]:
    """(surface, name, case_sensitive) for the units in ACLED state actor ``names``."""
    seen: dict[str, Counter[tuple[str, str, str]]] = defaultdict(Counter)
    for name in names:
        m = _UNIT_RE.match(name)
        if m:
            kind, country, period, unit = m.groups()
            for s in unit_surfaces(unit):
                seen[s][(kind, country, f"{period}|{unit}")] += 1
    out: list[UnitName] = []
    for surface, c in sorted(seen.items()):
        if len(surface) < 3:
            continue
        countries = {country for _, country, _ in c}
        (kind, country, pu), _ = c.most_common(1)[0]
        period, unit = pu.split("|", 1)
        if len(countries) > 1:
            kinds = Counter(k for k, _, _ in c.elements())
            name = f"{kinds.most_common(1)[0][0]} Forces of {{country}} {unit}"
        else:
            name = f"{kind} Forces of {country} ({period}) {unit}"
        out.append((surface, name, surface.isupper()))
    return out


def split_unit(name: str, bases: Iterable[str]) -> tuple[str, str]:
    """("Military Forces of Turkey", "Gendarmerie") for "Military Forces of Turkey
    Gendarmerie" when the first part is one of ``bases`` (names with a known period)."""
    best = ""
    for b in bases:
        if name.startswith(b + " ") and len(b) > len(best):
            best = b
    return (best, name[len(best) + 1 :]) if best else (name, "")
