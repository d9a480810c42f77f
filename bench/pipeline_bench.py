"""Throughput and peak memory of `eventfuse run` against the spaCy pipeline alone.

The seed articles (../shared/corpus/seeds) are repeated, each copy made unique by a suffix so
that content-hash ids differ, until there are at least --docs documents. Prints articles per
second and peak RSS for the whole pipeline (ingest, extract, store, fuse) next to the same
figures for spaCy's `nlp.pipe` over the same texts: the floor the pipeline cannot beat.

    python bench/pipeline_bench.py [--docs 2000] [--seeds ../shared/corpus/seeds]

With --notes FILE.csv it times instead what `eventfuse eval FILE.csv` times: the extractor
over the file's ACLED notes (``Extractor.extract_many``, one process), in --runs fresh
processes, and prints the median docs/s with its range and the peak RSS; --by-country does
so for each country's rows separately (a one-country file, as a desk codes it).

    python bench/pipeline_bench.py --notes FILE.csv [--runs 3] [--by-country]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def make_corpus(seeds: Path, docs: int, out: Path) -> int:
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    manifest = {}
    for line in (seeds / "manifest.jsonl").read_text().splitlines():
        rec = json.loads(line)
        manifest[rec["file"]] = rec
    names = sorted(p.name for p in seeds.glob("*.txt"))
    with (out / "corpus.jsonl").open("w", encoding="utf-8") as fh:
        for i in range(docs):
            k = i % len(texts)
            meta = manifest.get(names[k], {})
            fh.write(json.dumps({
                "id": f"doc{i}", "url": f"https://example.org/{i}", "title": meta.get("title"),
                "outlet": meta.get("outlet"), "published": meta.get("published"),
                "text": texts[k] + f"\n\n(copy {i})",
            }) + "\n")  # fmt: skip
    return docs


def run_child(code: str, *args: str) -> dict[str, float]:
    """Run a measurement in a fresh process so that peak RSS is its own."""
    out = subprocess.run(
        [sys.executable, "-c", code, *args], check=True, capture_output=True, text=True
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


PIPELINE = """
import json, resource, sys, time
from eventfuse.pipeline import Pipeline
from eventfuse.store import open_store
t = time.perf_counter()
with open_store(sys.argv[2]) as store:
    report = Pipeline(store).run([sys.argv[1]])
    n_events = store.count_events()
dt = time.perf_counter() - t
print(json.dumps({"docs": report.stored, "seconds": dt, "events": n_events,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

SPACY = """
import json, resource, sys, time
from eventfuse.extract.extractor import load_nlp
from eventfuse.extract.extractor import _batch_size
from eventfuse.model import Article
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
t = time.perf_counter()
nlp = load_nlp()
size = _batch_size([Article(id=str(i), text=x) for i, x in enumerate(texts)])
for _ in nlp.pipe(texts, batch_size=size):
    pass
dt = time.perf_counter() - t
print(json.dumps({"docs": len(texts), "seconds": dt,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


NOTES = """
import json, resource, sys, time
from pathlib import Path
from eventfuse.errors import InputError
from eventfuse.ingest import read_acled_csv
from eventfuse.pipeline import default_extractor
country = sys.argv[2] or None
rows = [a for a in read_acled_csv(Path(sys.argv[1])) if not isinstance(a, InputError)]
articles = [a for a in rows if country is None or (a.gold or {}).get("country") == country]
extractor = default_extractor()
t = time.perf_counter()
coded = list(extractor.extract_many(articles))
dt = time.perf_counter() - t
print(json.dumps({"docs": len(coded), "seconds": dt,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def notes_bench(path: Path, runs: int, by_country: bool) -> None:
    """docs/s of the extractor over ACLED notes, as `eventfuse eval` measures it."""
    import csv

    with path.open(encoding="utf-8", newline="") as fh:
        countries = sorted({r.get("country", "") for r in csv.DictReader(fh)} - {""})
    print(f"{'':16}{'rows':>6}{'docs/s median':>15}{'min':>8}{'max':>8}{'peak RSS MB':>13}")
    for country in countries if by_country else [""]:
        figs = [run_child(NOTES, str(path), country) for _ in range(runs)]
        rates = [f["docs"] / f["seconds"] for f in figs]
        print(
            f"{country or 'all rows':16}{figs[0]['docs']:>6.0f}{statistics.median(rates):>15.1f}"
            f"{min(rates):>8.1f}{max(rates):>8.1f}{max(f['rss_mb'] for f in figs):>13.0f}"
        )
    print(f"load average {os.getloadavg()[0]:.1f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--seeds", type=Path, default=HERE.parent.parent / "shared/corpus/seeds")
    ap.add_argument("--notes", type=Path, help="an ACLED CSV: time the extractor on its notes")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--by-country", action="store_true")
    args = ap.parse_args()
    if args.notes is not None:
        notes_bench(args.notes, args.runs, args.by_country)
        return
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        make_corpus(args.seeds, args.docs, work)
        corpus = work / "corpus.jsonl"
        words = sum(len(json.loads(x)["text"].split()) for x in corpus.open())
        spacy_fig = run_child(SPACY, str(corpus))
        pipe_fig = run_child(PIPELINE, str(corpus), str(work / "bench.duckdb"))
    print(f"{args.docs} documents, {words} words (seed articles repeated)")
    print(f"{'':24}{'docs/s':>10}{'words/s':>10}{'seconds':>10}{'peak RSS MB':>13}")
    for name, fig in (("spaCy nlp.pipe alone", spacy_fig), ("eventfuse run", pipe_fig)):
        print(
            f"{name:24}{fig['docs'] / fig['seconds']:>10.1f}"
            f"{words / fig['seconds']:>10.0f}{fig['seconds']:>10.1f}{fig['rss_mb']:>13.0f}"
        )
    print(f"events stored: {pipe_fig.get('events', 0):.0f}; load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
