"""Scan a text for gazetteer names and the spatial cue written before each one.

Rules that keep the scan precise:
* a name starts with a capitalised word (or an article such as "al-" before one);
* the longest gazetteer name wins; lower-case words only inside a name ("Triangle of Death")
  or as a generic tail ("Anbar province", "Hamrin mountains");
* a one-word town is taken only when it is a big town (population >= BIG_TOWN) or follows a
  locative cue ("in", "near", "town of", ...) or sits in an ACLED-style "(District, Province)"
  bracket, and never when it is a common English word (``aliases.COMMON_WORDS``);
* an all-capitals word is taken only as a country or admin name, or a dateline;
* an office word after a name ("Aydin Governorship", "Van Governor's Office") does not make
  it part of a longer unknown name (``OFFICE_WORDS``);
* a big town before a hyphen and another capitalised name is a city quarter
  ("Belgrade-Vracar"), unless the two name a route ("Nairobi-Mombasa highway").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from eventfuse.geo.aliases import COMMON_WORDS
from eventfuse.geo.cues import ACT_CUES, ADMIN_UNIT_WORDS, RESIDENT_CUES, alternation
from eventfuse.geo.normalize import ARTICLES, GENERIC, norm_key
from eventfuse.geo.store import PlaceRow
from eventfuse.model import Toponym

BIG_TOWN = 100_000
MAX_WORDS = 6
# "Kabul's " right before a name (see ``Finder._after_big_city_s``)
_CITY_S = re.compile(r"\b([A-Z][\w-]+(?: [A-Z][\w-]+)?)['’]s (?:the )?$")
MAX_TEXT = 200_000  # characters scanned per call; longer texts are cut (bounded work)

_WORD = re.compile(r"[^\W\d_][\w'’]*(?:-[\w'’]+)*")
# Lower-case words that can open a curated feature's name ("western desert of Iraq").
_REGION_WORDS = frozenset(
    {"western", "eastern", "northern", "southern", "central", "upper", "lower"}
)
_INNER = frozenset(
    {"of", "de", "du", "la", "le", "the", "and", "al", "el", "ad", "as", "ash"}
    | {"do", "dos", "da", "das", "del", "di", "des", "los", "las"}  # "Jaboatao dos Guararapes"
)
_TAIL = GENERIC | frozenset({"desert", "mountains", "mountain", "hills", "valley", "governorate"})
_DIR = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
_CUE = re.compile(
    r"(?:^|(?<=[\s(,;]))(?P<cue>on the outskirts of|the outskirts of|outskirts of|"
    r"in the vicinity of|vicinity of|close to|nearby|near|outside of|outside|around|"
    rf"(?:\d[\d.,]*\s*(?:km|kilometers|kilometres|miles|mi)\s+)?{_DIR}(?:ern)? of|"
    r"(?:district|town|village|city|province|governorate|area|region|county|sub-county|"
    r"suburb|neighbou?rhood|outskirts|locality|hamlet|camp|municipality) of|"
    r"(?:towns|villages|cities) of|"
    rf"{alternation(RESIDENT_CUES)}|"
    rf"{alternation(ACT_CUES)}|"
    r"in|at|into|inside|within|from|to|towards?|across|between|and|via|through)"
    r"\s+(?:the\s+)?(?:(?:town|village|city|area|district|province|governorate|region)\s+of\s+)?$",
    re.IGNORECASE,
)
# Words of an administration written after the area it runs ("Aydin Governorship announced",
# "Van Governor's Office", "Kirkuk Police"): the capitalised word after the name does not make
# it a longer name the gazetteer lacks.
OFFICE_WORDS = frozenset(
    {
        *ADMIN_UNIT_WORDS,
        "governorship",
        "governor",
        "governorates",
        "provincial",
        "municipal",
        "mayor",
        "mayoralty",
        "council",
        "police",
        "prefecture",
        "region",
        "regional",
        "state",
        "city",
        "town",
        "village",
    }
)
_ROUTE = re.compile(
    r"(?:[ ][A-Z][\w'’-]*){0,3}[ ](?:road|highway|route|border|stretch|axis|line|corridor|"
    r"railway|pipeline|bypass|motorway)\b",
    re.IGNORECASE,
)
# A name right before one of these names a street or a square, not the town of that name:
# "in Raju street of Afrin city", "Haifa Street" in Baghdad, "Tahrir Square". The town the
# street lies in is written next to it, or the text names it elsewhere. Roads and highways
# are not here: "Kisii-Bomet road", "Laisamis Road" run to the towns they are named after.
_STREET_AFTER = re.compile(
    r"[ ](?:street|st\.?|avenue|ave\.?|boulevard|blvd\.?|lane|alley|square|roundabout|"
    r"circle|crossroads?)\b",
    re.IGNORECASE,
)
# Words after a town's name that say the people or the institution are there: "Litein
# residents protested", "Bungoma High School students", "Isiolo Barracks". A one-word town
# before them needs no locative cue; the capitalised words after it are not a longer name.
_PEOPLE = r"(?:residents|villagers|inhabitants|youths?|locals)\b"
_INSTITUTION = (
    r"(?i:(?:(?:boys|girls|national|county|sub-county|district|referral|general|technical|"
    r"teachers|training|medical|secondary|primary|high|mixed|day)['’]?[ ])*"
    r"(?:school|academy|university|college|polytechnic|institute|hospital|prison|barracks|"
    r"stadium|market|airport|campus|conservancy|police station|polling station|mosque|"
    r"church|cathedral|township|cbd)\b)"
)
# ... with a name of its own between ("Laikipia Nature Conservancy", "Lamu Bujra Boys High
# School"): only after a one-word town (a longer name must end right before the noun).
_HERE_AFTER = re.compile(rf"[ ](?:{_PEOPLE}|(?:[A-Z][\w'’]*[ ]){{0,2}}{_INSTITUTION})")
_HERE_RIGHT_AFTER = re.compile(rf"[ ](?:{_PEOPLE}|{_INSTITUTION})")
# ... unless one of many streets of the town: "on a busy Nairobi street".
_A_BEFORE = re.compile(r"\b(?:a|an|one)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)
# A road named after the towns it joins, right after "A-B" (see ``Finder._hyphen_head``)
_ROUTE_AFTER = re.compile(r"[ ](?:road|highway|route|railway|bypass|motorway)\b", re.IGNORECASE)
_ROUTE_HEAD = re.compile(
    r"(?:-[A-Z][\w'’]*)+(?:[ ][A-Z][\w'’]*)?" + _ROUTE_AFTER.pattern, re.IGNORECASE
)
_DATELINE_AFTER = re.compile(r"^(?:,\s*[A-Z][\w ]{1,30})?\s*(?:\([^)\n]{1,40}\))?\s*[-—–:]")


def relation_before(text: str, start: int) -> str | None:
    """The spatial cue written right before ``start`` ("in", "near", "east of", ...)."""
    m = _CUE.search(text[max(0, start - 60) : start])
    if not m:
        return None
    cue = re.sub(r"\s+", " ", m.group("cue").lower())
    cue = re.sub(r"^[\d.,]+\s*(?:km|kilometers|kilometres|miles|mi)\s+", "", cue)
    cue = re.sub(r"(north|south)-(east|west)", r"\1\2", cue)
    cue = re.sub(r"ern of$", " of", cue)
    return "on the outskirts of" if cue == "the outskirts of" else cue


def is_dateline(text: str, start: int, end: int) -> bool:
    """A name opening a line and followed by an outlet or a dash ("BAGHDAD (AP) -")."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    return bool(_DATELINE_AFTER.match(text[end : end + 50]))


