"""Columnar view of mentions: the numpy arrays that blocking and pair scoring work on.

Building 1M small objects per pair is what makes naive entity resolution slow, so the match
features of every mention (a *unit*: one mention, or one day of a multi-day mention) are kept
in flat arrays and every pair computation below is vectorised.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import Any

import numpy as np
import numpy.typing as npt

from eventfuse.fuse.config import FuseConfig
from eventfuse.fuse.vocab import (
    NAME_STOPWORDS,
    STOPWORDS,
    family_of,
    is_generic_actor,
    is_weak_actor,
)
from eventfuse.model import Article, Mention, Precision, strip_period

EPOCH = date(1970, 1, 1)
UNDATED = 4  # precision code of a mention that reports no date
MAX_ACTORS = 4
MAX_NAMES = 4  # specific names kept per mention (see ``Encoder.names_of``)
# A name common to mentions in more than this many (place block, week) buckets of one fuse
# call is not specific to an incident ("Russian", "Red Cross", a president's name).
NAME_MAX_BUCKETS = 4
NO_COUNT = -1
REGION = 3  # ACLED geo_precision of a place known only to its region (admin1 or country)
NO_PLACE = 4  # the geo code of a mention with no place (or no country): vaguer than a region
_HASH_MASK = np.uint64(0xFFFFFFFF)

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


def day_number(d: date) -> int:
    """Days since 1970-01-01, the integer date used by every array."""
    return (d - EPOCH).days


def day_date(n: int) -> date:
    return EPOCH + timedelta(days=int(n))


class Codes:
    """Maps strings to dense integer codes in order of first appearance."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def __call__(self, value: str) -> int:
        code = self.index.get(value)
        if code is None:
            code = len(self.index)
            self.index[value] = code
        return code


@dataclass
class Table:
    """The arrays of all units (see ``Columns`` for the meaning of each)."""

    src: IntArray
    block: IntArray
    country_family: IntArray
    has_admin1: npt.NDArray[np.bool_]
    start: IntArray
    end: IntArray
    prec: IntArray
    lat: FloatArray
    lon: FloatArray
    geo: IntArray
    admin2: IntArray
    city: npt.NDArray[np.bool_]  # the place is a city named like its admin unit (see is_city)
    actors: IntArray  # shape (n, MAX_ACTORS), -1 padded
    etype: IntArray
    stype: IntArray
    fatalities: IntArray
    sig: npt.NDArray[np.uint32]  # MinHash signatures, shape (n, k)
    names: IntArray  # specific-name hashes, shape (n, MAX_NAMES), -1 padded

    @property
    def n(self) -> int:
        return int(self.src.shape[0])

    # Per-unit values derived once per table, so that pair scoring (tens of millions of pairs
    # at 1M mentions) gathers them instead of recomputing them for every pair.

    @cached_property
    def named(self) -> npt.NDArray[np.bool_]:
        """Units with at least one specific name: only pairs of two such units need name work."""
        return np.asarray((self.names >= 0).any(axis=1), dtype=np.bool_)

    @cached_property
    def actor_cols(self) -> list[IntArray]:
        """The actor columns as contiguous arrays, up to the last one any unit fills."""
        used = np.flatnonzero((self.actors != -1).any(axis=0))
        width = int(used[-1]) + 1 if used.size else 0
        return [np.ascontiguousarray(self.actors[:, c]) for c in range(width)]

    @cached_property
    def n_named_actors(self) -> IntArray:
        """The number of named (not generic, not weak) actors of each unit."""
        return np.asarray((self.actors >= 0).sum(axis=1), dtype=np.int64)

    @cached_property
    def place_key(self) -> IntArray:
        """A location code per unit: its admin2 unit, else its 0.1 degree cell, else its
        block (a country- or province-level place without coordinates)."""
        lat = np.nan_to_num(np.round(self.lat * 10.0), nan=-10_000.0).astype(np.int64)
        lon = np.nan_to_num(np.round(self.lon * 10.0), nan=-10_000.0).astype(np.int64)
        cell = (np.int64(1) << 40) + (lat + 10_000) * 100_000 + (lon + 10_000)
        key = np.where(np.isnan(self.lat), (np.int64(2) << 40) + self.block, cell)
        return np.asarray(np.where(self.admin2 >= 0, self.admin2, key), dtype=np.int64)

    @cached_property
    def lat_rad(self) -> FloatArray:
        return np.radians(self.lat)

    @cached_property
    def cos_lat(self) -> FloatArray:
        return np.cos(self.lat_rad)


