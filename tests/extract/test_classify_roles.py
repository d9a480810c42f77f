"""Tests of the typer's role features: who acts on whom in the first sentence."""

from __future__ import annotations

from eventfuse.extract.classify import EventTyper, features
from eventfuse.extract.classify_roles import role_flags


def test_armed_agent_on_state_target_active_and_passive() -> None:
    active = role_flags("unknown gunmen shot and killed 1 policewoman in Kandahar city")
    assert {"agent_armed", "tgt_state", "role_armed_state", "tgt_armed_only"} <= active
    passive = role_flags("2 NDS members were shot and killed by unknown gunmen in Herat")
    assert {"agent_armed", "tgt_state", "role_armed_state"} <= passive
    assert "tgt_civ" not in passive


def test_civilian_targets_and_state_agents() -> None:
    flags = role_flags("1 shepherd was killed and 1 was wounded by Afghan forces in Laghman")
    assert {"agent_state", "tgt_civ_only", "role_state_civ"} <= flags
    # "by armed men" names the agent: the men are not a civilian target
    flags = role_flags("a man was shot to death in his neighborhood by two armed men")
    assert {"agent_armed", "tgt_civ_only", "role_armed_civ"} <= flags
    # killed in a police raid: the state is the agent, the suspect the target
    flags = role_flags("a drug suspect was killed during a police raid in Bulacan")
    assert {"agent_state", "tgt_civ_only"} <= flags
    assert "tgt_state" not in flags


def test_community_members_and_off_duty_officers_are_civilians() -> None:
    flags = role_flags("militants killed seven members of the Tuareg Imghad community")
    assert "tgt_civ_only" in flags and "tgt_armed" not in flags
    assert "tgt_armed" in role_flags("gunmen killed two members of the Sinaloa cartel")
    flags = role_flags("armed men ambushed the chief of the police who was off-duty")
    assert "tgt_civ" in flags and "tgt_state" not in flags


def test_two_sided_remote_and_nonviolent_cues() -> None:
    assert "two_sided" in role_flags("Troops clashed with Al Shabaab fighters near Mandera")
    assert "two_sided" in role_flags("The officers returned fire and hit the man")
    assert "two_sided" not in role_flags("Gunmen shot dead a farmer in his home")
    assert "remote_place" in role_flags("Israeli artillery shelled the village of Kfar Kila")
    assert "remote_armed" in role_flags("rebels fired 82mm mortars at the governmental positions")
    aid = "members of the CJNG delivered food packages as financial aid for families"
    assert "nonviolent_group" in role_flags(aid)
    # violence, or a crowd, is not a group's non-violent activity
    assert "nonviolent_group" not in role_flags("members of the CJNG killed a man")
    assert "nonviolent_group" not in role_flags("police officers announced a protest march")


def test_role_flags_are_model_features_of_the_first_sentence_only() -> None:
    text = "On 3 May 2020, gunmen killed a policeman in Kabul. Later 2 civilians were shot."
    feats = {f for f, _, _ in features(text)}
    assert "__P_role_armed_state" in feats
    assert "__P_tgt_civ" not in feats  # the second sentence does not count


def test_packaged_model_uses_roles() -> None:
    typer = EventTyper.load()
    aid = (
        "As reported on 28 April 2020, members of the Gulf Cartel delivered boxes with food "
        "to families as financial help during the lockdown."
    )
    assert typer.predict(aid).sub_event_type == "Change to group/activity"
    clash = "On 4 May 2020, unknown gunmen shot and killed a policeman in Kandahar city."
    assert typer.predict(clash).sub_event_type == "Armed clash"
    civ = "On 4 May 2020, soldiers shot and killed a shepherd near the village."
    assert typer.predict(civ).event_type == "Violence against civilians"


def test_role_flags_bounded_and_fast_on_long_input() -> None:
    long_text = "gunmen killed " + "word " * 50_000  # bounded: only 600 characters are read
    assert "agent_armed" in role_flags(long_text)
