"""The HTTP API and the web page: ``create_app`` builds the FastAPI app, ``serve`` runs it.

Configuration comes from the arguments, else the environment:
    EVENTFUSE_DB             the store (path or URL; default ./eventfuse.duckdb)
    EVENTFUSE_INGEST_TOKEN   bearer token for POST /articles; unset: ingesting is refused (403)
    EVENTFUSE_READ_TOKEN     bearer token for reading; unset: reading is open
The OpenAPI document is at /openapi.json. The interactive /docs page is off on purpose: FastAPI
loads it from a CDN, and this server serves nothing from the internet.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from eventfuse import __version__
from eventfuse.api.ingest import parse_article, read_body, request_body_schema, run_ingest
from eventfuse.api.params import EVENT_TYPES, RawFilter, to_filter
from eventfuse.api.rows import event_detail, event_feature, event_row
from eventfuse.api.security import check_read, require_token
from eventfuse.errors import ConfigError, EventfuseError, InputError, NotFoundError, StoreError
from eventfuse.store import open_store
from eventfuse.store.base import EventFilter, Store
from eventfuse.web import static_dir

log = logging.getLogger(__name__)
PipelineFactory = Callable[[Store], Any]
Filters = Annotated[RawFilter, Depends()]
MAX_ID = 200  # longest event/article id looked up
LIST_LIMIT = (100, 1000)  # GET /events: default and maximum page size
GEOJSON_LIMIT = (5000, 20000)  # GET /events.geojson: the map wants more points per request
# The page loads only its own files; nothing inline, nothing from elsewhere.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'none'"
)


class _Locked:
    """The store behind a lock: backends hold one connection, which threads must not share."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._pipeline: Any = None

    @contextmanager
    def use(self) -> Iterator[Store]:
        with self._lock:
            yield self.store

    def pipeline(self, factory: PipelineFactory) -> Any:
        """One pipeline for the app's life: its extractor (spaCy) loads once, not per request.
        Call with the lock held."""
        if self._pipeline is None:
            self._pipeline = factory(self.store)
        return self._pipeline


def _default_pipeline_factory(store: Store) -> Any:
    try:
        from eventfuse.pipeline import Pipeline
    except ImportError as exc:
        raise HTTPException(503, "ingesting needs eventfuse.pipeline, which is missing") from exc
    return Pipeline(store)


def _env(name: str) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or None