def run_bounds(keys: npt.NDArray[Any]) -> tuple[IntArray, IntArray]:
    """[start, end) of each run of equal values in sorted ``keys`` (the groups of a stable
    argsort: clusters, components, units)."""
    if keys.size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    return starts, np.r_[starts[1:], keys.size]


def minhash_flat(flat: npt.NDArray[np.uint64], lengths: IntArray, k: int) -> npt.NDArray[np.uint32]:
    """MinHash of token sets given as one flat hash array and the length of each set."""
    n = lengths.shape[0]
    sig = np.full((n, k), np.iinfo(np.uint32).max, dtype=np.uint32)
    if n == 0 or flat.size == 0:
        return sig
    rng = np.random.default_rng(20240829)
    mult = rng.integers(1, 2**63, size=k, dtype=np.uint64) | np.uint64(1)
    add = rng.integers(0, 2**63, size=k, dtype=np.uint64)
    nonempty = lengths > 0
    offsets = np.concatenate(([0], np.cumsum(lengths)[:-1]))[nonempty]
    for col in range(k):
        with np.errstate(over="ignore"):
            hashed = ((flat * mult[col] + add[col]) >> np.uint64(32)) & _HASH_MASK
        sig[nonempty, col] = np.minimum.reduceat(hashed, offsets).astype(np.uint32)
    return sig


_PUNCT = ".,;:!?\"'()[]"
# A capitalised word inside a sentence (after a lower-case word or a comma): a proper name.
# Sentence-initial words are skipped, they are capitalised whatever they are.
# A run of capitalised words ("Vitali Klitschko") is split after a possessive ("Kyiv's").
_NAME_RE = re.compile(r"(?<=[a-z,;:)] )[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+)*")
_RUN_SPLIT = re.compile(r"(?<=['\u2019]s) ")
# Names of a run of several words (people, organisations) are flagged: they support a match
# when shared, but officials quoted about different events say nothing against it.
MULTI = np.int64(1 << 32)
_POSSESSIVE = ("'s", "\u2019s")


def name_key(word: str) -> str:
    """A name compared without case and possessive: "Kyiv's" and "KYIV" are "kyiv"."""
    word = word.lower()
    return word[:-2] if word.endswith(_POSSESSIVE) else word


def word_codes(word: str) -> tuple[int, int]:
    """(hash of a lower-case word, hash of its first five letters): names and place words are
    compared by both, so that "Somali" or "Russian" count as the country's own word."""
    return zlib.crc32(word.encode()), zlib.crc32(b"~" + word[:5].encode())


def place_words(*names: str | None) -> list[int]:
    """``word_codes`` of the words of a place's names (name, admin units, country)."""
    out: list[int] = []
    for name in names:
        for word in re.split(r"[\s\-]+", (name or "").lower()):
            if len(word) > 2:
                out.extend(word_codes(word))
    return out


