"""Store benchmark: save N synthetic events, then time the API's two hot queries.

    python bench/store_bench.py --db /tmp/bench.duckdb
    python bench/store_bench.py --db postgresql://postgres@127.0.0.1:5432/eventfuse_test

Prints the time to save the events and p50/p95/max latency (ms) of
``events(EventFilter(country=..., since=..., limit=100))`` and ``get_event(id)``.
A DuckDB file is recreated; on PostgreSQL the tables go into schema ``--schema`` (recreated).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from eventfuse.model import Actor, Claim, DateRange, Event, Evidence, Place, SourceRef
from eventfuse.store import EventFilter
from eventfuse.store.sql import SQLStore

COUNTRIES = [
    "Iraq", "Syria", "Yemen", "Sudan", "Mali", "Nigeria", "Somalia", "Ukraine", "Myanmar",
    "Afghanistan", "Libya", "Ethiopia", "Burkina Faso", "Niger", "Cameroon", "Colombia",
    "Mexico", "Pakistan", "Lebanon", "Palestine",
]  # fmt: skip
TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests"]
START = date(2021, 1, 1)


def synthetic_event(i: int, rng: random.Random) -> Event:
    country = rng.choice(COUNTRIES)
    day = START + timedelta(days=rng.randrange(4 * 365))
    ev = Evidence(f"a{i}", f"Fighting near Town {i} killed {i % 9} people.", 0, 40, 30, 31)
    return Event(
        id=f"ev{i:07d}",
        event_type=rng.choice(TYPES),
        sub_event_type="Armed clash",
        date=DateRange.day(day),
        actor1=Actor(f"Armed Group {i % 300} ({country})", 2),
        actor2=Actor(f"Military Forces of {country} (2020-)", 1),
        place=Place(
            f"Town {i}",
            country,
            f"Province {i % 17}",
            None,
            None,
            rng.uniform(-35, 50),
            rng.uniform(-80, 100),
        ),
        fatalities=i % 9,
        mention_ids=(f"m{i}a", f"m{i}b"),
        sources=(SourceRef(f"a{i}", "Outlet A"), SourceRef(f"b{i}", "Outlet B")),
        claims=(Claim("fatalities", i % 9, f"a{i}", f"m{i}a", "Outlet A", None, ev),),
        notes=f"Synthetic event {i}.",
        n_independent_sources=2,
    )


def open_bench_store(db: str, schema: str) -> SQLStore:
    if db.startswith(("postgresql://", "postgres://")):
        import psycopg
        from psycopg import sql

        from eventfuse.store.postgres import PostgresStore

        with psycopg.connect(db, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))
        return PostgresStore(db, schema=schema)
    from eventfuse.store.duckdb import DuckDBStore

    path = Path(db.removeprefix("duckdb:///"))
    for p in (path, Path(f"{path}.wal")):
        p.unlink(missing_ok=True)
    return DuckDBStore(path)


def timed(fn: Callable[[], object], n: int) -> list[float]:
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def report(name: str, ms: list[float]) -> None:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    print(f"{name:<44} n={len(ms):<5} p50={statistics.median(ms):7.2f} ms  "
          f"p95={p95:7.2f} ms  max={ms[-1]:7.2f} ms")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--db", default="/tmp/eventfuse-bench.duckdb")
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=500)
    ap.add_argument("--schema", default="eventfuse_bench", help="PostgreSQL schema to use")
    args = ap.parse_args()
    rng = random.Random(42)
    events = [synthetic_event(i, rng) for i in range(args.events)]
    with open_bench_store(args.db, args.schema) as store:
        print(f"backend: {store.url}")
        t0 = time.perf_counter()
        summary = store.save_events(events, "bench")
        print(f"save_events({args.events}) first save: {time.perf_counter() - t0:.1f} s {summary}")
        changed = [e.with_(fatalities=e.fatalities + 1) if i % 100 == 0 else e
                   for i, e in enumerate(events)]  # fmt: skip
        t0 = time.perf_counter()
        summary = store.save_events(changed, "bench re-save")
        print(f"save_events re-save, 1% changed: {time.perf_counter() - t0:.1f} s {summary}")

        def by_country() -> object:
            since = START + timedelta(days=rng.randrange(3 * 365))
            flt = EventFilter(country=rng.choice(COUNTRIES), since=since, limit=100)
            return store.events(flt)

        def one() -> object:
            return store.get_event(f"ev{rng.randrange(args.events):07d}")

        report("events(country, since, limit=100)", timed(by_country, args.queries))
        report("get_event(id)", timed(one, args.queries))
        report("count_events(country)", timed(
            lambda: store.count_events(EventFilter(country=rng.choice(COUNTRIES))),
            min(args.queries, 100)))  # fmt: skip
        report("events(limit=100) newest", timed(
            lambda: store.events(EventFilter(limit=100)), min(args.queries, 100)))  # fmt: skip


if __name__ == "__main__":
    main()
