# ruff: noqa: E501
"""Scale benchmark of the FUSE stage on synthetic mentions drawn from the ACLED samples.

Synthetic events copy real ACLED rows (country, admin1, admin2, coordinates, event type,
actors, fatalities, time precision) and are spread over time at the daily density of the
worldwide sample (about 420 events a day). Each event is told by 1-6 mentions with noise: a
jittered point, a province-level place for some, a day off or a month-precision date for a
few, a toll that differs or is missing, a type swapped inside its family, different wording.

Usage: python bench/fuse_bench.py [--sizes 100000,300000,1000000] [--acled DIR] [--columnar]
Every size runs in its own process and times the full fuse(): Mention objects in, Event
objects (reconciled fields, claims with evidence, sources, stable ids) out, with its parts
(table from objects, clustering, events built), the peak RSS of the process (input objects
included) and the pairwise and B-cubed quality against the synthetic truth. Generating the
Mention objects is reported separately and not timed. The process CPU time of fuse() is
printed beside the wall time: on a shared machine it is the figure to compare between runs. --columnar also times cluster_table()
alone on a table built with numpy.
"""

from __future__ import annotations

import argparse
import csv
import gc
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from eventfuse.fuse import FuseConfig, bcubed, cluster_table, fuse, pairwise_prf
from eventfuse.fuse.table import MAX_NAMES, Table, day_number, minhash_flat
from eventfuse.fuse.vocab import family_of
from eventfuse.model import Actor, Article, DateRange, Mention, Place, Precision

DEFAULT_ACLED = Path(__file__).resolve().parents[2] / "shared" / "data" / "acled"
EVENTS_PER_DAY = 420
WORDS = 5000
N_WORDS = 6


@dataclass
class Acled:
    """The columns of the ACLED rows that the generator samples from."""

    country: np.ndarray
    admin1: np.ndarray
    admin2: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    etype: np.ndarray
    stype: np.ndarray
    actor1: np.ndarray
    actor2: np.ndarray
    fatalities: np.ndarray
    names: dict[str, list[str]]
    no_actor: int  # the code of the empty actor name (no actor2)


def load_acled(folder: Path, pattern: str = "acled_20*_to_*.csv") -> Acled:
    cols: dict[str, list[str]] = {
        k: [] for k in ("country", "admin1", "admin2", "etype", "stype", "actor1", "actor2")
    }
    lat, lon, fat = [], [], []
    # The worldwide file sets the mix of countries, places and types; the single-country files
    # would over-weight Kenya and Afghanistan ``pattern`` selects other files on demand.
    for path in sorted(folder.glob(pattern)):
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                try:
                    la, lo = float(row["latitude"]), float(row["longitude"])
                except ValueError:
                    continue
                for key, src in (
                    ("country", "country"),
                    ("admin1", "admin1"),
                    ("admin2", "admin2"),
                    ("etype", "event_type"),
                    ("stype", "sub_event_type"),
                    ("actor1", "actor1"),
                    ("actor2", "actor2"),
                ):
                    cols[key].append(row[src])
                lat.append(la)
                lon.append(lo)
                fat.append(int(row["fatalities"] or 0))
    names: dict[str, list[str]] = {}
    coded: dict[str, np.ndarray] = {}
    for key, values in cols.items():
        uniq, inv = np.unique(np.asarray(values), return_inverse=True)
        names[key] = uniq.tolist()
        coded[key] = inv.astype(np.int64)
    # One vocabulary for both actor columns: an actor is the same actor in either role.
    both = np.asarray(cols["actor1"] + cols["actor2"])
    uniq, inv = np.unique(both, return_inverse=True)
    names["actor1"] = names["actor2"] = uniq.tolist()
    coded["actor1"], coded["actor2"] = np.split(inv.astype(np.int64), 2)
    return Acled(
        coded["country"],
        coded["admin1"],
        coded["admin2"],
        np.asarray(lat),
        np.asarray(lon),
        coded["etype"],
        coded["stype"],
        coded["actor1"],
        coded["actor2"],
        np.asarray(fat),
        names,
        names["actor1"].index("") if "" in names["actor1"] else -1,
    )


