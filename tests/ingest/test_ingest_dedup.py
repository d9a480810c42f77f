"""Near-duplicate detection: syndicated copies match, separate reports do not."""

from __future__ import annotations

import random
import time
from dataclasses import replace

from eventfuse.errors import InputError
from eventfuse.ingest import (
    DuplicateIndex,
    distance,
    fingerprint,
    is_near_duplicate,
    link_duplicates,
)
from eventfuse.ingest.records import Meta, build_article

WIRE = (
    "Armed men on motorbikes raided a cattle market outside the town of Dereva early on "
    "Tuesday, killing four traders and driving off several hundred animals, local officials "
    "said. The attackers arrived shortly after dawn, when the market was filling up with "
    "herders from nearby villages, and fired into the crowd before rounding up the cattle. "
    "A district administrator told reporters that security forces reached the market about "
    "an hour later and followed the tracks of the herd towards the forest to the east. "
    "Residents said the area had seen three similar raids since the start of the rainy "
    "season and accused the authorities of ignoring their calls for a permanent army post. "
    "No group has claimed the raid. Two of the wounded were taken by road to the regional "
    "hospital, where doctors described their condition as stable. The governor promised "
    "compensation for the families of the dead and said new patrols would begin this week. "
    "Traders' associations in the province have suspended market days in two other towns "
    "until the patrols are in place, a move that farmers say will push up the price of grain "
    "and meat before the harvest. Aid workers estimate that more than a thousand families have "
    "moved closer to the provincial capital since January because of the raids, and that many "
    "of them have lost most of their herds. The national government has not commented on the "
    "latest attack, but a parliamentary committee is due to visit the region next month to "
    "review security along the forest belt, where several armed groups are believed to operate."
)

# The same story as another outlet ran it: new opening sentence, one word changed.
COPY = (
    "Gunmen killed four traders at a livestock market near Dereva, officials said on "
    "Tuesday. The attackers arrived shortly after dawn, when the market was filling up with "
    "herders from nearby villages, and fired into the crowd before rounding up the cattle. "
    "A district administrator told journalists that security forces reached the market about "
    "an hour later and followed the tracks of the herd towards the forest to the east. "
    "Residents said the area had seen three similar raids since the start of the rainy "
    "season and accused the authorities of ignoring their calls for a permanent army post. "
    "No group has claimed the raid. Two of the wounded were taken by road to the regional "
    "hospital, where doctors described their condition as stable. The governor promised "
    "compensation for the families of the dead and said new patrols would begin this week. "
    "Traders' associations in the province have suspended market days in two other towns "
    "until the patrols are in place, a move that farmers say will push up the price of grain "
    "and meat before the harvest. Aid workers estimate that more than a thousand families have "
    "moved closer to the provincial capital since January because of the raids, and that many "
    "of them have lost most of their herds. The national government has not commented on the "
    "latest attack, but a parliamentary committee is due to visit the region next month to "
    "review security along the forest belt, where several armed groups are believed to operate."
)

# An independent report of the same raid, in its own words.
OTHER_REPORT = (
    "Four people died on Tuesday when a gang on motorcycles stormed the weekly livestock "
    "market at Dereva, according to a police spokesman. Witnesses said the raiders shot at "
    "traders and herders and escaped with a large number of cows. Police and soldiers were "
    "sent after them. The governor visited the scene in the afternoon and pledged support "
    "to the bereaved families, while community leaders called for a military base in the "
    "district after what they described as the third such attack in two months."
)


def test_fingerprint_fits_a_signed_bigint_and_is_stable() -> None:
    fp = fingerprint(WIRE)
    assert -(2**63) <= fp < 2**63
    assert fingerprint(WIRE) == fp
    assert fingerprint(WIRE.upper().replace(" ", "  ")) == fp  # case and spacing ignored


def test_edited_copy_is_a_near_duplicate() -> None:
    assert is_near_duplicate(fingerprint(WIRE), fingerprint(COPY))


def test_independent_report_of_same_event_is_not() -> None:
    fp = fingerprint(WIRE)
    assert not is_near_duplicate(fp, fingerprint(OTHER_REPORT))
    assert distance(fp, fingerprint(OTHER_REPORT)) > 8  # far from the threshold, not just over


