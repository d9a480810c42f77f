"""ACLED actor coding: find actor mentions with a dictionary, then assign actor1/actor2 by role.

The dictionary has three layers, merged in this order (later entries win on equal surface):
1. ``data/actors/generic.yaml``: hand-written aliases with a ``{country}`` slot ("police" ->
   "Police Forces of {country}") and demonyms ("Iraqi forces" -> "Military Forces of Iraq").
2. ``data/actors/learned.yaml``: named actors and regime periods learned from ACLED files by
   :meth:`ActorDictionary.learn_from_rows` (``eventfuse train`` rebuilds it).
3. user YAML/CSV files passed to :meth:`ActorDictionary.load`.

Roles follow ACLED's conventions per sub-event type (see ``code_actors``): protests have
Protesters as actor1; violence against civilians always has Civilians as actor2; battles put
the side that acts (the subject of an attack verb, or the first named) as actor1.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from eventfuse.errors import InputError
from eventfuse.extract.actor_civilians import (
    demonym_alternation,
    foreign_civilians,
    foreign_crowd,
)
from eventfuse.extract.actor_communal import communal_spans
from eventfuse.extract.actor_gangs import GANG_COUNTRIES, gang_actor
from eventfuse.extract.actor_groups import group_spans, head_inters
from eventfuse.extract.actor_loyal import PRO_GOV_MILITIA, loyal_spans, operation_spans
from eventfuse.extract.actor_police import (
    crowd_security_is_police,
    foreign_police_spans,
    police_pattern,
)
from eventfuse.extract.actor_units import split_unit, unit_entries
from eventfuse.model import Actor, strip_period

__all__ = [
    "ACTOR_DIR",
    "ActorCoding",
    "ActorDictionary",
    "ActorMatch",
    "Entry",
    "code_actors",
    "interaction_code",
]

ACTOR_DIR = Path(__file__).resolve().parents[1] / "data" / "actors"
MAX_TEXT = 20_000
_PERIOD_RE = re.compile(r"\((\d{4}-(?:\d{4})?)\)")
_STATE_RE = re.compile(r"^(Military|Police) Forces of (.+?) \((\d{4}-(?:\d{4})?)\)")


@dataclass(frozen=True)
class Entry:
    """One surface form of an actor. ``name`` may contain ``{country}``."""

    surface: str
    name: str
    inter: int
    case_sensitive: bool = False


@dataclass(frozen=True)
class ActorMatch:
    actor: Actor
    start: int
    end: int


@dataclass(frozen=True)
class ActorCoding:
    actor1: Actor | None
    actor2: Actor | None
    assoc_actor1: tuple[str, ...]
    assoc_actor2: tuple[str, ...]
    interaction: int | None
    confidence: float
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)


def interaction_code(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED interaction: lower code first (12, 28 ...), or X0 for one-sided events."""
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    lo, hi = sorted((inter1, inter2))
    return lo * 10 + hi


