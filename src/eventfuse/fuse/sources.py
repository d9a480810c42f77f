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


class ArticleIndex:
    """Per-article facts that every event of one fuse call needs, each computed once.

    Events share articles (a wire story reports hundreds of events), so publication day,
    outlet, independent root and the immutable SourceRef are cached instead of being looked
    up and rebuilt for every event.
    """

    def __init__(self, articles: Mapping[str, Article]) -> None:
        self.articles = articles
        self._days: dict[str, int | None] = {}
        self._roots: dict[str, str] = {}
        self._refs: dict[str, SourceRef] = {}

    def day(self, article_id: str) -> int | None:
        """The publication day (proleptic ordinal) of the article, None when unknown."""
        if article_id in self._days:
            return self._days[article_id]
        art = self.articles.get(article_id)
        pub = art.published if art is not None else None
        day = self._days[article_id] = pub.toordinal() if pub is not None else None
        return day

    def outlet(self, article_id: str) -> str | None:
        art = self.articles.get(article_id)
        return art.outlet if art is not None else None

    def root(self, article_id: str) -> str:
        root = self._roots.get(article_id)
        if root is None:
            root = self._roots[article_id] = root_of(article_id, self.articles)
        return root

    def ref(self, article_id: str) -> SourceRef:
        ref = self._refs.get(article_id)
        if ref is None:
            ref = self._refs[article_id] = source_refs([article_id], self.articles)[0]
        return ref
