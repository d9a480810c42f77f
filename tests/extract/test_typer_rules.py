"""Definitional cues (ACLED codebook) for sub-types the training notes barely have.

Sentences here are written for the tests and are not in examples/news_dev.
"""

from __future__ import annotations

import pytest

from eventfuse.extract.classify import (
    CONFLICT_THRESHOLD,
    SUB_TO_TYPE,
    EventTyper,
    definitional_cue,
)

CASES = [
    ("Monitors said a shell filled with sarin landed near the clinic.", "Chemical weapon"),
    ("A bomber in an explosive vest blew himself up at the checkpoint gate.", "Suicide bomb"),
    ("Soldiers were accused of raping two girls at a roadblock.", "Sexual violence"),
    ("Both factions agreed to a truce for the religious holiday.", "Agreement"),
    ("The rebels set up a new base in the old cotton depot.", "Headquarters or base established"),
    (
        "The militia handed over control of the port to the coast guard.",
        "Non-violent transfer of territory",
    ),
    (
        "Houthi fighters seized the district centre after a night assault.",
        "Non-state actor overtakes territory",
    ),
    ("Army units retook the oil field from the insurgents.", "Government regains territory"),
    ("Air defences shot down two drones over the capital.", "Disrupted weapons use"),
    ("A man hurled a grenade into a nightclub in the port city.", "Grenade"),
]


@pytest.mark.parametrize(("text", "sub"), CASES)
def test_definitional_cue_names_the_codebook_sub_type(text: str, sub: str) -> None:
    hit = definitional_cue(text, "Attack")  # a guess every guarded cue may correct
    assert hit is not None and hit[0] == sub, (text, hit)
    assert 0 <= hit[1] < hit[2] <= len(text)


@pytest.mark.parametrize(("text", "sub"), CASES)
def test_packaged_typer_follows_the_cue(text: str, sub: str) -> None:
    pred = EventTyper.load().predict(text)
    assert pred.sub_event_type == sub, text
    assert pred.event_type == SUB_TO_TYPE[sub]
    assert pred.cues, "the deciding words are returned as evidence"


def test_class_absent_from_training_is_predicted_with_its_cue_as_evidence() -> None:
    typer = EventTyper.load()
    text = "Rescuers said a chlorine attack on the suburb left dozens struggling to breathe."
    pred = typer.predict(text)
    assert pred.sub_event_type == "Chemical weapon"
    start, end = pred.cues[0]
    assert "chlorine" in text[start:end].lower()
    assert 0.0 <= pred.confidence <= 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Police foiled a suicide attack by arresting a man wearing an explosive belt.",
        "Women marched in the capital to protest against rape and domestic abuse.",
        "Despite the ceasefire, shelling killed three people in the old town.",
        "The parents protested after their son committed suicide at school.",
    ],
)
def test_blockers_keep_the_cue_from_firing(text: str) -> None:
    hit = definitional_cue(text, None)
    assert hit is None or hit[0] not in {"Suicide bomb", "Sexual violence", "Agreement"}, hit


def test_guarded_cues_only_correct_impossible_guesses() -> None:
    text = "Police opened fire on demonstrators in the square, killing two."
    assert definitional_cue(text, "Attack") is not None
    assert definitional_cue(text, "Violent demonstration") is None


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested two men suspected of robbing a pharmacy on the high street.",
        "A minibus plunged into a ravine on the mountain road, killing nine passengers.",
        "Kidnappers freed the trader after his relatives paid a ransom.",
        "Detectives recovered three stolen lorries and arrested the drivers.",
    ],
)
def test_crime_and_accidents_stay_uncoded(text: str) -> None:
    assert EventTyper.load().is_conflict(text) < CONFLICT_THRESHOLD, text


@pytest.mark.parametrize(
    "text",
    [
        "Fighters looted the district hospital and carried off its generators.",
        "The insurgents set up a new base in the hills above the valley.",
    ],
)
def test_codebook_cues_make_a_text_a_conflict_event(text: str) -> None:
    assert EventTyper.load().is_conflict(text) >= CONFLICT_THRESHOLD, text


def test_typer_fit_runs_to_convergence() -> None:
    """A loose tolerance left the intercepts unsettled: any feature change then moved
    cue-less notes between sub-types. The fit must stop on a tight tolerance, not early."""
    from eventfuse.extract.classify import _fit

    texts = [
        *(f"Soldiers shelled the village of Ke{i} with mortars." for i in range(8)),
        *(f"Traders protested a new tax outside market {i}." for i in range(8)),
        *(f"Rebels clashed with the army near camp {i}." for i in range(8)),
    ]
    labels = ["Shelling/artillery/missile attack"] * 8 + ["Peaceful protest"] * 8
    labels += ["Armed clash"] * 8
    _vec, clf = _fit(texts, labels, 0)
    assert clf.tol <= 1e-4
    assert int(clf.n_iter_[0]) < clf.max_iter