class ActorDictionary:
    """Surface forms -> ACLED actors, plus each country's current regime periods."""

    def __init__(
        self,
        entries: Iterable[Entry] = (),
        periods: dict[str, str] | None = None,
        confidence: dict[str, float] | None = None,
    ) -> None:
        self.entries: dict[str, Entry] = {}
        for e in entries:
            self.add(e)
        self.periods: dict[str, str] = dict(periods or {})  # "Military Forces of Kenya" -> period
        self.confidence: dict[str, float] = dict(confidence or {})
        self._rx: _Alternation | None = None
        self._rx_cs: _Alternation | None = None
        self._rx_state: tuple[re.Pattern[str], frozenset[str]] | None = None
        self._words: frozenset[str] | None = None
        self._heads: dict[str, int] | None = None
        self._demonyms: dict[str, str] | None = None
        self._rx_unit: re.Pattern[str] | None = None
        self._rx_police: re.Pattern[str] | None = None
        self._rx_pair: re.Pattern[str] | None = None

    def __len__(self) -> int:
        return len(self.entries)

    def add(self, entry: Entry) -> None:
        key = entry.surface if entry.case_sensitive else entry.surface.lower()
        self.entries[key] = entry
        self._rx = self._rx_cs = self._rx_state = None
        self._words = None
        self._heads = self._demonyms = None
        self._rx_unit = self._rx_pair = self._rx_police = None

    # -- construction ------------------------------------------------------------------------
    @classmethod
    def empty(cls) -> ActorDictionary:
        return cls()

    @classmethod
    def read_generic(cls) -> ActorDictionary:
        """Only the hand-written generic aliases (the base that training learns on top of)."""
        return cls.read(ACTOR_DIR / "generic.yaml")

    @classmethod
    def load(cls, paths: Sequence[Path] = ()) -> ActorDictionary:
        """The packaged dictionary plus user YAML/CSV files (later files override)."""
        d = _packaged().copy()
        for p in paths:
            d.merge(cls.read(Path(p)))
        return d

    def copy(self) -> ActorDictionary:
        return ActorDictionary(self.entries.values(), self.periods, self.confidence)

    def merge(self, other: ActorDictionary) -> ActorDictionary:
        for e in other.entries.values():
            self.add(e)
        self.periods.update(other.periods)
        self.confidence.update(other.confidence)
        return self

    @classmethod
    def read(cls, path: Path) -> ActorDictionary:
        """Read a dictionary: YAML (``actors``/``periods`` keys) or CSV (surface,name,inter)."""
        try:
            raw = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(str(path), f"cannot read actor dictionary: {exc.strerror}") from exc
        if path.suffix.lower() == ".csv":
            return cls(_entries_from_records(csv.DictReader(raw.splitlines()), str(path)))
        try:
            doc = yaml.safe_load(raw) or {}
        except yaml.YAMLError as exc:
            raise InputError(str(path), f"bad YAML: {exc}".splitlines()[0]) from exc
        if not isinstance(doc, dict):
            raise InputError(str(path), "expected a mapping with an 'actors' list")
        return cls(
            _entries_from_records(doc.get("actors") or [], str(path)),
            {str(k): str(v) for k, v in (doc.get("periods") or {}).items()},
            {str(k): float(v) for k, v in (doc.get("confidence") or {}).items()},
        )

    def save(self, path: Path) -> None:
        """Write as YAML (or CSV when ``path`` ends in .csv) that a user can edit."""
        path.parent.mkdir(parents=True, exist_ok=True)
        recs = [
            {"surface": e.surface, "name": e.name, "inter": e.inter}
            | ({"case_sensitive": True} if e.case_sensitive else {})
            for e in sorted(self.entries.values(), key=lambda e: (e.name, e.surface))
        ]
        if path.suffix.lower() == ".csv":
            with path.open("w", encoding="utf-8", newline="") as fh:
                w = csv.DictWriter(fh, ["surface", "name", "inter", "case_sensitive"])
                w.writeheader()
                w.writerows(recs)
            return
        doc: dict[str, Any] = {
            "periods": dict(sorted(self.periods.items())),
            "confidence": dict(sorted(self.confidence.items())),
            "actors": recs,
        }
        path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "utf-8")

    def learn_from_acled(self, csv_paths: Sequence[Path]) -> ActorDictionary:
        """Add actor names, their surface forms and regime periods from ACLED files."""
        from eventfuse.extract.train import read_acled

        return self.learn_from_rows([r for p in csv_paths for r in read_acled(Path(p))])

    def learn_from_rows(self, rows: Sequence[dict[str, str]]) -> ActorDictionary:
        inters: dict[str, Counter[int]] = defaultdict(Counter)
        periods: dict[str, Counter[str]] = defaultdict(Counter)
        for r in rows:
            for col, icol in (("actor1", "inter1"), ("actor2", "inter2")):
                name = r.get(col, "")
                if not name:
                    continue
                m = _STATE_RE.match(name)
                if m:
                    periods[f"{m.group(1)} Forces of {m.group(2)}"][m.group(3)] += 1
                    continue
                code = _inter_of(r.get(icol, ""))
                if code is not None:
                    inters[name][code] += 1
        for base, c in periods.items():
            self.periods[base] = c.most_common(1)[0][0]
        self._learn_units(rows)
        for name in sorted(inters):
            inter = inters[name].most_common(1)[0][0]
            for surface in _surfaces(name):
                key = surface.lower()
                if key in self.entries or len(surface) < 3:
                    continue  # hand-written aliases win over learned ones
                self.add(Entry(surface, name, inter, case_sensitive=surface.isupper()))
        self._learn_confidence(rows)
        return self

    def _learn_units(self, rows: Sequence[dict[str, str]]) -> None:
        """Units and factions of state forces ("... (2013-) General Service Unit")."""
        names = [r.get(col, "") for r in rows for col in ("actor1", "actor2")]
        for surface, name, cs in unit_entries(names):
            if (surface if cs else surface.lower()) not in self.entries:
                self.add(Entry(surface, name, 1, case_sensitive=cs))

    def _learn_confidence(self, rows: Sequence[dict[str, str]]) -> None:
        """Share of actor1 right per coding path on the training rows (gold types given)."""
        hits: dict[str, list[bool]] = defaultdict(list)
        for r in rows:
            coding, path = _code(
                r["notes"],
                r["event_type"],
                r["sub_event_type"],
                r.get("country") or None,
                None,
                self,
            )
            got = strip_period(coding.actor1.name) if coding.actor1 else ""
            hits[path].append(got == strip_period(r.get("actor1", "")))
        every = [h for v in hits.values() for h in v]
        self.confidence = {k: round(sum(v) / len(v), 3) for k, v in hits.items() if len(v) >= 5}
        if every:
            self.confidence["default"] = round(sum(every) / len(every), 3)

    # -- matching ----------------------------------------------------------------------------
    def _patterns(self) -> tuple[_Alternation, _Alternation]:
        if self._rx is None or self._rx_cs is None:
            ci = [e.surface for e in self.entries.values() if not e.case_sensitive]
            cs = [e.surface for e in self.entries.values() if e.case_sensitive]
            self._rx = _Alternation(ci, re.IGNORECASE)
            self._rx_cs = _Alternation(cs, 0)
        return self._rx, self._rx_cs

    def find(self, text: str, country: str | None) -> list[ActorMatch]:
        """All actor mentions in ``text``, longest match first at each place, in text order."""
        text = text[:MAX_TEXT]
        rx, rx_cs = self._patterns()
        found: list[ActorMatch] = []
        for pat, lower in ((rx, True), (rx_cs, False)):
            for m in pat.finditer(text):
                self._add_match(m, lower, country, found)
                space = m.group(1).find(" ")
                if space > 0:
                    # a longer name from the second word on ("the Military Police" is not
                    # "the military"): the longer mention wins in _longest_first
                    m2 = pat.match(text, m.start(1) + space + 1)
                    if m2 is not None and m2.end(1) > m.end(1):
                        self._add_match(m2, lower, country, found)
        found += self._state_phrases(text, country)
        found += self._foreign_units(text, country)
        found += self._paired(text, country)
        found += self._foreign_police(text, country)
        found += self._allegiance(text, country)
        found += self._communal(text, country, found)
        found += self._groups(text, found)
        return _longest_first(found)

    def _add_match(
        self, m: re.Match[str], lower: bool, country: str | None, found: list[ActorMatch]
    ) -> None:
        key = m.group(1).lower() if lower else m.group(1)
        e = self.entries.get(key)
        if e is not None:
            e = self._home_unit(e, country, m.group(1))
            found += self._matched(e, country, m.group(1), m.start(1), m.end(1))

    def _matched(
        self, e: Entry, country: str | None, raw: str, start: int, end: int
    ) -> list[ActorMatch]:
        """The mention ``raw`` at ``start:end`` coded by ``e`` (nothing when it resolves to
        no actor in ``country``)."""
        actor = self.resolve(e, country, raw)
        return [ActorMatch(actor, start, end)] if actor is not None else []

    def _allegiance(self, text: str, country: str | None) -> list[ActorMatch]:
        """Sides named by loyalty ("pro-government forces": the state) and named
        operations ("French Operation X forces": France; "fighters of Operation X": the
        operation), see :mod:`actor_loyal`."""
        out = []
        for kind, s, e in loyal_spans(text):
            mil = kind == "military"
            name = "Military Forces of {country}" if mil else PRO_GOV_MILITIA
            out += self._matched(Entry(text[s:e], name, 1 if mil else 3), country, text[s:e], s, e)
        for op, state, s, e in operation_spans(text, self.demonyms()):
            entry = Entry(op, f"Military Forces of {state}", 1) if state else Entry(op, op, 8)
            out += self._matched(entry, country, text[s:e], s, e)
        return out

    def _home_unit(self, e: Entry, country: str | None, raw: str) -> Entry:
        """A unit learned under one country only ("National Guard" -> Mexico's) names the
        event country's unit of that type when the mention names no state ("the national
        guard" in a note on Ukraine), not a foreign force; "Venezuelan National Guard"
        keeps its state."""
        m = _UNIT_RE_FIXED.match(e.name)
        if m is None or not country or _bare(m.group(2)) == _bare(country):
            return e
        states = {c.lower() for c in self._state_phrase_rx()[1]} | set(self.demonyms())
        if any(w in states for w in re.findall(r"[\w'-]+", raw.lower())):
            return e
        return _as_template(e, m, e.inter)

    def _communal(
        self, text: str, country: str | None, found: list[ActorMatch]
    ) -> list[ActorMatch]:
        """Identity militias the dictionary does not name; a dictionary match wins on overlap
        ("Al Shabaab militants" is Al Shabaab, not an ethnic militia); a generic word after
        the group's name does not ("Pokot raiders" is the Pokot militia)."""
        spans = communal_spans(text, country, self._nationals())
        return [
            ActorMatch(a, s, e) for a, s, e in spans if not any(f.start <= s < f.end for f in found)
        ]

    def _groups(self, text: str, found: list[ActorMatch]) -> list[ActorMatch]:
        """Named groups the dictionary does not know ("Kurdistan Workers' Party (PKK)").
        A dictionary actor wins where it covers the phrase or names a group inside it; a
        generic word inside the phrase ("Army" in "Free Patriotic Army") does not."""
        if self._heads is None:
            self._heads = head_inters((e.name, e.inter) for e in self.entries.values())
        out = []
        for a, s, e in group_spans(text, self._nationals(), self._heads):
            if not any(_blocks(f, s, e) for f in found):
                out.append(ActorMatch(a, s, e))
        return out

    def demonyms(self) -> dict[str, str]:
        """Lowercase demonym -> country, from "<Demonym> forces" entries of a named state
        ("Somali forces" -> Somalia)."""
        if self._demonyms is None:
            out: dict[str, str] = {}
            for e in self.entries.values():
                head, _, tail = e.surface.partition(" ")
                m = _STATE_NAME_RE.match(e.name)
                if tail != "forces" or m is None or len(head) < 3 or not head[:1].isupper():
                    continue
                if "{" not in e.name and "(" not in m.group(2):
                    out[head.lower()] = _bare(m.group(2))
            self._demonyms = out
        return self._demonyms

    def _nationals(self) -> frozenset[str]:
        """Lowercase country names and demonyms ("afghan" from "Afghan forces"): words that
        name a state, not an ethnic group, before "militia" or "raiders"."""
        if self._words is None:
            words = {c.lower() for c in self.countries()}
            for e in self.entries.values():
                head, _, tail = e.surface.partition(" ")
                if tail in ("forces", "troops", "army") and e.name.startswith("Military"):
                    words.add(head.lower())
            self._words = frozenset(words)
        return self._words

    def countries(self) -> frozenset[str]:
        """Countries whose state forces the dictionary names (from entries and periods)."""
        out = set()
        for name in [e.name for e in self.entries.values()] + list(self.periods):
            m = _STATE_NAME_RE.match(name)
            if m and "{" not in m.group(2):
                out.add(_bare(m.group(2)))
        return frozenset(out)

    def _state_phrase_rx(self) -> tuple[re.Pattern[str], frozenset[str]]:
        """The state-phrase pattern and the countries it was built from, built once (like
        the other patterns, until an entry is added)."""
        if self._rx_state is None:
            countries = self.countries()
            self._rx_state = (_state_phrase_pattern(countries), countries)
        return self._rx_state

    def _state_phrases(self, text: str, country: str | None) -> list[ActorMatch]:
        """State forces named with a country's name rather than a demonym: "military forces
        of India and Pakistan", "Pakistan army", "forces of the Philippines"."""
        out: list[ActorMatch] = []
        rx, countries = self._state_phrase_rx()
        for m in rx.finditer(text):
            kind = "Police" if re.search(r"polic", m.group(0), re.I) else "Military"
            for grp in ("c1", "c2", "c3"):
                if m.group(grp) is None:
                    continue
                name = f"{kind} Forces of {_canonical(m.group(grp), countries)}"
                start = m.start() if grp != "c2" else m.start(grp)
                end = m.end() if grp != "c1" or m.group("c2") is None else m.end("c1")
                out += self._matched(Entry(m.group(0), name, 1), country, m.group(0), start, end)
        for m in _NEW_STATE_RX.finditer(text):
            if m.group("c").lower() in self._nationals():
                continue  # a known state: matched above
            name = f"{'Police' if m.group(1).lower() == 'police' else 'Military'} Forces of "
            entry = Entry(m.group(0), name + m.group("c"), 1)
            out += self._matched(entry, country, m.group(0), m.start(), m.end())
        return out

    def _word_demonyms(self) -> str:
        """The one-word demonyms as a regex alternation, longest first ("" when none)."""
        return demonym_alternation(tuple(d for d in self.demonyms() if d.isalpha()))

    def _paired(self, text: str, country: str | None) -> list[ActorMatch]:
        """The first of two demonyms sharing a force noun is a state's forces too: "Turkish
        and Russian forces" names Turkey's forces as well as Russia's."""
        if self._rx_pair is None:
            alt = self._word_demonyms() or "(?!x)x"
            self._rx_pair = re.compile(
                rf"\b({alt}),? and (?:the )?(?:{alt}) {_FORCE_NOUN}\b", re.IGNORECASE
            )
        out = []
        for m in self._rx_pair.finditer(text):
            state = self.demonyms()[m.group(1).lower()]
            entry = Entry(m.group(1), f"Military Forces of {state}", 1)
            out += self._matched(entry, country, m.group(1), m.start(1), m.end(1))
        return out

    def _foreign_police(self, text: str, country: str | None) -> list[ActorMatch]:
        """ "Turkish police officers" in a note on Greece: Turkey's police (inter 8), where a
        bare "police" would resolve to the event country's."""
        if self._rx_police is None:
            self._rx_police = police_pattern(self._word_demonyms())
        out = []
        for state, s, e in foreign_police_spans(text, country, self.demonyms(), self._rx_police):
            entry = Entry(text[s:e], f"Police Forces of {state}", 1)
            out += self._matched(entry, country, text[s:e], s, e)
        return out

    def _foreign_units(self, text: str, country: str | None) -> list[ActorMatch]:
        """A unit template after a demonym names that state's unit: "Russian military
        police" in Syria is "Military Forces of Russia ... Military Police", not Syria's."""
        if self._rx_unit is None:
            units = [
                e.surface
                for e in self.entries.values()
                if not e.case_sensitive
                and (_UNIT_TEMPLATE.match(e.name) or _UNIT_RE_FIXED.match(e.name))
            ]
            dem = self._word_demonyms()
            self._rx_unit = _alternation([], 0)
            if units and dem:
                unit = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
                self._rx_unit = re.compile(rf"\b({dem}) ({unit})\b", re.IGNORECASE)
        out = []
        for m in self._rx_unit.finditer(text):
            e = self.entries.get(m.group(2).lower())
            other = self.demonyms().get(m.group(1).lower())
            fixed = _UNIT_RE_FIXED.match(e.name) if e is not None else None
            if e is not None and fixed is not None:
                # a unit learned under one country ("Military Police" of Brazil) is a
                # template here: the demonym says whose unit it is
                e = _as_template(e, fixed, 1)
            if e is not None and other:
                actor = self.resolve(e, other, m.group(0))
                if actor is not None and country and other != country:
                    actor = replace(actor, inter=8)
                if actor is not None:
                    out.append(ActorMatch(actor, m.start(), m.end()))
        return out

    def resolve(self, e: Entry, country: str | None, raw: str) -> Actor | None:
        """Fill the country slot and the regime period; foreign state forces become inter 8.

        A unit after the state ("Military Forces of {country} Gendarmerie") keeps its place
        after the period, as ACLED writes it: "Military Forces of Turkey (2016-) Gendarmerie".
        """
        name, inter = e.name, e.inter
        unit = ""
        if "{country}" in name:
            if not country:
                return None
            head, _, tail = name.partition("{country}")
            if head.endswith(" Forces of ") and tail.startswith(" "):
                name, unit = head + country, tail.strip()  # a unit: "{country} Gendarmerie"
            else:
                name = name.replace("{country}", country)
        m = re.match(r"^(Military|Police) Forces of (.+)$", name)
        if m and not m.group(2).startswith("the ") and _takes_the(m.group(2), self.periods):
            name = f"{m.group(1)} Forces of the {m.group(2)}"  # ACLED: "...of the Philippines"
            m = re.match(r"^(Military|Police) Forces of (.+)$", name)
        if m and not _PERIOD_RE.search(name):
            if not unit and name not in self.periods:
                name, unit = split_unit(name, self.periods)
            period = self.periods.get(name)
            if period:
                name = f"{name} ({period})"
        if m and country and inter == 1:
            state = _PERIOD_RE.split(m.group(2), maxsplit=1)[0].strip()
            if _bare(state) != _bare(country):
                inter = 8  # a foreign state's forces, learned unit names included
        return Actor(f"{name} {unit}" if unit else name, inter, raw)

    def generic(self, kind: str, country: str | None) -> Actor | None:
        name = _GENERIC[kind][0]
        return self.resolve(Entry(kind, name, _GENERIC[kind][1]), country, "")


