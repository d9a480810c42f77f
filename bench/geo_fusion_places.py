"""Place accuracy of news-article mentions: the fusion set's articles through the full pipeline
(extract -> geocode), each mention's place against its gold incident's country and admin1.

    python bench/geo_fusion_places.py [--set examples/fusion] [--show]

Prints the share of labelled mentions whose place lies in the gold country, in the gold
admin1, and the share placed on another continent; ``--show`` lists the misplaced mentions.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import Counter
from pathlib import Path

from eventfuse.eval.fusion import label_mentions, load_gold
from eventfuse.geo import Geocoder
from eventfuse.pipeline import Pipeline
from eventfuse.store import open_store

HERE = Path(__file__).resolve().parent


def gold_places(path: Path) -> dict[str, tuple[str, str]]:
    """incident -> (country, admin1) from the gold file."""
    out: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out[d["incident"]] = (d.get("country", ""), d.get("admin1", ""))
    return out


def run(fusion_set: Path, show: bool) -> dict[str, float]:
    g = Geocoder.default()
    want = gold_places(fusion_set / "gold.jsonl")
    gold = load_gold(fusion_set / "gold.jsonl", fusion_set / "articles.jsonl")
    c: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "f.duckdb")) as store:
        Pipeline(store).run([fusion_set / "articles.jsonl"])
        mentions = {m.id: m for m in store.mentions()}
        labels = label_mentions(mentions.values(), gold)
        for mid, inc in sorted(labels.items(), key=lambda kv: kv[1]):
            country, admin1 = want[inc]
            p = mentions[mid].place
            c["n"] += 1
            if p is None:
                c["none"] += 1
                continue
            ok_c = p.country == country
            ok_a1 = (
                ok_c and bool(p.admin1) and g.same_admin(p.admin1 or "", admin1, country=country)
            )
            c["country"] += ok_c
            c["admin1"] += ok_a1
            cont = g.continent_of_cc
            gc = cont.get(g._cc_of_country.get(country, ""), "")
            pc = cont.get(g._cc_of_country.get(p.country or "", ""), "")
            c["other_continent"] += bool(gc and pc and gc != pc)
            if show and not ok_a1:
                got = f"{p.name} / {p.admin1} / {p.country}"
                print(f"{inc:24} {mentions[mid].article_id} gold {country}/{admin1} | got {got}")
    n = max(c["n"], 1)
    return {
        "mentions": c["n"],
        "no_place": c["none"],
        "country": round(c["country"] / n, 3),
        "admin1": round(c["admin1"] / n, 3),
        "other_continent": round(c["other_continent"] / n, 3),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--set", type=Path, default=HERE.parent / "examples" / "fusion")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    print(json.dumps(run(args.set, args.show), indent=2))


if __name__ == "__main__":
    main()
