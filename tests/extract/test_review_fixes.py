"""Review fixes (session 7): a region's people before "police" are no foreign state; victims
two "also" sentences both add are summed once; an earlier death recalled is no victim."""

from __future__ import annotations

from eventfuse.extract.actor_police import foreign_police_spans, police_pattern
from eventfuse.extract.counts import CountMatch, find_counts, total
from eventfuse.extract.extractor import _added
from eventfuse.extract.sentences import SentenceInfo

DEM = {"somali": "Somalia", "turkish": "Turkey", "ethiopian": "Ethiopia"}
ALT = "somali|turkish|ethiopian"


def _states(text: str, country: str) -> list[str]:
    return [s[0] for s in foreign_police_spans(text, country, DEM, police_pattern(ALT))]


def test_a_region_word_before_police_is_the_home_police() -> None:
    for text in (
        "Somali special police killed 5 people in Jijiga.",
        "Somali regional police arrested 3 traders.",
        "Somali Liyu police raided a village.",
    ):
        assert _states(text, "Ethiopia") == [], text


def test_a_branch_word_before_police_keeps_the_foreign_state() -> None:
    assert _states("Turkish border police fired at migrants.", "Greece") == ["Turkey"]
    assert _states("Somali police fired at protesters.", "Kenya") == ["Somalia"]
    assert _states("Ethiopian federal police crossed the border.", "Somalia") == ["Ethiopia"]


def _also(text: str) -> list[CountMatch]:
    return [m for m in find_counts(text) if m.kind == "killed"]


def test_two_also_sentences_with_one_figure_add_it_once() -> None:
    told = _also("On 3 May, 4 soldiers were killed in an ambush.")
    head = _also("6 militants were also killed.")
    body = _also("Officials said 6 militants were also killed.")
    assert head and head[0].additional and body and body[0].additional
    s = SentenceInfo  # the sentences themselves are not read by ``_added``
    values = [(4, s, told), (6, s, head), (6, s, body)]
    assert _added(values, values[:1]) == 6  # type: ignore[arg-type]


def test_different_also_figures_are_both_added() -> None:
    told = _also("On 3 May, 4 soldiers were killed in an ambush.")
    one = _also("6 militants were also killed.")
    two = _also("2 civilians were also killed.")
    s = SentenceInfo
    values = [(4, s, told), (6, s, one), (2, s, two)]
    assert _added(values, values[:1]) == 8  # type: ignore[arg-type]


def test_an_earlier_death_recalled_is_no_victim() -> None:
    text = (
        "Residents said a similar attack last year, in which a teacher was killed, "
        "was never solved."
    )
    assert total(find_counts(text), "killed") is None
    text = "Two years ago a policeman was shot dead at the same spot."
    assert total(find_counts(text), "killed") is None


def test_a_death_in_the_event_clause_still_counts() -> None:
    assert total(find_counts("A teacher was killed in Garissa on Monday."), "killed") == 1
    text = "Militants attacked a base in which 5 soldiers were killed."
    assert total(find_counts(text), "killed") == 5
    text = (
        "On Monday 3 people were killed in an attack. Residents said a similar attack last "
        "year, in which 2 people were killed, was never solved."
    )
    assert total(find_counts(text), "killed") == 3
