"""What the DuckDB and PostgreSQL backends share: schema, migrations, queries, row mapping.

A backend subclasses :class:`SQLStore` and supplies only a connection, a :class:`Dialect`
(placeholder style, JSON column type) and four primitives (execute, query, transaction, close).
Every query here is written with ``?`` placeholders; the dialect rewrites them for the driver.
No value is ever formatted into SQL text: only placeholders, and column lists fixed in this file.
"""

from __future__ import annotations

import hashlib
import json
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from eventfuse.errors import ConfigError, StoreError
from eventfuse.model import Article, Event, Mention
from eventfuse.store.base import EventFilter, Revision, SaveSummary

Row = tuple[Any, ...]
Params = Sequence[Any]

# Rows per multi-row INSERT: far faster than executemany on DuckDB, and well under
# PostgreSQL's 65,535 bound parameters per statement.
INSERT_CHUNK = 400
# Ids per ``IN (...)`` list.
IN_CHUNK = 500


@dataclass(frozen=True)
class Dialect:
    """How one database spells the few things that differ."""

    name: str
    placeholder: str  # "?" (DuckDB) or "%s" (psycopg)
    json_type: str  # column type of JSON documents
    # Columnar stores read a wide column slowly for every row the filter keeps: pick the page
    # of ids first, then read the documents of just those ids.
    late_fetch: bool = False

    def sql(self, query: str) -> str:
        """Rewrite ``?`` placeholders for the driver (queries here contain no other ``?``/``%``)."""
        return query if self.placeholder == "?" else query.replace("?", self.placeholder)


# --- schema and migrations ------------------------------------------------------------------

Migration = Callable[[Dialect], list[str]]


def _v1_initial(d: Dialect) -> list[str]:
    """The first schema. ``*_key`` columns hold lower-cased values for case-insensitive filters."""
    j = d.json_type
    return [
        f"""CREATE TABLE articles (
            id TEXT PRIMARY KEY, title TEXT, outlet TEXT, url TEXT, published DATE,
            byline TEXT, source_path TEXT, text TEXT NOT NULL, gold {j}, duplicate_of TEXT,
            fingerprint BIGINT, added_at TIMESTAMP NOT NULL)""",
        f"""CREATE TABLE mentions (
            id TEXT PRIMARY KEY, article_id TEXT NOT NULL, seq INTEGER NOT NULL,
            event_type TEXT, event_date DATE, country TEXT, data {j} NOT NULL)""",
        "CREATE INDEX mentions_article ON mentions (article_id)",
        f"""CREATE TABLE events (
            id TEXT PRIMARY KEY, event_date DATE, country TEXT, country_key TEXT,
            admin1 TEXT, admin1_key TEXT, event_type TEXT, actor1 TEXT, actor2 TEXT,
            latitude FLOAT8, longitude FLOAT8, fatalities INTEGER, digest TEXT NOT NULL,
            data {j} NOT NULL)""",
        *_event_indexes(d),
        f"""CREATE TABLE event_revisions (
            event_id TEXT NOT NULL, number INTEGER NOT NULL, changed_at TIMESTAMP NOT NULL,
            cause TEXT NOT NULL, change TEXT NOT NULL, fields_changed {j} NOT NULL,
            snapshot {j} NOT NULL, PRIMARY KEY (event_id, number))""",
    ]


def _event_indexes(d: Dialect) -> list[str]:
    """PostgreSQL walks these in the order events() sorts by, and stops after ``limit`` rows.

    DuckDB gets none: its ART indexes serve only point lookups (the primary key does that),
    it scans these columns in milliseconds, and every index slows bulk inserts.
    """
    if d.name != "postgres":
        return []
    order = "event_date DESC NULLS LAST, id"
    return [
        f"CREATE INDEX events_date ON events ({order})",
        f"CREATE INDEX events_country_date ON events (country_key, {order})",
        f"CREATE INDEX events_admin1_date ON events (admin1_key, {order})",
        f"CREATE INDEX events_type_date ON events (event_type, {order})",
        "CREATE INDEX events_lonlat ON events (longitude, latitude)",
    ]