def _capitalised(word: str) -> bool:
    head = word.split("-", 1)
    if len(head) == 2 and head[0].lower() in ARTICLES:
        return head[1][:1].isupper()
    return word[:1].isupper()


def _in_bracket(text: str, start: int) -> bool:
    """Inside an ACLED "(Admin2, Admin1)" bracket."""
    opened = text.rfind("(", max(0, start - 60), start)
    return opened >= 0 and ")" not in text[opened:start] and "\n" not in text[opened:start]


class Finder:
    """Finds gazetteer names; ``lookup`` maps a norm key to its gazetteer entries."""

    def __init__(self, lookup: Callable[[str], Sequence[PlaceRow]]) -> None:
        self.lookup = lookup

    def find(self, text: str, *, relaxed: bool = False) -> list[Toponym]:
        """Gazetteer names in ``text``. ``relaxed``: a one-word small town needs no locative
        cue (for a text where the strict scan found no place at all: "Israeli forces raided
        Tulkarm", "Panic gripped Karatina")."""
        text = text[:MAX_TEXT]
        words = list(_WORD.finditer(text))
        out: list[Toponym] = []
        i = 0
        while i < len(words):
            if _capitalised(words[i].group()):
                hit = self._longest(text, words, i, relaxed) or self._hyphen_head(text, words, i)
            elif words[i].group().lower() in _REGION_WORDS:
                hit = self._lower_alias(text, words, i)
            else:
                hit = None
            if hit is None:
                i += 1
                continue
            j, start, end = hit
            out.append(self._toponym(text, start, end, out))
            i = j
        return out

    def _toponym(self, text: str, start: int, end: int, prev: list[Toponym]) -> Toponym:
        if is_dateline(text, start, end):
            rel: str | None = "dateline"
        elif _ROUTE_HEAD.match(text, end):
            rel = "route"  # "Eldoret-Kitale road": a stand-in when nothing else is named
        else:
            rel = relation_before(text, start)
            between = text[prev[-1].end : start] if prev else ""
            if prev and re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*", between):
                rel = prev[-1].relation if rel in (None, "and") else rel
        return Toponym(text[start:end], start, end, rel, "GAZ")

    def _longest(
        self,
        text: str,
        words: list[re.Match[str]],
        i: int,
        relaxed: bool = False,
    ) -> tuple[int, int, int] | None:
        best: tuple[int, int, int] | None = None
        lower_inside = False  # a lower-case word that is not a connector: "Iraq's western desert"
        for j in range(i + 1, min(len(words), i + MAX_WORDS) + 1):
            last = words[j - 1]
            if j > i + 1 and not re.fullmatch(r"[ \t]+", text[words[j - 2].end() : last.start()]):
                break
            lw = last.group().lower()
            if j > i + 1 and not _capitalised(last.group()) and lw not in _INNER | _TAIL:
                lower_inside = True
            start, end = words[i].start(), _trim_possessive(last)
            if lw in _INNER:
                continue
            if lower_inside:
                # Only a curated feature's full alias may run over ordinary lower-case words.
                if self._curated_alias(text[start:end]):
                    best = (j, start, end)
            elif self._accept(text, start, end, j - i, relaxed):
                best = (j, start, end)
        return best

    def _hyphen_head(
        self, text: str, words: list[re.Match[str]], i: int
    ) -> tuple[int, int, int] | None:
        """A well-known place before a hyphen and another capitalised name, which the
        gazetteer lacks as a whole: a city's quarter ("Belgrade-Vracar", "Zagreb-Centar")."""
        word = words[i]
        head, _, rest = word.group().partition("-")
        if not rest[:1].isupper() or len(head) < 3 or head.lower() in ARTICLES:
            return None
        key = norm_key(head)
        if _ROUTE_AFTER.match(text, word.end()) and self._town(key):
            # "the Eldoret-Kitale road", "Kericho-Kisumu highway": the road runs from the
            # first town, where a coder places an event on it
            return i + 1, word.start(), word.start() + len(head)
        if any(r.feature == "country" for r in self.lookup(key)) or not self._big_town(key):
            return None
        tail = re.split(r"[-\s]", rest, maxsplit=1)[0]
        if _well_known(self.lookup(norm_key(tail))) or _ROUTE.match(text, word.end()):
            return None  # "Nairobi-Mombasa highway", "Kisii-Bomet road": a route, not a quarter
        return i + 1, word.start(), word.start() + len(head)

    def _lower_alias(
        self, text: str, words: list[re.Match[str]], i: int
    ) -> tuple[int, int, int] | None:
        """A curated feature written in lower case: "the western desert of Iraq"."""
        best: tuple[int, int, int] | None = None
        for j in range(i + 2, min(len(words), i + MAX_WORDS) + 1):
            if not re.fullmatch(r"[ \t]+", text[words[j - 2].end() : words[j - 1].start()]):
                break
            start, end = words[i].start(), _trim_possessive(words[j - 1])
            if self._curated_alias(text[start:end]):
                best = (j, start, end)
        return best

    def _curated_alias(self, span: str) -> bool:
        key = norm_key(span)
        return bool(key) and any(
            r.feature not in ("city", "adm1", "adm2", "country") for r in self.lookup(key)
        )

    def _accept(
        self,
        text: str,
        start: int,
        end: int,
        n_words: int,
        relaxed: bool = False,
    ) -> bool:
        span = text[start:end]
        key = norm_key(span)
        if not key:
            return False
        rows = self.lookup(key)
        if not rows:
            return False
        single = n_words == 1
        strong = [r for r in rows if r.feature not in ("city", "adm2") or not single]
        weak = not any(r.feature in ("adm1", "country") for r in rows)
        one = single or (weak and _one_name_word(span))
        if one and _part_of_longer_name(text, start, end):
            return False  # "Kuria" of "Kuria West", "Kot district" of "Shah Wali Kot district"
        if (
            not single
            and not _well_known(rows)
            and _name_goes_on(text, end)
            and not _HERE_RIGHT_AFTER.match(text, end)
        ):
            return False  # "St Francis" of "St Francis Xavier Catholic Church"
        if single and span.lower() in COMMON_WORDS:
            return False
        if _STREET_AFTER.match(text, end) and not _A_BEFORE.search(text, max(0, start - 30), start):
            return False  # "Raju street", "Haifa Street": a street's name, not the town's
        if span.isupper() and len(span) > 1:
            return bool(strong) or is_dateline(text, start, end)
        rel = relation_before(text, start)
        if (
            single
            and rel is None
            and _sentence_initial(text, start)
            and not any(norm_key(r.name) == key or r.feature != "city" for r in rows)
        ):
            return False  # "Mob lynches ...", "First of three days": only another name of a place
        if strong or not single:
            return True
        if max(r.population for r in rows) >= BIG_TOWN:
            return True
        if relaxed and rel is None:
            # no cue to vouch for it: not where any word is capitalised ("Panic gripped")
            return not _sentence_initial(text, start)
        return (
            (rel is not None and rel != "and")
            or _in_bracket(text, start)
            or self._after_big_city_s(text, start)
            or bool((_HERE_AFTER if single else _HERE_RIGHT_AFTER).match(text, end))
        )

    def _after_big_city_s(self, text: str, start: int) -> bool:
        """The name follows a big town's possessive, "Istanbul's Sisli": a quarter of it (the
        Locator reads it only inside that town, see ``citypart``)."""
        m = _CITY_S.search(text, max(0, start - 40), start)
        if not m:
            return False
        return self._big_town(norm_key(m.group(1)))

    def _town(self, key: str) -> bool:
        """``key`` is a town's own name (no common word): the first end of a route."""
        return key not in COMMON_WORDS and any(
            r.feature == "city" and norm_key(r.name) == key for r in self.lookup(key)
        )

    def _big_town(self, key: str) -> bool:
        """``key`` is a big town's own name, not an old one of it ("Para" for Belem)."""
        return any(
            r.feature == "city" and r.population >= BIG_TOWN and norm_key(r.name) == key
            for r in self.lookup(key)
        )


