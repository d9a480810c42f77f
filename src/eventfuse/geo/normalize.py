"""Name keys that survive transliteration.

Two keys per name:

* ``norm_key``: ASCII, lower case, quote marks dropped, hyphens to spaces, Arabic articles
  (al-, el-, ash-, as-, ad-, ...) and generic words (governorate, province, district, ...)
  removed. "Al-Anbar Governorate" and "Anbar" share the key ``anbar``.
* ``skeleton``: the first letter of the norm key, then its consonants with common
  transliteration digraphs folded (dh->d, kh->k, sh->s, q->k, ...), h/w/y and vowels dropped
  and doubled letters collapsed. It joins Hamreen/Hamrin, Shirqat/Sharqat,
  Salaheddine/Salah ad Din/Sala al-Din, Deir ez-Zor/Dayr az Zawr. Skeleton matches are looser,
  so they only ever score below exact matches.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

ARTICLES = frozenset(
    [
        "al",
        "el",
        "al-",
        "as",
        "ash",
        "ad",
        "adh",
        "an",
        "ar",
        "at",
        "ath",
        "az",
        "ad-",
        "ez",
        "es",
        "ed",
        "en",
        "er",
        "et",
        "ul",
        "il",
    ]
)
GENERIC = frozenset(
    """
    governorate governorates province provinces district districts muhafazat mohafazat
    muhafazah wilayat wilayah vilayat velayat qada qadaa nahiyat nahiya nahia subdistrict
    sub county subcounty region municipality city town village county department
    prefecture oblast raion rayon area
    """.split()  # noqa: SIM905
)
_QUOTES = re.compile(r"[\u2018\u2019\u02bc\u02bf\u02be'`´\"“”]")
_NONWORD = re.compile(r"[^a-z0-9]+")
_DIGRAPHS = (
    ("dh", "d"),
    ("th", "t"),
    ("kh", "k"),
    ("gh", "g"),
    ("sh", "s"),
    ("ch", "c"),
    ("ph", "f"),
    ("q", "k"),
    ("x", "ks"),
    ("z", "z"),
    ("ck", "k"),
)
_DROP = re.compile(r"[aeiouyhw]")


@lru_cache(maxsize=1 << 16)
def ascii_name(name: str) -> str:
    """The name in plain ASCII, as ACLED writes names ("Şalāḩ ad Dīn" -> "Salah ad Din",
    "Sāmarrā’" -> "Samarra": quote marks at word edges go, inner ones stay: "Murang'a")."""
    s = anyascii(unicodedata.normalize("NFC", name)).strip()
    return re.sub(r"(?:(?<=\w)'(?!\w)|(?<!\w)'(?=\w))", "", s)


def tokens(name: str) -> list[str]:
    """Lower-case ASCII word tokens of a name, quote marks removed, hyphens split."""
    return list(_tokens(name))


# The geocoder keys the same few hundred names over and over (every candidate row of every
# toponym): these pure functions are cached. Bounded, so a long run cannot grow them forever.
_CACHE_SIZE = 1 << 16


@lru_cache(maxsize=_CACHE_SIZE)
def _tokens(name: str) -> tuple[str, ...]:
    s = _QUOTES.sub("", ascii_name(name).lower())
    return tuple(t for t in _NONWORD.split(s) if t)


@lru_cache(maxsize=_CACHE_SIZE)
def norm_key(name: str, *, drop_generic: bool = True) -> str:
    """The exact-match key: articles and (optionally) generic words removed."""
    toks = _tokens(name)
    kept = [t for t in toks if t not in ARTICLES]
    if drop_generic:
        kept = [t for t in kept if t not in GENERIC] or kept
    return " ".join(kept or toks)


@lru_cache(maxsize=_CACHE_SIZE)
def skeleton(key: str) -> str:
    """A consonant skeleton of a norm key (see module doc)."""
    s = key.replace(" ", "")
    if not s:
        return ""
    for a, b in _DIGRAPHS:
        s = s.replace(a, b)
    head, rest = s[0], _DROP.sub("", s[1:])
    out = [head]
    for ch in rest:
        if ch != out[-1]:
            out.append(ch)
    return "".join(out)


def skeletons(key: str) -> list[str]:
    """The skeletons a key may match: its own, and for a final Arabic ta marbuta written
    -a/-ah/-eh also the -at reading ("Tuz Khurma" / "Tuz Khurmatu")."""
    skel = skeleton(key)
    return [skel, skel + "t"] if key.endswith(("a", "ah", "eh")) else [skel]


def is_latin(name: str) -> bool:
    """True when a name is written in Latin script (other scripts are not kept as aliases)."""
    for ch in name:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return any(ch.isalpha() for ch in name)


def strip_generic_suffix(name: str) -> str:
    """Drop a trailing generic word as ACLED does ("Al-Shirqat District" -> "Al-Shirqat")."""
    parts = name.split()
    while len(parts) > 1 and parts[-1].lower().strip(".") in GENERIC:
        parts.pop()
    return " ".join(parts)


# Words that only say what kind of admin area a name is, in the forms the gazetteers write
# them before or after the name ("Caza de Saida", "Shahrestan-e Sirjan", "Akcakale Ilcesi",
# "Partido de La Plata", "Commune of Kirundo", "Nelson Mandela Bay Metropolitan"); ACLED
# writes the bare name.
ADMIN_PREFIX = re.compile(
    r"^(?:caza|kaza|qada|qadaa|qadha|shahrestan|shahrestan-e|partido|municipio|municipality|"
    r"commune|arrondissement|distrito|departamento|department|province|provincia|"
    r"nomos|nomarchia|canton|raion|rayon|sub-?prefecture|prefecture|county|wilayat|"
    r"mudiriyat|muhafazat|markaz|mintaqat|bashkia|kabupaten|comuna|cercle|grad|"
    r"gorodskoy okrug)"
    r"(?:\s+|-)(?:(?:of|de|del|da|do|du|e)\s+)?"
    r"(?:the\s+)?(?=\S)",
    re.IGNORECASE,
)
ADMIN_SUFFIX = re.compile(
    r"(?:\s+|-)(?:ilcesi|ilçesi|merkez|district|districts|metropolitan|metropolitan municipality|"
    r"municipality|local municipality|municipal|sub-?county|county|province|governorate|"
    r"city council|area council|lga|cercle|raion|rayon|oblast|region|department|prefecture)$",
    re.IGNORECASE,
)


# What is left of "Distrito Federal", "Distrito Nacional", "Distrito Capital" after the prefix
# is no name: ACLED keeps these whole ("Central District" still becomes "Central").
_BARE_ADJECTIVES = frozenset({"federal", "nacional", "national", "capital", "central"})


def clean_admin_name(name: str) -> str:
    """An admin area's bare name as ACLED writes it: ASCII, underscores to spaces, and the
    words that only name the kind of area dropped at either end (see ADMIN_PREFIX/SUFFIX)."""
    s = re.sub(r"[_\s]+", " ", ascii_name(name)).strip()
    for _ in range(2):
        bare = ADMIN_PREFIX.sub("", s)
        s2 = ADMIN_SUFFIX.sub("", s if bare.lower() in _BARE_ADJECTIVES else bare).strip(" ,-")
        if not s2 or s2 == s:
            break
        s = s2
    return s
