"""The shared cue word lists (geo.cues) and the readers built from them."""

from __future__ import annotations

import pytest

from eventfuse.geo.cues import ADMIN_UNIT_WORDS, RESIDENT_CUES
from eventfuse.geo.finder import OFFICE_WORDS, relation_before
from eventfuse.geo.geocoder import Geocoder
from eventfuse.geo.locate import _UNIT_COMMA
from eventfuse.geo.normalize import GENERIC
from eventfuse.geo.store import PlaceRow
from eventfuse.geo.variants import _ADMIN_AFTER


def test_admin_unit_words_are_generic_and_office_words() -> None:
    # GENERIC drops them from name keys; OFFICE_WORDS keeps "X district" from reading as a
    # longer unknown name: both must know every admin-unit word.
    assert set(ADMIN_UNIT_WORDS) <= GENERIC
    assert set(ADMIN_UNIT_WORDS) <= OFFICE_WORDS


@pytest.mark.parametrize("word", [*ADMIN_UNIT_WORDS, "sub-county", "commune"])
def test_unit_comma_reads_every_unit_word(word: str) -> None:
    text = f"in Chimtal {word.title()}, Balkh"
    m = _UNIT_COMMA.search(text)
    assert m is not None and m.end() == text.index("Balkh")


@pytest.mark.parametrize("word", [*ADMIN_UNIT_WORDS, "subdistrict", "qada", "nahiya"])
def test_admin_after_reads_every_unit_word(word: str) -> None:
    assert _ADMIN_AFTER.match(f"Makhmur {word}", len("Makhmur"))
    assert not _ADMIN_AFTER.match(f"Makhmur {word}s", len("Makhmur"))


@pytest.mark.parametrize("cue", RESIDENT_CUES)
def test_resident_cues_are_read_and_kept_precise(cue: str) -> None:
    text = f"angry {cue.title()} Litein blocked the road"
    start = text.index("Litein")
    assert relation_before(text, start) == cue
    row = PlaceRow(
        uid="t",
        name="Litein",
        feature="city",
        country="Kenya",
        cc="KE",
        admin1="Kericho",
        admin2=None,
        lat=0.0,
        lon=0.0,
        population=1000,
        source="test",
        gid=None,
    )
    assert Geocoder._precision(row, cue) == 1  # the people are in the town, as after "in"
    assert Geocoder._precision(row, "near") == 2
