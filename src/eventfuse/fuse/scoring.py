"""Clustering quality: pairwise precision/recall and B-cubed, over item ids.

A mention split into days (a multi-day operation) is one item per day, ``<mention>@<day>``,
and its gold label is ``<incident>@<day>``: ACLED's unit rule makes each day its own event.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence

from eventfuse.model import Event


def _labels(clusters: Sequence[Collection[str]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for index, cluster in enumerate(clusters):
        for item in cluster:
            out[item] = index
    return out


def _aligned(
    pred: Sequence[Collection[str]], gold: Sequence[Collection[str]]
) -> tuple[list[str], dict[str, object], dict[str, object]]:
    """Labels of every item on both sides; an item missing on one side is a singleton there."""
    p, g = _labels(pred), _labels(gold)
    items = sorted(set(p) | set(g))
    pl: dict[str, object] = {i: p.get(i, ("solo", i)) for i in items}
    gl: dict[str, object] = {i: g.get(i, ("solo", i)) for i in items}
    return items, pl, gl


def _prf(p: float, r: float) -> tuple[float, float, float]:
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pairwise_prf(
    pred: Sequence[Collection[str]], gold: Sequence[Collection[str]]
) -> tuple[float, float, float]:
    """Precision, recall and F1 over the pairs of items put in one cluster."""
    items, pl, gl = _aligned(pred, gold)

    def pairs(counter: Counter[object]) -> int:
        return sum(n * (n - 1) // 2 for n in counter.values())

    tp = pairs(Counter((pl[i], gl[i]) for i in items))
    pp, gp = pairs(Counter(pl[i] for i in items)), pairs(Counter(gl[i] for i in items))
    return _prf(tp / pp if pp else 1.0, tp / gp if gp else 1.0)


def bcubed(
    pred: Sequence[Collection[str]], gold: Sequence[Collection[str]]
) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga & Baldwin), averaged over items."""
    items, pl, gl = _aligned(pred, gold)
    if not items:
        return 1.0, 1.0, 1.0
    both = Counter((pl[i], gl[i]) for i in items)
    psize, gsize = Counter(pl.values()), Counter(gl.values())
    prec = sum(both[(pl[i], gl[i])] / psize[pl[i]] for i in items) / len(items)
    rec = sum(both[(pl[i], gl[i])] / gsize[gl[i]] for i in items) / len(items)
    return _prf(prec, rec)


def score_fusion(events: Sequence[Event], gold_map: Mapping[str, str]) -> dict[str, float]:
    """Scores of fused events against ``gold_map`` (mention id -> gold incident id).

    Only mentions named in ``gold_map`` are scored; a gold mention that no event kept counts
    as a singleton (it costs recall).
    """
    in_events = Counter(mid for ev in events for mid in ev.mention_ids)
    pred: list[list[str]] = []
    gold_items: dict[str, str] = {}
    for ev in events:
        day = ev.date.start.isoformat() if ev.date else "?"
        cluster = []
        for mid in ev.mention_ids:
            if mid not in gold_map:
                continue
            split = in_events[mid] > 1
            item = f"{mid}@{day}" if split else mid
            gold_items[item] = f"{gold_map[mid]}@{day}" if split else gold_map[mid]
            cluster.append(item)
        pred.append(cluster)
    for mid, incident in gold_map.items():
        if mid not in in_events:
            gold_items[mid] = incident
    gold: dict[str, list[str]] = {}
    for item, incident in gold_items.items():
        gold.setdefault(incident, []).append(item)
    pp, pr, pf = pairwise_prf(pred, list(gold.values()))
    bp, br, bf = bcubed(pred, list(gold.values()))
    return {
        "pairwise_precision": pp,
        "pairwise_recall": pr,
        "pairwise_f1": pf,
        "bcubed_precision": bp,
        "bcubed_recall": br,
        "bcubed_f1": bf,
        "n_events": float(len(events)),
        "n_gold_incidents": float(len(set(gold_map.values()))),
    }
