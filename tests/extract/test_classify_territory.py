"""Tests of the typer's territory and heavy-weapon overrides (ACLED codebook rules)."""

from __future__ import annotations

from eventfuse.extract.actors import ActorDictionary, Entry
from eventfuse.extract.classify import EventTyper, drug_seizure, heavy_weapon_flags
from eventfuse.extract.classify_roles import (
    capture_patterns,
    dictionary_capture_patterns,
    territory_taker,
)


def test_state_force_acronyms_and_nicknames_take_ground() -> None:
    assert territory_taker("The FARDC took control of a militia stronghold near Djugu") == "state"
    assert territory_taker("SAA forces recaptured the village of Tel Hamra") == "state"
    assert territory_taker("Regime forces advanced and took control of Tal Sahn hill") == "state"
    assert territory_taker("Government troops seized control of the district centre") == "state"


def test_nonstate_groups_and_the_earliest_agent_win() -> None:
    assert territory_taker("Rebel fighters took control of the town of Karma") == "nonstate"
    # troops retook what the militants had taken: the first agent is the one acting
    got = territory_taker("Troops retook the town that militants had seized the week before")
    assert got == "state"


def test_no_ground_taken_means_no_taker() -> None:
    assert territory_taker("The army captured three militants after a raid") is None
    assert territory_taker("A joint patrol of foreign forces took place on the highway") is None
    # the object is a farm; the area after "in" is only where it lies
    assert territory_taker("Gunmen seized a farmer's land in the Wadi Sur area") is None
    # a peaceful hand-over is Non-violent transfer, not a capture
    assert territory_taker("Rebels took control of the town without a fight") is None


def test_patterns_come_from_a_user_dictionary() -> None:
    d = ActorDictionary([Entry("Blue Brigade", "Blue Brigade", 2), Entry("ZDF", "ZDF", 1, True)])
    pats = dictionary_capture_patterns(d)
    assert territory_taker("The Blue Brigade captured the hill of Som", pats) == "nonstate"
    assert territory_taker("ZDF captured the hill of Som", pats) == "state"
    # acronyms are case-sensitive: "zdf" in lower case is no actor
    empty = capture_patterns(set(), set(), {"ZDF"}, set())
    assert territory_taker("zdf captured the hill of Som", empty) is None


def test_typer_codes_state_recapture_as_government_regains() -> None:
    typer = EventTyper.load()
    pred = typer.predict(
        "On 3 March 2021, the FARDC took control of a rebel stronghold in the locality of "
        "Mbau after clashes with the militiamen; 5 rebels were killed."
    )
    assert pred.sub_event_type == "Government regains territory"


def test_heavy_weapons_alone_are_shelling() -> None:
    one_sided = "On 2 May 2021, rebel forces fired grenade launchers at army positions near Ost."
    assert heavy_weapon_flags(one_sided) == {"shell_only"}
    # small arms or fire both ways make it a ground fight (Armed clash)
    assert not heavy_weapon_flags("Rebels fired grenade launchers and small arms at posts.")
    # a party called RPG is no weapon
    assert not heavy_weapon_flags("Members of the RPG party blocked the mayor's office.")
    pred = EventTyper.load().predict(one_sided)
    assert pred.sub_event_type == "Shelling/artillery/missile attack"


def test_drug_seizures_by_state_forces_are_property_destruction() -> None:
    assert drug_seizure("On 3 June 2021, federal police seized 2 tons of marijuana in a truck.")
    assert drug_seizure("Soldiers found and destroyed a cocaine lab near the river.")
    # seizing weapons is Disrupted weapons use, and a crowd burning crops is no seizure
    assert not drug_seizure("Police seized rifles and 3 kg of cocaine in a raid.")
    assert not drug_seizure("Farmers burned their crops in protest against prices.")
    pred = EventTyper.load().predict(
        "On 3 June 2021, in Oriente, federal police forces dismantled a cocaine lab in a farm."
    )
    assert pred.sub_event_type == "Looting/property destruction"


def test_state_forces_shooting_civilians_with_no_fire_returned_is_an_attack() -> None:
    typer = EventTyper.load()
    one_sided = typer.predict(
        "On 2 May 2021, a farmer was shot and killed by soldiers at a checkpoint near Orun."
    )
    assert one_sided.event_type == "Violence against civilians"
    fought = typer.predict(
        "On 2 May 2021, soldiers clashed with militants near Orun; 3 militants were killed."
    )
    assert fought.sub_event_type == "Armed clash"
