"""The gazetteer's SQLite schema, shared by the packaged and the user gazetteer."""

from __future__ import annotations

SCHEMA = """
CREATE TABLE IF NOT EXISTS place (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    feature TEXT NOT NULL,     -- country, adm1, adm2, city, or a curated feature type
    country TEXT,              -- ACLED country name
    cc TEXT,                   -- ISO 3166-1 alpha-2 when known
    admin1 TEXT,
    admin2 TEXT,
    lat REAL,
    lon REAL,
    population INTEGER,
    source TEXT NOT NULL,
    gid TEXT                   -- source id (gn:<geonameid>, curated:<line>, ...)
);
CREATE TABLE IF NOT EXISTS name (
    key TEXT NOT NULL,         -- normalize.norm_key
    place_id INTEGER NOT NULL,
    PRIMARY KEY (key, place_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS skel (
    skel TEXT NOT NULL,        -- normalize.skeleton of a key
    key TEXT NOT NULL,
    PRIMARY KEY (skel, key)
) WITHOUT ROWID;
"""
