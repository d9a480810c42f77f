"""The shared "where" cues and the readers built on them (geo/cues.py)."""

from __future__ import annotations

import pytest

from eventfuse.geo import evidence, national, variants
from eventfuse.geo.cues import WHERE_CUES, alternation
from eventfuse.geo.finder import relation_before


def _rel(text: str) -> str | None:
    return relation_before(text + " Vell", len(text) + 1)


def test_alternation_keeps_order_and_escapes() -> None:
    assert alternation(("in", "close to")) == r"in|close\ to"
    assert alternation(("a.b",)) == r"a\.b"


@pytest.mark.parametrize("cue", WHERE_CUES)
def test_every_where_cue_is_firm_for_variants_and_national(cue: str) -> None:
    rel = _rel(f"fighting {cue}")
    assert rel == cue
    assert variants._FIRM.match(rel)
    assert national._FIRM_CUE.match(rel)


@pytest.mark.parametrize(
    ("text", "variant_firm", "national_firm"),
    [
        ("an attack 10 km north-eastern of", True, True),
        ("shelling on the outskirts of", True, True),
        ("a raid in the vicinity of", True, True),
        ("clashes in the sub-county of", True, False),
        ("he spoke to", False, False),
        ("fled from", False, False),
    ],
)
def test_readers_differ_only_where_written(
    text: str, variant_firm: bool, national_firm: bool
) -> None:
    rel = _rel(text)
    assert rel is not None
    assert bool(variants._FIRM.match(rel)) is variant_firm
    assert bool(national._FIRM_CUE.match(rel)) is national_firm


def test_admin1_where_is_the_where_cues_with_across_without_nearby() -> None:
    assert "across" in evidence._WHERE
    assert not {"nearby", "close to"} & evidence._WHERE
    assert evidence._WHERE - {"across"} < frozenset(WHERE_CUES)