# Ordered: MIGRATIONS[i] brings a store from version i to version i + 1. Never edit a
# released entry; append a new one.
MIGRATIONS: tuple[Migration, ...] = (_v1_initial,)


# --- value mapping ----------------------------------------------------------------------------

_INT64 = 1 << 64
_INT63 = 1 << 63


def to_signed64(value: int) -> int:
    """Fingerprints are unsigned 64-bit; BIGINT is signed. Store the same bits."""
    value &= _INT64 - 1
    return value - _INT64 if value >= _INT63 else value


def from_signed64(value: int) -> int:
    return value + _INT64 if value < 0 else value


def dump_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def load_json(value: Any) -> Any:
    """DuckDB hands back the stored text; psycopg has already decoded JSONB."""
    if value is None or not isinstance(value, str | bytes):
        return value
    return json.loads(value)


def _naive_utc(at: datetime) -> datetime:
    return at.astimezone(UTC).replace(tzinfo=None)


ARTICLE_COLS = (
    "id, title, outlet, url, published, byline, source_path, text, gold, duplicate_of, "
    "fingerprint, added_at"
)
MENTION_COLS = "id, article_id, seq, event_type, event_date, country, data"
EVENT_COLS = (
    "id, event_date, country, country_key, admin1, admin1_key, event_type, actor1, actor2, "
    "latitude, longitude, fatalities, digest, data"
)
REVISION_COLS = "event_id, number, changed_at, cause, change, fields_changed, snapshot"


def article_row(a: Article, added_at: datetime) -> Row:
    gold = dump_json(a.gold) if a.gold is not None else None
    return (
        a.id, a.title, a.outlet, a.url, a.published, a.byline, a.source_path, a.text, gold,
        a.duplicate_of, to_signed64(a.fingerprint) if a.fingerprint is not None else None,
        _naive_utc(added_at),
    )  # fmt: skip


def row_article(r: Row) -> Article:
    gold = load_json(r[8])
    return Article(
        id=r[0], title=r[1], outlet=r[2], url=r[3], published=r[4], byline=r[5],
        source_path=r[6], text=r[7], gold=gold, duplicate_of=r[9],
        fingerprint=from_signed64(int(r[10])) if r[10] is not None else None,
    )  # fmt: skip


def mention_row(m: Mention, seq: int) -> Row:
    data = m.to_dict()
    country = m.place.country if m.place else None
    when = m.date.coded if m.date else None
    return (m.id, m.article_id, seq, m.event_type, when, country, dump_json(data))


def _lower(s: str | None) -> str | None:
    return s.lower() if s is not None else None


def event_row(e: Event, data_json: str, data_digest: str) -> Row:
    p = e.place
    country = p.country if p else None
    admin1 = p.admin1 if p else None
    return (
        e.id, e.date.coded if e.date else None, country, _lower(country), admin1,
        _lower(admin1), e.event_type, e.actor1.name if e.actor1 else None,
        e.actor2.name if e.actor2 else None, p.latitude if p else None,
        p.longitude if p else None, e.fatalities, data_digest, data_json,
    )  # fmt: skip


def row_revision(r: Row) -> Revision:
    at = r[2] if r[2].tzinfo else r[2].replace(tzinfo=UTC)
    return Revision(
        event_id=r[0], number=r[1], at=at, cause=r[3], change=r[4],
        fields_changed=tuple(load_json(r[5]) or ()), snapshot=load_json(r[6]) or {},
    )  # fmt: skip


# --- comparing events -------------------------------------------------------------------------

# Event fields that are sets in meaning: their order is noise, not a change.
UNORDERED_FIELDS = frozenset(
    {"assoc_actor1", "assoc_actor2", "mention_ids", "sources", "claims", "disagreements"}
)