@dataclass
class Encoder:
    """Shared string -> code maps, so that every mention of one fuse call is comparable.

    Places, actor names and words repeat across mentions, so what is derived from them
    (block codes, the period-free actor code, a word's hash) is cached per distinct string.
    """

    blocks: Codes = field(default_factory=Codes)
    country_families: Codes = field(default_factory=Codes)
    admin2: Codes = field(default_factory=Codes)
    actors: Codes = field(default_factory=Codes)
    types: Codes = field(default_factory=Codes)
    subtypes: Codes = field(default_factory=Codes)
    places: dict[tuple[str, str, str | None, str], tuple[int, int, bool, int]] = field(
        default_factory=dict
    )
    actor_codes: dict[str, int] = field(default_factory=dict)
    lineups: dict[tuple[str | None, str | None, tuple[str, ...], tuple[str, ...]], list[int]] = (
        field(default_factory=dict)
    )
    words: dict[str, int] = field(default_factory=dict)
    name_codes: dict[str, tuple[int, int]] = field(default_factory=dict)
    cities: dict[tuple[str, str | None, str | None], bool] = field(default_factory=dict)
    own_words: dict[tuple[str, str | None, str | None, str | None], frozenset[int]] = field(
        default_factory=dict
    )
    # The names of a capitalised run, per place (the run's words that are the place's own
    # are dropped): runs recur across mentions ("Armed", "Al-Shabaab"), so each is split,
    # hashed and filtered once per place instead of once per mention.
    run_names: dict[tuple[str, str | None, str | None, str | None], dict[str, list[int]]] = field(
        default_factory=dict
    )

    def place(self, country: str, admin1: str, admin2: str | None, etype: str) -> tuple[int, ...]:
        """(block, country-family, has admin1, admin2 code) of a place and event type."""
        key = (country, admin1, admin2, etype)
        got = self.places.get(key)
        if got is None:
            fam = family_of(etype)
            got = self.places[key] = (
                self.blocks(f"{country}\x1f{admin1}\x1f{fam}"),
                self.country_families(f"{country}\x1f{fam}"),
                bool(admin1) and bool(country),
                self.admin2(f"{country}\x1f{admin1}\x1f{admin2}") if admin2 else -1,
            )
        return got

    def actor(self, name: str) -> int:
        """The code of an actor name without its ACLED period; -1 for generic names, and
        ``-2 - code`` for weak ones (civilians, protesters, rioters; see ``pairs.actor_sim``)."""
        code = self.actor_codes.get(name)
        if code is None:
            if is_generic_actor(name):
                code = -1
            else:
                code = self.actors(strip_period(name).lower())
                code = -2 - code if is_weak_actor(name) else code
            self.actor_codes[name] = code
        return code

    def is_city(self, name: str, admin1: str | None, admin2: str | None) -> bool:
        """True for a place named like its admin2 or admin1 unit ("Kabul", Kabul, Kabul).

        Such a place is usually the unit's main city, and a report that names only the city
        may be about any neighbourhood of it: the Dasht-e-Barchi area and "Kabul" can be
        one event, two neighbourhoods of Kabul cannot.
        """
        key = (name, admin1, admin2)
        got = self.cities.get(key)
        if got is None:
            low = name.lower()
            got = self.cities[key] = any(
                unit is not None and len(low) > 2 and unit.lower().startswith(low)
                for unit in (admin1, admin2)
            )
        return got

    def name(self, raw: str) -> tuple[int, int]:
        """(hash, hash of the first five letters) of a capitalised word; -1 for stop names."""
        got = self.name_codes.get(raw)
        if got is None:
            key = name_key(raw)
            got = self.name_codes[raw] = (
                (-1, -1) if key in NAME_STOPWORDS or len(key) < 4 else word_codes(key)
            )
        return got

    def names_of(self, m: Mention, limit: int) -> list[int]:
        """Specific names in a mention's text: capitalised words inside a sentence that are
        not stop names and not words of the mention's own place (its town, admin units and
        country, demonyms included by their first five letters). "Okhmatdyt" or "Westgate"
        name one incident; "Kyiv" in a report placed in Kyiv says nothing more."""
        found = _NAME_RE.findall(m.text[:limit])
        if not found:
            return []
        p = m.place
        pkey = (p.name, p.admin1, p.admin2, p.country) if p is not None else ("", None, None, None)
        runs = self.run_names.get(pkey)
        if runs is None:
            runs = self.run_names[pkey] = {}
        out: list[int] = []
        for run in found:
            names = runs.get(run)
            if names is None:
                names = runs[run] = self.run_codes(run, pkey)
            out.extend(f for f in names if f not in out)
        return out[:MAX_NAMES]

    def run_codes(
        self, run: str, pkey: tuple[str, str | None, str | None, str | None]
    ) -> list[int]:
        """The name codes of one capitalised run in a mention placed at ``pkey``: each part
        (split after a possessive) gives its words that are neither stop names nor the
        place's own, flagged ``MULTI`` unless the part keeps exactly one word."""
        own = self.own_words.get(pkey)
        if own is None:
            own = self.own_words[pkey] = frozenset(place_words(*pkey))
        out: list[int] = []
        for part in _RUN_SPLIT.split(run):
            codes = [self.name(w) for w in part.split()]
            kept = [f for f, pre in codes if f >= 0 and f not in own and pre not in own]
            flag = 0 if len(kept) == 1 else int(MULTI)
            out.extend(f | flag for f in kept if f | flag not in out)
        return out

    def word(self, raw: str) -> int:
        """A stable 32-bit hash of a word (punctuation stripped); -1 for stop and short words."""
        word = raw.strip(_PUNCT)
        keep = len(word) > 2 and word not in STOPWORDS
        h = self.words[raw] = zlib.crc32(word.encode()) if keep else -1
        return h


