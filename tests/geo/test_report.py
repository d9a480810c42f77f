"""The JSON report behind ``eventfuse geocode``."""

from __future__ import annotations

import json

import pytest

from eventfuse.geo import Geocoder, geocode_report


def test_geocode_report_is_json(geo: Geocoder, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Geocoder, "_default", geo)
    rep = geocode_report("Militants attacked a checkpoint near Shirqat in Salaheddine.")
    json.dumps(rep)
    chosen = rep["chosen"]
    assert isinstance(chosen, dict) and chosen["geo_precision"] == 2
    assert chosen["country"] == "Iraq"
    tops = rep["toponyms"]
    assert isinstance(tops, list) and tops[0]["candidates"][0]["score"] > 0
