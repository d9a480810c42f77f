"""Events as JSON for the API: the flat ACLED-column row, the detail view and GeoJSON features.

The row is ``eventfuse.export.event_row``, the shape ``eventfuse events --format json`` prints,
so the CLI, the exports and the API never drift apart.
"""

from __future__ import annotations

from typing import Any

from eventfuse.export import event_row
from eventfuse.model import Event
from eventfuse.store.base import Revision

__all__ = ["event_detail", "event_feature", "event_row"]

Row = dict[str, Any]


def event_detail(event: Event, history: list[Revision] | None = None) -> Row:
    """The row plus what the event panel needs: claims with evidence, disagreements, history."""
    row = dict(event_row(event))
    row["claims"] = [c.to_dict() for c in event.claims]
    row["disagreements"] = list(event.disagreements)
    row["n_independent_sources"] = event.n_independent_sources
    row["date"] = event.date.to_dict() if event.date else None
    row["assoc_actor1"] = list(event.assoc_actor1)
    row["assoc_actor2"] = list(event.assoc_actor2)
    row["fatalities_by_side"] = dict(event.fatalities_by_side)
    if history is not None:
        row["history"] = [
            {
                "number": r.number,
                "at": r.at.isoformat(),
                "cause": r.cause,
                "change": r.change,
                "fields_changed": list(r.fields_changed),
            }
            for r in history
        ]
    return row


def event_feature(event: Event) -> Row | None:
    """A GeoJSON Point feature, or None when the event has no coordinates."""
    place = event.place
    if place is None or place.latitude is None or place.longitude is None:
        return None
    props = event_row(event)
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": {"type": "Point", "coordinates": [place.longitude, place.latitude]},
        "properties": props,
    }
