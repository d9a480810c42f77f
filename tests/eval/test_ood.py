"""eventfuse.eval.ood without training: pooling, grouping the held-out rows, bad input."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from eventfuse.errors import InputError
from eventfuse.eval.metrics import aggregate, score_row
from eventfuse.eval.ood import POOLED, ood_articles, pool, training_fingerprint
from eventfuse.eval.runner import EvalResult

GOLD = {
    "event_type": "Battles",
    "sub_event_type": "Armed clash",
    "event_date": "2020-05-01",
    "country": "Yemen",
    "admin1": "Taizz",
    "actor1": "A",
    "actor2": "B",
    "fatalities": "0",
}


def _result(n_right: int, n_wrong: int, *, admin1: bool = True) -> EvalResult:
    """A country's result: ``n_right`` rows coded exactly as gold, ``n_wrong`` coded as
    another sub-event type; ``admin1=False`` drops gold admin1 (the figure does not apply)."""
    gold = dict(GOLD) if admin1 else {k: v for k, v in GOLD.items() if k != "admin1"}
    right = {**gold, "sub_event_type": "Armed clash"}
    wrong = {**gold, "event_type": "Protests", "sub_event_type": "Peaceful protest"}

    def same(a: str, b: str, c: str | None, level: int) -> bool:
        return False

    scores = [score_row(gold, right, same) for _ in range(n_right)]
    scores += [score_row(gold, wrong, same) for _ in range(n_wrong)]
    return EvalResult(aggregate(scores, 1.0), scores)


def test_pool_weights_each_country_by_its_rows() -> None:
    pooled = pool({"Yemen": _result(9, 1), "Lebanon": _result(0, 2)})
    # 9 of 12 rows right (the plain mean of the countries' 0.9 and 0.0 would be 0.45)
    assert pooled["sub_event_type_accuracy"] == pytest.approx(9 / 12)
    assert pooled["event_type_accuracy"] == pytest.approx(9 / 12)
    assert pooled["coded_rate"] == pytest.approx(1.0)
    # no gold admin2 or precise coordinates here: those figures do not apply anywhere
    assert set(pooled) == set(POOLED) - {"admin2_accuracy", "location_within_25km"}


def test_pool_leaves_out_a_country_where_a_figure_does_not_apply() -> None:
    pooled = pool({"Yemen": _result(2, 0), "Iran": _result(0, 6, admin1=False)})
    # admin1 applies to Yemen's 2 rows only (both right); Iran has no gold admin1
    assert pooled["admin1_accuracy"] == pytest.approx(1.0)
    assert pooled["event_type_accuracy"] == pytest.approx(2 / 8)


def test_pool_of_nothing_is_empty() -> None:
    assert pool({}) == {}


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    columns = [
        "event_id_cnty", "event_date", "year", "time_precision", "event_type",
        "sub_event_type", "actor1", "actor2", "region", "country", "admin1", "admin2",
        "location", "latitude", "longitude", "geo_precision", "notes", "fatalities",
    ]  # fmt: skip
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in columns})


def _row(n: int, region: str, country: str) -> dict[str, str]:
    return {
        "event_id_cnty": f"X{n}",
        "event_date": "01 May 2020",
        "year": "2020",
        "time_precision": "1",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": "A",
        "region": region,
        "country": country,
        "notes": f"On 1 May 2020, fighters clashed near town {n}.",
        "fatalities": "0",
    }


def test_ood_articles_groups_the_held_out_rows_by_country(tmp_path: Path) -> None:
    _write(
        tmp_path / "a.csv",
        [
            _row(1, "Middle East", "Yemen"),
            _row(2, "Eastern Africa", "Kenya"),
            _row(3, "Middle East", "Iraq"),
            _row(4, "Middle East", "Yemen"),
        ],
    )
    _write(tmp_path / "b.csv", [_row(5, "Middle East", "Iraq")])
    groups = ood_articles(tmp_path)
    assert sorted(groups) == ["Iraq", "Yemen"]
    assert [(a.gold or {})["event_id_cnty"] for a in groups["Yemen"]] == ["X1", "X4"]
    assert [(a.gold or {})["event_id_cnty"] for a in groups["Iraq"]] == ["X3", "X5"]


def test_ood_articles_names_a_directory_without_csv_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=str(tmp_path)):
        ood_articles(tmp_path)


def _rows(notes: list[str]) -> list[dict[str, str]]:
    return [
        {**GOLD, "notes": n, "event_id_cnty": f"X{i}", "inter1": "1", "inter2": "3"}
        for i, n in enumerate(notes)
    ]


NOTES = [
    "On 1 May 2020, soldiers clashed with militants near Taizz; three militants were killed.",
    "On 2 May 2020, a drone strike hit a vehicle near Marib, killing two fighters.",
    "On 3 May 2020, residents protested peacefully in Aden over power cuts.",
]


def test_the_fingerprint_is_stable_for_the_same_rows() -> None:
    assert training_fingerprint(_rows(NOTES)) == training_fingerprint(_rows(NOTES))


def test_the_fingerprint_changes_with_the_rows() -> None:
    assert training_fingerprint(_rows(NOTES)) != training_fingerprint(_rows(NOTES[:2]))


def test_the_fingerprint_changes_with_the_typer_features(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A cache trained before a feature change must not be reused: the stamp must differ.
    before = training_fingerprint(_rows(NOTES))
    import eventfuse.extract.classify as classify

    real = classify.features
    monkeypatch.setattr(classify, "features", lambda text: [*real(text), ("extra", 0, 0)])
    assert training_fingerprint(_rows(NOTES)) != before
