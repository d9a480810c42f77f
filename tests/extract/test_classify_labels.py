"""An ACLED note's leading label ("Movement of forces: On 3 May ...") names its sub-type."""

from __future__ import annotations

import pytest

from eventfuse.extract.classify import EventTyper
from eventfuse.extract.classify_rules import NOTE_LABELS, note_label


@pytest.mark.parametrize(("label", "sub"), sorted(NOTE_LABELS.items()))
def test_every_label_names_its_sub_type(label: str, sub: str) -> None:
    text = f"{label.capitalize()}: On 3 May 2020, something happened in Zorb."
    assert note_label(text) == (sub, 0, len(label))


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2020, troops moved to the border.",  # no label
        "Update: On 3 May 2020, troops moved to the border.",  # a label that names nothing
        "Troops said: we moved to the border on 3 May 2020.",  # a quotation, not a label
        "Explosive remnants of war: On 5 May 2020, a shepherd was hurt.",  # not listed
    ],
)
def test_text_without_a_known_label_gives_nothing(text: str) -> None:
    assert note_label(text) is None


def test_the_label_decides_over_the_words_of_the_note() -> None:
    typer = EventTyper.load()
    body = (
        "On 8 May 2020, the governor's office extended the ban on all marches, protests and "
        "sit-ins in the province for another 15 days."
    )
    assert typer.predict(body).event_type == "Protests"  # the words alone read as a protest
    labelled = typer.predict("Security measures: " + body)
    assert labelled.sub_event_type == "Change to group/activity"