_GENERIC: dict[str, tuple[str, int]] = {
    "military": ("Military Forces of {country}", 1),
    "police": ("Police Forces of {country}", 1),
    "protesters": ("Protesters ({country})", 6),
    "rioters": ("Rioters ({country})", 5),
    "civilians": ("Civilians ({country})", 7),
    "uag": ("Unidentified Armed Group ({country})", 3),
    "government": ("Government of {country}", 1),
}


# Countries whose ACLED state-actor names carry "the"; learned periods add more ("of the X").
_THE_COUNTRIES = frozenset(
    {
        "Philippines",
        "United States",
        "United Arab Emirates",
        "United Kingdom",
        "Democratic Republic of Congo",
        "Central African Republic",
        "Netherlands",
        "Comoros",
        "Bahamas",
        "Ivory Coast",
    }
)


_UNIT_RE_FIXED = re.compile(r"^(Military|Police) Forces of (.+?) \(\d{4}-(?:\d{4})?\) (.+)$")


def _as_template(e: Entry, fixed: re.Match[str], inter: int) -> Entry:
    """A unit learned under one country (``_UNIT_RE_FIXED``: "Military Police" of Brazil) as
    a template for any state's unit of that type."""
    return Entry(e.surface, f"{fixed.group(1)} Forces of {{country}} {fixed.group(3)}", inter)


