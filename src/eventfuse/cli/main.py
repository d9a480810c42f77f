"""The ``eventfuse`` command line: a thin shell over the Python API.

Exit status: 0 success; 1 some inputs failed (the good ones were stored); 2 usage or
configuration error; 3 a named event/article does not exist.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from eventfuse import __version__
from eventfuse.errors import ConfigError, EventfuseError, NotFoundError
from eventfuse.store.base import EventFilter

DB_HELP = "Database: a DuckDB file path (default ./eventfuse.duckdb) or postgresql://..."


def _db_option(f: Any) -> Any:
    return click.option(
        "--db", default="eventfuse.duckdb", envvar="EVENTFUSE_DB", show_default=True, help=DB_HELP
    )(f)


def _open(db: str) -> Any:
    from eventfuse.store import open_store

    return open_store(db)


class _Group(click.Group):
    """Turns EventfuseError into a one-line message and a meaningful exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except NotFoundError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(3)
        except EventfuseError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="eventfuse")
def cli() -> None:
    """eventfuse: news reports about armed conflict in, fused ACLED-style events out.

    Typical use: `eventfuse run examples/articles` then `eventfuse events` and
    `eventfuse show EVENT_ID`.
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_db_option
@click.option("--quiet", is_flag=True, help="No progress bar or table.")
def run(paths: tuple[Path, ...], db: str, quiet: bool) -> None:
    """Ingest PATHS (files or folders: .txt .html .jsonl feeds ACLED .csv), extract, fuse.

    Prints one line per input that could not be read and exits 1 if any failed; everything
    that could be read is stored. Running twice on the same input changes nothing.
    """
    from eventfuse.cli.render import events_table, run_progress
    from eventfuse.pipeline import Pipeline

    with _open(db) as store:
        pipeline = Pipeline(store)
        with run_progress(quiet) as advance:
            report = pipeline.run(paths, progress=advance)
        for line in report.failed:
            click.echo(f"error: {line}", err=True)
        if not quiet:
            events_table(store.events(EventFilter(limit=50)))
        s = report.events
        click.echo(
            f"{report.stored} article(s) stored, {report.skipped} already stored, "
            f"{report.linked_duplicates} near-copies linked, {len(report.failed)} failed; "
            f"{report.mentions} mention(s); events: {s.created} new, {s.updated} updated, "
            f"{s.removed} removed; {store.count_events()} in {store.url}"
        )
    if report.failed:
        sys.exit(1)


@cli.command()
@_db_option
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="First event date (YYYY-MM-DD).")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Last event date (YYYY-MM-DD).")
@click.option("--country", help="Country name, e.g. Iraq.")
@click.option("--admin1", help="First-level admin area, e.g. Anbar.")
@click.option("--type", "event_type", help="ACLED event type, e.g. Battles.")
@click.option("--actor", help="Substring of actor1 or actor2.")
@click.option("--limit", type=click.IntRange(1), help="At most this many events.")
@click.option(
    "--format",
    "fmt",
    default="table",
    show_default=True,
    type=click.Choice(["table", "csv", "json", "geojson", "acled", "ucdp", "parquet"]),
    help="table; csv; json (ACLED column names); geojson; acled (ACLED CSV); ucdp (UCDP GED "
    "CSV); parquet (needs --output).",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")  # fmt: skip
def events(
    db: str,
    since: Any,
    until: Any,
    country: str | None,
    admin1: str | None,
    event_type: str | None,
    actor: str | None,
    limit: int | None,
    fmt: str,
    output: Path | None,
) -> None:
    """List events, filtered, in one of several formats."""
    from eventfuse import export
    from eventfuse.cli.render import events_table

    flt = EventFilter(
        since=since.date() if since else None,
        until=until.date() if until else None,
        country=country,
        admin1=_canonical_admin1(admin1, country),
        event_type=event_type,
        actor=actor,
        limit=limit,
    )
    with _open(db) as store:
        found = store.events(flt)
    if fmt == "table" and output is None:
        events_table(found)
        return
    if fmt == "parquet":
        if output is None:
            raise ConfigError("--format parquet needs --output FILE")
        from eventfuse.store.parquet import write_parquet

        n = write_parquet((export.flat_row(e) for e in found), output)
        click.echo(f"wrote {n} event(s) to {output}")
        return
    text = _render(found, fmt)
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {len(found)} event(s) to {output}")


def _canonical_admin1(name: str | None, country: str | None) -> str | None:
    """The gazetteer's spelling of an admin1 the user typed ("Anbar" -> "Al Anbar")."""
    if not name:
        return name
    from eventfuse.geo import Geocoder

    return Geocoder.default().admin1_of(name, country) or name


def _render(found: list[Any], fmt: str) -> str:
    from eventfuse import export

    if fmt == "json":
        return export.to_json(found) + "\n"
    if fmt == "geojson":
        return json.dumps(export.to_geojson(found), ensure_ascii=False) + "\n"
    if fmt == "acled":
        return export.to_csv((export.acled_row(e) for e in found), export.ACLED_COLUMNS)
    if fmt == "ucdp":
        return export.to_csv((export.ucdp_row(e) for e in found), export.UCDP_COLUMNS)
    return export.to_csv((export.event_row(e) for e in found), export.ROW_COLUMNS)


