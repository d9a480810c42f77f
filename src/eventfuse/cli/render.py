"""Terminal rendering for the CLI (rich). Text from articles is printed as plain text:
rich markup in it is escaped, never interpreted."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from eventfuse.export import event_row
from eventfuse.model import Claim, Event

console = Console()


@contextmanager
def run_progress(quiet: bool) -> Iterator[Callable[[int], None] | None]:
    """A progress bar over articles (indeterminate total: inputs are streamed)."""
    if quiet:
        yield None
        return
    with Progress(
        TextColumn("[bold]coding articles"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=Console(stderr=True), transient=True,
    ) as progress:  # fmt: skip
        task = progress.add_task("articles", total=None)
        yield lambda n: progress.advance(task, n)


def events_table(events: Sequence[Event]) -> None:
    table = Table(title=f"{len(events)} event(s)")
    for col in ("id", "date", "type", "location", "admin1", "country", "fatal.", "src"):
        table.add_column(col)
    for e in events:
        r = event_row(e)
        table.add_row(
            e.id, str(r["event_date"] or ""), escape(f"{e.event_type} / {e.sub_event_type}"),
            escape(str(r["location"] or "")), escape(str(r["admin1"] or "")),
            escape(str(r["country"] or "")), str(e.fatalities), str(r["n_sources"]),
        )  # fmt: skip
    console.print(table)


def show_event(event: Event) -> None:
    r = event_row(event)
    console.print(f"[bold]{escape(event.id)}[/bold]  {escape(event.notes)}")
    fields = Table(show_header=True, title="fields")
    fields.add_column("field")
    fields.add_column("value")
    for key in ("event_date", "time_precision", "event_type", "sub_event_type", "actor1",
                "actor2", "location", "admin2", "admin1", "country", "latitude", "longitude",
                "geo_precision", "fatalities", "fatalities_low", "fatalities_high", "injured",
                "arrested"):  # fmt: skip
        fields.add_row(key, escape("" if r[key] is None else str(r[key])))
    fields.add_row("fatalities_best", escape(str(event.fatalities_best)))
    fields.add_row("independent sources", str(event.n_independent_sources))
    if event.disagreements:
        fields.add_row("[red]sources disagree on[/red]", escape(", ".join(event.disagreements)))
    console.print(fields)
    claims = Table(show_header=True, title="claims by source, with evidence", show_lines=True)
    for col in ("field", "value", "source", "speaker", "evidence"):
        claims.add_column(col)
    for c in sorted(event.claims, key=lambda c: (c.field, c.article_id)):
        claims.add_row(
            c.field, escape(_value(c)), escape(f"{c.outlet or '?'} ({c.article_id})"),
            escape(c.speaker or ""), _evidence(c),
        )  # fmt: skip
    console.print(claims)
    console.print("sources: " + escape("; ".join(
        f"{s.outlet or '?'} {s.title or ''} {s.url or ''} ({s.article_id})".strip()
        for s in event.sources
    )))  # fmt: skip


def _value(claim: Claim) -> str:
    value = claim.value
    if isinstance(value, dict):
        return str(value.get("name") or value)
    return "" if value is None else str(value)


def _evidence(claim: Claim) -> str:
    ev = claim.evidence
    if ev is None:
        return ""
    if ev.span_start is None or ev.span_end is None:
        return escape(ev.sentence)
    s = ev.sentence
    return (
        escape(s[: ev.span_start])
        + "[reverse]" + escape(s[ev.span_start : ev.span_end]) + "[/reverse]"
        + escape(s[ev.span_end :])
    )  # fmt: skip