_UNIT_TEMPLATE = re.compile(r"^(?:Military|Police) Forces of \{country\} \S")
_STATE_NAME_RE = re.compile(r"^(Military|Police) Forces of (.+?)(?: \(\d{4}-(?:\d{4})?\))?$")
_FORCE_NOUN = (
    r"(?:(?:military|armed|security|government|defen[cs]e|police) forces|army|military|"
    r"forces|troops|soldiers|police|navy|air force)"
)


# ACLED-style "military forces of Artsakh" for a state the dictionary has never seen: one or
# two capitalised words after the full phrase (not "forces of Khalifa Haftar's ...").
_NEW_STATE_RX = re.compile(
    r"\b(military|armed|police) forces of (?:the )?(?P<c>[A-Z][a-z]{3,}(?: [A-Z][a-z]{3,})?)"
    r"(?![\w'’-])"
)


def _state_phrase_pattern(countries: frozenset[str]) -> re.Pattern[str]:
    """Match "<forces> of [the] C [and [the] C2]" or "C['s] <forces>" for known countries."""
    if not countries:
        return re.compile(r"(?!x)x")
    alt = "|".join(re.escape(c) for c in sorted(countries, key=len, reverse=True))
    return re.compile(
        rf"\b(?:(?:the )?{_FORCE_NOUN} of (?:the )?(?P<c1>{alt})"
        rf"(?: and (?:the )?(?P<c2>{alt}))?(?![\w-])"
        rf"|(?<![\w-])(?:the )?(?P<c3>{alt})(?:'s)? {_FORCE_NOUN}\b)",
        re.IGNORECASE,
    )


def _canonical(raw: str, countries: frozenset[str]) -> str:
    """The dictionary's spelling of a country matched case-insensitively."""
    low = raw.lower()
    return next((c for c in countries if c.lower() == low), raw)


def _longest_first(found: list[ActorMatch]) -> list[ActorMatch]:
    """Overlapping mentions: the longer one wins ("the Military Police" is the unit, not
    "the military"), then the earlier; the kept ones in text order."""
    kept: list[ActorMatch] = []
    for a in sorted(found, key=lambda a: (-(a.end - a.start), a.start)):
        if all(a.end <= k.start or a.start >= k.end for k in kept):
            kept.append(a)
    return sorted(kept, key=lambda a: a.start)


def _blocks(f: ActorMatch, start: int, end: int) -> bool:
    """Whether dictionary match ``f`` keeps a new group phrase at start..end out: it covers
    the phrase, or a named (non-state, non-generic) actor overlaps it."""
    if f.end <= start or f.start >= end:
        return False
    if f.start <= start and f.end >= end:
        return True
    return f.actor.inter not in (1, 8) and not _is_generic(f)


def _bare(country: str) -> str:
    return country[4:] if country.startswith("the ") else country


def _takes_the(country: str, periods: dict[str, str]) -> bool:
    """Whether ACLED writes state forces of ``country`` with "the" (from the list or periods)."""
    if _PERIOD_RE.search(country):
        return False
    base = _PERIOD_RE.sub("", country).strip()
    if base in _THE_COUNTRIES:
        return True
    return any(f"Forces of the {base}" == k.split(" ", 1)[1] for k in periods if " " in k)


# Where a name may start: not inside a word, or right after "pro-".
_NAME_START = r"(?:(?<![\w-])|(?<=\b[Pp]ro-))"


def _alternation(surfaces: list[str], flags: int) -> re.Pattern[str]:
    return _compile_alternation(
        sorted({re.escape(s) for s in surfaces}, key=len, reverse=True), flags
    )


def _compile_alternation(alts: Sequence[str], flags: int) -> re.Pattern[str]:
    """The escaped names ``alts``, tried in this order (longest first), as whole words."""
    if not alts:
        return re.compile(r"(?!x)x")
    # "Taliban-planted IED", "Houthi-held town": the name is still the actor; "al-Shabaab" not.
    # "pro-Houthi forces" are the Houthis' side; "anti-Houthi forces" are not (no match).
    return re.compile(
        _NAME_START + "(" + "|".join(alts) + r")(?!\w|-(?!" + _HYPHEN_OK + r"))",
        flags,
    )


_SPLIT_MIN = 100  # names below which one pattern is as fast as the split ones


