"""Near-duplicate (syndicated copy) detection: a 64-bit MinHash sketch per text, and an index
that finds a stored near-duplicate fingerprint without scanning everything.

Copies are linked (``Article.duplicate_of``), never dropped: an agency story reprinted by
three outlets is still one source, and fusion needs to know that.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace

import numpy as np

from eventfuse.errors import InputError
from eventfuse.model import Article

__all__ = [
    "MAX_DISTANCE",
    "MIN_DUPLICATE_WORDS",
    "DuplicateIndex",
    "distance",
    "fingerprint",
    "is_near_duplicate",
    "link_duplicates",
    "linkable",
]

SHINGLE = 3  # words per shingle
SLOTS = 16  # MinHash values kept ...
SLOT_BITS = 4  # ... 4 bits of each: 16 x 4 = 64 bits
# Slots that may differ between a story and its edited copy. Two texts with shingle Jaccard
# J differ on each slot with probability (1 - J) * 15/16: a copy with a rewritten opening
# (J ~ 0.8) is within 5 about 95% of the time, an independent report (J < 0.2) about never.
MAX_DISTANCE = 5
# Shorter texts are not linked as copies (see ``link_duplicates``).
MIN_DUPLICATE_WORDS = 40
_BITS = SLOTS * SLOT_BITS
_BANDS = 4  # the index keys: 4 bands of 4 slots, 16 bits each
_BAND_SLOTS = SLOTS // _BANDS
_BAND_BITS = _BITS // _BANDS
_SLOT_MASK = (1 << SLOT_BITS) - 1
# One low bit per slot: folds "any bit of the slot differs" into a countable bit.
_SLOT_LOW_BITS = int("1" * SLOTS, 16)
_WORD = re.compile(r"\w+")
_U64 = (1 << 64) - 1
# Fixed odd multipliers and offsets: one hash per slot, the same in every run and process.
_RNG = np.random.default_rng(20240829)
_MUL = _RNG.integers(0, 2**63, size=SLOTS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_ADD = _RNG.integers(0, 2**63, size=SLOTS, dtype=np.uint64)


def fingerprint(text: str) -> int:
    """A 64-bit b-bit MinHash over word 3-shingles, as a signed int64 (fits a BIGINT column).

    Slot i holds 4 bits of the shingle that is smallest under hash i, so two texts agree on a
    slot with probability about J + (1 - J) / 16, J being their shingle-set Jaccard
    similarity. Unlike SimHash, a few edited words move only a slot or two.
    """
    hashes = _shingle_hashes(text)
    with np.errstate(over="ignore"):  # multiplication modulo 2**64 is the point
        mixed = hashes[:, None] * _MUL[None, :] + _ADD[None, :]
        mixed ^= mixed >> np.uint64(31)
    winners = hashes[np.argmin(mixed, axis=0)]
    value = 0
    for slot, winner in enumerate(winners.tolist()):
        # Each slot takes a different nibble of its winner so slots stay independent.
        value |= ((winner >> (SLOT_BITS * slot)) & _SLOT_MASK) << (SLOT_BITS * slot)
    return value - (1 << 64) if value >= 1 << 63 else value


def _shingle_hashes(text: str) -> np.ndarray:
    """A 64-bit hash per distinct word 3-shingle of the case-folded text."""
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    if len(words) >= SHINGLE:
        shingles = {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    else:
        shingles = {" ".join(words)}
    digests = b"".join(
        hashlib.blake2b(s.encode(), digest_size=8).digest() for s in sorted(shingles)
    )
    return np.frombuffer(digests, dtype=np.uint64)


def distance(fp_a: int, fp_b: int) -> int:
    """How many of the 16 slots differ between two fingerprints."""
    diff = (fp_a ^ fp_b) & _U64
    return ((diff | diff >> 1 | diff >> 2 | diff >> 3) & _SLOT_LOW_BITS).bit_count()


def is_near_duplicate(fp_a: int, fp_b: int) -> bool:
    """At most ``MAX_DISTANCE`` differing slots: a copy, even with a rewritten opening."""
    return distance(fp_a, fp_b) <= MAX_DISTANCE


def _bands(fp: int) -> list[int]:
    """The 4 bands of 4 slots (16 bits each) that the index is keyed on."""
    unsigned = fp & _U64
    mask = (1 << _BAND_BITS) - 1
    return [(unsigned >> (i * _BAND_BITS)) & mask for i in range(_BANDS)]


# XOR masks that turn a band value into itself (0) and each value one slot away (60).
_PROBE_MASKS = (
    0,
    *(
        change << (slot * SLOT_BITS)
        for slot in range(_BAND_SLOTS)
        for change in range(1, 1 << SLOT_BITS)
    ),
)


class DuplicateIndex:
    """Fingerprints keyed by band value, so a lookup never scans everything.

    Up to 7 differing slots spread over 4 bands leave at least one band with at most one
    differing slot (pigeonhole), so probing each band and its 60 one-slot neighbours finds
    every fingerprint within ``MAX_DISTANCE`` (<= 7): exact, not approximate, retrieval.
    """

    def __init__(self, items: Iterable[tuple[str, int]] = ()) -> None:
        self._ids: list[str] = []  # insertion rank -> article id
        self._fps: list[int] = []  # insertion rank -> fingerprint
        self._seen: set[str] = set()
        self._tables: list[defaultdict[int, list[int]]] = [defaultdict(list) for _ in range(_BANDS)]
        for article_id, fp in items:
            self.add(article_id, fp)

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._seen

    def add(self, article_id: str, fp: int) -> None:
        """Remember an article's fingerprint; adding an id again keeps the first."""
        if article_id in self._seen:
            return
        rank = len(self._ids)
        self._seen.add(article_id)
        self._ids.append(article_id)
        self._fps.append(fp)
        for table, band in zip(self._tables, _bands(fp), strict=True):
            table[band].append(rank)

    def match(self, fp: int) -> str | None:
        """The earliest-added article id whose fingerprint is a near-duplicate of ``fp``."""
        candidates: set[int] = set()
        for table, band in zip(self._tables, _bands(fp), strict=True):
            for mask in _PROBE_MASKS:
                ranks = table.get(band ^ mask)
                if ranks:
                    candidates.update(ranks)
        fps = self._fps
        near = [rank for rank in candidates if is_near_duplicate(fp, fps[rank])]
        return self._ids[min(near)] if near else None


