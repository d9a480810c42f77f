"""API benchmark: N synthetic events in a store, then p50/p95 of the two hot GETs over HTTP.

    python bench/api_bench.py --db /tmp/api_bench.duckdb --n 100000
    python bench/api_bench.py --db postgresql://postgres@127.0.0.1:5432/eventfuse_test

Fills the store (one ``save_events`` call: it replaces the stored set, so it cannot be chunked
across calls), starts the app on a real uvicorn server on 127.0.0.1, and times with one httpx
client, sequentially: ``GET /events?country=X&since=D&limit=100`` and ``GET /events/{id}``.
A DuckDB file is recreated unless --keep is given and it already holds N events.
Goal: p95 under 50 ms for both.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import httpx
import uvicorn

from eventfuse.api import create_app
from eventfuse.model import Actor, Claim, DateRange, Event, Evidence, Place, SourceRef
from eventfuse.store import open_store

COUNTRIES = [
    "Iraq", "Syria", "Yemen", "Sudan", "Mali", "Nigeria", "Somalia", "Ukraine", "Myanmar",
    "Afghanistan", "Libya", "Ethiopia", "Burkina Faso", "Niger", "Cameroon", "Colombia",
    "Mexico", "Pakistan", "Lebanon", "Palestine",
]  # fmt: skip
TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests"]
START = date(2021, 1, 1)
DAYS = 4 * 365


def synthetic_event(i: int, rng: random.Random) -> Event:
    """One plausible event with two sources and a claim with evidence (realistic row size)."""
    country = rng.choice(COUNTRIES)
    sentence = f"Fighting near Town {i} killed {i % 9} people, officials said."
    evidence = Evidence(f"a{i}", sentence, 0, len(sentence), 29, 30)
    return Event(
        id=f"e_{i:08d}",
        event_type=rng.choice(TYPES),
        sub_event_type="Armed clash",
        date=DateRange.day(START + timedelta(days=rng.randrange(DAYS))),
        actor1=Actor(f"Armed Group {i % 300} ({country})", 2),
        actor2=Actor(f"Military Forces of {country} (2020-)", 1),
        place=Place(
            f"Town {i}",
            country,
            f"Province {i % 17}",
            latitude=round(rng.uniform(-35, 50), 4),
            longitude=round(rng.uniform(-80, 100), 4),
        ),
        fatalities=i % 9,
        mention_ids=(f"m{i}a", f"m{i}b"),
        sources=(
            SourceRef(f"a{i}", "Outlet A", f"https://a.example/{i}", f"Report {i}"),
            SourceRef(f"b{i}", "Outlet B", f"https://b.example/{i}", f"Report {i}"),
        ),
        claims=(Claim("fatalities", i % 9, f"a{i}", f"m{i}a", "Outlet A", None, evidence),),
        notes=f"Synthetic event {i}.",
        n_independent_sources=2,
    )


def fill(url: str, n: int, keep: bool) -> list[str]:
    """Make the store hold exactly N synthetic events; return their ids."""
    rng = random.Random(42)
    events = [synthetic_event(i, rng) for i in range(n)]
    if not url.startswith("postgres") and not keep:
        for suffix in ("", ".wal"):
            Path(url + suffix).unlink(missing_ok=True)
    with open_store(url) as store:
        if keep and store.count_events() == n:
            print(f"store already holds {n} events")
        else:
            t0 = time.perf_counter()
            summary = store.save_events(events, "api benchmark")
            print(f"saved {n} events in {time.perf_counter() - t0:.1f} s ({summary})")
    return [e.id for e in events]


@contextmanager
def running(url: str) -> Iterator[str]:
    """The app on a free port of 127.0.0.1, in a background thread."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server = uvicorn.Server(
        uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            raise SystemExit("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def timed(
    client: httpx.Client, paths: list[str], check: Callable[[httpx.Response], None]
) -> list[float]:
    """Latency of each request in milliseconds (after 10 warm-up requests)."""
    for path in paths[:10]:
        check(client.get(path))
    out = []
    for path in paths:
        t0 = time.perf_counter()
        response = client.get(path)
        out.append((time.perf_counter() - t0) * 1000)
        check(response)
    return out


def report(name: str, ms: list[float]) -> None:
    qs = statistics.quantiles(ms, n=100)
    print(
        f"{name:<44} n={len(ms)}  p50 {qs[49]:6.1f} ms  p95 {qs[94]:6.1f} ms  max {max(ms):6.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="DuckDB path or postgresql:// URL")
    parser.add_argument("--n", type=int, default=100_000, help="events to store")
    parser.add_argument("--requests", type=int, default=300, help="requests per endpoint")
    parser.add_argument("--keep", action="store_true", help="reuse a store that holds N events")
    args = parser.parse_args()

    ids = fill(args.db, args.n, args.keep)
    rng = random.Random(7)

    def list_path() -> str:
        since = START + timedelta(days=rng.randrange(DAYS - 60))
        return f"/events?country={rng.choice(COUNTRIES)}&since={since}&limit=100"

    def ok_list(response: httpx.Response) -> None:
        response.raise_for_status()
        assert response.json()["events"], "the filter matched nothing"

    def ok_event(response: httpx.Response) -> None:
        response.raise_for_status()
        assert response.json()["claims"]

    with running(args.db) as base, httpx.Client(base_url=base, timeout=30) as client:
        lists = timed(client, [list_path() for _ in range(args.requests)], ok_list)
        singles = timed(
            client, [f"/events/{rng.choice(ids)}" for _ in range(args.requests)], ok_event
        )
    print(f"{args.n} events in {args.db}")
    report("GET /events?country&since&limit=100", lists)
    report("GET /events/{id}", singles)


if __name__ == "__main__":
    main()