def text_tokens(text: str, limit: int, enc: Encoder) -> list[int]:
    """Stable 32-bit hashes of the distinct content words of ``text`` (bounded length)."""
    raw = set(text[:limit].lower().split())
    cache = enc.words
    seen = set(map(cache.get, raw))  # the common case: every word seen before
    if None in seen:
        seen = {cache[w] if w in cache else enc.word(w) for w in raw}
    return [h for h in seen if h is not None and h >= 0]


def mention_actor_codes(m: Mention, enc: Encoder) -> list[int]:
    """Codes of the non-generic actors (main and associated), compared without periods;
    weak actors (negative codes below -1) come after the others. Cached per actor line-up:
    a few thousand line-ups recur across a million mentions."""
    a1, a2 = m.actor1, m.actor2
    key = (a1.name if a1 else None, a2.name if a2 else None, m.assoc_actor1, m.assoc_actor2)
    got = enc.lineups.get(key)
    if got is None:
        codes = [enc.actor(a) for a in key[:2] if a is not None]
        codes += [enc.actor(name) for name in (*m.assoc_actor1, *m.assoc_actor2)]
        seen: list[int] = []
        for code in sorted(codes, key=lambda c: c < 0):
            if code != -1 and code not in seen:
                seen.append(code)
        got = enc.lineups[key] = seen[:MAX_ACTORS]
    return got


def date_window(
    m: Mention, articles: Mapping[str, Article], config: FuseConfig
) -> tuple[list[tuple[int, int]], int]:
    """The unit date ranges of a mention and their precision code.

    A day-precision range longer than one day is split into days (ACLED: a five-day operation
    is five events) when ``split_multiday`` is set. A mention with no date gets the window of
    ``undated_window_days`` before its article's publication, with precision ``UNDATED``.
    """
    if m.date is None:
        art = articles.get(m.article_id)
        if art is None or art.published is None:
            return [(-(10**6), 10**6)], UNDATED
        pub = day_number(art.published)
        return [(pub - config.undated_window_days, pub)], UNDATED
    start, end = day_number(m.date.start), day_number(m.date.end)
    prec = int(m.date.precision)
    if prec == Precision.DAY and end > start and config.split_multiday:
        return [(d, d) for d in range(start, end + 1)], prec
    return [(start, end)], prec


