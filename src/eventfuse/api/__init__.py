"""The HTTP API (FastAPI): ``create_app(store_url)`` builds it, ``serve(store_url)`` runs it."""

from eventfuse.api.app import create_app, serve

__all__ = ["create_app", "serve"]