def test_index_returns_the_earliest_matching_article() -> None:
    index = DuplicateIndex([("a_other", fingerprint(OTHER_REPORT))])
    assert index.match(fingerprint(WIRE)) is None
    index.add("a_wire", fingerprint(WIRE))
    index.add("a_copy", fingerprint(COPY))
    assert index.match(fingerprint(COPY)) == "a_wire"
    assert len(index) == 3


def _perturb(fp: int, slots: list[int], rnd: random.Random) -> int:
    """``fp`` with the given 4-bit slots changed to other values."""
    unsigned = fp & (2**64 - 1)
    for slot in slots:
        unsigned ^= rnd.randrange(1, 16) << (4 * slot)
    return unsigned - 2**64 if unsigned >= 2**63 else unsigned


def test_index_finds_exactly_what_a_full_scan_finds() -> None:
    rnd = random.Random(3)
    fps = [rnd.randrange(-(2**63), 2**63) for _ in range(3000)]
    index = DuplicateIndex((f"a{i}", fp) for i, fp in enumerate(fps))
    found = 0
    for i in range(300):
        probe = _perturb(fps[i], rnd.sample(range(16), rnd.randrange(0, 9)), rnd)
        expected = next((f"a{j}" for j, fp in enumerate(fps) if is_near_duplicate(probe, fp)), None)
        assert index.match(probe) == expected
        found += expected is not None
    assert 100 < found < 300  # both near and far probes were tried


def test_index_lookup_is_much_faster_than_a_scan() -> None:
    rnd = random.Random(7)
    fps = [rnd.randrange(-(2**63), 2**63) for _ in range(50_000)]
    index = DuplicateIndex((f"a{i}", fp) for i, fp in enumerate(fps))
    probes = [_perturb(fps[i * 1000], [0, 5, 10], rnd) for i in range(20)]
    started = time.perf_counter()
    assert [index.match(p) for p in probes] == [f"a{i * 1000}" for i in range(20)]
    indexed = time.perf_counter() - started
    started = time.perf_counter()
    for p in probes:
        next(fp for fp in fps if is_near_duplicate(p, fp))
    scanned = time.perf_counter() - started
    assert indexed * 5 < scanned


def test_link_duplicates_marks_copies_and_passes_errors_through() -> None:
    wire = build_article(WIRE, "wire.txt", Meta(outlet="Agency"))
    assert wire.fingerprint == fingerprint(wire.text)
    copy = build_article(COPY, "copy.txt", Meta(outlet="Daily"))
    other = build_article(OTHER_REPORT, "other.txt", Meta())
    error = InputError("bad.txt", "empty file")
    out = list(link_duplicates([wire, error, copy, other, wire]))
    assert out[1] is error
    assert out[0].duplicate_of is None  # type: ignore[union-attr]
    assert out[2].duplicate_of == wire.id  # type: ignore[union-attr]
    assert out[3].duplicate_of is None  # type: ignore[union-attr]
    assert out[4].duplicate_of is None  # type: ignore[union-attr]  # itself again, not a copy


TEMPLATE = (
    "On 3 June, several hundred residents of {} gathered outside the district office to "
    "protest against repeated cuts to the water supply, demanding that the utility restore "
    "daily service. The protest ended peacefully. [size=hundreds]"
)


def test_short_templated_texts_are_not_linked() -> None:
    one = build_article(TEMPLATE.format("Alda"), "1.txt", Meta())
    two = build_article(TEMPLATE.format("Berin"), "2.txt", Meta())
    assert one.fingerprint is not None and two.fingerprint is not None
    assert is_near_duplicate(one.fingerprint, two.fingerprint)  # a sketch cannot tell them apart
    out = list(link_duplicates([one, two]))
    assert [a.duplicate_of for a in out] == [None, None]  # type: ignore[union-attr]
    relinked = list(link_duplicates([one, two], min_words=10))
    assert relinked[1].duplicate_of == one.id  # type: ignore[union-attr]


def test_acled_rows_are_never_linked() -> None:
    text = TEMPLATE.format("Alda") + " " + WIRE
    one = replace(build_article(text, "x.csv", Meta()), gold={"event_id_cnty": "X1"})
    two = replace(one, id="a_other", gold={"event_id_cnty": "X2"})
    assert [a.duplicate_of for a in link_duplicates([one, two])] == [None, None]  # type: ignore[union-attr]