def _one_name_word(span: str) -> bool:
    """One word, or one word and a generic tail ("Kot district")."""
    words = span.split()
    return len(words) == 1 or all(w.lower() in _TAIL for w in words[1:])


def _sentence_initial(text: str, start: int) -> bool:
    """The word opens the text or a sentence, where any word is capitalised."""
    return (
        bool(re.search(r"(?:^|[.!?:\n\"“]\s*)$", text[max(0, start - 3) : start]))
        or not text[:start].strip()
    )


def _well_known(rows: Sequence[PlaceRow]) -> bool:
    """An admin1 area or a big town: its name is worth taking even before another name."""
    return any(r.feature in ("adm1", "country") or r.population >= BIG_TOWN for r in rows)


def _name_goes_on(text: str, end: int) -> bool:
    """The next word is capitalised and not a common word: the name runs on ("Ayn" of "Ayn
    Zarah", "Wadi" of "Wadi al-Rabi", "St Francis" of "St Francis Xavier")."""
    after = re.match(
        r"[ ](?:(?:al|el|ad|as|ash|at|az|ar|an)-|(?:al|el) )?([A-Z][\w'’-]+)", text[end : end + 40]
    )
    if not after:
        return False
    word = re.sub(r"['’]s$", "", after.group(1)).lower()
    return word not in COMMON_WORDS and word not in OFFICE_WORDS


def _part_of_longer_name(text: str, start: int, end: int) -> bool:
    """One word of a longer capitalised name the gazetteer lacks (see ``_name_goes_on``;
    "Kuria" of "Kuria West")."""
    if _name_goes_on(text, end) and not _HERE_AFTER.match(text, end):
        return True  # not "Bungoma High School": a town's institution
    before = re.search(r"([A-Z][\w'’-]*)[ ]$", text[max(0, start - 40) : start])
    if not before:
        return False
    word = before.group(1)
    if word.endswith(("'s", "’s")):
        return False  # "Istanbul's Sisli": a possessive ends the name before
    sentence_start = re.search(
        r"(?:^|[.!?:\n]\s*)" + re.escape(word) + r"[ ]$", text[max(0, start - 42) : start]
    )
    return not sentence_start and word.lower() not in COMMON_WORDS | _INNER


def _trim_possessive(m: re.Match[str]) -> int:
    word = m.group()
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            return m.end() - len(suffix)
    return m.end()
