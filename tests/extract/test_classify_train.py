"""Tests of typer training: input errors, determinism, role features learned from rows."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from eventfuse.errors import InputError
from eventfuse.extract.classify import train_typer_rows
from eventfuse.extract.train import read_acled

_CLASH = [
    "Gunmen shot and killed a policeman at a checkpoint in town {i}.",
    "Militants attacked a police post and killed two officers in district {i}.",
    "Two soldiers were killed by rebels near village {i}.",
    "Insurgents ambushed an army patrol in area {i}, killing a soldier.",
]
_ATTACK = [
    "Gunmen shot and killed a farmer in his home in village {i}.",
    "Militants attacked a family and killed two women in district {i}.",
    "A shepherd was killed by rebels near village {i}.",
    "Bandits killed three civilians in area {i}.",
]
_CHANGE = [
    "Members of the cartel delivered food packages to families in town {i}.",
    "The militia announced a curfew for residents of district {i}.",
    "Armed men patrolled the streets of village {i} to enforce a lockdown.",
    "The armed group recruited youths in area {i}.",
]


def _rows() -> tuple[list[str], list[str]]:
    texts, labels = [], []
    for i in range(6):
        for tmpl in _CLASH:
            texts.append(tmpl.format(i=i))
            labels.append("Armed clash")
        for tmpl in _ATTACK:
            texts.append(tmpl.format(i=i))
            labels.append("Attack")
        for tmpl in _CHANGE:
            texts.append(tmpl.format(i=i))
            labels.append("Change to group/activity")
    return texts, labels


def test_read_acled_names_file_and_missing_columns(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("event_type,notes\nBattles,x\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.csv.*missing column"):
        list(read_acled(bad))
    with pytest.raises(InputError, match="cannot open"):
        list(read_acled(tmp_path / "absent.csv"))


def test_training_is_deterministic_and_learns_roles() -> None:
    texts, labels = _rows()
    a = train_typer_rows(texts, labels, seed=0)
    b = train_typer_rows(texts, labels, seed=0)
    assert a.classes == b.classes and a.vocab == b.vocab
    assert np.array_equal(a.coef, b.coef)
    assert any(t.startswith("__P_") for t in a.vocab)  # role features reach the model
    # unseen wording: only the roles (armed vs civilian target) tell these apart
    assert a.predict("Fighters killed a ranger in a new town.").sub_event_type == "Armed clash"
    assert a.predict("Fighters killed a driver in a new town.").sub_event_type == "Attack"