class _Alternation:
    """``_alternation(surfaces, flags)`` with the same matches, found faster.

    Python's ``re`` tries every one of the thousands of names at every word start. Here the
    names are split by their first character: at a word start only the names that begin with
    that character are tried, in the same (longest-first) order, so each match is the one the
    whole alternation gives. Names or text characters outside ASCII under IGNORECASE (whose
    case folding ``re`` may widen, "K" KELVIN SIGN is "k") fall back to the whole pattern.
    """

    def __init__(self, surfaces: Sequence[str], flags: int) -> None:
        first = {re.escape(s): s[:1] for s in surfaces}
        alts = sorted(first, key=len, reverse=True)
        self._flags = flags
        self._fold = bool(flags & re.IGNORECASE)
        self._whole = _compile_alternation(alts, flags)
        self._starts = re.compile(_NAME_START + r"(?=[\s\S])", flags)
        wide = [a for a in alts if self._fold and not first[a].isascii()]
        keys = {self._key(first[a]) for a in alts}
        self._by_first: dict[str, re.Pattern[str]] = {
            k: _compile_alternation([a for a in alts if self._key(first[a]) in (k, None)], flags)
            for k in keys
            if k is not None
        }
        self._wide = _compile_alternation(wide, flags) if wide else None
        # An empty name matches anywhere, and a few names are as fast to try all at once.
        self._split = "" not in first and len(alts) >= _SPLIT_MIN

    def _key(self, ch: str) -> str | None:
        """The bucket of a name starting with ``ch`` (None: every bucket)."""
        if not self._fold:
            return ch
        return ch.lower() if ch.isascii() else None

    def _at(self, ch: str) -> re.Pattern[str] | None:
        """The names that can match where the text has ``ch`` (None: none can)."""
        if self._fold and not ch.isascii():
            return self._whole
        return self._by_first.get(ch.lower() if self._fold else ch, self._wide)

    def match(self, text: str, pos: int) -> re.Match[str] | None:
        """As ``re.Pattern.match(text, pos)`` of the whole alternation."""
        if not self._split:
            return self._whole.match(text, pos)
        rx = self._at(text[pos]) if 0 <= pos < len(text) else None
        return rx.match(text, pos) if rx is not None else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """As ``re.Pattern.finditer(text)`` of the whole alternation."""
        if not self._split:
            yield from self._whole.finditer(text)
            return
        end = 0
        for start in self._starts.finditer(text):
            pos = start.start()
            if pos < end:
                continue
            rx = self._at(text[pos])
            m = rx.match(text, pos) if rx is not None else None
            if m is not None:
                yield m
                end = m.end()


_HYPHEN_OK = (
    r"(?:planted|placed|laid|led|held|controlled|linked|affiliated|backed|allied|run|"
    r"claimed|fired|launched|operated)\b"
)


def _inter_of(value: str) -> int | None:
    value = value.strip()
    if value.isdigit() and 1 <= int(value) <= 8:
        return int(value)
    return None


def _surfaces(name: str) -> list[str]:
    """Surface forms of an ACLED actor name: 'JNIM: Group for ...' -> JNIM, Group for ..."""
    base = strip_period(name)
    if "(" in base or " and/or " in base or base.startswith(("Unidentified", "Civilians")):
        m = re.match(r"^(\w[\w' -]+?) (?:Ethnic|Communal|Clan) Militia \(", base)
        return [m.group(1) + " militia", m.group(1) + " militiamen"] if m else []
    out = []
    if ":" in base:
        acro, full = (s.strip() for s in base.split(":", 1))
        out += [acro, full]
    else:
        out.append(base)
        if base.lower().startswith("al "):
            out.append("al-" + base[3:])
    return [s for s in out if s]


def _entries_from_records(recs: Iterable[Any], source: str) -> list[Entry]:
    out = []
    for i, r in enumerate(recs, start=1):
        try:
            inter = int(r["inter"])
            if not 1 <= inter <= 8:
                raise ValueError(f"inter {inter} not in 1..8")
            cs = r.get("case_sensitive")
            out.append(Entry(str(r["surface"]), str(r["name"]), inter, cs in (True, "true", "1")))
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(f"{source}: actor record {i}", f"bad record: {exc}") from exc
    return out


@lru_cache(maxsize=1)
def _packaged() -> ActorDictionary:
    d = ActorDictionary()
    for name in ("generic.yaml", "learned.yaml"):
        p = ACTOR_DIR / name
        if p.exists():
            d.merge(ActorDictionary.read(p))
    return d


# -- role assignment ------------------------------------------------------------------------

_AGENT_AFTER = re.compile(
    r"^\W{0,3}(?:\w+\W+){0,3}?(?:attack|fir|shell|ambush|kill|abduct|kidnap|raid|target|storm|"
    r"clash|launch|carr|bomb|struck|strik|shot|shoot|assault|burn|loot|seiz|arrest|detain|"
    r"captur|overr|took|open|rap|beat|threw|hurl|plant|detonat|intercept|defus|deploy|"
    r"dispers|used|lobb|mount|conduct|execut|behead|torch|destroy|rob|stab|hack|lynch|"
    r"regain|recaptur|retak|push|gunn|battl)",
    re.IGNORECASE,
)
# "Afghan forces repulsed their attack": ACLED codes the attacker, who began the fight, as
# actor1; the side that repelled, thwarted or foiled the attack is actor2.
_DEFENDER_AFTER = re.compile(
    r"^\W{0,3}(?:\w+\W+){0,3}?(?:repuls|repel|thwart|foil|fought off|beat back|beat off|"
    r"respond|react|returned (?:the )?fire|fired back|shot back|retaliat)",
    re.IGNORECASE,
)
# "a police vehicle was hit", "army positions", "a KDF convoy": a side named only as the
# owner of a target (a vehicle, a post, positions) is the side hit, not the one acting.
_TARGET_AFTER = re.compile(
    r"^(?:'s?)?\s+(?:(?:armou?red|military|security|border|joint|forward|mobile)\s+)?"
    r"(?:vehicles?|convoys?|positions?|posts?|bases?|camps?|checkpoints?|check points?|"
    r"barracks|outposts?|trucks?|installations?)\b(?!-)",
    re.IGNORECASE,
)
# "soldiers struck a roadside bomb", "their vehicle drove over a mine": the one who hit the
# device is its victim, not the one who planted it.
_STRUCK_DEVICE = re.compile(
    r"^\W{0,3}(?:\w+\W+){0,4}?(?:struck|hit|ran over|drove over|stepped on|ran into|"
    r"triggered|drove onto)\s+(?:an? |the )?(?:\w+\s+){0,2}?(?:IEDs?|(?:land)?mines?|"
    r"explosives?|bombs?|explosive devices?)\b",
    re.IGNORECASE,
)
_BY_BEFORE = re.compile(r"\bby (?:the |an? |suspected |alleged |presumed |unknown )*$", re.I)
# "an area controlled by the TCP", "a militia backed by X": "by" that names no attacker.
_NOT_AGENT_BY = re.compile(
    r"\b(?:controlled|held|dominated|run|backed|supported|funded|armed|trained|"
    r"dubbed|known|called|affiliated|founded) by (?:the |an? )?\S*\s*$",
    re.I,
)
# "three soldiers were killed", "a vehicle belonging to security forces was targeted".
_PATIENT_AFTER = re.compile(
    r"^\W{0,3}(?:\w+\W+){0,3}?(?:were|was|had been|have been|got|being|suffered)\s+"
    r"(?:\w+\s+)?(?:killed|wounded|injured|hit|targeted|attacked|ambushed|shot|struck|"
    r"casualties|abducted|kidnapped)",
    re.IGNORECASE,
)
_PATIENT_BEFORE = re.compile(
    r"\b(?:targeting|targeted|against|killing|wounding|injuring|belonging to|attacks? on|"
    r"attacked|ambushed|positions of|at)\s+(?:the |a |an |\d+ |two |three |four |five |"
    r"several |some |one |two )*(?:\w+ )?$",
    re.IGNORECASE,
)
_CIV_CUE = re.compile(
    r"\b(?:civilians?|villagers?|residents?|farmers?|herders?|man|woman|men|women|boy|girl|"
    r"child(?:ren)?|teachers?|traders?|students?|worker|family|pupils?|passengers?|"
    r"shepherds?|brothers?|wife|husband|chief|person|people|body|bodies)\b",
    re.IGNORECASE,
)
# Strategic moves of a government itself (curfews, closures, decrees), no force named.
_GOV_CUE = re.compile(
    r"\b(?:government|governor(?:ship|ate)?|ministry|minister|cabinet|parliament)\b", re.I
)
_GOV_ACTS = frozenset({"Change to group/activity", "Other", "Agreement"})
_POLICE_CUE = re.compile(r"\b(?:police\w*|officers?|law enforce\w*)\b", re.I)
_ARMED = {1, 2, 3, 4, 8}
# Sub-event types whose ACLED gold mostly has no actor2 unless a second side is named.
_REMOTE_NO_VICTIM = frozenset({"Shelling/artillery/missile attack", "Air/drone strike"})
_STRATEGIC_ONE_SIDED = frozenset(
    {"Change to group/activity", "Headquarters or base established", "Other"}
)


