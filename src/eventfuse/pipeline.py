"""The pipeline: ingest -> extract -> store -> fuse, over any Store.

Each article is stored with its mentions in one transaction, so a crash mid-run leaves no
half-stored article; articles already stored (same content hash) are skipped, so running twice
changes nothing. After new articles are stored, all mentions are fused again and the events are
saved as a whole; ``fuse`` keeps event ids stable across runs and the store records revisions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from eventfuse.errors import InputError, NotFoundError
from eventfuse.fuse import FuseConfig, fuse
from eventfuse.ingest import DuplicateIndex, link_duplicates, read_paths
from eventfuse.model import Article, Event, Mention
from eventfuse.store.base import SaveSummary, Store

if TYPE_CHECKING:
    from eventfuse.extract.extractor import Extractor

Progress = Callable[[int], None]


@dataclass
class RunReport:
    """What a run did: counts of articles, the input errors, and the events saved."""

    seen: int = 0
    stored: int = 0
    skipped: int = 0  # already stored (same content)
    linked_duplicates: int = 0  # near-copies of a stored article
    mentions: int = 0
    failed: list[str] = field(default_factory=list)  # one line per bad input
    events: SaveSummary = field(default_factory=SaveSummary)
    article_ids: list[str] = field(default_factory=list)  # stored by this run
    event_ids: list[str] = field(default_factory=list)  # events those articles support

    @property
    def ok(self) -> bool:
        return not self.failed


def default_extractor() -> Extractor:
    """The extractor with the packaged gazetteer, typer and actor dictionary."""
    from eventfuse.extract.extractor import Extractor
    from eventfuse.geo import Geocoder

    return Extractor(Geocoder.default())


class Pipeline:
    """Runs articles through every stage into a store."""

    def __init__(
        self,
        store: Store,
        extractor: Extractor | None = None,
        fuse_config: FuseConfig | None = None,
    ) -> None:
        self.store = store
        self._extractor = extractor
        self.fuse_config = fuse_config or FuseConfig()

    @property
    def extractor(self) -> Extractor:
        if self._extractor is None:  # loading spaCy costs a second: only when needed
            self._extractor = default_extractor()
        return self._extractor

    def run(self, paths: Iterable[str | Path], progress: Progress | None = None) -> RunReport:
        """Ingest files and folders, then fuse. Bad inputs are reported, never raised."""
        report = RunReport()
        articles: list[Article] = []
        for item in read_paths(paths):
            if isinstance(item, InputError):
                report.failed.append(str(item))
            else:
                articles.append(item)
        return self.ingest_articles(articles, progress=progress, report=report)

    def ingest_articles(
        self,
        articles: Sequence[Article],
        *,
        progress: Progress | None = None,
        report: RunReport | None = None,
    ) -> RunReport:
        report = report or RunReport()
        unseen: list[Article] = []
        seen_ids: set[str] = set()
        for article in articles:
            report.seen += 1
            if article.id in seen_ids or self.store.has_article(article.id):
                report.skipped += 1
                if progress:
                    progress(1)
                continue
            seen_ids.add(article.id)
            unseen.append(article)
        dups = DuplicateIndex(self.store.fingerprints())
        fresh = [a for a in link_duplicates(unseen, dups) if isinstance(a, Article)]
        report.linked_duplicates = sum(a.duplicate_of is not None for a in fresh)
        for article, mentions in self.extractor.extract_many(fresh):
            if self.store.add_article(article, mentions):
                report.stored += 1
                report.mentions += len(mentions)
                report.article_ids.append(article.id)
            if progress:
                progress(1)
        # Fuse on every run, not only when something was stored: a run that crashed after
        # storing articles is completed by the next one. Saving writes only what changed.
        cause = f"ingest {report.stored} article(s)" if report.stored else "re-fuse"
        report.events, events = self._refuse(cause)
        new = set(report.article_ids)
        report.event_ids = [e.id for e in events if any(s.article_id in new for s in e.sources)]
        return report

    def refuse(self, cause: str) -> SaveSummary:
        """Fuse every stored mention again and save the events (ids stay stable)."""
        return self._refuse(cause)[0]

    def _refuse(self, cause: str) -> tuple[SaveSummary, list[Event]]:
        articles = {a.id: a for a in self.store.articles()}
        mentions: list[Mention] = self.store.mentions()
        previous: list[Event] = self.store.events()
        events = fuse(mentions, articles, previous, self.fuse_config)
        return self.store.save_events(events, cause), events

    def forget(self, article_id: str) -> SaveSummary:
        """Remove an article and its claims, then re-reconcile the events it touched."""
        if not self.store.forget_article(article_id):
            raise NotFoundError(f"no article with id {article_id}")
        return self.refuse(f"forget {article_id}")
