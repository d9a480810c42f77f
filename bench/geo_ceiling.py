"""The ceiling the gazetteer and finder set on the held-out rows, whatever the place choice.

For each Middle East row (the held-out split), every name the finder sees in the note is looked
up in the gazetteer (its readings in the row's own country), and the row counts as reachable
when ANY reading has the gold admin1 (admin2; a point within 25 km of the gold point for
geo_precision 1 rows). No choice among readings can do better than these shares: a row whose
place the gazetteer lacks stays wrong however well the locator ranks.

    python bench/geo_ceiling.py [ACLED_DIR]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from eventfuse.eval.metrics import haversine_km
from eventfuse.extract.train import is_ood_row, read_acled
from eventfuse.geo import Geocoder
from eventfuse.model import Place

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "acled"


def _same(geo: Geocoder, gold: str, pred: str | None, country: str, level: int) -> bool:
    if not pred:
        return False
    return pred.lower() == gold.lower() or geo.same_admin(gold, pred, country=country, level=level)


def _near(row: dict[str, str], place: Place) -> bool:
    if place.latitude is None or place.longitude is None:
        return False
    gold = float(row["latitude"]), float(row["longitude"])
    return haversine_km(*gold, place.latitude, place.longitude) <= 25.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("acled_dir", nargs="?", type=Path, default=DEFAULT_DIR)
    args = ap.parse_args()
    geo = Geocoder.default()
    rows = [r for p in sorted(args.acled_dir.glob("*.csv")) for r in read_acled(p)]
    total: Counter[str] = Counter()
    reach: Counter[str] = Counter()
    for row in (r for r in rows if is_ood_row(r)):
        country = row["country"]
        places = [
            c.place
            for t in geo.find(row["notes"], country=country)
            for c in geo.candidates(t.text, countries=[country], limit=10)
            if c.place.country == country
        ]
        total["admin1"] += 1
        reach["admin1"] += any(_same(geo, row["admin1"], p.admin1, country, 1) for p in places)
        if row.get("admin2"):
            total["admin2"] += 1
            reach["admin2"] += any(_same(geo, row["admin2"], p.admin2, country, 2) for p in places)
        if row.get("geo_precision") == "1":
            total["within_25km"] += 1
            reach["within_25km"] += any(_near(row, p) for p in places)
    for key, n in total.items():
        print(f"{key:12s} ceiling {reach[key] / n:.3f}  ({reach[key]} of {n} rows)")


if __name__ == "__main__":
    main()
