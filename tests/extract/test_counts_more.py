"""Count cases found on news copy: relative clauses, nominal verbs, non-human heads."""

from __future__ import annotations

import pytest

from eventfuse.extract.counts import find_counts


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The assault was executed by the army's rapid reaction division.", []),
        (
            "Police said three gunmen who had escaped from the compound were chased and arrested.",
            [("arrested", 3)],
        ),
        (
            "The ambushes led to the killing and wounding of some 30 recruits near the dam.",
            [("casualties", 30)],
        ),
        ("The strike resulted in the deaths of multiple fighters.", [("killed", 3)]),
    ],
)
def test_counts_on_news_copy(sentence: str, expected: list[tuple[str, int]]) -> None:
    got = [(c.kind, c.value) for c in find_counts(sentence) if not c.negated]
    assert got == expected
