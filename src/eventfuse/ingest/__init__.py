"""Ingest: the world -> Article. Files (.txt, .html, .jsonl, feeds), folders, ACLED CSV.

Public API (implemented in the submodules):

- ``read_paths(paths) -> Iterator[Article | InputError]``: every article found under the paths
  (folders recursively, ``manifest.jsonl`` sidecars applied), and one ``InputError`` per file or
  record that could not be read. Never raises for bad input.
- ``read_acled_csv(path) -> Iterator[Article | InputError]``: one Article per row, ``notes`` as
  text, the coded columns kept in ``Article.gold``, ``timestamp`` as the publication date.
- ``article_id(text) -> str``: the content hash used as ``Article.id``.
- ``fingerprint(text) -> int`` and ``DuplicateIndex``: near-duplicate (syndicated copy) detection.
"""
