"""``read_paths``: files and folders -> Articles, one InputError per unreadable file or record.

Formats go by suffix (see ``read_paths``). Size: every file is read whole and so is bounded
by ``max_bytes``, except ACLED CSV and JSONL, which are streamed record by record (each JSONL
record is bounded by ``max_bytes``) and may be large.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from eventfuse.errors import InputError
from eventfuse.ingest.acled import is_acled_header, read_acled_csv
from eventfuse.ingest.decode import read_text
from eventfuse.ingest.feeds import looks_like_feed, read_feed
from eventfuse.ingest.htmlpage import read_html
from eventfuse.ingest.jsonl import read_jsonl_file
from eventfuse.ingest.manifest import MANIFEST_NAME, Manifest, load_manifest
from eventfuse.ingest.records import Meta, build_article
from eventfuse.model import Article

__all__ = ["DEFAULT_MAX_BYTES", "read_paths"]

DEFAULT_MAX_BYTES = 5_000_000
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
_SNIFF_BYTES = 4096

Item = Article | InputError


def read_paths(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Item]:
    """Every article under ``paths`` and one InputError per file or record that cannot be read.

    Folders are read recursively in sorted order, hidden files and folders skipped. A
    ``manifest.jsonl`` in a folder gives metadata for the files it names; its non-null values
    win over what a page says about itself. Never raises for bad input.

    Formats: .txt/.text/.md plain text; .html/.htm pages; .jsonl/.ndjson one article per
    line; .xml/.rss/.atom (or any unknown suffix whose content is a feed) RSS/Atom; .csv ACLED
    exports. Anything else is an "unsupported file type" error.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _read_folder(path, max_bytes)
        elif not path.exists():
            yield InputError(str(path), "no such file or directory")
        elif path.name == MANIFEST_NAME:
            yield InputError(str(path), "a manifest holds metadata, not articles")
        else:
            manifest = _parent_manifest(path, max_bytes)
            yield from _read_file(path, manifest.get(path.resolve()), max_bytes)


def _read_folder(folder: Path, max_bytes: int) -> Iterator[Item]:
    files, manifests = _walk(folder)
    meta: Manifest = {}
    for manifest_path in manifests:
        entries, errors = load_manifest(manifest_path, max_bytes)
        meta.update(entries)
        yield from errors
        for target in entries:
            if not target.exists():
                yield InputError(str(manifest_path), f"names a missing file: {target.name}")
    for path in files:
        yield from _read_file(path, meta.get(path.resolve()), max_bytes)


def _walk(folder: Path) -> tuple[list[Path], list[Path]]:
    """Non-hidden files (sorted by path) and manifests under ``folder``."""
    files: list[Path] = []
    manifests: list[Path] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.startswith("."):
                continue
            target = manifests if name == MANIFEST_NAME else files
            target.append(Path(root) / name)
    return sorted(files, key=lambda p: p.parts), sorted(manifests, key=lambda p: p.parts)


def _parent_manifest(path: Path, max_bytes: int) -> Manifest:
    """The manifest beside a single file given on its own (its errors are not this file's)."""
    candidate = path.parent / MANIFEST_NAME
    if not candidate.is_file():
        return {}
    return load_manifest(candidate, max_bytes)[0]


def _read_file(path: Path, manifest: Meta | None, max_bytes: int) -> Iterator[Item]:
    suffix = path.suffix.lower()
    src = str(path)
    if not path.is_file():  # a FIFO or device would block or never end
        yield InputError(src, "not a regular file")
        return
    if suffix == ".csv":
        yield from _read_csv(path)
        return
    if suffix in JSONL_SUFFIXES:  # bulk exports: bounded per record, streamed
        yield from read_jsonl_file(path, max_bytes, manifest or Meta())
        return
    known = suffix in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES
    if not known and not _sniff_feed(path):
        yield InputError(src, f"unsupported file type ({suffix or 'no suffix'})")
        return
    text = read_text(path, max_bytes)
    if isinstance(text, InputError):
        yield text
        return
    given = manifest or Meta()
    if suffix in TEXT_SUFFIXES:
        yield build_article(text, src, given)
    elif suffix in HTML_SUFFIXES:
        page = read_html(src, text)
        if isinstance(page, InputError):
            yield page
        else:
            yield build_article(page[0], src, given.over(page[1]))
    else:
        yield from read_feed(src, text, given)


def _sniff_feed(path: Path) -> bool:
    """Whether a file with an unknown suffix starts like an RSS/Atom feed."""
    head = _head(path)
    return isinstance(head, bytes) and looks_like_feed(head.decode("utf-8", errors="replace"))


def _read_csv(path: Path) -> Iterator[Item]:
    """ACLED exports are streamed; other CSVs are refused. Only the head is checked here."""
    src = str(path)
    head = _head(path)
    if isinstance(head, InputError):
        yield head
        return
    if not head:
        yield InputError(src, "empty file")
        return
    if b"\x00" in head:
        yield InputError(src, "binary file (not text)")
        return
    first = next(csv.reader(io.StringIO(head.decode("utf-8", "replace"))), [])
    if not is_acled_header(first):
        yield InputError(src, "CSV without ACLED columns (notes, event_date, event_type)")
        return
    yield from read_acled_csv(path)


def _head(path: Path) -> bytes | InputError:
    try:
        with path.open("rb") as fh:
            return fh.read(_SNIFF_BYTES)
    except OSError as exc:
        return InputError(str(path), f"cannot read file ({exc.strerror or exc})")
