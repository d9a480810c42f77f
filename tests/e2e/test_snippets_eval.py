"""``eventfuse eval FILE.jsonl``: labelled news snippets through the full extractor.

The floors sit a little under what the news dev set (examples/news_dev, written for the
project, never trained on) measures now, so a regression in extraction or gating fails.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventfuse.cli.main import cli
from eventfuse.eval.snippets import UNCODED, evaluate_snippets, read_snippets, weighted_f1

NEWS = Path(__file__).resolve().parents[2] / "examples" / "news_dev" / "snippets.jsonl"
FLOORS = {  # measured: F1 0.8551, type acc 0.8586, coded 0.9686, non-conflict 1.0
    "sub_event_type_weighted_f1": 0.83,
    "event_type_accuracy": 0.83,
    "coded_rate": 0.94,
    "non_conflict_uncoded_rate": 0.95,
}


def test_weighted_f1_counts_uncoded_as_wrong() -> None:
    assert weighted_f1(["a", "a", "b"], ["a", "a", "b"]) == 1.0
    assert weighted_f1(["a", "b"], [UNCODED, "b"]) == 0.5
    # a wrong label costs the predicted class precision too: b's F1 is 2/3
    assert abs(weighted_f1(["a", "b"], ["b", "b"]) - (2 / 3) / 2) < 1e-9


def test_read_snippets_labels_and_errors(tmp_path: Path) -> None:
    f = tmp_path / "s.jsonl"
    lines = [
        {"text": "Rebels shelled the town.", "sub_event_type": "Shelling/artillery/missile attack"},
        {"text": "A flood hit the valley.", "sub_event_type": ""},
        {"text": "A bus crashed.", "sub_event_type": "Attack", "conflict": False},
        {"text": ""},
    ]
    f.write_text("\n".join(json.dumps(x) for x in lines) + "\n{not json\n", encoding="utf-8")
    snippets, errors = read_snippets(f)
    assert [s.sub_event_type for s in snippets] == ["Shelling/artillery/missile attack", "", ""]
    assert len(errors) == 2 and f"{f}:4" in errors[0] and "text" in errors[0]
    assert f"{f}:5" in errors[1]


@pytest.mark.slow
def test_news_dev_through_the_extractor() -> None:
    metrics = evaluate_snippets(NEWS).metrics
    assert metrics["n_conflict"] > 150 and metrics["n_non_conflict"] > 50
    for key, floor in FLOORS.items():
        assert metrics[key] >= floor, (key, metrics)


@pytest.mark.slow
def test_eval_command_reads_jsonl_by_suffix(tmp_path: Path) -> None:
    f = tmp_path / "few.jsonl"
    records = [
        {"text": "Militants attacked a police post near Mandera, killing three officers.",
         "event_type": "Violence against civilians", "sub_event_type": "Attack"},
        {"text": "A fire gutted a textile factory overnight, killing three workers.",
         "conflict": False},
    ]  # fmt: skip
    f.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    out = CliRunner().invoke(cli, ["eval", str(f), "--json"])
    assert out.exit_code == 0, out.output
    metrics = json.loads(out.output)
    assert metrics["n"] == 2 and metrics["n_conflict"] == 1
    assert metrics["non_conflict_uncoded_rate"] == 1.0
    assert metrics["coded_rate"] == 1.0
