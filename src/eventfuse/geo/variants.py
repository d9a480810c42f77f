"""Second scan: spelling variants of names in the text's country ("Wassit province",
"Sulaimaniyah", "Joub Jannine", "Wanla Weyn").

The exact scan (``finder``) only takes names whose key is in the gazetteer. Once the text's
country is known, capitalised spans the exact scan left alone are matched by consonant
skeleton (``normalize.skeleton``: doubled letters, vowels, h/w/y, dh/d, kh/k, q/k folded) and a
string-similarity floor, keeping only gazetteer entries in that country. To stay precise a
one-word span needs a locative cue before it, a generic word after it ("province") or a
"(District, Province)" bracket around it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from rapidfuzz import fuzz

from eventfuse.geo.aliases import COMMON_WORDS
from eventfuse.geo.cues import ADMIN_UNIT_WORDS, WHERE_CUES, alternation
from eventfuse.geo.finder import _in_bracket, relation_before
from eventfuse.geo.normalize import ARTICLES, GENERIC, norm_key
from eventfuse.geo.store import GazetteerStore, PlaceRow
from eventfuse.model import Toponym

MIN_RATIO = 82
# A span the text marks as an admin area ("Makhmur district", "(Makhmur, Ninewa)") in the
# text's known country may be a looser variant (Arabic/Kurdish transliterations: Makhmur,
# Mkhmwr).
MARKED_RATIO = 75
MARKED_MIN_LEN = 6
_SPAN = re.compile(
    r"(?<![\w'’-])(?:(?:al|el|ad|as|an|ar|ash|at|az)-)?[A-Z][\w'’]*(?:-[\w'’]+)*"
    r"(?:[ ](?:(?:al|el|ad|as|an|ar|ash|at|az|de|of)[ -])?[A-Z][\w'’]*(?:-[\w'’]+)*){0,3}"
)
# Words of an admin unit (not "city", "area"): a looser variant is read only before these.
_ADMIN_AFTER = re.compile(
    r"[ ](?:"
    + alternation((*ADMIN_UNIT_WORDS, "subdistrict", "qada", "nahiya", "wilayat"))
    + r")\b",
    re.IGNORECASE,
)
_GENERIC_AFTER = re.compile(r"[ ](?:" + "|".join(sorted(GENERIC)) + r")\b", re.IGNORECASE)


def _rows_in(
    store: GazetteerStore, key: str, country: str | None, ratio: float = MIN_RATIO
) -> list[PlaceRow]:
    """Entries in ``country`` whose names are close variants of ``key``; with no country,
    those of the one country all such entries lie in (none when they lie in several)."""
    out: list[PlaceRow] = []
    if len(key.replace(" ", "")) < 4:
        return out
    for k in store.keys_spelled_like(key):
        close = fuzz.ratio(k, key)
        if k != key and close >= ratio:
            rows = store.by_key(k)
            if close < MIN_RATIO:  # a loose variant names a town or district, not a province
                rows = tuple(r for r in rows if r.feature not in ("adm1", "country"))
            out.extend(r for r in rows if country is None or r.country == country)
    if country is None and len({r.country for r in out}) != 1:
        return []
    return out


def _free(start: int, end: int, taken: Sequence[Toponym]) -> bool:
    return all(end <= t.start or start >= t.end for t in taken)


# "Chora district, Uruzgan": the name after an admin unit and a comma is its parent area.
_UNIT_COMMA_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(GENERIC)) + r"),[ ]$", re.IGNORECASE)


def _after_unit(text: str, start: int) -> bool:
    return bool(_UNIT_COMMA_BEFORE.search(text[max(0, start - 30) : start]))


def _marked(text: str, start: int, end: int) -> bool:
    """The text marks the span as an admin area or a coder's bracket."""
    return (
        _in_bracket(text, start)
        or bool(_GENERIC_AFTER.match(text, end))
        or _after_unit(text, start)
    )


def _one_word_ok(text: str, start: int, end: int, word: str) -> bool:
    if word.lower() in COMMON_WORDS or norm_key(word) in ARTICLES:
        return False
    rel = relation_before(text, start)
    return (rel is not None and rel != "and") or _marked(text, start, end)


# Cues that say "where" firmly enough to read a variant with no country in the text: the
# where cues and any "... of" ("east of", "district of", "on the outskirts of"); "to" and
# "from" are not ("told The Independent", "from Reuters").
_FIRM = re.compile(rf"^(?:{alternation(WHERE_CUES)}|.* of)$")


def _firm_cue(text: str, start: int, end: int) -> bool:
    rel = relation_before(text, start)
    return bool(rel and _FIRM.match(rel)) or _in_bracket(text, start)


def variant_toponyms(
    text: str,
    found: Sequence[Toponym],
    country: str | None,
    store: GazetteerStore,
    relation: Callable[[str, int, int, list[Toponym]], Toponym],
) -> list[Toponym]:
    """Toponyms for the capitalised spans of ``text`` that are variants of names in
    ``country``; ``relation`` builds a Toponym the way the exact scan does. With no country
    (the text names none), only variants of names in one country alone, and every span
    needs a firm cue (``_firm_cue``): "in Quamishli city", "near Shadadah"."""
    out: list[Toponym] = []
    for m in _SPAN.finditer(text[:20000]):
        words = [
            (w.start() + m.start(), w.end() + m.start()) for w in re.finditer(r"\S+", m.group())
        ]
        i = 0
        while i < len(words):
            hit = _longest(text, words, i, found, country, store)
            if hit is None:
                i += 1
                continue
            j, start, end = hit
            tail = _GENERIC_AFTER.match(text, end)  # keep "province": it picks the admin
            end = tail.end() if tail and _free(end, tail.end(), found) else end
            out.append(relation(text, start, end, [*found, *out]))
            i = j
    return out


def _longest(
    text: str,
    words: list[tuple[int, int]],
    i: int,
    found: Sequence[Toponym],
    country: str | None,
    store: GazetteerStore,
) -> tuple[int, int, int] | None:
    for j in range(len(words), i, -1):
        start, end = words[i][0], words[j - 1][1]
        span = text[start:end]
        if not _free(start, end, found) or span.split()[-1].lower() in ARTICLES | {"of", "de"}:
            continue
        if j - i == 1 and not _one_word_ok(text, start, end, span):
            continue
        if country is None and not _firm_cue(text, start, end):
            continue
        key = norm_key(span)
        loose = _in_bracket(text, start) or bool(_ADMIN_AFTER.match(text, end))
        # short names are too ambiguous for a loose match ("Buluk" ~ "Balkh")
        loose = loose and len(key.replace(" ", "")) >= MARKED_MIN_LEN
        ratio = MARKED_RATIO if country and loose else MIN_RATIO
        if key and not store.by_key(key) and _rows_in(store, key, country, ratio):
            return j, start, end
    return None
