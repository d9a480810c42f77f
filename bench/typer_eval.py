"""Evaluate the event typer and the actor coder on ACLED notes, in and out of distribution.

Split: training = every row except the Middle East rows of the worldwide file; OOD test = the
Middle East rows (countries and a period never seen in training). In-distribution figures come
from a held-out 20% of the training rows (fixed seed) with a model fitted on the other 80%.

    python bench/typer_eval.py [ACLED_DIR] [--cache DIR]

The news-style dev set (examples/news_dev/snippets.jsonl) is scored with the packaged model.
``--baseline`` adds a plain bag-of-words logistic regression on the same OOD split.
``--dev`` prints leave-region-group-out accuracy on the training side (the split to tune on).
``--cache DIR`` keeps the two fitted models so reruns skip training.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from eventfuse.extract.actors import ActorDictionary, code_actors
from eventfuse.extract.classify import (
    CONFLICT_THRESHOLD,
    SUB_TO_TYPE,
    EventTyper,
    _fit,
    _from_fit,
    train_typer_rows,
)
from eventfuse.extract.train import is_ood_row, read_acled
from eventfuse.model import strip_period

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "acled"


def _typer(rows: Sequence[dict[str, str]], cache: Path | None) -> EventTyper:
    if cache is not None and (cache / "typer.npz").exists():
        return EventTyper.load(cache)
    typer = train_typer_rows([r["notes"] for r in rows], [r["sub_event_type"] for r in rows])
    if cache is not None:
        typer.save(cache)
    return typer


def _macro_f1(gold: list[str], pred: list[str]) -> float:
    scores = []
    for c in set(gold):
        tp = sum(g == c and p == c for g, p in zip(gold, pred, strict=True))
        fp = sum(g != c and p == c for g, p in zip(gold, pred, strict=True))
        fn = sum(g == c and p != c for g, p in zip(gold, pred, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(scores))


def evaluate(
    name: str, typer: EventTyper, actors: ActorDictionary, rows: Sequence[dict[str, str]]
) -> dict[str, float]:
    """Print and return accuracy, macro-F1, speed and reliability on ``rows``."""
    t0 = time.perf_counter()
    preds = [typer.predict(r["notes"]) for r in rows]
    codes = [
        code_actors(r["notes"], p.event_type, p.sub_event_type, r["country"], dictionary=actors)
        for r, p in zip(rows, preds, strict=True)
    ]
    secs = time.perf_counter() - t0
    et = [p.event_type == r["event_type"] for p, r in zip(preds, rows, strict=True)]
    st = [p.sub_event_type == r["sub_event_type"] for p, r in zip(preds, rows, strict=True)]

    def same(actor: object, gold: str) -> bool:
        got = strip_period(getattr(actor, "name", "") or "")
        return got.lower() == strip_period(gold).lower()  # the bar compares case-insensitively

    a1 = [same(c.actor1, r["actor1"]) for c, r in zip(codes, rows, strict=True)]
    a2 = [same(c.actor2, r["actor2"]) for c, r in zip(codes, rows, strict=True)]
    out = {
        "n": len(rows),
        "event_type_accuracy": float(np.mean(et)),
        "sub_event_type_accuracy": float(np.mean(st)),
        "event_type_macro_f1": _macro_f1(
            [r["event_type"] for r in rows], [p.event_type for p in preds]
        ),
        "sub_event_type_macro_f1": _macro_f1(
            [r["sub_event_type"] for r in rows], [p.sub_event_type for p in preds]
        ),
        "actor1_accuracy": float(np.mean(a1)),
        "actor2_accuracy": float(np.mean(a2)),
        "docs_per_s": len(rows) / secs,
    }
    print(f"\n== {name} ==")
    for k, v in out.items():
        print(f"  {k:28s} {v:.3f}" if isinstance(v, float) else f"  {k:28s} {v}")
    print("  reliability (confidence bin: n, share correct)")
    for label, conf, ok in (
        ("sub_event_type", [p.confidence for p in preds], st),
        ("event_type", [p.type_confidence for p in preds], et),
        ("actor1", [c.confidence for c in codes], a1),
    ):
        cells = []
        for lo, hi in ((0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01)):
            sel = [o for c, o in zip(conf, ok, strict=True) if lo <= c < hi]
            cells.append(
                f"[{lo:.1f},{min(hi, 1):.1f}): {len(sel)}, {np.mean(sel):.3f}" if sel else "-"
            )
        print(f"    {label:15s} " + " | ".join(cells))
    errs = Counter(
        (r["sub_event_type"], p.sub_event_type)
        for p, r in zip(preds, rows, strict=True)
        if p.sub_event_type != r["sub_event_type"]
    )
    print("  top sub-type confusions (gold -> predicted):")
    for (g, p), n in errs.most_common(10):
        print(f"    {n:4d}  {g} -> {p}")
    actor_report(rows, codes, a1, a2)
    return out


def actor_report(
    rows: Sequence[dict[str, str]], codes: Sequence[object], a1: list[bool], a2: list[bool]
) -> None:
    """Actor accuracy per gold event type and the commonest actor1 errors (gold -> coded)."""
    print("  actors by gold event type (n, actor1, actor2):")
    for et in sorted({r["event_type"] for r in rows}):
        idx = [i for i, r in enumerate(rows) if r["event_type"] == et]
        print(
            f"    {et:28s} {len(idx):5d} {np.mean([a1[i] for i in idx]):.3f}"
            f" {np.mean([a2[i] for i in idx]):.3f}"
        )

    def kind(name: str) -> str:
        name = strip_period(name)
        return name.split(" (")[0] if name.endswith(")") else name or "(empty)"

    errs = Counter(
        (kind(r["actor1"]), kind(getattr(getattr(c, "actor1", None), "name", "") or ""))
        for r, c, ok in zip(rows, codes, a1, strict=True)
        if not ok
    )
    print("  top actor1 errors (gold -> coded, country dropped):")
    for (g, p), n in errs.most_common(8):
        print(f"    {n:4d}  {g[:45]} -> {p[:45]}")


NEWS_DEV = Path(__file__).resolve().parents[1] / "examples" / "news_dev" / "snippets.jsonl"


def _weighted_f1(gold: list[str], pred: list[str]) -> float:
    total, acc = len(gold), 0.0
    for c in set(gold):
        tp = sum(g == c and p == c for g, p in zip(gold, pred, strict=True))
        fp = sum(g != c and p == c for g, p in zip(gold, pred, strict=True))
        fn = sum(g == c and p != c for g, p in zip(gold, pred, strict=True))
        acc += (2 * tp / (2 * tp + fp + fn) if tp else 0.0) * (tp + fn) / total
    return acc


def evaluate_news(typer: EventTyper, path: Path = NEWS_DEV) -> dict[str, float]:
    """News-style snippets: sub-type weighted F1 (uncoded counts as a miss), share uncoded."""
    recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    pos = [r for r in recs if r["conflict"]]
    neg = [r for r in recs if not r["conflict"]]
    pred = []
    for r in pos:
        coded = typer.is_conflict(r["text"]) >= CONFLICT_THRESHOLD
        pred.append(typer.predict(r["text"]).sub_event_type if coded else "(uncoded)")
    gold = [r["sub_event_type"] for r in pos]
    out = {
        "n_conflict": len(pos),
        "n_nonconflict": len(neg),
        "sub_event_weighted_f1": _weighted_f1(gold, pred),
        "event_type_accuracy": float(
            np.mean([SUB_TO_TYPE.get(p) == r["event_type"] for p, r in zip(pred, pos, strict=True)])
        ),
        "conflict_coded_share": float(np.mean([p != "(uncoded)" for p in pred])),
        "nonconflict_uncoded_share": float(
            np.mean([typer.is_conflict(r["text"]) < CONFLICT_THRESHOLD for r in neg])
        ),
    }
    print(f"\n== news-style dev set ({path.name}) ==")
    for k, v in out.items():
        print(f"  {k:28s} {v:.3f}" if isinstance(v, float) else f"  {k:28s} {v}")
    errs = Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p)
    for (g, p), n in errs.most_common(8):
        print(f"    {n:4d}  {g} -> {p}")
    return out


def baseline(train: Sequence[dict[str, str]], test: Sequence[dict[str, str]]) -> None:
    """Plain bag-of-words logistic regression (the scale the issue quotes), same split."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(sublinear_tf=True)
    x = vec.fit_transform([r["notes"] for r in train])
    clf = LogisticRegression(max_iter=1000, C=10.0)
    clf.fit(x, [r["sub_event_type"] for r in train])
    pred = clf.predict(vec.transform([r["notes"] for r in test]))
    st = np.mean([p == r["sub_event_type"] for p, r in zip(pred, test, strict=True)])
    et = np.mean([SUB_TO_TYPE[p] == r["event_type"] for p, r in zip(pred, test, strict=True)])
    print(f"  BoW LR baseline: event_type {et:.3f}  sub_event_type {st:.3f}")


