"""Event -> rows in the shapes people use: ACLED columns, UCDP GED columns, GeoJSON, CSV.

``event_row`` is the one flat shape shared by ``eventfuse events --format json``, the HTTP API
and the web page: ACLED's column names plus eventfuse's own (``fatalities_low`` ...).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from eventfuse.model import Event

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "notes", "fatalities",
)  # fmt: skip
UCDP_COLUMNS = (
    "id", "side_a", "side_b", "country", "adm_1", "adm_2", "where_description", "latitude",
    "longitude", "where_prec", "date_start", "date_end", "date_prec", "deaths_a", "deaths_b",
    "deaths_civilians", "deaths_unknown", "best", "low", "high", "number_of_sources",
    "source_article",
)  # fmt: skip
ROW_COLUMNS = (
    "id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1",
    "admin2", "location", "latitude", "longitude", "geo_precision", "time_precision",
    "fatalities", "fatalities_low", "fatalities_high", "injured", "arrested", "n_sources",
    "notes",
)  # fmt: skip


def event_row(event: Event) -> dict[str, Any]:
    """The flat JSON shape of an event (ACLED column names plus eventfuse's own)."""
    p = event.place
    return {
        "id": event.id,
        "event_date": event.date.coded.isoformat() if event.date else None,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1.name if event.actor1 else "",
        "actor2": event.actor2.name if event.actor2 else "",
        "country": p.country if p else None,
        "admin1": p.admin1 if p else None,
        "admin2": p.admin2 if p else None,
        "location": p.name if p else None,
        "latitude": p.latitude if p else None,
        "longitude": p.longitude if p else None,
        "geo_precision": p.geo_precision if p else None,
        "time_precision": int(event.date.precision) if event.date else None,
        "fatalities": event.fatalities,
        "fatalities_low": event.fatalities_low,
        "fatalities_high": event.fatalities_high,
        "injured": event.injured,
        "arrested": event.arrested,
        "notes": event.notes,
        "sources": [
            {"article_id": s.article_id, "outlet": s.outlet, "url": s.url, "title": s.title}
            for s in event.sources
        ],
        "n_sources": len(event.sources),
    }


def flat_row(event: Event) -> dict[str, Any]:
    """``event_row`` with the sources flattened to text (for Parquet and spreadsheets)."""
    row = event_row(event)
    row["sources"] = "; ".join(s["outlet"] or s["article_id"] for s in row["sources"])
    return row


def acled_row(event: Event) -> dict[str, Any]:
    """One row in ACLED's export layout (sources joined with "; ")."""
    row = event_row(event)
    inter1 = event.actor1.inter if event.actor1 else None
    inter2 = event.actor2.inter if event.actor2 else None
    codes = sorted(c for c in (inter1, inter2) if c)
    interaction = (
        (codes[0] * 10 + codes[1]) if len(codes) == 2 else (codes[0] * 10 if codes else "")
    )
    return {
        "event_id_cnty": event.id,
        "event_date": row["event_date"],
        "year": event.date.coded.year if event.date else "",
        "time_precision": row["time_precision"],
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": row["actor1"],
        "assoc_actor_1": "; ".join(event.assoc_actor1),
        "inter1": inter1 or "",
        "actor2": row["actor2"],
        "assoc_actor_2": "; ".join(event.assoc_actor2),
        "inter2": inter2 or "",
        "interaction": interaction,
        "country": row["country"],
        "admin1": row["admin1"],
        "admin2": row["admin2"],
        "admin3": event.place.admin3 if event.place else None,
        "location": row["location"],
        "latitude": _round(row["latitude"]),
        "longitude": _round(row["longitude"]),
        "geo_precision": row["geo_precision"],
        "source": "; ".join(sorted({s.outlet or s.article_id for s in event.sources})),
        "notes": event.notes,
        "fatalities": event.fatalities,
    }


def ucdp_row(event: Event) -> dict[str, Any]:
    """One row in the UCDP GED layout: best/low/high and deaths by side."""
    p = event.place
    side = event.fatalities_by_side
    best = event.fatalities_best if event.fatalities_best is not None else event.fatalities
    where_prec = {1: 1, 2: 2, 3: 4}.get(p.geo_precision, 5) if p else 6
    date_prec = {1: 1, 2: 3, 3: 4}.get(int(event.date.precision), 5) if event.date else 5
    known = sum(side.get(k, 0) for k in ("actor1", "actor2", "civilians"))
    return {
        "id": event.id,
        "side_a": event.actor1.name if event.actor1 else "",
        "side_b": event.actor2.name if event.actor2 else "",
        "country": p.country if p else None,
        "adm_1": p.admin1 if p else None,
        "adm_2": p.admin2 if p else None,
        "where_description": p.name if p else None,
        "latitude": p.latitude if p else None,
        "longitude": p.longitude if p else None,
        "where_prec": where_prec,
        "date_start": event.date.start.isoformat() if event.date else None,
        "date_end": event.date.end.isoformat() if event.date else None,
        "date_prec": date_prec,
        "deaths_a": side.get("actor1", 0),
        "deaths_b": side.get("actor2", 0),
        "deaths_civilians": side.get("civilians", 0),
        "deaths_unknown": max(0, (best or 0) - known),
        "best": best,
        "low": event.fatalities_low if event.fatalities_low is not None else event.fatalities,
        "high": event.fatalities_high if event.fatalities_high is not None else event.fatalities,
        "number_of_sources": len(event.sources),
        "source_article": ";".join(
            f'"{s.outlet or ""},{_source_date(event)},{s.title or s.article_id}"'
            for s in event.sources
        ),
    }


def to_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if row.get(k) is None else row.get(k)) for k in columns})
    return buf.getvalue()


def to_geojson(events: Iterable[Event]) -> dict[str, Any]:
    """A FeatureCollection of the events that have coordinates."""
    features = []
    for event in events:
        p = event.place
        if p is None or p.latitude is None or p.longitude is None:
            continue
        features.append(
            {
                "type": "Feature",
                "id": event.id,
                "geometry": {"type": "Point", "coordinates": [p.longitude, p.latitude]},
                "properties": event_row(event),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def to_json(events: Iterable[Event]) -> str:
    return json.dumps([event_row(e) for e in events], ensure_ascii=False, indent=2)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _source_date(event: Event) -> str:
    return event.date.coded.isoformat() if event.date else ""