@dataclass
class Rows:
    """Per-mention values (one row per mention), expanded to units at the end."""

    place: list[tuple[int, ...]] = field(default_factory=list)  # Encoder.place()
    prec: list[int] = field(default_factory=list)
    lat: list[float] = field(default_factory=list)
    lon: list[float] = field(default_factory=list)
    geo: list[int] = field(default_factory=list)
    city: list[bool] = field(default_factory=list)
    actors: list[list[int]] = field(default_factory=list)
    etype: list[int] = field(default_factory=list)
    stype: list[int] = field(default_factory=list)
    fatalities: list[int] = field(default_factory=list)
    tokens: list[int] = field(default_factory=list)  # all mentions' word hashes, flat
    names: list[list[int]] = field(default_factory=list)
    n_tokens: list[int] = field(default_factory=list)
    n_units: list[int] = field(default_factory=list)
    start: list[int] = field(default_factory=list)  # per unit
    end: list[int] = field(default_factory=list)  # per unit

    def add(
        self, m: Mention, windows: list[tuple[int, int]], prec: int, enc: Encoder, lim: int
    ) -> None:
        """Append the row of one mention and its unit windows."""
        place = m.place
        if place is None:
            self.place.append(enc.place("", "", None, m.event_type))
            self.lat.append(float("nan"))
            self.lon.append(float("nan"))
            self.geo.append(NO_PLACE)
            self.city.append(False)
        else:
            codes = enc.place(place.country or "", place.admin1 or "", place.admin2, m.event_type)
            self.place.append(codes)
            self.lat.append(place.latitude if place.latitude is not None else float("nan"))
            self.lon.append(place.longitude if place.longitude is not None else float("nan"))
            self.geo.append(place.geo_precision if place.country else NO_PLACE)
            self.city.append(enc.is_city(place.name, place.admin1, place.admin2))
        self.prec.append(prec)
        self.actors.append(mention_actor_codes(m, enc))
        self.etype.append(enc.types(m.event_type))
        self.stype.append(enc.subtypes(m.sub_event_type))
        self.fatalities.append(m.fatalities if m.fatalities is not None else NO_COUNT)
        tokens = text_tokens(m.text, lim, enc)
        self.names.append(enc.names_of(m, lim))
        self.tokens.extend(tokens)
        self.n_tokens.append(len(tokens))
        self.n_units.append(len(windows))
        for start, end in windows:
            self.start.append(start)
            self.end.append(end)

    def table(self, k: int) -> Table:
        """The unit table: per-mention arrays repeated for the units of each mention."""
        n_units = np.asarray(self.n_units, dtype=np.int64)
        src = np.repeat(np.arange(n_units.shape[0], dtype=np.int64), n_units)
        place = np.asarray(self.place, dtype=np.int64).reshape(-1, 4)
        actors = np.full((n_units.shape[0], MAX_ACTORS), -1, dtype=np.int64)
        for row, codes in enumerate(self.actors):
            if codes:
                actors[row, : len(codes)] = codes
        names = np.full((n_units.shape[0], MAX_NAMES), -1, dtype=np.int64)
        for row, codes in enumerate(self.names):
            if codes:
                names[row, : len(codes)] = codes
        first_day = np.asarray(self.start, dtype=np.int64)[np.cumsum(n_units) - n_units]
        names = specific_names(names, place[:, 0], first_day)
        flat = np.asarray(self.tokens, dtype=np.uint64)
        sig = minhash_flat(flat, np.asarray(self.n_tokens, dtype=np.int64), k)
        one_unit = bool(src.shape[0] == n_units.shape[0])

        def unit(values: list[Any] | npt.NDArray[Any], dtype: type) -> npt.NDArray[Any]:
            arr: npt.NDArray[Any] = np.asarray(values, dtype=dtype)
            return arr if one_unit else arr[src]

        return Table(
            src=src,
            block=unit(place[:, 0], np.int64),
            country_family=unit(place[:, 1], np.int64),
            has_admin1=unit(place[:, 2], np.bool_),
            start=np.asarray(self.start, dtype=np.int64),
            end=np.asarray(self.end, dtype=np.int64),
            prec=unit(self.prec, np.int64),
            lat=unit(self.lat, np.float64),
            lon=unit(self.lon, np.float64),
            geo=unit(self.geo, np.int64),
            admin2=unit(place[:, 3], np.int64),
            city=unit(self.city, np.bool_),
            actors=unit(actors, np.int64),
            etype=unit(self.etype, np.int64),
            stype=unit(self.stype, np.int64),
            fatalities=unit(self.fatalities, np.int64),
            sig=unit(sig, np.uint32),
            names=unit(names, np.int64),
        )


def specific_names(names: IntArray, block: IntArray, day: IntArray) -> IntArray:
    """Blank the names found in more than ``NAME_MAX_BUCKETS`` (block, week) buckets.

    A name that recurs across places and weeks ("Russian", a minister's name) is not specific
    to one incident; a place's or a building's name recurs only in the reports of it. One
    sort over (name, bucket) pairs: linear in the number of names.
    """
    rows, cols = np.nonzero(names >= 0)
    if rows.size == 0:
        return names
    h = names[rows, cols] & (MULTI - 1)
    bucket = block[rows] * np.int64(1 << 24) + (day[rows] // 7 + (1 << 23))
    order = np.lexsort((bucket, h))
    hs, bs = h[order], bucket[order]
    new_bucket = np.r_[True, (hs[1:] != hs[:-1]) | (bs[1:] != bs[:-1])]
    uniq, n_buckets = np.unique(hs[new_bucket], return_counts=True)
    common = np.isin(h, uniq[n_buckets > NAME_MAX_BUCKETS])
    out = names.copy()
    out[rows[common], cols[common]] = -1
    return out


def build_table(
    mentions: Sequence[Mention], articles: Mapping[str, Article], config: FuseConfig
) -> Table:
    """The unit table of ``mentions`` (multi-day mentions give one unit per day)."""
    rows, enc = Rows(), Encoder()
    for m in mentions:
        windows, prec = date_window(m, articles, config)
        rows.add(m, windows, prec, enc, config.max_text_chars)
    return rows.table(config.minhash_size)
