"""Throughput and peak memory of `eventfuse run` against the spaCy pipeline alone.

The seed articles (../shared/corpus/seeds) are repeated, each copy made unique by a suffix so
that content-hash ids differ, until there are at least --docs documents. Prints articles per
second and peak RSS for the whole pipeline (ingest, extract, store, fuse) next to the same
figures for spaCy's `nlp.pipe` over the same texts: the floor the pipeline cannot beat.

    python bench/pipeline_bench.py [--docs 2000] [--seeds ../shared/corpus/seeds]
"""

from __future__ import annotations

import argparse
import json
import os
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
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
t = time.perf_counter()
nlp = load_nlp()
for _ in nlp.pipe(texts, batch_size=16):
    pass
dt = time.perf_counter() - t
print(json.dumps({"docs": len(texts), "seconds": dt,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--seeds", type=Path, default=HERE.parent.parent / "shared/corpus/seeds")
    args = ap.parse_args()
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
