"""eventfuse: news reports about armed conflict in, fused ACLED-style events with evidence out.

The public Python API::

    from eventfuse import Pipeline, open_store
    with open_store("eventfuse.duckdb") as store:
        report = Pipeline(store).run(["examples/articles"])
        for event in store.events():
            print(event.id, event.event_type, event.fatalities)
"""

from eventfuse.errors import ConfigError, EventfuseError, InputError, NotFoundError, StoreError
from eventfuse.model import (
    Actor,
    Article,
    Claim,
    DateRange,
    Event,
    Evidence,
    Mention,
    Place,
    Precision,
    SourceRef,
    Toponym,
)

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "Claim",
    "ConfigError",
    "DateRange",
    "Event",
    "EventfuseError",
    "Evidence",
    "InputError",
    "Mention",
    "NotFoundError",
    "Place",
    "Precision",
    "SourceRef",
    "StoreError",
    "Toponym",
    "__version__",
]