def linkable(article: Article, min_words: int = MIN_DUPLICATE_WORDS) -> bool:
    """Whether an article may be linked as a copy (or serve as an original): not an ACLED row,
    and long enough for its fingerprint to mean something (see ``link_duplicates``)."""
    return article.gold is None and len(_WORD.findall(article.text)) >= min_words


def link_duplicates(
    items: Iterable[Article | InputError],
    index: DuplicateIndex | None = None,
    *,
    min_words: int = MIN_DUPLICATE_WORDS,
) -> Iterator[Article | InputError]:
    """Pass items through, setting ``duplicate_of`` on articles that copy an earlier one.

    ``index`` may hold the fingerprints already stored; new articles are added to it. Texts
    under ``min_words`` words are neither linked nor indexed: short notes written to a
    template ("On 9 May, people protested in X ...") differ in a word or two yet report
    different events, and a 3-shingle sketch cannot tell them apart. ACLED rows (articles
    with ``gold``) are never linked either: each row is one coded event by construction.
    """
    index = index if index is not None else DuplicateIndex()
    for item in items:
        if isinstance(item, Article):
            fp = item.fingerprint if item.fingerprint is not None else fingerprint(item.text)
            if item.fingerprint is None:
                item = replace(item, fingerprint=fp)
            if linkable(item, min_words):
                original = index.match(fp)
                index.add(item.id, fp)
                if original is not None and original != item.id and item.duplicate_of is None:
                    item = replace(item, duplicate_of=original)
        yield item