def _is_state(m: ActorMatch) -> bool:
    return m.actor.inter in (1, 8)


def _agent_score(text: str, m: ActorMatch) -> int:
    """How much the mention reads as the side that acted, minus how much as the target."""
    score = 0
    after = text[m.end : m.end + 60]
    if (
        _PATIENT_AFTER.match(after)
        or _DEFENDER_AFTER.match(after)
        or _TARGET_AFTER.match(after)
        or _STRUCK_DEVICE.match(after)
    ):
        score -= 2  # passive "were killed", or "repulsed their attack": the other side began
    elif _AGENT_AFTER.match(after):
        score += 2
    before = text[max(0, m.start - 40) : m.start]
    if _BY_BEFORE.search(before[-30:]) and not _NOT_AGENT_BY.search(before):
        score += 3
    if _PATIENT_BEFORE.search(text[max(0, m.start - 40) : m.start]):
        score -= 2
    return score


def _is_generic(m: ActorMatch) -> bool:
    return m.actor.name.startswith(("Unidentified", "Civilians", "Protesters", "Rioters"))


def _distinct(ms: Iterable[ActorMatch], text: str) -> list[ActorMatch]:
    """One mention per actor, in order of first mention; of an armed actor's mentions the
    one that reads most as the side that acted ("Taliban sources ... an attack by Taliban
    militants": the second), so that role scoring sees its best evidence."""
    best: dict[str, tuple[int, ActorMatch]] = {}
    order: list[str] = []
    for m in ms:
        key = strip_period(m.actor.name)
        score = _agent_score(text, m) if (m.actor.inter or 0) in _ARMED else 0
        if key not in best:
            order.append(key)
            best[key] = (score, m)
        elif score > best[key][0]:
            best[key] = (score, m)
    return [best[k][1] for k in order]


def _units_over_bases(armed: list[ActorMatch]) -> list[ActorMatch]:
    """ "GSU officers", "the army's special forces": a unit and its own state's forces named
    together are one side, the unit. A rival faction coded under the state's name (Yemen's
    Houthi "Supreme Political Council", inter 2) is the other side, not a unit."""
    names = [m.actor.name for m in armed if m.actor.inter in (1, 8)]
    return [m for m in armed if not any(n.startswith(m.actor.name + " ") for n in names)]


def code_actors(
    text: str,
    event_type: str,
    sub_event_type: str,
    country: str | None,
    matches: Sequence[ActorMatch] | None = None,
    dictionary: ActorDictionary | None = None,
) -> ActorCoding:
    """Code actor1/actor2 for an event of the given type reported in ``text``."""
    return _code(text, event_type, sub_event_type, country, matches, dictionary)[0]


def _code(
    text: str,
    event_type: str,
    sub_event_type: str,
    country: str | None,
    matches: Sequence[ActorMatch] | None,
    dictionary: ActorDictionary | None,
) -> tuple[ActorCoding, str]:
    d = dictionary or _packaged()
    text = text[:MAX_TEXT]
    ms = list(matches) if matches is not None else d.find(text, country)
    ms = _distinct(ms, text)
    armed = _units_over_bases([m for m in ms if (m.actor.inter or 0) in _ARMED])
    if any(m.actor.inter in (2, 3, 4) and not _is_generic(m) for m in armed):
        # "Al Shabaab militants": the named group, not a second, unidentified one.
        armed = [m for m in armed if not _vague_unidentified(m)]
    civ = next((m for m in ms if m.actor.inter == 7), None)
    state = next((m for m in armed if m.actor.inter in (1, 8)), None)
    police = next((m for m in armed if m.actor.name.startswith("Police Forces")), None)

    def gen(kind: str) -> ActorMatch | None:
        a = d.generic(kind, country)
        return ActorMatch(a, 0, 0) if a else None

    if event_type in ("Protests", "Riots") and police is None:
        police = _crowd_police(text, state, gen)
    a1: ActorMatch | None
    a2: ActorMatch | None
    path: str
    if event_type == "Protests":
        a1 = (
            _crowd(text, country, d, "Protesters")
            or next((m for m in ms if m.actor.inter == 6), None)
            or gen("protesters")
        )
        a2 = None
        if sub_event_type != "Peaceful protest":
            a2 = police or state or gen("police")
        path = "protest"
    elif event_type == "Riots":
        a1 = (
            _crowd(text, country, d, "Rioters")
            or next((m for m in ms if m.actor.inter == 5), None)
            or gen("rioters")
        )
        if sub_event_type == "Violent demonstration":
            a2 = police or state
        elif (police or state) and not _police_aside(text, police or state):
            a2 = police or state  # police drawn in are the other side, even with bystanders
        elif _RIVALS.search(text[:400]):
            a2 = a1  # two mobs ("rival groups clashed"): ACLED codes Rioters on both sides
        else:
            a2 = _victims(text, country, civ, d) or gen("civilians")
        path = "riot"
    elif event_type == "Violence against civilians":
        agents = sorted(armed, key=lambda m: -_agent_score(text, m))
        a1 = agents[0] if agents else gen("uag")
        a2 = _victims(text, country, civ, d) or gen("civilians")
        path = "vac-" + ("named" if agents else "default")
    elif event_type == "Battles":
        a1, a2, path = _two_sides(text, armed, gen)
    elif event_type == "Explosions/Remote violence":
        a1, a2, path = _remote(text, sub_event_type, armed, state, civ, gen)
    elif sub_event_type == "Looting/property destruction":
        a1, a2 = _looting(text, country, armed, civ, d, gen)
        path = "strategic-looting"
    elif sub_event_type == "Arrests":
        a1 = police or state or gen("police")
        others = [m for m in armed if a1 is None or m.actor.name != a1.actor.name]
        a2 = others[0] if others else (_victims(text, country, civ, d) or gen("civilians"))
        path = "strategic-arrests"
    else:
        agents = sorted(armed, key=lambda m: -_agent_score(text, m))
        a1 = agents[0] if agents else (ms[0] if ms else None)
        if not agents and _GOV_CUE.search(text) and sub_event_type in _GOV_ACTS:
            a1 = gen("government")  # "the governor imposed a curfew": Government of X
        rest = [m for m in ms if a1 is None or m.actor.name != a1.actor.name]
        a2 = rest[0] if rest and sub_event_type not in _STRATEGIC_ONE_SIDED else None
        path = "strategic"
    conf = d.confidence.get(path, d.confidence.get("default", 0.5))
    if country in GANG_COUNTRIES:
        a1, a2 = _gang(a1, text, country), _gang(a2, text, country)
    a1, a2 = _theatre(a1, country), _theatre(a2, country)
    coding = _coding(a1, a2, conf)
    assoc = _assoc(text, event_type, country)
    return (replace(coding, assoc_actor1=assoc) if assoc else coding), path