@cli.command()
@click.argument("event_id")
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print the event with its claims as JSON.")
def show(event_id: str, db: str, as_json: bool) -> None:
    """Show an event: each field's value, every source's claim, and the evidence sentences."""
    from eventfuse.cli.render import show_event

    with _open(db) as store:
        event = store.get_event(event_id)
        if event is None:
            raise NotFoundError(f"no event with id {event_id}")
    if as_json:
        click.echo(json.dumps(event.to_dict(), ensure_ascii=False, indent=2))
    else:
        show_event(event)


@cli.command()
@click.argument("event_id")
@_db_option
def history(event_id: str, db: str) -> None:
    """Show every revision of an event and what caused it."""
    with _open(db) as store:
        revisions = store.history(event_id)
    if not revisions:
        raise NotFoundError(f"no history for event {event_id}")
    for r in revisions:
        changed = f" ({', '.join(r.fields_changed)})" if r.fields_changed else ""
        click.echo(f"#{r.number} {r.at:%Y-%m-%d %H:%M:%S} {r.change}{changed}: {r.cause}")


@cli.command()
@click.argument("article_id")
@_db_option
def forget(article_id: str, db: str) -> None:
    """Remove an article and its claims, and re-reconcile the events it supported."""
    from eventfuse.pipeline import Pipeline

    with _open(db) as store:
        s = Pipeline(store).forget(article_id)
    click.echo(f"forgot {article_id}: {s.updated} event(s) updated, {s.removed} removed")


@cli.command(name="eval")
@click.argument("data_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--limit", type=click.IntRange(1), help="Score only the first N rows.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object of metrics.")
@click.option(
    "--predictions", type=click.Path(dir_okay=False, path_type=Path),
    help="Also write one JSON line per row: {row_id, event} (CSV) or per snippet (JSONL).",
)  # fmt: skip
def eval_cmd(data_file: Path, limit: int | None, as_json: bool, predictions: Path | None) -> None:
    """Score the extractor against gold-coded data.

    \b
    DATA_FILE.csv: ACLED rows; each row's notes is coded as one document (one event) and
      scored against the row's coding (coded_rate, type, date, place, actors ...).
    DATA_FILE.jsonl: labelled news snippets, one JSON object a line:
      {"text": "...", "sub_event_type": "Armed clash", "event_type": "Battles"}
      plus optional "conflict" (false: not a conflict event) and "published" (ISO date).
      A record with no sub_event_type, or conflict false, is a non-conflict snippet (crime,
      disaster ...) that should be left uncoded. Each snippet is coded as a news article,
      as `eventfuse run` codes it; reported: sub_event_type_weighted_f1 (uncoded = wrong),
      event_type_accuracy, coded_rate and non_conflict_uncoded_rate.
    """
    if data_file.suffix.lower() == ".jsonl":
        from eventfuse.eval.snippets import evaluate_snippets

        snip = evaluate_snippets(data_file, limit=limit, predictions=predictions)
        metrics, errors = snip.metrics, snip.errors
    else:
        from eventfuse.eval.runner import evaluate_file

        result = evaluate_file(data_file, limit=limit, predictions=predictions)
        metrics, errors = result.metrics, result.errors
    if as_json:
        click.echo(json.dumps(metrics, indent=2))
    else:
        for key, value in metrics.items():
            click.echo(f"{key:28} {value}")
    for line in errors:
        click.echo(f"error: {line}", err=True)


@cli.command()
@click.argument("csv_files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write the model here instead of the packaged model folder.",
)
def train(csv_files: tuple[Path, ...], out: Path | None) -> None:
    """Rebuild the event-type model and actor dictionary from ACLED CSV files you own."""
    from eventfuse.extract.train import train as train_models

    report = train_models(list(csv_files), out)
    click.echo(str(report))


@cli.group()
def gazetteer() -> None:
    """Manage the offline gazetteer (GeoNames dumps and ACLED files you own)."""


@gazetteer.command("add")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--acled", is_flag=True, help="FILE is an ACLED CSV: add its locations.")
def gazetteer_add(file: Path, acled: bool) -> None:
    """Add a GeoNames dump (cities500.zip, IQ.zip, allCountries.zip, .txt) or an ACLED CSV."""
    from eventfuse.geo import add_acled, add_geonames

    added = add_acled(file) if acled else add_geonames(file)
    click.echo(f"added {added} place(s) from {file}")


@cli.command()
@click.argument("text")
def geocode(text: str) -> None:
    """Show what TEXT resolves to: toponyms found, candidates with scores, the chosen place."""
    from eventfuse.geo import geocode_report

    click.echo(json.dumps(geocode_report(text), ensure_ascii=False, indent=2, default=str))


@cli.command()
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option(
    "--ingest-token",
    envvar="EVENTFUSE_INGEST_TOKEN",
    help="Token required by POST /articles (without one, ingest over HTTP is off).",
)
def serve(db: str, host: str, port: int, ingest_token: str | None) -> None:
    """Serve the HTTP API (OpenAPI document at /openapi.json) and the web map at /."""
    from eventfuse.api import serve as serve_api

    serve_api(db, host=host, port=port, ingest_token=ingest_token)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
