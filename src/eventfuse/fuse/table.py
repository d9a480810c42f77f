"""Columnar view of mentions: the numpy arrays that blocking and pair scoring work on.

Building 1M small objects per pair is what makes naive entity resolution slow, so the match
features of every mention (a *unit*: one mention, or one day of a multi-day mention) are kept
in flat arrays and every pair computation below is vectorised.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
import numpy.typing as npt

from eventfuse.fuse.config import FuseConfig
from eventfuse.fuse.vocab import STOPWORDS, family_of, is_generic_actor
from eventfuse.model import Article, Mention, Precision, strip_period

EPOCH = date(1970, 1, 1)
UNDATED = 4  # precision code of a mention that reports no date
MAX_ACTORS = 4
NO_COUNT = -1
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
class Columns:
    """Raw per-unit values, appended row by row (or filled directly by the benchmark)."""

    src: list[int] = field(default_factory=list)  # index of the mention the unit comes from
    block: list[int] = field(default_factory=list)  # (country, admin1, family) code
    country_family: list[int] = field(default_factory=list)  # (country, family) code
    has_admin1: list[bool] = field(default_factory=list)
    start: list[int] = field(default_factory=list)
    end: list[int] = field(default_factory=list)
    prec: list[int] = field(default_factory=list)
    lat: list[float] = field(default_factory=list)
    lon: list[float] = field(default_factory=list)
    geo: list[int] = field(default_factory=list)
    admin2: list[int] = field(default_factory=list)
    actors: list[tuple[int, ...]] = field(default_factory=list)
    etype: list[int] = field(default_factory=list)
    stype: list[int] = field(default_factory=list)
    fatalities: list[int] = field(default_factory=list)
    tokens: list[list[int]] = field(default_factory=list)  # crc32 of content words


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
    actors: IntArray  # shape (n, MAX_ACTORS), -1 padded
    etype: IntArray
    stype: IntArray
    fatalities: IntArray
    sig: npt.NDArray[np.uint32]  # MinHash signatures, shape (n, k)

    @property
    def n(self) -> int:
        return int(self.src.shape[0])


def text_tokens(text: str, limit: int) -> list[int]:
    """Stable 32-bit hashes of the distinct content words of ``text`` (bounded length)."""
    words = {w.strip(".,;:!?\"'()[]") for w in text[:limit].lower().split()}
    return [zlib.crc32(w.encode()) for w in words if len(w) > 2 and w not in STOPWORDS]


def minhash(tokens: Sequence[Sequence[int]], k: int) -> npt.NDArray[np.uint32]:
    """MinHash signatures (k hash functions) of token sets; empty sets get all-max rows."""
    lengths = np.fromiter((len(t) for t in tokens), dtype=np.int64, count=len(tokens))
    flat = np.fromiter((h for t in tokens for h in t), dtype=np.uint64, count=int(lengths.sum()))
    return minhash_flat(flat, lengths, k)


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


def finish(cols: Columns, config: FuseConfig) -> Table:
    """Turn appended columns into arrays (one copy, then the lists can be dropped)."""
    actors = np.full((len(cols.actors), MAX_ACTORS), -1, dtype=np.int64)
    for row, codes in enumerate(cols.actors):
        actors[row, : len(codes)] = codes[:MAX_ACTORS]
    return Table(
        src=np.asarray(cols.src, dtype=np.int64),
        block=np.asarray(cols.block, dtype=np.int64),
        country_family=np.asarray(cols.country_family, dtype=np.int64),
        has_admin1=np.asarray(cols.has_admin1, dtype=np.bool_),
        start=np.asarray(cols.start, dtype=np.int64),
        end=np.asarray(cols.end, dtype=np.int64),
        prec=np.asarray(cols.prec, dtype=np.int64),
        lat=np.asarray(cols.lat, dtype=np.float64),
        lon=np.asarray(cols.lon, dtype=np.float64),
        geo=np.asarray(cols.geo, dtype=np.int64),
        admin2=np.asarray(cols.admin2, dtype=np.int64),
        actors=actors,
        etype=np.asarray(cols.etype, dtype=np.int64),
        stype=np.asarray(cols.stype, dtype=np.int64),
        fatalities=np.asarray(cols.fatalities, dtype=np.int64),
        sig=minhash(cols.tokens, config.minhash_size),
    )


@dataclass
class Encoder:
    """Shared string -> code maps, so that every mention of one fuse call is comparable."""

    blocks: Codes = field(default_factory=Codes)
    country_families: Codes = field(default_factory=Codes)
    admin2: Codes = field(default_factory=Codes)
    actors: Codes = field(default_factory=Codes)
    types: Codes = field(default_factory=Codes)
    subtypes: Codes = field(default_factory=Codes)


def mention_actor_codes(m: Mention, enc: Encoder) -> tuple[int, ...]:
    """Codes of the non-generic actors (main and associated), compared without periods."""
    names: list[str] = []
    for actor in (m.actor1, m.actor2):
        if actor is not None:
            names.append(actor.name)
    names.extend(m.assoc_actor1)
    names.extend(m.assoc_actor2)
    seen: list[int] = []
    for name in names:
        if is_generic_actor(name):
            continue
        code = enc.actors(strip_period(name).lower())
        if code not in seen:
            seen.append(code)
    return tuple(seen)


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


def add_mention(
    cols: Columns,
    index: int,
    m: Mention,
    windows: Iterable[tuple[int, int]],
    prec: int,
    enc: Encoder,
    config: FuseConfig,
) -> None:
    """Append the unit rows of one mention."""
    place = m.place
    country = (place.country if place else None) or ""
    admin1 = (place.admin1 if place else None) or ""
    fam = family_of(m.event_type)
    block = enc.blocks(f"{country}\x1f{admin1}\x1f{fam}")
    cf = enc.country_families(f"{country}\x1f{fam}")
    lat = place.latitude if place and place.latitude is not None else float("nan")
    lon = place.longitude if place and place.longitude is not None else float("nan")
    geo = place.geo_precision if place else 3
    adm2 = enc.admin2(f"{country}\x1f{admin1}\x1f{place.admin2}") if place and place.admin2 else -1
    actors = mention_actor_codes(m, enc)
    etype, stype = enc.types(m.event_type), enc.subtypes(m.sub_event_type)
    fat = m.fatalities if m.fatalities is not None else NO_COUNT
    tokens = text_tokens(m.text, config.max_text_chars)
    for start, end in windows:
        cols.src.append(index)
        cols.block.append(block)
        cols.country_family.append(cf)
        cols.has_admin1.append(bool(admin1) and bool(country))
        cols.start.append(start)
        cols.end.append(end)
        cols.prec.append(prec)
        cols.lat.append(lat)
        cols.lon.append(lon)
        cols.geo.append(geo)
        cols.admin2.append(adm2)
        cols.actors.append(actors)
        cols.etype.append(etype)
        cols.stype.append(stype)
        cols.fatalities.append(fat)
        cols.tokens.append(tokens)


def build_table(
    mentions: Sequence[Mention], articles: Mapping[str, Article], config: FuseConfig
) -> Table:
    """The unit table of ``mentions`` (multi-day mentions give one unit per day)."""
    cols, enc = Columns(), Encoder()
    for index, m in enumerate(mentions):
        windows, prec = date_window(m, articles, config)
        add_mention(cols, index, m, windows, prec, enc, config)
    return finish(cols, config)