# Region groups held out in turn for tuning (--dev); the Middle East (OOD) is never among them.
DEV_GROUPS = (
    ("Caucasus and Central Asia", "Europe", "Northern Africa"),
    ("Southern Asia", "South-Eastern Asia"),
    ("South America", "Central America", "Caribbean"),
    ("Western Africa", "Middle Africa", "Southern Africa"),
)


def dev_folds(train: Sequence[dict[str, str]]) -> None:
    """Leave-region-group-out accuracy on the training side: the split to tune on."""
    ident = np.array([[0.0, 1.0], [0.0, 1.0]])
    print("\n== dev folds (training side, one region group held out at a time) ==")
    for group in DEV_GROUPS:
        fit = [r for r in train if r.get("region") not in group]
        dev = [r for r in train if r.get("region") in group]
        if not dev:
            continue
        vec, clf = _fit([r["notes"] for r in fit], [r["sub_event_type"] for r in fit], 0)
        typer = _from_fit(vec, clf, ident, ident)
        preds = typer.predict_many([r["notes"] for r in dev])
        et = np.mean([p.event_type == r["event_type"] for p, r in zip(preds, dev, strict=True)])
        st = np.mean(
            [p.sub_event_type == r["sub_event_type"] for p, r in zip(preds, dev, strict=True)]
        )
        print(f"  {' + '.join(group)[:48]:48s} n={len(dev):5d}  type {et:.3f}  sub {st:.3f}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("acled_dir", nargs="?", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--baseline", action="store_true", help="also fit the BoW LR baseline")
    ap.add_argument("--news-only", action="store_true", help="only the news-style dev set")
    ap.add_argument("--dev", action="store_true", help="only the training-side dev folds")
    args = ap.parse_args(argv)
    if args.news_only:
        evaluate_news(EventTyper.load())
        return 0
    rows = [r for f in sorted(args.acled_dir.glob("*.csv")) for r in read_acled(f)]
    train = [r for r in rows if not is_ood_row(r)]
    ood = [r for r in rows if is_ood_row(r)]
    if args.dev:
        dev_folds(train)
        return 0
    rng = random.Random(0)
    idx = list(range(len(train)))
    rng.shuffle(idx)
    cut = len(idx) // 5
    held = [train[i] for i in idx[:cut]]
    fit = [train[i] for i in idx[cut:]]
    cache = args.cache
    typer_in = _typer(fit, cache / "in" if cache else None)
    actors_in = ActorDictionary.read_generic().learn_from_rows(fit)
    evaluate("in-distribution (20% held out of training)", typer_in, actors_in, held)
    typer_ood = _typer(train, cache / "ood" if cache else None)
    actors_ood = ActorDictionary.read_generic().learn_from_rows(train)
    evaluate("OOD (Middle East rows, never trained on)", typer_ood, actors_ood, ood)
    if args.baseline:
        baseline(train, ood)
    evaluate_news(EventTyper.load())
    return 0


if __name__ == "__main__":
    sys.exit(main())
