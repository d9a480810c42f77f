"""Ingest: the world -> Article. Files (.txt, .html, .jsonl, feeds), folders, ACLED CSV.

Public API (implemented in the submodules):

- ``read_paths(paths) -> Iterator[Article | InputError]``: every article found under the paths
  (folders recursively, ``manifest.jsonl`` sidecars applied), and one ``InputError`` per file or
  record that could not be read. Never raises for bad input.
- ``read_acled_csv(path) -> Iterator[Article | InputError]``: one Article per row, ``notes`` as
  text, the coded columns kept in ``Article.gold``, ``timestamp`` as the publication date.
- ``article_id(text) -> str``: the content hash used as ``Article.id``.
- ``fingerprint(text) -> int`` and ``DuplicateIndex``: near-duplicate (syndicated copy) detection;
  ``link_duplicates(items, index)`` sets ``Article.duplicate_of``, and ``linkable(article)`` says
  which articles take part (not ACLED rows, not very short texts).
"""

from eventfuse.ingest.acled import parse_acled_date, read_acled_csv
from eventfuse.ingest.dedup import (
    DuplicateIndex,
    distance,
    fingerprint,
    is_near_duplicate,
    link_duplicates,
    linkable,
)
from eventfuse.ingest.reader import DEFAULT_MAX_BYTES, read_paths
from eventfuse.ingest.text import article_id

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DuplicateIndex",
    "article_id",
    "distance",
    "fingerprint",
    "is_near_duplicate",
    "link_duplicates",
    "linkable",
    "parse_acled_date",
    "read_acled_csv",
    "read_paths",
]