_AFTERMATH = re.compile(
    r"\b(?:police station|police (?:later |then )?(?:arrested|rescued|saved|arrived|"
    r"intervened to (?:rescue|save))|(?:to|handed (?:him |her |them )?(?:over )?to) "
    r"(?:the )?police|police limits)\b",
    re.IGNORECASE,
)


def _crowd(text: str, country: str | None, d: ActorDictionary, kind: str) -> ActorMatch | None:
    """Protesters or rioters of another nationality ("Indian nationals" in Nepal)."""
    a = foreign_crowd(text, country, d.demonyms(), kind)
    return ActorMatch(a, 0, 0) if a else None


def _crowd_police(text: str, state: ActorMatch | None, gen: _Generic) -> ActorMatch | None:
    """The home "security forces" facing a crowd, with no soldiers named: the police
    (:func:`actor_police.crowd_security_is_police`)."""
    if state is None or state.actor.inter != 1:
        return None
    if not crowd_security_is_police(state.actor.raw or "", text):
        return None
    police = gen("police")
    return replace(police, start=state.start, end=state.end) if police else None


def _police_aside(text: str, police: ActorMatch | None) -> bool:
    """Police named only after the mob's attack (rescuing the victim, taking a suspect to
    the station, "police limits"), not hit: the mob's victim stays the other side."""
    if police is None or _agent_score(text, police) < 0:
        return False
    return _AFTERMATH.search(text) is not None and not _RIVALS.search(text)


# A foreign state's forces that ACLED codes by the coalition operation they serve in, in
# that theatre: US forces in Iraq and Syria are "Global Coalition Against Daesh" (codebook,
# docs/acled-coding-rules.md 1.7); Saudi forces in Yemen are the Saudi-led coalition's
# "Operation Restoring Hope" (the 2015- intervention; general knowledge).
_THEATRE_COALITION: dict[tuple[str, str], str] = {
    ("Military Forces of the United States", "Iraq"): "Global Coalition Against Daesh",
    ("Military Forces of the United States", "Syria"): "Global Coalition Against Daesh",
    ("Military Forces of Saudi Arabia", "Yemen"): "Operation Restoring Hope",
}


def _theatre(m: ActorMatch | None, country: str | None) -> ActorMatch | None:
    """The coalition a foreign state's forces are coded as in the event's theatre."""
    if m is None or not country or m.actor.inter != 8:
        return m
    coalition = _THEATRE_COALITION.get((strip_period(m.actor.name), country))
    return replace(m, actor=replace(m.actor, name=coalition)) if coalition else m


def _gang(m: ActorMatch | None, text: str, country: str) -> ActorMatch | None:
    return replace(m, actor=gang_actor(m.actor, text, country)) if m else None


# Makes the generic actor of a kind ("uag", "civilians") for the event's country.
_Generic = Callable[[str], ActorMatch | None]


def _looting(
    text: str,
    country: str | None,
    armed: list[ActorMatch],
    civ: ActorMatch | None,
    d: ActorDictionary,
    gen: _Generic,
) -> tuple[ActorMatch | None, ActorMatch | None]:
    """Looting and property destruction: the side that looted or destroyed is actor1 (an
    unidentified armed group when unnamed); what it hit is actor2: another named side, else
    the civilians who owned it. State forces seizing or destroying with no other side named
    act against an unidentified group (drug seizures, illegal mines)."""
    agents = sorted(armed, key=lambda m: -_agent_score(text, m))
    a1 = agents[0] if agents else gen("uag")
    rest = [m for m in agents if a1 is None or m.actor.name != a1.actor.name]
    if rest:
        return a1, rest[0]
    if a1 is not None and _is_state(a1) and civ is None:
        return a1, gen("uag")
    return a1, _victims(text, country, civ, d) or gen("civilians")


def _victims(
    text: str, country: str | None, civ: ActorMatch | None, d: ActorDictionary
) -> ActorMatch | None:
    """The civilians hit: foreigners by their nationality ("Somali residents" in Kenya are
    Civilians (Somalia)) unless the dictionary already named a specific group."""
    if civ is not None and not civ.actor.name.startswith("Civilians ("):
        return civ
    foreign = foreign_civilians(text, country, d.demonyms())
    return ActorMatch(foreign, 0, 0) if foreign else civ


def _remote(
    text: str,
    sub_event_type: str,
    armed: list[ActorMatch],
    state: ActorMatch | None,
    civ: ActorMatch | None,
    gen: _Generic,
) -> tuple[ActorMatch | None, ActorMatch | None, str]:
    """Explosions: the side that fired or planted is actor1; the one hit (a side, civilians
    for bombs and mines, nobody for shelling with no named target) is actor2."""
    agents = sorted(armed, key=lambda m: -_agent_score(text, m))
    remote = sub_event_type in _REMOTE_NO_VICTIM
    a1: ActorMatch | None
    if agents and _agent_score(text, agents[0]) < 0 and sub_event_type != "Air/drone strike":
        a1 = gen("uag")  # the only side named was hit: "soldiers were killed by an IED"
    else:
        a1 = agents[0] if agents else gen("military" if remote else "uag")
    if sub_event_type == "Air/drone strike" and agents and not _is_state(agents[0]) and state:
        a1 = state  # only states fly aircraft: the non-state group is the target
    rest = [m for m in agents if a1 is None or m.actor.name != a1.actor.name]
    a2: ActorMatch | None
    if rest:
        a2 = rest[0]
    elif remote and a1 is not None and not _is_state(a1) and (hit := _STATE_TARGET.search(text)):
        # a group firing at "army positions" / "a military base": the state is the target
        a2 = gen("police" if "polic" in hit.group(0).lower() else "military")
    elif remote:
        # ACLED leaves shelling targets empty unless a side or civilian harm is named
        a2 = civ if civ and _harmed(text) else None
    else:
        a2 = civ or gen("civilians")  # bombs and mines with no side hit: civilians
    return a1, a2, "remote-" + ("named" if agents else "default")