def create_app(
    store_url: str | Store | None = None,
    *,
    ingest_token: str | None = None,
    read_token: str | None = None,
    pipeline_factory: PipelineFactory | None = None,
) -> FastAPI:
    """The API over the store at ``store_url`` (or an open Store, which the app then owns)."""
    ingest_token = ingest_token or _env("EVENTFUSE_INGEST_TOKEN")
    read_token = read_token or _env("EVENTFUSE_READ_TOKEN")
    if isinstance(store_url, str) or store_url is None:
        store: Store = open_store(store_url or _env("EVENTFUSE_DB") or "eventfuse.duckdb")
    else:
        store = store_url
    locked = _Locked(store)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        try:
            store.close()
        except EventfuseError as exc:  # shutting down anyway: say so, do not crash
            log.warning("closing the store failed: %s", exc)

    app = FastAPI(
        title="eventfuse",
        version=__version__,
        description="Fused, evidenced ACLED-style events from news reports.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = store
    _add_error_handlers(app)
    _add_security_headers(app)

    def reader(request: Request) -> None:
        check_read(request, read_token, ingest_token)

    _add_read_routes(app, locked, Depends(reader))
    _add_ingest_route(app, locked, ingest_token, pipeline_factory or _default_pipeline_factory)
    _add_page(app)
    return app


def _add_read_routes(app: FastAPI, locked: _Locked, auth: Any) -> None:

    @app.get("/health", tags=["meta"])
    def health() -> dict[str, Any]:
        """Liveness and store reachability. Always open (no token)."""
        with locked.use() as store:
            n_events = store.count_events()
        return {"status": "ok", "version": __version__, "events": n_events}

    @app.get("/meta", tags=["meta"], dependencies=[auth])
    def meta() -> dict[str, Any]:
        """What the filters accept."""
        return {"event_types": list(EVENT_TYPES), "max_limit": LIST_LIMIT[1]}

    @app.get("/events", tags=["events"], dependencies=[auth])
    def list_events(raw: Filters) -> JSONResponse:
        """Events matching the filters, as flat ACLED-style rows, one page at a time.

        Returns ``{"total", "limit", "offset", "events": [row, ...]}``."""
        flt = to_filter(raw, *LIST_LIMIT)
        with locked.use() as store:
            events = store.events(flt)
            total = _total(store, flt, len(events))
        rows = [event_row(e) for e in events]
        return JSONResponse(
            {"total": total, "limit": flt.limit, "offset": flt.offset, "events": rows}
        )

    @app.get("/events.geojson", tags=["events"], dependencies=[auth])
    def events_geojson(raw: Filters) -> JSONResponse:
        """Events with coordinates as a GeoJSON FeatureCollection (same filters as /events)."""
        flt = to_filter(raw, *GEOJSON_LIMIT)
        with locked.use() as store:
            events = store.events(flt)
            total = _total(store, flt, len(events))
        features = [f for f in (event_feature(e) for e in events) if f is not None]
        body = {"type": "FeatureCollection", "features": features, "total": total}
        body |= {"limit": flt.limit, "offset": flt.offset}
        return JSONResponse(body, media_type="application/geo+json")

    @app.get("/events/{event_id}", tags=["events"], dependencies=[auth])
    def get_event(event_id: str) -> JSONResponse:
        """One event with every source's claims, their evidence sentences and its history."""
        _check_id("event", event_id)
        with locked.use() as store:
            event = store.get_event(event_id)
            history = store.history(event_id) if event else []
        if event is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return JSONResponse(event_detail(event, history))

    @app.get("/articles/{article_id}", tags=["articles"], dependencies=[auth])
    def get_article(article_id: str) -> dict[str, Any]:
        """One stored article, text verbatim."""
        _check_id("article", article_id)
        with locked.use() as store:
            article = store.get_article(article_id)
        if article is None:
            raise HTTPException(404, f"no article {article_id!r}")
        data = article.to_dict()
        data.pop("source_path", None)  # a path on the server's disk is nobody's business
        return data


def _add_ingest_route(
    app: FastAPI, locked: _Locked, token: str | None, factory: PipelineFactory
) -> None:
    @app.post(
        "/articles",
        tags=["articles"],
        status_code=201,
        openapi_extra=request_body_schema(),
        responses={200: {"description": "already stored"}, 403: {"description": "no token set"}},
    )
    async def post_article(request: Request, response: Response) -> dict[str, Any]:
        """Ingest one article (JSON, at most 1 MB). Needs ``Authorization: Bearer <token>``
        with the configured ingest token; with none configured, ingesting is refused (403)."""
        require_token(request, token, purpose="ingesting")
        article = parse_article(await read_body(request))
        from starlette.concurrency import run_in_threadpool

        result = await run_in_threadpool(_ingest_locked, locked, factory, article)
        if result["duplicate"]:
            response.status_code = 200
        return result


def _ingest_locked(locked: _Locked, factory: PipelineFactory, article: Any) -> dict[str, Any]:
    with locked.use() as store:
        return run_ingest(store, locked.pipeline(factory), article)


def _add_page(app: FastAPI) -> None:
    root = static_dir()

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(root / "index.html", media_type="text/html")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)  # no icon, and no 404 in the browser console

    app.mount("/static", StaticFiles(directory=root), name="static")


def _total(store: Store, flt: EventFilter, n_page: int) -> int:
    """How many events match. A short, non-empty page (or an empty first one) already says
    so; only a full page or one past the end needs the second query."""
    limit = flt.limit or 0
    if (0 < n_page < limit) or (n_page == 0 and flt.offset == 0):
        return flt.offset + n_page
    return store.count_events(flt)


def _check_id(kind: str, value: str) -> None:
    if not value or len(value) > MAX_ID or any(ord(c) < 32 for c in value):
        raise HTTPException(400, f"{kind} id: expected 1..{MAX_ID} printable characters")


def _add_error_handlers(app: FastAPI) -> None:
    def handler(status: int) -> Callable[[Request, Exception], Any]:
        async def handle(_: Request, exc: Exception) -> JSONResponse:
            return JSONResponse({"detail": str(exc) or type(exc).__name__}, status_code=status)

        return handle

    app.add_exception_handler(StoreError, handler(503))
    app.add_exception_handler(NotFoundError, handler(404))
    app.add_exception_handler(InputError, handler(400))
    app.add_exception_handler(ConfigError, handler(400))
    app.add_exception_handler(EventfuseError, handler(400))


def _add_security_headers(app: FastAPI) -> None:
    @app.middleware("http")
    async def headers(request: Request, call_next: Callable[[Request], Any]) -> Response:
        response: Response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response


def serve(
    store_url: str | None = None,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    ingest_token: str | None = None,
    read_token: str | None = None,
    pipeline_factory: PipelineFactory | None = None,
    log_level: str = "info",
) -> None:
    """Run the API and page with uvicorn until interrupted."""
    import uvicorn

    app = create_app(
        store_url,
        ingest_token=ingest_token,
        read_token=read_token,
        pipeline_factory=pipeline_factory,
    )
    uvicorn.run(app, host=host, port=port, log_level=log_level)