def _canonical(key: str, value: Any) -> Any:
    """A JSON round-trip (tuples become lists, as stored) with set-like lists sorted."""
    value = json.loads(dump_json(value))
    if key in UNORDERED_FIELDS and isinstance(value, list):
        value = sorted(value, key=dump_json)
    return value


def digest(text: str) -> str:
    """A hash of an event's stored JSON. Equal digests: no change. Different digests are
    compared field by field (``changed_fields``), so reordered claims cost a comparison,
    never a revision."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def changed_fields(old: dict[str, Any], new: dict[str, Any]) -> tuple[str, ...]:
    """Top-level Event.to_dict() keys whose values differ (ignoring order of set-like lists)."""
    keys = sorted(set(old) | set(new))
    return tuple(k for k in keys if _canonical(k, old.get(k)) != _canonical(k, new.get(k)))


# --- filters ----------------------------------------------------------------------------------


def where_clause(flt: EventFilter) -> tuple[str, list[Any]]:
    """SQL condition text (fixed fragments only) and its bound parameters."""
    conds: list[str] = []
    params: list[Any] = []
    if flt.since is not None:
        conds.append("event_date >= ?")
        params.append(flt.since)
    if flt.until is not None:
        conds.append("event_date <= ?")
        params.append(flt.until)
    if flt.country:
        conds.append("country_key = ?")
        params.append(flt.country.lower())
    if flt.admin1:
        conds.append("admin1_key = ?")
        params.append(flt.admin1.lower())
    if flt.event_type:
        conds.append("event_type = ?")
        params.append(flt.event_type)
    if flt.actor:
        # strpos, not LIKE: the user's text needs no escaping of % and _.
        conds.append(
            "(strpos(lower(coalesce(actor1, '')), ?) > 0"
            " OR strpos(lower(coalesce(actor2, '')), ?) > 0)"
        )
        params += [flt.actor.lower(), flt.actor.lower()]
    if flt.bbox is not None:
        _bbox_condition(flt.bbox, conds, params)
    return (" WHERE " + " AND ".join(conds)) if conds else "", params


def _bbox_condition(
    bbox: tuple[float, float, float, float], conds: list[str], params: list[Any]
) -> None:
    min_lon, min_lat, max_lon, max_lat = (float(v) for v in bbox)
    if min_lat > max_lat:
        raise ConfigError(f"bbox: min_lat {min_lat} is above max_lat {max_lat}")
    conds.append("latitude BETWEEN ? AND ?")
    params += [min_lat, max_lat]
    if min_lon <= max_lon:
        conds.append("longitude BETWEEN ? AND ?")
    else:  # the box crosses the antimeridian
        conds.append("(longitude >= ? OR longitude <= ?)")
    params += [min_lon, max_lon]


def page_clause(flt: EventFilter) -> tuple[str, list[Any]]:
    if flt.offset < 0 or (flt.limit is not None and flt.limit < 0):
        raise ConfigError(f"limit/offset must not be negative: {flt.limit}/{flt.offset}")
    if flt.limit is None:
        return (" OFFSET ?", [flt.offset]) if flt.offset else ("", [])
    return " LIMIT ? OFFSET ?", [flt.limit, flt.offset]


def chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def placeholders(n: int) -> str:
    return ", ".join(["?"] * n)


# --- the shared store -------------------------------------------------------------------------


class SQLStore(ABC):
    """The Store protocol over any DB-API-like connection; subclasses supply the primitives."""

    url: str
    dialect: Dialect

    def __init__(self) -> None:
        # One connection per store; the API may call from several threads.
        self._lock = threading.RLock()

    # primitives -------------------------------------------------------------------------
    @abstractmethod
    def _execute(self, query: str, params: Params = ()) -> None: ...

    @abstractmethod
    def _query(self, query: str, params: Params = ()) -> list[Row]: ...

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[None]:
        """Commit on success, roll back on any exception (and re-raise it)."""

    @abstractmethod
    def _close(self) -> None: ...

    @abstractmethod
    def _db_errors(self) -> tuple[type[BaseException], ...]:
        """The driver's exception types, turned into StoreError."""

    # helpers ----------------------------------------------------------------------------
    def _run(self, query: str, params: Params = ()) -> None:
        self._execute(self.dialect.sql(query), params)

    def _rows(self, query: str, params: Params = ()) -> list[Row]:
        return self._query(self.dialect.sql(query), params)

    def _insert_many(self, table: str, cols: str, rows: Sequence[Row]) -> None:
        """Multi-row INSERTs; ``table`` and ``cols`` are constants of this module."""
        width = cols.count(",") + 1
        one = f"({placeholders(width)})"
        for part in chunks(rows, INSERT_CHUNK):
            query = f"INSERT INTO {table} ({cols}) VALUES " + ", ".join([one] * len(part))
            self._run(query, [v for row in part for v in row])

    def _rows_in(self, query: str, ids: Sequence[str], tail: str = "") -> list[Row]:
        """``query`` ends with ``IN``; run it over ``ids`` in chunks."""
        out: list[Row] = []
        for part in chunks(ids, IN_CHUNK):
            out += self._rows(f"{query} ({placeholders(len(part))}){tail}", list(part))
        return out

    def _guard(self, what: str) -> _Guard:
        return _Guard(self, what)

    # schema -----------------------------------------------------------------------------
    def _migrate(self, migrations: Sequence[Migration]) -> None:
        """Apply the migrations this store lacks, all in one transaction."""
        with self._guard("migrate"), self._transaction():
            self._run("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            found = self._rows("SELECT max(version) FROM schema_version")
            current = int(found[0][0] or 0) if found else 0
            if current > len(migrations):
                raise StoreError(
                    f"{self.url}: schema version {current} is newer than this eventfuse "
                    f"knows ({len(migrations)}); upgrade eventfuse"
                )
            for migration in migrations[current:]:
                for statement in migration(self.dialect):
                    self._run(statement)
            if current < len(migrations):
                self._run("DELETE FROM schema_version")
                self._run("INSERT INTO schema_version (version) VALUES (?)", [len(migrations)])

    def schema_version(self) -> int:
        with self._guard("read schema version"):
            return int(self._rows("SELECT max(version) FROM schema_version")[0][0] or 0)

    # articles and mentions --------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        with self._guard("read article"):
            return bool(self._rows("SELECT 1 FROM articles WHERE id = ?", [article_id]))

    def add_article(self, article: Article, mentions: Sequence[Mention]) -> bool:
        """Store an article with its mentions atomically. False if it was stored already."""
        with self._guard(f"add article {article.id}"), self._transaction():
            if self._rows("SELECT 1 FROM articles WHERE id = ?", [article.id]):
                return False
            rows = [mention_row(m, i) for i, m in enumerate(mentions)]
            self._insert_many("articles", ARTICLE_COLS, [article_row(article, _now())])
            self._insert_many("mentions", MENTION_COLS, rows)
            return True

    def get_article(self, article_id: str) -> Article | None:
        with self._guard(f"read article {article_id}"):
            rows = self._rows(f"SELECT {ARTICLE_COLS} FROM articles WHERE id = ?", [article_id])
        return row_article(rows[0]) if rows else None

    def articles(self) -> list[Article]:
        with self._guard("read articles"):
            rows = self._rows(f"SELECT {ARTICLE_COLS} FROM articles ORDER BY added_at, id")
        return [row_article(r) for r in rows]

    def count_articles(self) -> int:
        with self._guard("count articles"):
            return int(self._rows("SELECT count(*) FROM articles")[0][0])

    def fingerprints(self) -> list[tuple[str, int]]:
        with self._guard("read fingerprints"):
            rows = self._rows(
                "SELECT id, fingerprint FROM articles WHERE fingerprint IS NOT NULL ORDER BY id"
            )
        return [(r[0], from_signed64(int(r[1]))) for r in rows]

    def set_fingerprint(self, article_id: str, fingerprint: int) -> None:
        with self._guard(f"set fingerprint of {article_id}"), self._transaction():
            self._run(
                "UPDATE articles SET fingerprint = ? WHERE id = ?",
                [to_signed64(fingerprint), article_id],
            )

    def mentions(self, article_ids: Iterable[str] | None = None) -> list[Mention]:
        base = "SELECT data FROM mentions"
        order = " ORDER BY article_id, seq"
        with self._guard("read mentions"):
            if article_ids is None:
                rows = self._rows(base + order)
            else:
                ids = sorted(set(article_ids))
                rows = self._rows_in(base + " WHERE article_id IN", ids, order)
        return [Mention.from_dict(load_json(r[0])) for r in rows]

    def forget_article(self, article_id: str) -> bool:
        with self._guard(f"forget article {article_id}"), self._transaction():
            if not self._rows("SELECT 1 FROM articles WHERE id = ?", [article_id]):
                return False
            self._run("DELETE FROM mentions WHERE article_id = ?", [article_id])
            self._run("DELETE FROM articles WHERE id = ?", [article_id])
            return True

    # events -----------------------------------------------------------------------------
    def save_events(self, events: Sequence[Event], cause: str) -> SaveSummary:
        """Make ``events`` the stored set, with a revision for each created/updated/removed one.

        A removed event's revision keeps its last stored snapshot, so history shows what went.
        """
        new = {e.id: e for e in events}
        if len(new) != len(events):
            raise StoreError(f"save_events({cause!r}): duplicate event ids")
        with self._guard(f"save events ({cause})"), self._transaction():
            # Compare digests first, so that only changed or removed events are read back.
            stored: dict[str, str] = {
                r[0]: r[1] for r in self._rows("SELECT id, digest FROM events")
            }
            fresh = {eid: e.to_dict() for eid, e in new.items()}
            texts = {eid: dump_json(d) for eid, d in fresh.items()}
            digests = {eid: digest(t) for eid, t in texts.items()}
            differ = [i for i, d in digests.items() if i in stored and stored[i] != d]
            gone = [i for i in stored if i not in new]
            query = "SELECT id, data FROM events WHERE id IN"
            old = {r[0]: load_json(r[1]) for r in self._rows_in(query, sorted(differ + gone))}
            plan = _plan(stored.keys(), old, fresh)
            texts |= {eid: dump_json(old[eid]) for eid, _ in plan.removed}
            self._apply(plan, new, texts, cause)
        return plan.summary()

    def _apply(self, plan: _Plan, new: dict[str, Event], texts: dict[str, str], cause: str) -> None:
        """Write the plan; ``texts``: the JSON of every new and removed event."""
        gone = [eid for eid, _ in plan.removed] + [eid for eid, _ in plan.updated]
        for part in chunks(gone, IN_CHUNK):
            self._run(f"DELETE FROM events WHERE id IN ({placeholders(len(part))})", list(part))
        writes = [(eid, ()) for eid in plan.created] + plan.updated
        rows = [event_row(new[eid], texts[eid], digest(texts[eid])) for eid, _ in writes]
        self._insert_many("events", EVENT_COLS, rows)
        touched = [eid for eid, _ in writes] + [eid for eid, _ in plan.removed]
        numbers = self._last_numbers(touched)
        at = _naive_utc(_now())
        revs: list[Row] = []
        for change, items in (("created", [(e, ()) for e in plan.created]),
                              ("updated", plan.updated), ("removed", plan.removed)):  # fmt: skip
            for eid, fields in items:
                number = numbers.get(eid, 0) + 1
                revs.append((eid, number, at, cause, change, dump_json(list(fields)),
                             texts[eid]))  # fmt: skip
        self._insert_many("event_revisions", REVISION_COLS, revs)

    def _last_numbers(self, ids: Sequence[str]) -> dict[str, int]:
        """The latest revision number of each id that has one."""
        if len(ids) > 4 * IN_CHUNK:  # one scan beats many IN lists
            wanted = set(ids)
            query = "SELECT event_id, max(number) FROM event_revisions GROUP BY event_id"
            return {r[0]: int(r[1]) for r in self._rows(query) if r[0] in wanted}
        rows = self._rows_in(
            "SELECT event_id, max(number) FROM event_revisions WHERE event_id IN",
            sorted(ids),
            " GROUP BY event_id",
        )
        return {r[0]: int(r[1]) for r in rows}

    def events(self, flt: EventFilter | None = None) -> list[Event]:
        flt = flt or EventFilter()
        where, params = where_clause(flt)
        page, page_params = page_clause(flt)
        order = " ORDER BY event_date DESC NULLS LAST, id"
        with self._guard("read events"):
            if not self.dialect.late_fetch:
                rows = self._rows(
                    f"SELECT data FROM events{where}{order}{page}", params + page_params
                )
                return [Event.from_dict(load_json(r[0])) for r in rows]
            ids = [r[0] for r in self._rows(f"SELECT id FROM events{where}{order}{page}",
                                            params + page_params)]  # fmt: skip
            query = "SELECT id, data FROM events WHERE id IN"
            docs: dict[str, Any] = {r[0]: r[1] for r in self._rows_in(query, ids)}
        return [Event.from_dict(load_json(docs[i])) for i in ids]

    def count_events(self, flt: EventFilter | None = None) -> int:
        where, params = where_clause(flt or EventFilter())
        with self._guard("count events"):
            return int(self._rows(f"SELECT count(*) FROM events{where}", params)[0][0])

    def get_event(self, event_id: str) -> Event | None:
        with self._guard(f"read event {event_id}"):
            rows = self._rows("SELECT data FROM events WHERE id = ?", [event_id])
        return Event.from_dict(load_json(rows[0][0])) if rows else None

    def history(self, event_id: str) -> list[Revision]:
        with self._guard(f"read history of {event_id}"):
            rows = self._rows(
                f"SELECT {REVISION_COLS} FROM event_revisions WHERE event_id = ? ORDER BY number",
                [event_id],
            )
        return [row_revision(r) for r in rows]

    # lifecycle --------------------------------------------------------------------------
    def close(self) -> None:
        with self._lock:
            self._close()

    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.url!r})"


