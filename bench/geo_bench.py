"""Geo stage benchmark: gazetteer load time, memory, candidates() speed, and (with --acled DIR)
location resolution on ACLED rows (notes -> find -> locate, scored against the human coding).

    python bench/geo_bench.py [--acled ../shared/data/acled] [--split heldout|dev|all] [--prior]

``--prior`` reads each note knowing its country, as ``eventfuse eval`` reads a one-country
file (the figures then track the pipeline's); "false place" counts rows given a place in the
wrong admin1 (a wrong place is worse than none for a user of the data).

The held-out split is the Middle East rows of the worldwide file (countries and period unseen
while developing); dev is Kenya, Afghanistan and the other regions of the worldwide file.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import time
from collections import Counter
from pathlib import Path
from typing import TextIO

from eventfuse.geo import Geocoder, Place, haversine_km

NAMES = [
    "Baghdad",
    "Anbar",
    "Salaheddine",
    "Hamreen",
    "Shirqat",
    "Mosul",
    "Nairobi",
    "Kabul",
    "Mogadishu",
    "Aleppo",
    "Deir ez-Zor",
    "al-Hazimi",
    "Ninawa",
    "Kirkuk",
    "Sanaa",
    "Taiz",
]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def speed(g: Geocoder) -> None:
    rss0 = rss_mb()
    t = time.perf_counter()
    g.store.by_key.cache_clear()
    g.store.keys_by_skel.cache_clear()
    n = 0
    for i in range(20):
        for name in NAMES:
            g.candidates(name + ("" if i == 0 else f" {i}"), countries=["Iraq"])
            n += 1
    cold = n / (time.perf_counter() - t)
    t = time.perf_counter()
    for _ in range(20):
        for name in NAMES:
            g.candidates(name, countries=["Iraq"])
    warm = 20 * len(NAMES) / (time.perf_counter() - t)
    print(f"candidates(): {cold:,.0f} names/s (distinct names), {warm:,.0f} names/s (repeated)")
    print(
        f"gazetteer file: {g.store.size_bytes() / 1e6:.1f} MB on disk (mapped by SQLite); "
        f"RSS growth during lookups {rss_mb() - rss0:.1f} MB; process max RSS {rss_mb():.0f} MB"
    )


def rows(acled: Path, split: str) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for path in sorted(acled.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                me = r.get("region") == "Middle East"
                if split == "all" or (split == "heldout") == me:
                    out.append(r)
    return out


def _place_of(g: Geocoder, r: dict[str, str], prior: bool) -> Place | None:
    """The note's place; with ``prior`` as ``eventfuse eval`` reads a one-country file (the
    collection's country known, a country-level place dropped as the extractor drops it)."""
    note = r["notes"]
    if not prior:
        tops = g.find(note)
        return g.locate(tops, tops, text=note, country_hint=None)
    tops = g.find(note, country=r["country"])
    place = g.locate(tops, tops, text=note, prior={r["country"]: 1.0})
    return None if place is None or place.feature == "country" else place


def evaluate(
    g: Geocoder, data: list[dict[str, str]], dump: TextIO | None = None, *, prior: bool = False
) -> None:
    c: Counter[str] = Counter()
    t = time.perf_counter()
    for r in data:
        place = _place_of(g, r, prior)
        if dump is not None:
            _dump(g, dump, r, place)
        c["n"] += 1
        c["all_a2"] += bool(r["admin2"])
        c["all_p1"] += r["geo_precision"] == "1"
        if place is None:
            c["none"] += 1
            continue
        country = r["country"]
        c["country"] += place.country == country
        if place.admin1 and g.same_admin(place.admin1, r["admin1"], country=country):
            c["admin1"] += 1
        else:
            c["false_place"] += 1
        if r["admin2"]:
            c["n_a2"] += 1
            if place.admin2 and g.same_admin(place.admin2, r["admin2"], country=country, level=2):
                c["admin2"] += 1
        if r["geo_precision"] == "1":
            c["n_p1"] += 1
            if place.latitude is not None and place.longitude is not None:
                d = haversine_km(
                    (place.latitude, place.longitude), (float(r["latitude"]), float(r["longitude"]))
                )
                c["p1_25km"] += d <= 25
        c["prec_eq"] += place.geo_precision == int(r["geo_precision"] or 0)
    dt = time.perf_counter() - t
    n = max(c["n"], 1)
    print(
        f"rows {c['n']}  ({c['n'] / dt:.0f} notes/s); no place {c['none']}; "
        f"false place (wrong admin1) {c['false_place']} ({c['false_place'] / max(c['n'], 1):.3f})"
    )
    print(f"country_accuracy {c['country'] / n:.3f}")
    print(f"admin1_accuracy {c['admin1'] / n:.3f}")
    print(
        f"admin2_accuracy {c['admin2'] / max(c['n_a2'], 1):.3f}"
        f" (located rows with admin2: {c['n_a2']})"
    )
    print(
        f"location_within_25km (geo_precision 1) {c['p1_25km'] / max(c['n_p1'], 1):.3f}"
        f" (rows {c['n_p1']})"
    )
    print(
        f"of all rows (no place = wrong): admin2 {c['admin2'] / max(c['all_a2'], 1):.3f}"
        f" (rows {c['all_a2']}), within_25km {c['p1_25km'] / max(c['all_p1'], 1):.3f}"
        f" (rows {c['all_p1']})"
    )
    print(f"geo_precision_equal {c['prec_eq'] / n:.3f}")


def _dump(g: Geocoder, out: TextIO, r: dict[str, str], place: Place | None) -> None:
    """One JSON line per row: the coded and the chosen place (to diff two runs)."""
    got = place.to_dict() if place else None
    ok = bool(
        place
        and place.country == r["country"]
        and place.admin1
        and g.same_admin(place.admin1, r["admin1"], country=r["country"])
    )
    want = {k: r[k] for k in ("event_id_cnty", "country", "admin1", "admin2", "location")}
    out.write(json.dumps({**want, "admin1_ok": ok, "got": got}) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--acled", type=Path)
    ap.add_argument("--split", default="heldout", choices=["heldout", "dev", "all"])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--dump", type=Path, help="write one JSON line per row here")
    ap.add_argument(
        "--prior",
        action="store_true",
        help="read each note with its row's country as the collection prior (as eval does)",
    )
    args = ap.parse_args()
    t = time.perf_counter()
    g = Geocoder.default()
    print(f"load: {time.perf_counter() - t:.3f} s")
    speed(g)
    if args.acled:
        data = rows(args.acled, args.split)
        data = data[: args.limit] if args.limit else data
        if args.dump:
            with args.dump.open("w", encoding="utf-8") as fh:
                evaluate(g, data, fh, prior=args.prior)
        else:
            evaluate(g, data, prior=args.prior)


if __name__ == "__main__":
    main()
