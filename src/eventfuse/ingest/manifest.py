"""``manifest.jsonl`` sidecars: per-file metadata (title, outlet, byline, published, url) for
the files of the manifest's folder, named relative to it. Unknown keys are ignored."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eventfuse.errors import InputError
from eventfuse.ingest.decode import read_text
from eventfuse.ingest.records import Meta, meta_from_record

__all__ = ["MANIFEST_NAME", "Manifest", "load_manifest"]

MANIFEST_NAME = "manifest.jsonl"

# Resolved file path -> its metadata.
Manifest = dict[Path, Meta]


def load_manifest(path: Path, max_bytes: int) -> tuple[Manifest, list[InputError]]:
    """The entries of one manifest and one InputError (``manifest:line``) per bad line."""
    text = read_text(path, max_bytes)
    if isinstance(text, InputError):
        return {}, [text]
    entries: Manifest = {}
    errors: list[InputError] = []
    folder = path.parent.resolve()
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        entry = _parse_line(f"{path}:{lineno}", folder, line)
        if isinstance(entry, InputError):
            errors.append(entry)
        else:
            entries[entry[0]] = entry[1]
    return entries, errors


def _parse_line(where: str, folder: Path, line: str) -> tuple[Path, Meta] | InputError:
    try:
        record: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(record, dict):
        return InputError(where, "expected a JSON object")
    name = record.get("file")
    if not isinstance(name, str) or not name.strip():
        return InputError(where, "missing 'file'")
    target = (folder / name).resolve()
    if not target.is_relative_to(folder):
        return InputError(where, f"'file' points outside the manifest's folder: {name!r}")
    meta = meta_from_record(where, record)
    if isinstance(meta, InputError):
        return meta
    return target, meta