_TARGET_NOUN = (
    r"(?:positions?|bases?|posts?|checkpoints?|check points?|barracks|camps?|convoys?|"
    r"outposts?|patrols?|headquarters|installations?|stations?)"
)
_STATE_TARGET = re.compile(
    r"\b(?:government(?:al)?|govt|regime|army|military|security forces'?|soldiers'?|"
    rf"troops'?|police|pro-government)\s+(?:\w+\s+)?{_TARGET_NOUN}\b|"
    rf"\b{_TARGET_NOUN} (?:of|belonging to) (?:the )?(?:army|military|government|regime|"
    r"security forces|troops|soldiers|police)\b",
    re.IGNORECASE,
)
_RIVALS = re.compile(
    r"\b(?:rival\w*|clash\w*|fought|fight\w*|two (?:groups|communities|villages|factions))\b",
    re.IGNORECASE,
)
_HARM = re.compile(r"\b(?:killed|killing|wounded|wounding|injur\w+|died|dead)\b", re.I)
_NO_HARM = re.compile(r"\b(?:no|nor|without|neither|not)\b[^.;]{0,40}$", re.I)


def _harmed(text: str) -> bool:
    """Someone was hurt: a harm word not under a negation ("no injuries", "neither
    fatalities nor injuries were reported")."""
    return any(
        not _NO_HARM.search(text[max(0, m.start() - 40) : m.start()]) for m in _HARM.finditer(text)
    )


def _vague_unidentified(m: ActorMatch) -> bool:
    """An unidentified-group mention that may just describe a named group's men ("Al
    Shabaab militants"); "unknown gunmen" explicitly name a different, unknown side."""
    if not m.actor.name.startswith("Unidentified Armed Group"):
        return False
    return not re.search(r"\b(?:unknown|unidentified)\b", m.actor.raw or "", re.I)


def _two_sides(
    text: str, armed: list[ActorMatch], gen: _Generic
) -> tuple[ActorMatch | None, ActorMatch | None, str]:
    """Battles: the acting side first; a missing side defaults by what the other side is."""
    if len(armed) >= 2:
        order = sorted(armed, key=lambda m: -_agent_score(text, m))
        return order[0], order[1], "battle-both"
    if len(armed) == 1:
        one = armed[0]
        if one.actor.inter in (1, 8):
            # A state force that acts ("... shot dead by police") is actor1.
            score = _agent_score(text, one)
            if score > 0 or (score == 0 and (_OPERATION.search(text) or _first_of_pair(text, one))):
                return one, gen("uag"), "battle-one-state-agent"
            return gen("uag"), one, "battle-one"
        if one.actor.inter == 4 and not _STATE_CUE.search(text):
            return one, _rival_militia(one), "battle-communal"
        other = gen("police") if _POLICE_CUE.search(text) else gen("military")
        return one, other, "battle-one"
    if _STATE_CUE.search(text):
        return gen("uag"), gen("military"), "battle-none"
    return gen("uag"), gen("uag"), "battle-none"  # "a shoot-out took place": no side named


# A state operation (raid, sweep, pursuit) in which the other side fired: the state
# initiated. "On patrol" is left out: a patrol is as often the side ambushed.
_OPERATION = re.compile(
    r"\b(?:operations?|raid(?:s|ed)?|offensive|crackdown|sweep|manhunt|pursu\w+|chased)\b",
    re.IGNORECASE,
)
_STATE_CUE = re.compile(
    r"\b(?:police\w*|officers?|soldiers?|troops|army|military|security|forces|KDF|GSU)\b", re.I
)


_BETWEEN = re.compile(r"\bbetween (?:the )?$", re.IGNORECASE)


def _first_of_pair(text: str, m: ActorMatch) -> bool:
    """ "clashes between regime forces and ...": ACLED lists the first named side first."""
    return _BETWEEN.search(text[max(0, m.start - 14) : m.start]) is not None


def _rival_militia(one: ActorMatch) -> ActorMatch:
    """The other side of a communal clash where the note names only one: ACLED codes an
    unnamed rival as the unidentified militia of the same kind ("Unidentified Ethnic
    Militia (Kenya)"), or the same actor on both sides when neither is named."""
    m = re.match(r"^(?:.+ )?(Ethnic|Communal|Clan) Militia (\(.+\))$", one.actor.name)
    if m is None or one.actor.name.startswith("Unidentified"):
        return one
    return ActorMatch(
        replace(one.actor, name=f"Unidentified {m.group(1)} Militia {m.group(2)}"), 0, 0
    )


# Groups ACLED records as associated actors of protesters/rioters: "Students (Kenya)".
_ASSOC_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rx, re.IGNORECASE))
    for name, rx in (
        ("Students", r"\b(?:students?|pupils|undergraduates)\b"),
        ("Teachers", r"\b(?:teachers?|lecturers?)\b"),
        ("Health Workers", r"\b(?:health ?workers?|nurses?|doctors?|medics?|clinicians?)\b"),
        ("Journalists", r"\b(?:journalists?|reporters?|media workers?)\b"),
        ("Lawyers", r"\b(?:lawyers?|advocates)\b"),
        ("Farmers", r"\bfarmers?\b"),
        ("Fishermen", r"\bfisher(?:men|folk)\b"),
        ("Pastoralists", r"\b(?:pastoralists?|herders?)\b"),
        ("Street Traders", r"\b(?:hawkers?|street (?:traders?|vendors?))\b"),
        ("Refugees/IDPs", r"\b(?:refugees?|IDPs?|internally displaced)\b"),
        ("Women", r"\bwomen\b"),
        (
            "Labour Group",
            r"\b(?:workers?|employees|labou?rers?|unions?|trade unionists?|staff)\b",
        ),
    )
)


def _assoc(text: str, event_type: str, country: str | None) -> tuple[str, ...]:
    """Associated actors of the protesting/rioting side, from the first (most telling) sentence."""
    if event_type not in ("Protests", "Riots") or not country:
        return ()
    first = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    out = [f"{name} ({country})" for name, rx in _ASSOC_CUES if rx.search(first)]
    if "Health Workers" in " ".join(out):
        out = [a for a in out if not a.startswith("Labour Group")]  # "health workers" ⊂ workers
    return tuple(out[:2])


def _coding(a1: ActorMatch | None, a2: ActorMatch | None, conf: float) -> ActorCoding:
    spans = {}
    if a1 and a1.end > a1.start:
        spans["actor1"] = (a1.start, a1.end)
    if a2 and a2.end > a2.start:
        spans["actor2"] = (a2.start, a2.end)
    act1 = a1.actor if a1 else None
    act2 = a2.actor if a2 else None
    return ActorCoding(
        actor1=act1,
        actor2=act2,
        assoc_actor1=(),
        assoc_actor2=(),
        interaction=interaction_code(act1.inter if act1 else None, act2.inter if act2 else None),
        confidence=conf,
        spans=spans,
    )
