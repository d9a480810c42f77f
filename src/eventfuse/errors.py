"""The exception hierarchy. Every error eventfuse raises on purpose is an ``EventfuseError``.

EventfuseError
├── InputError        a file or record that cannot be read (names the file and the problem)
├── StoreError        the database cannot be opened, migrated or written
├── ConfigError       a bad option, setting or file given by the user
└── NotFoundError     an event, article or resource id that does not exist
"""

from __future__ import annotations


class EventfuseError(Exception):
    """Base class of every error eventfuse raises on purpose."""


class InputError(EventfuseError):
    """An input that cannot be read. ``str()`` is one line: ``<source>: <problem>``."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class StoreError(EventfuseError):
    """The store cannot be opened, migrated or written."""


class ConfigError(EventfuseError):
    """A bad option, setting or configuration file."""


class NotFoundError(EventfuseError):
    """An id that names nothing stored."""
