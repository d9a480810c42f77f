"""Fusion quality end to end: the fusion test set's articles through extract + fuse.

    python bench/fusion_e2e.py [--set examples/fusion]

Prints pairwise and B-cubed precision/recall/F1 against examples/fusion/gold.jsonl, counting
reports the extractor missed as singletons (see eventfuse.eval.fusion).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from eventfuse.eval.fusion import load_gold, score
from eventfuse.pipeline import Pipeline
from eventfuse.store import open_store

HERE = Path(__file__).resolve().parent


def run(fusion_set: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "f.duckdb")) as store:
        started = time.perf_counter()
        Pipeline(store).run([fusion_set / "articles.jsonl"])
        seconds = time.perf_counter() - started
        result = score(
            store.events(),
            store.mentions(),
            load_gold(fusion_set / "gold.jsonl", fusion_set / "articles.jsonl"),
        )
    result["seconds"] = round(seconds, 2)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--set", type=Path, default=HERE.parent / "examples" / "fusion")
    args = ap.parse_args()
    print(json.dumps(run(args.set), indent=2))


if __name__ == "__main__":
    main()
