"""Accuracy check of extract.counts and extract.dates against the ACLED sample notes.

Not a unit test: prints exact-match rates per file to stdout. Usage:

    python bench/counts_dates_check.py [ACLED_DIR] [--show fat|date] [--group NAME]

Fatalities: total(find_counts(notes), "killed") (0 when None) vs gold ``fatalities``.
Event date: the first date in the notes (preferring the one after "On"/"Around") resolved
against the row's upload ``timestamp``, vs gold ``event_date`` and ``time_precision``.
Rows whose notes state a coding convention ("Fatalities coded as 0", "split between 3
events") depart from the text on purpose and are reported separately.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

from eventfuse.extract.counts import find_counts, total
from eventfuse.extract.dates import DateMatch, find_dates

DEFAULT_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "acled"
_CONVENTION = re.compile(
    r"coded as|split (?:between|across|among|over)|divided|per event|each event|one event for"
    r"|fatalit\w* (?:were|are|is) (?:split|distributed|coded)|coded to|coded across|assumed"
    r"|distributed",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^[A-Z][\w ]{0,40}:\s+")
_LEAD = re.compile(
    r"(?:^|[.;]\s+)(?:On|Around|As reported on|On or (?:around|about|before|after))\b"
)


def parse_gold_date(s: str) -> date | None:
    for fmt in ("%d-%b-%y", "%d %B %Y", "%d-%m-%y", "%Y-%m-%d"):
        try:
            return datetime.strptime(s.strip(), fmt).date()
        except ValueError:
            continue
    return None


def rows(acled_dir: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """(group name, row) for every row; the worldwide file splits into ME / non-ME."""
    for path in sorted(acled_dir.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if "kenya" in path.name:
                    group = "kenya"
                elif "afghanistan" in path.name:
                    group = "afghanistan"
                elif row.get("region") == "Middle East":
                    group = "world_middle_east(held-out)"
                else:
                    group = "world_non_middle_east"
                yield group, row


def pick_date(notes: str, published: date | None) -> DateMatch | None:
    matches = [m for m in find_dates(notes, published) if m.granularity != "year"]
    for m in matches:
        if _LEAD.search(notes[: m.start + 30][: m.start + 1] + " ") or notes[: m.start].strip() in (
            "",
            "On",
            "Around",
            "As reported on",
        ):
            return m
    for m in matches:
        before = notes[max(0, m.start - 25) : m.start]
        if re.search(r"(?:^|\W)(?:On|on|Around|around)\s*$", before) or m.text.startswith(
            ("Around", "As reported", "On or")
        ):
            return m
    days = [m for m in matches if m.precision <= 2]
    return days[0] if days else (matches[0] if matches else None)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("acled_dir", nargs="?", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--show", choices=["fat", "date"], help="print misses")
    ap.add_argument("--group", help="only this group when showing misses")
    ap.add_argument("--limit", type=int, default=40)
    args = ap.parse_args()
    if not args.acled_dir.is_dir():
        sys.exit(f"{args.acled_dir}: not a directory")
    stats: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    shown = 0
    t_count = t_date = 0.0
    n_sent = 0
    for group, row in rows(args.acled_dir):
        notes = _LABEL.sub("", row["notes"])
        s = stats[group]
        s["rows"] += 1
        conv = bool(_CONVENTION.search(notes))
        t0 = time.perf_counter()
        pred = total(find_counts(notes), "killed") or 0
        t1 = time.perf_counter()
        gold_f = int(row["fatalities"] or 0)
        ok = pred == gold_f
        s["fat_ok"] += ok
        if not conv:
            s["fat_rows_noconv"] += 1
            s["fat_ok_noconv"] += ok
        ts = row.get("timestamp") or ""
        published = datetime.fromtimestamp(int(ts), UTC).date() if ts.isdigit() else None
        t2 = time.perf_counter()
        m = pick_date(notes, published)
        t3 = time.perf_counter()
        t_count += t1 - t0
        t_date += t3 - t2
        n_sent += max(1, notes.count(". "))
        gold_d = parse_gold_date(row["event_date"])
        gold_p = int(row["time_precision"] or 0)
        d_ok = m is not None and m.coded == gold_d
        dp_ok = d_ok and m is not None and int(m.precision) == gold_p
        s["date_found"] += m is not None
        s["date_ok"] += d_ok
        s["date_prec_ok"] += dp_ok
        # Same day and month, any year: the upload timestamp is a poor publication date for
        # old rows (Kenya 1997-2018 rows were uploaded in 2019), so year inference fails there.
        s["date_md_ok"] += bool(
            m is not None
            and gold_d is not None
            and m.coded.timetuple()[1:3] == gold_d.timetuple()[1:3]
        )
        if args.show and shown < args.limit and (not args.group or args.group == group):
            if args.show == "fat" and not ok and not conv:
                shown += 1
                print(f"[{group}] gold={gold_f} pred={pred} | {notes[:400]}")
            if args.show == "date" and not dp_ok:
                shown += 1
                got = f"{m.coded} p{int(m.precision)} {m.text!r}" if m else None
                print(f"[{group}] gold={gold_d} p{gold_p} got={got} | {notes[:200]}")
    print(
        f"{'group':30} {'rows':>6} {'fat_exact':>9} {'fat_noconv':>10} {'date_found':>10}"
        f" {'date_exact':>10} {'date+prec':>9}"
    )
    for group, s in sorted(stats.items()):
        n = s["rows"]
        print(
            f"{group:30} {n:6d} {s['fat_ok'] / n:9.3f} "
            f"{s['fat_ok_noconv'] / max(1, s['fat_rows_noconv']):10.3f} "
            f"{s['date_found'] / n:10.3f} {s['date_ok'] / n:10.3f} {s['date_prec_ok'] / n:9.3f}"
            f" {s['date_md_ok'] / n:9.3f}"
        )
        if s["date_found"]:
            print(
                f"{'':30} {'':6} {'':9} {'':10} {'(of found)':>10} "
                f"{s['date_ok'] / s['date_found']:10.3f} {s['date_prec_ok'] / s['date_found']:9.3f}"
                f" {s['date_md_ok'] / s['date_found']:9.3f}"
            )
    total_rows = sum(s["rows"] for s in stats.values())
    print(
        f"time per note: counts {1e3 * t_count / total_rows:.3f} ms, "
        f"dates {1e3 * t_date / total_rows:.3f} ms; per sentence ~"
        f"{1e3 * (t_count + t_date) / n_sent:.3f} ms"
    )


if __name__ == "__main__":
    main()
