"""The web page (map, timeline, event panel) served by the API at ``/``: static files only."""

from __future__ import annotations

from pathlib import Path

__all__ = ["static_dir"]


def static_dir() -> Path:
    """The folder holding index.html, the JS, the CSS and the offline basemap."""
    return Path(__file__).resolve().parent / "static"
