"""An organisation named after the Air Force is no air strike: "a member of the Air Force
Intelligence was shot dead" is a killing by gunfire; "the Air Force bombed" is an air strike."""

from __future__ import annotations

from eventfuse.extract.classify import EventTyper
from eventfuse.extract.classify_rules import first_flags


def test_the_air_forces_intelligence_branch_is_no_air_strike() -> None:
    shot = "On 3 May 2020, gunmen shot dead a member of the Air Force Intelligence in Zorb."
    assert "air" not in first_flags(shot)
    assert "air" not in first_flags("On 3 May 2020, gunmen attacked an air force base in Zorb.")
    assert "air" in first_flags("On 3 May 2020, the Air Force bombed rebel positions in Zorb.")
    assert EventTyper.load().predict(shot).sub_event_type != "Air/drone strike"