@dataclass
class Synthetic:
    truth: np.ndarray  # event index of every mention
    row: np.ndarray  # the ACLED row the event copies
    day: np.ndarray
    prec: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    geo: np.ndarray
    stype: np.ndarray
    fatalities: np.ndarray
    words: np.ndarray  # (n, N_WORDS) wording: mostly the event's words, some the outlet's own
    event_day: np.ndarray  # the true day of the mention's event


def generate(a: Acled, n: int, seed: int = 7) -> Synthetic:
    rng = np.random.default_rng(seed)
    per = np.clip(rng.poisson(1.8, size=n) + 1, 1, 6)
    cum = np.cumsum(per)
    n_events = int(np.searchsorted(cum, n)) + 1
    truth = np.repeat(np.arange(n_events), per[:n_events])[:n]
    rows = rng.integers(0, a.country.shape[0], size=n_events)
    days = day_number(date(2015, 1, 1)) + rng.integers(
        0, max(1, n_events // EVENTS_PER_DAY), size=n_events
    )
    row = rows[truth]
    day = days[truth] + np.where(rng.random(n) < 0.04, rng.choice([-1, 1], size=n), 0)
    prec = np.where(rng.random(n) < 0.03, 3, 1)
    jitter = rng.normal(0, 0.01, size=(n, 2))
    geo = np.where(rng.random(n) < 0.08, 3, np.where(rng.random(n) < 0.3, 2, 1))
    fat = a.fatalities[row].astype(np.int64)
    noisy = rng.random(n) < 0.25
    fat = np.where(noisy, (fat * (1 + rng.random(n) * 0.5)).astype(np.int64), fat)
    fat = np.where(rng.random(n) < 0.2, -1, fat)
    stype = a.stype[row]
    # ACLED's unit rule: violent events with the same actors (in either role), the same
    # location and the same day are one event (demonstrations: same place and day), so the
    # truth merges generated events that share location, actor pair, family and day.
    fam = np.asarray([family_of(t) for t in a.names["etype"]])[a.etype[rows]]
    _, loc = np.unique(np.stack([a.lat[rows], a.lon[rows]], axis=1), axis=0, return_inverse=True)
    lo_actor = np.minimum(a.actor1[rows], a.actor2[rows])
    hi_actor = np.maximum(a.actor1[rows], a.actor2[rows])
    key = np.stack([loc.reshape(-1), lo_actor, hi_actor, fam, days], axis=1)
    _, unit = np.unique(key, axis=0, return_inverse=True)
    event_words = rng.integers(0, WORDS, size=(n_events, N_WORDS))[truth]
    truth_event = truth
    truth = unit.reshape(-1)[truth]
    own = rng.integers(0, WORDS, size=(n, N_WORDS))
    words = np.where(rng.random((n, N_WORDS)) < 0.7, event_words, own)
    return Synthetic(
        truth,
        row,
        day,
        prec,
        a.lat[row] + jitter[:, 0],
        a.lon[row] + jitter[:, 1],
        geo,
        stype,
        fat,
        words,
        days[truth_event],
    )


def to_table(a: Acled, s: Synthetic, cfg: FuseConfig) -> Table:
    """The unit table, built with numpy only (the fast path; no Mention objects)."""
    n = s.truth.shape[0]
    fam = np.asarray([family_of(t) for t in a.names["etype"]])[a.etype[s.row]]
    block = (a.admin1[s.row] * 4 + fam) * len(a.names["country"]) + a.country[s.row]
    cf = a.country[s.row] * 4 + fam
    month_start = s.day - 14
    start = np.where(s.prec == 3, month_start, s.day)
    end = np.where(s.prec == 3, month_start + 29, s.day)
    actors = np.stack(
        [a.actor1[s.row], np.where(a.actor2[s.row] == a.no_actor, -1, a.actor2[s.row])]
        + [np.full(n, -1)] * 2,
        axis=1,
    )
    loc = a.admin2[s.row].astype(np.uint64) * np.uint64(2654435761)
    tokens = np.concatenate(
        [
            loc[:, None],
            (s.words.astype(np.uint64) + np.uint64(1 << 40)),
            a.stype[s.row].astype(np.uint64)[:, None] + np.uint64(1 << 50),
        ],
        axis=1,
    )
    sig = minhash_flat(
        tokens.reshape(-1), np.full(n, tokens.shape[1], dtype=np.int64), cfg.minhash_size
    )
    geo = s.geo
    return Table(
        src=np.arange(n, dtype=np.int64),
        block=block.astype(np.int64),
        country_family=cf.astype(np.int64),
        has_admin1=np.ones(n, dtype=np.bool_),
        start=start.astype(np.int64),
        end=end.astype(np.int64),
        prec=s.prec.astype(np.int64),
        lat=s.lat,
        lon=s.lon,
        geo=geo.astype(np.int64),
        admin2=np.where(geo == 3, -1, a.admin2[s.row]).astype(np.int64),
        city=np.zeros(n, dtype=np.bool_),
        actors=actors.astype(np.int64),
        etype=a.etype[s.row].astype(np.int64),
        stype=s.stype.astype(np.int64),
        fatalities=s.fatalities,
        sig=sig,
        names=np.full((n, MAX_NAMES), -1, dtype=np.int64),
    )


def clusters(labels: np.ndarray) -> list[list[str]]:
    groups: dict[int, list[str]] = {}
    for item, lab in enumerate(labels.tolist()):
        groups.setdefault(lab, []).append(str(item))
    return list(groups.values())


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_columnar(a: Acled, n: int, cfg: FuseConfig) -> None:
    """Time ``cluster_table``: the very clustering code that ``fuse()`` runs on its table.

    The table is built with numpy here (``to_table``, timed separately); ``fuse()`` builds it
    from Mention objects, which ``run_objects`` times.
    """
    s = generate(a, n)
    gc.collect()
    t0 = time.perf_counter()
    table = to_table(a, s, cfg)
    t1 = time.perf_counter()
    labels = cluster_table(table, cfg)
    secs = time.perf_counter() - t1
    n_events = np.unique(labels).shape[0]
    pp, pr, _ = pairwise_prf(clusters(labels), clusters(s.truth))
    _, _, bf = bcubed(clusters(labels), clusters(s.truth))
    print(
        f"{n:>9,} mentions  cluster {secs:6.1f} s  {n / secs:>9,.0f} mentions/s  (table {t1 - t0:4.1f} s)  "
        f"peak RSS {peak_mb():6.0f} MB  events {n_events:>8,} (true {np.unique(s.truth).shape[0]:,})  "
        f"pairwise P {pp:.3f} R {pr:.3f}  B3 F1 {bf:.3f}",
        flush=True,
    )


def make_mentions(a: Acled, s: Synthetic) -> tuple[list[Mention], dict[str, Article]]:
    """Mention objects of the synthetic reports (one article: every figure is contemporaneous)."""
    n = s.truth.shape[0]
    names = a.names
    art = Article("a_bench", "", outlet="bench", published=date(2016, 1, 1))
    mentions = []
    for k in range(n):
        r = int(s.row[k])
        d = date(1970, 1, 1) + timedelta(days=int(s.day[k]))
        rng = (
            DateRange.day(d)
            if s.prec[k] == 1
            else DateRange(d - timedelta(days=14), d + timedelta(days=15), Precision.MONTH)
        )
        geo = int(s.geo[k])
        place = Place(
            names["admin2"][a.admin2[r]] or "x",
            names["country"][a.country[r]],
            names["admin1"][a.admin1[r]],
            None if geo == 3 else names["admin2"][a.admin2[r]],
            None,
            float(s.lat[k]),
            float(s.lon[k]),
            geo,
        )
        text = " ".join([place.name, names["stype"][s.stype[k]], *(f"w{w}" for w in s.words[k])])
        mentions.append(
            Mention(
                f"m{k:07d}",
                "a_bench",
                names["etype"][a.etype[r]],
                names["stype"][s.stype[k]],
                rng,
                Actor(names["actor1"][a.actor1[r]]),
                Actor(names["actor2"][a.actor2[r]]) if names["actor2"][a.actor2[r]] else None,
                place=place,
                fatalities=int(s.fatalities[k]) if s.fatalities[k] >= 0 else None,
                text=text,
            )
        )
    return mentions, {"a_bench": art}


def truth_clusters(s: Synthetic) -> list[list[str]]:
    groups: dict[int, list[str]] = {}
    for k, event in enumerate(s.truth.tolist()):
        groups.setdefault(event, []).append(f"m{k:07d}")
    return list(groups.values())


def run_fuse(a: Acled, n: int, cfg: FuseConfig) -> None:
    """Time the full ``fuse()``: Mention objects in, Event objects (claims, ids) out."""
    t0 = time.perf_counter()
    s = generate(a, n)
    mentions, arts = make_mentions(a, s)
    gen = time.perf_counter() - t0
    gc.collect()
    parts: dict[str, float] = {}
    t1, c1 = time.perf_counter(), time.process_time()
    events = fuse(mentions, arts, config=cfg, timings=parts)
    secs, cpu = time.perf_counter() - t1, time.process_time() - c1
    rss = peak_mb()
    pred = [list(e.mention_ids) for e in events]
    gold = truth_clusters(s)
    pp, pr, _ = pairwise_prf(pred, gold)
    _, _, bf = bcubed(pred, gold)
    claims = sum(len(e.claims) for e in events)
    print(
        f"{n:>9,} mentions  fuse() {secs:5.1f} s (CPU {cpu:5.1f} s)  {n / secs:>7,.0f}/s  of which table {parts['table']:4.1f} s  "
        f"clustering {parts['cluster']:4.1f} s  events built {parts['events']:4.1f} s  "
        f"peak RSS {rss:5.0f} MB  events {len(events):>7,} (true {np.unique(s.truth).shape[0]:,})  "
        f"claims {claims:>9,}  pairwise P {pp:.3f} R {pr:.3f}  B3 F1 {bf:.3f}  "
        f"(untimed: generating the mentions {gen:4.1f} s)",
        flush=True,
    )


def in_child(argv: list[str], n: int) -> int:
    """Run one size in a fresh process, so that each peak RSS is that size's own."""
    args = [sys.executable, str(Path(__file__).resolve()), *argv, "--one", str(n)]
    return subprocess.run(args, check=False).returncode


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100000,300000,1000000")
    ap.add_argument("--acled", type=Path, default=DEFAULT_ACLED)
    ap.add_argument(
        "--files", default="acled_20*_to_*.csv", help="glob of the ACLED files to sample"
    )
    ap.add_argument(
        "--columnar",
        action="store_true",
        help="also time cluster_table alone on a table built with numpy (no objects)",
    )
    ap.add_argument("--one", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if not args.acled.is_dir():
        print(f"{args.acled}: ACLED folder not found", file=sys.stderr)
        return 2
    cfg = FuseConfig()
    if args.one:
        a = load_acled(args.acled, args.files)
        (run_columnar if args.columnar else run_fuse)(a, args.one, cfg)
        return 0
    base = ["--acled", str(args.acled), "--files", args.files]
    print(
        "full fuse(): Mention objects in, Event objects (claims, evidence, ids) out; each size in its own process"
    )
    for n in (int(x) for x in args.sizes.split(",")):
        if rc := in_child(base, n):
            return rc
    if args.columnar:
        print("clustering alone (cluster_table on a numpy-built table):")
        for n in (int(x) for x in args.sizes.split(",")):
            if rc := in_child([*base, "--columnar"], n):
                return rc
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