def _now() -> datetime:
    return datetime.now(UTC)


class _Guard:
    """Holds the store's lock and turns driver errors into one-line StoreErrors."""

    def __init__(self, store: SQLStore, what: str) -> None:
        self.store = store
        self.what = what

    def __enter__(self) -> None:
        self.store._lock.acquire()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: Any
    ) -> None:
        self.store._lock.release()
        if exc is not None and isinstance(exc, self.store._db_errors()):
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"{self.store.url}: {self.what}: {first}") from exc


@dataclass
class _Plan:
    created: list[str]
    updated: list[tuple[str, tuple[str, ...]]]
    removed: list[tuple[str, tuple[str, ...]]]
    unchanged: int

    def summary(self) -> SaveSummary:
        return SaveSummary(len(self.created), len(self.updated), len(self.removed), self.unchanged)


def _plan(
    stored: Iterable[str], old: dict[str, dict[str, Any]], fresh: dict[str, dict[str, Any]]
) -> _Plan:
    """Sort events into created/updated/removed/unchanged.

    ``stored``: every stored id; ``old``: stored data of those whose digest differs or that
    are gone; ``fresh``: the new events' data.
    """
    stored = set(stored)
    plan = _Plan([], [], [], 0)
    for eid, data in fresh.items():
        if eid not in stored:
            plan.created.append(eid)
        elif eid in old and (fields := changed_fields(old[eid], data)):
            plan.updated.append((eid, fields))
        else:
            plan.unchanged += 1
    for eid in sorted(stored - fresh.keys()):
        plan.removed.append((eid, ()))
    return plan


def redact_url(url: str) -> str:
    """Hide a password before a URL goes into messages and ``store.url``."""
    head, sep, rest = url.partition("://")
    creds, at, host = rest.rpartition("@")
    if not at or ":" not in creds:
        return url
    return f"{head}{sep}{creds.split(':', 1)[0]}:***@{host}"
