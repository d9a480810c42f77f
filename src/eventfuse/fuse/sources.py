"""Sources of an event: references, and independence after collapsing near-copies."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from eventfuse.model import Article, SourceRef

MAX_CHAIN = 64  # bound on duplicate_of chains (also stops cycles)


def root_of(article_id: str, articles: Mapping[str, Article]) -> str:
    """The original article a near-copy descends from (following ``duplicate_of``)."""
    current, seen = article_id, {article_id}
    for _ in range(MAX_CHAIN):
        art = articles.get(current)
        parent = art.duplicate_of if art else None
        if not parent or parent in seen:
            break
        seen.add(parent)
        current = parent
    return current


def independent_roots(
    article_ids: Sequence[str], articles: Mapping[str, Article]
) -> dict[str, str]:
    """Article id -> its independent source (the root of its near-copy chain)."""
    return {a: root_of(a, articles) for a in article_ids}


def source_refs(
    article_ids: Sequence[str], articles: Mapping[str, Article]
) -> tuple[SourceRef, ...]:
    refs = []
    for a in article_ids:
        art = articles.get(a)
        if art is None:
            refs.append(SourceRef(a))
        else:
            refs.append(SourceRef(a, art.outlet, art.url, art.title))
    return tuple(refs)
